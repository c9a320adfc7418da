"""Advisories about data that is valid but probably not what staff meant.

Most are warnings: reported on every pull request, never stopping a build. Personal data
in public text is the exception: it blocks until it is removed or marked as reviewed.
``dataset.load`` stays pure; ``check`` and ``build`` add :func:`blocking` after it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from generator import quarters, timefmt
from generator.load import readability
from generator.load.counts import counted, counted_label, per_quarter
from generator.load.dataset import Dataset
from generator.load.errors import Loc, Problem
from generator.load.meeting_rules import JOIN_LINK_DAYS
from generator.load.personal_problems import personal_problems
from generator.models import Meeting
from generator.vocabulary import DerivedCount, MeetingFormat, goes_ahead, still_open

RECORD_DAYS = 14
"""A held meeting should have its attendance and topics recorded within this many days."""
STALE_DAYS = 90
"""An open action should have a progress update at least this often."""


@dataclass(frozen=True, order=True)
class Advisory:
    """A problem and whether it stops publishing."""

    problem: Problem
    blocking: bool = False


NAMED = 3
"""How many other meetings a same-day warning names before it counts the rest."""


def _positions(data: Dataset, file: str, key: str) -> dict[str, int]:
    """Each entry's index in its file, by id (the dataset keeps its own order)."""
    loaded = data.sources.get(file)
    entries = (
        loaded.value.get(key, []) if loaded is not None and isinstance(loaded.value, dict) else []
    )
    return {
        entry["id"]: i
        for i, entry in enumerate(entries)
        if isinstance(entry, dict) and "id" in entry
    }


def _name(data: Dataset, m: Meeting) -> str:
    return data.meeting_name(m)


def _meetings(data: Dataset) -> Iterator[Advisory]:
    index = _positions(data, "meetings.yaml", "meetings")
    civic: dict[str, list[str]] = defaultdict(list)
    for entry in data.civic_dates:
        civic[entry.date.isoformat()].append(entry.title)
    by_day: dict[str, list[Meeting]] = defaultdict(list)

    def warn(m: Meeting, field: str | None, what: str, fix: str) -> Advisory:
        loc: Loc = ("meetings", index[m.id]) + ((field,) if field else ())
        return Advisory(data.sources["meetings.yaml"].problem(loc, what, fix))

    for m in data.meetings:
        if m.panel and not m.id.startswith(f"{m.panel}-"):
            yield warn(
                m,
                "id",
                f"the id `{m.id}` does not start with its panel `{m.panel}`",
                f"check `panel:`; a new meeting's id is `{m.panel}-` and the year and month "
                "(an id already published stays as it is: it is the meeting's address)",
            )
        upcoming = m.date >= data.today and goes_ahead(m.standing())
        no_link = m.online is None or m.online.teams_url is None
        if (
            upcoming
            and m.format is not MeetingFormat.IN_PERSON
            and no_link
            and m.date > data.today + timedelta(days=JOIN_LINK_DAYS)
        ):
            yield warn(
                m,
                "online" if m.online else "format",
                f"the {m.format.value} meeting on {timefmt.day(m.date)} has no joining link yet",
                "add `online:` with `teams_url:` from the Teams invitation "
                f"(from {JOIN_LINK_DAYS} days before the meeting this stops publishing)",
            )
        if upcoming:
            others = by_day[m.date.isoformat()]
            if others:
                # At most NAMED others per warning: a day with many meetings stays linear.
                names = "; ".join(
                    f"{_name(data, o)} at {timefmt.clock(o.start)}" for o in others[:NAMED]
                )
                if len(others) > NAMED:
                    names += f" and {len(others) - NAMED:,} more"
                yield warn(
                    m,
                    "date",
                    f"another meeting is on {timefmt.day(m.date)}: {names}",
                    "people who follow both cannot attend both: choose another day if you can",
                )
            others.append(m)
            for title in civic.get(m.date.isoformat(), []):
                yield warn(
                    m,
                    "date",
                    f"{timefmt.day(m.date)} is also {title} (data/civic-dates.yaml)",
                    "people who attend both cannot: choose another day if you can",
                )
        days = (data.today - m.date).days
        record = m.record
        missing = [
            part
            for part, empty in (
                ("attendance", record is None or record.attendance is None),
                ("topics", record is None or not record.topics),
            )
            if empty
        ]
        if goes_ahead(m.standing()) and days > RECORD_DAYS and missing:
            yield warn(
                m,
                "record" if record else None,
                f"the meeting was {days} days ago and has no {' or '.join(missing)} recorded",
                "add `record:` with `attendance:` and `topics:` (see the staff guide)",
            )


