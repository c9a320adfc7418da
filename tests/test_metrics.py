"""Derived figures, the metrics page and the panel summary, on the fictional fixture."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import markdown
import pytest
from metricsfixture import golden, load

from generator import quarters
from generator.load import dataset as dataset_module
from generator.metrics import derive, panel_summary_html
from generator.metrics.page import render_page, series_summary

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data() -> dataset_module.Dataset:
    return load()


def test_quarters() -> None:
    assert quarters.of(date(2024, 11, 6)) == "2024-Q4"
    assert quarters.last_ended(date(2025, 1, 1)) == "2024-Q4"
    assert quarters.span("2024-Q3", "2025-Q1") == ("2024-Q3", "2024-Q4", "2025-Q1")
    assert quarters.span("2025-Q3", "2025-Q2") == ()


def test_held_per_quarter_counts_only_panel_meetings_that_went_ahead(
    data: dataset_module.Dataset,
) -> None:
    rows = [(c.quarter, c.derived, c.entered) for c in derive.held_per_quarter(data)]
    # 2025-Q1's only meeting was cancelled; the 2025-Q2 business meeting is not a panel meeting.
    assert rows == [("2024-Q4", 2, None), ("2025-Q1", 0, Decimal(1)), ("2025-Q2", 1, Decimal(1))]


def test_logs_per_quarter(data: dataset_module.Dataset) -> None:
    rows = [(c.quarter, c.derived, c.entered) for c in derive.logs_per_quarter(data)]
    assert rows == [("2024-Q4", 3, None), ("2025-Q1", 0, None), ("2025-Q2", 1, Decimal(1))]


def test_mismatches_are_data_for_the_warnings(data: dataset_module.Dataset) -> None:
    found = derive.mismatches(data)
    assert [(m.metric, m.quarter, m.entered, m.derived) for m in found] == [
        ("a", "2025-Q1", Decimal(1), 0)
    ]
    assert found[0].message() == (
        "metric a for 2025-Q1 is 1, but the meetings data shows 0 cluster panel meetings held"
    )


def test_metric_series_from_first_quarter_to_last_ended(data: dataset_module.Dataset) -> None:
    series = {m.id: derive.metric_series(m, data) for m in data.metrics}
    # An empty quarter, then a quarter with only an entered value.
    assert [(r.quarter, r.reported, r.value) for r in series["b"].rows] == [
        ("2025-Q1", False, None),
        ("2025-Q2", True, Decimal(4)),
    ]
    assert series["f"].rows == ()  # starts in 2025-Q3, which has not ended
    assert [(r.quarter, r.reported) for r in series["g"].rows] == [
        ("2025-Q1", True),
        ("2025-Q2", False),
    ]
    assert (
        series_summary(series["b"])
        == "Reported for 1 of 2 quarters. Latest, April to June 2025: 4 engagements."
    )
    assert series_summary(series["g"]) == (
        "Reported for 1 of 2 quarters. Latest, January to March 2025: "
        "Female 52, Male 48 (respondents)."
    )
    assert (
        series_summary(series["f"])
        == "Reporting starts with July to September 2025, which has not ended yet."
    )


def test_attendance_topics_actions(data: dataset_module.Dataset) -> None:
    panels = [
        (p.panel_id, p.held, p.with_figures, p.total, p.average)
        for p in derive.attendance_by_panel(data)
    ]
    assert panels == [("alpha", 1, 1, 12, Decimal("12.0")), ("beta", 2, 1, 5, Decimal("5.0"))]
    meetings = [(f.meeting.id, f.attendance, f.logs) for f in derive.per_meeting(data)]
    assert meetings == [("alpha-2024-12", 12, 2), ("beta-2024-12", 5, 1), ("beta-2025-05", None, 1)]
    assert [(t.key, t.count) for t in derive.topics_by_remit(data)] == [
        ("northvale-police", 2),
        ("northvale-council", 1),
        ("british-transport-police", 0),
        ("other-partner", 1),
    ]
    # One action still open, one in progress, two done (after 14 and 30 days).
    assert [(t.key, t.count) for t in derive.actions_by_status(data)] == [
        ("open", 1),
        ("in-progress", 1),
        ("done", 2),
        ("not-taken-forward", 0),
    ]
    assert derive.days_to_done(data) == derive.DaysToDone(Decimal(22), 2)
    assert [(t.key, t.count) for t in derive.actions_by_status(data, "alpha")] == [
        ("open", 1),
        ("in-progress", 0),
        ("done", 1),
        ("not-taken-forward", 0),
    ]


def test_time_of_day_and_audiences(data: dataset_module.Dataset) -> None:
    # 13:00 and 12:30 are daytime; 18:00 (held) and 19:00 (planned) are evening; 17:00 was cancelled.
    assert derive.time_of_day(data) == (
        derive.TimeOfDay("Held", 2, 1),
        derive.TimeOfDay("Planned", 0, 1),
    )
    assert [(t.key, t.count) for t in derive.events_by_audience(data)] == [
        ("residents", 2),
        ("workers", 1),
        ("visitors", 1),
        ("other", 1),
    ]


def test_page_golden(data: dataset_module.Dataset) -> None:
    golden("page.html", render_page(data))


def test_page_says_not_yet_reported_never_zero(data: dataset_module.Dataset) -> None:
    body = render_page(data)
    assert "<td><em>not yet reported</em></td>" in body
    assert "<strong>(differs from the meetings list)</strong>" in body
    assert "Attendance is monitored, not a target." in body
    assert "starts at 5pm or later" in body


def test_page_survives_markdown(data: dataset_module.Dataset) -> None:
    body = render_page(data)
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "toc"])
    assert html.count("<svg") == body.count("<svg") > 0
    assert html.count("<tr>") == body.count("<tr>")


def test_panel_summary(data: dataset_module.Dataset) -> None:
    html = str(panel_summary_html(data, "beta"))
    assert "<p>Meetings held: <strong>2</strong>.</p>" in html
    assert (
        '<a href="../../meetings/beta-2024-12/">Tuesday 10 December 2024</a></th><td>5</td><td>not recorded</td><td>5</td>'
        in html
    )
    assert '<tr><th scope="row">Another partner</th><td>1</td></tr>' in html
    assert '<a href="../../metrics/">' in html


def test_shipped_data_page_builds() -> None:
    shipped = dataset_module.load(
        REPO / "tests" / "fixtures" / "city" / "data", today=date(2026, 11, 24)
    )
    body = render_page(shipped)
    assert body.count("not yet reported") >= 10
    assert derive.mismatches(shipped) == ()


def test_quarters_the_data_says_nothing_about_read_not_recorded(tmp_path: Path) -> None:
    """Before the first published meeting the counts are unknown, not zero (issue 23)."""
    import shutil

    from metricsfixture import FIXTURE, TODAY

    folder = tmp_path / "metrics"
    shutil.copytree(FIXTURE, folder)
    metrics = folder / "metrics.yaml"
    text = metrics.read_text(encoding="utf-8")
    metrics.write_text(text.replace("first_quarter: 2025-Q1", "first_quarter: 2024-Q2"), "utf-8")
    data = dataset_module.load(folder, today=TODAY, label="metrics")
    held = [(c.quarter, c.derived) for c in derive.held_per_quarter(data)]
    assert held == [
        ("2024-Q2", None),
        ("2024-Q3", None),
        ("2024-Q4", 2),
        ("2025-Q1", 0),
        ("2025-Q2", 1),
    ]
    assert [c.derived for c in derive.logs_per_quarter(data)][:3] == [None, None, 3]
    body = render_page(data)
    assert '<tr><th scope="row">April to June 2024</th><td><em>not recorded</em></td>' in body, (
        "a quarter before the meetings list reads 0"
    )


def test_a_meeting_with_no_record_and_no_log_entry_reads_not_recorded(tmp_path: Path) -> None:
    import shutil

    from metricsfixture import FIXTURE, TODAY

    folder = tmp_path / "metrics"
    shutil.copytree(FIXTURE, folder)
    actions = folder / "actions.yaml"
    kept = [
        block
        for block in actions.read_text(encoding="utf-8").split("\n  - ")
        if "meeting: beta-2025-05" not in block
    ]
    actions.write_text("\n  - ".join(kept), encoding="utf-8")
    data = dataset_module.load(folder, today=TODAY, label="metrics")
    logs = {r.meeting.id: r.logs for r in derive.per_meeting(data)}
    assert logs == {"alpha-2024-12": 2, "beta-2024-12": 1, "beta-2025-05": None}
    assert [(c.quarter, c.derived) for c in derive.logs_per_quarter(data)][-1] == ("2025-Q2", None)
    assert "<td>not recorded</td></tr>" in render_page(data)
