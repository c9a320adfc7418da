"""A new force that follows the README keeps ``./run test`` green.

The repository is copied as a force would take it, the example force's data and hand-written
pages replace the City's, ``mkdocs.yml`` gets the example's name, description, address and
copyright (README step 4), and the whole suite runs there. Only the smoke test reads the
shipped data, so every other test must pass unchanged, and the smoke test must pass on the
new force's data.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "northvale"
NESTED = "CLUSTER_PANELS_NEW_FORCE_RUN"
"""Set in the copy's run, which must not start another copy."""
SITE_KEYS = ("site_name", "site_description", "site_url", "copyright")


def _tracked() -> list[str]:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout
    return [name for name in listed.decode().split("\0") if name]


def _site_values(config: str) -> dict[str, str]:
    """The top-level blocks of SITE_KEYS in a mkdocs.yml, as text (values may fold lines)."""
    found = {}
    for key in SITE_KEYS:
        block = re.search(rf"^{key}:.*(?:\n[ ]+.*)*", config, re.MULTILINE)
        assert block is not None, key
        found[key] = block.group(0)
    return found


def as_new_force(target: Path) -> Path:
    """The repository with the example force's data, pages and site values: README steps 2-4."""
    for name in _tracked():
        if name.startswith(("data/", "docs/")) or name == "mkdocs.yml":
            continue
        source = ROOT / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # as git checks it out
            (target / name).symlink_to(os.readlink(source))
        elif source.is_file():
            shutil.copy2(source, target / name)
    shutil.copytree(EXAMPLE / "data", target / "data")
    shutil.copytree(EXAMPLE / "docs", target / "docs")  # the staff guide link is followed
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    ours = _site_values(config)
    theirs = _site_values((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in SITE_KEYS:
        config = config.replace(ours[key], theirs[key], 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    # What the Quick start's first command left in the force's checkout: the pinned
    # virtualenv (tests that run ./run build use it) and the JavaScript tests' packages.
    for made in (".venv", "node_modules"):
        if (ROOT / made).is_dir():
            (target / made).symlink_to(ROOT / made)
    return target


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="this is the new force's own run")
def test_a_new_force_that_follows_the_readme_keeps_the_suite_green(tmp_path: Path) -> None:
    repo = as_new_force(tmp_path / "force")
    assert "Northvale" in (repo / "mkdocs.yml").read_text(encoding="utf-8")
    env = {**os.environ, NESTED: "1", "PYTHONDONTWRITEBYTECODE": "1"}
    # Its own fixture site, not the one this run's workers share (built from the City's docs).
    for name in ("PYTEST_XDIST_WORKER", "CLUSTER_PANELS_TEST_SITE"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    tail = done.stdout[-3000:]
    assert done.returncode == 0, tail
    assert re.search(r"\d+ passed", tail), tail
