"""Every calendar feed, read by independent parsers, gives the same instants for every event.

The readers: ``icalendar`` (which builds the files), the strict ``ical`` package, Mozilla's
``ical.js`` under Node (using only the file's own VTIMEZONE), and dateutil's VTIMEZONE
interpreter (via ``icalendar``'s ``to_tz(lookup_tzid=False)``). They must agree with each
other and with the UTC instants worked out here from the EU summer-time rule, over meetings
in every month from 2024 to 2035 and around every clock change, and over the shipped data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.feeds.render import render
from generator.feeds.wording import usual_length
from generator.load import dataset as dataset_module
from generator.render.outputs import SiteConfig

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

ROOT = Path(__file__).resolve().parent.parent
ICAL_JS = ROOT / "node_modules" / "ical.js" / "dist" / "ical.js"
SCRIPT = ROOT / "tests" / "js" / "ics_times.mjs"
CONFIG = SiteConfig(
    site_url="https://panels.example.org/",
    site_name="Example cluster panels",
    built=datetime(2024, 1, 1, 12, 0, tzinfo=UTC),
)
TODAY = date(2024, 1, 1)
PANELS = ("north", "south", "east")
TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_FICTIONAL%40thread.v2/0"

Instants = dict[str, tuple[datetime, datetime]]
"""Per event UID: its start and end in UTC."""


def last_sunday(year: int, month: int) -> date:
    """The last Sunday of a month: when the UK clocks change (March and October)."""
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    last = first_of_next - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def expected_utc(day: date, at: time) -> datetime:
    """London local time to UTC by the EU rule: BST from 01:00 UTC on the last Sunday of
    March to 01:00 UTC on the last Sunday of October. Independent of zoneinfo."""
    naive = datetime.combine(day, at)
    spring = datetime.combine(last_sunday(day.year, 3), time(1))
    autumn = datetime.combine(last_sunday(day.year, 10), time(1))
    if spring <= naive - timedelta(hours=1) < autumn:
        return (naive - timedelta(hours=1)).replace(tzinfo=UTC)
    assert not spring <= naive < autumn, f"{naive} is not one clear instant in London"
    return naive.replace(tzinfo=UTC)


def _slots() -> Iterator[tuple[date, time, time | None]]:
    for year in range(2024, 2036):
        for month in range(1, 13):
            yield date(year, month, 15), time(18, 30), time(20, 0)
        for month in (3, 10):
            change = last_sunday(year, month)
            yield change - timedelta(days=1), time(23, 30), None
            yield change, time(0, 30), time(3, 0)  # spans the change itself
            yield change, time(12, 0), time(13, 0)
            yield change + timedelta(days=1), time(9, 0), None


def _meeting_yaml(index: int, day: date, start: time, end: time | None) -> str:
    panel = PANELS[index % len(PANELS)]
    lines = [
        f"  - id: {panel}-{day:%Y-%m-%d}-{start:%H%M}",
        f"    panel: {panel}",
        f"    date: {day}",
        f"    start: {start:%H:%M}",
    ]
    if end is not None:
        lines.append(f"    end: {end:%H:%M}")
    lines += [
        "    format: hybrid",
        "    venue: fictional-hall",
        "    online:",
        f"      teams_url: {TEAMS}",
    ]
    if index % 11 == 5:
        lines += [
            "    status: cancelled",
            "    status_reason: Fictional reason.",
            "    revision: 1",
            "    revised: 2023-12-01",
        ]
    elif index % 11 == 8:
        lines += [
            "    status: moved",
            "    status_reason: Fictional move.",
            f"    previous:\n      date: {day - timedelta(days=7)}",
            "    revision: 3",
            "    revised: 2023-12-02",
        ]
    return "\n".join(lines)


def write_fixture(folder: Path) -> int:
    """Write a fictional data folder with a meeting in every month of 2024-2035 and four
    around every clock change; returns how many meetings it holds."""
    folder.mkdir(parents=True)
    (folder / "clusters.yaml").write_text(
        "clusters:\n"
        + "".join(f"  - id: {p}\n    name: {p.title()} (fictional)\n" for p in PANELS),
        encoding="utf-8",
    )
    (folder / "venues.yaml").write_text(
        "venues:\n  - id: fictional-hall\n    name: Fictional Hall — Salle Café\n"
        "    address:\n      lines: [1 Nowhere Street]\n",
        encoding="utf-8",
    )
    meetings = [_meeting_yaml(i, *slot) for i, slot in enumerate(_slots())]
    (folder / "meetings.yaml").write_text(
        "meetings:\n" + "\n".join(meetings) + "\n", encoding="utf-8"
    )
    for name, key in (("actions", "actions"), ("engagement", "events"), ("metrics", "metrics")):
        (folder / f"{name}.yaml").write_text(f"{key}: []\n", encoding="utf-8")
    publisher = ROOT / "tests" / "fixtures" / "site" / "data" / "publisher.yaml"
    (folder / "publisher.yaml").write_bytes(publisher.read_bytes())
    return len(meetings)


def build(data: Path, out: Path, today: date | None, label: str) -> dataset_module.Dataset:
    """Load ``data`` and write every feed into ``out``."""
    loaded = dataset_module.load(data, today=today, label=label)
    for output in render(loaded, CONFIG):
        path = out / output.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.content)
    return loaded


def feeds(out: Path) -> list[Path]:
    return sorted(out.rglob("*.ics"))


def read_icalendar(raw: bytes) -> tuple[Instants, Instants]:
    """As icalendar reads the file, and with local times resolved through the file's own
    VTIMEZONE by dateutil (``to_tz(lookup_tzid=False)``), never a tz database."""
    calendar = Calendar.from_ical(raw)
    for component in calendar.walk():
        assert component.errors == [], (
            f"icalendar could not parse {component.name}: {component.errors}"
        )
    zones = {z.tz_name: z.to_tz(lookup_tzid=False) for z in calendar.timezones}
    plain: Instants = {}
    by_vtimezone: Instants = {}
    for e in calendar.events:
        uid = str(e["UID"])
        plain[uid] = (e.start.astimezone(UTC), e.end.astimezone(UTC))
        local = [e["DTSTART"], e["DTEND"] if "DTEND" in e else e["DTSTART"]]
        # An end in the hour the clocks go back is written in UTC (one instant), with no TZID.
        start, end = (
            p.dt.replace(tzinfo=None).replace(tzinfo=zones[p.params["TZID"]]).astimezone(UTC)
            if "TZID" in p.params
            else p.dt.astimezone(UTC)
            for p in local
        )
        by_vtimezone[uid] = (start, end)
    return plain, by_vtimezone


def read_ical(raw: bytes) -> Instants:
    # Imported here: loading its time-zone database takes a third of a second, which every
    # xdist worker would pay while collecting, before its first test.
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(raw.decode("utf-8"))
    return {e.uid: (e.dtstart.astimezone(UTC), e.end.astimezone(UTC)) for e in calendar.events}


def read_ical_js(out: Path) -> dict[str, Instants]:
    """Every file under ``out`` as ical.js reads it, by relative path."""
    if shutil.which("node") is None or not ICAL_JS.is_file():
        pytest.fail(
            f"Node.js or {ICAL_JS} is missing: run `./run test`, "
            "which installs the Node test tools (npm ci) before running pytest",
            pytrace=False,
        )
    # A zone far from London: a TZID ical.js failed to resolve would read as this zone's time.
    env = {**os.environ, "TZ": "Pacific/Auckland"}
    proc = subprocess.run(
        ["node", str(SCRIPT), str(ICAL_JS), str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Instants] = {}
    for path, cal in json.loads(proc.stdout).items():
        assert cal["zones"] == ["Europe/London"], path
        found: Instants = {}
        for e in cal["events"]:
            assert e["startZone"] == "Europe/London", (path, e["uid"])
            found[e["uid"]] = (_iso(e["start"]), _iso(e["end"]))
        result[path] = found
    return result


def _iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def expected(loaded: dataset_module.Dataset) -> Instants:
    """Start and end of each meeting; with no published end, the usual length after the start."""
    found: Instants = {}
    for m in loaded.meetings:
        start = expected_utc(m.date, m.start)
        if m.end is None:
            end = start + timedelta(minutes=usual_length(m, loaded))
        else:
            end = expected_utc(m.date + timedelta(days=m.end <= m.start), m.end)
        found[f"{m.id}@panels.example.org"] = (start, end)
    return found


def assert_all_agree(out: Path, loaded: dataset_module.Dataset) -> int:
    """Every parser reads every event of every file at the expected instants; returns the count."""
    truth = expected(loaded)
    by_js = read_ical_js(out)
    checked = 0
    for path in feeds(out):
        raw = path.read_bytes()
        relative = path.relative_to(out).as_posix()
        plain, by_vtimezone = read_icalendar(raw)
        readings = {
            "icalendar": plain,
            "dateutil VTIMEZONE": by_vtimezone,
            "ical": read_ical(raw),
            "ical.js": by_js[relative],
        }
        uids = set(readings["icalendar"])
        for parser, found in readings.items():
            assert set(found) == uids, f"{relative}: {parser} sees other events"
            for uid, instants in found.items():
                assert instants == truth[uid], f"{relative}: {parser} reads {uid} as {instants}"
        checked += len(uids)
    return checked


def test_fixture_covers_every_month_and_clock_change() -> None:
    slots = list(_slots())
    months = {(d.year, d.month) for d, _, _ in slots}
    assert months >= {(y, m) for y in range(2024, 2036) for m in range(1, 13)}
    changes = {last_sunday(y, m) for y in range(2024, 2036) for m in (3, 10)}
    days = {d for d, _, _ in slots}
    for change in changes:
        assert {change - timedelta(days=1), change, change + timedelta(days=1)} <= days
    assert last_sunday(2024, 3) == date(2024, 3, 31) and last_sunday(2035, 10) == date(2035, 10, 28)


def test_expected_utc_follows_the_eu_rule() -> None:
    assert expected_utc(date(2024, 3, 31), time(0, 30)) == datetime(2024, 3, 31, 0, 30, tzinfo=UTC)
    assert expected_utc(date(2024, 3, 31), time(3, 0)) == datetime(2024, 3, 31, 2, 0, tzinfo=UTC)
    assert expected_utc(date(2024, 10, 27), time(0, 30)) == datetime(
        2024, 10, 26, 23, 30, tzinfo=UTC
    )
    assert expected_utc(date(2024, 10, 27), time(3, 0)) == datetime(2024, 10, 27, 3, 0, tzinfo=UTC)
    assert expected_utc(date(2024, 7, 1), time(12)) == datetime(2024, 7, 1, 11, tzinfo=UTC)
    assert expected_utc(date(2024, 12, 1), time(12)) == datetime(2024, 12, 1, 12, tzinfo=UTC)


def test_parsers_agree_over_twelve_years(tmp_path: Path) -> None:
    count = write_fixture(tmp_path / "data")
    loaded = build(tmp_path / "data", tmp_path / "site", TODAY, "fixture")
    assert len(loaded.meetings) == count
    files = feeds(tmp_path / "site")
    assert len(files) == 1 + len(PANELS) + count
    # Each meeting is read in all.ics, its panel's feed and its own file.
    assert assert_all_agree(tmp_path / "site", loaded) == 3 * count


def test_parsers_agree_on_shipped_data(tmp_path: Path) -> None:
    # No fixed today: the shipped data is checked against the build date, as published.
    loaded = build(
        ROOT / "tests" / "fixtures" / "city" / "data", tmp_path / "site", date(2025, 1, 10), "data"
    )
    assert loaded.meetings
    assert assert_all_agree(tmp_path / "site", loaded) == 3 * len(loaded.meetings)


def test_parsers_agree_on_small_fixture(tmp_path: Path) -> None:
    loaded = build(
        ROOT / "tests" / "fixtures" / "feeds" / "small",
        tmp_path / "site",
        date(2025, 1, 10),
        "small",
    )
    # A business meeting is in all.ics and its own file; a panel's also in the panel feed.
    assert assert_all_agree(tmp_path / "site", loaded) == sum(
        3 if m.panel else 2 for m in loaded.meetings
    )


def test_missing_ical_js_fails_and_says_what_to_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        f"{__name__}.ICAL_JS", tmp_path / "node_modules" / "ical.js" / "dist" / "ical.js"
    )
    with pytest.raises(pytest.fail.Exception, match=r"is missing: run `\./run test`"):
        read_ical_js(tmp_path)
