"""Stand-ins for a page's own values while the theme renders its frame, and what they saw.

A :class:`Probe` is a string that prints as a numbered sentinel and answers every question
asked of it (``"<h1" in page.content``, ``page.title | d(...)``) as the page's real text
would, writing the question and its answer down in :class:`Notes`; anything else done
with it (a slice, a hash, a method) refuses the frame. A :class:`Reach` wraps the page
(and what the template reaches through it), noting every value read. :func:`split` cuts
the rendered frame at the sentinels, knowing each by how it was printed.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from markupsafe import Markup, escape

_OPEN, _CLOSE, _TOKEN = "\ue000", "\ue001", "Frame-Slot-"
_SLOT = re.compile(f"{_OPEN}{_TOKEN}(\\d+)(.*?){_CLOSE}", re.S)
_FORMS: dict[str, Callable[[str], str]] = {
    "  <b>&amp;</b>": lambda v: v,
    "  &lt;b&gt;&amp;amp;&lt;/b&gt;": lambda v: str(escape(v)),
    " &": lambda v: Markup(v).striptags(),
    " &amp;": lambda v: str(escape(Markup(v).striptags())),
}
"""What follows a sentinel's number as printed, and the same done to a real value: as it
is, escaped, tags stripped (``striptags``), tags stripped then escaped."""
_SUFFIX = "  <b>&amp;</b>"
ASKED: dict[str, Callable[..., Any]] = {
    "__contains__": operator.contains,
    "__eq__": operator.eq,
    "__ne__": operator.ne,
    "__lt__": operator.lt,
    "__le__": operator.le,
    "__gt__": operator.gt,
    "__ge__": operator.ge,
    "__len__": len,
    "__bool__": bool,
}
_PLAIN = (str, int, float, bool, type(None), Enum, date)
MISSING = object()
"""An attribute the template asked for and the page did not have."""


class Refused(Exception):
    """The template used a probe in a way a frame cannot follow."""


class Notes:
    """What a template did while the frame was rendered."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, str, tuple[Any, ...], Any]] = []
        self.reached: dict[tuple[str, ...], Any] = {}
        self.links: list[tuple[str, Any, Any]] = []
        self.probes: dict[tuple[str, ...], Any] = {}
        self.refused = False


class Probe(str):
    """A page's own text while its frame is rendered: prints as a sentinel, answers as the text."""

    _real: str
    _slot: int
    _notes: Notes

    def __new__(cls, real: str, slot: int, notes: Notes) -> Probe:
        probe = super().__new__(cls, f"{_OPEN}{_TOKEN}{slot}{_SUFFIX}{_CLOSE}")
        probe._real, probe._slot, probe._notes = real, slot, notes
        return probe

    def _ask(self, name: str, *args: Any) -> Any:
        if any(isinstance(a, Probe) for a in args):
            self._notes.refused = True
        answer = ASKED[name](self._real, *args)
        self._notes.asked.append((self._slot, name, args, answer))
        return answer

    def __getattribute__(self, name: str) -> Any:
        if name.startswith("_"):
            return super().__getattribute__(name)
        object.__getattribute__(self, "_notes").refused = True  # a method: its result unknown
        return super().__getattribute__(name)

    def _refuse(self, *_: Any) -> Any:
        self._notes.refused = True
        raise Refused

    __getitem__ = __iter__ = __hash__ = __mod__ = _refuse

    def __contains__(self, item: object) -> bool:
        return bool(self._ask("__contains__", item))

    def __eq__(self, other: object) -> bool:
        return bool(self._ask("__eq__", other))

    def __ne__(self, other: object) -> bool:
        return bool(self._ask("__ne__", other))

    def __lt__(self, other: str) -> bool:
        return bool(self._ask("__lt__", other))

    def __le__(self, other: str) -> bool:
        return bool(self._ask("__le__", other))

    def __gt__(self, other: str) -> bool:
        return bool(self._ask("__gt__", other))

    def __ge__(self, other: str) -> bool:
        return bool(self._ask("__ge__", other))

    def __len__(self) -> int:
        return int(self._ask("__len__"))

    def __bool__(self) -> bool:
        return bool(self._ask("__bool__"))


class Reach:
    """An object the template reaches through (the page, its file): each value read is noted."""

    def __init__(self, real: Any, path: tuple[str, ...], notes: Notes, probed: frozenset[str]):
        self._real, self._path, self._notes, self._probed = real, path, notes, probed

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        path = (*self._path, name)
        value = getattr(self._real, name, MISSING)
        if value is MISSING:
            self._notes.reached[path] = MISSING  # another page may have it
            raise AttributeError(name)
        if name in self._probed and isinstance(value, (str, dict)):
            return self._notes.probes[path]
        if plain(value):
            self._notes.reached[path] = value
            return value
        return Reach(value, path, self._notes, frozenset())


def plain(value: Any) -> bool:
    """Compared by value: text, numbers, enums, dates, empty containers and lists of them."""
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, (list, tuple)):
        return all(plain(v) for v in value)
    try:
        return len(value) == 0
    except TypeError:
        return False


def same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if type(a) is not type(b) or not plain(a):
        return False
    if isinstance(a, (list, tuple, *_PLAIN)):
        return bool(a == b)
    return len(b) == 0


def reach(obj: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` (attribute names) from ``obj``; :data:`MISSING` if there is none."""
    for name in path:
        obj = getattr(obj, name, MISSING)
    return obj


def split(rendered: str, slots: list[tuple[str, ...]]) -> list[Any] | None:
    """``rendered`` as text and (slot, form) holes; None when a sentinel was printed altered."""
    pieces: list[Any] = []
    at = 0
    for match in _SLOT.finditer(rendered):
        form = _FORMS.get(match.group(2))
        if form is None:
            return None
        pieces.append(rendered[at : match.start()])
        pieces.append((slots[int(match.group(1))], form))
        at = match.end()
    pieces.append(rendered[at:])
    text = "".join(p for p in pieces if isinstance(p, str))
    if _OPEN in text or _CLOSE in text or _TOKEN.casefold() in text.casefold():
        return None
    return [p for p in pieces if p != ""]
