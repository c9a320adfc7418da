"""Live check: a page fetches nothing from any host but the site's own.

Every request the page makes while loading (stylesheets, scripts, fonts,
images, the search worker and index) is recorded with page.on("request").
"""

from __future__ import annotations

from urllib.parse import urlsplit


def foreign_requests(urls: list[str], origin: str) -> list[str]:
    allowed = urlsplit(origin).netloc
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != allowed
    ]


def test_only_local_requests(page_path, open_page, light_context, site_server):
    opened = open_page(light_context, page_path, wait_for_idle=True)
    assert opened.requests, "no requests were recorded"
    foreign = foreign_requests(opened.requests, site_server.origin)
    assert not foreign, f"{page_path} fetched from other hosts: {foreign}"


def test_only_local_requests_with_search(open_page, light_context, site_server):
    """Opening search loads the worker and index: they must be local too."""
    opened = open_page(light_context, "index.html", wait_for_idle=True)
    page = opened.page
    # Desktop layout: the search box is in the header; focusing it opens search.
    page.click("input.md-search__input")
    # Type for real: Material searches on keyboard events, not on .fill().
    page.keyboard.type("panel")
    page.wait_for_selector(".md-search-result__item", state="visible")
    page.wait_for_load_state("networkidle")
    assert any("search_index.json" in url for url in opened.requests), opened.requests
    foreign = foreign_requests(opened.requests, site_server.origin)
    assert not foreign, f"search fetched from other hosts: {foreign}"
