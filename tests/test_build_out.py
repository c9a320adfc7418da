"""`python -m generator build --out DIR` replaces only what a build made, and says why not."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA

from generator.cli.main import main
from generator.cli.output import MARKER

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1741608000"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout-like folder: the fixture data, a .git folder, and a README."""
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "README.md").write_text("keep me\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(out: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["build", "--out", out])
    return code, capsys.readouterr().err.strip()


@pytest.mark.parametrize(
    ("out", "message"),
    [
        (
            "data",
            "error: --out data holds the data folder; choose a folder of its own, "
            "e.g. --out build; nothing was written.",
        ),
        (
            ".",
            "error: --out . holds the data folder; choose a folder of its own, "
            "e.g. --out build; nothing was written.",
        ),
        (
            "data/site",
            "error: --out data/site is inside the data folder; choose a folder outside it; "
            "nothing was written.",
        ),
        (
            "README.md",
            "error: --out README.md is a file, not a folder; choose a folder, e.g. --out build; "
            "nothing was written.",
        ),
    ],
)
def test_the_checkout_and_the_data_are_never_an_output_folder(
    project: Path, capsys: pytest.CaptureFixture[str], out: str, message: str
) -> None:
    before = tree(project)
    assert build(out, capsys) == (2, message)
    assert tree(project) == before


def test_another_repository_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / ".git").mkdir()
    before = tree(other)
    code, err = build(str(other), capsys)
    assert (code, err) == (
        2,
        f"error: --out {other} is a repository; choose a folder of its own, e.g. --out build; "
        "nothing was written.",
    )
    assert tree(other) == before


def test_a_folder_with_other_files_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("mine\n")
    assert build("notes", capsys) == (
        2,
        f"error: --out notes is not empty and is not a previous build (it has no {MARKER} "
        "file); choose an empty or new folder; nothing was written.",
    )
    assert tree(project / "notes") == {"todo.txt": b"mine\n"}


def test_a_new_or_empty_folder_is_written_and_marked_then_replaced(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "empty").mkdir()
    assert build("empty", capsys)[0] == 0
    assert (project / "empty" / MARKER).is_file()
    assert build("out", capsys)[0] == 0
    first = tree(project / "out")
    assert MARKER in first and "calendar/all.ics" in first
    (project / "out" / "left-over.txt").write_text("from an older build\n")
    # An interrupted build's staging folder (marked) is cleaned; a look-alike without the
    # marker is not ours and stays.
    (project / ".out-new-stale").mkdir()
    (project / ".out-new-stale" / MARKER).write_text("x")
    (project / ".out-new-mine").mkdir()
    assert build("out", capsys)[0] == 0
    assert tree(project / "out") == first
    assert not (project / ".out-new-stale").exists()
    assert (project / ".out-new-mine").is_dir()
    assert sorted(p.name for p in project.iterdir()) == [
        ".git",
        ".out-new-mine",
        "README.md",
        "data",
        "empty",
        "out",
    ]


def _small_files() -> None:
    # A write past 4 kB fails with EFBIG, as a full disk fails with ENOSPC.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_a_failed_write_is_one_line_and_keeps_the_previous_build(project: Path) -> None:
    command = [sys.executable, "-m", "generator", "build", "--out", "out"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    assert main(["build", "--out", "out"]) == 0  # the previous build, made in this process
    before = tree(project / "out")
    failed = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, preexec_fn=_small_files
    )
    assert (failed.returncode, failed.stderr) == (
        1,
        "error: could not write out (File too large); it was left as it was.\n",
    )
    assert tree(project / "out") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".out-new-")]
