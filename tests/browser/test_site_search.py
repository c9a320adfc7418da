"""Search as residents use it on a 390 px phone, over the fixture's data: stemming, dates,
ranking (a panel first for its name, meetings by date, venues by access words) and loading.

One browser context for the module, so the search's WebAssembly is compiled once.
"""

from __future__ import annotations

import datetime

import pytest
import sitebuild
from pagechecks import foreign_requests

from generator.search.pagefind import write_index
from generator.search.records import Record, RecordType

PHONE = {"width": 390, "height": 844}
OPENING_BUDGET = 60 * 1024
"""What opening search may fetch before anything is typed (response bodies, as served)."""


@pytest.fixture(scope="module")
def search_context(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, reduced_motion="reduce"
    )
    yield context
    context.close()


def _open_home(context, server: sitebuild.SiteServer):  # type: ignore[no-untyped-def]
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.url("index.html"))
    page.wait_for_load_state("networkidle")
    page.requests = requests
    return page


@pytest.fixture
def search_page(search_context, site_server):  # type: ignore[no-untyped-def]
    """A fresh home page: nothing of search loaded yet."""
    page = _open_home(search_context, site_server)
    yield page
    page.close()


@pytest.fixture(scope="module")
def searching_page(search_context, site_server):  # type: ignore[no-untyped-def]
    """One home page for the queries: each search clears the box, as a resident would."""
    page = _open_home(search_context, site_server)
    yield page
    page.close()


def _search(page, query: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    if not page.evaluate("() => document.getElementById('cp-search').open"):
        page.click("[data-cp-search-open]")
    page.fill("#cp-search-input", "")
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('#cp-search [role=status]').textContent.includes(q)", arg=query
    )
    return page.eval_on_selector_all(
        ".cp-search__result",
        """items => items.map(li => ({
             title: li.querySelector('a').textContent,
             href: li.querySelector('a').getAttribute('href'),
             meta: li.querySelector('.cp-search__result-meta').textContent,
             excerpt: li.querySelector('.cp-search__excerpt').textContent }))""",
    )


def test_nothing_is_fetched_for_search_until_it_is_opened(search_page, site_server) -> None:  # type: ignore[no-untyped-def]
    """Then only from the site's own host (every page's own requests: test_every_page.py)."""
    assert not [url for url in search_page.requests if "/pagefind/" in url]
    _search(search_page, "patrols")
    search_page.wait_for_load_state("networkidle")
    assert [url for url in search_page.requests if "/pagefind/fragment/" in url]
    foreign = foreign_requests(search_page.requests, site_server.origin)
    assert not foreign, f"search fetched from other hosts: {foreign}"


def test_cycling_finds_the_entry_that_says_cyclists(searching_page) -> None:  # type: ignore[no-untyped-def]
    results = _search(searching_page, "cycling")
    entry = next(r for r in results if r["href"].endswith("#riverside-2024-11-cycling"))
    assert entry["meta"] == "You said, we did · Wednesday 6 November 2024"


