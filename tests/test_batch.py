"""``python -m generator.cli.batch``: the data job's commands in one process, each on its own."""

from __future__ import annotations

from pathlib import Path

from fixturedata import fixture_copy

from generator.cli import batch


def _results(out: Path, name: str) -> tuple[int, str, str]:
    status = int((out / f"{name}.status").read_text(encoding="utf-8"))
    stdout = (out / f"{name}.out").read_text(encoding="utf-8")
    return status, stdout, (out / f"{name}.err").read_text(encoding="utf-8")


def test_each_command_keeps_its_own_output_and_status_and_a_failure_stops_none(
    tmp_path: Path,
) -> None:
    data = fixture_copy(tmp_path)
    meetings = data / "meetings.yaml"
    meetings.write_text(meetings.read_text(encoding="utf-8") + "\tbroken: [\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    args = ["--data", str(data), "--label", "data"]
    docs = ["--docs", str(tmp_path / "docs")]
    check = ["check", *args, "--format", "github"]
    code = batch.main(
        [str(out), *check, "--", "no-such-command", "--", "placeholders", *args, *docs]
    )
    assert code == 0
    status, stdout, stderr = _results(out, "check")
    assert status == 1
    assert "data/meetings.yaml:" in stderr and "nothing was published" in stderr
    assert stdout.startswith("::error file=data/meetings.yaml,line=")
    status, stdout, stderr = _results(out, "no-such-command")
    assert status == 2 and "invalid choice: 'no-such-command'" in stderr
    assert _results(out, "placeholders") == (0, "OK: no placeholders left\n", "")


def test_misuse_is_refused_before_anything_runs(tmp_path: Path) -> None:
    assert batch.main([]) == 2
    assert batch.main([str(tmp_path / "missing"), "check"]) == 2
    assert batch.main([str(tmp_path), "check", "--"]) == 2
    assert list(tmp_path.iterdir()) == []
