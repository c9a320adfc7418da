"""A preview's checks after an edit look again only at what changed (generator.load.clean),
and find what a first check finds: the same problems, at the same lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixturedata import FIXTURE_TODAY, fixture_copy

from generator.load import dataset
from generator.load.clean import Memo
from generator.load.errors import DataError
from generator.load.publish import load

MEETING_DATE = ("    date: 2024-11-06\n", "    date: 2024-11-08\n")
"""The first meeting moves after the day its actions were raised: an action's problem."""
NO_VENUE = ("    venue: summit-library\n", "")
"""A meeting in person with no venue: a meeting's problem."""
SECOND_ID = ("  - id: riverside-2024-11-lighting\n", "  - id: riverside-2024-11-cycling\n")
"""An action's id used twice: a problem of the whole file."""


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data: Path, cache: dataset.FileCache | None, memo: Memo | None) -> list[str]:
    try:
        load(data, today=FIXTURE_TODAY, cache=cache, memo=memo)
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize(
    ("file", "edit"),
    [("meetings.yaml", MEETING_DATE), ("meetings.yaml", NO_VENUE), ("actions.yaml", SECOND_ID)],
)
def test_each_check_of_a_preview_finds_what_a_first_check_finds(
    tmp_path: Path, file: str, edit: tuple[str, str]
) -> None:
    data = fixture_copy(tmp_path)
    cache: dataset.FileCache = {}
    memo = Memo()
    assert _problems(data, cache, memo) == []
    original = (data / file).read_text(encoding="utf-8")
    _edit(data / file, *edit)
    broken = _problems(data, None, None)
    assert broken, "the edit makes a problem"
    assert _problems(data, cache, memo) == broken
    assert _problems(data, cache, memo) == broken  # still reported, the file unchanged
    _edit(data / "venues.yaml", "\n", "\n\n")  # a blank line: other records, same rules
    assert _problems(data, cache, memo) == _problems(data, None, None)
    (data / file).write_text(original, encoding="utf-8")  # mended
    assert _problems(data, cache, memo) == []
