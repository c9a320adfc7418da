"""A calendar entry's change in a reviewer's words: "starts 1:30pm, was 1pm"."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from generator import timefmt
from generator.load.published import PublishedEvent

PROPERTY_WORDS = {
    "SUMMARY": "title",
    "DTSTART": "start",
    "DTEND": "end",
    "LOCATION": "place",
    "STATUS": "status",
    "DESCRIPTION": "description",
    "URL": "page link",
    "GEO": "map position",
    "TRANSP": "busy or free",
    "CONFERENCE": "online joining link",
}
"""iCalendar property names (RFC 5545) in the words of the summary."""
STATUS_WORDS = {
    "CONFIRMED": "going ahead",
    "TENTATIVE": "to be confirmed",
    "CANCELLED": "cancelled",
}
"""STATUS values (RFC 5545 §3.8.1.11) as the meeting pages say them."""
_QUOTED = ("SUMMARY", "LOCATION")
"""Short text properties shown whole (no more than the page shows)."""
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?")


def _text(value: str) -> str:
    """An iCalendar TEXT value (RFC 5545 §3.3.11) unescaped, on one line."""
    out = re.sub(r"\\([nN,;\\])", lambda m: " " if m.group(1) in "nN" else m.group(1), value)
    return " ".join(out.split())


def _instant(value: str) -> tuple[date, time | None] | None:
    found = _STAMP.fullmatch(value.removesuffix("Z"))
    if found is None:
        return None
    year, month, day, hour, minute, second = found.groups()
    on = date(int(year), int(month), int(day))
    if hour is None:
        return on, None
    return on, datetime(2000, 1, 1, int(hour), int(minute), int(second)).time()


def _moment(old: str, new: str, verb: str) -> str:
    before, after = _instant(old), _instant(new)
    if before is None or after is None:
        return f"{verb} changed"
    if before[0] == after[0] and before[1] and after[1]:
        return f"{verb} {timefmt.clock(after[1])}, was {timefmt.clock(before[1])}"
    shown = [timefmt.day(d) + (f" {timefmt.clock(t)}" if t else "") for d, t in (after, before)]
    return f"{verb} {shown[0]}, was {shown[1]}"


def change(name: str, old: str | None, new: str | None) -> str:
    """One property's change, e.g. "starts 1:30pm, was 1pm" or "place “Quay Hall”, was …"."""
    word = PROPERTY_WORDS.get(name, name.lower())
    if old is None or new is None:
        return f"{word} {'added' if old is None else 'removed'}"
    if name == "DTSTART":
        return _moment(old, new, "starts")
    if name == "DTEND":
        return _moment(old, new, "ends")
    if name == "STATUS":
        return f"now {STATUS_WORDS.get(new, new.lower())}, was {STATUS_WORDS.get(old, old.lower())}"
    if name in _QUOTED:
        return f"{word} “{_text(new)}”, was “{_text(old)}”"
    return f"{word} changed"


def changes(old: PublishedEvent, new: PublishedEvent) -> list[str]:
    """Every changed property of one entry, in the entry's order, in words."""
    before, after = dict(old.properties), dict(new.properties)
    return [change(n, before.get(n), after.get(n)) for n in new.changed_properties(old)]