def _actions(data: Dataset) -> Iterator[Advisory]:
    index = _positions(data, "actions.yaml", "actions")
    for a in data.actions:
        if not still_open(a.status):
            continue
        last = max([a.raised, *(u.date for u in a.updates)])
        days = (data.today - last).days
        if days > STALE_DAYS:
            what = "raised" if last == a.raised and not a.updates else "last updated"
            yield Advisory(
                data.sources["actions.yaml"].problem(
                    ("actions", index[a.id], "updates" if a.updates else "status"),
                    f"the action is {a.status.value} and was {what} {days} days ago "
                    f"({timefmt.day(last, weekday=False)})",
                    "add a dated entry under `updates:` saying where it stands, or close it",
                )
            )


def _metrics(data: Dataset) -> Iterator[Advisory]:
    index = _positions(data, "metrics.yaml", "metrics")
    last = quarters.start(quarters.last_ended(data.today))
    for what in DerivedCount:
        label = counted_label(what, data.publisher.wording)
        metric = counted(data, what)
        if metric is None:
            continue
        derived = per_quarter(data, what)
        for v_index, value in enumerate(metric.values):
            count = derived.get(value.quarter, 0)
            if value.value is None or quarters.start(value.quarter) > last or value.value == count:
                continue
            yield Advisory(
                data.sources["metrics.yaml"].problem(
                    ("metrics", index[metric.id], "values", v_index, "value"),
                    f"metric {metric.id} for {value.quarter} is entered as {value.value}, "
                    f"but the meetings data counts {count} {label}",
                    "check the figure, or add the missing meetings or entries to the data",
                )
            )


def _texts(entry: dict[str, Any], fields: tuple[str, ...]) -> Iterator[tuple[Loc, str]]:
    """The entry's public text to measure, with where each sits inside the entry."""
    for field in fields:
        if isinstance(entry.get(field), str):
            yield (field,), entry[field]
    updates = entry.get("updates")
    for index, update in enumerate(updates if isinstance(updates, list) else []):
        if isinstance(update, dict) and isinstance(update.get("text"), str):
            yield ("updates", index, "text"), update["text"]


def _readability(data: Dataset) -> Iterator[Advisory]:
    for file, (key, fields) in readability.FIELDS.items():
        loaded = data.sources.get(file)
        value = loaded.value if loaded is not None else None
        entries = value.get(key, []) if isinstance(value, dict) else []
        for index, entry in enumerate(entries):
            if loaded is None or not isinstance(entry, dict):
                continue
            for where, text in _texts(entry, fields):
                for sentence, age in readability.hard_sentences(text):
                    shown = sentence if len(sentence) <= 120 else sentence[:119].rstrip() + "…"
                    yield Advisory(
                        loaded.problem(
                            (key, index, *where),
                            f"“{shown}” has a reading age of about {age}; GOV.UK writes for "
                            f"{readability.TARGET_AGE}",
                            "use shorter sentences and everyday words (this never blocks)",
                        )
                    )


def _personal_data(data: Dataset) -> Iterator[Advisory]:
    for problem in personal_problems(data.sources):
        yield Advisory(problem, blocking=True)


CHECKS: tuple[Callable[[Dataset], Iterator[Advisory]], ...] = (
    _meetings,
    _actions,
    _readability,
    _metrics,
    _personal_data,
)
"""Every advisory check, run in this order."""


def advisories(data: Dataset) -> tuple[Advisory, ...]:
    """Every advisory, blocking first, then by file and position."""
    found = {advisory for check in CHECKS for advisory in check(data)}
    return tuple(sorted(found, key=lambda a: (not a.blocking, a.problem)))


def blocking_only(data: Dataset) -> tuple[Problem, ...]:
    """What :func:`blocking` finds, without working out the warnings (a preview's rebuild)."""
    return tuple(sorted({advisory.problem for advisory in _personal_data(data)}))


def blocking(data: Dataset) -> tuple[Problem, ...]:
    """The advisories that stop publishing."""
    return tuple(a.problem for a in advisories(data) if a.blocking)


def report(data: Dataset) -> tuple[list[str], int]:
    """The lines ``python -m generator warnings`` prints, and its exit status."""
    found = advisories(data)
    stop = [str(a.problem) for a in found if a.blocking]
    rest = [str(a.problem) for a in found if not a.blocking]
    lines: list[str] = []
    if stop:
        lines += ["Blocking (fix these before publishing):", *stop, ""]
    if rest:
        lines += ["Warnings (publishing goes ahead):", *rest, ""]
    lines.append(f"{len(stop)} blocking, {len(rest)} warning(s).")
    return lines, 1 if stop else 0
