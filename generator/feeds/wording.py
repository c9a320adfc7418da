"""The plain text a calendar app shows for a meeting: its title, place and description.

Calendar apps show DESCRIPTION as plain text (some turn links into links), so the
text is written for reading aloud by a screen reader: short lines, no markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from generator import timefmt
from generator.clock import LONDON
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.models.meetings import OnlineJoining
from generator.render import urls
from generator.render.outputs import SiteConfig
from generator.vocabulary import MeetingFormat, MeetingKind, MeetingStatus

STATUS_PREFIX = {
    MeetingStatus.CANCELLED: "CANCELLED: ",
    MeetingStatus.POSTPONED: "POSTPONED: ",
}
"""What leads the SUMMARY, so a change shows even in apps that ignore STATUS."""

ONLINE_PLACE = "Online (Microsoft Teams)"
"""The LOCATION of an online meeting, which has no venue."""


def title(meeting: Meeting, dataset: Dataset) -> str:
    """The meeting's name: its own title, else the panel's full name or the business meeting."""
    if meeting.title is not None:
        return meeting.title
    if meeting.kind is MeetingKind.BUSINESS or meeting.panel is None:
        return dataset.publisher.business_title()
    return dataset.publisher.panel_title(dataset.panel_by_id[meeting.panel].name)


def summary(meeting: Meeting, dataset: Dataset) -> str:
    """The SUMMARY: the title, led by CANCELLED: or POSTPONED: when it will not go ahead as set."""
    return STATUS_PREFIX.get(meeting.standing(), "") + title(meeting, dataset)


def location(meeting: Meeting, dataset: Dataset) -> str:
    """The LOCATION: room, venue name, address lines and postcode, or the online place."""
    if meeting.venue is None:
        return ONLINE_PLACE
    venue = dataset.venue_by_id[meeting.venue]
    parts = [meeting.room, venue.name, *venue.address.lines, venue.address.postcode]
    return ", ".join(part for part in parts if part)


def description(meeting: Meeting, dataset: Dataset, config: SiteConfig) -> str:
    """The DESCRIPTION: what changed, when, where, how to join, the agenda and the meeting page."""
    blocks = [
        list(_status(meeting)),
        list(_when_where(meeting, dataset)),
        list(_joining(meeting)),
        list(_agenda(meeting)),
        list(_links(meeting, dataset, config)),
    ]
    return "\n\n".join("\n".join(block) for block in blocks if block)


def _slot(on: date, start: time | None) -> str:
    return f"{timefmt.day(on)}, {timefmt.clock(start)}" if start else timefmt.day(on)


def usual_length(meeting: Meeting, dataset: Dataset) -> int:
    """The usual meeting length in minutes: the panel's, else the force's (publisher.yaml)."""
    panel = dataset.panel_by_id.get(meeting.panel) if meeting.panel else None
    if panel is not None and panel.meeting_length is not None:
        return panel.meeting_length
    return dataset.publisher.meeting_length


def _panel_sets_length(meeting: Meeting, dataset: Dataset) -> bool:
    panel = dataset.panel_by_id.get(meeting.panel) if meeting.panel else None
    return panel is not None and panel.meeting_length is not None


def approximate_end(meeting: Meeting, dataset: Dataset) -> datetime | None:
    """Start plus the panel's usual length, for a meeting with no published end (else None)."""
    if meeting.end is not None:
        return None
    # Elapsed minutes, not wall-clock ones: a meeting running over a clock change lasts as
    # long as any other (aware datetime + timedelta would add to the wall clock).
    start = meeting.starts_at().astimezone(UTC)
    end = (start + timedelta(minutes=usual_length(meeting, dataset))).astimezone(LONDON)
    # An end in the hour the clocks go back happens twice on the wall clock, and calendar
    # apps pick either one: such an end is given in UTC, which means one instant.
    if end.replace(fold=1 - end.fold).utcoffset() != end.utcoffset():
        return end.astimezone(UTC)
    return end


