"""A sharing card for every meeting and panel page: its image, and the tags that show it.

An image is drawn only where its words differ: one per panel (its name and next meeting)
and one per upcoming meeting, beside its page (``panels/<id>/card.png``,
``meetings/<id>/card.png``). A past meeting is shared with its panel's card: what a
resident needs from a pasted link to it is where the panel meets next, and the ~100 past
meetings of a city would otherwise cost most of the build's time budget. (A past business
meeting, which has no panel, keeps its own. A meeting whose card was published while it
was upcoming keeps that address, with its panel's card's bytes: see
:func:`~generator.outreach.cards.kept_cards`.) Each image's
Output carries the :class:`~generator.render.outputs.Share` of every page it is shown for,
which each engine's adapter writes into that page's head as Open Graph and Twitter tags.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from generator import timefmt, vocabulary
from generator.load.dataset import Dataset
from generator.models import Meeting, Panel
from generator.outreach.cards import Line, card_png
from generator.outreach.cards import drawn_cards as drawn_cards  # for the preview's scope
from generator.outreach.cards import kept_cards as kept_cards
from generator.pages.context import meeting_title, when_line
from generator.render import urls
from generator.render.outputs import Output, Share, SiteConfig


def place(dataset: Dataset, meeting: Meeting) -> str:
    """Where the meeting is: its venue (and room), else that it is online only."""
    if not meeting.venue:
        return vocabulary.FORMATS[vocabulary.MeetingFormat.ONLINE]
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
    page = share(
        config, urls.meeting(meeting.id), path, meeting_title(dataset, meeting), description
    )
    return Output(path, card_png(band, lines), shares=(page,))


def past_meeting_share(
    dataset: Dataset, config: SiteConfig, meeting: Meeting, panel_share: Share
) -> Share:
    """A past meeting's sharing tags: its own words, shown with its panel's card."""
    description = f"{when_line(meeting)}. {place(dataset, meeting)}."
    return replace(
        share(
            config,
            urls.meeting(meeting.id),
            urls.panel_card(meeting.panel or ""),
            meeting_title(dataset, meeting),
            description,
        ),
        image_alt=panel_share.image_alt,
    )


def panel_card(dataset: Dataset, config: SiteConfig, panel: Panel, drawn: frozenset[str]) -> Output:
    """A panel's card: its name, then its next meeting's day, time and place when there is one;
    shown also for its past meetings (those not in ``drawn``)."""
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
    own = share(config, urls.panel(panel.id), path, title, description)
    past = tuple(
        past_meeting_share(dataset, config, m, own)
        for m in dataset.past(panel.id)
        if m.id not in drawn
    )
    return Output(
        path, card_png(dataset.publisher.force.name, lines), shares=(own, *reversed(past))
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """Each upcoming (or business) meeting's card, then each panel's (also shown for its past
    meetings), and the panel's bytes again at each kept past meeting card's address."""
    drawn = drawn_cards(dataset)
    for meeting in dataset.meetings:
        if meeting.id in drawn:
            yield meeting_card(dataset, config, meeting)
    kept = kept_cards(dataset, config)
    for panel in dataset.panels:
        card = panel_card(dataset, config, panel, drawn)
        yield card
        for meeting in dataset.meetings_by_panel.get(panel.id, ()):
            if meeting.id in kept:
                yield Output(urls.meeting_card(meeting.id), card.content)
