"""One side of a change: the data files at a git ref or in the working tree, validated.

Only parsed and validated, never cross-checked: an old base must not fail today's
date rules, and the comparison needs each side's entries as staff wrote them.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.load import yaml_strict as yamlstrict
from generator.load.dataset import Dataset, Parsed, check, parse_each
from generator.load.errors import DataError, Problem
from generator.load.located import Loaded
from generator.models.files import DATA_FILES, OPTIONAL_FILES
from generator.models.publisher import PUBLISHER_FILE


@dataclass(frozen=True)
class Snapshot:
    """The data files of one side of the comparison, parsed and validated (not cross-checked)."""

    sources: dict[str, Loaded]
    entries: dict[str, tuple[Any, ...]]
    parsed: Parsed

    def of(self, name: str) -> tuple[Any, ...]:
        """The entries of one data file (empty when the file is absent)."""
        return self.entries.get(name, ())


def _key(name: str) -> str:
    return next(iter(DATA_FILES[name].model_fields))


def snapshot(texts: dict[str, str | None], label: str) -> Snapshot:
    """Parse and validate each file's text (None: the file does not exist there)."""

    def read_file(name: str) -> Loaded | None:
        text = texts.get(name)
        if text is not None:
            return yamlstrict.parse(text, f"{label}/{name}")
        if name in OPTIONAL_FILES:
            return None
        missing = Problem(
            f"{label}/{name}", 0, 0, "", "the file is missing", "restore it from the example data"
        )
        raise DataError([missing])

    parsed = parse_each(read_file)
    if parsed.problems:
        raise DataError(parsed.problems)
    entries = {
        name: (model,) if name == PUBLISHER_FILE else getattr(model, _key(name))
        for name, model in parsed.models.items()
    }
    return Snapshot(parsed.sources, entries, parsed)


def to_dataset(side: Snapshot, today: date) -> Dataset:
    """The side as a Dataset to render, cross-checked if it passes today's rules.

    The base passed older rules (or an older ``today``) and must still render for the
    comparison; the head's rules are `check`'s job, not the summary's.
    """
    try:
        return check(side.parsed, today)
    except DataError:
        return Dataset(
            panels=side.of("clusters.yaml"),
            venues=side.of("venues.yaml"),
            meetings=tuple(sorted(side.of("meetings.yaml"), key=lambda m: (m.starts_at(), m.id))),
            actions=side.of("actions.yaml"),
            events=side.of("engagement.yaml"),
            metrics=side.of("metrics.yaml"),
            publisher=side.of(PUBLISHER_FILE)[0],
            today=today,
            civic_dates=side.of("civic-dates.yaml"),
            sources=MappingProxyType(side.sources),
        )


def read_tree(data_dir: Path) -> dict[str, str | None]:
    """The data files in the working tree."""
    return {
        name: (data_dir / name).read_text(encoding="utf-8-sig")
        if (data_dir / name).is_file()
        else None
        for name in DATA_FILES
    }


def read_ref(data_dir: Path, ref: str) -> dict[str, str | None]:
    """The data files as they were at git ``ref`` (``git show REF:./data/<file>``)."""
    check = subprocess.run(
        ["git", "-C", str(data_dir), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode != 0:
        raise DataError(
            [
                Problem(
                    ref,
                    0,
                    0,
                    "",
                    f"git knows no commit called `{ref}`",
                    "fetch it first (git fetch origin main), or name a branch or commit",
                )
            ]
        )
    texts: dict[str, str | None] = {}
    for name in DATA_FILES:
        shown = subprocess.run(
            ["git", "-C", str(data_dir), "show", f"{ref}:./{name}"],
            capture_output=True,
            check=False,
        )
        texts[name] = shown.stdout.decode("utf-8-sig") if shown.returncode == 0 else None
    return texts
