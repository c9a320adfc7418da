"""A parsed data file and where each part of it starts, so problems point at lines."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.load import explain
from generator.load.errors import Loc, Problem

_PLAIN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _shown(ident: str) -> str:
    """An id as messages show it: bare when valid, else quoted and cut short.

    An id is staff text until it is validated: quoting it keeps ``]: all fine — ...``
    inside the id from passing for the message's own layout.
    """
    if len(ident) <= 60 and _PLAIN_ID.fullmatch(ident):
        return ident
    return json.dumps(ident if len(ident) <= 40 else ident[:40] + "…", ensure_ascii=False)


class PlainScalar(str):
    """An unquoted scalar that other YAML tools would not read as text.

    The loader keeps its text, but remembers how YAML 1.1 would have typed it,
    so a text field can insist on quotes (``"no"``) and mean the same thing in
    every editor.
    """

    reads_as: str

    def __new__(cls, text: str, reads_as: str) -> PlainScalar:
        obj = super().__new__(cls, text)
        obj.reads_as = reads_as
        return obj


@dataclass
class Loaded:
    """A parsed file: the plain tree, and where each part of it starts."""

    file: str
    value: Any
    positions: Mapping[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: Mapping[Loc, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading that still let the tree be checked (see ``parse``)."""

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of ``loc``, falling back to its nearest parent."""
        table = self.key_positions if key else self.positions
        probe = loc
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def where(self, loc: Loc) -> str:
        """Render ``loc`` for staff: list items by their ``id`` when they have one."""
        out = ""
        node = self.value
        field = ""
        for part in loc:
            if isinstance(part, int):
                item = node[part] if isinstance(node, list) and part < len(node) else None
                ident = item.get("id") if isinstance(item, dict) else None
                if isinstance(ident, str) and ident:
                    out += f"[{_shown(ident)}]"
                else:  # counted from 1, as people count: "the 3rd topic", never `topics.2`
                    out = out.removesuffix(field).removesuffix(".")
                    out += f"{', ' if out else ''}{explain.item_name(field, part)},"
                node = item
            else:
                field = str(part)
                out += (
                    f".{part}"
                    if out and not out.endswith(",")
                    else f" {part}"
                    if out
                    else str(part)
                )
                node = node.get(part) if isinstance(node, dict) else None
        return out.removesuffix(",")

    def problem(self, loc: Loc, what: str, fix: str, *, key: bool = False) -> Problem:
        """A :class:`Problem` located at ``loc`` in this file."""
        line, col = self.position(loc, key=key)
        return Problem(self.file, line, col, self.where(loc), what, fix)
