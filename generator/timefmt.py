"""Dates and times in GOV.UK style: 'Wednesday 6 November 2024, 1pm to 2:30pm'."""

from __future__ import annotations

from datetime import date, time, timedelta
from functools import lru_cache

from generator import quarters

# Pure functions of a few dates and times, called for every meeting and action on
# several pages: remembering recent answers saves re-formatting the same day each time.
_memo = lru_cache(maxsize=4096)


@_memo
def clock(at: time) -> str:
    """'1pm', '2:30pm', 'midday', 'midnight' (GOV.UK style guide: no '12pm')."""
    if at.minute == 0 and at.hour in (0, 12):
        return "midnight" if at.hour == 0 else "midday"
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    return f"{hour}{suffix}" if at.minute == 0 else f"{hour}:{at.minute:02d}{suffix}"


@_memo
def day(on: date, *, weekday: bool = True) -> str:
    """'Wednesday 6 November 2024' (or without the weekday)."""
    text = f"{on.day} {on:%B %Y}"
    return f"{on:%A} {text}" if weekday else text


TO_BE_CONFIRMED = "new date to be confirmed"
"""What stands for the date of a postponed meeting whose new date is not yet known."""


def meeting_day(on: date, confirmed: bool = True) -> str:
    """The day a meeting's title names, or 'new date to be confirmed' (``on`` is then only
    the day it was due, which is not a day it will happen)."""
    return day(on) if confirmed else TO_BE_CONFIRMED


def meeting_when(on: date, start: time, end: time | None, confirmed: bool = True) -> str:
    """A meeting's 'When': :func:`when`, or that the new date is to be confirmed."""
    if confirmed:
        return when(on, start, end)
    return f"{TO_BE_CONFIRMED.capitalize()} (it was due on {day(on)})"


@_memo
def when(on: date, start: time, end: time | None = None) -> str:
    """'Wednesday 6 November 2024, 1pm to 2:30pm'; 'from 1pm' when the end is not published.

    An end at or before the start is the next day, and says so: 'Friday 7 March 2025, 10pm
    to 12:30am on Saturday 8 March' (the year too when it changes). An end at 00:00 is
    'midnight', which already reads as the end of the first day.
    """
    if end is None:
        return f"{day(on)}, from {clock(start)}"
    if end > start or end == time(0, 0):
        return f"{day(on)}, {clock(start)} to {clock(end)}"
    after = on + timedelta(days=1)
    later = day(after) if after.year != on.year else f"{after:%A} {after.day} {after:%B}"
    return f"{day(on)}, {clock(start)} to {clock(end)} on {later}"


def duration(minutes: int) -> str:
    """'1 hour 30 minutes', '2 hours', '45 minutes'."""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def month(year_month: str) -> str:
    """'2024-09' → 'September 2024'."""
    return f"{date(int(year_month[:4]), int(year_month[5:7]), 1):%B %Y}"


def span(first: date, last: date) -> str:
    """'23 to 29 September 2024', '25 November to 10 December 2024'."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {day(last, weekday=False)}"
    if first.year == last.year:
        return f"{first.day} {first:%B} to {day(last, weekday=False)}"
    return f"{day(first, weekday=False)} to {day(last, weekday=False)}"


def quarter(label: str) -> str:
    """'2025-Q1' → 'January to March 2025'."""
    first, last = quarters.months(label)
    return f"{first:%B} to {last:%B} {last.year}"
