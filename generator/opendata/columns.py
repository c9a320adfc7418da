"""The open-data columns, described once for the files, the Table Schema and the data page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from generator.models.publisher import Wording
from generator.vocabulary import (
    ActionStatus,
    Audience,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
)

FieldType = Literal["string", "integer", "number", "date", "boolean"]

ID = "^[a-z0-9]+(-[a-z0-9]+)*$"
QUARTER = "^[0-9]{4}-Q[1-4]$"
MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$"
TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
REPORTED = "reported"
NOT_REPORTED = "not yet reported"


@dataclass(frozen=True)
class Column:
    """One column, as the Table Schema and the data page describe it."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: int | None = None


def _values(
    kind: type[MeetingKind | MeetingFormat | MeetingStatus | ActionStatus],
) -> tuple[str, ...]:
    return tuple(member.value for member in kind)


def _c(name: str, type_: FieldType, description: str, **kw: object) -> Column:
    return Column(name, type_, description, **kw)  # type: ignore[arg-type]


MEETING_COLUMNS = (
    _c(
        "id",
        "string",
        "Permanent id of the meeting; it is part of the meeting page's address.",
        required=True,
        pattern=ID,
    ),
    _c(
        "kind",
        "string",
        "cluster-panel, or business for a business meeting for the whole area.",
        required=True,
        enum=_values(MeetingKind),
    ),
    _c("panel", "string", "Id of the {panel}; empty for a business meeting.", pattern=ID),
    _c("panel_name", "string", "Name of the {panel}."),
    _c("title", "string", "The meeting's own title, when it has one."),
    _c(
        "date",
        "date",
        "Date of the meeting (UK time); the date it was due when date_confirmed is false.",
        required=True,
    ),
    _c("start", "string", "Start time, 24-hour HH:MM, UK time.", required=True, pattern=TIME),
    _c(
        "end",
        "string",
        "End time, 24-hour HH:MM, on end_date; empty when not published.",
        pattern=TIME,
    ),
    _c(
        "format",
        "string",
        "in-person, hybrid (in the room and online) or online.",
        required=True,
        enum=_values(MeetingFormat),
    ),
    _c("venue", "string", "Id of the venue; empty for an online meeting.", pattern=ID),
    _c("venue_name", "string", "Name of the venue."),
    _c(
        "status",
        "string",
        "scheduled, cancelled, postponed or moved.",
        required=True,
        enum=_values(MeetingStatus),
    ),
    _c("status_reason", "string", "The public reason for a cancellation, postponement or move."),
    _c(
        "revision",
        "integer",
        "The calendar entry's change number (SEQUENCE): raised by one whenever anything "
        "its calendar entry shows changes.",
        required=True,
        minimum=0,
    ),
    _c(
        "held",
        "boolean",
        "true when the meeting went ahead (not cancelled or postponed) before the "
        "data was published.",
        required=True,
    ),
    _c(
        "attendance_in_person",
        "integer",
        "People in the room, not counting officers and staff; "
        "monitored, not a target. Empty when not recorded.",
        minimum=0,
    ),
    _c(
        "attendance_online",
        "integer",
        "People who joined online; empty when not recorded.",
        minimum=0,
    ),
    _c(
        "topics_raised",
        "integer",
        "Number of topics residents raised, as recorded.",
        required=True,
        minimum=0,
    ),
    _c(
        "actions",
        "integer",
        "Number of {log} actions from this meeting.",
        required=True,
        minimum=0,
    ),
    _c("page_url", "string", "The meeting's page, with how to join.", required=True),
    # Added after the first release: last, so that readers by column position are unaffected.
    _c(
        "end_date",
        "date",
        "Date the meeting ends (UK time): the day after date when it runs past midnight; "
        "empty when the end time is not published.",
    ),
    _c(
        "date_confirmed",
        "boolean",
        "false for a postponed meeting whose new date is still to be confirmed.",
        required=True,
    ),
    _c(
        "partners_present",
        "integer",
        "Number of partners (or their departments) that came besides the force, listed in the "
        "meeting_partners table; 0 when none came, empty when not recorded.",
        minimum=0,
    ),
)
PARTNER_COLUMNS = (
    _c("meeting", "string", "Id of the meeting the partner came to.", required=True, pattern=ID),
    _c("partner", "string", "Id of the partner organisation.", required=True, pattern=ID),
    _c("partner_name", "string", "Name of the partner organisation.", required=True),
    _c(
        "department",
        "string",
        "Id of the partner's department or team that came; empty when the record names the "
        "partner as a whole.",
        pattern=ID,
    ),
    _c("department_name", "string", "Name of that department or team."),
)
OUTCOME_COLUMNS = (
    _c("event", "string", "Id of the engagement event.", required=True, pattern=ID),
    _c("outcome", "string", "What was counted, e.g. Phones marked.", required=True),
    _c("count", "integer", "How many.", required=True, minimum=0),
    _c("unit", "string", "What one of them is, e.g. phones or people.", required=True),
)
TOPIC_COLUMNS = (
    _c(
        "meeting",
        "string",
        "Id of the meeting where the topic was raised.",
        required=True,
        pattern=ID,
    ),
    _c("topic", "string", "The topic in a few words.", required=True),
    _c("remit", "string", "Whose responsibility the topic is.", required=True),
    _c("partner", "string", "The partner's name when the remit is another partner."),
)
ACTION_COLUMNS = (
    _c("id", "string", "Permanent id of the action.", required=True, pattern=ID),
    _c(
        "meeting",
        "string",
        "Id of the meeting where residents raised it.",
        required=True,
        pattern=ID,
    ),
    _c("said", "string", "What residents said.", required=True),
    _c("did", "string", "What was done, or is being done."),
    _c("remit", "string", "Whose responsibility it is.", required=True),
    _c("owner", "string", "The team or partner that owns it."),
    _c(
        "status",
        "string",
        "open, in-progress, done or not-taken-forward.",
        required=True,
        enum=_values(ActionStatus),
    ),
    _c("status_reason", "string", "Why it was not taken forward."),
    _c("raised", "date", "The date it was raised.", required=True),
    _c("completed", "date", "The date it was done."),
    _c("days_to_done", "integer", "Days from raised to done; empty until done.", minimum=0),
    _c("latest_update", "date", "The date of the latest progress note."),
    _c("page_url", "string", "The action on the {log} page.", required=True),
)


