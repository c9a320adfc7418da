"""Wider engagement: the force's events beyond the panels, and who they were for."""

from __future__ import annotations

from collections.abc import Iterator

from generator import timefmt
from generator.load.dataset import Dataset
from generator.models import EngagementEvent
from generator.pages.context import page
from generator.render import urls
from generator.render.outputs import Output, SiteConfig
from generator.vocabulary import AUDIENCES, Audience


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
        counted=any(event.outcomes for event in dataset.events),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The engagement page."""
    yield engagement_page(dataset, config)
