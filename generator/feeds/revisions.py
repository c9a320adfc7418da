"""Each calendar entry's change number (SEQUENCE) and change date, derived, never typed.

Calendar apps take an entry with a higher SEQUENCE as the newer one, and some ignore a
changed time that arrives without one. So the build compares what each entry shows (its
properties without SEQUENCE, DTSTAMP and LAST-MODIFIED) with the same entry in the
previously published feed (:mod:`generator.load.published`):

* the same: the published number and change date stand;
* different: one more than published, changed on the build date (SOURCE_DATE_EPOCH's day),
  so a move, a cancellation, a new room, a panel's new name or one more agenda line all
  reach subscribers;
* not published before (a new meeting, or no previous feed given): the number typed in
  old data as ``revision`` (else 0) and its ``revised`` date.

A typed ``revision`` is only a floor, so data written before keeps its numbers, and a
number never goes below what was published.
"""

from __future__ import annotations

from datetime import date

from icalendar import Event

from generator.load.published import Published, Revision, properties
from generator.models import Meeting

__all__ = ["Revision", "derive", "shown"]


def shown(content: Event) -> tuple[tuple[str, str], ...]:
    """What subscribers see of an entry, in the form the published feed is read back in."""
    lines = (str(line) for line in content.content_lines())
    # content_lines() ends with an empty line (the final CRLF) and wraps the entry in
    # BEGIN/END, which the published feed's reading leaves out too.
    return properties(line for line in lines if line and not line.startswith(("BEGIN:", "END:")))


def derive(meeting: Meeting, content: Event, previous: Published | None, today: date) -> Revision:
    """The entry's SEQUENCE and change date, from the previous feed and the data's floor."""
    published = previous.get(meeting.id) if previous is not None else None
    if published is None:
        return Revision(meeting.revision, meeting.revised)
    if published.properties == shown(content):
        if meeting.revision > published.sequence:
            return Revision(meeting.revision, meeting.revised or published.changed)
        return Revision(published.sequence, published.changed)
    return Revision(max(published.sequence + 1, meeting.revision), today)
