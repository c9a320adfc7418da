"""The public pages for the fictional fixture: golden files byte for byte, then what they say.

Set REFRESH_GOLDEN=1 to rewrite tests/golden/pages/ after an intended change, and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA
from markupsafe import escape

from bench import synthetic
from generator.load import dataset as dataset_module
from generator.pages import panels, site
from generator.render import urls
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import href

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "pages"
TODAY = date(2025, 3, 10)
CONFIG = SiteConfig(
    site_url="https://example.github.io/cluster-panels/",
    site_name="City of London Police cluster panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)


@pytest.fixture(scope="module")
def outputs() -> dict[str, Output]:
    data = dataset_module.load(FIXTURE_DATA, today=TODAY, label="data")
    return {o.path: o for o in site.render(data, CONFIG)}


def text(outputs: dict[str, Output], path: str) -> str:
    return outputs[path].content.decode("utf-8")


def test_pages_match_golden_files(outputs: dict[str, Output]) -> None:
    refresh = os.environ.get("REFRESH_GOLDEN") == "1"
    pages = {p: o for p, o in outputs.items() if o.kind is Kind.PAGE}
    if refresh:
        for stale in GOLDEN.rglob("*.md"):
            stale.unlink()
    for path, output in sorted(pages.items()):
        golden = GOLDEN / path
        if refresh:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(output.content)
        assert golden.is_file(), f"no golden file for {path}: run with REFRESH_GOLDEN=1"
        assert golden.read_bytes() == output.content, f"{path} differs from its golden file"
    kept = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert kept == set(pages), "golden files for pages that are no longer generated"


def test_every_page_has_a_plain_title_and_one_h1(outputs: dict[str, Output]) -> None:
    for path, output in outputs.items():
        if output.kind is Kind.PAGE:
            assert output.title and "<" not in output.title, path
            assert output.content.decode().count("<h1") == 1, path


def test_times_read_in_gov_uk_style(outputs: dict[str, Output]) -> None:
    page = text(outputs, "meetings/riverside-2025-03/index.md")
    assert "Wednesday 12 March 2025, 10:30am to midday" in page
    assert "<dt>When</dt><dd>Wednesday 23 April 2025, midday to 1pm</dd>" in text(
        outputs, "panels/hilltop/index.md"
    )
    assert "Wednesday 14 May 2025, from 6pm (end time not yet published)" in text(
        outputs, "meetings/harbour-2025-05/index.md"
    )


def test_status_banners_say_what_changed_in_words(outputs: dict[str, Output]) -> None:
    cancelled = text(outputs, "meetings/hilltop-2025-02/index.md")
    assert "<strong>This meeting has been cancelled.</strong>" in cancelled
    assert "<p>Reason: The library was closed for repairs.</p>" in cancelled
    assert "<p>This meeting did not take place.</p>" in cancelled
    postponed = text(outputs, "meetings/hilltop-2025-04/index.md")
    assert (
        "<strong>This meeting has been postponed to Wednesday 23 April 2025, midday to 1pm.</strong>"
        in postponed
    )
    assert "<p>Moved from Wednesday 9 April 2025 at midday.</p>" in postponed
    moved = text(outputs, "meetings/harbour-2025-05/index.md")
    assert "<strong>This meeting has moved to Wednesday 14 May 2025, from 6pm.</strong>" in moved
    assert "<p>Moved from Wednesday 7 May 2025 at 5pm.</p>" in moved
    assert "The Microsoft Teams joining link is not yet published." in moved


def _jsonld(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S)
    assert match is not None
    data: dict[str, object] = json.loads(match[1])
    return data


def test_json_ld_describes_each_meeting(outputs: dict[str, Output]) -> None:
    hybrid = _jsonld(text(outputs, "meetings/riverside-2025-03/index.md"))
    assert hybrid["@type"] == "Event"
    assert hybrid["startDate"] == "2025-03-12T10:30:00+00:00"
    assert hybrid["endDate"] == "2025-03-12T12:00:00+00:00"
    assert hybrid["eventStatus"] == "https://schema.org/EventScheduled"
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = hybrid["location"]  # type: ignore[misc]
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Northvale",
        "addressCountry": "GB",
        "streetAddress": "1 Example Quay, Riverside",
        "postalCode": "EC9Z 9ZZ",
    }
    assert virtual == {
        "@type": "VirtualLocation",
        "url": "https://teams.microsoft.com/l/meetup-join/fixture-riverside-2025-03",
    }
    moved = _jsonld(text(outputs, "meetings/harbour-2025-05/index.md"))
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert moved["previousStartDate"] == "2025-05-07T17:00:00+01:00"
    # No joining link yet: Google requires a url on every VirtualLocation, so the page's own.
    assert moved["location"] == {
        "@type": "VirtualLocation",
        "url": "https://example.github.io/cluster-panels/meetings/harbour-2025-05/",
    }
    assert (
        _jsonld(text(outputs, "meetings/hilltop-2025-02/index.md"))["eventStatus"]
        == "https://schema.org/EventCancelled"
    )
    postponed = _jsonld(text(outputs, "meetings/hilltop-2025-04/index.md"))
    # Its new date is known: schema.org and Google call that EventRescheduled.
    assert postponed["eventStatus"] == "https://schema.org/EventRescheduled"
    assert postponed["startDate"] == "2025-04-23T12:00:00+01:00"
    assert postponed["previousStartDate"] == "2025-04-09T12:00:00+01:00"
    assert postponed["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_held_meeting_shows_its_record(outputs: dict[str, Output]) -> None:
    page = text(outputs, "meetings/riverside-2024-11/index.md")
    assert "<li>In the room: 14</li>" in page and "<li>Online: 9</li>" in page
    for remit in (
        "Northvale Police",
        "Northvale Borough Council",
        "British Transport Police",
        "Another partner: Licensing partnership",
    ):
        assert remit in page
    assert '<th scope="col">Topic</th>' in page and "<caption>" in page
    assert 'href="https://docs.example.org/riverside-2024-11-minutes.pdf"' in page
    assert "You said: People cycle fast on the pavement by the river path." in page
    assert 'id="riverside-2024-11-cycling"' not in page  # its anchor is on the log page only
    assert "How to join online" not in page  # it is over


def test_panel_page_orders_next_meeting_first_and_links_calendars(
    outputs: dict[str, Output],
) -> None:
    page = text(outputs, "panels/riverside/index.md")
    assert (
        page.index('id="next-meeting"')
        < page.index('id="take-part"')
        < page.index('id="past-meetings"')
    )
    assert 'href="webcal://example.github.io/cluster-panels/calendar/panels/riverside.ics"' in page
    assert "https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F" in page
    assert (
        '<code id="cp-feed-address">https://example.github.io/cluster-panels/calendar/panels/riverside.ics</code>'
        in page
    )
    assert 'data-ends="2025-03-12T12:00:00+00:00"' in page
    assert 'href="mailto:riverside.dwo@example.police.uk"' in page
    harbour = text(outputs, "panels/harbour/index.md")
    assert "The list of wards this panel covers is not yet published." in harbour
    assert "A link to published crime figures for this area is not yet published." in harbour


def test_home_lists_wards_and_latest_actions(outputs: dict[str, Output]) -> None:
    home = text(outputs, "index.md")
    assert '<li>Bridge Ward: <a href="panels/riverside/">Riverside cluster panel</a></li>' in home
    assert home.index('id="next-meetings"') < home.index('id="how-to-take-part"')
    assert home.count('class="cp-action"') == 3


def test_log_index_counts_each_panel_and_lists_the_latest(outputs: dict[str, Output]) -> None:
    log = text(outputs, "you-said-we-did/index.md")
    assert (
        '<li><a href="riverside/">Riverside cluster panel</a>: 4 entries '
        "(1 open, 1 in progress, 1 done, 1 not taken forward)</li>"
    ) in log
    assert "<li>Harbour cluster panel: no entries published yet</li>" in log
    assert '<li><a href="riverside/#riverside-2024-11-lighting">' in log
    assert 'class="cp-action"' not in log  # entries live on the panels' logs only
    assert "you-said-we-did/harbour/index.md" not in outputs


def test_panel_log_groups_by_status_and_indexes_remit(outputs: dict[str, Output]) -> None:
    log = text(outputs, "you-said-we-did/riverside/index.md")
    assert "<p>4 entries, grouped by status, newest first." in log
    for status in ("Open", "In progress", "Done", "Not taken forward"):
        assert f">{status}</a> (1)" in log
    assert log.count('class="cp-action"') == 4
    assert "The venues hold valid licences and no breach was found." in log
    assert 'id="_cp-filter"' in log and 'id="_remit-other-partner"' in log
    assert 'id="riverside-2024-11-cycling"' in log
    assert text(outputs, "you-said-we-did/hilltop/index.md").count('class="cp-action"') == 1


def test_panel_page_shows_open_entries_and_the_latest_closed() -> None:
    """At city scale a panel has ~200 entries; its page shows the open ones and 5 closed."""
    with tempfile.TemporaryDirectory() as folder:
        synthetic.write(synthetic.SCALES["city"], Path(folder))
        data = dataset_module.load(Path(folder), today=synthetic.TODAY, label="data")
    panel = data.panels[0]
    everything = data.actions_for_panel(panel.id)
    page = next(o for o in panels.render(data, CONFIG) if o.path == f"panels/{panel.id}/index.md")
    body = page.content.decode("utf-8")
    still_open = [a for a in everything if a.status.value in ("open", "in-progress")]
    closed = [a for a in everything if a.status.value not in ("open", "in-progress")]
    assert len(closed) > panels.RECENTLY_CLOSED
    assert body.count('class="cp-action"') == len(still_open) + panels.RECENTLY_CLOSED
    for a in closed[: panels.RECENTLY_CLOSED]:
        assert f"You said: {escape(a.said)}<" in body
    assert f'id="{closed[panels.RECENTLY_CLOSED].id}"' not in body
    assert (
        f'<a href="../../you-said-we-did/{panel.id}/">See all {len(everything)} entries '
        f"for the {panel.name} cluster panel</a>"
    ) in body


def test_action_urls_point_at_the_panels_log() -> None:
    assert urls.panel_log("bank") == "you-said-we-did/bank/"
    assert urls.action("bank", "bank-2024-11-a") == "you-said-we-did/bank/#bank-2024-11-a"
    assert urls.action(None, "b-1") == "you-said-we-did/business-meetings/#b-1"
    assert href("you-said-we-did/bank/", urls.action("bank", "x")) == "#x"
    assert href("panels/bank/", urls.action("bank", "x")) == "../../you-said-we-did/bank/#x"


def test_engagement_dates(outputs: dict[str, Output]) -> None:
    page = text(outputs, "engagement/index.md")
    for when in (
        "Saturday 14 September 2024",
        "October 2024",
        "12 to 19 October 2024",
        "25 November to 10 December 2024",
        "Mid-September 2024",
        "Others (students)",
    ):
        assert f"<td>{when}</td>" in page


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("", "panels/", "panels/"),
        ("panels/bank/", "meetings/bank-2024-11/", "../../meetings/bank-2024-11/"),
        ("panels/bank/", "calendar/panels/bank.ics", "../../calendar/panels/bank.ics"),
        ("you-said-we-did/", "you-said-we-did/#a", "#a"),
        ("meetings/x/", "", "../../"),
    ],
)
def test_relative_links(here: str, there: str, expected: str) -> None:
    assert href(here, there) == expected
