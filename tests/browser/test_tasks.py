"""Residents' top tasks on a 390 px phone, over a site built from the fixture (issue 13).

Each task is counted in taps from the home page: join the next meeting of a panel, find the
panel for a postcode, subscribe to a calendar, read what happened at a past meeting. The site
is the shared one (tests/sitebuild.py): the real MkDocs build of tests/fixtures/site/data (never
data/), with the build date set to the fixture's 10 March 2025.
"""

from __future__ import annotations

import pytest
import sitebuild

TEAMS = "https://teams.microsoft.com/l/meetup-join/fixture-riverside-2025-03"


@pytest.fixture(scope="module")
def fixture_server(site_server: sitebuild.SiteServer) -> sitebuild.SiteServer:
    """The shared site, built once per run from tests/fixtures/site/data on 10 March 2025."""
    return site_server


@pytest.fixture
def phone(phone_context, fixture_server):  # type: ignore[no-untyped-def]
    page = phone_context.new_page()
    page.goto(fixture_server.url("index.html"), wait_until="load")
    yield page
    page.close()


def tap(page, locator) -> None:  # type: ignore[no-untyped-def]
    """One tap on something a resident can see."""
    locator.scroll_into_view_if_needed()
    assert locator.is_visible()
    locator.tap()


def test_join_the_next_riverside_meeting_in_two_taps(phone) -> None:  # type: ignore[no-untyped-def]
    line = phone.locator("#cp-next li", has_text="Riverside")
    assert "Wednesday 12 March 2025, 10:30am, in person and online" in line.inner_text()
    tap(phone, line.get_by_role("link", name="Wednesday 12 March 2025, 10:30am"))  # tap 1
    phone.wait_for_url("**/meetings/riverside-2025-03/")
    join = phone.get_by_role("link", name="Join on Teams").first
    box = join.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, "Join on Teams is below the fold"
    assert join.get_attribute("href") == TEAMS  # tap 2 would open Teams


def test_find_the_panel_for_a_postcode_in_two_taps(phone) -> None:  # type: ignore[no-untyped-def]
    field = phone.get_by_label("Your postcode or street")
    tap(phone, field)  # tap 1
    phone.keyboard.type("zz1 3aa")
    tap(phone, phone.get_by_role("button", name="Find"))  # tap 2
    result = phone.locator("#cp-finder-result")
    result.get_by_role("link").first.wait_for()
    assert result.inner_text() == (
        "ZZ1 3AA is in Bridge Ward and Summit Ward: Riverside cluster panel or Hilltop cluster panel"
    )
    fetched = phone.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('find-your-panel/'))"
    )
    assert [n.rsplit("/", 1)[1] for n in fetched] == ["ZZ1.json"]


def test_find_a_panel_by_street_and_sector(phone) -> None:  # type: ignore[no-untyped-def]
    field = phone.get_by_label("Your postcode or street")
    field.fill("summit row")
    phone.get_by_role("button", name="Find").tap()
    result = phone.locator("#cp-finder-result")
    result.get_by_role("link").first.wait_for()
    assert result.inner_text() == "summit row is in Summit Ward: Hilltop cluster panel"
    field.fill("ZZ1 2XY")  # not listed itself, but its sector ZZ1 2 is
    phone.get_by_role("button", name="Find").tap()
    phone.wait_for_function(
        "() => document.getElementById('cp-finder-result').textContent.startsWith('ZZ1 2XY')"
    )
    assert result.inner_text() == "ZZ1 2XY is in Quay Ward: Riverside cluster panel"
    field.fill("ZZ1 9ZZ")  # in an outward code of the area, but not listed
    phone.get_by_role("button", name="Find").tap()
    phone.wait_for_function(
        "() => document.getElementById('cp-finder-result').textContent.startsWith('We could')"
    )
    assert result.inner_text() == (
        "We could not find ZZ1 9ZZ.\n\n"
        "Look for your ward or street in the A to Z of wards and streets."
    )


def test_without_javascript_the_a_to_z_finds_the_panel(browser, fixture_server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    page.goto(fixture_server.url("index.html"))
    assert not page.locator("#cp-finder").is_visible()
    page.get_by_role("link", name="A to Z of wards and streets").click()
    item = page.locator("li", has_text="Quay Street, in Quay Ward")
    assert item.get_by_role("link").inner_text() == "Riverside cluster panel"
    context.close()


def test_subscribe_to_a_panel_from_its_page(phone) -> None:  # type: ignore[no-untyped-def]
    tap(phone, phone.locator("#cp-next").get_by_role("link", name="Riverside"))  # tap 1
    phone.wait_for_url("**/panels/riverside/")
    box = phone.locator("#subscribe")
    apple = box.get_by_role(
        "link", name="Subscribe on this device (Apple Calendar, Outlook desktop)"
    )
    assert apple.get_attribute("href") == (
        "webcal://example.github.io/cluster-panels/calendar/panels/riverside.ics"
    )
    assert (
        box.get_by_role("link", name="Subscribe in Outlook.com")
        .get_attribute("href")
        .startswith("https://outlook.live.com/calendar/0/addfromweb?url=")
    )
    address = box.locator(".cp-subscribe__address code")
    assert (
        address.inner_text()
        == "https://example.github.io/cluster-panels/calendar/panels/riverside.ics"
    )
    assert box.get_by_role("button", name="Copy the address").is_visible()


def test_read_what_happened_at_a_past_meeting(phone, fixture_server) -> None:  # type: ignore[no-untyped-def]
    tap(phone, phone.locator("#cp-next").get_by_role("link", name="Riverside"))  # tap 1
    past = phone.locator("#cp-past")
    tap(past, past.get_by_role("link", name="Riverside cluster panel: Wednesday 6 November 2024"))
    phone.wait_for_url("**/meetings/riverside-2024-11/")
    heading = phone.get_by_role("heading", name="What happened at this meeting")
    box = heading.bounding_box()
    assert box is not None and box["y"] < 844 * 1.5, "what happened is far below the fold"
    assert phone.get_by_role("heading", name="You said, we did").is_visible()
    assert phone.get_by_text("Add this meeting to your calendar").count() == 0
