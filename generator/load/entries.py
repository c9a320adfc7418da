"""Parse again only the entry an edit changed: a staff preview's rebuilds of one data file.

Most data files are one key holding a list of entries (``meetings:`` then ``  - id: ...``).
An edit inside one entry leaves the text before and after it as it was, so :func:`patch`
parses and validates that entry's text alone and keeps every other entry's tree and model.
It says None (parse the whole file) whenever that would not give what a whole parse gives:
a change outside one entry, an entry that does not parse or validate on its own (whole
parses word the messages), a line of the entry that could end the list, a file with
problems. Positions of the entries after the edit move by the lines it added or removed:
:class:`Moved` keeps the earlier positions and adds each entry's offset when asked, rather
than copying every position of a large file after each edit.
"""

from __future__ import annotations

import bisect
import itertools
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError, Loc
from generator.load.located import Loaded
from generator.models.fields import Model

Position = tuple[int, int]
_KEY = re.compile(r"[a-z_]+")
"""A top-level key the entry's own parse can write as it is (``meetings:``)."""
_BLOCK = 1 << 16
"""Characters compared at a time when looking for where two texts differ."""


class Moved(Mapping[Loc, Position]):
    """A file's positions after entries of its list were parsed again on their own.

    ``base`` holds the last whole parse's positions; ``entries`` each re-parsed entry's own
    (lines as they were when it was parsed); ``shifts`` the lines each entry has moved by
    since its positions were taken. Lookups are as cheap as a dict's; iterating (nothing
    in the loader does) builds the whole table.
    """

    def __init__(
        self,
        base: Mapping[Loc, Position],
        key: str,
        entries: dict[int, Mapping[Loc, Position]],
        shifts: list[int],
    ) -> None:
        self.base, self.key, self.entries, self.shifts = base, key, entries, shifts

    def __getitem__(self, loc: Loc) -> Position:
        if len(loc) < 2 or loc[0] != self.key or not isinstance(loc[1], int):
            return self.base[loc]
        index = loc[1]
        if not 0 <= index < len(self.shifts):
            raise KeyError(loc)
        line, column = self.entries.get(index, self.base)[loc]
        return line + self.shifts[index], column

    def __contains__(self, loc: object) -> bool:
        try:
            self[loc]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[Loc]:
        entries = self.entries
        for loc in self.base:
            if not (len(loc) > 1 and loc[0] == self.key and loc[1] in entries):
                yield loc
        for table in entries.values():
            yield from table

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def moved(self, index: int, lines: int, entry: Mapping[Loc, Position]) -> Moved:
        """These positions with entry ``index`` parsed again, the entries after it ``lines`` on."""
        shifts = self.shifts.copy()
        shifts[index] = 0
        for after in range(index + 1, len(shifts)):
            shifts[after] += lines
        return Moved(self.base, self.key, {**self.entries, index: entry}, shifts)


@dataclass(frozen=True)
class Split:
    """A parsed file's text and where each entry of its one list starts in it."""

    text: str
    key: str
    """The file's one top-level key, which holds the list."""
    indent: int
    """The column (from 0) of every entry's ``- ``."""
    starts: tuple[int, ...]
    """The offset in ``text`` of each entry's first line; then the end of the text."""
    values: int
    """At most how many values the file holds (the parser's limit applies to the whole file)."""


def split(text: str, loaded: Loaded) -> Split | None:
    """Where each entry of ``loaded`` (parsed from ``text``) starts; None when it cannot be told.

    The entries must be the only content: one key holding a list, each entry starting on
    its own line with ``- `` at one column, and no problem found while reading.
    """
    value = loaded.value
    if loaded.problems or not isinstance(value, dict) or len(value) != 1:
        return None
    ((key, entries),) = value.items()
    if not isinstance(entries, list) or not entries:
        return None
    if not _KEY.fullmatch(key):
        return None
    lines = _line_starts(text)
    starts: list[int] = []
    indent = -1
    for index, entry in enumerate(entries):
        start = lines[loaded.positions[(key, index)][0] - 1]
        line = text[start : start + 200]
        spaces = len(line) - len(line.lstrip(" "))
        if indent < 0:
            indent = spaces
        if not isinstance(entry, dict) or spaces != indent or text[start + indent] != "-":
            return None
        starts.append(start)
    if any(b <= a for a, b in itertools.pairwise(starts)):
        return None
    values = len(loaded.positions) + len(loaded.key_positions)
    return Split(text, key, indent, (*starts, len(text)), values)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


def _same_start(old: str, new: str, most: int) -> int:
    """How many characters (at most ``most``) the texts share at their start."""
    at = 0
    while at < most and old[at : at + _BLOCK] == new[at : at + _BLOCK]:
        at += _BLOCK
    high = min(most, at + _BLOCK)
    while at < high:  # within the block that differs, by halving (each compare runs in C)
        middle = (at + high + 1) // 2
        if old[at:middle] == new[at:middle]:
            at = middle
        else:
            high = middle - 1
    return min(at, most)


def _same_end(old: str, new: str, most: int) -> int:
    """How many characters (at most ``most``) the texts share at their end."""
    at, ends = 0, (len(old), len(new))
    while (
        at < most
        and old[max(0, ends[0] - at - _BLOCK) : ends[0] - at]
        == new[max(0, ends[1] - at - _BLOCK) : ends[1] - at]
    ):
        at += _BLOCK
    high = min(most, at + _BLOCK)
    while at < high:
        middle = (at + high + 1) // 2
        if old[ends[0] - middle : ends[0] - at] == new[ends[1] - middle : ends[1] - at]:
            at = middle
        else:
            high = middle - 1
    return min(at, most)


