"""``--format github``: each problem also as a GitHub workflow annotation, safely escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from positions import located, position_in

from generator.cli.annotations import github_annotations
from generator.cli.main import main
from generator.load.errors import Problem

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "workflow" / "data"


def test_located_lines_become_annotations(tmp_path: Path) -> None:
    text = "meetings:\n  - id: bank-2024-11\n"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "meetings.yaml").write_text(text)
    line, column = position_in(text, "id: bank")
    lines = [
        f"data/meetings.yaml:{line}:{column}: meetings[bank-2024-11]: a new entry starts here — fix it",
        str(Problem("data/venues.yaml", 0, 0, "", "the file is missing", "restore it")),
        "3 problem(s) found.",
    ]
    annotations = github_annotations(lines, "error", "Data check")
    assert [located(a, tmp_path) for a in annotations] == [
        "::error file=data/meetings.yaml at `id: bank-2024-11`,title=Data check::"
        "meetings[bank-2024-11]: a new entry starts here — fix it",
        # The whole file: no line or column for GitHub to mark.
        "::error file=data/venues.yaml,title=Data check::the file is missing — restore it",
    ]


def test_staff_text_cannot_end_or_start_a_command() -> None:
    line, column = position_in("ab", "b")
    where = f"data/a,b.yaml:{line}:{column}:"
    forged = f"{where} reason: 100% sure\n::error::forged"
    assert github_annotations([forged], "warning", "W:x") == []
    [annotation] = github_annotations([f"{where} 100%\r::x"], "warning", "W:x")
    assert located(annotation, {"data/a,b.yaml": "ab"}) == (
        "::warning file=data/a%2Cb.yaml at `b`,title=W%3Ax::100%25%0D::x"
    )


def test_check_prints_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in FIXTURE.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    meetings = data / "meetings.yaml"
    meetings.write_text(meetings.read_text().replace("start: 18:30", "start: half six", 1))
    assert main(["check", "--data", str(data), "--label", "data", "--format", "github"]) == 1
    out = located(capsys.readouterr().out, tmp_path)
    assert (
        "::error file=data/meetings.yaml at `half six`,title=Data check::meetings[north-2030-02]"
        ".start: `half six` is not a 24-hour time written as HH:MM — write it like 13:00 or 18:30\n"
    ) in out
