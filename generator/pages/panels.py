"""The panels index and one page per panel."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from generator.load.dataset import Dataset
from generator.metrics import panel_summary_html
from generator.models import Action, Panel
from generator.models.publisher import capital
from generator.pages.context import page, raw
from generator.render import subscribe, urls
from generator.render.outputs import Output, SiteConfig
from generator.vocabulary import still_open

RECENTLY_CLOSED = 5
"""How many done or not-taken-forward entries a panel page shows; the rest are on its log."""


def panel_actions(actions: tuple[Action, ...]) -> list[Action]:
    """Every open or in-progress entry, then the latest closed ones (``actions`` newest first)."""
    closed = [a for a in actions if not still_open(a.status)][:RECENTLY_CLOSED]
    return [a for a in actions if still_open(a.status)] + closed


def panel_metrics(dataset: Dataset, panel_id: str) -> Markup | None:
    """The panel's slice of the metrics, as HTML built by the metrics' own autoescaped templates."""
    html = panel_summary_html(dataset, panel_id)
    return raw(html) if html.strip() else None


def panel_page(dataset: Dataset, config: SiteConfig, panel: Panel) -> Output:
    """The page at ``panels/<id>/``."""
    actions = dataset.actions_for_panel(panel.id)
    shown = panel_actions(actions)
    return page(
        urls.panel(panel.id),
        dataset.publisher.panel_title(panel.name),
        "panel.html",
        dataset=dataset,
        config=config,
        panel=panel,
        upcoming=dataset.upcoming(panel.id),
        past=dataset.past(panel.id),
        actions=shown,
        actions_total=len(actions),
        closed_shown=sum(not still_open(a.status) for a in shown),
        subscribe=subscribe.links(
            config, urls.panel_calendar(panel.id), dataset.publisher.panel_title(panel.name)
        ),
        metrics_html=panel_metrics(dataset, panel.id),
    )


def index_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``panels/``: every panel with its next meeting."""
    panels = sorted(dataset.panels, key=lambda c: (c.name.casefold(), c.id))
    return page(
        urls.PANELS,
        capital(dataset.publisher.wording.panels),
        "panels.html",
        dataset=dataset,
        config=config,
        panels=panels,
        next_of={c.id: dataset.upcoming(c.id)[:1] for c in panels},
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The panels index and every panel's page."""
    yield index_page(dataset, config)
    for panel in dataset.panels:
        yield panel_page(dataset, config, panel)
