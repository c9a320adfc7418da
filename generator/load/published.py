"""The calendar entries as last published: the previous state each change number rises from.

Staff never type a change number (SEQUENCE). The build compares each entry it renders
with the same entry in the previously published all-meetings feed and raises the number
when anything a subscriber's app shows differs. "Previously published" is the feed
itself, not a ledger kept beside the data: it is exactly what subscribers' apps last
fetched, it needs no file that staff could break or a deploy would have to commit, and
the pull-request summary gets the same from the base branch's build.

This module reads a feed back into comparable entries; it knows nothing of the models,
so the loader, the feeds and the change summary can all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

IGNORED_PROPERTIES = frozenset({"SEQUENCE", "DTSTAMP", "LAST-MODIFIED"})
"""What the build itself sets from the comparison: not part of what subscribers are shown."""


class PreviousError(ValueError):
    """The previously published calendar is missing or is not a calendar."""


@dataclass(frozen=True)
class PublishedEvent:
    """One calendar entry, as published."""

    uid: str
    sequence: int
    """Its SEQUENCE."""
    changed: date | None
    """The day of its LAST-MODIFIED, if it had one."""
    properties: tuple[tuple[str, str], ...]
    """Every other property (name, value), in the feed's order: what subscribers see."""

    @property
    def meeting_id(self) -> str:
        """The permanent meeting id the UID is made from (``<id>@<host>``)."""
        return self.uid.split("@", 1)[0]

    def changed_properties(self, other: PublishedEvent) -> list[str]:
        """The names of the properties that differ from ``other``, in this entry's order."""
        mine, theirs = dict(self.properties), dict(other.properties)
        names = [*mine, *(n for n in theirs if n not in mine)]
        return [n for n in names if mine.get(n) != theirs.get(n)]


Published = Mapping[str, PublishedEvent]
"""Published entries by meeting id."""


@dataclass(frozen=True)
class Revision:
    """What the feed says about one entry's changes (derived in feeds.revisions)."""

    sequence: int
    """Its change number (SEQUENCE), never below what was published."""
    changed: date | None
    """The day it last changed for subscribers, if it ever did."""


def property_line(line: str) -> tuple[str, str]:
    """(NAME, value) of one unfolded content line; parameters are left out of the name."""
    head, _, value = line.partition(":")
    return head.split(";", 1)[0].upper(), value


def properties(lines: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The compared properties of one VEVENT's unfolded lines (no UID, no ignored ones)."""
    found = (property_line(line) for line in lines)
    return tuple((n, v) for n, v in found if n not in IGNORED_PROPERTIES and n != "UID")


def parse(ics: str) -> dict[str, PublishedEvent]:
    """The VEVENTs of a feed by UID (lines unfolded, RFC 5545 §3.1)."""
    lines = re.sub(r"\r?\n[ \t]", "", ics).splitlines()
    found: dict[str, PublishedEvent] = {}
    body: list[str] | None = None
    for line in lines:
        if line == "BEGIN:VEVENT":
            body = []
        elif line == "END:VEVENT" and body is not None:
            values = dict(property_line(item) for item in body)
            uid = values.get("UID", "")
            modified = values.get("LAST-MODIFIED", "")
            found[uid] = PublishedEvent(
                uid=uid,
                sequence=int(values.get("SEQUENCE", "0") or 0),
                changed=_day(modified),
                properties=properties(body),
            )
            body = None
        elif body is not None:
            body.append(line)
    return found


def _day(stamp: str) -> date | None:
    if not re.fullmatch(r"\d{8}(T\d{6}Z?)?", stamp):
        return None
    return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))


def by_meeting(ics: str) -> Published:
    """The feed's entries by meeting id, frozen."""
    return MappingProxyType({e.meeting_id: e for e in parse(ics).values()})


def read(path: Path) -> Published:
    """The previously published all-meetings feed at ``path``; refuses anything else.

    A deploy that cannot produce it must stop rather than start every number again
    at 0, which subscribers' apps would ignore as older than what they hold.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PreviousError(
            f"the previously published calendar {path} cannot be read ({error})"
        ) from None
    if not text.startswith("BEGIN:VCALENDAR"):
        raise PreviousError(
            f"{path} is not a calendar (it does not start with BEGIN:VCALENDAR): "
            "fetch the published all-meetings feed again"
        )
    return by_meeting(text)


ENVIRONMENT = "CLUSTER_PANELS_PREVIOUS_CALENDAR"
"""The environment variable the deploy sets to the feed it fetched (for ``mkdocs build``)."""


def given(path: str | Path | None, environ: Mapping[str, str]) -> Published | None:
    """The previous feed named by ``path``, else by :data:`ENVIRONMENT`; None if neither is set."""
    chosen = str(path) if path else environ.get(ENVIRONMENT, "")
    return read(Path(chosen)) if chosen else None
