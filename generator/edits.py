"""What a data edit touched: the panels and meetings a staff preview renders again.

:func:`scope` compares the previous dataset with the edited one; :mod:`generator.incremental`
renders again the outputs of what it names, or everything when it names None (see there
for which edits those are).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.load.dataset import Dataset

WHOLE = ("publisher", "today", "events", "metrics", "metrics_notes", "civic_dates")
"""Dataset fields any page may show: a change to one renders everything."""


@dataclass(frozen=True)
class Scope:
    """What an edit touched, and so what is rendered again."""

    panels: frozenset[str | None]
    """The touched panels' ids (None: the business meetings, which have no panel)."""
    meetings: frozenset[str]
    """Every meeting of a touched panel."""
    edited: frozenset[str] = frozenset()
    """The meetings whose own outputs (poster, card, calendar entry) may change: those
    edited, at an edited venue, of an edited panel, or with an edited action."""


def _changed(before: Sequence[object], after: Sequence[object]) -> set[str] | None:
    """The ids of the records that differ; None when ids were added, removed or reordered."""
    old = [getattr(r, "id") for r in before]  # noqa: B009 (every record type has an id)
    if old != [getattr(r, "id") for r in after]:  # noqa: B009
        return None
    # Records an edit did not touch are the same objects (see generator.load.entries).
    return {i for i, a, b in zip(old, before, after, strict=True) if a is not b and a != b}


def scope(before: Dataset, after: Dataset) -> Scope | None:
    """What changed from ``before`` to ``after``; None when everything must be rendered."""
    if any(getattr(before, name) != getattr(after, name) for name in WHOLE):
        return None
    found = [
        _changed(before.panels, after.panels),
        _changed(before.venues, after.venues),
        _changed(before.meetings, after.meetings),
        _changed(before.actions, after.actions),
    ]
    if any(ids is None for ids in found):
        return None
    panel_ids, venue_ids, meeting_ids, action_ids = (ids or set() for ids in found)
    touched: set[str | None] = set(panel_ids)
    edited: set[str] = set()
    for data in (before, after):
        for meeting in data.meetings:
            was_at = meeting.previous.venue if meeting.previous else None
            if (
                meeting.id in meeting_ids
                or {meeting.venue, was_at} & venue_ids
                or meeting.panel in panel_ids
            ):
                touched.add(meeting.panel)
                edited.add(meeting.id)
        for action in data.actions:
            if action.id in action_ids:
                touched.add(data.meeting_by_id[action.meeting].panel)
                edited.add(action.meeting)
    every = frozenset(m.id for m in after.meetings if m.panel in touched)
    return Scope(frozenset(touched), every, frozenset(edited))
