"""What a second force needed and could not say: postponed meetings, metrics it counts itself."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from generator.load import advisories
from generator.load import dataset as dataset_module
from generator.load.counts import per_quarter
from generator.render.outputs import SiteConfig
from generator.site import render_all
from generator.vocabulary import DerivedCount

REPO = Path(__file__).resolve().parent.parent
FIXTURE_DATA = REPO / "tests" / "fixtures" / "site" / "data"
CONFIG = SiteConfig(
    site_url="https://panels.example/",
    site_name="Example panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def _outputs(data: Path, today: date) -> dict[str, str]:
    loaded = dataset_module.load(data, today=today, label="data")
    return {o.path: o.content.decode("utf-8") for o in render_all(loaded, CONFIG)}


def _postpone_without_new_date(data: Path) -> None:
    meetings = (data / "meetings.yaml").read_text(encoding="utf-8")
    meetings = meetings.replace(
        "    previous:\n      date: 2025-04-09\n      start: 12:00\n", "", 1
    )
    (data / "meetings.yaml").write_text(meetings, encoding="utf-8")


def test_postponed_with_the_new_date_to_be_confirmed(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _postpone_without_new_date(data)
    out = _outputs(data, date(2025, 3, 10))
    page = out["meetings/hilltop-2025-04/index.md"]
    assert "This meeting has been postponed." in page
    assert "The new date is to be confirmed." in page
    feed = out["calendar/meetings/hilltop-2025-04.ics"].replace("\r\n ", "")
    assert "The new date is to be confirmed: check the meeting page before you travel." in feed
    assert "STATUS:CANCELLED" in feed or "POSTPONED" in feed
    assert ",postponed," in next(
        line for line in out["data/meetings.csv"].splitlines() if line.startswith("hilltop-2025-04")
    )


def test_a_past_postponed_meeting_did_not_take_place(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _postpone_without_new_date(data)
    out = _outputs(data, date(2025, 5, 1))
    page = out["meetings/hilltop-2025-04/index.md"]
    assert "<p>This meeting did not take place.</p>" in page
    assert "record of this meeting" not in page
    assert "The new date is to be confirmed." not in page


def test_counted_metrics_are_named_in_metrics_yaml_not_by_letter(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    metrics = (data / "metrics.yaml").read_text(encoding="utf-8")
    (data / "metrics.yaml").write_text(metrics.replace("  - id: a\n", "  - id: held\n"), "utf-8")
    out = _outputs(data, date(2025, 3, 10))
    page = out["metrics/index.md"]
    assert "chart-held" in page
    loaded = dataset_module.load(data, today=date(2025, 3, 10), label="data")
    assert [m.id for m in loaded.metrics if m.counts is DerivedCount.MEETINGS_HELD] == ["held"]


def test_an_entered_figure_that_differs_is_a_staff_warning(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    today = date(2025, 4, 10)
    derived = per_quarter(
        dataset_module.load(data, today=today, label="data"), DerivedCount.MEETINGS_HELD
    )
    wrong = derived.get("2025-Q1", 0) + 2
    metrics = (data / "metrics.yaml").read_text(encoding="utf-8")
    lines = metrics.splitlines()
    value_line = next(i for i, line in enumerate(lines) if line.strip() == "value: 3")
    lines[value_line] = lines[value_line].replace("value: 3", f"value: {wrong}")
    (data / "metrics.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = dataset_module.load(data, today=today, label="data")
    warnings = [str(a.problem) for a in advisories.advisories(loaded) if not a.blocking]
    column = lines[value_line].index("value:") + 8
    assert (
        f"data/metrics.yaml:{value_line + 1}:{column}: metrics[a], the 1st value, value: metric a "
        f"for 2025-Q1 is entered as {wrong}, but the meetings data counts "
        f"{derived.get('2025-Q1', 0)} cluster panel meetings held — check the figure, or add the "
        "missing meetings or entries to the data"
    ) in warnings
