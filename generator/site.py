"""The whole site: every renderer, listed once and in order, and the one call that runs them.

Pelican's pattern: the dataset is complete and frozen before any renderer runs; renderers
are pure, so the adapters (MkDocs plugin, CLI) only decide where the bytes go.
"""

from __future__ import annotations

from generator.feeds import render as feeds
from generator.load.dataset import Dataset
from generator.load.origins import render_failure
from generator.metrics import page as metrics
from generator.opendata import render as opendata
from generator.pages import site as pages
from generator.render.outputs import Output, Renderer, SiteConfig

RENDERERS: tuple[Renderer, ...] = (feeds.render, metrics.render, opendata.render, pages.render)
"""Every renderer, in the order their outputs are produced."""


def render_all(dataset: Dataset, config: SiteConfig) -> list[Output]:
    """All outputs, sorted by path; two renderers may not claim the same path.

    Raises :class:`~generator.load.errors.DataError` located at the record being rendered
    when a renderer fails, so staff see ``file:line:col``, never a traceback.
    """
    outputs: dict[str, Output] = {}
    try:
        produced = [output for render in RENDERERS for output in render(dataset, config)]
    except Exception as error:  # any failure: reported at its record
        raise render_failure(error, _records(dataset), dataset.sources) from error
    for output in produced:
        if output.path in outputs:
            raise ValueError(f"two renderers produce {output.path}")
        outputs[output.path] = output
    return [outputs[path] for path in sorted(outputs)]


def _records(dataset: Dataset) -> dict[str, tuple[object, ...]]:
    """The dataset's records under their files' top-level keys."""
    return {
        "clusters": dataset.panels,
        "venues": dataset.venues,
        "meetings": dataset.meetings,
        "actions": dataset.actions,
        "events": dataset.events,
        "metrics": dataset.metrics,
        "civic_dates": dataset.civic_dates,
    }
