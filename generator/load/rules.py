"""Rules that span fields or files: the checks a schema alone cannot make.

Meeting rules live in :mod:`generator.load.meeting_rules`, action rules in
:mod:`generator.load.action_rules`; this module holds the :class:`Checker` they share and
the rules for engagement and metrics.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from generator import quarters
from generator.load.errors import Loc, Problem
from generator.load.located import Loaded
from generator.models import (
    EngagementEvent,
    Metric,
    Panel,
    cross_field,
    references,
)
from generator.models.metrics import MetricValue
from generator.models.publisher import Publisher
from generator.vocabulary import BUSINESS_LOG_ID, MetricKind

NOT_NEGATIVE = frozenset({MetricKind.COUNT, MetricKind.HOURS})
"""Metric kinds whose figures cannot be below zero."""


class Checker:
    """Collects problems against the files they belong to."""

    def __init__(
        self, sources: dict[str, Loaded], today: date, publisher: Publisher | None = None
    ) -> None:
        self.sources = sources
        self.today = today
        self.publisher = publisher
        """The configured partners, when publisher.yaml validated (else remits go unchecked)."""
        self.problems: list[Problem] = []

    def at(self, source: str, loc: Loc, what: str, fix: str) -> None:
        """Record a problem at ``loc`` in the data file named ``source``."""
        self.problems.append(self.sources[source].problem(loc, what, fix))

    def remit(self, at: Any, field: str, remit: str, named: str | None, name_field: str) -> None:
        """``remit`` is a configured partner; the catch-all one needs ``name_field`` filled in."""
        if self.publisher is None:
            return
        partner = self.publisher.partner(remit)
        if partner is None:
            attends = any(p.id == remit and p.attends_only for p in self.publisher.partners)
            if attends:
                at(
                    field,
                    f"`{remit}` is marked `attends_only: true` in publisher.yaml, so nothing is "
                    "its responsibility",
                    f"use one of: {', '.join(self.publisher.remits)}; or remove `attends_only:` "
                    "from that partner",
                )
            else:
                at(field, *references.PARTNER.words(remit, self.publisher.remits))
        elif partner.named_partner and named is None:
            at(
                field,
                "the partner that owns this is not named"
                if name_field == "owner"
                else "the topic's partner is not named",
                f"add `{name_field}:` with the partner's name",
            )
        elif not partner.named_partner and named is not None and name_field == "partner":
            # The page would show the partner's name twice: once from the remit, once typed.
            at(
                field.removesuffix("remit") + name_field,
                f"`{remit}` already names {partner.name}; `partner:` is only for the catch-all "
                "partner",
                f"remove the line `partner: {named}`",
            )

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


def check_panels(c: Checker, panels: Sequence[Panel]) -> None:
    """Rules for data/clusters.yaml: unique ids, none taken by a fixed address."""
    c.unique("clusters.yaml", "clusters", panels)
    for index, panel in enumerate(panels):
        if panel.id == BUSINESS_LOG_ID:
            c.at(
                "clusters.yaml",
                ("clusters", index, "id"),
                cross_field.RESERVED_PANEL_ID.what,
                cross_field.RESERVED_PANEL_ID.fix,
            )
        seen: set[str] = set()
        for a_index, area in enumerate(panel.areas):
            where = ("clusters", index, "areas", a_index, "ward")
            if area.ward not in panel.wards:
                c.at(
                    "clusters.yaml",
                    where,
                    f"`{area.ward}` is not one of this panel's wards",
                    "write the ward exactly as in the panel's `wards` list, or add it there",
                )
            elif area.ward in seen:
                c.at(
                    "clusters.yaml",
                    where,
                    f"the ward `{area.ward}` has two lists of postcodes and streets",
                    "merge them into one entry",
                )
            seen.add(area.ward)


def _names_day(note: str, day: date) -> bool:
    """Whether ``note`` reads as ``day``: its day number and its month's name (or short name)."""
    words = re.findall(r"[a-z]+|\d+", note.lower())
    return str(day.day) in words and any(
        w in (f"{day:%B}".lower(), f"{day:%b}".lower()) for w in words
    )


def check_engagement(c: Checker, events: Sequence[EngagementEvent]) -> None:
    """Rules for data/engagement.yaml."""
    c.unique("engagement.yaml", "events", events)
    for index, e in enumerate(events):

        def at(field: str, what: str, fix: str, *, _i: int = index) -> None:
            c.at("engagement.yaml", ("events", _i, *field.split(".")), what, fix)

        named = [o.name.casefold() for o in e.outcomes]
        for o_index, outcome in enumerate(e.outcomes):
            if outcome.name.casefold() in named[:o_index]:
                c.at(
                    "engagement.yaml",
                    ("events", index, "outcomes", o_index, "name"),
                    f"the outcome “{outcome.name}” is given twice",
                    "give each count once, or name the two counts differently",
                )

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
        if e.when_note is not None and e.date is not None and not _names_day(e.when_note, e.date):
            at(
                "when_note",
                f"`when_note:` replaces the date on the page, and “{e.when_note}” does not give "
                f"{e.date.day} {e.date:%B}",
                "remove `when_note:` (the page then shows the date), or write in it how the "
                "source gives this same day; counts of what the event achieved go under "
                "`outcomes:` (each with `name:`, `count:` and `unit:`)",
            )
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
    counted: dict[str, str] = {}
    for index, metric in enumerate(metrics):
        if metric.counts is not None and metric.counts in counted:
            c.at(
                "metrics.yaml",
                ("metrics", index, "counts"),
                f"metric {counted[metric.counts]} already counts {metric.counts.value}",
                "keep `counts:` on one metric only",
            )
        elif metric.counts is not None:
            counted[metric.counts] = metric.id
    for index, metric in enumerate(metrics):
        seen: set[str] = set()
        for v_index, value in enumerate(metric.values):

            def at(field: str, what: str, fix: str, *, _i: int = index, _v: int = v_index) -> None:
                c.at("metrics.yaml", ("metrics", _i, "values", _v, field), what, fix)

            if value.quarter in seen:
                at("quarter", f"{value.quarter} is reported twice", "keep one entry per quarter")
            seen.add(value.quarter)
            if quarters.start(value.quarter) < quarters.start(metric.first_quarter):
                at(
                    "quarter",
                    f"{value.quarter} is before the first reported quarter {metric.first_quarter}",
                    "check the quarter",
                )
            if quarters.start(value.quarter) > c.today:
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
            _not_negative(c, metric, (index, v_index), value)


def _not_negative(c: Checker, metric: Metric, at: tuple[int, int], value: MetricValue) -> None:
    """Counts, hours and the shares of a breakdown are never below zero (a score may be)."""
    loc = ("metrics", at[0], "values", at[1])
    unit = f"a number of {metric.unit}"
    if metric.kind in NOT_NEGATIVE and value.value is not None and value.value < 0:
        c.at("metrics.yaml", (*loc, "value"), f"{unit} cannot be negative", "check the figure")
    for d_index, dimension in enumerate(value.breakdown):
        for s_index, share in enumerate(dimension.shares):
            if share.value < 0:
                c.at(
                    "metrics.yaml",
                    (*loc, "breakdown", d_index, "shares", s_index, "value"),
                    "a share of a breakdown cannot be negative",
                    "check the figure",
                )


def problems(c: Checker) -> Iterator[Problem]:
    """The problems collected so far."""
    yield from c.problems
