"""Rules for meetings: panels and venues exist, times are real, status changes are explained."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from generator.clock import LONDON
from generator.load.clean import Clean, Memo
from generator.load.rules import Checker
from generator.models import Meeting, Panel, Venue, cross_field, references
from generator.models.areas import MEETING_MINUTES
from generator.timefmt import duration
from generator.vocabulary import MeetingFormat, MeetingKind, MeetingStatus, goes_ahead

JOIN_LINK_DAYS = 7
"""A hybrid or online meeting this close without a joining link blocks the build."""
MAX_MINUTES = MEETING_MINUTES.stop - 1
"""The longest a meeting may last, start to end: the longest usual length a panel may set."""


def clock_change_problem(day: date, at: time) -> str | None:
    """Why ``at`` on ``day`` is not one clear instant in UK time, or None if it is."""
    naive = datetime.combine(day, at)
    first, second = naive.replace(tzinfo=LONDON, fold=0), naive.replace(tzinfo=LONDON, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    # Through UTC: astimezone() to the zone a datetime already has returns it unchanged.
    roundtrip = first.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None)
    if roundtrip != naive:
        return "does not exist in UK time: the clocks go forward that night"
    return "happens twice in UK time: the clocks go back that night"


def check_meetings(
    c: Checker,
    meetings: Sequence[Meeting],
    panels: Sequence[Panel] | None,
    venues: Sequence[Venue] | None,
    memo: Memo | None = None,
) -> None:
    """Rules for data/meetings.yaml, including its references to panels and venues;
    a preview's ``memo`` checks again only the meetings that changed or had a problem, under
    the same panels, venues and publisher (see :mod:`generator.load.clean`)."""
    clean = memo.meetings if memo is not None else Clean()
    found = len(c.problems)
    if not clean.unchanged(meetings):
        c.unique("meetings.yaml", "meetings", meetings)
    unique_failed = len(c.problems) != found
    panel_ids = {x.id for x in panels} if panels is not None else None
    venue_ids = {x.id for x in venues} if venues is not None else None
    context = (panels, venues, c.publisher)
    again = clean.again(c.today, context, meetings) if memo is not None else None
    if memo is not None:
        memo.moved = _moved(clean.records, meetings, clean.changed(meetings))
    failed: set[int] = set()
    for index in range(len(meetings)) if again is None else again:
        found = len(c.problems)
        _check_meeting(c, index, meetings[index], panel_ids, venue_ids)
        if len(c.problems) != found:
            failed.add(index)
    clean.checked(c.today, context, meetings, failed, unique_failed)


def _moved(
    before: Sequence[object] | None, after: Sequence[Meeting], places: list[int] | None
) -> set[str] | None:
    """The meetings' ids at ``places`` before and after an edit (None: unknown, all may)."""
    if before is None or places is None:
        return None
    return {getattr(r, "id") for i in places for r in (before[i], after[i])}  # noqa: B009


def _check_meeting(
    c: Checker, index: int, m: Meeting, panel_ids: set[str] | None, venue_ids: set[str] | None
) -> None:
    """One meeting's own rules."""

    def at(field: str, what: str, fix: str) -> None:
        c.at("meetings.yaml", ("meetings", index, *field.split(".")), what, fix)

    if m.kind is MeetingKind.CLUSTER_PANEL and m.panel is None:
        at(
            "panel",
            "a meeting of `kind: cluster-panel` needs its panel",
            "add `panel:` with the panel's id, or set `kind: business`",
        )
    if m.kind is MeetingKind.BUSINESS and m.panel is not None:
        at("panel", "a business meeting belongs to no panel", "remove `panel:`")
    if m.panel is not None and panel_ids is not None and m.panel not in panel_ids:
        at("panel", *references.PANEL.words(m.panel, sorted(panel_ids)))
    for field, on in (("start", m.date), ("end", m.end_date())):
        value = getattr(m, field)
        why = clock_change_problem(on, value) if value and on else None
        if why:
            at(
                field,
                f"{value:%H:%M} on {on} {why}",
                "choose a time outside 01:00 to 02:00",
            )
    _check_length(m, at)
    _check_place(m, at, venue_ids, c.today)
    _check_status(m, at, c.today)
    if m.record is not None and m.date > c.today:
        at(
            "record",
            "a meeting that has not happened yet has a record",
            "remove `record:` until after the meeting",
        )
    for t_index, topic in enumerate(m.record.topics if m.record else ()):
        c.remit(at, f"record.topics.{t_index}.remit", topic.remit, topic.partner, "partner")


