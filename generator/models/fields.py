"""Field types shared by the models: each parses one staff-typed string strictly.

Every scalar reaches the models as text (see :mod:`generator.load.yaml_strict`), so
each type below owns its whole conversion and its plain-English error.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from decimal import Decimal
from typing import Annotated, Any, NoReturn

from pydantic import BaseModel as _PydanticModel
from pydantic import BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.load.errors import INVISIBLE
from generator.load.located import PlainScalar

STAFF_ERROR = "staff"
"""The pydantic error type our own validators raise; its context holds what and fix."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
FIRST_YEAR, LAST_YEAR = 2000, 2099
"""The years a date, month or quarter may name: a typo such as 0024 or 9999 is caught here
rather than crashing a renderer (quarter labels, time-zone rules) after `check` passed."""
_YEAR = "20[0-9]{2}"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")
_COUNT = re.compile(r"[0-9]{1,9}")
_NUMBER = re.compile(r"-?[0-9]{1,12}(?:\.[0-9]{1,6})?")
# No `%`: a percent-encoded line break (`%0D%0A`) in a mailto: link adds mail headers.
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"\+?[0-9](?:[0-9 ]{1,18})[0-9]")
# Invisible characters: control codes, bidi overrides and marks (which make text read
# differently from what is stored), zero-width spaces, private-use and unassigned code points.
# Zero-width (non-)joiners are part of the spelling of some languages and emoji.
_JOINERS = frozenset("\u200c\u200d")
# The flags of Wales, Scotland and England (and any subdivision flag) are a black flag, tag
# letters naming the region, and a cancel tag (Unicode TS #51): tags are allowed only there.
_FLAG_TAGS = re.compile("\U0001f3f4[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,6}\U000e007f")


def fail(what: str, fix: str) -> NoReturn:
    """Raise the error our translator turns into ``what — fix``."""
    raise PydanticCustomError(STAFF_ERROR, "{what} — {fix}", {"what": what, "fix": fix})


def raw_text(value: Any, kind: str) -> str:
    """The scalar's text, quoted or not; lists and mappings are refused."""
    if not isinstance(value, str):
        fail(f"expected {kind} here, not a list or a group of fields", f"write {kind} on one line")
    if not value.strip():
        fail("no value is given", "write the value after the colon, or remove the line")
    return str(value)


def text_of(value: Any, kind: str) -> str:
    """Like :func:`raw_text`, but text that other YAML tools would retype must be quoted."""
    raw_text(value, kind)
    if isinstance(value, PlainScalar):
        fail(
            f"`{value}` without quotes is read as {value.reads_as} by other YAML tools",
            f'put it in quotes: "{value}"',
        )
    return str(value)


def clean_text(value: Any, *, multiline: bool) -> str:
    """Public text, trimmed: quoted where YAML would retype it, no invisible characters."""
    text = text_of(value, "text").strip()
    # str.isprintable() is False for every character of INVISIBLE (checked over all of
    # Unicode), so printable text, nearly all of it, needs no look-up per character.
    printable = (text.replace("\n", "") if multiline else text).isprintable()
    for char in "" if printable else _FLAG_TAGS.sub("", text):
        if (
            unicodedata.category(char) in INVISIBLE
            and char not in _JOINERS
            and not (multiline and char == "\n")
        ):
            fail(
                f"the text holds the invisible character {char_name(char)}",
                "retype the text, or paste it as plain text",
            )
    if not text:
        fail("the text is empty", "write the text, or remove the field")
    return text


def char_name(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``: enough to find the character and know what it is."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}"


def _slug(value: Any) -> str:
    text = raw_text(value, "an id")
    if not _SLUG.fullmatch(text) or len(text) > 60:
        fail(
            f"`{text}` is not a valid id",
            "use lower-case letters, digits and single hyphens, e.g. north-2025-03",
        )
    return text


def _flag(value: Any) -> bool:
    if value == "true":
        return True
    if value == "false":
        return False
    fail(f"`{value}` is not true or false", "write true or false (yes/no/on/off are not accepted)")


_REVIEW_MARK = re.compile(r"pd-[0-9a-f]{10}")


def _review_mark(value: Any) -> str:
    text = raw_text(value, "a review line")
    if text in ("true", "false") or _REVIEW_MARK.fullmatch(text):
        return text
    fail(
        f"`{text}` is not the value a personal-data message gives",
        "paste the whole line from the message, e.g. reviewed_personal_data: pd-0123456789",
    )


def _in_range(text: str, kind: str, example: str) -> None:
    if not FIRST_YEAR <= int(text[:4]) <= LAST_YEAR:
        fail(
            f"`{text}` is not {kind} from {FIRST_YEAR} to {LAST_YEAR}",
            f"check the year: write it like {example}",
        )


def parse_date(value: Any) -> date:
    """A real date written YYYY-MM-DD in the allowed years."""
    text = raw_text(value, "a date")
    if not _DATE.fullmatch(text):
        fail(f"`{text}` is not a date written as YYYY-MM-DD", "write it like 2024-11-06")
    _in_range(text, "a date", "2024-11-06")
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"`{text}` is not a real date", "check the month (01-12) and the day of the month")


def _time(value: Any) -> time:
    text = raw_text(value, "a time")
    match = _TIME.fullmatch(text)
    if not match:
        fail(f"`{text}` is not a 24-hour time written as HH:MM", "write it like 13:00 or 18:30")
    return time(int(match[1]), int(match[2]))


