"""`diff` on data that `check` rejects: the same located problems, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import generator
from positions import located
from test_bad_inputs import CASES, DATA, case_sources, parse_case

EPOCH = "1727784000"
"""1 October 2024, noon UTC: the corpus's 'today' (test_bad_inputs.TODAY)."""
FILE_CASES = sorted(CASES.glob("*.yaml"))


def _git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", "-C", str(repo), *identity, *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose one commit is the frozen City fixture (it passes the check)."""
    repo = tmp_path_factory.mktemp("base")
    shutil.copytree(DATA, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "data")
    _git(repo, "commit", "-q", "-m", "base")
    return repo


@pytest.mark.parametrize("case", FILE_CASES, ids=[p.stem for p in FILE_CASES])
def test_diff_gives_the_checks_located_problems(case: Path, base: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(base, repo)
    replaces, expected = parse_case(case)
    shutil.copyfile(case, repo / "data" / replaces)
    result = generator("diff", "HEAD", cwd=repo, epoch=EPOCH)  # in process: a crash raises
    assert result.returncode == 1
    assert result.stdout == ""
    lines = located(result.stderr, case_sources(case)).splitlines()
    assert lines[: len(expected)] == expected
    assert lines[-1] == (
        f"{len(expected)} problem(s) found; the change summary is written once they are fixed."
    )


def test_a_copied_meeting_with_its_id_unchanged(base: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(base, repo)
    meetings = repo / "data" / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    first = text.index("  - id: ")
    second = text.index("  - id: ", first + 1)
    meetings.write_text(text + text[first:second], encoding="utf-8")
    result = generator("diff", "HEAD", cwd=repo, epoch=EPOCH)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is used twice (first at line" in result.stderr
    assert "— give each entry its own id" in result.stderr
