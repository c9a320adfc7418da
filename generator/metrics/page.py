"""The metrics page: every reported metric a to j by quarter, and figures derived from data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup

from generator import quarters, timefmt
from generator.load.counts import counted_label
from generator.load.dataset import Dataset
from generator.metrics import derive
from generator.metrics.charts import Bar, bar_chart, number
from generator.models.publisher import capital
from generator.render import templating, urls
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import href
from generator.vocabulary import DerivedCount, MetricKind

NOT_RECORDED = "not recorded"
"""What a count from the data reads where the data records nothing (never a zero)."""

TITLE = "Figures: meetings and engagement"


@dataclass(frozen=True)
class Shown:
    """A chart with the sentence that sums it up."""

    summary: str
    chart: Markup


def _plural(count: Decimal | int, unit: str) -> str:
    return f"{number(count)} {unit}"


def _series_bars(series: derive.MetricSeries) -> list[Bar]:
    if series.metric.kind is not MetricKind.BREAKDOWN:
        return [Bar(timefmt.quarter(row.quarter), row.value) for row in series.rows]
    latest = [row for row in series.rows if row.reported][-1:]
    if not latest:
        return [Bar(timefmt.quarter(row.quarter), None) for row in series.rows]
    return [
        Bar(f"{dim.dimension}: {share.category}", share.value)
        for dim in latest[0].breakdown
        for share in dim.shares
    ]


def series_summary(series: derive.MetricSeries) -> str:
    """One sentence on what is reported, e.g. 'Reported for 1 of 4 quarters. Latest: …'."""
    rows, unit = series.rows, series.metric.unit
    if not rows:
        return (
            f"Reporting starts with {timefmt.quarter(series.metric.first_quarter)}, "
            "which has not ended yet."
        )
    reported = [row for row in rows if row.reported]
    if not reported:
        count = "the quarter" if len(rows) == 1 else f"any of the {len(rows)} quarters"
        return f"Not yet reported for {count} from {timefmt.quarter(rows[0].quarter)} onwards."
    latest = reported[-1]
    latest_quarter = timefmt.quarter(latest.quarter)
    said = f"Reported for {len(reported)} of {len(rows)} quarters. Latest, {latest_quarter}: "
    if latest.value is not None:
        return said + _plural(latest.value, unit) + "."
    parts = [
        f"{share.category} {number(share.value)}"
        for dim in latest.breakdown
        for share in dim.shares
    ]
    return said + ", ".join(parts) + f" ({unit})."


def _tally_summary(tallies: Sequence[derive.Tally], unit: str) -> str:
    total = sum(t.count for t in tallies)
    if total == 0:
        return f"No {unit} recorded yet."
    parts = [f"{t.label} {t.count}" for t in tallies]
    return f"{total} {unit} in all: " + ", ".join(parts) + "."


def _tally_chart(chart_id: str, title: str, tallies: Sequence[derive.Tally], unit: str) -> Shown:
    summary = _tally_summary(tallies, unit)
    if not any(t.count for t in tallies):
        return Shown(summary, Markup(""))
    return Shown(
        summary, bar_chart(chart_id, title, summary, [Bar(t.label, t.count) for t in tallies])
    )


def _comparison_chart(
    chart_id: str, title: str, rows: Sequence[derive.Comparison], unit: str
) -> Shown:
    if not rows:
        return Shown(f"No quarter with {unit} has ended yet.", Markup(""))
    total = sum(row.derived or 0 for row in rows)
    differs = sum(1 for row in rows if row.differs)
    summary = (
        f"{total} {unit} in the {len(rows)} quarters from "
        f"{timefmt.quarter(rows[0].quarter)} onwards."
    )
    if differs:
        summary += f" The reported figure differs from the meetings data in {differs} quarter(s)."
    bars = [Bar(timefmt.quarter(row.quarter), row.derived) for row in rows]
    chart = bar_chart(chart_id, title, summary, bars, missing=NOT_RECORDED)
    return Shown(summary, chart if total else Markup(""))


def _audience_chart(dataset: Dataset) -> Shown:
    tallies = derive.events_by_audience(dataset)
    if not dataset.events:
        summary = "No engagement events listed yet."
    else:
        parts = [f"{t.label.lower()} {t.count}" for t in tallies]
        summary = f"{len(dataset.events)} events listed. Events for " + ", ".join(parts) + "."
    bars = [Bar(t.label, t.count) for t in tallies]
    if not dataset.events:
        return Shown(summary, Markup(""))
    return Shown(
        summary, bar_chart("chart-audience", "Engagement events, by audience", summary, bars)
    )


def share(part: int, whole: int) -> str:
    """A percentage for people: '67%'; a dash when there is nothing to share out."""
    if whole == 0:
        return "\N{EN DASH}"
    return f"{(Decimal(100 * part) / whole).quantize(Decimal(1), ROUND_HALF_UP)}%"


def metric_sections(dataset: Dataset) -> list[dict[str, object]]:
    """Each metric's series, summary and chart, in the order of metrics.yaml."""
    sections = []
    for metric in dataset.metrics:
        series = derive.metric_series(metric, dataset)
        summary = series_summary(series)
        chart = (
            bar_chart(
                f"chart-metric-{metric.id}",
                f"{metric.id}. {metric.wording}",
                summary,
                _series_bars(series),
            )
            if series.reported
            else Markup("")
        )
        sections.append(
            {
                "series": series,
                "metric": metric,
                "summary": summary,
                "chart": chart,
                "breakdown": metric.kind is MetricKind.BREAKDOWN,
            }
        )
    return sections


