"""Positions in problem lines written as the text they point at: no test pins a line number.

``data/meetings.yaml:10:5: meetings[x].venu: …`` reads, once :func:`located`, as
``data/meetings.yaml at `venu: innholders-hall`: meetings[x].venu: …``: the test still shows
where the editor jumps (and fails if it jumps to another line or column) without a number
that moves whenever a fixture grows.

The text is the rest of the line from the column (at most :data:`SHOWN` characters, then
``…``); at a line's end it is ``the end of `LINE```; line 0 (the whole file) is
``(the whole file)``, and the file's first character ``at the start``. When several positions of the file read the same, the description
counts them (``at the 2nd `format: online```), so two positions never read alike and a wrong
line or column always fails the comparison.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.load.errors import visible

SHOWN = 60
"""Characters of the pointed-at text shown before ``…``."""

_LINE = re.compile(r"(?P<file>[^\s:`]+\.(?:ya?ml|md)):(?P<line>\d+):(?P<column>\d+):")
"""``FILE:LINE:COLUMN:`` of a problem line (check, diff, warnings, placeholders in data and
pages, the MkDocs log)."""
_ANNOTATION = re.compile(r"file=(?P<file>[^,:\s]+),line=(?P<line>\d+),col=(?P<column>\d+)")
"""``file=FILE,line=LINE,col=COLUMN`` of a GitHub workflow annotation."""

Sources = Path | Mapping[str, str]
"""Where the files a problem names are read: a folder the names are relative to (an absolute
name is read as it is), or the texts by name."""


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def _text_of(sources: Sources, file: str) -> str:
    if isinstance(sources, Path):
        raw = Path(file) if Path(file).is_absolute() else sources / file
        return raw.read_bytes().decode("utf-8", errors="replace")
    return sources[file]


def _lines(text: str) -> list[str]:
    # The loader counts lines by "\n" only (line separators such as U+2028 are not breaks).
    return text.removeprefix("\ufeff").split("\n")


def _shown(text: str) -> str:
    return visible(text[:SHOWN] + ("…" if len(text) > SHOWN else ""))


def _plain(line: str, column: int) -> str:
    """How the position reads before repeats are counted (``column`` 0-based)."""
    rest = line[column:]
    if rest:
        return f"`{_shown(rest)}`"
    if not line:
        return "empty line"
    tail = line[-SHOWN:]
    return f"end of `{visible(('…' if len(line) > SHOWN else '') + tail)}`"


def _alike(lines: list[str], plain: str, line: int, column: int) -> tuple[int, int]:
    """Which of the positions reading ``plain`` this is, and how many there are."""
    rest = lines[line][column:]
    if rest:
        start = rest[:SHOWN]

        def columns(text: str) -> Iterable[int]:
            at = text.find(start)
            while at >= 0:
                yield at
                at = text.find(start, at + 1)
    else:

        def columns(text: str) -> Iterable[int]:
            return (len(text),)

    alike = [
        (n, c) for n, text in enumerate(lines) for c in columns(text) if _plain(text, c) == plain
    ]
    return alike.index((line, column)) + 1, len(alike)


def describe(text: str, line: int, column: int) -> str:
    """``at `TEXT``` (or ``at the Nth `TEXT```) for 1-based ``line`` and ``column`` of ``text``;
    ``(the whole file)`` for line 0."""
    if line == 0:
        return "(the whole file)"
    if (line, column) == (1, 1):
        return "at the start"  # the whole file's problems (empty, too large, not UTF-8) point here
    lines = _lines(text)
    assert 1 <= line <= len(lines), f"the file has no line {line}"
    assert 1 <= column <= len(lines[line - 1]) + 1, f"line {line} has no column {column}"
    plain = _plain(lines[line - 1], column - 1)
    nth, count = _alike(lines, plain, line - 1, column - 1)
    if plain == "empty line":
        return f"at the {_ordinal(nth)} empty line" if count > 1 else "at an empty line"
    if plain.startswith("end of "):
        line_text = plain.removeprefix("end of ")
        return f"at the end of the {_ordinal(nth)} {line_text}" if count > 1 else f"at the {plain}"
    return f"at the {_ordinal(nth)} {plain}" if count > 1 else f"at {plain}"


def _first_match(pattern: re.Pattern[str], line: str, sources: Sources) -> str:
    found = pattern.search(line)
    if found is None:
        return line
    file, line_number = found.group("file"), int(found.group("line"))
    column = int(found.group("column"))
    unread = line_number == 0 or (line_number, column) == (1, 1)  # a pipe, a 256 MB file
    text = "" if unread else _text_of(sources, file.replace("%2C", ","))
    where = describe(text, line_number, column)
    if pattern is _ANNOTATION:
        return f"{line[: found.start()]}file={file} {where}{line[found.end() :]}"
    return f"{line[: found.start()]}{file} {where}:{line[found.end() :]}"


def located(output: str, sources: Sources) -> str:
    """``output`` (one line or many) with the first position on each line replaced by the
    text it points at, read from ``sources``. Only the first: a message may quote staff text
    that looks like a position."""
    lines = output.split("\n")
    return "\n".join(
        _first_match(_ANNOTATION if _ANNOTATION.search(line) else _LINE, line, sources)
        for line in lines
    )


def all_located(lines: Iterable[str], sources: Sources) -> list[str]:
    """:func:`located` on each of ``lines``."""
    return [located(line, sources) for line in lines]


def position_of(problem: str, file: str, text: str) -> tuple[int, int, str]:
    """The 1-based line and column a :func:`located` problem line names in ``file`` (whose
    text is ``text``), and the rest of the line after the position."""
    everywhere: dict[str, tuple[int, int]] = {"(the whole file)": (0, 0)}
    lines = _lines(text)
    for n, line in enumerate(lines, 1):
        for c in range(1, len(line) + 2):
            everywhere.setdefault(describe(text, n, c), (n, c))
    head = f"{file} "
    assert problem.startswith(head), f"{problem!r} is not about {file}"
    said = problem[len(head) :]
    fits = [d for d in everywhere if said.startswith(d + ": ")]
    assert fits, f"{problem!r} names no position of {file}"
    best = max(fits, key=len)
    return *everywhere[best], said[len(best) + 2 :]


def position_in(text: str, needle: str) -> tuple[int, int]:
    """The 1-based line and column where ``needle`` first starts in ``text``: for a test that
    must write a position itself (a formatter's input), without writing its numbers."""
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
