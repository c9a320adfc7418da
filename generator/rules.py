"""Rules that span fields or files: the checks a schema alone cannot make."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from .errors import Loc, Problem
from .models import (
    LONDON,
    Action,
    ActionStatus,
    Cluster,
    EngagementEvent,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    Metric,
    Remit,
    Venue,
)
from .models.metrics import MetricKind
from .yamlstrict import Loaded

JOIN_LINK_DAYS = 7
"""A hybrid or online meeting this close without a joining link blocks the build."""


def clock_change_problem(day: date, at: time) -> str | None:
    """Why ``at`` on ``day`` is not one clear instant in London, or None if it is."""
    naive = datetime.combine(day, at)
    first, second = naive.replace(tzinfo=LONDON, fold=0), naive.replace(tzinfo=LONDON, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    # Through UTC: astimezone() to the zone a datetime already has returns it unchanged.
    roundtrip = first.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None)
    if roundtrip != naive:
        return "does not exist in London: the clocks go forward that night"
    return "happens twice in London: the clocks go back that night"


def quarter_start(quarter: str) -> date:
    """The first day of a quarter written ``YYYY-QN``."""
    year, number = int(quarter[:4]), int(quarter[-1])
    return date(year, 3 * number - 2, 1)


class Checker:
    """Collects problems against the files they belong to."""

    def __init__(self, sources: dict[str, Loaded], today: date) -> None:
        self.sources = sources
        self.today = today
        self.problems: list[Problem] = []

    def at(self, source: str, loc: Loc, what: str, fix: str) -> None:
        """Record a problem at ``loc`` in the data file named ``source``."""
        self.problems.append(self.sources[source].problem(loc, what, fix))

    def unique(self, source: str, key: str, entries: Sequence[Any]) -> None:
        """Every entry's ``id`` appears once in the file."""
        first: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry.id in first:
                line = self.sources[source].position((key, first[entry.id], "id"))[0]
                self.at(
                    source,
                    (key, index, "id"),
                    f"the id `{entry.id}` is used twice (first at line {line})",
                    "give each entry its own id",
                )
            else:
                first[entry.id] = index


def check_meetings(
    c: Checker,
    meetings: Sequence[Meeting],
    clusters: Sequence[Cluster] | None,
    venues: Sequence[Venue] | None,
) -> None:
    """Rules for data/meetings.yaml, including its references to panels and venues."""
    c.unique("meetings.yaml", "meetings", meetings)
    panel_ids = {x.id for x in clusters} if clusters is not None else None
    venue_ids = {x.id for x in venues} if venues is not None else None
    for index, m in enumerate(meetings):

        def at(field: str, what: str, fix: str, *, _i: int = index) -> None:
            c.at("meetings.yaml", ("meetings", _i, *field.split(".")), what, fix)

        if m.kind is MeetingKind.CLUSTER_PANEL and m.panel is None:
            at(
                "panel",
                "a cluster panel meeting needs its panel",
                "add `panel:` with the panel's id, or set `kind: business`",
            )
        if m.kind is MeetingKind.BUSINESS and m.panel is not None:
            at("panel", "a City-wide business meeting belongs to no panel", "remove `panel:`")
        if m.panel is not None and panel_ids is not None and m.panel not in panel_ids:
            at(
                "panel",
                f"there is no panel with the id `{m.panel}`",
                f"use one of the ids in data/clusters.yaml: {', '.join(sorted(panel_ids))}",
            )
        for field in ("start", "end"):
            value = getattr(m, field)
            why = clock_change_problem(m.date, value) if value else None
            if why:
                at(
                    field,
                    f"{value:%H:%M} on {m.date} {why}",
                    "choose a time outside 01:00 to 02:00",
                )
        if m.end is not None and m.end <= m.start:
            at(
                "end",
                f"the end time {m.end:%H:%M} is not after the start time {m.start:%H:%M}",
                "check both times are 24-hour HH:MM, e.g. 18:30",
            )
        _check_place(m, at, venue_ids, c.today)
        _check_status(m, at, c.today)
        if m.record is not None and m.date > c.today:
            at(
                "record",
                "a meeting that has not happened yet has a record",
                "remove `record:` until after the meeting",
            )
        for t_index, topic in enumerate(m.record.topics if m.record else ()):
            if topic.remit is Remit.PARTNER and topic.partner is None:
                at(
                    f"record.topics.{t_index}.remit",
                    "the topic's partner is not named",
                    "add `partner:` with the partner's name",
                )


