"""A meeting that runs past midnight (22:00 to 00:30): check, pages, JSON-LD, feeds, open data."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, time
from pathlib import Path

import icalendar
from fixturedata import FIXTURE_TODAY, fixture_copy, problems_located, rendered

from generator import timefmt
from generator.clock import LONDON
from generator.load import advisories
from generator.load import dataset as dataset_module

TODAY = FIXTURE_TODAY
# riverside-2025-03 is a hybrid meeting on Wednesday 12 March 2025, 10:30 to 12:00.
DAYTIME = "    date: 2025-03-12\n    start: 10:30\n    end: 12:00\n"


def _late(start: str = "22:00", end: str = "00:30", on: str = "2025-03-12") -> str:
    return f"    date: {on}\n    start: {start}\n    end: {end}\n"


def _outputs(tmp_path: Path) -> dict[str, str]:
    data = fixture_copy(tmp_path)
    meetings = data / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    assert DAYTIME in text
    meetings.write_text(text.replace(DAYTIME, _late(), 1), encoding="utf-8")
    return rendered(data)


def test_the_page_says_the_meeting_ends_the_next_day(tmp_path: Path) -> None:
    out = _outputs(tmp_path)
    page = out["meetings/riverside-2025-03/index.md"]
    assert (
        "<dt>Date and time</dt><dd>Wednesday 12 March 2025, 10pm to 12:30am on Thursday 13 March"
        "</dd>" in page
    )
    panel = out["panels/riverside/index.md"]
    assert "<dd>Wednesday 12 March 2025, 10pm to 12:30am on Thursday 13 March</dd>" in panel
    # The browser script moves a meeting to 'past' once it is over: at 00:30 the next day.
    assert 'data-ends="2025-03-13T00:30:00+00:00"' in panel


def test_json_ld_ends_the_next_day(tmp_path: Path) -> None:
    page = _outputs(tmp_path)["meetings/riverside-2025-03/index.md"]
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block is not None
    event = json.loads(block.group(1))
    assert event["startDate"] == "2025-03-12T22:00:00+00:00"
    assert event["endDate"] == "2025-03-13T00:30:00+00:00"


def test_the_calendar_event_ends_the_next_day(tmp_path: Path) -> None:
    out = _outputs(tmp_path)
    for feed in ("calendar/meetings/riverside-2025-03.ics", "calendar/all.ics"):
        calendar = icalendar.Calendar.from_ical(out[feed])
        event = next(
            e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("riverside-2025-03@")
        )
        assert event.decoded("DTSTART") == datetime(2025, 3, 12, 22, tzinfo=LONDON)
        assert event.decoded("DTEND") == datetime(2025, 3, 13, 0, 30, tzinfo=LONDON)
        assert "10pm to 12:30am on Thursday 13 March" in str(event["DESCRIPTION"])


def test_open_data_gives_the_end_date(tmp_path: Path) -> None:
    out = _outputs(tmp_path)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out["data/meetings.csv"]))}
    late = rows["riverside-2025-03"]
    assert (late["date"], late["start"], late["end"], late["end_date"]) == (
        "2025-03-12",
        "22:00",
        "00:30",
        "2025-03-13",
    )
    daytime = rows["business-2025-06"]
    assert (daytime["end"], daytime["end_date"]) == ("09:30", "2025-06-04")
    assert rows["hilltop-2025-02"]["end_date"] == ""
    records = {r["id"]: r for r in json.loads(out["data/meetings.json"])}
    assert records["riverside-2025-03"]["end_date"] == "2025-03-13"
    package = json.loads(out["data/datapackage.json"])
    fields = next(r for r in package["resources"] if r["name"] == "meetings")["schema"]["fields"]
    # Added after the first release, so last: readers by column position are unaffected.
    assert [f["name"] for f in fields][6:8] == ["start", "end"]
    assert [f["name"] for f in fields][-4:] == [
        "page_url",
        "end_date",
        "date_confirmed",
        "partners_present",
    ]


def test_gov_uk_wording_across_midnight() -> None:
    friday = date(2025, 3, 7)
    assert timefmt.when(friday, time(22), time(0, 30)) == (
        "Friday 7 March 2025, 10pm to 12:30am on Saturday 8 March"
    )
    assert timefmt.when(friday, time(22), time(0)) == "Friday 7 March 2025, 10pm to midnight"
    assert timefmt.when(date(2025, 12, 31), time(23), time(1)) == (
        "Wednesday 31 December 2025, 11pm to 1am on Thursday 1 January 2026"
    )
    assert timefmt.when(friday, time(18), time(20)) == "Friday 7 March 2025, 6pm to 8pm"


def test_check_accepts_it_and_a_late_meeting_is_no_clash_with_the_next_evening(
    tmp_path: Path,
) -> None:
    data = fixture_copy(tmp_path)
    meetings = data / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8").replace(DAYTIME, _late(), 1)
    # Another panel meets the next evening: a different day, so no clash warning.
    text = text.replace(
        "    date: 2025-04-23\n    start: 12:00\n    end: 13:00\n",
        "    date: 2025-03-13\n    start: 18:00\n    end: 19:00\n",
        1,
    ).replace("      date: 2025-04-09\n", "      date: 2025-03-05\n", 1)
    meetings.write_text(text, encoding="utf-8")
    loaded = dataset_module.load(data, today=TODAY, label="data")
    warnings = [str(a.problem) for a in advisories.advisories(loaded)]
    assert not [w for w in warnings if "another meeting is on" in w], warnings


def test_a_meeting_longer_than_eight_hours_is_refused(tmp_path: Path) -> None:
    problems = problems_located(tmp_path, "meetings.yaml", DAYTIME, _late("18:00", "06:30"), TODAY)
    assert problems == [
        "data/meetings.yaml at `06:30`: meetings[riverside-2025-03].end: the meeting would last 12 "
        "hours 30 minutes, from 18:00 to 06:30 the next day, and a meeting lasts at most 8 hours "
        "— check both times are 24-hour HH:MM, e.g. 18:30; an end time before the start is the "
        "next day"
    ]


def test_a_long_meeting_on_one_day_is_refused_too(tmp_path: Path) -> None:
    problems = problems_located(tmp_path, "meetings.yaml", DAYTIME, _late("06:30", "20:00"), TODAY)
    assert problems == [
        "data/meetings.yaml at `20:00`: meetings[riverside-2025-03].end: the meeting would last 13 "
        "hours 30 minutes, from 06:30 to 20:00, and a meeting lasts at most 8 hours "
        "— check both times are 24-hour HH:MM, e.g. 18:30"
    ]


def test_an_end_equal_to_the_start_is_a_whole_day_and_refused(tmp_path: Path) -> None:
    problems = problems_located(tmp_path, "meetings.yaml", DAYTIME, _late("18:00", "18:00"), TODAY)
    assert problems == [
        "data/meetings.yaml at the 3rd `18:00`: meetings[riverside-2025-03].end: the meeting would last 24 "
        "hours, from 18:00 to 18:00 the next day, and a meeting lasts at most 8 hours "
        "— check both times are 24-hour HH:MM, e.g. 18:30; an end time before the start is the "
        "next day"
    ]


def test_the_end_is_checked_against_the_clock_change_of_the_next_night(tmp_path: Path) -> None:
    # Saturday 29 March 2025: the clocks go forward at 01:00 on Sunday 30 March.
    late = _late("23:00", "01:30", on="2025-03-29")
    problems = problems_located(tmp_path, "meetings.yaml", DAYTIME, late, TODAY)
    assert problems == [
        "data/meetings.yaml at `01:30`: meetings[riverside-2025-03].end: 01:30 on 2025-03-30 does not "
        "exist in UK time: the clocks go forward that night — choose a time outside 01:00 to 02:00"
    ]