def _check_length(m: Meeting, at: Any) -> None:
    ends = m.ends_at()
    if m.end is None or ends is None:
        return
    # Elapsed time, not the clock difference: a night the clocks change is an hour longer
    # or shorter. An end at or before the start is the next day (22:00 to 00:30), so a
    # typing slip (06:30 for 18:30) shows up as an impossibly long meeting instead.
    minutes = int((ends - m.starts_at()).total_seconds()) // 60
    if minutes <= MAX_MINUTES:
        return
    next_day = " the next day" if m.ends_next_day() else ""
    fix = "check both times are 24-hour HH:MM, e.g. 18:30"
    at(
        "end",
        f"the meeting would last {duration(minutes)}, from {m.start:%H:%M} to "
        f"{m.end:%H:%M}{next_day}, and a meeting lasts at most {duration(MAX_MINUTES)}",
        f"{fix}; an end time before the start is the next day" if next_day else fix,
    )


def _at_rule(at: Any, rule: cross_field.CrossFieldRule) -> None:
    """Report a rule the editors also hold, on its field, in its words."""
    at(rule.field, rule.what, rule.fix)


def _check_place(m: Meeting, at: Any, venue_ids: set[str] | None, today: date) -> None:
    if m.format is MeetingFormat.ONLINE and m.venue is not None:
        _at_rule(at, cross_field.ONLINE_HAS_NO_VENUE)
    if m.format is not MeetingFormat.ONLINE and m.venue is None:
        _at_rule(at, cross_field.needs_venue(m.format))
    if m.venue is not None and venue_ids is not None and m.venue not in venue_ids:
        at("venue", *references.VENUE.words(m.venue, sorted(venue_ids)))
    old = m.previous.venue if m.previous is not None else None
    if old is not None and venue_ids is not None and old not in venue_ids:
        at("previous.venue", *references.VENUE.words(old, sorted(venue_ids)))
    if m.format is MeetingFormat.IN_PERSON and m.online is not None:
        _at_rule(at, cross_field.IN_PERSON_HAS_NO_ONLINE)
    no_link = m.online is None or m.online.teams_url is None
    soon = today <= m.date <= today + timedelta(days=JOIN_LINK_DAYS)
    if m.format is not MeetingFormat.IN_PERSON and no_link and soon and goes_ahead(m.standing()):
        at(
            "online" if m.online else "format",
            f"the {m.format.value} meeting is within {JOIN_LINK_DAYS} days and has no joining link",
            "add `online:` with `teams_url:` from the Teams invitation",
        )


def _check_status(m: Meeting, at: Any, today: date) -> None:
    changed = m.status is not MeetingStatus.SCHEDULED
    if changed and m.status_reason is None:
        _at_rule(at, cross_field.needs_reason(m.status))
    if not changed and m.status_reason is not None:
        at(
            "status_reason",
            "a scheduled meeting has a status reason",
            "remove `status_reason:`, or set the status it explains",
        )
    if m.status is MeetingStatus.MOVED and m.previous is None:
        _at_rule(at, cross_field.MOVED_NEEDS_PREVIOUS)
    if m.previous is not None and m.status not in (MeetingStatus.MOVED, MeetingStatus.POSTPONED):
        at(
            "previous",
            "only a moved or postponed meeting has a previous date",
            "remove `previous:`, or set `status: moved`",
        )
    same_slot = m.previous is not None and m.previous.same_slot(m.date, m.start)
    place_changed = m.previous is not None and (
        m.previous.venue is not None or m.previous.room is not None
    )
    if same_slot and place_changed and m.status_reason is None:
        at(
            "status",
            "a change of venue or room needs the reason residents will see",
            "add `status_reason:` in a sentence, e.g. The hall is closed for repairs.",
        )
    if same_slot and not place_changed:
        at(
            "previous",
            "the previous date and time are the same as the new ones",
            "put the old slot in `previous:` and the new one in `date:`/`start:`",
        )
    # No change number is required: the build derives SEQUENCE (generator.feeds.revisions).
    if m.revised is not None and m.revised > today:
        at(
            "revised",
            f"the change date {m.revised} is in the future",
            "use the date the change was made",
        )
