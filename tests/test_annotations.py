"""``--format github``: each problem also as a GitHub workflow annotation, safely escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.annotations import github_annotations
from generator.cli.main import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "workflow" / "data"


def test_located_lines_become_annotations() -> None:
    lines = [
        "data/meetings.yaml:12:5: meetings[bank-2024-11]: a new entry starts here — fix it",
        "data/venues.yaml:0:0: the file is missing — restore it from the example data",
        "3 problem(s) found.",
    ]
    assert github_annotations(lines, "error", "Data check") == [
        "::error file=data/meetings.yaml,line=12,col=5,title=Data check::"
        "meetings[bank-2024-11]: a new entry starts here — fix it",
        "::error file=data/venues.yaml,title=Data check::"
        "the file is missing — restore it from the example data",
    ]


def test_staff_text_cannot_end_or_start_a_command() -> None:
    line = "data/a,b.yaml:1:2: reason: 100% sure\\n::error::forged"
    assert github_annotations([line.replace("\\n", "\n")], "warning", "W:x") == []
    assert github_annotations(["data/a,b.yaml:1:2: 100%\r::x"], "warning", "W:x") == [
        "::warning file=data/a%2Cb.yaml,line=1,col=2,title=W%3Ax::100%25%0D::x"
    ]


def test_check_prints_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in FIXTURE.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    meetings = data / "meetings.yaml"
    meetings.write_text(meetings.read_text().replace("start: 18:30", "start: half six", 1))
    assert main(["check", "--data", str(data), "--label", "data", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert (
        "::error file=data/meetings.yaml,line=6,col=12,title=Data check::meetings[north-2030-02]"
        ".start: `half six` is not a 24-hour time written as HH:MM — write it like 13:00 or 18:30\n"
    ) in out
