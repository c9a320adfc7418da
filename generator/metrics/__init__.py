"""Published metrics: figures derived from the data, build-time SVG charts, and the metrics page."""

from __future__ import annotations

from markupsafe import Markup

from generator.load.dataset import Dataset
from generator.metrics import derive
from generator.render import templating, urls
from generator.render.urls import href


def panel_summary_html(dataset: Dataset, panel_id: str) -> Markup:
    """A panel's figures: meetings held, attendance, topics by remit, actions by status.

    The HTML starts with an ``<h2>`` and links relative to the panel's page.
    """
    html = templating.render(
        "metrics/panel_summary.html",
        publisher=dataset.publisher,
        name=dataset.panel_by_id[panel_id].name,
        held=derive.per_meeting(dataset, panel_id),
        remits=derive.topics_by_remit(dataset, panel_id),
        statuses=derive.actions_by_status(dataset, panel_id),
        urls=urls,
        link=lambda there: href(urls.panel(panel_id), there),
    )
    return Markup(html)


__all__ = ["panel_summary_html"]
