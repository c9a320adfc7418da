"""Venues and access: where panels meet and what a disabled visitor needs to know."""

from __future__ import annotations

from collections.abc import Iterator

from generator import vocabulary
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.pages.context import page
from generator.render import urls
from generator.render.outputs import Output, SiteConfig


def venues_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``venues/``: every venue with its access facts and meetings, soonest first."""
    meetings: dict[str, list[Meeting]] = {v.id: [] for v in dataset.venues}
    for meeting in dataset.meetings:
        if meeting.venue is not None:
            meetings[meeting.venue].append(meeting)
    venues = sorted(dataset.venues, key=lambda v: (v.name.casefold(), v.id))
    return page(
        urls.VENUES,
        vocabulary.VENUES_TITLE,
        "venues.html",
        dataset=dataset,
        config=config,
        venues=venues,
        meetings=meetings,
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The venues page."""
    yield venues_page(dataset, config)
