"""Figures derived from the data (never typed in), as frozen values the pages and checks share.

Everything here is a pure function of a :class:`~generator.load.dataset.Dataset`; "held" and
"ended" are measured against ``dataset.today`` so a build is reproducible.
"""

from __future__ import annotations

import statistics
from datetime import time
from decimal import ROUND_HALF_UP, Decimal

from generator import quarters
from generator.load.counts import (
    counted,
    counted_label,
    is_held,
    panel_meetings,
    per_quarter,
)
from generator.load.dataset import Dataset
from generator.metrics.figures import (
    Comparison,
    DaysToDone,
    MeetingFigures,
    MetricSeries,
    Mismatch,
    PanelAttendance,
    PartnersPresent,
    QuarterValue,
    Tally,
    TimeOfDay,
)
from generator.models import Meeting, Metric
from generator.vocabulary import (
    ACTION_STATUSES,
    AUDIENCES,
    ActionStatus,
    Audience,
    DerivedCount,
    goes_ahead,
)

__all__ = [
    "Comparison",
    "DaysToDone",
    "MeetingFigures",
    "MetricSeries",
    "Mismatch",
    "PanelAttendance",
    "PartnersPresent",
    "QuarterValue",
    "Tally",
    "TimeOfDay",
]

EVENING_FROM = time(17, 0)
"""A meeting starting at this time or later counts as an evening meeting."""

# One wording for categories across the site: the pages own the labels.
STATUS_LABELS = ACTION_STATUSES
AUDIENCE_LABELS = AUDIENCES


def metric_series(metric: Metric, dataset: Dataset) -> MetricSeries:
    """Rows from the metric's first quarter to the last ended one (or the latest entered)."""
    entered = {value.quarter: value for value in metric.values}
    last = quarters.last_ended(dataset.today)
    for quarter in entered:
        last = quarters.later(last, quarter)
    rows = []
    for quarter in quarters.span(metric.first_quarter, last):
        value = entered.get(quarter)
        if value is None:
            rows.append(QuarterValue(quarter, reported=False))
        else:
            rows.append(QuarterValue(quarter, True, value.value, value.breakdown, value.note))
    return MetricSeries(metric, tuple(rows))


def _derived_quarters(dataset: Dataset, metric: Metric | None) -> tuple[str, ...]:
    starts = [quarters.of(m.date) for m in panel_meetings(dataset)[:1]]
    if metric is not None:
        starts.append(metric.first_quarter)
    if not starts:
        return ()
    first = min(starts, key=lambda q: (int(q[:4]), int(q[-1])))
    return quarters.span(first, quarters.last_ended(dataset.today))


def _unrecorded(dataset: Dataset, what: DerivedCount) -> set[str]:
    """Quarters whose count would be a zero that means "nothing recorded", not "none".

    Before the first published meeting the meetings list says nothing; for logs, a quarter
    whose held meetings have neither a published record nor a log entry says nothing either.
    """
    meetings = panel_meetings(dataset)
    if not meetings:
        return set()
    first = quarters.parts(quarters.of(meetings[0].date))
    metric = counted(dataset, what)
    shown = _derived_quarters(dataset, metric)
    before = {q for q in shown if quarters.parts(q) < first}
    if what is not DerivedCount.LOGS:
        return before
    held: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        if is_held(meeting, dataset):
            held.setdefault(quarters.of(meeting.date), []).append(meeting)
    silent = {
        q
        for q, found in held.items()
        if all(m.record is None and not dataset.actions_by_meeting.get(m.id) for m in found)
    }
    return before | silent


def _compare(dataset: Dataset, what: DerivedCount) -> tuple[Comparison, ...]:
    metric = counted(dataset, what)
    counts = per_quarter(dataset, what)
    unrecorded = _unrecorded(dataset, what)
    entered = {v.quarter: v.value for v in metric.values} if metric is not None else {}
    return tuple(
        Comparison(q, None if q in unrecorded else counts.get(q, 0), entered.get(q))
        for q in _derived_quarters(dataset, metric)
    )


def held_per_quarter(dataset: Dataset) -> tuple[Comparison, ...]:
    """Panel meetings held per ended quarter, beside metric a where it is entered."""
    return _compare(dataset, DerivedCount.MEETINGS_HELD)


def logs_per_quarter(dataset: Dataset) -> tuple[Comparison, ...]:
    """Log entries per quarter of the panel meeting they came from (metric i)."""
    return _compare(dataset, DerivedCount.LOGS)


def _letter(dataset: Dataset, what: DerivedCount) -> str:
    metric = counted(dataset, what)
    return metric.id if metric is not None else ""


def mismatches(dataset: Dataset) -> tuple[Mismatch, ...]:
    """Entered metrics a and i that differ from the counts derived from the meetings data."""
    found = [
        Mismatch(
            _letter(dataset, DerivedCount.MEETINGS_HELD),
            c.quarter,
            c.entered,
            c.derived,
            counted_label(DerivedCount.MEETINGS_HELD, dataset.publisher.wording),
        )
        for c in held_per_quarter(dataset)
        if c.differs and c.entered is not None and c.derived is not None
    ]
    found += [
        Mismatch(
            _letter(dataset, DerivedCount.LOGS),
            c.quarter,
            c.entered,
            c.derived,
            counted_label(DerivedCount.LOGS, dataset.publisher.wording),
        )
        for c in logs_per_quarter(dataset)
        if c.differs and c.entered is not None and c.derived is not None
    ]
    return tuple(found)


