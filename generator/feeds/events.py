"""One meeting as one VEVENT (RFC 5545, with RFC 7986 CONFERENCE)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from icalendar import Event, vUri

from generator.feeds import revisions, wording
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.render import urls
from generator.render.outputs import SiteConfig
from generator.vocabulary import MeetingStatus

ICAL_STATUS = {
    MeetingStatus.SCHEDULED: "CONFIRMED",
    MeetingStatus.MOVED: "CONFIRMED",
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}
"""RFC 5545 §3.8.1.11 allows only TENTATIVE, CONFIRMED and CANCELLED on a VEVENT.

Looked up by ``Meeting.standing()``: a postponed meeting whose new date is known is
CONFIRMED on that date. One whose new date is to be confirmed is TENTATIVE, not
CANCELLED: it is still going to happen, just not at the time shown, and several apps
(Google Calendar among them) hide or delete CANCELLED events from a subscription,
which would lose the 'postponed' notice.
"""


def uid(meeting: Meeting, config: SiteConfig) -> str:
    """``<meeting id>@<site host>``: built from the permanent id only, so it survives any move."""
    return f"{meeting.id}@{urlsplit(config.site_url).hostname}"


def stamp(changed: date | None, config: SiteConfig) -> datetime:
    """DTSTAMP: the start (00:00 UTC) of the day the entry last changed, else the build instant.

    A feed without METHOD is a calendar store, where RFC 5545 §3.8.7.2 makes DTSTAMP the
    time the event was last revised: the derived change date is exactly that. An entry
    that never changed has no such date, so the build instant (SOURCE_DATE_EPOCH) stands in.
    """
    if changed is not None:
        return _day_start(changed)
    built = config.built if config.built.tzinfo else config.built.replace(tzinfo=UTC)
    return built.astimezone(UTC).replace(microsecond=0)


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def tel_uri(phone: str) -> str | None:
    """A ``tel:`` URI (RFC 3966) for a UK or international number, or None if unsure."""
    digits = phone.replace(" ", "")
    if digits.startswith("+"):
        return f"tel:{digits}"
    if digits.startswith("0") and not digits.startswith("00"):
        return f"tel:+44{digits[1:]}"
    return None


def derived(dataset: Dataset, config: SiteConfig) -> dict[str, revisions.Revision] | None:
    """Every meeting's change number and date against ``config.previous``; None without one.

    Worked out once, before any renderer runs, so the meeting pages ("Changed on") and the
    downloads (``revision``) say what the calendars say.
    """
    if config.previous is None:
        return None
    return {
        m.id: revisions.derive(m, content(m, dataset, config), config.previous, dataset.today)
        for m in dataset.meetings
    }


def event(meeting: Meeting, dataset: Dataset, config: SiteConfig) -> Event:
    """The VEVENT for ``meeting``; SEQUENCE and the change dates come from the previous feed."""
    vevent = content(meeting, dataset, config)
    known = config.revisions.get(meeting.id) if config.revisions is not None else None
    revision = known or revisions.derive(meeting, vevent, config.previous, dataset.today)
    vevent.add("dtstamp", stamp(revision.changed, config))
    vevent.add("sequence", revision.sequence)
    if revision.changed is not None:
        vevent.add("last-modified", _day_start(revision.changed))
    return vevent


def content(meeting: Meeting, dataset: Dataset, config: SiteConfig) -> Event:
    """The VEVENT without SEQUENCE, DTSTAMP and LAST-MODIFIED: what subscribers see.

    icalendar writes properties in its own canonical order, so the order added here does
    not change the output.
    """
    vevent = Event()
    vevent.add("uid", uid(meeting, config))
    vevent.add("dtstart", meeting.starts_at())
    # No published end: the panel's (else the force's) usual length, which the DESCRIPTION
    # says is approximate. Without any DTEND the event would end as it starts (RFC 5545
    # §3.6.1) and each client invented its own end (one hour, none, 2038: issue 23).
    vevent.add("dtend", meeting.ends_at() or wording.approximate_end(meeting, dataset))
    vevent.add("status", ICAL_STATUS[meeting.standing()])
    if meeting.standing() in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
        vevent.add("transp", "TRANSPARENT")
    vevent.add("summary", wording.summary(meeting, dataset))
    vevent.add("location", wording.location(meeting, dataset))
    venue = dataset.venue_by_id.get(meeting.venue) if meeting.venue else None
    if venue is not None and venue.coordinates is not None:
        vevent.add("geo", (float(venue.coordinates.latitude), float(venue.coordinates.longitude)))
    vevent.add("description", wording.description(meeting, dataset, config))
    vevent.add("url", config.url(urls.meeting(meeting.id)))
    _add_conferences(vevent, meeting)
    return vevent


def _add_conferences(vevent: Event, meeting: Meeting) -> None:
    online = meeting.online
    if online is None or meeting.status is MeetingStatus.CANCELLED:
        return
    if online.teams_url is not None:
        # FEATURE is a list: icalendar then writes AUDIO,VIDEO as two values, unquoted.
        teams: dict[str, Any] = {
            "VALUE": "URI",
            "FEATURE": ["AUDIO", "VIDEO"],
            "LABEL": "Join on Microsoft Teams",
        }
        vevent.add("conference", vUri(online.teams_url), parameters=teams)
    dial_in = online.dial_in
    tel = tel_uri(dial_in.phone) if dial_in is not None else None
    if dial_in is not None and tel is not None:
        code = f", phone conference ID {dial_in.conference_id}" if dial_in.conference_id else ""
        phone: dict[str, Any] = {
            "VALUE": "URI",
            "FEATURE": ["PHONE"],
            "LABEL": f"Dial in {dial_in.phone}{code}",
        }
        vevent.add("conference", vUri(tel), parameters=phone)
