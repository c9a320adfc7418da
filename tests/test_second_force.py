"""What a second force needed and could not say: postponed meetings, metrics it counts itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fixturedata import fixture_copy, rendered
from positions import all_located

from generator.load import advisories
from generator.load import dataset as dataset_module
from generator.load.counts import per_quarter
from generator.load.errors import DataError
from generator.vocabulary import DerivedCount

REPO = Path(__file__).resolve().parent.parent


def _postpone_without_new_date(data: Path) -> None:
    meetings = (data / "meetings.yaml").read_text(encoding="utf-8")
    meetings = meetings.replace(
        "    previous:\n      date: 2025-04-09\n      start: 12:00\n", "", 1
    )
    (data / "meetings.yaml").write_text(meetings, encoding="utf-8")


def test_postponed_with_the_new_date_to_be_confirmed(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    _postpone_without_new_date(data)
    out = rendered(data, date(2025, 3, 10))
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
    data = fixture_copy(tmp_path)
    _postpone_without_new_date(data)
    out = rendered(data, date(2025, 5, 1))
    page = out["meetings/hilltop-2025-04/index.md"]
    assert "<p>This meeting did not take place.</p>" in page
    assert "record of this meeting" not in page
    assert "The new date is to be confirmed." not in page


def test_counted_metrics_are_named_in_metrics_yaml_not_by_letter(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    metrics = (data / "metrics.yaml").read_text(encoding="utf-8")
    (data / "metrics.yaml").write_text(metrics.replace("  - id: a\n", "  - id: held\n"), "utf-8")
    out = rendered(data, date(2025, 3, 10))
    page = out["metrics/index.md"]
    assert "chart-held" in page
    loaded = dataset_module.load(data, today=date(2025, 3, 10), label="data")
    assert [m.id for m in loaded.metrics if m.counts is DerivedCount.MEETINGS_HELD] == ["held"]


def test_an_entered_figure_that_differs_is_a_staff_warning(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
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
    assert (
        f"data/metrics.yaml at `{wrong}`: metrics[a], the 1st value, value: metric a "
        f"for 2025-Q1 is entered as {wrong}, but the meetings data counts "
        f"{derived.get('2025-Q1', 0)} cluster panel meetings held — check the figure, or add the "
        "missing meetings or entries to the data"
    ) in all_located(warnings, tmp_path)


def _move_place(data: Path, reason: bool = True) -> None:
    meetings = (data / "meetings.yaml").read_text(encoding="utf-8")
    moved = (
        "    venue: quay-hall\n    room: Upper room\n    status: moved\n"
        + ("    status_reason: The library is closed for repairs.\n" if reason else "")
        + "    previous:\n      date: 2025-03-12\n      venue: summit-library\n"
        "    revision: 1\n    revised: 2025-03-01\n"
    )
    anchor = "    venue: quay-hall\n    online:\n      teams_url: https://teams.microsoft.com/l/meetup-join/fixture-riverside-2025-03\n"
    assert anchor in meetings
    meetings = meetings.replace(anchor, moved + anchor.split("\n", 1)[1], 1)
    (data / "meetings.yaml").write_text(meetings, encoding="utf-8")


def test_a_change_of_venue_on_the_same_date_with_its_reason(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    _move_place(data)
    out = rendered(data, date(2025, 3, 10))
    page = out["meetings/riverside-2025-03/index.md"]
    assert "This meeting has moved to Quay Hall, Upper room, on the same date and time." in page
    assert "<p>It was due at Summit Library.</p>" in page
    assert "<p>Reason: The library is closed for repairs.</p>" in page
    assert "previousStartDate" not in page
    feed = out["calendar/meetings/riverside-2025-03.ics"].replace("\r\n ", "")
    assert (
        "MOVED: this meeting has moved to a new place on the same date. The library is closed "
        "for repairs." in feed.replace("\\,", ",")
    )
    row = next(
        line
        for line in out["data/meetings.csv"].splitlines()
        if line.startswith("riverside-2025-03,")
    )
    assert ",moved,The library is closed for repairs.,1," in row


def test_a_change_of_place_needs_its_reason(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    _move_place(data, reason=False)
    try:
        dataset_module.load(data, today=date(2025, 3, 10), label="data")
    except DataError as error:
        messages = [str(p) for p in error.problems]
    else:
        raise AssertionError("a change of place without a reason was accepted")
    assert any(
        "a change of venue or room needs the reason residents will see — add `status_reason:` "
        "in a sentence, e.g. The hall is closed for repairs." in m
        for m in messages
    ), messages
