"""The log: what residents raised and what was done about it."""

from __future__ import annotations

from pydantic import ConfigDict

from generator.models.cross_field import ACTION_RULES, editor_schema
from generator.models.fields import LocalDate, LongText, Model, ReviewMark, Slug, Text
from generator.vocabulary import ActionStatus


class Update(Model):
    """A dated note of progress."""

    date: LocalDate
    """When, YYYY-MM-DD."""
    text: LongText
    """What happened, in plain English."""


class Action(Model):
    """One log entry."""

    # As for meetings: the cross-field rules an editor can flag while staff type (rules.py agrees).
    model_config = Model.model_config | ConfigDict(json_schema_extra=editor_schema(*ACTION_RULES))

    id: Slug
    """Permanent id, e.g. `north-2024-11-cycling`. It is in the page address: never change it."""
    meeting: Slug
    """The id of the meeting where residents raised it (from meetings.yaml)."""
    said: LongText
    """What residents said, in their terms."""
    did: LongText | None = None
    """What was done, or is being done. Leave out until there is something to say."""
    remit: Slug
    """Whose responsibility it is: the id of a partner in publisher.yaml."""
    owner: Text | None = None
    """The team or partner that owns it, e.g. `Cluster team` or `Highways`."""
    status: ActionStatus = ActionStatus.OPEN
    """`open`, `in-progress`, `done` or `not-taken-forward`."""
    status_reason: LongText | None = None
    """Why it was not taken forward (needed for `not-taken-forward`)."""
    raised: LocalDate
    """The date it was raised, usually the meeting's date."""
    updates: tuple[Update, ...] = ()
    """Dated progress notes, oldest first."""
    completed: LocalDate | None = None
    """The date it was done (needed for `done`, only for `done`)."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that text flagged as personal data is fine to publish: the line the
    message gives (`pd-` and ten letters and digits). It covers the text as it was checked."""
