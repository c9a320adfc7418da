"""The panels index and one page per cluster panel."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import cast

from markupsafe import Markup

from .. import subscribe, urls
from ..dataset import Dataset
from ..models import Action, ActionStatus, Cluster
from ..outputs import Output, SiteConfig
from .context import page, raw

PanelSummary = Callable[[Dataset, str], str]

RECENTLY_CLOSED = 5
"""How many done or not-taken-forward entries a panel page shows; the rest are on its log."""
_OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def panel_actions(actions: tuple[Action, ...]) -> list[Action]:
    """Every open or in-progress entry, then the latest closed ones (``actions`` newest first)."""
    closed = [a for a in actions if a.status not in _OPEN][:RECENTLY_CLOSED]
    return [a for a in actions if a.status in _OPEN] + closed


def _metrics_summary() -> PanelSummary | None:
    """The metrics helper's per-panel summary, when that module is installed."""
    try:
        module = importlib.import_module("generator.metrics")
    except ModuleNotFoundError:
        return None
    return cast("PanelSummary | None", getattr(module, "panel_summary_html", None))


def panel_metrics(dataset: Dataset, panel_id: str) -> Markup | None:
    """The panel's slice of the metrics, as HTML built by the metrics' own autoescaped templates."""
    summary = _metrics_summary()
    html = summary(dataset, panel_id) if summary is not None else ""
    return raw(html) if html.strip() else None


def panel_page(dataset: Dataset, config: SiteConfig, panel: Cluster) -> Output:
    """The page at ``panels/<id>/``."""
    actions = dataset.actions_for_panel(panel.id)
    shown = panel_actions(actions)
    return page(
        urls.panel(panel.id),
        f"{panel.name} cluster panel",
        "panel.html",
        dataset=dataset,
        config=config,
        panel=panel,
        upcoming=dataset.upcoming(panel.id),
        past=dataset.past(panel.id),
        actions=shown,
        actions_total=len(actions),
        closed_shown=sum(a.status not in _OPEN for a in shown),
        subscribe=subscribe.links(config, urls.panel_calendar(panel.id)),
        metrics_html=panel_metrics(dataset, panel.id),
    )


def index_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``panels/``: every panel with its next meeting."""
    panels = sorted(dataset.clusters, key=lambda c: (c.name.casefold(), c.id))
    return page(
        urls.PANELS,
        "Cluster panels",
        "panels.html",
        dataset=dataset,
        config=config,
        panels=panels,
        next_of={c.id: dataset.upcoming(c.id)[:1] for c in panels},
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The panels index and every panel's page."""
    yield index_page(dataset, config)
    for panel in dataset.clusters:
        yield panel_page(dataset, config, panel)
