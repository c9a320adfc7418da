"""No layout shift (issue 23, item 4): CLS ≤ 0.02 at 390 px on every page type.

Measured as the browser measures it: a ``PerformanceObserver`` for ``layout-shift`` entries,
registered before the page's own scripts, sums every shift not caused by input (``buffered``,
so the earliest count too). A shift only counts once something has been drawn, and on a local
server a page is often fully scripted before its first frame; so the page's scripts are held
back a little (as on a phone's slow network), and the page is drawn first, as a resident sees it,
before its scripts change anything. Pages are opened with the clock at the fixture's build date
and again months later (an init script sets the page's clock), when every meeting of the fixture has passed since the build ("stale"):
the ended meetings must already be in "Past meetings" before anything is drawn.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
import sitebuild

#: One page of each kind the site has (generated and hand-written).
PAGE_TYPES = {
    "home": "index.html",
    "panel": "panels/hilltop/index.html",
    "panels": "panels/index.html",
    "meeting": "meetings/hilltop-2025-04/index.html",
    "log": "you-said-we-did/hilltop/index.html",
    "log index": "you-said-we-did/index.html",
    "metrics": "metrics/index.html",
    "finder": "find-your-panel/index.html",
    "venues": "venues/index.html",
    "engagement": "engagement/index.html",
    "data": "data/index.html",
    "hand-written": "about/index.html",
}

BUILT = datetime.fromtimestamp(int(sitebuild.FIXTURE_EPOCH), UTC)
#: After the fixture's last meeting (4 June 2025): every upcoming card has ended.
STALE = BUILT + timedelta(days=120)

#: How long each of the page's scripts is held back: long enough for a first frame.
SCRIPT_DELAY_S = 0.3

LIMIT = 0.02

OBSERVE = """
window.__cpShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__cpShifts.push({
      value: entry.value,
      sources: (entry.sources || []).map((s) => {
        const n = s.node;
        const name = !n ? "?" : n.id ? "#" + n.id : (n.className && n.className.baseVal === undefined
          ? n.nodeName.toLowerCase() + "." + String(n.className).split(" ").join(".")
          : n.nodeName.toLowerCase());
        return name + " y " + Math.round(s.previousRect.y) + "->" + Math.round(s.currentRect.y);
      }),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
"""

#: Two frames after the scripts ran and a pause for anything they start (the palette, Material's
#: header), then the shifts so far.
SETTLE = """
() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
  setTimeout(() => done(window.__cpShifts), 500))))
"""


#: The page's clock set to another moment, still running (Playwright's page.clock would also
#: stop performance.now(), which the paint and shift timings are read from).
CLOCK = """
(() => {
  const offset = %d - Date.now();
  const Real = Date;
  class Shifted extends Real {
    constructor(...args) { super(...(args.length ? args : [Real.now() + offset])); }
    static now() { return Real.now() + offset; }
  }
  window.Date = Shifted;
})();
"""

#: Whether the first frame was drawn before the last of the page's scripts arrived.
DRAWN_FIRST = """
() => {
  const paint = performance.getEntriesByName("first-paint")[0];
  const scripts = performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".js"));
  return !!paint && scripts.length > 0 && paint.startTime < Math.max(...scripts.map((r) => r.responseEnd));
}
"""


@pytest.fixture(scope="module")
def slow_phone(browser):  # type: ignore[no-untyped-def]
    """A 390 px phone whose page scripts arrive after the page's first frame."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    context.add_init_script(OBSERVE)

    def late(route) -> None:  # type: ignore[no-untyped-def]
        time.sleep(SCRIPT_DELAY_S)
        route.continue_()

    context.route("**/*.js", late)
    yield context
    context.close()


def shifts_on(context, server: sitebuild.SiteServer, page_path: str, now: datetime):  # type: ignore[no-untyped-def]
    page = context.new_page()
    try:
        page.add_init_script(CLOCK % (now.timestamp() * 1000))
        page.goto(server.url(page_path), wait_until="load")
        found = page.evaluate(SETTLE)
        drawn_before_scripts = page.evaluate(DRAWN_FIRST)
        return found, drawn_before_scripts, page
    except BaseException:
        page.close()
        raise


def describe(shifts: list[dict]) -> str:
    return "; ".join(f"{s['value']:.3f} ({', '.join(s['sources'][:3])})" for s in shifts)


@pytest.mark.parametrize("when", ["at build", "stale"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_layout_shift_at_390_px(slow_phone, site_server, kind: str, when: str) -> None:  # type: ignore[no-untyped-def]
    now = BUILT if when == "at build" else STALE
    shifts, painted, page = shifts_on(slow_phone, site_server, PAGE_TYPES[kind], now)
    page.close()
    assert painted, "the page was not drawn before its scripts ran: nothing was measured"
    total = sum(s["value"] for s in shifts)
    assert total <= LIMIT, f"{kind} ({when}): CLS {total:.3f} > {LIMIT}: {describe(shifts)}"


def test_a_stale_panel_page_lists_its_ended_meetings_as_past(slow_phone, site_server) -> None:  # type: ignore[no-untyped-def]
    """What the inline script does before the page is drawn, seen by a resident."""
    _, _, page = shifts_on(slow_phone, site_server, PAGE_TYPES["panel"], STALE)
    try:
        assert page.locator("#cp-next li").count() == 0
        note = page.locator('[data-empty-for="cp-next"]')
        assert note.inner_text().startswith("No upcoming meeting of this panel is published yet.")
        assert note.is_visible()
        past = page.locator("#cp-past > li h3")
        assert past.first.inner_text() == "Hilltop cluster panel: Wednesday 23 April 2025"
        assert page.get_by_text("This panel has not met yet.").count() == 0
    finally:
        page.close()


def test_at_build_time_the_page_says_what_the_build_knew(slow_phone, site_server) -> None:  # type: ignore[no-untyped-def]
    """The same page on the build date: the upcoming meeting is next, and no note contradicts it."""
    _, _, page = shifts_on(slow_phone, site_server, PAGE_TYPES["panel"], BUILT)
    try:
        next_titles = page.locator("#cp-next > li h3").all_inner_texts()
        assert next_titles == ["Hilltop cluster panel: Wednesday 23 April 2025"]
        assert page.locator("[data-empty-for]").count() == 0
    finally:
        page.close()
