"""The calendars' own line folding writes exactly the bytes icalendar's folding writes."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from icalendar import Event
from icalendar.parser import Contentline

from generator.feeds.calendars import fold, serialize

TRICKY = [
    "a" * 74,
    "a" * 75,
    "a" * 148,
    "a" * 149,
    "a" * 73 + "\\" + "n" * 10,  # an escape that would end the first piece moves down
    "a" * 73 + "^" + "n" * 10,
    "a" * 72 + "\\\\" + "n" * 10,
    "\\" * 200,
    "^" * 200,
    "é" * 40,  # two octets each
    "a" * 73 + "é" + "b" * 5,  # the two-octet character would straddle the limit
    "€𝄞" * 30,  # three and four octets
    "a" * 72 + "é\\" + "b" * 5,
]


def folded(line: str) -> bytes:
    """The line as icalendar folds it."""
    text: bytes = Contentline(line).to_ical()  # type: ignore[no-untyped-call]
    return text


@pytest.mark.parametrize("line", TRICKY)
def test_a_tricky_line_is_folded_as_icalendar_folds_it(line: str) -> None:
    assert fold(line).encode() == folded(line)


def test_random_lines_are_folded_as_icalendar_folds_them() -> None:
    chosen = random.Random(26)
    for alphabet in ("ab\\^", 'ab\\^ ,;:é€𝄞"'):
        for _ in range(3000):
            line = "".join(chosen.choice(alphabet) for _ in range(chosen.randint(1, 260)))
            assert fold(line).encode() == folded(line), line


def test_an_event_is_serialized_as_icalendar_serializes_it() -> None:
    event = Event()
    event.add("uid", "bank-2025-03@example.org")
    event.add("dtstart", datetime(2025, 3, 12, 18, 30, tzinfo=UTC))
    event.add("summary", "Bank; Monument, Tower \\ Hill — panel meeting")
    event.add("description", "Agenda:\n" + "; ".join(f"item {n}, café" for n in range(40)))
    event.add("location", "St Mary-le-Bow, Cheapside, London EC2V 6AU")
    assert serialize(event) == event.to_ical()
