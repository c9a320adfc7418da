"""iCalendar feeds (RFC 5545, RFC 7986): all meetings, one feed per panel, one file per meeting.

The update contract, which staff follow and a pull-request check enforces:

* A meeting's UID is ``<meeting id>@<site host>``. The id never changes (it is in the
  page address too), so a moved, postponed or cancelled meeting keeps its UID and
  subscribers' calendars update the entry they already have instead of adding a second.
* Whenever a meeting's date, time, place (venue or room), format or status changes,
  staff raise ``revision`` by one and set ``revised`` to the date of the change.
  ``revision`` is the event's SEQUENCE and ``revised`` its LAST-MODIFIED and DTSTAMP:
  calendar apps take an entry with a higher SEQUENCE as the newer one, and some ignore
  a changed time that arrives without one. The data rules already refuse a moved,
  postponed or cancelled meeting whose ``revision`` is still 0.
* Meetings are never deleted from the feeds: a cancelled meeting stays, with
  ``STATUS:CANCELLED`` and "CANCELLED: " leading its title, so a subscriber sees it was
  called off rather than having it silently vanish.

Output is deterministic: the same data and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations
