"""What residents see first on the fixture's pages (issue 13): join, what happened, the home page.

The golden files in test_pages.py pin every byte; these tests say which facts come first and why.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from fixturedata import FIXTURE_DATA

from generator.load import dataset as dataset_module
from generator.load.dataset import Dataset
from generator.models.meetings import OnlineJoining
from generator.pages import meetings, site
from generator.render.outputs import Output, SiteConfig

CONFIG = SiteConfig(
    site_url="https://example.github.io/cluster-panels/",
    site_name="City of London Police cluster panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)


@pytest.fixture(scope="module")
def data() -> Dataset:
    return dataset_module.load(FIXTURE_DATA, today=date(2025, 3, 10), label="data")


@pytest.fixture(scope="module")
def pages(data: Dataset) -> dict[str, str]:
    outputs: list[Output] = list(site.render(data, CONFIG))
    return {o.path: o.content.decode("utf-8") for o in outputs if o.path.endswith(".md")}


def order(text: str, *needles: str) -> list[int]:
    """Where each needle first occurs; fails if one is missing."""
    places = [text.find(n) for n in needles]
    assert -1 not in places, [n for n, p in zip(needles, places, strict=True) if p < 0]
    return places


def test_upcoming_online_meeting_puts_join_on_teams_above_the_facts(
    pages: dict[str, str],
) -> None:
    text = pages["meetings/riverside-2025-03/index.md"]
    join, phone_line, facts = order(
        text, ">Join on Teams</a>", "opens the Microsoft Teams app", "<dt>Date and time</dt>"
    )
    assert join < phone_line < facts
    assert text.count('class="cp-button cp-button--primary"') == 1


def test_status_banner_stays_above_join_on_teams(data: Dataset) -> None:
    moved = data.meeting_by_id["harbour-2025-05"]
    online = OnlineJoining.model_validate(
        {"teams_url": "https://teams.microsoft.com/l/meetup-join/fixture-harbour"}
    )
    with_link = moved.model_copy(update={"online": online})
    text = meetings.meeting_page(data, CONFIG, with_link).content.decode("utf-8")
    banner, join = order(text, "This meeting has moved to", ">Join on Teams</a>")
    assert banner < join


def test_in_person_and_past_meetings_have_no_join_button(pages: dict[str, str]) -> None:
    for path in ("meetings/hilltop-2025-04/index.md", "meetings/riverside-2024-11/index.md"):
        assert "cp-button--primary" not in pages[path], path


def test_past_meeting_shows_what_happened_first_and_no_calendar(pages: dict[str, str]) -> None:
    text = pages["meetings/riverside-2024-11/index.md"]
    happened, said, topics, venue = order(
        text,
        '<h2 id="what-happened">',
        '<h3 id="actions">You said, we did</h3>',
        '<h3 id="topics-raised">',
        '<h2 id="venue">',
    )
    assert happened < said < topics < venue
    assert "Add this meeting to your calendar" not in text
    assert "How to join online" not in text


def test_past_meeting_without_end_time_does_not_say_it_is_unpublished(
    pages: dict[str, str],
) -> None:
    past = pages["meetings/hilltop-2024-11/index.md"]
    assert "end time not yet published" not in past
    assert "Wednesday 20 November 2024, from 6:30pm" in past
    upcoming = pages["meetings/harbour-2025-05/index.md"]
    assert "(end time not yet published)" in upcoming


def test_cancelled_meeting_keeps_its_banner_first(pages: dict[str, str]) -> None:
    text = pages["meetings/hilltop-2025-02/index.md"]
    banner, facts, happened = order(
        text, "This meeting has been cancelled.", "<dt>Date and time</dt>", "did not take place"
    )
    assert banner < facts < happened
