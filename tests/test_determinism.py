"""Two builds of the same input and SOURCE_DATE_EPOCH are byte-identical, whatever PYTHONHASHSEED."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(command: list[str], seed: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "PYTHONHASHSEED": seed,
        "PYTHONPATH": str(ROOT),
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


def plugin_enabled() -> bool:
    text = (ROOT / "mkdocs.yml").read_text()
    plugins = yaml.load(text, Loader=yaml.BaseLoader).get("plugins", [])
    return any(
        p == "cluster-panels" or (isinstance(p, dict) and "cluster-panels" in p) for p in plugins
    )


def test_cli_build_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    for seed in ("1", "2"):
        run([sys.executable, "-m", "generator", "build", "--out", str(tmp_path / seed)], seed, ROOT)
    first, second = files(tmp_path / "1"), files(tmp_path / "2")
    assert first
    assert_identical(first, second)


def test_mkdocs_build_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """The published site, through MkDocs and (once enabled in mkdocs.yml) the plugin."""
    for seed in ("1", "3"):
        run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--site-dir",
                str(tmp_path / seed),
            ],
            seed,
            ROOT,
        )
    first, second = files(tmp_path / "1"), files(tmp_path / "3")
    assert "index.html" in first
    if plugin_enabled():
        assert any(name.endswith(".ics") for name in first), (
            "the plugin's calendar feeds are missing"
        )
    assert_identical(first, second)
