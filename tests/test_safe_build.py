"""A failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT / "tests" / "fixtures" / "city" / "data"
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z
BROKEN = "    start: half past one\n"
COPIED = (
    "data",
    "docs",
    "overrides",
    "mkdocs.yml",
    "run",
    "requirements.txt",
    "requirements-dev.txt",
    "pyproject.toml",
)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by relative path."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def break_data(data: Path) -> None:
    meetings = data / "meetings.yaml"
    text = meetings.read_text()
    assert "    start: 13:00\n" in text
    meetings.write_text(text.replace("    start: 13:00\n", BROKEN, 1))


def env() -> dict[str, str]:
    return {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
    }


def test_cli_build_failure_leaves_the_previous_output(tmp_path: Path) -> None:
    shutil.copytree(CITY, tmp_path / "data")
    out = tmp_path / "out"

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", "build", "--out", "out"],
            cwd=tmp_path,
            env=env(),
            capture_output=True,
            text=True,
            check=False,
        )

    first = build()
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    assert before
    break_data(tmp_path / "data")
    failed = build()
    assert failed.returncode == 1
    assert "data/meetings.yaml:" in failed.stderr and "out was left as it was." in failed.stderr
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data",
        "out",
    ]  # no staging folder left behind


def copy_project(tmp_path: Path) -> Path:
    """A copy of the project that ``./run build`` can build, sharing this checkout's .venv.

    The data is a frozen fixture: the staff's weekly edits to data/ must not matter here.
    """
    project = tmp_path / "project"
    project.mkdir()
    for name in COPIED:
        source = CITY if name == "data" else ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    if (ROOT / ".venv").is_dir():
        (project / ".venv").symlink_to(ROOT / ".venv")  # the editable install serves the plugin
    return project


def run_build(project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["./run", "build"],
        cwd=project,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(build: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = build.communicate(timeout=600)
    return build.returncode, err


@pytest.mark.skipif(not (ROOT / "run").is_file(), reason="./run not present")
def test_run_build_takes_turns_and_a_failed_build_leaves_the_site(tmp_path: Path) -> None:
    """The real ``./run build`` (mkdocs --strict with the plugin) in a copy of the project.

    Two builds at once: the lock makes the second wait, neither nests in the other, and
    leftovers of a build killed mid-way are removed. Then a build of broken data fails and
    leaves that site exactly as it was. (One test: the failure needs a built site first.)
    """
    project = copy_project(tmp_path)
    (project / ".site-build-killed").mkdir()
    (project / ".site-build-killed" / "index.html").write_text("half a site")
    (project / ".site-old-12345").mkdir()
    results = [finish(build) for build in [run_build(project), run_build(project)]]
    for code, err in results:
        assert code == 0, err[-3000:]
    assert sum("another build is running here; waiting for it to finish" in e for _, e in results)
    site = project / "site"
    assert (site / "index.html").is_file()
    assert not [p for p in site.iterdir() if p.name in ("site", "index.html.tmp")]
    assert not [p.name for p in site.iterdir() if p.name.startswith(".site-")]
    leftovers = (".site-build-", ".site-old-")
    assert not [p.name for p in project.iterdir() if p.name.startswith(leftovers)]

    before = snapshot(site)
    break_data(project / "data")
    code, err = finish(run_build(project))
    assert code != 0
    assert "build failed; previous site/ left unchanged" in err
    assert "data/meetings.yaml:" in err
    assert snapshot(site) == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(leftovers)]


def test_the_swap_never_leaves_the_folder_missing(tmp_path: Path) -> None:
    """Readers polling site/ during 300 swaps always find a whole site, old or new."""
    from generator.cli.output import exchange, replace_folder

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("0")
    probe = tmp_path / "probe"
    probe.mkdir()
    if not exchange(probe, probe):  # the file system cannot exchange names atomically
        pytest.skip("renameat2(RENAME_EXCHANGE) is not supported here")
    missing: list[int] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            if not (site / "index.html").is_file():
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(1, 301):
            staging = tmp_path / f".site-build-{number}"
            staging.mkdir()
            (staging / "index.html").write_text(str(number))
            replace_folder(staging, site)
    finally:
        done.set()
        reader.join()
    assert (site / "index.html").read_text() == "300"
    assert missing == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["probe", "site"]


def test_the_swap_can_hand_back_the_previous_site(tmp_path: Path) -> None:
    """``--keep-previous`` (./run build removes it while it checks the data): old beside new."""
    from generator.cli.output import replace_folder

    site, staging = tmp_path / "site", tmp_path / ".site-build-new"
    site.mkdir()
    (site / "index.html").write_text("old")
    staging.mkdir()
    (staging / "index.html").write_text("new")
    previous = replace_folder(staging, site, keep_previous=True)
    assert previous is not None and previous.name.startswith(".site-")
    assert (previous / "index.html").read_text() == "old"
    assert (site / "index.html").read_text() == "new"
    fresh = tmp_path / ".site-build-first"
    fresh.mkdir()
    assert replace_folder(fresh, tmp_path / "first", keep_previous=True) is None
