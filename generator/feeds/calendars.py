"""Whole VCALENDAR files: subscription feeds and single-meeting 'add to calendar' files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from icalendar import (
    Calendar,
    Component,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vText,
    vUri,
)

from generator.clock import LONDON
from generator.feeds.events import event
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.render.outputs import SiteConfig
from generator.vocabulary import CALENDAR_PRODID

TZID = "Europe/London"
PRODID = CALENDAR_PRODID
REFRESH = timedelta(hours=12)
"""How often subscribers should fetch a feed again: twice a day catches a same-day change."""


@dataclass(frozen=True)
class FeedInfo:
    """How a subscription feed names and describes itself."""

    name: str
    description: str
    source: str
    """The feed's own absolute URL (RFC 7986 SOURCE): where to refresh it from."""
    page: str
    """The absolute URL of the page the feed belongs to (RFC 7986 URL)."""


@lru_cache(maxsize=64)
def london(first_year: int, last_year: int) -> Timezone:
    """The Europe/London VTIMEZONE for 1 January ``first_year`` to the end of ``last_year``.

    The clock changes come from zoneinfo (the pinned tzdata), so they match the offsets
    the meetings were converted with; only the years covered appear, so the text changes
    only when those years do. Each onset is its own STANDARD or DAYLIGHT block with a
    DTSTART and no RDATE: ical.js 2.2 (Thunderbird) and libical misread RDATE onsets
    (the DTSTART onset dropped, only the first of a list used), putting a summer an hour
    out. icalendar's ``Timezone.from_tzinfo`` is not used: it writes the spring onset as
    02:00, where RFC 5545 §3.6.5 wants the local time before the change (01:00).
    Cached; never mutated after.
    """
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    zone = Timezone()
    zone.add("tzid", TZID)
    before = _offset(start)
    zone.add_component(_observance(start.replace(tzinfo=None) + before, before, start))
    for change in _changes(start, datetime(last_year + 1, 1, 1, tzinfo=UTC)):
        before = _offset(change - timedelta(seconds=1))
        zone.add_component(_observance((change + before).replace(tzinfo=None), before, change))
    return zone


def _offset(instant: datetime) -> timedelta:
    offset = instant.astimezone(LONDON).utcoffset()
    assert offset is not None
    return offset


def _changes(start: datetime, stop: datetime) -> list[datetime]:
    """The UTC instants, to the second, when the UK offset changes in [start, stop)."""
    found, day = [], start
    while day < stop:
        low, high = day, min(day + timedelta(days=1), stop)
        if _offset(low) != _offset(high):
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) // 2
                low, high = (middle, high) if _offset(middle) == _offset(low) else (low, middle)
            found.append(high)
        day += timedelta(days=1)
    return found


def _observance(onset: datetime, offset_from: timedelta, instant: datetime) -> Component:
    """A STANDARD or DAYLIGHT block starting at ``onset`` (local time before the change)."""
    local = instant.astimezone(LONDON)
    block: Component = TimezoneDaylight() if local.dst() else TimezoneStandard()
    block.add("dtstart", onset)
    block.add("tzname", local.tzname())
    block.add("tzoffsetfrom", offset_from)
    block.add("tzoffsetto", _offset(instant))
    return block


def _years(meetings: Sequence[Meeting], fallback: int) -> tuple[int, int]:
    years = [m.date.year for m in meetings]
    return (min(years), max(years)) if years else (fallback, fallback)


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    return calendar


Events = Mapping[str, bytes]
"""Each meeting's VEVENT, serialized once by icalendar, by meeting id (see :func:`events`)."""

END = b"END:VCALENDAR\r\n"


def events(
    dataset: Dataset, config: SiteConfig, meetings: Sequence[Meeting] | None = None
) -> Events:
    """Every meeting's VEVENT as bytes (or only ``meetings``'s).

    A meeting appears in three files (all meetings, its panel, its own), and folding
    long lines is most of the build time, so each VEVENT is serialized once and the
    same bytes are placed in each file.
    """
    chosen = dataset.meetings if meetings is None else meetings
    return {m.id: serialize(event(m, dataset, config)) for m in chosen}


FOLD_AT = 75
"""RFC 5545 §3.1: a line longer than 75 octets is folded; icalendar folds before the 75th."""


