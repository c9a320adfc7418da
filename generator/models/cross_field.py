"""Rules that tie one field to another, worded once for both `check` and the editors.

Each rule names the field its message belongs on, the condition (a JSON Schema ``if``) and
the words. The models turn the rules into their JSON Schema (``editor_schema``), so the
editor marks that field with the same words `check` prints; the load rules
(generator/load/meeting_rules.py, rules.py) test the same conditions in code and take the
words from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.vocabulary import BUSINESS_LOG_ID, ActionStatus, MeetingFormat, MeetingStatus


@dataclass(frozen=True)
class CrossFieldRule:
    """One rule: on ``field``, when ``when`` holds, the problem ``what`` and its ``fix``."""

    field: str
    when: dict[str, Any]
    what: str
    fix: str

    @property
    def message(self) -> str:
        """The words as `check` prints them after the field's place."""
        return f"{self.what} — {self.fix}"

    def schema(self) -> dict[str, Any]:
        """JSON Schema: when the condition holds, the field is flagged with the message.

        A ``false`` property schema is what yaml-language-server reports on the field's own
        key with the ``errorMessage`` given (other editors show their own words).
        """
        return {
            "if": self.when,
            "then": {"properties": {self.field: False}, "errorMessage": self.message},
        }


def _is(field: str, value: str) -> dict[str, Any]:
    return {"properties": {field: {"const": str(value)}}, "required": [field]}


def _lacks(*fields: str) -> dict[str, Any]:
    return {"not": {"anyOf": [{"required": [f]} for f in fields]}}


def _has(field: str) -> dict[str, Any]:
    return {"required": [field]}


def _a(word: str) -> str:
    """The article before ``word``: `an in-person`, `a hybrid`."""
    return "an" if word[0] in "aeiou" else "a"


def editor_schema(*rules: CrossFieldRule) -> dict[str, Any]:
    """The ``json_schema_extra`` of a model holding ``rules``."""
    return {"allOf": [rule.schema() for rule in rules]}


CHANGED_STATUSES = (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED, MeetingStatus.MOVED)


def needs_reason(status: MeetingStatus) -> CrossFieldRule:
    """A cancelled, postponed or moved meeting says why."""
    return CrossFieldRule(
        "status",
        {**_is("status", status), **_lacks("status_reason")},
        f"{_a(status.value)} {status.value} meeting needs a public reason",
        "add `status_reason:` saying why, in a sentence",
    )


MOVED_NEEDS_PREVIOUS = CrossFieldRule(
    "status",
    {**_is("status", MeetingStatus.MOVED), **_lacks("previous")},
    "a moved meeting needs the date it was due before",
    "add `previous:` with `date:` (and `start:`) of the old slot",
)
ONLINE_HAS_NO_VENUE = CrossFieldRule(
    "venue",
    {"allOf": [_is("format", MeetingFormat.ONLINE), _has("venue")]},
    "an online meeting has a venue",
    "remove `venue:`, or set `format: hybrid`",
)


def needs_venue(meeting_format: MeetingFormat) -> CrossFieldRule:
    """An in-person or hybrid meeting names its venue."""
    return CrossFieldRule(
        "format",
        {**_is("format", meeting_format), **_lacks("venue")},
        f"{_a(meeting_format.value)} {meeting_format.value} meeting needs a venue",
        "add `venue:` with the venue's id",
    )


IN_PERSON_HAS_NO_ONLINE = CrossFieldRule(
    "online",
    {"allOf": [_is("format", MeetingFormat.IN_PERSON), _has("online")]},
    "an in-person meeting has online joining details",
    "remove `online:`, or set `format: hybrid`",
)
MEETING_RULES = (
    *(needs_reason(status) for status in CHANGED_STATUSES),
    MOVED_NEEDS_PREVIOUS,
    ONLINE_HAS_NO_VENUE,
    needs_venue(MeetingFormat.IN_PERSON),
    needs_venue(MeetingFormat.HYBRID),
    IN_PERSON_HAS_NO_ONLINE,
)

DONE_NEEDS_COMPLETED = CrossFieldRule(
    "status",
    {**_is("status", ActionStatus.DONE), **_lacks("completed")},
    "a done action needs the date it was completed",
    "add `completed:` YYYY-MM-DD",
)
DONE_NEEDS_DID = CrossFieldRule(
    "status",
    {**_is("status", ActionStatus.DONE), **_lacks("did")},
    "a done action does not say what was done: residents would read “Nothing to report yet”",
    "add `did:` with what was done, in a sentence",
)
ACTION_RULES = (DONE_NEEDS_COMPLETED, DONE_NEEDS_DID)

# Not between two fields, but the same shape: a `not` schema would make the editor say only
# "Matches a schema that is not allowed.", while a rule lands on the field in check's words.
RESERVED_PANEL_ID = CrossFieldRule(
    "id",
    _is("id", BUSINESS_LOG_ID),
    f"the id `{BUSINESS_LOG_ID}` is kept for the business meetings' log",
    "choose another id for this panel",
)
