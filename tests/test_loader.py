"""The strict YAML loader: what it keeps, where it says things are, and what it refuses."""

from __future__ import annotations

import shutil
from datetime import UTC, date, time, timedelta
from pathlib import Path

import pytest
from positions import all_located, located, position_in

from generator.load import dataset
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError, Problem, visible
from generator.load.located import PlainScalar

ROOT = Path(__file__).resolve().parent.parent


def problems(text: str) -> list[str]:
    """What the loader says about ``text`` (as ``x.yaml``), each position read as the text there."""
    with pytest.raises(DataError) as caught:
        yamlstrict.parse(text, "x.yaml")
    return all_located(caught.value.lines(), {"x.yaml": text})


def test_every_scalar_stays_text() -> None:
    loaded = yamlstrict.parse(
        "a: 18:30\nb: no\nc: 1e3\nd: 2024-11-06\ne: ~\nf: '007'\ng:\n", "x.yaml"
    )
    assert loaded.value == {
        "a": "18:30",
        "b": "no",
        "c": "1e3",
        "d": "2024-11-06",
        "e": "~",
        "f": "007",
        "g": "",
    }
    assert all(type(v) in (str, PlainScalar) for v in loaded.value.values())


def test_unquoted_scalars_remember_how_other_tools_read_them() -> None:
    value = yamlstrict.parse(
        "a: 18:30\nb: no\nc: '18:30'\nd: Bank\ne: 2024-11-06\n", "x.yaml"
    ).value
    assert isinstance(value["a"], PlainScalar) and value["a"].reads_as == "a number"
    assert isinstance(value["b"], PlainScalar) and value["b"].reads_as == "a true/false value"
    assert isinstance(value["e"], PlainScalar) and value["e"].reads_as == "a date"
    assert type(value["c"]) is str and type(value["d"]) is str


def test_positions_are_one_based_lines_and_columns() -> None:
    loaded = yamlstrict.parse("meetings:\n  - id: a\n    start: 18:30\n", "x.yaml")
    assert loaded.position(("meetings", 0, "start")) == (3, 12)
    assert loaded.position(("meetings", 0, "start"), key=True) == (3, 5)
    assert loaded.position(("meetings", 0, "nothing")) == (2, 5)  # falls back to the entry
    assert loaded.where(("meetings", 0, "start")) == "meetings[a].start"


def _meetings_with(tmp_path: Path, start: str, day: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "city" / "data", data)
    (data / "meetings.yaml").write_text(
        f"meetings:\n  - id: bank-x\n    panel: bank\n    date: {day}\n    start: {start}\n"
        "    format: in-person\n    venue: innholders-hall\n",
        encoding="utf-8",
    )
    return data


@pytest.mark.parametrize(("day", "offset"), [("2024-11-27", 0), ("2025-06-11", 1)])
def test_unquoted_start_is_london_time(tmp_path: Path, day: str, offset: int) -> None:
    # `start: 18:30` without quotes is what staff will write; YAML 1.1 would make it 1110.
    data = dataset.load(_meetings_with(tmp_path, "18:30", day), today=date(2024, 10, 1))
    meeting = data.meeting_by_id["bank-x"]
    assert meeting.start == time(18, 30)
    starts = meeting.starts_at()
    assert (starts.hour, starts.minute) == (18, 30)
    assert starts.utcoffset() == timedelta(hours=offset)
    assert starts.astimezone(UTC).time() == time(18 - offset, 30)


def test_quoted_start_means_the_same(tmp_path: Path) -> None:
    data = dataset.load(_meetings_with(tmp_path, '"18:30"', "2024-11-27"), today=date(2024, 10, 1))
    assert data.meeting_by_id["bank-x"].start == time(18, 30)


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfactions: []\n")
    assert yamlstrict.read(path, "x.yaml").value == {"actions": []}


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = "b: &x 1\na: *x\nc: !!str d\nc: e\n"
    assert problems(text) == [
        "x.yaml at `&x 1`: b: anchors (`&name`) are not allowed — write the value out in full",
        "x.yaml at `*x`: a: aliases (`*name`) are not allowed — write the value out in full",
        "x.yaml at `!!str d`: c: tags such as `!!str` are not allowed — remove the `!` tag and write the plain value",
        "x.yaml at `c: e`: c: the key `c` appears twice (first at line 3) — keep one `c:` and delete the other",
    ]


def test_duplicate_keys_in_flow_style_and_quoted() -> None:
    assert problems("a: {b: 1, 'b': 2}\n") == [
        "x.yaml at `'b': 2}`: a.b: the key `b` appears twice (first at line 1) — keep one `b:` and delete the other"
    ]


def test_complex_keys_are_refused() -> None:
    assert problems("? [a, b]\n: c\n") == [
        "x.yaml at `[a, b]`: a key must be a plain word — write keys as `name:`"
    ]


def test_limits_are_exact() -> None:
    fine = "a: " + "x" * yamlstrict.MAX_SCALAR + "\n"
    assert len(yamlstrict.parse(fine, "x.yaml").value["a"]) == yamlstrict.MAX_SCALAR
    nested = "a: " + "[" * (yamlstrict.MAX_DEPTH - 1) + "]" * (yamlstrict.MAX_DEPTH - 1) + "\n"
    yamlstrict.parse(nested, "x.yaml")
    deeper = "a: " + "[" * yamlstrict.MAX_DEPTH + "]" * yamlstrict.MAX_DEPTH + "\n"
    assert problems(deeper) == [
        "x.yaml at `[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`: the data nests deeper than 32 levels — flatten it: real entries nest only a few levels"
    ]


def test_messages_never_carry_invisible_characters() -> None:
    problem = Problem("x.yaml", *position_in("a: b\n", "b"), "a\u202eb", "`\x1b[2J`", "fix\u200b")
    shown = located(str(problem), {"x.yaml": "a: b\n"})
    assert shown == "x.yaml at `b`: a<U+202E>b: `<U+001B>[2J` — fix<U+200B>"
    assert visible("Café – ok\u00a0too") == "Café – ok\u00a0too"


def test_data_error_sorts_and_removes_repeats() -> None:
    texts = {"a.yaml": "x: 1\ny: 2\n", "b.yaml": "z: 3\n"}
    late = Problem("b.yaml", *position_in(texts["b.yaml"], "3"), "", "w", "f")
    later = Problem("a.yaml", *position_in(texts["a.yaml"], "2"), "", "w", "f")
    early = Problem("a.yaml", *position_in(texts["a.yaml"], "1"), "", "w", "f")
    assert all_located(DataError([late, later, early, late]).lines(), texts) == [
        "a.yaml at `1`: w — f",
        "a.yaml at `2`: w — f",
        "b.yaml at `3`: w — f",
    ]


def test_the_loader_never_constructs_python_objects() -> None:
    # The classic payload: with yaml.load it would run a shell command.
    assert problems("a: !!python/object/apply:os.system ['touch /tmp/owned']\n") == [
        "x.yaml at `!!python/object/apply:os.system ['touch /tmp/owned']`: a: tags such as `!!python/object/apply:os.system` are not allowed "
        "— remove the `!` tag and write the plain value"
    ]
    assert not Path("/tmp/owned").exists()
