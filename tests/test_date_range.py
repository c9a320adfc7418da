"""Dates, months and quarters from 2000 to 2099: what `check` passes, every output can build."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from extremes import EPOCHS, FIXTURE_DATA, extreme_data
from fixturedata import problems_located
from positions import all_located
from sitebuild import mkdocs_build

from generator.clock import BadEpoch, build_date, build_time
from generator.load.errors import DataError
from generator.load.publish import load_publishable
from generator.render.outputs import SiteConfig
from generator.site import render_all

TODAY = date(2025, 3, 10)


def problems(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    return problems_located(tmp_path, file, old, new, TODAY)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "meetings.yaml",
            "date: 2024-11-06",
            "date: 0024-11-06",
            "data/meetings.yaml at `0024-11-06`: meetings[riverside-2024-11].date: `0024-11-06` is not a "
            "date from 2000 to 2099 — check the year: write it like 2024-11-06",
        ),
        (
            "meetings.yaml",
            "date: 2024-11-06",
            "date: 0001-01-01",
            "data/meetings.yaml at `0001-01-01`: meetings[riverside-2024-11].date: `0001-01-01` is not a "
            "date from 2000 to 2099 — check the year: write it like 2024-11-06",
        ),
        (
            "meetings.yaml",
            "date: 2024-11-06",
            "date: 9999-12-31",
            "data/meetings.yaml at `9999-12-31`: meetings[riverside-2024-11].date: `9999-12-31` is not a "
            "date from 2000 to 2099 — check the year: write it like 2024-11-06",
        ),
        (
            "metrics.yaml",
            "    first_quarter: 2025-Q1\n",
            "    first_quarter: 0000-Q1\n",
            "data/metrics.yaml at `0000-Q1`: metrics[a].first_quarter: `0000-Q1` is not a quarter "
            "from 2000 to 2099 — check the year: write it like 2025-Q1",
        ),
        (
            "engagement.yaml",
            "month: 2024-10",
            "month: 0000-09",
            "data/engagement.yaml at `0000-09`: events[2024-10-safety-month].month: `0000-09` is not a "
            "month from 2000 to 2099 — check the year: write it like 2024-10",
        ),
        (
            "actions.yaml",
            "completed: 2024-12-18",
            "completed: 2100-01-01",
            "data/actions.yaml at `2100-01-01`: actions[riverside-2024-11-cycling].completed: `2100-01-01` "
            "is not a date from 2000 to 2099 — check the year: write it like 2024-11-06",
        ),
    ],
    ids=["year-24", "year-1", "year-9999", "quarter-0", "month-0", "year-2100"],
)
def test_dates_outside_2000_to_2099_are_refused_by_check(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    assert expected in problems(tmp_path, file, old, new)


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
@pytest.mark.parametrize("end", ["first", "last"])
def test_every_output_builds_at_each_end_of_the_range(tmp_path: Path, end: str) -> None:
    """Every date, month and quarter field at 2000 or 2099: render_all, then a strict MkDocs build."""
    data = extreme_data(end, tmp_path / "data")
    environ = {"SOURCE_DATE_EPOCH": EPOCHS[end]}
    loaded = load_publishable(data, today=build_date(environ), label="data")
    outputs = render_all(loaded, SiteConfig("https://x.example/", "Panels", build_time(environ)))
    paths = {o.path for o in outputs}
    assert {"calendar/all.ics", "data/metrics.csv", "metrics/index.md"} <= paths
    year = "2000" if end == "first" else "2099"
    feed = next(o for o in outputs if o.path == "calendar/all.ics").content.decode()
    assert f"DTSTART;TZID=Europe/London:{year}" in feed
    site = mkdocs_build(tmp_path, data, EPOCHS[end])  # in this process: raises if it fails
    assert (site / "metrics" / "index.html").is_file()


def test_a_failing_renderer_is_reported_at_the_record_it_was_rendering(tmp_path: Path) -> None:
    """A record that slipped past validation crashes a real renderer: staff get its line."""
    good = load_publishable(FIXTURE_DATA, today=TODAY, label="data")
    meetings = tuple(
        m.model_copy(update={"start": None}) if m.id == "hilltop-2024-11" else m
        for m in good.meetings
    )
    broken = dataclasses.replace(good, meetings=meetings)
    config = SiteConfig(
        "https://x.example/", "Panels", build_time({"SOURCE_DATE_EPOCH": "1741608000"})
    )
    with pytest.raises(DataError) as caught:
        render_all(broken, config)
    [line] = all_located(caught.value.lines(), FIXTURE_DATA.parent)
    assert line.startswith(
        "data/meetings.yaml at `id: hilltop-2024-11`: meetings[hilltop-2024-11]: "
    )
    assert "the site could not be built from this data (" in line
    assert line.endswith("— check its dates and numbers; if they look right, report this as a bug")


@pytest.mark.parametrize("epoch", ["soon", "-1", "99999999999999999999", "4102444800"])
def test_a_bad_source_date_epoch_is_one_clear_line(epoch: str) -> None:
    with pytest.raises(BadEpoch) as caught:
        build_time({"SOURCE_DATE_EPOCH": epoch})
    assert str(caught.value) == (
        f"SOURCE_DATE_EPOCH is {epoch!r}, not a time from 2000 to 2099 in whole seconds "
        "since 1970 — unset it, or set it like SOURCE_DATE_EPOCH=1735689600"
    )


def test_a_renderer_failing_over_many_records_points_at_their_list() -> None:
    """The calendar's time-zone block spans every meeting: the message names their list."""
    good = load_publishable(FIXTURE_DATA, today=TODAY, label="data")
    meetings = tuple(
        m.model_copy(update={"date": date(1, 1, 1)}) if m.id == "hilltop-2024-11" else m
        for m in good.meetings
    )
    config = SiteConfig(
        "https://x.example/", "Panels", build_time({"SOURCE_DATE_EPOCH": "1741608000"})
    )
    with pytest.raises(DataError) as caught:
        render_all(dataclasses.replace(good, meetings=meetings), config)
    assert all_located(caught.value.lines(), FIXTURE_DATA.parent) == [
        "data/meetings.yaml at `- id: riverside-2024-11`: meetings: the site could not be built from this data "
        "(OverflowError: date value out of range) — check its dates and numbers; "
        "if they look right, report this as a bug"
    ]