def _check_place(m: Meeting, at: Any, venue_ids: set[str] | None, today: date) -> None:
    if m.format is MeetingFormat.ONLINE and m.venue is not None:
        at("venue", "an online meeting has a venue", "remove `venue:`, or set `format: hybrid`")
    if m.format is not MeetingFormat.ONLINE and m.venue is None:
        at(
            "format",
            f"a {m.format.value} meeting needs a venue",
            "add `venue:` with the venue's id",
        )
    if m.venue is not None and venue_ids is not None and m.venue not in venue_ids:
        at(
            "venue",
            f"there is no venue with the id `{m.venue}`",
            "use an id from data/venues.yaml, or add the venue there first",
        )
    if m.format is MeetingFormat.IN_PERSON and m.online is not None:
        at(
            "online",
            "an in-person meeting has online joining details",
            "remove `online:`, or set `format: hybrid`",
        )
    no_link = m.online is None or m.online.teams_url is None
    soon = today <= m.date <= today + timedelta(days=JOIN_LINK_DAYS)
    if (
        m.format is not MeetingFormat.IN_PERSON
        and no_link
        and soon
        and m.status in (MeetingStatus.SCHEDULED, MeetingStatus.MOVED)
    ):
        at(
            "online" if m.online else "format",
            f"the {m.format.value} meeting is within {JOIN_LINK_DAYS} days and has no joining link",
            "add `online:` with `teams_url:` from the Teams invitation",
        )


def _check_status(m: Meeting, at: Any, today: date) -> None:
    changed = m.status is not MeetingStatus.SCHEDULED
    if changed and m.status_reason is None:
        at(
            "status",
            f"a {m.status.value} meeting needs a public reason",
            "add `status_reason:` saying why, in a sentence",
        )
    if not changed and m.status_reason is not None:
        at(
            "status_reason",
            "a scheduled meeting has a status reason",
            "remove `status_reason:`, or set the status it explains",
        )
    if m.status is MeetingStatus.MOVED and m.previous is None:
        at(
            "status",
            "a moved meeting needs the date it was due before",
            "add `previous:` with `date:` (and `start:`) of the old slot",
        )
    if m.previous is not None and m.status not in (MeetingStatus.MOVED, MeetingStatus.POSTPONED):
        at(
            "previous",
            "only a moved or postponed meeting has a previous date",
            "remove `previous:`, or set `status: moved`",
        )
    same_slot = m.previous is not None and (m.previous.date, m.previous.start or m.start) == (
        m.date,
        m.start,
    )
    if same_slot:
        at(
            "previous",
            "the previous date and time are the same as the new ones",
            "put the old slot in `previous:` and the new one in `date:`/`start:`",
        )
    if (changed or m.previous is not None) and m.revision == 0:
        at(
            "status",
            "subscribers' calendars will not update unless `revision` is raised",
            "add `revision: 1` (or one more than before) and `revised:` with today's date",
        )
    if m.revision > 0 and m.revised is None:
        at(
            "revision",
            "a revised meeting needs the date of the change",
            "add `revised:` with the date of the change, YYYY-MM-DD",
        )
    if m.revised is not None and m.revised > today:
        at(
            "revised",
            f"the change date {m.revised} is in the future",
            "use the date the change was made",
        )


