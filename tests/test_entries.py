"""A preview's re-read of an edited file parses only the edited entry, and gives what a whole
read gives: the same trees, positions, models and messages, after edits that move lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixturedata import FIXTURE_TODAY, fixture_copy

from generator.load import dataset, entries, yaml_strict
from generator.load.advisories import blocking_only
from generator.load.errors import DataError
from generator.load.publish import load
from generator.models.files import DATA_FILES

MEETINGS = "meetings.yaml"
ADD_ROOM = ("    venue: summit-library\n", "    venue: summit-library\n    room: Side room\n")
"""Adds a line to the second meeting: every later entry moves down one line."""


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _whole(data: Path, name: str) -> dataset.Parsed:
    """``name`` read and validated whole, as a build reads it."""
    return dataset.parse_each(
        lambda wanted: yaml_strict.read(data / name, f"data/{name}") if wanted == name else None
    )


def _assert_same_as_whole(data: Path, cache: dataset.FileCache, name: str) -> None:
    kept = dataset.read(data, "data", cache)
    whole = _whole(data, name)
    got, expected = kept.sources[name], whole.sources[name]
    assert got.value == expected.value
    assert dict(got.positions) == expected.positions
    assert dict(got.key_positions) == expected.key_positions
    assert kept.models[name] == whole.models[name]


def _errors(data: Path, cache: dataset.FileCache | None) -> list[str]:
    with pytest.raises(DataError) as raised:
        load(data, today=FIXTURE_TODAY, cache=cache)
    return [str(p) for p in raised.value.problems]


EDITS = [
    ADD_ROOM,
    ("    status_reason: The library was closed for repairs.\n", ""),  # a line fewer
    ("\n  - id: hilltop-2025-04\n", "\n  # moved from April\n\n  - id: hilltop-2025-04\n"),
    ("    start: 18:30\n", "    start: 19:00  # later, for the bus\n"),
    ("    format: online\n    status: moved", "    format: online\n\n\n    status: moved"),
    ("    end: 09:30\n    format: online\n", "    end: 09:45\n    format: online\n    room: x\n"),
]
"""Edits inside one entry, at its start, in its middle, at its end, and in the last entry."""


def test_each_edit_parses_only_its_entry_and_reads_as_a_whole_read(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    cache: dataset.FileCache = {}
    dataset.read(data, "data", cache)
    for old, new in EDITS:
        _edit(data / MEETINGS, old, new)
        _assert_same_as_whole(data, cache, MEETINGS)
        assert isinstance(cache[MEETINGS].parsed.sources[MEETINGS].positions, entries.Moved), old


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    room: First floor meeting room\n", "room: First floor meeting room\n"),  # column 0
        ("    start: 18:30\n", "    start: 18:30\n  - id: hilltop-2024-12\n"),  # a new entry
        ("    venue: quay-hall\n    room", "    venue: quay-hall\n    ro om"),  # not a field
        ("\n  - id: hilltop-2024-11\n", "\n- id: hilltop-2024-11\n"),  # the list's column
        ("meetings:\n", "meetings:  # every meeting\n"),  # outside every entry
        ("    start: 18:30\n", '    start: "18:30\n'),  # a quote left open
    ],
)
def test_an_edit_that_cannot_be_read_alone_is_read_whole(
    tmp_path: Path, old: str, new: str
) -> None:
    data = fixture_copy(tmp_path)
    cache: dataset.FileCache = {}
    dataset.read(data, "data", cache)
    _edit(data / MEETINGS, old, new)
    read = dataset.read(data, "data", cache)
    whole = _whole(data, MEETINGS)
    assert [str(p) for p in read.problems] == [str(p) for p in whole.problems]
    if not whole.problems:
        _assert_same_as_whole(data, cache, MEETINGS)


def test_errors_after_an_edit_that_moved_lines_point_where_a_whole_load_does(
    tmp_path: Path,
) -> None:
    data = fixture_copy(tmp_path)
    cache: dataset.FileCache = {}
    load(data, today=FIXTURE_TODAY, cache=cache)
    _edit(data / MEETINGS, *ADD_ROOM)
    load(data, today=FIXTURE_TODAY, cache=cache)
    # A cross-file check (an unknown venue) in an entry after the moved lines.
    _edit(data / MEETINGS, "    venue: quay-hall\n    online:", "    venue: quay-hal\n    online:")
    found = _errors(data, cache)
    assert found == _errors(data, None)
    assert any("`quay-hal`" in message for message in found), found


def test_personal_data_after_an_edit_that_moved_lines_is_reported_at_its_line(
    tmp_path: Path,
) -> None:
    data = fixture_copy(tmp_path)
    cache: dataset.FileCache = {}
    assert blocking_only(load(data, today=FIXTURE_TODAY, cache=cache)) == ()
    _edit(data / MEETINGS, *ADD_ROOM)
    _edit(
        data / MEETINGS,
        "      - Topics from the questionnaire\n",
        "      - Call Jo Bloggs on 07700 900123\n",
    )
    preview = [str(p) for p in blocking_only(load(data, today=FIXTURE_TODAY, cache=cache))]
    assert preview == [str(p) for p in blocking_only(load(data, today=FIXTURE_TODAY))]
    assert any("07700 900123" in message for message in preview), preview


def test_every_list_file_can_be_read_by_entries() -> None:
    """The files a preview re-reads entry by entry (the rest are read whole, as before)."""
    readable = [
        name
        for name, model in DATA_FILES.items()
        if entries._item_model(model, next(iter(model.model_fields))) is not None
    ]
    assert readable == [
        "clusters.yaml",
        "venues.yaml",
        "meetings.yaml",
        "actions.yaml",
        "engagement.yaml",
        "civic-dates.yaml",
    ]
