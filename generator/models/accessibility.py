"""The accessibility statement's facts: who to contact, who enforces, how it was tested.

Each fact may be a marked placeholder (``"[… to be set by the force]"``) until the force has
it: the statement then shows the marker, `placeholders` lists it and the deploy refuses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import PlainValidator, WithJsonSchema

from generator.models.fields import (
    Model,
    clean_text,
    fail,
    parse_count,
    parse_date,
    parse_email,
    parse_phone,
)
from generator.vocabulary import Compliance, Enforcement

PLACEHOLDER = re.compile(r"\[[^\]\n]*\bto be (?:set|updated|confirmed) by the force\b[^\]\n]*\]")
"""How configuration marks a value not given yet, e.g. `[phone to be set by the force]`."""
_T = TypeVar("_T")
_E = TypeVar("_E", bound=StrEnum)


class Placeholder(str):
    """A marked value the force has not given yet; pages show it as a placeholder."""

    __slots__ = ()


def _pending(convert: Callable[[Any], _T]) -> Callable[[Any], _T | Placeholder]:
    """``convert``, except that a whole marked placeholder is kept as a :class:`Placeholder`."""

    def check(value: Any) -> _T | Placeholder:
        if isinstance(value, str) and PLACEHOLDER.fullmatch(value.strip()):
            return Placeholder(value.strip())
        return convert(value)

    return check


def _choice(kind: type[_E], what: str) -> Callable[[Any], _E]:
    def check(value: Any) -> _E:
        text = clean_text(value, multiline=False)
        values = [c.value for c in kind]
        if text not in values:
            fail(f"`{text}` is not {what}", f"write {', '.join(values[:-1])} or {values[-1]}")
        return kind(text)

    return check


def _or_placeholder(schema: dict[str, Any]) -> WithJsonSchema:
    marked = {"type": "string", "pattern": PLACEHOLDER.pattern}
    return WithJsonSchema({"anyOf": [schema, marked]})


PendingText = Annotated[
    str,
    PlainValidator(_pending(lambda v: clean_text(v, multiline=False))),
    WithJsonSchema({"type": "string", "minLength": 1}),
]
PendingLongText = Annotated[
    str,
    PlainValidator(_pending(lambda v: clean_text(v, multiline=True))),
    WithJsonSchema({"type": "string", "minLength": 1}),
]
PendingEmail = Annotated[
    str,
    PlainValidator(_pending(parse_email)),
    _or_placeholder({"type": "string", "format": "email"}),
]
PendingPhone = Annotated[
    str, PlainValidator(_pending(parse_phone)), _or_placeholder({"type": "string", "minLength": 3})
]
PendingDays = Annotated[
    int | Placeholder,
    PlainValidator(_pending(parse_count)),
    _or_placeholder({"type": "integer", "minimum": 1}),
]
PendingDate = Annotated[
    date | Placeholder,
    PlainValidator(_pending(parse_date)),
    _or_placeholder({"type": "string", "format": "date"}),
]
PendingCompliance = Annotated[
    Compliance | Placeholder,
    PlainValidator(_pending(_choice(Compliance, "a compliance status"))),
    _or_placeholder({"enum": [c.value for c in Compliance]}),
]
PendingEnforcement = Annotated[
    Enforcement | Placeholder,
    PlainValidator(_pending(_choice(Enforcement, "where the regulations are enforced"))),
    _or_placeholder({"enum": [e.value for e in Enforcement]}),
]


class AccessibilityStatement(Model):
    """The facts of the accessibility statement (GOV.UK's model statement) at /accessibility/."""

    email: PendingEmail
    """Where people ask for another format and report problems, e.g. `access@force.example`."""
    phone: PendingPhone | None = None
    """A phone number for the same, in quotes, e.g. "01632 960000"."""
    reply_days: PendingDays
    """How many working days the force takes to reply to a request, e.g. 10."""
    enforcement: PendingEnforcement
    """`great-britain` (EHRC, with EASS for advice) or `northern-ireland` (Equality Commission)."""
    compliance: PendingCompliance
    """After a manual audit: `fully`, `partially` or `not` compliant with WCAG 2.2 AA."""
    failures: tuple[PendingLongText, ...] = ()
    """What the audit found fails WCAG 2.2 AA, one sentence each (with the criterion)."""
    prepared: PendingDate
    """The date the statement was first prepared, YYYY-MM-DD."""
    reviewed: PendingDate
    """The date the statement was last reviewed, YYYY-MM-DD."""
    tested: PendingDate
    """The date of the latest manual test of the website, YYYY-MM-DD."""
    tested_by: PendingText
    """Who carried out that test, e.g. `the force's digital team` or an auditor's name."""


def is_placeholder(value: object) -> bool:
    """Whether ``value`` is a marked placeholder the force has not replaced yet."""
    return isinstance(value, Placeholder)
