"""The fictional example force in examples/northvale builds strictly and names no real force."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sitebuild import build_config

from generator.cli.main import main
from generator.load import dataset as dataset_module
from generator.vocabulary import ActionStatus, MeetingFormat, MeetingStatus

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "northvale"
EPOCH = "1741608000"
"""10 March 2025, noon UTC: the example's 'today' (its upcoming meetings follow it)."""
CITY_WORDING = re.compile(
    r"City of London|Corporation|Strategic Planning|Police Authority Board|City-wide|"
    r"London time|City wards?|Common Council|Guildhall"
)
SHIPPED_NAMES = re.compile(r"\b(Bank|Barbican|Fenchurch|Liverpool Street|Monument)\b")

pytestmark = pytest.mark.slow  # a real `mkdocs build`: outside `./run quick`


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("northvale") / "site"
    build_config(EXAMPLE / "mkdocs.yml", site, EPOCH)  # strict, in this process
    return site


def _published(site: Path) -> list[Path]:
    # assets/ holds the theme's own files (its licences name Microsoft Corporation).
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.is_file()
        and "assets" not in p.relative_to(site).parts
        and p.suffix in {".html", ".ics", ".csv", ".json", ".xml", ".txt"}
    ]


def test_no_city_of_london_wording_in_any_output(built: Path) -> None:
    files = _published(built)
    suffixes = {p.suffix for p in files}
    assert {".html", ".ics", ".csv", ".json"} <= suffixes
    found = [
        f"{p.relative_to(built)}: {m.group(0)}"
        for p in files
        for m in CITY_WORDING.finditer(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
    pages = [p for p in files if p.suffix == ".html"]
    assert not [p for p in pages if SHIPPED_NAMES.search(p.read_text(encoding="utf-8"))]
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "community safety in the Borough of Northvale" in home
    assert "Northvale Police" in home


def test_the_example_exercises_every_feature() -> None:
    data = dataset_module.load(EXAMPLE / "data", label="data", today=_today())
    assert data.upcoming() and data.past()
    assert {m.format for m in data.meetings} == set(MeetingFormat)
    assert {m.status for m in data.meetings} == set(MeetingStatus)
    assert any(m.record is not None and m.record.topics for m in data.meetings)
    assert any(m.panel is None for m in data.meetings), "a business meeting"
    assert {a.status for a in data.actions} == set(ActionStatus)
    assert any(p.wards for p in data.panels) and any(p.officers for p in data.panels)
    assert any(v.quarter for m in data.metrics for v in m.values)
    assert data.civic_dates
    assert any(m.status is MeetingStatus.POSTPONED and m.previous is None for m in data.meetings)
    assert any(
        m.previous is not None and m.previous.same_slot(m.date, m.start) for m in data.meetings
    )
    assert any(m.ends_next_day() for m in data.meetings)
    hosts = re.findall(r"https://([^/\s\"']+)", _all_text(EXAMPLE))
    assert hosts and all(
        h.endswith(".example") or h in {"teams.microsoft.com", "www.equalityadvisoryservice.com"}
        for h in hosts
    ), sorted(set(hosts))
    phones = re.findall(r"\b0[0-9]{3,4} ?[0-9]{3} ?[0-9]{3,4}\b", _all_text(EXAMPLE))
    drama = re.compile(r"01632 ?960[0-9]{3}|07700 ?900[0-9]{3}")
    assert phones and all(drama.fullmatch(p) for p in phones), phones


def test_the_example_shows_the_newest_cases(built: Path) -> None:
    def page(meeting: str) -> str:
        return (built / "meetings" / meeting / "index.html").read_text(encoding="utf-8")

    def feed(meeting: str) -> str:
        text = (built / "calendar" / "meetings" / f"{meeting}.ics").read_bytes().decode("utf-8")
        return text.replace("\r\n ", "").replace("\\,", ",")

    room = page("hilltop-2025-06")
    assert "This meeting has moved to Quay Hall, Upper room, on the same date and time." in room
    assert "Reason: The library&#39;s meeting room is closed for repairs" in room
    assert "previousStartDate" not in room
    assert "MOVED: this meeting has moved to a new place on the same date." in feed(
        "hilltop-2025-06"
    )
    postponed = page("riverside-2025-07")
    assert "This meeting has been postponed." in postponed
    assert "The new date is to be confirmed." in postponed
    assert "The new date is to be confirmed: check the meeting page before you travel." in feed(
        "riverside-2025-07"
    )
    late = page("harbour-2025-08")
    assert "Friday 15 August 2025, 10pm to 12:30am on Saturday 16 August" in late
    assert '"endDate": "2025-08-16T00:30:00+01:00"' in late
    assert "DTEND;TZID=Europe/London:20250816T003000" in feed("harbour-2025-08")
    rows = (built / "data" / "meetings.csv").read_text(encoding="utf-8-sig").splitlines()
    row = next(r for r in rows if r.startswith("harbour-2025-08,"))
    # end_date, then date_confirmed, then partners_present (added last; not recorded here)
    assert ",2025-08-15,22:00,00:30," in row and row.endswith(",2025-08-16,true,")


def test_the_example_can_be_deployed(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--data", str(EXAMPLE / "data"), "--docs", str(EXAMPLE / "docs"), "--strict"]
    assert main(["placeholders", *args]) == 0
    assert capsys.readouterr().out == "OK: no placeholders left\n"


def _today() -> date:
    return datetime.fromtimestamp(int(EPOCH), UTC).date()


def _all_text(folder: Path) -> str:
    return "\n".join(
        # The staff guide is the project's own (linked in): its examples of bad links are
        # error messages, not the example force's data.
        p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    )