def worded(columns: tuple[Column, ...], words: Wording) -> tuple[Column, ...]:
    """``columns`` with ``{panel}`` and ``{log}`` in their descriptions in the force's words."""
    names = {"panel": words.panel, "log": words.log_phrase("'")}
    return tuple(replace(c, description=c.description.format_map(names)) for c in columns)


def with_remits(columns: tuple[Column, ...], remits: Iterable[str]) -> tuple[Column, ...]:
    """``columns`` with the ``remit`` column limited to the configured partners' ids."""
    allowed = tuple(remits)
    return tuple(replace(c, enum=allowed) if c.name == "remit" else c for c in columns)


EVENT_COLUMNS = (
    _c("id", "string", "Permanent id of the event.", required=True, pattern=ID),
    _c("title", "string", "The event's name, as in the report.", required=True),
    _c("date", "date", "The day, for a one-day event."),
    _c("month", "string", "The month (YYYY-MM) when only the month is known.", pattern=MONTH),
    _c("from", "date", "First day of an event over several days."),
    _c("to", "date", "Last day of an event over several days."),
    _c("when_note", "string", "How the report words a vague date."),
    *(
        _c(a.value, "boolean", f"true when the event was for {a.value}.", required=True)
        for a in Audience
    ),
    _c("audience_note", "string", "Who 'other' means."),
)
METRIC_COLUMNS = (
    _c(
        "metric", "string", "The measure's letter in the report, a to j.", required=True, pattern=ID
    ),
    _c("wording", "string", "The measure's wording, as in the report.", required=True),
    _c("unit", "string", "What the figure counts.", required=True),
    _c(
        "quarter",
        "string",
        "Calendar quarter, e.g. 2025-Q1 for January to March 2025.",
        required=True,
        pattern=QUARTER,
    ),
    _c(
        "status",
        "string",
        "'reported', or 'not yet reported' (then value is empty: it is not zero).",
        required=True,
        enum=(REPORTED, NOT_REPORTED),
    ),
    _c("value", "number", "The reported figure."),
    _c("dimension", "string", "For breakdowns: what is broken down, e.g. Gender."),
    _c("category", "string", "For breakdowns: the category within the dimension."),
    _c("note", "string", "What a reader needs to read the figure correctly."),
)
