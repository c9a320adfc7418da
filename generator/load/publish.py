"""The publish gate both adapters use: load the data and refuse anything that may not go out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.clock import build_date
from generator.load import dataset as dataset_module
from generator.load.advisories import advisories, blocking, personal_problems
from generator.load.dataset import Dataset
from generator.load.errors import DataError, Problem


def load(data_dir: Path, *, label: str = "data", today: date | None = None) -> Dataset:
    """Load like :func:`generator.load.dataset.load`; on errors, report personal data with them.

    The files that parsed are scanned too, so staff fix everything in one round.
    """
    parsed = dataset_module.read(data_dir, label)
    try:
        return dataset_module.check(parsed, today or build_date())
    except DataError as error:
        raise DataError([*error.problems, *personal_problems(parsed.sources)]) from None


def load_publishable(data_dir: Path, *, label: str = "data", today: date | None = None) -> Dataset:
    """Load like :func:`generator.load.dataset.load`, and also raise on blocking advisories.

    When the data has errors, personal data is reported with them.
    """
    data = load(data_dir, label=label, today=today)
    stop = blocking(data)
    if stop:
        raise DataError(stop)
    return data


def notices(data: Dataset) -> tuple[Problem, ...]:
    """The advisories that do not stop publishing, for an adapter to show while it builds."""
    return tuple(a.problem for a in advisories(data) if not a.blocking)
