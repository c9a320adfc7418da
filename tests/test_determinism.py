"""Two builds of the same input and SOURCE_DATE_EPOCH are byte-identical, whatever PYTHONHASHSEED."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import FIXTURE_DATA, FIXTURE_EPOCH, BuiltSite, site_config

from generator.cli.main import main as cli

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

ROOT = Path(__file__).resolve().parent.parent


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(command: list[str], seed: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": FIXTURE_EPOCH,
        "PYTHONHASHSEED": seed,
        "NO_MKDOCS_2_WARNING": "1",
    }
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]


def assert_identical(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_cli_build_is_byte_identical_across_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One build in this process (its own random hash seed), one in a fresh interpreter.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    data = ["--data", str(FIXTURE_DATA)]
    assert cli(["build", *data, "--out", str(tmp_path / "here")]) == 0
    run(
        [sys.executable, "-m", "generator", "build", *data, "--out", str(tmp_path / "there")],
        "2",
        ROOT,
    )
    first, second = files(tmp_path / "here"), files(tmp_path / "there")
    assert any(name.endswith(".ics") for name in first)
    assert any(name.endswith("/poster/poster.pdf") for name in first), "no poster PDF compared"
    assert_identical(first, second)


def test_mkdocs_build_is_byte_identical_across_processes(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    """The shared fixture site (built in this process) against `mkdocs build` in a fresh one."""
    config = site_config(tmp_path, FIXTURE_DATA)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    run([*command, "--site-dir", str(tmp_path / "site")], "3", tmp_path)
    first, second = files(built_site.site_dir), files(tmp_path / "site")
    assert "index.html" in first
    assert any(name.endswith(".ics") for name in first), "the plugin's calendar feeds are missing"
    assert any(name.endswith("/poster/poster.pdf") for name in first), "no poster PDF compared"
    assert_identical(first, second)
