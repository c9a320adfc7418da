"""The tests' way of naming a position without its numbers (positions.py) loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA
from positions import describe, located, position_in, position_of
from test_bad_inputs import FILE_CASES, case_sources

TEXTS = {
    "fixture meetings": (FIXTURE_DATA / "meetings.yaml").read_text(encoding="utf-8"),
    "corpus case": next(iter(case_sources(FILE_CASES[0]).values())),
    "repeats": "a: b\na: b\n\n\n  a: b  \n" + "[" * 100 + "\n",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_no_two_positions_read_alike_and_each_reads_back(name: str) -> None:
    text = TEXTS[name]
    seen: dict[str, tuple[int, int]] = {}
    for n, line in enumerate(text.split("\n"), 1):
        for c in range(1, len(line) + 2):
            said = describe(text, n, c)
            assert said not in seen, f"{(n, c)} and {seen[said]} both read {said!r}"
            seen[said] = (n, c)
    for said, (n, c) in list(seen.items())[:: max(1, len(seen) // 5)]:
        assert position_of(f"f.yaml {said}: w — f", "f.yaml", text) == (n, c, "w — f")


def test_repeated_text_is_counted() -> None:
    text = TEXTS["repeats"]
    assert [describe(text, n, 1) for n in (1, 2)] == ["at the start", "at the 2nd `a: b`"]
    assert describe(text, 1, 4) == "at the 1st `b`"
    assert describe(text, 5, 3) == "at `a: b  `"
    assert describe(text, 1, 5) == "at the end of the 1st `a: b`"
    assert [describe(text, n, 1) for n in (3, 4)] == [
        "at the 1st empty line",
        "at the 2nd empty line",
    ]
    assert describe(text, 6, 2) == f"at the 2nd `{'[' * 60}…`"


def test_lines_of_every_kind_are_located(tmp_path: Path) -> None:
    text = "meetings:\n  - id: north\n    start: half six\n"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "m.yaml").write_text(text)
    (start_line, start), (id_line, id_column) = position_in(text, "half"), position_in(text, "id")
    name_line, name = position_in(text, "north")
    output = (
        f"data/m.yaml:{start_line}:{start}: meetings[x].start: `half six` is wrong — fix it\n"
        f"BLOCKING data/m.yaml:{id_line}:{id_column}: meetings[x]: w — says data/m.yaml:1:1: too\n"
        f"::error file=data/m.yaml,line={name_line},col={name},title=Check::w — f\n"
        "data/gone.yaml:0:0: the file is missing — restore it\n"
        "2 problem(s) found."
    )
    # Only the first position of a line is read: the rest is the message's own text.
    assert located(output, tmp_path) == (
        "data/m.yaml at `half six`: meetings[x].start: `half six` is wrong — fix it\n"
        "BLOCKING data/m.yaml at `id: north`: meetings[x]: w — says data/m.yaml:1:1: too\n"
        "::error file=data/m.yaml at `north`,title=Check::w — f\n"
        "data/gone.yaml (the whole file): the file is missing — restore it\n"
        "2 problem(s) found."
    )
    one_column_left = output.replace(f":{start}:", f":{start - 1}:", 1)
    assert located(one_column_left, tmp_path).startswith("data/m.yaml at ` half six`: ")
    one_line_up = output.replace(f":{start_line}:", f":{start_line - 1}:", 1)
    assert located(one_line_up, tmp_path).startswith("data/m.yaml at `th`: ")