def _month(value: Any) -> str:
    text = raw_text(value, "a month")
    if not _MONTH.fullmatch(text):
        fail(f"`{text}` is not a month written as YYYY-MM", "write it like 2024-10")
    _in_range(text, "a month", "2024-10")
    return text


def _quarter(value: Any) -> str:
    text = raw_text(value, "a quarter")
    if not _QUARTER.fullmatch(text):
        fail(
            f"`{text}` is not a quarter written as YYYY-QN",
            "write it like 2025-Q1 (January to March)",
        )
    _in_range(text, "a quarter", "2025-Q1")
    return text


def parse_count(value: Any) -> int:
    """A whole number of at most nine digits."""
    text = raw_text(value, "a number")
    if text.startswith("-") and _COUNT.fullmatch(text[1:]):
        fail(f"`{text}` is below zero", "a count is 0 or more: write digits only, e.g. 12")
    if not _COUNT.fullmatch(text):
        fail(f"`{text}` is not a whole number", "write digits only, e.g. 12")
    return int(text)


_DIGITS = "write digits with an optional decimal point, e.g. 72.5"


def _number(value: Any, fix: str = _DIGITS) -> Decimal:
    text = raw_text(value, "a number")
    if not _NUMBER.fullmatch(text):
        fail(f"`{text}` is not a number", fix)
    return Decimal(text)


def _figure(value: Any) -> Decimal:
    # Staff type words such as "not yet reported" where the figure will go: the page already
    # says that for a quarter that is left out, so say so.
    return _number(value, f"{_DIGITS}; if it is not reported yet, leave the quarter out")


def parse_email(value: Any) -> str:
    """An email address (no `%`, so a mailto: link cannot gain headers)."""
    text = text_of(value, "an email address")
    if not _EMAIL.fullmatch(text):
        fail(f"`{text}` is not an email address", "write it like name@example.police.uk")
    return text


def parse_phone(value: Any) -> str:
    """A phone number: digits and spaces, written in quotes."""
    text = raw_text(value, "a phone number")
    if isinstance(value, PlainScalar):
        fail(
            f"`{text}` without quotes is read as {value.reads_as}, and a leading 0 is lost",
            f'put the number in quotes: "{text}"',
        )
    if not _PHONE.fullmatch(text):
        fail(
            f"`{text}` is not a phone number",
            'write digits and spaces in quotes, e.g. "020 7601 2222"',
        )
    return text


def _pattern(pattern: str, **extra: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "pattern": f"^{pattern}$", **extra})


Text = Annotated[
    str,
    BeforeValidator(lambda v: clean_text(v, multiline=False)),
    WithJsonSchema({"type": "string", "minLength": 1}),
]
"""One line of public text."""
LongText = Annotated[
    str,
    BeforeValidator(lambda v: clean_text(v, multiline=True)),
    WithJsonSchema({"type": "string", "minLength": 1}),
]
"""Public text that may run over several lines."""
Slug = Annotated[str, BeforeValidator(_slug), _pattern(_SLUG.pattern, maxLength=60)]
IdRef = Annotated[
    str, BeforeValidator(lambda v: raw_text(v, "an id")), _pattern(_SLUG.pattern, maxLength=60)
]
"""An id defined in another file. Staff sometimes type the name it stands for instead, so the
cross-file rule checks it and can say which id to write (the editor's schema keeps the shape)."""
Flag = Annotated[
    bool,
    BeforeValidator(_flag),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}]}),
]
ReviewMark = Annotated[
    str,
    BeforeValidator(_review_mark),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": f"^{_REVIEW_MARK.pattern}$"},
                # `true` from before fingerprints: check names the value to use instead.
                {"type": "boolean"},
                {"enum": ["true", "false"]},
            ]
        }
    ),
]
"""A reviewer's release of flagged text: the fingerprint a personal-data message gives."""
LocalDate = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema(
        {"type": "string", "format": "date", "pattern": f"^{_YEAR}-[0-9]{{2}}-[0-9]{{2}}$"}
    ),
]
ClockTime = Annotated[time, BeforeValidator(_time), _pattern(_TIME.pattern)]
Month = Annotated[str, BeforeValidator(_month), _pattern(f"{_YEAR}-(0[1-9]|1[0-2])")]
Quarter = Annotated[str, BeforeValidator(_quarter), _pattern(f"{_YEAR}-Q[1-4]")]
# Staff may quote a number ("12"); the checker reads every scalar as text, so the editor's
# schema accepts the quoted form too, with the same digits the checker allows.
Count = Annotated[
    int,
    BeforeValidator(parse_count),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": 999_999_999},
                {"type": "string", "pattern": "^[0-9]{1,9}$"},
            ]
        }
    ),
]
Number = Annotated[
    Decimal,
    BeforeValidator(_number),
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string", "pattern": f"^{_NUMBER.pattern}$"}]}
    ),
]
Figure = Annotated[
    Decimal,
    BeforeValidator(_figure),
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string", "pattern": f"^{_NUMBER.pattern}$"}]}
    ),
]
"""A reported quarterly figure: a number, and a quarter not yet reported is left out."""
Email = Annotated[
    str, BeforeValidator(parse_email), WithJsonSchema({"type": "string", "format": "email"})
]
Phone = Annotated[str, BeforeValidator(parse_phone), _pattern(_PHONE.pattern)]


class Model(_PydanticModel):
    """Base of every data model: unknown fields are errors, values never change."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        populate_by_name=True,
        str_strip_whitespace=False,
    )
