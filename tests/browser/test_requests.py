"""Search fetches nothing until it is opened, then only from the site's own host.

Every page's own requests are checked by test_every_page.py (its light visit).
"""

from __future__ import annotations

from pagechecks import foreign_requests


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
