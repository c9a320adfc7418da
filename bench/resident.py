"""What a resident's phone pays: first page load, then a search, measured in Chromium.

For a built site: the bytes of the home page's first load (each file gzipped, as a server
would send it; Pagefind's own files are gzip already), the bytes fetched and the time from
the first key press until results show for a typed query, and the search index's size on
disk. Uses Playwright with the system Chromium (never a downloaded browser); without them
the figures are reported as not measured.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
QUERY = "cycling"
"""A word from the synthetic concerns ("Cycling on pavements"): many results at every scale."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _file(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    found = site / path
    if found.is_dir():
        found = found / "index.html"
    return found if found.is_file() else None


def _gzipped(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def _bytes(site: Path, urls: list[str]) -> int:
    return sum(_gzipped(f) for url in dict.fromkeys(urls) if (f := _file(site, url)))


def index_size(site: Path) -> dict[str, int]:
    """Files and bytes of the search index on disk (``pagefind/``)."""
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def measure(site: Path, query: str = QUERY) -> dict[str, Any]:
    """The resident-side figures for ``site`` (its home page), or why they were not measured."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"error": "not measured: Playwright is not installed (requirements-dev.txt)"}
    if not CHROMIUM.exists():
        return {"error": f"not measured: {CHROMIUM} not found (apt-get install chromium)"}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            return measure_in(browser, site, query)
        finally:
            browser.close()


def measure_in(browser: Any, site: Path, query: str = QUERY) -> dict[str, Any]:
    """``measure`` in a Playwright Chromium that is already running (the tests' own)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # shutdown() waits for the loop to look again: every 50 ms, not the default 500 ms.
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("requestfinished", lambda r: requests.append(r.url))
        page.goto(origin)
        page.wait_for_load_state("networkidle")
        loaded = list(requests)
        page.click("[data-cp-search-open]")
        started = time.perf_counter()
        page.keyboard.type(query)
        page.wait_for_selector(".cp-search__result", timeout=120_000)
        first_results_ms = (time.perf_counter() - started) * 1000
        page.wait_for_load_state("networkidle")
        searched = requests[len(loaded) :]
        shown = page.eval_on_selector_all(".cp-search__result", "items => items.length")
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    load_bytes = _bytes(site, loaded)
    search_bytes = _bytes(site, searched)
    return {
        "query": query,
        "first_load_requests": len(loaded),
        "first_load_gzip_bytes": load_bytes,
        "first_load_search_bytes": _bytes(site, [u for u in loaded if "/pagefind/" in u]),
        "search_requests": len(searched),
        "search_gzip_bytes": search_bytes,
        "load_and_search_gzip_bytes": load_bytes + search_bytes,
        "first_results_ms": round(first_results_ms),
        "results_shown": shown,
        "index": index_size(site),
    }
