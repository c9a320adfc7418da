"""What `check` and the editor say about a missing field or an id that names nothing, worded once.

The load rules (generator/load/meeting_rules.py, rules.py) name the id they could not find;
the editor schemas that ``./run check`` writes with the data's current ids
(generator/review/current_schema.py) cannot repeat the value typed, so they say "this id"
and otherwise use the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """One kind of reference: the problem (with ``{id}``), as the editor says it, and the fix."""

    what: str
    """The problem, with ``{id}`` where the unknown id goes."""
    unnamed: str
    """The same problem without the id, as an editor schema must word it."""
    fix: str
    """How to fix it; ``{ids}`` becomes the known ids, comma-separated."""

    def words(self, unknown: str, ids: Iterable[str]) -> tuple[str, str]:
        """``(what, fix)`` as `check` prints them for ``unknown``."""
        return self.what.format(id=unknown), self.fix.format(ids=", ".join(ids))

    def editor_message(self, ids: Iterable[str]) -> str:
        """The editor's message: the same words, with "this id" for the id typed."""
        return f"{self.unnamed} — {self.fix.format(ids=', '.join(ids))}"


PANEL = Reference(
    "there is no panel with the id `{id}`",
    "there is no panel with this id",
    "use one of the ids in data/clusters.yaml: {ids}",
)
VENUE = Reference(
    "there is no venue with the id `{id}`",
    "there is no venue with this id",
    "use an id from data/venues.yaml, or add the venue there first",
)
MEETING = Reference(
    "there is no meeting with the id `{id}`",
    "there is no meeting with this id",
    "use the id of a meeting in data/meetings.yaml",
)
PARTNER = Reference(
    "`{id}` is not one of the partners in publisher.yaml",
    "this id is not one of the partners in publisher.yaml",
    "use one of: {ids}",
)


def missing_field(name: str, description: str | None) -> tuple[str, str]:
    """``(what, fix)`` for a required field left out; ``description`` is its hover text."""
    text = f" ({description.rstrip('.')})" if description else ""
    return f"`{name}` is missing{text}", f"add a `{name}:` line"


def missing_list(name: str) -> tuple[str, str]:
    """``(what, fix)`` for a file without its top-level field."""
    return f"the file has no `{name}:` list", f"start the file with `{name}:`"
