"""Registers the public pages as one renderer (imported by :mod:`generator.renderers`)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.load.dataset import Dataset
from generator.pages import (
    accessibility,
    cards,
    engagement,
    finder,
    home,
    log,
    meetings,
    panels,
    posters,
    static,
    venues,
)
from generator.render.outputs import Output, SiteConfig

MODULES = (
    home,
    finder,
    panels,
    meetings,
    posters,
    cards,
    log,
    engagement,
    venues,
    accessibility,
    static,
)


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """Every public page, plus the script and stylesheet they use."""
    for module in MODULES:
        yield from module.render(dataset, config)
