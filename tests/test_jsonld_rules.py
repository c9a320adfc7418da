"""Every meeting page's JSON-LD against schema.org's and Google's Event rules.

The rules checked (Google Search Central, "Event structured data", and schema.org/Event):
required name, startDate (ISO 8601 with offset) and location; eventStatus one of the
schema.org values, EventRescheduled exactly when previousStartDate is given (a postponed
meeting with its new date known), EventPostponed keeping the date it was due; the location
matching eventAttendanceMode, a ``url`` on every VirtualLocation, a named Place with a
PostalAddress; an organizer with name and url; a description.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from fixturedata import FIXTURE_DATA

from generator.feeds import render as feeds_render
from generator.load import dataset as dataset_module
from generator.pages import site
from generator.render.outputs import Kind, SiteConfig

FEEDS_SMALL = Path(__file__).resolve().parent / "fixtures" / "feeds" / "small"
CONFIG = SiteConfig(
    site_url="https://example.github.io/cluster-panels/",
    site_name="Example panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)
STATUSES = {
    "https://schema.org/EventScheduled",
    "https://schema.org/EventCancelled",
    "https://schema.org/EventPostponed",
    "https://schema.org/EventRescheduled",
}
MODES = {
    "https://schema.org/OfflineEventAttendanceMode": {"Place"},
    "https://schema.org/OnlineEventAttendanceMode": {"VirtualLocation"},
    "https://schema.org/MixedEventAttendanceMode": {"Place", "VirtualLocation"},
}
_SCRIPT = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.S)


def _problems(event: dict[str, Any]) -> list[str]:
    found: list[str] = []
    if event.get("@context") != "https://schema.org" or event.get("@type") != "Event":
        found.append("not a schema.org Event")
    if not isinstance(event.get("name"), str) or not event["name"]:
        found.append("no name")
    if not isinstance(event.get("description"), str) or not event["description"].strip():
        found.append("no description")
    start = datetime.fromisoformat(event["startDate"])
    if start.tzinfo is None:
        found.append("startDate without offset")
    if "endDate" in event and datetime.fromisoformat(event["endDate"]) < start:
        found.append("endDate before startDate")
    status = event.get("eventStatus")
    if status not in STATUSES:
        found.append(f"eventStatus {status!r}")
    rescheduled = status == "https://schema.org/EventRescheduled"
    if rescheduled != ("previousStartDate" in event):
        found.append("EventRescheduled without previousStartDate, or the other way round")
    organizer = event.get("organizer", {})
    if not organizer.get("name") or not str(organizer.get("url", "")).startswith("https://"):
        found.append("organizer without name and url")
    locations = event.get("location")
    places = locations if isinstance(locations, list) else [locations]
    kinds = {p.get("@type") for p in places if isinstance(p, dict)}
    if kinds != MODES.get(event.get("eventAttendanceMode", ""), set()):
        found.append(f"location {sorted(kinds)} does not match the attendance mode")
    for place in places:
        if place.get("@type") == "VirtualLocation" and not str(place.get("url", "")).startswith(
            "https://"
        ):
            found.append("VirtualLocation without url")
        if place.get("@type") == "Place" and (
            not place.get("name") or place.get("address", {}).get("@type") != "PostalAddress"
        ):
            found.append("Place without name and PostalAddress")
    return found


def _events(folder: Path) -> dict[str, dict[str, Any]]:
    data = dataset_module.load(folder, today=date(2025, 3, 10), label="data")
    found = {}
    for output in site.render(data, CONFIG):
        if output.kind is Kind.PAGE:
            for block in _SCRIPT.findall(output.content.decode("utf-8")):
                found[output.path] = json.loads(block)
    return found


@pytest.mark.parametrize("folder", [FIXTURE_DATA, FEEDS_SMALL], ids=["site", "feeds"])
def test_every_pages_json_ld_follows_the_event_rules(folder: Path) -> None:
    events = _events(folder)
    assert len(events) >= 5
    problems = {path: p for path, event in events.items() if (p := _problems(event))}
    assert problems == {}


def test_the_rules_catch_what_they_check() -> None:
    good = next(iter(_events(FIXTURE_DATA).values()))
    assert _problems(good) == []
    bad = {**good, "eventStatus": "https://schema.org/EventRescheduled", "organizer": {}}
    bad.pop("description", None)
    assert _problems(bad) == [
        "no description",
        "EventRescheduled without previousStartDate, or the other way round",
        "organizer without name and url",
    ]


def test_a_postponed_meeting_with_no_new_date_keeps_the_date_it_was_due() -> None:
    event = _events(FEEDS_SMALL)["meetings/hillside-2025-05/index.md"]
    assert event["eventStatus"] == "https://schema.org/EventPostponed"
    assert event["name"].endswith(": new date to be confirmed")
    assert event["startDate"].startswith("2025-05-14T19:00")


def _pages(folder: Path) -> dict[str, str]:
    data = dataset_module.load(folder, today=date(2025, 3, 10), label="data")
    outputs = [*site.render(data, CONFIG), *feeds_render.render(data, CONFIG)]
    return {
        o.path: o.content.decode("utf-8") for o in outputs if not o.path.endswith((".png", ".pdf"))
    }


def test_a_postponed_meeting_with_its_new_date_shows_that_date_everywhere() -> None:
    pages = _pages(FIXTURE_DATA)
    for path in ("index.md", "panels/hilltop/index.md", "meetings/hilltop-2025-04/index.md"):
        assert "Wednesday 23 April 2025" in pages[path], path
    meeting = pages["meetings/hilltop-2025-04/index.md"]
    assert "Wednesday 9 April 2025" not in meeting.split("<p>Moved from", 1)[0]
    assert "DTSTART;TZID=Europe/London:20250423T120000" in pages["calendar/panels/hilltop.ics"]
    assert "STATUS:CONFIRMED" in pages["calendar/meetings/hilltop-2025-04.ics"]


def test_a_postponed_meeting_with_no_new_date_has_no_date_and_no_calendar_file_link() -> None:
    page = _pages(FEEDS_SMALL)["meetings/hillside-2025-05/index.md"]
    heading = page.split("</h1>", 1)[0]
    assert heading.endswith(": new date to be confirmed")
    assert "Add this meeting to your calendar" not in page
    assert "<dd>New date to be confirmed (it was due on Wednesday 14 May 2025)</dd>" in page