def test_stemming_alone_finds_cyclists_for_cycling(search_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # An index where "Cyclists" is the only form of the word: found by stemming, nothing else.
    write_index(
        [
            Record("/a/", "Pavement", "Cyclists ride on the pavement", RecordType.ENTRY),
            Record("/b/", "Roads", "Motorists drive on the road", RecordType.ENTRY),
        ],
        tmp_path / "pagefind",
    )
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    site = sitebuild.BuiltSite(site_dir=tmp_path, base_path="/", pages=())
    with sitebuild.SiteServer(site) as server:
        page = search_context.new_page()
        page.goto(server.url("index.html"))
        urls = page.evaluate(
            """async () => {
                 const pagefind = await import('./pagefind/pagefind.js');
                 const found = await pagefind.search('cycling');
                 return Promise.all(found.results.map(async r => (await r.data()).url));
               }"""
        )
        page.close()
    assert urls == ["/a/"]


def test_a_meetings_date_finds_the_meeting(searching_page) -> None:  # type: ignore[no-untyped-def]
    results = _search(searching_page, "4 June 2025")
    assert results[0]["href"].endswith("/meetings/business-2025-06/")
    assert results[0]["meta"] == "Meeting · Wednesday 4 June 2025"


def test_data_comes_before_guidance(searching_page) -> None:  # type: ignore[no-untyped-def]
    # Finds the venue with step-free access and the accessibility statement (fewer than ten
    # results from the data, so guidance is shown too).
    results = _search(searching_page, "access")
    kinds = [r["meta"].split(" · ")[0] for r in results]
    assert "Guidance" in kinds and kinds[0] != "Guidance"
    assert kinds == sorted(kinds, key=lambda kind: kind == "Guidance")


@pytest.mark.parametrize("query", ["ward officer", "DWO", "dwo", "Alex Example"])
def test_officers_are_found_by_role_short_form_and_name(searching_page, query) -> None:  # type: ignore[no-untyped-def]
    results = _search(searching_page, query)
    assert results[0]["href"].endswith("/panels/riverside/"), results[:3]
    assert results[0]["title"] == "Riverside cluster panel"


def test_opening_search_fetches_at_most_60_kb_and_the_first_query_finds(search_page) -> None:  # type: ignore[no-untyped-def]
    """The engine's script comes with opening; its WebAssembly and index with the first key."""
    bodies: dict[str, int] = {}

    def finished(request) -> None:  # type: ignore[no-untyped-def]
        if "/pagefind/" in request.url:
            bodies[request.url.split("/pagefind/")[1]] = len(request.response().body())

    search_page.on("requestfinished", finished)
    search_page.click("[data-cp-search-open]")
    search_page.wait_for_load_state("networkidle")
    search_page.wait_for_timeout(300)  # anything started late by the script is still counted
    opened = dict(bodies)
    assert opened, "opening search fetched nothing: the engine's script should start loading"
    assert sum(opened.values()) <= OPENING_BUDGET, opened
    assert not [name for name in opened if name.startswith("wasm.")], opened
    results = _search(search_page, "Harbour")
    assert [r for r in results if r["href"].endswith("/panels/harbour/")], results


@pytest.mark.parametrize(
    ("query", "panel"),
    [
        ("Hilltop", "hilltop"),
        ("hilltop", "hilltop"),
        ("Riverside", "riverside"),
        ("Harbour", "harbour"),
    ],
)
def test_a_panels_own_page_is_first_for_its_name(searching_page, query, panel) -> None:  # type: ignore[no-untyped-def]
    results = _search(searching_page, query)
    assert results[0]["href"].endswith(f"/panels/{panel}/"), results[:3]
    assert results[0]["meta"] == "Panel"


@pytest.mark.parametrize("query", ["step-free", "hearing loop", "wheelchair", "toilet"])
def test_access_words_find_the_venue_that_has_it(searching_page, query) -> None:  # type: ignore[no-untyped-def]
    """Only Quay Hall has these; Summit Library has no step-free route and is not offered."""
    results = _search(searching_page, query)
    assert results[0]["href"].endswith("/venues/#venue-quay-hall"), results[:3]
    assert results[0]["title"] == "Quay Hall" and results[0]["meta"] == "Venue"
    assert not [r for r in results if r["href"].endswith("#venue-summit-library")]


def _meeting_dates(results: list[dict[str, str]]) -> list[str]:
    return [r["meta"].split(" · ")[1] for r in results if r["meta"].startswith("Meeting · ")]


def test_meetings_come_latest_first_once_all_have_passed(searching_page) -> None:  # type: ignore[no-untyped-def]
    assert _meeting_dates(_search(searching_page, "Hilltop")) == [
        "Wednesday 23 April 2025",
        "Wednesday 12 February 2025",
        "Wednesday 20 November 2024",
    ]


def test_meetings_to_come_are_soonest_first_then_the_past_latest_first(
    search_context, site_server
) -> None:  # type: ignore[no-untyped-def]
    page = search_context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2025, 1, 10, 12, tzinfo=datetime.UTC))
    page.goto(site_server.url("index.html"))
    page.wait_for_load_state("networkidle")
    found = _search(page, "Hilltop")
    page.close()
    assert found[0]["href"].endswith("/panels/hilltop/"), found[:3]
    assert _meeting_dates(found) == [
        "Wednesday 12 February 2025",
        "Wednesday 23 April 2025",
        "Wednesday 20 November 2024",
    ]
