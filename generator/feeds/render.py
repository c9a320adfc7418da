"""The feeds renderer: every .ics file of the site (listed in :mod:`generator.site`)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.feeds.calendars import FeedInfo, events, feed, single
from generator.feeds.wording import title
from generator.load.dataset import Dataset
from generator.render import urls
from generator.render.outputs import Output, SiteConfig


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The all-meetings feed, one feed per panel, and one 'add to calendar' file per meeting."""
    serialized = events(dataset, config)
    yield Output(
        urls.CALENDAR_ALL,
        feed(
            dataset.meetings,
            FeedInfo(
                name=f"{config.site_name}: all meetings",
                description=(
                    f"Every {dataset.publisher.wording.panel} and "
                    f"{dataset.publisher.wording.business_meeting}, in "
                    f"{dataset.publisher.wording.local_time}. Moved, postponed and cancelled "
                    "meetings stay in the calendar, marked as such."
                ),
                source=config.url(urls.CALENDAR_ALL),
                page=config.url(urls.PANELS),
            ),
            serialized,
            config,
        ),
    )
    for panel in sorted(dataset.panels, key=lambda c: c.id):
        path = urls.panel_calendar(panel.id)
        yield Output(
            path,
            feed(
                dataset.meetings_by_panel.get(panel.id, ()),
                FeedInfo(
                    name=dataset.publisher.panel_title(panel.name),
                    description=(
                        f"Meetings of the {dataset.publisher.panel_title(panel.name)}, in "
                        f"{dataset.publisher.wording.local_time}, "
                        f"from {config.site_name}. Moved, postponed and cancelled meetings "
                        "stay in the calendar, marked as such."
                    ),
                    source=config.url(path),
                    page=config.url(urls.panel(panel.id)),
                ),
                serialized,
                config,
            ),
        )
    for meeting in sorted(dataset.meetings, key=lambda m: m.id):
        yield Output(
            urls.meeting_calendar(meeting.id),
            single(meeting, serialized, config),
            title=title(meeting, dataset),
        )
