"""What a change to the data publishes, in words a reviewer understands.

``python -m generator diff BASE_REF`` reads the data files at a git ref (``git show``)
and in the working tree, and prints Markdown: meetings added, moved, cancelled, changed;
'you said, we did' entries added or updated; which calendar entries subscribers will see
change. It also holds the calendar contract: a meeting whose time, place, format, status or
joining link changed must raise ``revision``, or subscribers' calendars never update.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import timefmt
from generator.load.errors import Problem
from generator.models import Action, Meeting, Panel, Venue
from generator.models.files import DATA_FILES
from generator.render import urls
from generator.review.snapshots import Snapshot, read_ref, read_tree, snapshot

CALENDAR_FIELDS = ("date", "start", "end", "venue", "format", "status", "joining link")
"""What subscribers' calendars show: a change to any of these needs a higher ``revision``."""
SAID_CHARS = 100
"""How much of what residents said to quote for a new action."""


@dataclass
class Summary:
    """The comparison's findings, ready to print."""

    meetings: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    calendars: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def markdown(self, ref: str) -> str:
        """The summary as Markdown, ending with a newline."""
        out = ["## What this change publishes", "", f"Compared with `{ref}`.", ""]
        sections = (
            ("Meetings", self.meetings),
            ('"You said, we did"', self.actions),
            ("Calendars", self.calendars),
            ("Other data files", self.others),
        )
        for title, lines in sections:
            if lines:
                out += [f"### {title}", "", *lines, ""]
        if not any(lines for _, lines in sections):
            out += ["No changes to the published data.", ""]
        if self.problems:
            out += [
                "### Blocking: subscribers' calendars would not update",
                "",
                "```text",
                *(str(p) for p in sorted(self.problems)),
                "```",
                "",
            ]
        return "\n".join(out)


class _Names:
    """How meetings and venues read in the summary, preferring the newer names."""

    def __init__(self, base: Snapshot, head: Snapshot) -> None:
        self.panels: dict[str, Panel] = {
            c.id: c for s in (base, head) for c in s.of("clusters.yaml")
        }
        self.venues: dict[str, Venue] = {v.id: v for s in (base, head) for v in s.of("venues.yaml")}
        self.meetings: dict[str, Meeting] = {
            m.id: m for s in (base, head) for m in s.of("meetings.yaml")
        }

    def meeting(self, m: Meeting) -> str:
        name = m.display_name(self.panels.get(m.panel or ""), "Business meeting")
        return f"**{name}** (`{m.id}`)"

    def venue(self, venue_id: str | None) -> str:
        if venue_id is None:
            return "no venue"
        venue = self.venues.get(venue_id)
        return venue.name if venue else f"`{venue_id}`"


def _when(m: Meeting) -> str:
    return timefmt.when(m.date, m.start, m.end)


def _link(m: Meeting) -> str | None:
    return m.online.teams_url if m.online else None


def _calendar_changes(old: Meeting, new: Meeting) -> list[str]:
    values = {"joining link": (_link(old), _link(new))}
    values.update({name: (getattr(old, name), getattr(new, name)) for name in CALENDAR_FIELDS[:-1]})
    return [name for name in CALENDAR_FIELDS if values[name][0] != values[name][1]]


def _meeting_changes(old: Meeting, new: Meeting, names: _Names) -> list[str]:
    parts: list[str] = []
    reason = f" ({new.status_reason})" if new.status_reason else ""
    moved = (old.date, old.start, old.end) != (new.date, new.start, new.end)
    if moved:
        said = reason if old.status != new.status and new.status.value == "moved" else ""
        parts.append(f"moved: {_when(old)} → {_when(new)}{said}")
    if old.status != new.status and not (moved and new.status.value == "moved"):
        parts.append(
            f"{new.status.value}{reason}"
            if new.status.value != "scheduled"
            else f"back on: was {old.status.value}"
        )
    if old.venue != new.venue:
        parts.append(f"venue: {names.venue(old.venue)} → {names.venue(new.venue)}")
    if old.format != new.format:
        parts.append(f"format: {old.format.value} → {new.format.value}")
    before, after = _link(old), _link(new)
    if before != after:
        parts.append(
            "joining link "
            + ("added" if before is None else "removed" if after is None else "changed")
        )
    if old.record != new.record:
        parts.append("record of the meeting " + ("added" if old.record is None else "updated"))
    compared = {
        "date",
        "start",
        "end",
        "status",
        "status_reason",
        "venue",
        "format",
        "record",
        "revision",
        "revised",
        "previous",
    }
    rest = [
        f
        for f in type(new).model_fields
        if f not in compared and getattr(old, f) != getattr(new, f)
    ]
    rest = [f for f in rest if f != "online" or before == after]
    if rest:
        parts.append(f"details updated ({', '.join(rest)})")
    return parts


