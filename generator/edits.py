"""What a data edit touched: the panels and meetings a staff preview renders again.

:func:`scope` compares the previous dataset with the edited one; :mod:`generator.incremental`
renders again the outputs of what it names, or everything when it names None (see there
for which edits those are).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from generator.load.dataset import Dataset
from generator.models import Meeting

_ID = attrgetter("id")
"""Every record type has an id."""

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
    old = list(map(_ID, before))
    if old != list(map(_ID, after)):
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
        for meeting in _candidates(data, meeting_ids, bool(venue_ids or panel_ids)):
            was_at = meeting.previous.venue if meeting.previous else None
            if (
                meeting.id in meeting_ids
                or {meeting.venue, was_at} & venue_ids
                or meeting.panel in panel_ids
            ):
                touched.add(meeting.panel)
                edited.add(meeting.id)
        for action in data.actions if action_ids else ():
            if action.id in action_ids:
                touched.add(data.meeting_by_id[action.meeting].panel)
                edited.add(action.meeting)
    return Scope(frozenset(touched), _of_panels(after, touched), frozenset(edited))


def _candidates(data: Dataset, meeting_ids: set[str], every: bool) -> Iterable[Meeting]:
    """The meetings that may be touched: all of them when a venue or panel was edited, else
    the edited ones (looked up, not searched for among 13,000 each edit)."""
    if every:
        return data.meetings
    return [data.meeting_by_id[i] for i in meeting_ids]


def _of_panels(data: Dataset, panels: set[str | None]) -> frozenset[str]:
    """Every meeting of ``panels`` (None: the business meetings, which no index holds)."""
    if None in panels:
        return frozenset(m.id for m in data.meetings if m.panel in panels)
    by_panel = data.meetings_by_panel
    return frozenset(m.id for p in panels if p is not None for m in by_panel.get(p, ()))
