"""Other civic events' dates, so that panel meetings can avoid clashing with them."""

from __future__ import annotations

from generator.models.fields import LocalDate, Model, Text


class CivicDate(Model):
    """A day of another civic event (an election, a council meeting, a ward meeting)."""

    date: LocalDate
    """The day, YYYY-MM-DD."""
    title: Text
    """What happens that day, e.g. `Ward elections`."""


class CivicDatesFile(Model):
    """data/civic-dates.yaml: days a panel meeting would clash with another civic event."""

    civic_dates: tuple[CivicDate, ...]
    """One entry per day. Write `civic_dates: []` when none are known."""
