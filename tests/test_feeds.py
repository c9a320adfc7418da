"""The calendar feeds: golden files, RFC 5545 form, and the promises subscribers rely on.

Golden files live in tests/golden/feeds/ and are compared byte for byte; run with
REFRESH_GOLDEN=1 to rewrite them after an intended change, then review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event

from generator.feeds import render as feeds_render
from generator.feeds.calendars import london
from generator.feeds.events import tel_uri
from generator.load import dataset as dataset_module
from generator.render import urls
from generator.render.outputs import Output, SiteConfig
from generator.site import RENDERERS

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "feeds" / "small"
GOLDEN = ROOT / "tests" / "golden" / "feeds"
TODAY = date(2025, 1, 10)
CONFIG = SiteConfig(
    site_url="https://panels.example.org/",
    site_name="Example cluster panels",
    built=datetime(2025, 1, 10, 9, 30, tzinfo=UTC),
)
HOST = "panels.example.org"
SUBSCRIPTION_ONLY = ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC", "REFRESH-INTERVAL")
SUBSCRIPTION_ONLY += ("X-PUBLISHED-TTL", "SOURCE", "URL", "X-WR-TIMEZONE")
MEETING_IDS = ("business-2025-06", "hillside-2025-03", "hillside-2025-05", "riverside-2024-11")
MEETING_IDS += ("riverside-2025-02", "riverside-2025-03")


def build(
    data: Path = SMALL, config: SiteConfig = CONFIG, today: date | None = TODAY
) -> dict[str, bytes]:
    loaded = dataset_module.load(data, today=today, label="fixture")
    outputs: list[Output] = list(feeds_render.render(loaded, config))
    return {o.path: o.content for o in outputs}


def parse(raw: bytes) -> Calendar:
    calendar = Calendar.from_ical(raw)
    for component in calendar.walk():
        assert component.errors == [], component.errors
    return calendar


def events_by_uid(raw: bytes) -> dict[str, Event]:
    return {str(e["UID"]): e for e in parse(raw).events}


def copy_small(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SMALL, data)
    return data


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- golden files


def test_golden_files() -> None:
    built = build()
    if os.environ.get("REFRESH_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, content in built.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(content)
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.ics"))
    assert on_disk == sorted(built), "feeds added or removed: run with REFRESH_GOLDEN=1"
    for path, content in built.items():
        assert (GOLDEN / path).read_bytes() == content, (
            f"{path} differs from tests/golden/feeds/{path}: if the change is intended, "
            "run REFRESH_GOLDEN=1 ./run test tests/test_feeds.py and review the diff"
        )


def test_feeds_are_at_the_permanent_urls() -> None:
    built = build()
    expected = [
        urls.CALENDAR_ALL,
        *(urls.panel_calendar(p) for p in ("hillside", "quietside", "riverside")),
        *(urls.meeting_calendar(m) for m in MEETING_IDS),
    ]
    assert sorted(built) == sorted(expected)


def test_feeds_are_listed_in_the_site_renderers() -> None:
    assert feeds_render.render in RENDERERS


# ---------------------------------------------------------------- RFC 5545 form


def all_feeds() -> dict[str, bytes]:
    """The small fixture and the shipped data."""
    shipped = build(ROOT / "tests" / "fixtures" / "city" / "data", today=date(2025, 1, 10))
    return {**build(), **{f"shipped/{k}": v for k, v in shipped.items()}}


@pytest.fixture(scope="module")
def feeds() -> dict[str, bytes]:
    return all_feeds()


def test_utf8_crlf_folded_lines(feeds: dict[str, bytes]) -> None:
    for path, raw in feeds.items():
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{path} starts with a BOM"
        assert raw.endswith(b"END:VCALENDAR\r\n"), path
        assert b"\r" not in raw.replace(b"\r\n", b""), f"{path} has a bare CR"
        assert b"\n" not in raw.replace(b"\r\n", b""), f"{path} has a bare LF"
        for number, line in enumerate(raw.split(b"\r\n")[:-1], start=1):
            assert len(line) <= 75, f"{path}:{number} is {len(line)} octets"
            # Each physical line decodes alone: folding never split a multibyte character.
            line.decode("utf-8")


def test_multibyte_text_is_folded_and_survives(feeds: dict[str, bytes]) -> None:
    raw = feeds["calendar/meetings/riverside-2025-02.ics"]
    assert "“zero tolerance”".encode() in raw.replace(b"\r\n ", b"")
    event = parse(raw).events[0]
    assert "Cycling on pavements near the café – what “zero tolerance” means" in str(
        event["DESCRIPTION"]
    )
    assert str(event["LOCATION"]) == (
        "Room 2 (ground floor), Example Hall — Café Suite, 1 Example Lane, Riverside, EC9 9ZZ"
    )


def test_every_time_names_a_defined_timezone(feeds: dict[str, bytes]) -> None:
    for path, raw in feeds.items():
        text = raw.decode("utf-8").replace("\r\n ", "").replace("\r\n", "\n")
        zones = re.findall(r"^TZID:(.*)$", text, re.M)
        assert zones == ["Europe/London"], path
        timed = re.findall(r"^(DTSTART|DTEND)(;[^:]*)?:(\d{8}T\d{6}Z?)$", text, re.M)
        in_events = [t for t in timed if t[1]]  # VTIMEZONE onsets are local, without TZID
        for name, params, value in in_events:
            assert params == ";TZID=Europe/London", (path, name, value)
            assert not value.endswith("Z")
        assert text.count("BEGIN:VEVENT") == len([t for t in timed if t[0] == "DTSTART" and t[1]])


def test_timezone_onsets_follow_rfc5545() -> None:
    zone = london(2025, 2025).to_ical().decode().replace("\r\n", "\n")
    assert (
        "BEGIN:DAYLIGHT\nDTSTART:20250330T010000\nTZNAME:BST\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100"
        in zone
    )
    assert (
        "BEGIN:STANDARD\nDTSTART:20251026T020000\nTZNAME:GMT\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000"
        in zone
    )
    assert "RDATE" not in zone and "RRULE" not in zone


def test_subscription_feeds_name_themselves_and_say_when_to_refresh(
    feeds: dict[str, bytes],
) -> None:
    subscriptions = [p for p in feeds if "/meetings/" not in p]
    assert len(subscriptions) == 4 + 7
    for path in subscriptions:
        calendar = parse(feeds[path])
        assert "METHOD" not in calendar, path
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]), path
        # icalendar keeps unknown X- values as written, so compare both as written.
        assert calendar["DESCRIPTION"].to_ical() == calendar["X-WR-CALDESC"].to_ical(), path
        text = feeds[path].decode()
        assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in text
        assert "\r\nX-PUBLISHED-TTL:PT12H\r\n" in text
    riverside = parse(feeds["calendar/panels/riverside.ics"])
    assert str(riverside["NAME"]) == "Riverside cluster panel"
    assert str(riverside["SOURCE"]) == "https://panels.example.org/calendar/panels/riverside.ics"
    assert str(riverside["URL"]) == "https://panels.example.org/panels/riverside/"
    assert str(parse(feeds["calendar/all.ics"])["NAME"]) == "Example cluster panels: all meetings"


def test_a_meeting_file_holds_one_event_and_no_calendar_name(feeds: dict[str, bytes]) -> None:
    singles = [p for p in feeds if "/meetings/" in p]
    assert len(singles) == 6 + 6
    for path in singles:
        calendar = parse(feeds[path])
        assert str(calendar["METHOD"]) == "PUBLISH", path
        assert len(calendar.events) == 1, path
        for name in SUBSCRIPTION_ONLY:
            assert name not in calendar, (path, name)
        meeting_id = path.rsplit("/", 1)[1].removesuffix(".ics")
        assert str(calendar.events[0]["UID"]).startswith(f"{meeting_id}@")


def test_empty_panel_feed_is_still_a_valid_calendar(feeds: dict[str, bytes]) -> None:
    calendar = parse(feeds["calendar/panels/quietside.ics"])
    assert calendar.events == [] and len(calendar.timezones) == 1


# ---------------------------------------------------------------- event content


def test_event_properties() -> None:
    event = events_by_uid(build()["calendar/all.ics"])[f"riverside-2025-02@{HOST}"]
    assert str(event["URL"]) == "https://panels.example.org/meetings/riverside-2025-02/"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert event.start == datetime(2025, 2, 12, 18, 0, tzinfo=event.start.tzinfo)
    assert event.end.astimezone(UTC) == datetime(2025, 2, 12, 19, 30, tzinfo=UTC)
    assert event["DTSTAMP"].dt == CONFIG.built  # never revised: the build instant
    assert "LAST-MODIFIED" not in event
    assert event["GEO"].latitude == 51.5115 and event["GEO"].longitude == -0.0929
    teams, phone = event["CONFERENCE"]
    assert str(teams) == (
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_EXAMPLE-NOT-REAL%40thread.v2/0"
    )
    assert teams.params["VALUE"] == "URI"
    assert teams.params["FEATURE"] == ["AUDIO", "VIDEO"]
    assert teams.params["LABEL"] == "Join on Microsoft Teams"
    assert str(phone) == "tel:+442079460123"
    assert phone.params["FEATURE"] == "PHONE"
    assert phone.params["LABEL"] == "Dial in 020 7946 0123, phone conference ID 987 654 321#"
    description = str(event["DESCRIPTION"])
    for line in (
        "How to join online with Microsoft Teams:",
        "1. Open this link: https://teams.microsoft.com/l/meetup-join/19%3ameeting_EXAMPLE-NOT-REAL%40thread.v2/0",
        "3. If you are asked, enter the meeting ID 123 456 789 012 and passcode Ex4mPl.",
        "To join by phone, call 020 7946 0123, then key in the phone conference ID 987 654 321#.",
        "Details, access information and any changes: https://panels.example.org/meetings/riverside-2025-02/",
    ):
        assert line in description.split("\n"), line


def test_no_published_end_means_the_usual_length_said_to_be_approximate() -> None:
    event = events_by_uid(build()["calendar/all.ics"])[f"hillside-2025-03@{HOST}"]
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert "DURATION" not in event
    assert (
        "The finish time has not been published: the calendar shows the usual length of a "
        "cluster panel meeting (1 hour 30 minutes), so the finish time is approximate."
    ) in str(event["DESCRIPTION"]).split("\n")
    assert str(event["LOCATION"]) == "Hillside Library, 22 Sample Street"


def test_online_meeting_location_and_missing_link() -> None:
    event = events_by_uid(build()["calendar/all.ics"])[f"business-2025-06@{HOST}"]
    assert str(event["LOCATION"]) == "Online (Microsoft Teams)"
    assert "CONFERENCE" not in event
    assert (
        "The Microsoft Teams joining link will be on the meeting page before the meeting."
        in str(event["DESCRIPTION"]).split("\n")
    )
    assert str(event["SUMMARY"]) == "City-wide business meeting (example)"


def test_cancelled_meeting_stays_marked_cancelled() -> None:
    built = build()
    for path in (
        "calendar/all.ics",
        "calendar/panels/riverside.ics",
        "calendar/meetings/riverside-2025-03.ics",
    ):
        event = events_by_uid(built[path])[f"riverside-2025-03@{HOST}"]
        assert str(event["STATUS"]) == "CANCELLED"
        assert str(event["SUMMARY"]) == "CANCELLED: Riverside cluster panel"
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert str(event["DESCRIPTION"]).startswith(
            "CANCELLED: this meeting will not take place. "
            "The hall is closed for repairs. The next meeting is in April.\n"
        )
        assert "CONFERENCE" not in event and "teams.microsoft.com" not in str(event["DESCRIPTION"])
        assert event["SEQUENCE"] == 1
        assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt == datetime(2025, 1, 8, tzinfo=UTC)


def test_moved_and_postponed_meetings() -> None:
    found = events_by_uid(build()["calendar/all.ics"])
    moved = found[f"hillside-2025-03@{HOST}"]
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert moved["SEQUENCE"] == 2
    assert str(moved["DESCRIPTION"]).startswith(
        "MOVED: this meeting has moved from Wednesday 26 March 2025, 1pm. "
        "The library asked us to change the date.\n"
    )
    postponed = found[f"hillside-2025-05@{HOST}"]
    assert str(postponed["STATUS"]) == "TENTATIVE"
    assert str(postponed["SUMMARY"]) == "POSTPONED: Hillside cluster panel"


# ---------------------------------------------------------------- UIDs and SEQUENCE


def test_uids_are_the_same_across_builds_and_build_times() -> None:
    later = SiteConfig(
        site_url=CONFIG.site_url,
        site_name="Renamed site",
        built=datetime(2025, 1, 10, 18, 0, tzinfo=UTC),
    )
    first, second = build(), build(config=later)
    assert first.keys() == second.keys()
    for path in first:
        assert sorted(events_by_uid(first[path])) == sorted(events_by_uid(second[path])), path


def test_moving_a_meeting_keeps_its_uid_and_raises_sequence(tmp_path: Path) -> None:
    data = copy_small(tmp_path)
    before = events_by_uid(build(data)["calendar/all.ics"])[f"riverside-2025-02@{HOST}"]
    edit(
        data / "meetings.yaml",
        "    date: 2025-02-12\n    start: 18:00\n    end: 19:30\n    format: hybrid\n    venue: example-hall\n    room",
        "    date: 2025-02-19\n    start: 18:00\n    end: 19:30\n    format: hybrid\n    venue: example-hall\n"
        "    status: moved\n    status_reason: The hall is booked that evening.\n"
        "    previous:\n      date: 2025-02-12\n    revision: 1\n    revised: 2025-01-10\n    room",
    )
    built = build(data)
    after = events_by_uid(built["calendar/all.ics"])[f"riverside-2025-02@{HOST}"]
    assert after["UID"] == before["UID"] == f"riverside-2025-02@{HOST}"
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.start.astimezone(UTC) == datetime(2025, 2, 19, 18, 0, tzinfo=UTC)
    assert after["LAST-MODIFIED"].dt == datetime(2025, 1, 10, tzinfo=UTC)
    assert str(after["DESCRIPTION"]).startswith(
        "MOVED: this meeting has moved from Wednesday 12 February 2025. The hall is booked that evening."
    )
    single = parse(built["calendar/meetings/riverside-2025-02.ics"]).events
    assert [str(e["UID"]) for e in single] == [f"riverside-2025-02@{HOST}"]


def test_uid_comes_from_the_id_only() -> None:
    found = events_by_uid(build()["calendar/all.ics"])
    assert sorted(found) == [f"{m}@{HOST}" for m in MEETING_IDS]


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("020 7946 0123", "tel:+442079460123"),
        ("+44 20 7946 0123", "tel:+442079460123"),
        ("101", None),
        ("00 44 20 7946 0123", None),
    ],
)
def test_tel_uri(phone: str, uri: str | None) -> None:
    assert tel_uri(phone) == uri
