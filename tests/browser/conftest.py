"""Fixtures for the browser suite: a local server, Chromium and page contexts.

One Chromium for the whole session, one browser context per colour scheme /
viewport, one fresh page per test. Pages are parametrised at collection time
from the built site (tests/sitebuild.py builds it once per session), so each
page is its own test id, e.g. ``test_dark[about/index.html]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sitebuild

#: Debian's build of Chromium's headless shell (package chromium-headless-shell): the same
#: Blink and V8 as /usr/bin/chromium, without the desktop browser around them, and the build
#: Playwright itself runs headless tests in. On the same 46 tests it used 34 CPU seconds where
#: the full browser, headless, used 51: most of the difference was the full browser's own process.
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Desktop viewport used for the accessibility checks.
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything in tests/browser with ``browser``."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``page_path`` over every built HTML page (404.html included)."""
    if "page_path" in metafunc.fixturenames:
        pages = sitebuild.get_built_site().pages
        metafunc.parametrize("page_path", pages, ids=list(pages))


# ---------------------------------------------------------------------------
# Server and browser
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_server(built_site: sitebuild.BuiltSite) -> Iterator[sitebuild.SiteServer]:
    with sitebuild.SiteServer(built_site) as server:
        yield server


@pytest.fixture(scope="session")
def axe_script() -> Path:
    try:
        return sitebuild.node_module("axe-core/axe.min.js")
    except FileNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found (Debian: apt-get install chromium-headless-shell)", pytrace=False
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _context(browser, **kwargs):
    context = browser.new_context(**kwargs)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture(scope="session")
def light_context(browser, axe_script):
    """Desktop Chromium emulating ``prefers-color-scheme: light``.

    axe-core is registered as an init script, so it is in every page of the
    context without re-sending its 500 kB per page (much faster than
    page.add_script_tag; run_axe falls back to that if it is missing).
    """
    context = _context(browser, viewport=DESKTOP, color_scheme="light")
    context.add_init_script(path=str(axe_script))
    yield context
    context.close()


@pytest.fixture(scope="session")
def dark_context(browser):
    """Chromium emulating ``prefers-color-scheme: dark`` from the start.

    mkdocs.yml gives each palette a media query, so Material's JavaScript
    selects the dark ("slate") palette for a visitor whose device asks for
    dark, exactly as it would for a real resident. Colours in dark are checked
    after the page's own toggle (test_every_page.py); this context is for what
    differs when the device asks before the page loads.
    """
    context = _context(browser, viewport=DESKTOP, color_scheme="dark")
    yield context
    context.close()


@pytest.fixture(scope="session")
def phone_context(browser):
    """A 390 px wide phone (iPhone 12-15 size) with touch and mobile viewport."""
    context = _context(
        browser,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield context
    context.close()


# ---------------------------------------------------------------------------
# Opening pages, recording every request
# ---------------------------------------------------------------------------


@dataclass
class OpenedPage:
    page: object  # playwright.sync_api.Page
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def _tabs() -> dict[int, object]:
    """One reusable page ("tab") per browser context, for speed."""
    return {}


@pytest.fixture
def open_page(site_server: sitebuild.SiteServer, _tabs):
    """Factory: ``open_page(context, page_path, wait_for_idle=False)`` -> OpenedPage.

    Navigates the context's reusable tab to the page, recording every
    request the page (and its workers) makes from then on. Waits for the
    ``load`` event; with ``wait_for_idle`` also until the network has been
    idle for 500 ms (so late requests such as the search index are recorded
    too). Listeners are removed when the test ends.
    """
    listeners: list[tuple[object, str, object]] = []

    def _open(context, page_path: str, wait_for_idle: bool = False) -> OpenedPage:
        page = _tabs.get(id(context))
        if page is None or page.is_closed():
            page = context.new_page()
            _tabs[id(context)] = page
        result = OpenedPage(page=page)

        def on_request(request) -> None:
            result.requests.append(request.url)

        def on_console(msg) -> None:
            if msg.type == "error":
                result.console_errors.append(msg.text)

        for event, handler in (("request", on_request), ("console", on_console)):
            page.on(event, handler)
            listeners.append((page, event, handler))
        response = page.goto(site_server.url(page_path), wait_until="load")
        # 404.html is requested directly, so it is served with 200 too.
        assert response is not None and response.ok, (page_path, response)
        if wait_for_idle:
            page.wait_for_load_state("networkidle")
        return result

    yield _open
    for page, event, handler in listeners:
        if not page.is_closed():
            page.remove_listener(event, handler)
