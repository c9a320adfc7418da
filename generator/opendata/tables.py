"""The open-data tables: their rows, and their columns described once for files, schema and page.

Nothing personal is exported: no officer names or contacts, no attendee details, and no
joining links, passcodes or dial-in numbers (each meeting's page shows how to join).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from generator.load import counts
from generator.load.dataset import Dataset
from generator.metrics import derive
from generator.models import Meeting
from generator.opendata.columns import (
    ACTION_COLUMNS,
    EVENT_COLUMNS,
    MEETING_COLUMNS,
    METRIC_COLUMNS,
    NOT_REPORTED,
    OUTCOME_COLUMNS,
    PARTNER_COLUMNS,
    REPORTED,
    TOPIC_COLUMNS,
    Column,
    with_remits,
    worded,
)
from generator.render import urls
from generator.render.outputs import SiteConfig
from generator.vocabulary import Audience

Cell = str | int | Decimal | date | bool | None
"""One value in a table; None is an empty cell."""


@dataclass(frozen=True)
class Table:
    """One downloadable table."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    primary_key: tuple[str, ...] = ()
    references: tuple[tuple[str, str, str], ...] = ()
    """Foreign keys as (column, other table, other column)."""


def _meeting_rows(dataset: Dataset, config: SiteConfig) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    for m in sorted(dataset.meetings, key=lambda m: m.id):
        its_panel = dataset.panel_by_id.get(m.panel) if m.panel else None
        venue = dataset.venue_by_id.get(m.venue) if m.venue else None
        counted = m.record.attendance if m.record is not None else None
        rows.append(
            (
                m.id,
                m.kind.value,
                m.panel,
                its_panel.name if its_panel else None,
                m.title,
                m.date,
                f"{m.start:%H:%M}",
                f"{m.end:%H:%M}" if m.end else None,
                m.format.value,
                m.venue,
                venue.name if venue else None,
                m.status.value,
                m.status_reason,
                config.revision(m).sequence,
                counts.is_held(m, dataset),
                counted.in_person if counted else None,
                counted.online if counted else None,
                len(m.record.topics) if m.record else 0,
                len(dataset.actions_by_meeting.get(m.id, ())),
                config.url(urls.meeting(m.id)),
                m.end_date(),
                m.date_confirmed(),
                _present_count(m),
            )
        )
    return tuple(rows)


def _present_count(m: Meeting) -> int | None:
    present = m.record.partners_present if m.record is not None else None
    return None if present is None else len(present)


def _partner_rows(dataset: Dataset) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    for m in sorted(dataset.meetings, key=lambda m: m.id):
        present = m.record.partners_present if m.record is not None else None
        for partner, departments in dataset.publisher.present(present or ()):
            if partner.id in (present or ()):
                rows.append((m.id, partner.id, partner.name, None, None))
            rows.extend((m.id, partner.id, partner.name, d.id, d.name) for d in departments)
    return tuple(rows)


def _outcome_rows(dataset: Dataset) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (e.id, o.name, o.count, o.unit)
        for e in sorted(dataset.events, key=lambda e: e.id)
        for o in e.outcomes
    )


def _topic_rows(dataset: Dataset) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (m.id, t.topic, t.remit, t.partner)
        for m in sorted(dataset.meetings, key=lambda m: m.id)
        if m.record is not None
        for t in m.record.topics
    )


def _action_rows(dataset: Dataset, config: SiteConfig) -> tuple[tuple[Cell, ...], ...]:
    rows = []
    for a in sorted(dataset.actions, key=lambda a: a.id):
        days = (a.completed - a.raised).days if a.completed is not None else None
        rows.append(
            (
                a.id,
                a.meeting,
                a.said,
                a.did,
                a.remit,
                a.owner,
                a.status.value,
                a.status_reason,
                a.raised,
                a.completed,
                days,
                max((u.date for u in a.updates), default=None),
                config.url(urls.action(dataset.meeting_by_id[a.meeting].panel, a.id)),
            )
        )
    return tuple(rows)


def _event_rows(dataset: Dataset) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (
            e.id,
            e.title,
            e.date,
            e.month,
            e.from_,
            e.to,
            e.when_note,
            *(a in e.audiences for a in Audience),
            e.audience_note,
        )
        for e in sorted(dataset.events, key=lambda e: e.id)
    )


def _metric_rows(dataset: Dataset) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    for metric in sorted(dataset.metrics, key=lambda m: m.id):
        head = (metric.id, metric.wording, metric.unit)
        for row in derive.metric_series(metric, dataset).rows:
            if not row.reported:
                rows.append((*head, row.quarter, NOT_REPORTED, None, None, None, None))
            elif not row.breakdown:
                rows.append((*head, row.quarter, REPORTED, row.value, None, None, row.note))
            for dim in row.breakdown:
                rows.extend(
                    (
                        *head,
                        row.quarter,
                        REPORTED,
                        share.value,
                        dim.dimension,
                        share.category,
                        row.note,
                    )
                    for share in dim.shares
                )
    return tuple(rows)


def tables(dataset: Dataset, config: SiteConfig) -> tuple[Table, ...]:
    """Every open-data table, in the order the data page lists them."""
    to_meetings = (("meeting", "meetings", "id"),)
    words = dataset.publisher.wording
    return (
        Table(
            "meetings",
            "Meetings",
            f"Every {words.panel} and business meeting, past and future.",
            worded(MEETING_COLUMNS, words),
            _meeting_rows(dataset, config),
            ("id",),
        ),
        Table(
            "meeting_partners",
            "Partners present at meetings",
            "Which partners (and which of their departments) came to each meeting, besides the "
            "force, where the meeting's record says so.",
            PARTNER_COLUMNS,
            _partner_rows(dataset),
            (),
            to_meetings,
        ),
        Table(
            "topics",
            "Topics raised",
            "Topics residents raised at meetings, with whose remit they are.",
            with_remits(TOPIC_COLUMNS, dataset.publisher.remits),
            _topic_rows(dataset),
            (),
            to_meetings,
        ),
        Table(
            "actions",
            words.log_phrase("'", start=True) + " actions",
            "What residents raised at meetings and what was done about it.",
            with_remits(worded(ACTION_COLUMNS, words), dataset.publisher.remits),
            _action_rows(dataset, config),
            ("id",),
            to_meetings,
        ),
        Table(
            "engagement",
            "Engagement events",
            "Police-led engagement events, with one true/false column per audience.",
            EVENT_COLUMNS,
            _event_rows(dataset),
            ("id",),
        ),
        Table(
            "engagement_outcomes",
            "Engagement outcomes",
            "What each engagement event achieved, counted (for example phones marked or people "
            "reached), where it was counted.",
            OUTCOME_COLUMNS,
            _outcome_rows(dataset),
            (),
            (("event", "engagement", "id"),),
        ),
        Table(
            "metrics",
            "Reported measures a to j",
            "One row per measure and quarter (one per category for breakdowns), from the first "
            "quarter reported to the last ended quarter.",
            METRIC_COLUMNS,
            _metric_rows(dataset),
        ),
    )