def check_actions(
    c: Checker, actions: Sequence[Action], meetings: Sequence[Meeting] | None
) -> None:
    """Rules for data/actions.yaml, including the meeting each action came from."""
    c.unique("actions.yaml", "actions", actions)
    by_id = {m.id: m for m in meetings} if meetings is not None else None
    for index, a in enumerate(actions):

        def at(field: str, what: str, fix: str, *, _i: int = index) -> None:
            c.at("actions.yaml", ("actions", _i, *field.split(".")), what, fix)

        meeting = by_id.get(a.meeting) if by_id is not None else None
        if by_id is not None and meeting is None:
            at(
                "meeting",
                f"there is no meeting with the id `{a.meeting}`",
                "use the id of a meeting in data/meetings.yaml",
            )
        if meeting is not None and a.raised < meeting.date:
            at(
                "raised",
                f"raised on {a.raised}, before the meeting on {meeting.date}",
                "use the meeting's date or a later one",
            )
        if a.raised > c.today:
            at("raised", f"the date {a.raised} is in the future", "use the date it was raised")
        if a.status is ActionStatus.DONE and a.completed is None:
            at(
                "status",
                "a done action needs the date it was completed",
                "add `completed:` YYYY-MM-DD",
            )
        if a.completed is not None and a.status is not ActionStatus.DONE:
            at(
                "completed",
                "only a done action has a completed date",
                "remove `completed:`, or set `status: done`",
            )
        if a.completed is not None and not a.raised <= a.completed <= c.today:
            at(
                "completed",
                f"the completed date {a.completed} is before it was raised or in the future",
                "use the date the work was finished",
            )
        if a.status is ActionStatus.NOT_TAKEN_FORWARD and a.status_reason is None:
            at(
                "status",
                "an action not taken forward needs the reason",
                "add `status_reason:` explaining why, in a sentence",
            )
        if a.remit is Remit.PARTNER and a.owner is None:
            at(
                "remit",
                "the partner that owns this is not named",
                "add `owner:` with the partner's name",
            )
        previous = a.raised
        for u_index, update in enumerate(a.updates):
            if not previous <= update.date <= c.today:
                at(
                    f"updates.{u_index}.date",
                    f"the update date {update.date} is out of order",
                    "list updates oldest first, between the date raised and today",
                )
            previous = max(previous, update.date)


def check_engagement(c: Checker, events: Sequence[EngagementEvent]) -> None:
    """Rules for data/engagement.yaml."""
    c.unique("engagement.yaml", "events", events)
    for index, e in enumerate(events):

        def at(field: str, what: str, fix: str, *, _i: int = index) -> None:
            c.at("engagement.yaml", ("events", _i, field), what, fix)

        forms = [e.date is not None, e.month is not None, e.from_ is not None or e.to is not None]
        if sum(forms) != 1:
            at(
                "title",
                "give exactly one of `date`, `month`, or `from` with `to`",
                "keep the one that matches the source and remove the others",
            )
        elif (e.from_ is None) != (e.to is None):
            at(
                "from" if e.from_ else "to",
                "an event over several days needs both `from` and `to`",
                "add the missing one",
            )
        elif e.from_ is not None and e.to is not None and e.to <= e.from_:
            at("to", "the last day is not after the first day", "check `from` and `to`")
        if "other" in (x.value for x in e.audiences) and e.audience_note is None:
            at(
                "audiences",
                "`other` audience is not explained",
                "add `audience_note:`, e.g. students",
            )
        if len(set(e.audiences)) != len(e.audiences):
            at("audiences", "an audience is listed twice", "list each audience once")


def check_metrics(c: Checker, metrics: Sequence[Metric]) -> None:
    """Rules for data/metrics.yaml."""
    c.unique("metrics.yaml", "metrics", metrics)
    for index, metric in enumerate(metrics):
        seen: set[str] = set()
        for v_index, value in enumerate(metric.values):

            def at(field: str, what: str, fix: str, *, _i: int = index, _v: int = v_index) -> None:
                c.at("metrics.yaml", ("metrics", _i, "values", _v, field), what, fix)

            if value.quarter in seen:
                at("quarter", f"{value.quarter} is reported twice", "keep one entry per quarter")
            seen.add(value.quarter)
            if quarter_start(value.quarter) < quarter_start(metric.first_quarter):
                at(
                    "quarter",
                    f"{value.quarter} is before the first reported quarter {metric.first_quarter}",
                    "check the quarter",
                )
            if quarter_start(value.quarter) > c.today:
                at("quarter", f"{value.quarter} has not started yet", "check the quarter")
            is_breakdown = metric.kind is MetricKind.BREAKDOWN
            if is_breakdown and (value.value is not None or not value.breakdown):
                at(
                    "quarter",
                    "a breakdown metric is reported as `breakdown:`, not `value:`",
                    "list each dimension with its shares",
                )
            if not is_breakdown and (value.value is None or value.breakdown):
                at(
                    "quarter",
                    "this metric is reported as one `value:`",
                    "add `value:` with the figure",
                )


def problems(c: Checker) -> Iterator[Problem]:
    """The problems collected so far."""
    yield from c.problems
