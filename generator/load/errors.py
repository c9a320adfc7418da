"""The one error type the data layer raises, and how it reads to staff."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Loc = tuple[str | int, ...]
"""A path inside one data file, e.g. ``("meetings", 3, "start")``."""

INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Unicode categories that print as nothing or steer a terminal: refused in staff text
(:mod:`generator.models.fields`) and shown as ``<U+XXXX>`` when a message echoes them back."""


def visible(text: str) -> str:
    """``text`` with every invisible or control character shown as ``<U+202E>``.

    Messages quote what staff typed; a quoted escape sequence or bidi override
    must not recolour the terminal or reorder the line it is reported on.
    """
    if text.isprintable():
        return text
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in INVISIBLE else c for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the data, located as precisely as we can."""

    file: str
    """Path of the data file as staff see it, e.g. ``data/meetings.yaml``."""
    line: int
    """1-based line; 0 when the whole file is at fault and has no lines."""
    column: int
    """1-based column."""
    where: str
    """The dotted path inside the file, e.g. ``meetings[bank-2024-11].start``."""
    what: str
    """What is wrong, in plain English."""
    fix: str
    """How to fix it."""

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return visible(f"{self.file}:{self.line}:{self.column}:{where} {self.what} — {self.fix}")


class DataError(Exception):
    """Raised with every problem found, never with only the first one."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> Sequence[str]:
        """The problems as one line each, sorted by file and position."""
        return [str(p) for p in self.problems]

    def report(self, outcome: str = "") -> str:
        """Every problem's line, then how many there are and what that means for publishing."""
        count = f"{len(self.problems)} problem(s) found" + (f"; {outcome}" if outcome else "")
        return "\n".join([*self.lines(), count + "."])