def serialize(component: Component) -> bytes:
    """``component.to_ical()``, byte for byte, with its line folding done faster.

    icalendar folds each line a character at a time, encoding each one to count its
    octets: over every meeting's VEVENT that was the build's costliest function. Most
    lines are ASCII, where a character is an octet, so they are cut by slicing.
    """
    lines = (fold(line) for line in component.content_lines() if line)
    return ("\r\n".join(lines) + "\r\n").encode()


def fold(line: str) -> str:
    """``line`` folded exactly as icalendar 7 folds it (``icalendar.parser.string._foldline``).

    Pieces stay under :data:`FOLD_AT` octets, and a piece never ends with a backslash or
    caret (a TEXT or RFC 6868 escape is not split, icalendar issue #1501): that character
    starts the next piece instead.
    """
    if not line.isascii():
        return _fold_octets(line)
    pieces, start, width = [], 0, FOLD_AT - 1
    while len(line) - start > width:
        end = start + width
        if line[end - 1] in "\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces)


def _fold_octets(line: str) -> str:
    """:func:`fold` for a line with characters of more than one octet, counted one by one."""
    pieces: list[str] = []
    piece: list[str] = []
    octets = 0
    for char in line:
        size = len(char.encode())
        if piece and octets + size >= FOLD_AT:
            carried = piece.pop() if len(piece) > 1 and piece[-1] in "\\^" else None
            pieces.append("".join(piece))
            piece = [carried] if carried is not None else []
            octets = len(carried.encode()) if carried is not None else 0
        piece.append(char)
        octets += size
    pieces.append("".join(piece))
    return "\r\n ".join(pieces)


def _finish(
    head: bytes, meetings: Sequence[Meeting], serialized: Events, config: SiteConfig
) -> bytes:
    # A VCALENDAR needs at least one component (RFC 5545 §3.6), so the VTIMEZONE is
    # there even when a panel has no meetings yet; then it covers the build year.
    first, last = _years(meetings, config.built.astimezone(LONDON).year)
    assert head.endswith(END)
    ordered = sorted(meetings, key=lambda m: (m.starts_at(), m.id))
    events = b"".join(serialized[m.id] for m in ordered)
    return head[: -len(END)] + _london_ical(first, last) + events + END


@lru_cache(maxsize=64)
def _london_ical(first_year: int, last_year: int) -> bytes:
    """:func:`london` serialized once: icalendar writes a component's subcomponents in turn,
    so the same bytes can follow each calendar's properties (a large share of a big build)."""
    text: bytes = london(first_year, last_year).to_ical()
    return text


def feed(
    meetings: Sequence[Meeting], info: FeedInfo, serialized: Events, config: SiteConfig
) -> bytes:
    """A subscription feed: named (RFC 7986 NAME and X-WR-CALNAME), described, with a refresh rate.

    No METHOD: a subscribed feed is a published calendar store, not an iTIP message.
    """
    calendar = _calendar()
    # icalendar writes properties it does not know (NAME, X-...) raw; vText escapes
    # commas, semicolons and backslashes as TEXT needs.
    calendar.add("name", vText(info.name))
    calendar.add("x-wr-calname", vText(info.name))
    calendar.add("description", info.description)
    calendar.add("x-wr-caldesc", vText(info.description))
    calendar.add("x-wr-timezone", TZID)
    calendar.add("url", vUri(info.page))
    calendar.add("source", vUri(info.source), parameters={"VALUE": "URI"})
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    return _finish(calendar.to_ical(), meetings, serialized, config)


@lru_cache(maxsize=1)
def _single_head() -> bytes:
    """The properties every 'add to calendar' file shares, serialized once, not once a meeting."""
    calendar = _calendar()
    calendar.add("method", "PUBLISH")
    text: bytes = calendar.to_ical()
    return text


def single(meeting: Meeting, serialized: Events, config: SiteConfig) -> bytes:
    """One meeting's 'add to calendar' file: METHOD:PUBLISH and no calendar name.

    Outlook opens a PUBLISH file holding one event as an appointment to save in the
    default calendar; a file that names itself (X-WR-CALNAME or NAME) is opened as a
    new, separate calendar instead, which is not what 'add to calendar' means.
    """
    return _finish(_single_head(), [meeting], serialized, config)
