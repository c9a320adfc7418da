"""The force's wider community engagement, as listed in the quarterly report."""

from __future__ import annotations

from pydantic import Field

from generator.models.fields import Count, LocalDate, Model, Month, ReviewMark, Slug, Text
from generator.vocabulary import Audience


class Outcome(Model):
    """One thing an event achieved, counted, e.g. 212 phones marked."""

    name: Text
    """What was counted, e.g. `Phones marked` or `People reached`."""
    count: Count
    """How many, a whole number, e.g. 212."""
    unit: Text
    """What one of them is, e.g. `phones` or `people`."""


class EngagementEvent(Model):
    """One engagement event. Give exactly one of `date`, `month`, or `from` with `to`."""

    id: Slug
    """Permanent id, e.g. `2024-09-barbican-garden-party`."""
    title: Text
    """The event's name."""
    date: LocalDate | None = None
    """The day, YYYY-MM-DD, when the event was on one day."""
    month: Month | None = None
    """The month, YYYY-MM, when only the month is known."""
    from_: LocalDate | None = Field(default=None, alias="from")
    """First day of an event over several days."""
    to: LocalDate | None = None
    """Last day of an event over several days."""
    when_note: Text | None = None
    """How the source words the date when it is vague, e.g. `Mid-September 2024`."""
    audiences: tuple[Audience, ...]
    """Who it was for: residents, workers, visitors, other."""
    audience_note: Text | None = None
    """Who `other` means, e.g. `students`."""
    outcomes: tuple[Outcome, ...] = ()
    """What the event achieved, counted: each with `name:`, `count:` and `unit:`, e.g. phones
    marked or people reached. Leave out what was not counted."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that text flagged as personal data is fine to publish: the line the
    message gives (`pd-` and ten letters and digits). It covers the text as it was checked."""
