"""A sharing card for every meeting and panel page: its image, and the tags that show it.

Every meeting has one, past ones too (a published address never goes away). The image
sits beside its page (``meetings/<id>/card.png``, ``panels/<id>/card.png``); the Output
carries the page's :class:`~generator.render.outputs.Share`, which each engine's adapter
writes into that page's head as Open Graph and Twitter card tags.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator import timefmt, vocabulary
from generator.load.dataset import Dataset
from generator.models import Meeting, Panel
from generator.outreach.cards import Line, card_png, card_svg
from generator.pages.context import meeting_title, when_line
from generator.render import urls
from generator.render.outputs import Output, Share, SiteConfig


def place(dataset: Dataset, meeting: Meeting) -> str:
    """Where the meeting is: its venue (and room), else that it is online only."""
    if not meeting.venue:
        return "Online only"
    venue = dataset.venue_by_id[meeting.venue].name
    return f"{venue}, {meeting.room}" if meeting.room else venue


def time_line(meeting: Meeting) -> str | None:
    """The meeting's times without its day ('6pm to 7:30pm'), or None with no date yet."""
    if not meeting.date_confirmed():
        return None
    return when_line(meeting).removeprefix(f"{timefmt.day(meeting.date)}, ")


def meeting_lines(dataset: Dataset, meeting: Meeting, name: str) -> list[Line]:
    """A meeting's card, in the order a resident reads it: what, status, day, time, place."""
    lines = [Line(name, 58, bold=True, most_lines=2)]
    if meeting.status is not vocabulary.MeetingStatus.SCHEDULED:
        lines.append(Line(vocabulary.STATUSES[meeting.status], 44, bold=True))
    lines.append(Line(timefmt.meeting_day(meeting.date, meeting.date_confirmed()), 46))
    times = time_line(meeting)
    if times:
        lines.append(Line(times, 46))
    lines.append(Line(place(dataset, meeting), 38, most_lines=2))
    return lines


def share(config: SiteConfig, page_path: str, image: str, title: str, description: str) -> Share:
    """The Share of the page at directory URL ``page_path`` with the card at ``image``."""
    return Share(
        page=urls.page_source(page_path),
        url=config.url(page_path),
        title=title,
        description=description,
        image=config.url(image),
        image_alt=description,
    )


def meeting_card(dataset: Dataset, config: SiteConfig, meeting: Meeting) -> Output:
    """A meeting's card image, carrying its page's sharing tags."""
    band = dataset.publisher.force.name
    lines = meeting_lines(dataset, meeting, dataset.meeting_name(meeting))
    status = (
        f"{vocabulary.STATUSES[meeting.status]}. "
        if meeting.status is not vocabulary.MeetingStatus.SCHEDULED
        else ""
    )
    description = f"{status}{when_line(meeting)}. {place(dataset, meeting)}."
    path = urls.meeting_card(meeting.id)
    return Output(
        path,
        card_png(card_svg(band, lines)),
        share=share(
            config, urls.meeting(meeting.id), path, meeting_title(dataset, meeting), description
        ),
    )


def panel_card(dataset: Dataset, config: SiteConfig, panel: Panel) -> Output:
    """A panel's card: its name, then its next meeting's day, time and place when there is one."""
    title = dataset.publisher.panel_title(panel.name)
    lines = [Line(title, 58, bold=True, most_lines=2)]
    upcoming = dataset.upcoming(panel.id)
    if upcoming:
        nxt = upcoming[0]
        lines.append(Line("Next meeting", 36, bold=True))
        lines.extend(meeting_lines(dataset, nxt, "")[1:])
        description = f"Next meeting: {when_line(nxt)}. {place(dataset, nxt)}."
    else:
        description = f"{title}: {dataset.publisher.force.name}."
    path = urls.panel_card(panel.id)
    return Output(
        path,
        card_png(card_svg(dataset.publisher.force.name, lines)),
        share=share(config, urls.panel(panel.id), path, title, description),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """Every meeting's and panel's sharing card."""
    for meeting in dataset.meetings:
        yield meeting_card(dataset, config, meeting)
    for panel in dataset.panels:
        yield panel_card(dataset, config, panel)
