"""Staff never type a change number: the build raises SEQUENCE from the previously published feed.

The previously published state is a fixture feed (the base data's own build, with numbers
raised before); the edits are what staff do in a data-only pull request, none typing
``revision``. The feeds are read back with icalendar, as a calendar app would.
"""

from __future__ import annotations

import csv
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from clirun import generator
from icalendar import Calendar

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "workflow" / "data"
EPOCH = "1898510400"
"""28 February 2030, noon UTC: the fixture's later meetings are upcoming."""
LATER_EPOCH = "1899115200"
"""7 March 2030, noon UTC: a week later."""
LATER = """
  - id: north-2030-04
    panel: north
    date: 2030-04-16
    start: 18:30
    format: in-person
    venue: town-hall

  - id: north-2030-05
    panel: north
    date: 2030-05-14
    start: 18:30
    format: in-person
    venue: town-hall

  - id: north-2030-06
    panel: north
    date: 2030-06-11
    start: 18:30
    format: in-person
    venue: town-hall
"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def _sequences(ics: bytes) -> dict[str, tuple[int, datetime | None]]:
    found = {}
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        modified = event.get("LAST-MODIFIED")
        found[str(event["UID"]).split("@")[0]] = (
            int(event["SEQUENCE"]),
            modified.dt if modified is not None else None,
        )
    return found


def _changed_on(site: Path, meeting: str) -> str | None:
    page = next((site / "meetings" / meeting).glob("index.*")).read_text(encoding="utf-8")
    found = re.search(r"<p>(Changed on [^<]*)</p>", page)
    return found.group(1) if found else None


def _build(project: Path, out: str, *extra: str, epoch: str = EPOCH) -> int:
    result = generator("build", "--out", out, *extra, cwd=project, epoch=epoch)
    return result.returncode


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture data with three later meetings, and its feed as previously published."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    meetings = tmp_path / "data" / "meetings.yaml"
    meetings.write_text(meetings.read_text() + LATER)
    assert _build(tmp_path, "before") == 0
    feed = (tmp_path / "before" / "calendar" / "all.ics").read_bytes().decode("utf-8")
    # Published before with changes of its own: the May entry at 3 and June's at 2, dated.
    for meeting, number in (("north-2030-05", 3), ("north-2030-06", 2)):
        head, _, rest = feed.partition(f"UID:{meeting}@")
        event, _, tail = rest.partition("END:VEVENT")
        assert "SEQUENCE:0\r\n" in event
        event = event.replace(
            "SEQUENCE:0\r\n", f"SEQUENCE:{number}\r\nLAST-MODIFIED:20300110T000000Z\r\n"
        )
        feed = f"{head}UID:{meeting}@{event}END:VEVENT{tail}"
    (tmp_path / "published.ics").write_text(feed, encoding="utf-8", newline="")
    return tmp_path


def test_a_move_a_new_name_and_an_agenda_line_each_raise_exactly_their_entries(
    project: Path,
) -> None:
    meetings = project / "data" / "meetings.yaml"
    _edit(
        meetings,
        "    date: 2030-04-16\n    start: 18:30\n",
        "    date: 2030-04-16\n    start: 19:00\n",
    )
    _edit(
        project / "data" / "clusters.yaml",
        "    name: Southwark Bridge\n",
        "    name: Southwark Bridge and Borough\n",
    )
    _edit(
        meetings,
        "    date: 2030-05-14\n    start: 18:30\n    format: in-person\n    venue: town-hall\n",
        "    date: 2030-05-14\n    start: 18:30\n    format: in-person\n    venue: town-hall\n"
        "    agenda:\n      - Parking near the fictional school\n",
    )
    assert _build(project, "after", "--previous-calendar", "published.ics") == 0
    changed = datetime.fromisoformat("2030-02-28T00:00:00+00:00")
    january = datetime.fromisoformat("2030-01-10T00:00:00+00:00")
    assert _sequences((project / "after" / "calendar" / "all.ics").read_bytes()) == {
        "north-2030-02": (0, None),  # untouched
        "south-2030-03": (1, changed),  # its panel's new name
        "north-2030-04": (1, changed),  # moved
        "north-2030-05": (4, changed),  # an agenda line: one more than published
        "north-2030-06": (2, january),  # untouched: the published number and date stand
    }
    # The panel's and the meeting's own files carry the same numbers.
    calendars = project / "after" / "calendar"
    panel = _sequences((calendars / "panels" / "south.ics").read_bytes())
    assert panel == {"south-2030-03": (1, changed)}
    own = _sequences((calendars / "meetings" / "north-2030-05.ics").read_bytes())
    assert own == {"north-2030-05": (4, changed)}
    # The download says what the calendars say, though nobody typed it.
    with (project / "after" / "data" / "meetings.csv").open(encoding="utf-8-sig") as rows:
        numbers = {row["id"]: row["revision"] for row in csv.DictReader(rows)}
    assert numbers == {
        "north-2030-02": "0",
        "south-2030-03": "1",
        "north-2030-04": "1",
        "north-2030-05": "4",
        "north-2030-06": "2",
    }
    # Same inputs, same bytes; and published again unchanged, nothing rises further.
    assert _build(project, "again", "--previous-calendar", "published.ics") == 0
    for feed in (project / "after" / "calendar").rglob("*.ics"):
        again = project / "again" / feed.relative_to(project / "after")
        assert feed.read_bytes() == again.read_bytes()
    (project / "republished.ics").write_bytes(
        (project / "after" / "calendar" / "all.ics").read_bytes()
    )
    assert _build(project, "next", "--previous-calendar", "republished.ics") == 0
    assert _sequences((project / "next" / "calendar" / "all.ics").read_bytes()) == _sequences(
        (project / "after" / "calendar" / "all.ics").read_bytes()
    )


def test_a_cancelled_meeting_page_gives_the_derived_change_date(project: Path) -> None:
    meetings = project / "data" / "meetings.yaml"
    for meeting in ("2030-05-14", "2030-06-11"):
        _edit(
            meetings,
            f"    date: {meeting}\n    start: 18:30\n",
            f"    date: {meeting}\n    start: 18:30\n    status: cancelled\n"
            "    status_reason: The hall is closed for repairs.\n",
        )
    assert _build(project, "after", "--previous-calendar", "published.ics") == 0
    # Cancelled now: one more than published, changed on the build day (nobody typed either).
    day = "Changed on Thursday 28 February 2030."
    assert _changed_on(project / "after", "north-2030-05") == day
    assert _changed_on(project / "after", "north-2030-06") == day
    # Published as cancelled, then built again: the published change date stands.
    (project / "republished.ics").write_bytes(
        (project / "after" / "calendar" / "all.ics").read_bytes()
    )
    assert _build(project, "next", "--previous-calendar", "republished.ics", epoch=LATER_EPOCH) == 0
    assert _changed_on(project / "next", "north-2030-05") == day
    with (project / "next" / "data" / "meetings.csv").open(encoding="utf-8-sig") as rows:
        numbers = {row["id"]: row["revision"] for row in csv.DictReader(rows)}
    assert (numbers["north-2030-05"], numbers["north-2030-06"]) == ("4", "3")


def test_a_typed_revision_is_a_floor_and_old_numbers_are_kept(project: Path) -> None:
    meetings = project / "data" / "meetings.yaml"
    _edit(
        meetings,
        "    date: 2030-06-11\n    start: 18:30\n",
        "    date: 2030-06-11\n    start: 18:30\n    revision: 7\n    revised: 2030-02-01\n",
    )
    assert _build(project, "after", "--previous-calendar", "published.ics") == 0
    numbers = _sequences((project / "after" / "calendar" / "all.ics").read_bytes())
    assert numbers["north-2030-06"][0] == 7
    assert numbers["north-2030-05"][0] == 3


def test_a_missing_previous_calendar_stops_the_build(project: Path) -> None:
    result = generator(
        "build", "--out", "after", "--previous-calendar", "gone.ics", cwd=project, epoch=EPOCH
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        "error: the previously published calendar gone.ics cannot be read"
    )
    assert result.stderr.endswith("; after was left as it was.\n")
    assert not (project / "after").exists()
    (project / "page.ics").write_text("<html>Not found</html>")
    result = generator(
        "build", "--out", "after", "--previous-calendar", "page.ics", cwd=project, epoch=EPOCH
    )
    assert result.stderr == (
        "error: page.ics is not a calendar (it does not start with BEGIN:VCALENDAR): fetch the "
        "published all-meetings feed again; after was left as it was.\n"
    )
