"""Where each part of a parsed tree starts, kept as compactly as the parser met them.

A table entry per value (a path tuple, a position tuple and a line number each) was most of
a large force's loaded data: 1.7 million entries and about 340 MB at the largest scale,
allocated while parsing. Yet a build whose data has no problem never looks a position up.
:class:`MarkOrder` keeps each value's and key's (line, column) packed in one integer, in
the order the parser met them, and builds the path-to-position tables from the finished tree
on the first lookup: a walk of the tree in document order meets the values and keys in
that same order.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from typing import Any

from generator.load.errors import Loc

_COLUMNS = 1 << 24
"""Packing: line * _COLUMNS + column (a column is below the largest file's size limit)."""
Position = tuple[int, int]


def _unpacked(packed: int) -> Position:
    return divmod(packed, _COLUMNS)


class MarkOrder:
    """The (line, column) of each value and each key of one parse, in the parser's order."""

    def __init__(self) -> None:
        self.values = array("Q")
        self.keys = array("Q")
        self.tree: Any = None
        """The parsed tree, once it is whole: set by the parser."""
        self._tables: tuple[dict[Loc, Position], dict[Loc, Position]] | None = None

    def value(self, mark: Position) -> None:
        """The next value in document order starts at ``mark``."""
        self.values.append(mark[0] * _COLUMNS + mark[1])

    def key(self, mark: Position) -> None:
        """The next key in document order starts at ``mark``."""
        self.keys.append(mark[0] * _COLUMNS + mark[1])

    def tables(self) -> tuple[dict[Loc, Position], dict[Loc, Position]]:
        """The values' and the keys' positions by path, built on the first call."""
        if self._tables is None:
            self._tables = self._walk()
        return self._tables

    def forget(self) -> None:
        """Drop the built tables (they are built again when next asked for)."""
        self._tables = None

    def _walk(self) -> tuple[dict[Loc, Position], dict[Loc, Position]]:
        values: dict[Loc, Position] = {}
        keys: dict[Loc, Position] = {}
        next_value, next_key = iter(self.values).__next__, iter(self.keys).__next__
        # (path, value, whether it is a mapping's entry): a key comes just before its value.
        todo: list[tuple[Loc, Any, bool]] = [((), self.tree, False)]
        while todo:
            loc, node, keyed = todo.pop()
            if keyed:
                keys[loc] = _unpacked(next_key())
            values[loc] = _unpacked(next_value())
            if isinstance(node, dict):
                todo += [((*loc, k), v, True) for k, v in reversed(node.items())]
            elif isinstance(node, list):
                todo += [((*loc, i), v, False) for i, v in reversed(list(enumerate(node)))]
        if len(values) != len(self.values) or len(keys) != len(self.keys):
            raise AssertionError("the parsed tree no longer matches its parse")
        return values, keys


class Marks(Mapping[Loc, Position]):
    """The values' (or the keys') positions of a :class:`MarkOrder`, as a read-only mapping."""

    def __init__(self, order: MarkOrder, *, keys: bool) -> None:
        self.order = order
        self._index = 1 if keys else 0

    def _table(self) -> dict[Loc, Position]:
        return self.order.tables()[self._index]

    def __getitem__(self, loc: Loc) -> Position:
        return self._table()[loc]

    def __contains__(self, loc: object) -> bool:
        return loc in self._table()

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self.order.keys if self._index else self.order.values)


def forget_positions(sources: Mapping[str, Any]) -> None:
    """Drop every lookup table built for ``sources`` (parsed files): rebuilt when next asked."""
    for loaded in sources.values():
        positions = getattr(loaded, "positions", None)
        if isinstance(positions, Marks):
            positions.order.forget()
