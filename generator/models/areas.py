"""Where a panel's wards are: postcodes and streets, so residents can find their panel."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from generator.models.fields import Model, Text, fail, raw_text

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_POSTCODE = re.compile(rf"{_OUTWARD} [0-9](?:[A-Z]{{2}})?")
_GSS = re.compile(r"[EWSN][0-9]{8}")
_MINUTES = re.compile(r"[0-9]{1,3}")


def canonical_postcode(text: str) -> str:
    """``sw1a1aa`` → ``SW1A 1AA``; a sector ``ec2v7`` → ``SW1A 1``; other text upper-cased."""
    squeezed = re.sub(r"\s+", "", text).upper()
    if len(squeezed) >= 5 and squeezed[-3].isdigit() and squeezed[-2:].isalpha():
        return f"{squeezed[:-3]} {squeezed[-3:]}"
    if len(squeezed) >= 3 and squeezed[-1].isdigit():
        return f"{squeezed[:-1]} {squeezed[-1]}"
    return squeezed


def outward(postcode: str) -> str:
    """The outward code, the part before the space: ``SW1A 1AA`` → ``SW1A``."""
    return postcode.split(" ", 1)[0]


def _postcode(value: Any) -> str:
    text = raw_text(value, "a postcode")
    if not _POSTCODE.fullmatch(text):
        fix = canonical_postcode(text)
        example = f"write it as {fix}" if _POSTCODE.fullmatch(fix) else "write it like SW1A 1AA"
        fail(
            f"`{text}` is not a postcode or postcode sector",
            f"{example} (capitals, one space; a sector like SW1A 1 covers all its postcodes)",
        )
    return text


def _gss(value: Any) -> str:
    text = raw_text(value, "a GSS code")
    if not _GSS.fullmatch(text):
        fail(
            f"`{text}` is not a ward's GSS code",
            "write the nine-character code from the ONS, e.g. E05012345",
        )
    return text


MEETING_MINUTES = range(15, 481)
"""How long a meeting may last, in whole minutes (a usual length, or start to end)."""


def _minutes(value: Any) -> int:
    text = raw_text(value, "a number of minutes")
    if not _MINUTES.fullmatch(text) or int(text) not in MEETING_MINUTES:
        fail(
            f"`{text}` is not a meeting length in minutes",
            f"write whole minutes between {MEETING_MINUTES.start} and "
            f"{MEETING_MINUTES.stop - 1}, e.g. 90",
        )
    return int(text)


Postcode = Annotated[
    str,
    BeforeValidator(_postcode),
    WithJsonSchema({"type": "string", "pattern": f"^{_POSTCODE.pattern}$"}),
]
"""A full postcode (``SW1A 1AA``) or a postcode sector (``SW1A 1``)."""
GssCode = Annotated[
    str, BeforeValidator(_gss), WithJsonSchema({"type": "string", "pattern": f"^{_GSS.pattern}$"})
]
Minutes = Annotated[
    int,
    BeforeValidator(_minutes),
    WithJsonSchema(
        {
            "type": "integer",
            "minimum": MEETING_MINUTES.start,
            "maximum": MEETING_MINUTES.stop - 1,
        }
    ),
]


class WardArea(Model):
    """Where one of the panel's wards is: the postcodes and streets residents search for."""

    ward: Text
    """The ward's name, exactly as written in the panel's `wards` list."""
    gss_code: GssCode | None = None
    """The ward's GSS code from the ONS, e.g. `E05012345`; `python -m generator postcodes`
    uses it to list the ward's postcodes from the ONS Postcode Directory."""
    postcodes: tuple[Postcode, ...] = ()
    """Postcodes in the ward, e.g. `SW1A 1AA`, or whole sectors, e.g. `SW1A 1`. A postcode
    split between wards may be listed under each; residents are then shown every panel."""
    streets: tuple[Text, ...] = ()
    """Street names in the ward as residents write them, e.g. `Gresham Street`."""
