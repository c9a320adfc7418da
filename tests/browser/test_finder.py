"""Find your panel never dead-ends, on a 390 px phone (issue 23, item 2).

With the shared fixture site (tests/fixtures/site/data, wards, streets and postcodes loaded):
a typo or lower case is forgiven with the nearest names offered, a postcode outside the area
says so and links to the national service, a panel's name goes to that panel. With a copy of
the same data whose wards, streets and postcodes are taken out (as the City's data is today):
the page lists the panels and the general contact, and offers no search it cannot do.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sitebuild
import yaml

ELSEWHERE = "https://www.police.uk/"


@pytest.fixture
def phone(phone_context, site_server):  # type: ignore[no-untyped-def]
    page = phone_context.new_page()
    page.goto(site_server.url("find-your-panel/index.html"), wait_until="load")
    yield page
    page.close()


def _find(page, typed: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Your postcode or street").fill(typed)
    page.get_by_role("button", name="Find").tap()


def _result(page, starts: str) -> str:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        "s => document.getElementById('cp-finder-result').textContent.startsWith(s)", arg=starts
    )
    return page.locator("#cp-finder-result").inner_text()


def _lines(text: str) -> list[str]:
    """The result's lines, without the blank ones between its paragraphs."""
    return [line for line in text.splitlines() if line.strip()]