def render_page(dataset: Dataset) -> str:
    """The body of the metrics page (HTML inside Markdown, every value escaped)."""
    held = derive.held_per_quarter(dataset)
    logs = derive.logs_per_quarter(dataset)
    words = dataset.publisher.wording
    return templating.render(
        "metrics/page.html",
        publisher=dataset.publisher,
        metrics=metric_sections(dataset),
        notes=dataset.metrics_notes,
        last_ended=timefmt.quarter(quarters.last_ended(dataset.today)),
        held=held,
        held_chart=_comparison_chart(
            "chart-held",
            f"{capital(words.panel)} meetings held, by quarter",
            held,
            counted_label(DerivedCount.MEETINGS_HELD, words),
        ),
        logs=logs,
        logs_chart=_comparison_chart(
            "chart-logs",
            words.log_phrase("'", start=True) + " logs, by quarter",
            logs,
            counted_label(DerivedCount.LOGS, words),
        ),
        meetings=derive.per_meeting(dataset),
        panels=derive.attendance_by_panel(dataset),
        partners=derive.partners_present(dataset),
        remits=derive.topics_by_remit(dataset),
        statuses=derive.actions_by_status(dataset),
        remit_chart=_tally_chart(
            "chart-remit", "Topics raised, by remit", derive.topics_by_remit(dataset), "topics"
        ),
        status_chart=_tally_chart(
            "chart-status",
            words.log_phrase("'", start=True) + " actions, by status",
            derive.actions_by_status(dataset),
            "actions",
        ),
        audiences=derive.events_by_audience(dataset),
        events=len(dataset.events),
        audience_chart=_audience_chart(dataset),
        done=derive.days_to_done(dataset),
        times=derive.time_of_day(dataset),
        evening=timefmt.clock(derive.EVENING_FROM),
        share=share,
        number=number,
        link=lambda there: href(urls.METRICS, there),
        urls=urls,
        meeting_label=lambda figures: f"{figures.panel_name}: {timefmt.day(figures.meeting.date)}",
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterable[Output]:
    """The metrics page at :data:`generator.render.urls.METRICS`."""
    body = render_page(dataset)
    yield Output(
        path=urls.page_source(urls.METRICS),
        content=body.encode("utf-8"),
        kind=Kind.PAGE,
        title=TITLE,
    )
