"""The script and stylesheet generated pages use, published as plain files."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from ..dataset import Dataset
from ..outputs import Kind, Output, SiteConfig
from .context import SCRIPT, STYLES


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """``generator/static/*`` at the site paths the plugin adds to every page."""
    folder = resources.files("generator") / "static"
    for path, name in ((SCRIPT, "cluster-panels-pages.js"), (STYLES, "cluster-panels-pages.css")):
        yield Output(path=path, content=folder.joinpath(name).read_bytes(), kind=Kind.FILE)
