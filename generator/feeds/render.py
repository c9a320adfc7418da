"""The feeds renderer: every .ics file of the site (listed in :mod:`generator.site`)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.feeds.calendars import Events, FeedInfo, events, feed, single
from generator.feeds.wording import title
from generator.load.dataset import Dataset
from generator.models import Meeting, Panel
from generator.render import urls
from generator.render.outputs import Output, SiteConfig


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The all-meetings feed, one feed per panel, and one 'add to calendar' file per meeting."""
    serialized = events(dataset, config)
    yield all_meetings(dataset, config, serialized)
    for panel in sorted(dataset.panels, key=lambda c: c.id):
        yield panel_feed(dataset, config, serialized, panel)
    for meeting in sorted(dataset.meetings, key=lambda m: m.id):
        yield meeting_file(dataset, config, serialized, meeting)


def all_meetings(dataset: Dataset, config: SiteConfig, serialized: Events) -> Output:
    """The feed of every meeting; ``serialized`` holds each meeting's VEVENT."""
    return Output(
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


def panel_feed(dataset: Dataset, config: SiteConfig, serialized: Events, panel: Panel) -> Output:
    """One panel's feed of its meetings."""
    path = urls.panel_calendar(panel.id)
    return Output(
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


def meeting_file(
    dataset: Dataset, config: SiteConfig, serialized: Events, meeting: Meeting
) -> Output:
    """One meeting's 'add to calendar' file."""
    return Output(
        urls.meeting_calendar(meeting.id),
        single(meeting, serialized, config),
        title=title(meeting, dataset),
    )