def per_meeting(dataset: Dataset, panel: str | None = None) -> tuple[MeetingFigures, ...]:
    """Logs and attendance for each held panel meeting, oldest first."""
    rows = []
    for meeting in panel_meetings(dataset, panel):
        if not is_held(meeting, dataset):
            continue
        record = meeting.record.attendance if meeting.record is not None else None
        owner = dataset.panel_by_id.get(meeting.panel or "")
        rows.append(
            MeetingFigures(
                meeting=meeting,
                panel_name=owner.name if owner is not None else "",
                logs=(
                    None
                    if meeting.record is None and not dataset.actions_by_meeting.get(meeting.id)
                    else len(dataset.actions_by_meeting.get(meeting.id, ()))
                ),
                in_person=record.in_person if record is not None else None,
                online=record.online if record is not None else None,
            )
        )
    return tuple(rows)


def attendance_by_panel(dataset: Dataset) -> tuple[PanelAttendance, ...]:
    """Attendance per panel, in the order of clusters.yaml."""
    rows = []
    for panel in dataset.panels:
        figures = [f.attendance for f in per_meeting(dataset, panel.id)]
        known = [n for n in figures if n is not None]
        average = (
            (Decimal(sum(known)) / len(known)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            if known
            else None
        )
        rows.append(
            PanelAttendance(panel.id, panel.name, len(figures), len(known), sum(known), average)
        )
    return tuple(rows)


def partners_present(dataset: Dataset) -> PartnersPresent:
    """Panel meetings held with a partner present, of those whose record says who came."""
    held = [m for m in panel_meetings(dataset) if is_held(m, dataset)]
    lists = [
        m.record.partners_present
        for m in held
        if m.record is not None and m.record.partners_present is not None
    ]
    publisher = dataset.publisher
    own = publisher.own_partner()
    came = [{p.id for p, _ in publisher.present(ids)} for ids in lists]
    by_partner = tuple(
        Tally(p.id, p.name, sum(1 for ids in came if p.id in ids))
        for p in publisher.partners
        if p != own and not p.named_partner
    )
    return PartnersPresent(len(held), len(lists), sum(1 for ids in lists if ids), by_partner)


def topics_by_remit(dataset: Dataset, panel: str | None = None) -> tuple[Tally, ...]:
    """Topics residents raised at held panel meetings, by whose remit they fall in."""
    counts = dict.fromkeys(dataset.publisher.remits, 0)
    for meeting in panel_meetings(dataset, panel):
        if meeting.record is not None and is_held(meeting, dataset):
            for topic in meeting.record.topics:
                counts[topic.remit] += 1
    names = dataset.publisher.remits
    return tuple(Tally(remit, names[remit], n) for remit, n in counts.items())


def actions_by_status(dataset: Dataset, panel: str | None = None) -> tuple[Tally, ...]:
    """Log actions by status: every meeting's, or one panel's."""
    pool = dataset.actions if panel is None else dataset.actions_for_panel(panel)
    counts = dict.fromkeys(ActionStatus, 0)
    for action in pool:
        counts[action.status] += 1
    return tuple(Tally(status.value, STATUS_LABELS[status], n) for status, n in counts.items())


def days_to_done(dataset: Dataset) -> DaysToDone:
    """Median days from raised to done, over actions that are done."""
    days = [
        (a.completed - a.raised).days
        for a in dataset.actions
        if a.status is ActionStatus.DONE and a.completed is not None
    ]
    if not days:
        return DaysToDone(None, 0)
    median = Decimal(str(statistics.median(days)))
    return DaysToDone(median.to_integral_value() if median % 1 == 0 else median, len(days))


def time_of_day(dataset: Dataset) -> tuple[TimeOfDay, ...]:
    """Daytime (before 5pm) and evening (5pm or later) panel meetings, held and planned."""
    held = [m for m in panel_meetings(dataset) if is_held(m, dataset)]
    planned = [
        m for m in panel_meetings(dataset) if m.date >= dataset.today and goes_ahead(m.standing())
    ]

    def split(label: str, pool: list[Meeting]) -> TimeOfDay:
        evening = sum(1 for m in pool if m.start >= EVENING_FROM)
        return TimeOfDay(label, len(pool) - evening, evening)

    return split("Held", held), split("Planned", planned)


def events_by_audience(dataset: Dataset) -> tuple[Tally, ...]:
    """Engagement events per audience; an event for several audiences counts once in each."""
    counts = dict.fromkeys(Audience, 0)
    for event in dataset.events:
        for audience in sorted(set(event.audiences), key=list(Audience).index):
            counts[audience] += 1
    return tuple(Tally(a.value, AUDIENCE_LABELS[a], n) for a, n in counts.items())