def _changed(old: str, new: str) -> tuple[int, int]:
    """The whole lines that differ: where they start, and where the unchanged rest begins in
    ``old`` (in ``new`` it begins as many characters from the end)."""
    shortest = min(len(old), len(new))
    same = _same_start(old, new, shortest)
    start = old.rfind("\n", 0, same) + 1
    end = len(old) - _same_end(old, new, shortest - start)
    if end > 0 and old[end - 1] != "\n":
        found = old.find("\n", end)
        end = len(old) if found < 0 else found + 1
    return start, end


def _item_model(model: type[Model], key: str) -> type[BaseModel] | None:
    """The model of one entry, when ``model`` is one ``key`` holding ``tuple[Entry, ...]``."""
    fields = model.model_fields
    field = fields.get(key)
    if len(fields) != 1 or field is None or field.alias not in (None, key):
        return None
    args = typing.get_args(field.annotation)
    if typing.get_origin(field.annotation) is not tuple or len(args) != 2 or args[1] is not ...:
        return None
    item = args[0]
    return item if isinstance(item, type) and issubclass(item, BaseModel) else None


@dataclass(frozen=True)
class Patched:
    """A file parsed again from its previous parse: the tree, its model, where entries start."""

    loaded: Loaded
    model: Model
    split: Split


def patch(before: Split, loaded: Loaded, model: Model, text: str) -> Patched | None:
    """``text`` parsed and validated from the previous parse, re-parsing only its edited entry.

    ``loaded`` and ``model`` are the previous parse's; None when a whole parse is needed.
    """
    item = _item_model(type(model), before.key)
    if item is None or text == before.text:
        return None
    start, end = _changed(before.text, text)
    lines = text.count("\n") - before.text.count("\n")
    at = bisect.bisect_right(before.starts, start) - 1
    # An edit at the end of an entry also starts at the next one: try both.
    for index in (at - 1, at) if start == end == before.starts[at] else (at,):
        if 0 <= index < len(before.starts) - 1 and end <= before.starts[index + 1]:
            found = _entry(before, loaded, model, item, text, index, lines)
            if found is not None:
                return found
    return None


def _entry(
    before: Split,
    loaded: Loaded,
    model: Model,
    item: type[BaseModel],
    text: str,
    index: int,
    lines: int,
) -> Patched | None:
    """The file with entry ``index`` parsed again from ``text``; None if it must be parsed whole."""
    grown = len(text) - len(before.text)
    first, last = before.starts[index], before.starts[index + 1] + grown
    own = text[first:last]
    indent = before.indent
    if not _alone(own, indent, at_end=last == len(text)):
        return None
    key = before.key
    try:  # under its key, so it nests as deep as in the file
        parsed = yamlstrict.parse(f"{key}:\n{own}", loaded.file)
    except DataError:
        return None
    value = parsed.value
    listed = value.get(key) if isinstance(value, dict) and len(value) == 1 else None
    if (
        parsed.problems
        or not isinstance(listed, list)
        or len(listed) != 1
        or not isinstance(listed[0], dict)
        or parsed.positions.get((key,)) != (2, indent + 1)
    ):
        return None
    values = before.values + len(parsed.positions) + len(parsed.key_positions)
    if values > yamlstrict.MAX_VALUES:
        return None
    try:
        entry = item.model_validate(listed[0], by_alias=True, by_name=False)
    except ValidationError:
        return None
    offset = text.count("\n", 0, first) - 1  # its own parse has the key line first
    positions = _at(parsed.positions, key, index, offset)
    key_positions = _at(parsed.key_positions, key, index, offset)
    entries = [*loaded.value[key]]
    entries[index] = listed[0]
    models = [*getattr(model, key)]
    models[index] = entry
    count = len(entries)
    new = Loaded(
        loaded.file,
        {key: entries},
        _moved(loaded.positions, key, count).moved(index, lines, positions),
        _moved(loaded.key_positions, key, count).moved(index, lines, key_positions),
    )
    starts = before.starts
    moved_starts = (*starts[: index + 1], *(s + grown for s in starts[index + 1 :]))
    return Patched(
        new,
        model.model_copy(update={key: tuple(models)}),
        Split(text, key, indent, moved_starts, values),
    )


def _alone(own: str, indent: int, *, at_end: bool) -> bool:
    """Whether ``own`` reads the same on its own as inside the list: it starts with the entry's
    ``- `` and no other line has text at or left of that column (such a line could end the
    list or the document). Comments and blank lines may sit anywhere."""
    if not own.startswith(" " * indent + "- ") or not (own.endswith("\n") or at_end):
        return False
    room = " " * (indent + 1)
    for line in own.split("\n")[1:]:
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#") and not line.startswith(room):
            return False
    return True


def _at(table: Mapping[Loc, Position], key: str, index: int, lines: int) -> dict[Loc, Position]:
    """An entry's positions in its own parse, as entry ``index`` of ``key`` in the file."""
    return {
        (key, index, *loc[2:]): (line + lines, column)
        for loc, (line, column) in table.items()
        if len(loc) > 1
    }


def _moved(table: Mapping[Loc, Position], key: str, count: int) -> Moved:
    if isinstance(table, Moved):
        return table
    return Moved(table, key, {}, [0] * count)
