"""What a preview's last check of a file found: its next check looks again only at what changed.

A preview's edit leaves every untouched record the same object at the same place (see
:mod:`generator.load.entries`), yet checking each meeting's and action's own rules again was
half of a rebuild at the largest scale (13,005 meetings, 40,000 actions). A record's own
rules read only the record, what it names (an action's meeting) and a context (the build
date, the publisher, the panels and venues), so a record that passed them, is still the
same object at the same place, under the same context, passes them again. Checked again
each time: the records that changed, those that had a problem (so it is reported, at its
line, every time), and, when the context changed or records were added or removed, all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, count
from operator import is_not


@dataclass
class Clean:
    """One file's records as last checked, and which of them had problems."""

    today: date | None = None
    context: tuple[object, ...] = ()
    """Objects the rules read besides the records, compared by identity (a file parsed
    again gives new ones, and so every record is checked again)."""
    records: Sequence[object] | None = None
    failed: frozenset[int] = frozenset()
    """The places of the records that had a problem of their own."""
    unique_failed: bool = True
    """Whether the file's ids were not all unique (an unchanged file's need no second look)."""

    def changed(self, records: Sequence[object]) -> list[int] | None:
        """The places whose record is not the object last checked there; None when records
        were added or removed (or none checked yet)."""
        if self.records is None or len(records) != len(self.records):
            return None
        # In C, not a Python loop: 40,000 identity tests each edit.
        return list(compress(count(), map(is_not, records, self.records)))

    def again(
        self, today: date, context: Sequence[object], records: Sequence[object]
    ) -> list[int] | None:
        """The places to check again, in order; None for every record."""
        same = self.today == today and len(context) == len(self.context)
        if not (same and all(a is b for a, b in zip(context, self.context, strict=True))):
            return None
        changed = self.changed(records)
        return None if changed is None else sorted({*changed, *self.failed})

    def unchanged(self, records: Sequence[object]) -> bool:
        """Whether ``records`` is the very sequence last checked, whose ids were unique."""
        return records is self.records and not self.unique_failed

    def checked(
        self,
        today: date,
        context: Sequence[object],
        records: Sequence[object],
        failed: set[int],
        unique_failed: bool,
    ) -> None:
        """Keep what this check saw (only once it has finished)."""
        self.today, self.context, self.records = today, tuple(context), records
        self.failed, self.unique_failed = frozenset(failed), unique_failed


@dataclass
class Memo:
    """A preview's :class:`Clean` of each file whose records have their own rules."""

    meetings: Clean = field(default_factory=Clean)
    actions: Clean = field(default_factory=Clean)
    moved: set[str] | None = None
    """The ids at the meetings' changed places this check, before and after (None: any may
    have changed): the actions naming one are checked again."""