def _status(meeting: Meeting) -> Iterator[str]:
    reason = f" {meeting.status_reason}" if meeting.status_reason else ""
    previous = meeting.previous
    if meeting.status is MeetingStatus.CANCELLED:
        yield f"CANCELLED: this meeting will not take place.{reason}"
    elif meeting.status is MeetingStatus.POSTPONED and previous is None:
        yield f"POSTPONED: this meeting will not go ahead as first planned.{reason}"
        yield "The new date is to be confirmed: check the meeting page before you travel."
    elif meeting.status is MeetingStatus.POSTPONED and previous is not None:
        was = _slot(previous.date, previous.start)
        yield f"POSTPONED: this meeting has moved from {was} to the date below.{reason}"
    elif meeting.status is MeetingStatus.MOVED and previous is not None:
        if previous.same_slot(meeting.date, meeting.start):
            yield f"MOVED: this meeting has moved to a new place on the same date.{reason}"
        else:
            was = _slot(previous.date, previous.start)
            yield f"MOVED: this meeting has moved from {was}.{reason}"


def _when_where(meeting: Meeting, dataset: Dataset) -> Iterator[str]:
    confirmed = meeting.date_confirmed()
    when = timefmt.meeting_when(meeting.date, meeting.start, meeting.end, confirmed)
    zone = f", {dataset.publisher.wording.local_time}" if confirmed else ""
    yield f"{title(meeting, dataset)}: {when}{zone}."
    if meeting.end is None:
        whose = (
            "this panel's meetings"
            if _panel_sets_length(meeting, dataset)
            else f"a {dataset.publisher.wording.panel} meeting"
        )
        yield (
            "The finish time has not been published: the calendar shows the usual length of "
            f"{whose} ({timefmt.duration(usual_length(meeting, dataset))}), so the finish time "
            "is approximate."
        )
    if meeting.format is MeetingFormat.HYBRID:
        yield "Hybrid meeting: come in person or join online."
    elif meeting.format is MeetingFormat.ONLINE:
        yield "Online meeting on Microsoft Teams."
    else:
        yield "In-person meeting."
    if meeting.venue is not None:
        yield f"Where: {location(meeting, dataset)}."


def _joining(meeting: Meeting) -> Iterator[str]:
    # A cancelled meeting's link leads nowhere useful, so it is not repeated.
    if meeting.format is MeetingFormat.IN_PERSON or meeting.status is MeetingStatus.CANCELLED:
        return
    online = meeting.online or OnlineJoining()
    if online.teams_url is None:
        yield "The Microsoft Teams joining link will be on the meeting page before the meeting."
    else:
        yield "How to join online with Microsoft Teams:"
        yield f"1. Open this link: {online.teams_url}"
        yield "2. Choose to join in your web browser or in the Teams app."
        if online.meeting_id is not None or online.passcode is not None:
            asked = [
                f"meeting ID {online.meeting_id}" if online.meeting_id else "",
                f"passcode {online.passcode}" if online.passcode else "",
            ]
            yield f"3. If you are asked, enter the {' and '.join(a for a in asked if a)}."
    if online.dial_in is not None:
        code = online.dial_in.conference_id
        then = f", then key in the phone conference ID {code}" if code else ""
        yield f"To join by phone, call {online.dial_in.phone}{then}."


def _agenda(meeting: Meeting) -> Iterator[str]:
    if meeting.agenda:
        yield "Agenda:"
        yield from (f"{number}. {item}" for number, item in enumerate(meeting.agenda, start=1))


def _links(meeting: Meeting, dataset: Dataset, config: SiteConfig) -> Iterator[str]:
    panel = dataset.panel_by_id.get(meeting.panel) if meeting.panel else None
    questionnaire = meeting.questionnaire_url or (panel.questionnaire_url if panel else None)
    if questionnaire is not None and meeting.status is not MeetingStatus.CANCELLED:
        yield f"Tell us which topics to discuss: {questionnaire}"
    yield f"Details, access information and any changes: {config.url(urls.meeting(meeting.id))}"
