"""Wider engagement: the force's events beyond the panels, and who they were for."""

from __future__ import annotations

from collections.abc import Iterator

from .. import timefmt, urls
from ..dataset import Dataset
from ..models import Audience, EngagementEvent
from ..outputs import Output, SiteConfig
from .context import AUDIENCES, page


def when(event: EngagementEvent) -> str:
    """The event's date as the source words it, in GOV.UK style."""
    if event.when_note:
        return event.when_note
    if event.date is not None:
        return timefmt.day(event.date)
    if event.from_ is not None and event.to is not None:
        return timefmt.span(event.from_, event.to)
    assert event.month is not None  # the rules require exactly one form of date
    return timefmt.month(event.month)


def audiences(event: EngagementEvent) -> str:
    """'Residents, workers' or 'Others (students)'."""
    note = f" ({event.audience_note})" if event.audience_note else ""
    named = [AUDIENCES[a] + (note if a is Audience.OTHER else "") for a in event.audiences]
    return ", ".join(named)


def engagement_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``engagement/``, events in the order the report lists them."""
    rows = [(event, when(event), audiences(event)) for event in dataset.events]
    return page(
        urls.ENGAGEMENT,
        "Wider engagement",
        "engagement.html",
        dataset=dataset,
        config=config,
        rows=rows,
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The engagement page."""
    yield engagement_page(dataset, config)
