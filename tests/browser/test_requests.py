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
    """Nothing is fetched for search until it is opened; then only from the site itself."""
    opened = open_page(light_context, "index.html", wait_for_idle=True)
    page = opened.page
    assert not [url for url in opened.requests if "/pagefind/" in url], opened.requests
    page.click("[data-cp-search-open]")
    page.keyboard.type("panel")
    page.wait_for_selector(".cp-search__result", state="visible")
    page.wait_for_load_state("networkidle")
    assert any("/pagefind/fragment/" in url for url in opened.requests), opened.requests
    foreign = foreign_requests(opened.requests, site_server.origin)
    assert not foreign, f"search fetched from other hosts: {foreign}"
