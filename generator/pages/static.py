"""The script and stylesheet generated pages use, published as plain files."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from generator.load.dataset import Dataset
from generator.render.css import without_comments
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import FINDER_SCRIPT, SCRIPT, STYLES


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """``generator/render/static/*``: what the plugin adds to every page, and the finder's code."""
    folder = resources.files("generator.render") / "static"
    files = (
        (SCRIPT, "cluster-panels-pages.js"),
        (FINDER_SCRIPT, "cluster-panels-finder.js"),
        (STYLES, "cluster-panels-pages.css"),
    )
    for path, name in files:
        content = folder.joinpath(name).read_bytes()
        if name.endswith(".css"):
            content = without_comments(content.decode("utf-8")).encode("utf-8")
        yield Output(path=path, content=content, kind=Kind.FILE)
