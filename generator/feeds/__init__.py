"""iCalendar feeds (RFC 5545, RFC 7986): all meetings, one feed per panel, one file per meeting.

The update contract, which staff follow and a pull-request check enforces:

* A meeting's UID is ``<meeting id>@<site host>``. The id never changes (it is in the
  page address too), so a moved, postponed or cancelled meeting keeps its UID and
  subscribers' calendars update the entry they already have instead of adding a second.
* Staff never type a change number. Whenever anything a subscriber's calendar shows
  changes (date, time, place, format, status, title or description, a panel's new
  name included), the build raises the event's SEQUENCE by one and dates the change
  (LAST-MODIFIED, DTSTAMP), comparing with the feed as last published
  (:mod:`generator.feeds.revisions`). Calendar apps take an entry with a higher
  SEQUENCE as the newer one, and some ignore a changed time that arrives without one.
* Meetings are never deleted from the feeds: a cancelled meeting stays, with
  ``STATUS:CANCELLED`` and "CANCELLED: " leading its title, so a subscriber sees it was
  called off rather than having it silently vanish.

Output is deterministic: the same data and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations
