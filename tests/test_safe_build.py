"""A failed build leaves the previous site exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
    shutil.copytree(ROOT / "data", tmp_path / "data")
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


@pytest.mark.skipif(not (ROOT / "run").is_file(), reason="./run not present")
def test_run_build_failure_leaves_site_untouched(tmp_path: Path) -> None:
    """The real ``./run build`` (mkdocs --strict with the plugin) in a copy of the project."""
    project = tmp_path / "project"
    project.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    if (ROOT / ".venv").is_dir():
        (project / ".venv").symlink_to(ROOT / ".venv")  # the editable install serves the plugin

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["./run", "build"],
            cwd=project,
            env=env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    first = build()
    assert first.returncode == 0, first.stderr[-3000:]
    before = snapshot(project / "site")
    assert "index.html" in before
    break_data(project / "data")
    failed = build()
    assert failed.returncode != 0
    assert "build failed; previous site/ left unchanged" in failed.stderr
    assert "data/meetings.yaml:" in failed.stderr
    assert snapshot(project / "site") == before
    assert not [
        p.name for p in project.iterdir() if p.name.startswith((".site-build-", ".site-old-"))
    ]
