"""A one-shot build lets go of what MkDocs has written, unless something else could read it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
import yaml
from fixturedata import FIXTURE_DATA
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import FIXTURE_EPOCH, REPO_ROOT, site_config

from generator.mkdocs_plugin import ClusterPanelsPlugin

HOOK = """\
def on_post_build(config):
    pass
"""


def _built(tmp: Path, hooks: list[str]) -> tuple[tuple[bool, int, int], dict[str, bytes]]:
    """Whether the build let go, how many pages it emptied, how many outputs it kept; its site."""
    tmp.mkdir()
    path = site_config(tmp, FIXTURE_DATA)
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump({**config, "hooks": hooks}, sort_keys=False), encoding="utf-8")
    site = tmp / "site"
    with contextlib.chdir(REPO_ROOT):
        loaded = load_config(str(path), strict=True, site_dir=str(site))
        # As `mkdocs build` does: MkDocs keeps one plugin instance per process, so an earlier
        # test's `serve` would otherwise still be in it.
        loaded.plugins.on_startup(command="build", dirty=False)
        build(loaded)
    plugin = loaded.plugins["cluster-panels"]
    assert isinstance(plugin, ClusterPanelsPlugin)
    tree = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # Read now: MkDocs may hand the same plugin instance to the next configuration it loads.
    return (plugin.release.active, plugin.release.written, len(plugin.pub.outputs)), tree


def test_a_build_empties_what_it_wrote_and_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    hook = tmp_path / "hook.py"
    hook.write_text(HOOK, encoding="utf-8")
    released, tree = _built(tmp_path / "alone", [])
    kept, kept_tree = _built(tmp_path / "hooked", [str(hook)])
    active, emptied, outputs = released
    assert active and emptied > 10 and outputs == 0  # the engine's files held the bytes
    # Another hook could read pages and files after they are written: everything is kept.
    active, emptied, outputs = kept
    assert not active and emptied == 0 and outputs > 10
    assert tree == kept_tree
