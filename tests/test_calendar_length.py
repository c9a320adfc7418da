"""A panel's usual meeting length gives calendar events a finish time, said to be approximate.

Uses tests/fixtures/site/data: Hilltop sets `meeting_length: "90"` and its November meeting
has no end time; Harbour sets no length and its May meeting has no end time either, so the
force's usual length (publisher.yaml `meeting_length`, 90 minutes unless set) applies.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from generator.feeds.events import event
from generator.load import dataset as dataset_module
from generator.render.outputs import SiteConfig

DATA = Path(__file__).resolve().parent / "fixtures" / "site" / "data"
CONFIG = SiteConfig(
    site_url="https://example.github.io/cluster-panels/",
    site_name="Cluster panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)


def _event(meeting_id: str, folder: Path = DATA):  # type: ignore[no-untyped-def]
    data = dataset_module.load(folder, today=date(2025, 3, 10), label="data")
    calendar = Calendar()
    calendar.add_component(event(data.meeting_by_id[meeting_id], data, CONFIG))
    # Through the bytes a calendar app reads, not the object we built.
    return Calendar.from_ical(calendar.to_ical()).walk("VEVENT")[0]


def test_usual_length_sets_dtend_and_says_the_finish_is_approximate() -> None:
    vevent = _event("hilltop-2024-11")
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert (start.hour, start.minute, end.hour, end.minute) == (18, 30, 20, 0)
    assert str(vevent["DESCRIPTION"]).splitlines()[1] == (
        "The finish time has not been published: the calendar shows the usual length of this "
        "panel's meetings (1 hour 30 minutes), so the finish time is approximate."
    )


def test_without_a_panel_length_the_forces_usual_length_gives_an_approximate_end() -> None:
    vevent = _event("harbour-2025-05")
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert end - start == timedelta(minutes=90)
    assert (
        "The finish time has not been published: the calendar shows the usual length of a "
        "cluster panel meeting (1 hour 30 minutes), so the finish time is approximate."
    ) in str(vevent["DESCRIPTION"]).splitlines()


def test_the_forces_usual_length_is_set_in_publisher_yaml(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    publisher = data / "publisher.yaml"
    publisher.write_text(
        publisher.read_text(encoding="utf-8") + 'meeting_length: "120"\n', encoding="utf-8"
    )
    vevent = _event("harbour-2025-05", data)
    assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == timedelta(hours=2)
    assert "(2 hours), so the finish time is approximate." in str(vevent["DESCRIPTION"])


def test_a_published_end_wins_over_the_usual_length() -> None:
    vevent = _event("hilltop-2025-04")
    assert vevent.decoded("DTEND").hour == 13
    assert "approximate" not in str(vevent["DESCRIPTION"])
