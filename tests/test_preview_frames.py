"""A preview's rebuilds in-process: what the plugin keeps between them stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixturedata import fixture_copy
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from sitebuild import FIXTURE_EPOCH, site_config

from generator.mkdocs_plugin import ClusterPanelsPlugin

REBUILDS = 6


def test_rebuilt_pages_take_the_whole_builds_frames_and_make_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    data = fixture_copy(tmp_path)
    site = tmp_path / "site"
    config = load_config(str(site_config(tmp_path, data)), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["cluster-panels"]
    assert isinstance(plugin, ClusterPanelsPlugin)
    build(config, serve_url=config.site_url)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        assert plugin.framing.frames is not None
        made, framed = len(plugin.framing.frames.frames), plugin.framing.frames.framed
        meetings = data / "meetings.yaml"
        text = meetings.read_text(encoding="utf-8")
        for number in range(1, REBUILDS + 1):
            edited = text.replace("room: First floor meeting room", f"room: Room {number}", 1)
            meetings.write_text(edited, encoding="utf-8")
            server.builder()
            plugin.rebuilder._wait()
            assert plugin.pub.preview.error is None
        # Before, each rebuilt page missed its frame (a new list of pages) and made one more.
        assert len(plugin.framing.frames.frames) == made
        assert plugin.framing.frames.framed > framed
    finally:
        plugin.rebuilder._wait()
        server.server_close()
        plugin.rebuilder.background.shutdown()
