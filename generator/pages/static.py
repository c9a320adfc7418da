"""The script and stylesheet generated pages use, published as plain files."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from generator.load.dataset import Dataset
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import SCRIPT, STYLES


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """``generator/render/static/*`` at the site paths the plugin adds to every page."""
    folder = resources.files("generator.render") / "static"
    for path, name in ((SCRIPT, "cluster-panels-pages.js"), (STYLES, "cluster-panels-pages.css")):
        yield Output(path=path, content=folder.joinpath(name).read_bytes(), kind=Kind.FILE)
