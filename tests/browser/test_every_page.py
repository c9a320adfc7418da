"""Every built page in one visit, light then dark, every check reported together.

- light, 1280 px: axe-core (every WCAG 2.0–2.2 A/AA rule); links in the text underlined
  (WCAG 1.4.1: more than colour tells them apart); the skip link is the first
  Tab stop and leads on from the content; every Tab stop (up to 80, until the walk wraps
  round to the top) is visible with a focus ring (WCAG 2.4.1, 2.4.7, 2.4.11); nothing is
  fetched from another host; then, resized to 320 px (WCAG 1.4.10 reflow: 1280 px at
  400 % zoom), the page never scrolls sideways. No stylesheet changes the layout between
  320 px and a 390 px phone (checked below), so what fits at 320 px fits on the phone.
  A page one level below a section (a meeting, a panel, a panel's log) has the header and
  navigation of the pages above it, whose walks cover them: its walk follows the skip
  link and goes on from the content;
- dark, switched with the page's own light/dark toggle as a resident would: axe-core's
  colour rules (contrast, links told apart from text). The other rules read the DOM and
  the accessibility tree, which both schemes share. A device that asks for dark before
  the page loads is tested in test_accessibility.py.
"""

from __future__ import annotations

import re

from pagechecks import (
    COLOUR_RULES,
    PALETTE_TOGGLE,
    assert_scheme,
    axe_problems,
    foreign_requests,
    link_underline_problems,
    sideways_scroll_problems,
    skip_link_problems,
    tab_stop_problems,
)

DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
PHONE_WIDTH = 390


def _walks_from_content(page_path: str) -> bool:
    """``meetings/<id>/``, ``panels/<id>/``, ``you-said-we-did/<id>/``: a section's item."""
    return page_path.count("/") >= 2


def _report(page_path: str, problems: list[str]) -> str:
    return f"{page_path}:\n" + "\n".join(f"- {p}" for p in problems)


def test_page(page_path, open_page, light_context, axe_script, site_server):
    opened = open_page(light_context, page_path)
    page = opened.page
    assert_scheme(page, "light")
    problems = axe_problems(page, axe_script, f"{page_path} (light)")
    problems += link_underline_problems(page)
    if _walks_from_content(page_path):
        problems += tab_stop_problems(page, from_content=True)
    else:
        problems += tab_stop_problems(page)
        problems += skip_link_problems(page)
    try:
        page.set_viewport_size(NARROW)
        problems += sideways_scroll_problems(page, f"{page_path} at {NARROW['width']}px")
        page.set_viewport_size(DESKTOP)
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        # The click event itself, as the toggle's label receives it: Playwright's full click
        # (waiting for the label to be still, moving the mouse) is a tenth of the visit, and
        # the self-test below makes it once.
        page.dispatch_event(PALETTE_TOGGLE, "click")
        assert_scheme(page, "dark", settle=True)
        problems += axe_problems(page, axe_script, f"{page_path} (dark)", rules=COLOUR_RULES)
        # The visit has taken longer than the 500 ms of quiet this waits for, so it only
        # catches requests still running late; everything the page asked for is recorded.
        page.wait_for_load_state("networkidle")
    finally:
        # The toggle's choice is kept in localStorage; the next page starts from the device's.
        page.set_viewport_size(DESKTOP)
        page.evaluate("() => localStorage.clear()")
    assert opened.requests, "no requests were recorded"
    foreign = foreign_requests(opened.requests, site_server.origin)
    if foreign:
        problems.append(f"fetched from other hosts: {foreign}")
    if [url for url in opened.requests if url.endswith("/sitemap.xml")]:
        # The theme's script fetches it beside every link[rel=alternate] (its translations).
        problems.append("fetched sitemap.xml, which no page needs")
    assert not problems, _report(page_path, problems)


_WIDTH_QUERY = re.compile(r"\((?:min|max)-width:\s*([\d.]+)(em|px)\)")


def test_no_stylesheet_changes_the_layout_between_320_px_and_a_phone(built_site):
    """No media query in the built site (stylesheets, scripts, pages) has a width in 320-390 px.

    So the 320 px reflow check stands for phones too; a breakpoint in between would need a
    second width in the every-page visit.
    """
    widths = {}
    for asset in built_site.files(".css", ".js", ".html"):  # JavaScript asks matchMedia too
        for number, unit in _WIDTH_QUERY.findall(asset.read_text(encoding="utf-8")):
            px = float(number) * (16 if unit == "em" else 1)  # media queries: 1em = 16px
            widths.setdefault(round(px, 2), asset.name)
    assert widths, "no width media queries found: the pattern no longer matches"
    between = {px: name for px, name in widths.items() if NARROW["width"] < px <= PHONE_WIDTH}
    assert not between, f"breakpoints between 320 and {PHONE_WIDTH} px: {between}"


PLANT_JS = """() => {
  const content = document.querySelector(".md-content .md-typeset");
  const wide = document.createElement("div");
  wide.style.width = "2000px";
  wide.textContent = "planted wide block";
  content.prepend(wide);
  const link = document.createElement("a");
  link.href = "#planted";
  link.id = "planted-no-ring";
  link.textContent = "planted link without a focus ring";
  link.style.cssText = "outline: none !important; box-shadow: none !important; text-decoration: none";
  content.prepend(link);
  const img = document.createElement("img");
  img.src = "http://third-party.invalid/pixel.png";
  img.alt = "";
  content.append(img);
}"""


def test_the_checks_find_what_we_plant(open_page, light_context):
    """Self-test: each every-page check reports a problem planted in a real page."""
    opened = open_page(light_context, "about/index.html")
    page = opened.page
    page.evaluate(PLANT_JS)
    assert [p for p in link_underline_problems(page) if "planted-no-ring" in p]
    assert [p for p in tab_stop_problems(page) if "planted-no-ring" in p and "no focus ring" in p]
    page.reload()
    page.evaluate(PLANT_JS)
    # From the content: the skip link leads to the page's heading, after the planted link.
    page.evaluate(
        "() => document.querySelector('.md-content .md-typeset').append("
        "document.getElementById('planted-no-ring'))"
    )
    from_content = tab_stop_problems(page, from_content=True)
    assert [p for p in from_content if "planted-no-ring" in p and "no focus ring" in p]
    page.set_viewport_size(NARROW)
    try:
        assert sideways_scroll_problems(page, "planted")
    finally:
        page.set_viewport_size(DESKTOP)
    assert "http://third-party.invalid/pixel.png" in foreign_requests(
        opened.requests, "http://127.0.0.1:1"
    )


def test_the_dark_check_sees_the_toggled_colours(open_page, light_context, axe_script):
    """Self-test: text dark enough for the light scheme fails only after the toggle to dark."""
    page = open_page(light_context, "about/index.html").page
    page.evaluate(
        """() => {
             const p = document.createElement("p");
             p.id = "planted-dark-text";
             p.textContent = "Planted text in a fixed dark grey";
             p.style.color = "#30333d";
             document.querySelector(".md-content .md-typeset").appendChild(p);
           }"""
    )
    planted = '"#planted-dark-text"'
    try:
        assert not [
            p for p in axe_problems(page, axe_script, "light", COLOUR_RULES) if planted in p
        ]
        page.click(PALETTE_TOGGLE)
        assert_scheme(page, "dark", settle=True)
        assert [p for p in axe_problems(page, axe_script, "dark", COLOUR_RULES) if planted in p]
    finally:
        page.evaluate("() => localStorage.clear()")