def _menu(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The top-level items of the primary navigation (the phone's menu), in order."""
    return page.eval_on_selector_all(
        "nav.md-nav--primary > ul.md-nav__list > li.md-nav__item",
        "items => items.map(li => li.querySelector('a, label').textContent.trim())",
    )


def test_a_typo_in_a_street_is_offered_the_nearest_street(phone) -> None:  # type: ignore[no-untyped-def]
    _find(phone, "quay stret")
    text = _result(phone, "We could not find")
    assert _lines(text)[:3] == [
        "We could not find “quay stret”.",
        "Did you mean:",
        "Quay Street, in Quay Ward: Riverside cluster panel",
    ]
    assert "Look for your ward or street in the A to Z of wards and streets." in text
    offered = phone.locator("#cp-finder-result li").get_by_role("link")
    with phone.expect_navigation():
        offered.first.tap()
    assert phone.url.endswith("/panels/riverside/")


def test_lower_case_and_a_typo_in_a_ward_are_forgiven(phone) -> None:  # type: ignore[no-untyped-def]
    _find(phone, "SUMMIT ROW")
    assert _result(phone, "SUMMIT ROW") == "SUMMIT ROW is in Summit Ward: Hilltop cluster panel"
    _find(phone, "brige ward")
    text = _result(phone, "We could not find")
    assert "Bridge Ward: Riverside cluster panel" in _lines(text)


def test_a_postcode_outside_the_area_says_so_and_links_to_police_uk(phone, site_server) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    phone.on("request", lambda request: asked.append(request.url))
    _find(phone, "sw1a1aa")
    text = _result(phone, "SW1A 1AA")
    assert text == (
        "SW1A 1AA is not in the area the cluster panels cover (the Borough of Northvale). "
        "To find the neighbourhood police team for SW1A 1AA, search for it on police.uk."
    )
    link = phone.locator("#cp-finder-result").get_by_role("link", name="police.uk")
    assert link.get_attribute("href") == ELSEWHERE
    assert link.is_visible()
    # Said from the page alone: no lookup file fetched, nothing asked of another site.
    assert [u for u in asked if not u.startswith(site_server.origin)] == []
    assert [u for u in asked if "find-your-panel/postcodes/" in u] == []


def test_a_panels_name_goes_to_that_panel(phone) -> None:  # type: ignore[no-untyped-def]
    _find(phone, "hilltop")
    phone.wait_for_url("**/panels/hilltop/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Hilltop cluster panel"
    phone.go_back(wait_until="load")
    _find(phone, "Harbour cluster panel")  # a panel with no wards published goes there too
    phone.wait_for_url("**/panels/harbour/")


def test_a_typo_in_a_panels_name_offers_the_panel(phone) -> None:  # type: ignore[no-untyped-def]
    _find(phone, "hiltop")
    text = _result(phone, "We could not find")
    assert "Hilltop cluster panel" in _lines(text)


def test_find_your_panel_is_in_the_first_three_menu_items(phone) -> None:  # type: ignore[no-untyped-def]
    assert "Find your panel" in _menu(phone)[:3]


# ---------------------------------------------------------------------------
# No wards, streets or postcodes published
# ---------------------------------------------------------------------------


def _without_areas(source: Path, target: Path) -> None:
    shutil.copytree(source, target)
    clusters = target / "clusters.yaml"
    data = yaml.safe_load(clusters.read_text(encoding="utf-8"))
    for panel in data["clusters"]:
        panel.pop("wards", None)
        panel.pop("areas", None)
        for officer in panel.get("officers", ()):
            officer.pop("wards", None)
    clusters.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def no_areas_server(tmp_path_factory) -> Iterator[sitebuild.SiteServer]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("no-areas")
    _without_areas(sitebuild.FIXTURE_DATA, tmp / "data")
    site = sitebuild.mkdocs_build(tmp, tmp / "data", sitebuild.FIXTURE_EPOCH)
    built = sitebuild.BuiltSite(site_dir=site, base_path=sitebuild.site_base_path())
    with sitebuild.SiteServer(built) as server:
        yield server


def test_with_no_areas_the_page_lists_the_panels_and_the_general_contact(
    phone_context, no_areas_server
) -> None:  # type: ignore[no-untyped-def]
    page = phone_context.new_page()
    page.goto(no_areas_server.url("index.html"), wait_until="load")
    section = page.locator("h2#find-your-panel + p")
    assert section.inner_text() == (
        "The Northvale wards each cluster panel covers are not yet published. "
        "Find your panel lists every cluster panel."
    )
    with page.expect_navigation():
        section.get_by_role("link", name="Find your panel").tap()  # tap 1
    assert page.url.endswith("/find-your-panel/")
    body = page.locator(".cp-finder-page")
    text = body.inner_text()
    # No search it cannot do: no box, no promise of one.
    assert body.locator("input, form").count() == 0
    assert "postcode" not in text.lower() and "street" not in text.lower()
    assert page.locator(".cp-finder-panels li").all_inner_texts() == [
        "Riverside cluster panel: "
        "The riverside wards between the two bridges, including the Quay estate.",
        "Hilltop cluster panel",
        "Harbour cluster panel",
    ]
    assert (
        "To ask which cluster panel covers your address, contact the Northvale Police: "
        "call 01632 960000, email panels@northvale.police.example or use the online contact form."
    ) in text
    assert body.locator("a[href='tel:01632960000']").is_visible()
    assert "Find your panel" in _menu(page)[:3]
    with page.expect_navigation():
        page.locator(".cp-finder-panels").get_by_role("link", name="Hilltop cluster panel").tap()
    assert page.url.endswith("/panels/hilltop/")
    page.close()


def test_the_finders_code_is_fetched_when_the_form_is_first_used(
    phone_context, site_server
) -> None:  # type: ignore[no-untyped-def]
    # The every-page script shows the form; the search's own script is not part of any page
    # load (issue 13's page weight), only of using the form.
    page = phone_context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_server.url("find-your-panel/index.html"), wait_until="networkidle")
    field = page.get_by_label("Your postcode or street")
    assert field.is_visible()
    assert [u for u in asked if u.endswith("/cluster-panels-finder.js")] == []
    field.focus()
    page.wait_for_function("() => typeof window.cpFinder === 'function'")
    assert [u.rsplit("/", 1)[1] for u in asked if "/cluster-panels-finder.js" in u] == [
        "cluster-panels-finder.js"
    ]
    page.close()