def _feeds(m: Meeting) -> str:
    feeds = [urls.panel_calendar(m.panel)] if m.panel else []
    return ", ".join(f"`{f}`" for f in [*feeds, urls.CALENDAR_ALL, urls.meeting_calendar(m.id)])


def _compare_meetings(base: Snapshot, head: Snapshot, names: _Names, summary: Summary) -> None:
    old_by_id = {m.id: m for m in base.of("meetings.yaml")}
    head_items = list(enumerate(head.of("meetings.yaml")))
    new_ids = {m.id for _, m in head_items}
    for index, new in sorted(head_items, key=lambda item: (item[1].starts_at(), item[1].id)):
        old = old_by_id.get(new.id)
        if old is None:
            where = "" if new.venue is None else f", {names.venue(new.venue)}"
            summary.meetings.append(
                f"- {names.meeting(new)} added: {_when(new)}{where} ({new.format.value})"
            )
            summary.calendars.append(f"- `{new.id}`: new entry in {_feeds(new)}")
            continue
        parts = _meeting_changes(old, new, names)
        if parts:
            summary.meetings.append(f"- {names.meeting(new)}: " + "; ".join(parts))
        changed = _calendar_changes(old, new)
        if new.revision > old.revision:
            summary.calendars.append(
                f"- `{new.id}`: entry updated (revision {old.revision} → "
                f"{new.revision}) in {_feeds(new)}"
            )
        elif changed:
            what = " and ".join(
                [", ".join(changed[:-1]), changed[-1]] if len(changed) > 1 else changed
            )
            summary.problems.append(
                head.sources["meetings.yaml"].problem(
                    ("meetings", index, "revision"),
                    f"the {what} changed but `revision` is still {new.revision}",
                    f"subscribers won't see this change: raise `revision` to {old.revision + 1} "
                    "and set `revised:` to the date of the change",
                )
            )
    for old in base.of("meetings.yaml"):
        if old.id not in new_ids:
            summary.meetings.append(
                f"- {names.meeting(old)} removed: its page and calendar entry "
                "disappear (to call a meeting off, set `status: cancelled` instead)"
            )


def _compare_actions(base: Snapshot, head: Snapshot, names: _Names, summary: Summary) -> None:
    old_by_id: dict[str, Action] = {a.id: a for a in base.of("actions.yaml")}
    new_ids = set()
    for new in head.of("actions.yaml"):
        new_ids.add(new.id)
        old = old_by_id.get(new.id)
        meeting = names.meetings.get(new.meeting)
        source = names.meeting(meeting) if meeting else f"`{new.meeting}`"
        if old is None:
            said = (
                new.said
                if len(new.said) <= SAID_CHARS
                else new.said[: SAID_CHARS - 1].rstrip() + "…"
            )
            summary.actions.append(
                f"- `{new.id}` added, from {source}: “{said}” ({new.status.value})"
            )
            continue
        parts: list[str] = []
        if old.status != new.status:
            parts.append(f"status: {old.status.value} → {new.status.value}")
        if old.did != new.did:
            parts.append("what was done " + ("added" if old.did is None else "updated"))
        added = len(new.updates) - len(old.updates)
        if added > 0 and new.updates[: len(old.updates)] == old.updates:
            parts.append(f"{added} new update" + ("s" if added > 1 else ""))
        elif new.updates != old.updates:
            parts.append("updates edited")
        compared = {"status", "did", "updates"}
        rest = [
            f
            for f in type(new).model_fields
            if f not in compared and getattr(old, f) != getattr(new, f)
        ]
        if rest:
            parts.append(f"details updated ({', '.join(rest)})")
        if parts:
            summary.actions.append(f"- `{new.id}` updated: " + "; ".join(parts))
    for old in base.of("actions.yaml"):
        if old.id not in new_ids:
            summary.actions.append(f"- `{old.id}` removed")


def compare(base: Snapshot, head: Snapshot) -> Summary:
    """Everything that differs between two snapshots, with the calendar contract's problems."""
    names = _Names(base, head)
    summary = Summary()
    _compare_meetings(base, head, names, summary)
    _compare_actions(base, head, names, summary)
    for name in sorted(DATA_FILES):
        if name not in ("meetings.yaml", "actions.yaml") and base.of(name) != head.of(name):
            summary.others.append(f"- `{name}` changed")
    return summary


def run(data_dir: Path, ref: str, label: str) -> tuple[str, Sequence[Problem]]:
    """Compare ``data_dir`` at ``ref`` with the working tree: (Markdown, blocking problems)."""
    base = snapshot(read_ref(data_dir, ref), f"{label} at {ref}")
    head = snapshot(read_tree(data_dir), label)
    summary = compare(base, head)
    return summary.markdown(ref), tuple(sorted(summary.problems))
