"""The fictional fixture force every site-level test uses, and copies of it to edit."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.load import dataset
from generator.load.errors import DataError

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "site" / "data"
"""The fictional force every site-level test builds: never the shipped data/, which staff edit."""


def fixture_copy(tmp_path: Path) -> Path:
    """A copy of the fixture force's data in ``tmp_path/data``, free to edit."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def problems_after_edit(tmp_path: Path, file: str, old: str, new: str, today: date) -> list[str]:
    """Replace ``old`` with ``new`` once in a copy of ``file`` and return the problems check finds."""
    data = fixture_copy(tmp_path)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        dataset.load(data, today=today, label="data")
    return list(caught.value.lines())
