"""Phone details at 390 px (issue 23, item 6): text and targets a thumb and an eye can use.

On one page of each kind: no visible text under 14 px (SVG chart labels measured as drawn,
after the chart is scaled to the screen); every control (buttons, fields, menus, disclosure
summaries, button-styled links, the header's buttons) at least 24 × 24 px (WCAG 2.2 target
size); every field and menu with at least 16 px text, below which iPhones zoom into it. Links
inside sentences are exempt from the target size, as WCAG 2.5.8 says.
"""

from __future__ import annotations

import pytest

PAGES = [
    "index.html",
    "panels/hilltop/index.html",
    "panels/index.html",
    "meetings/hilltop-2025-04/index.html",
    "meetings/riverside-2024-11/index.html",
    "you-said-we-did/hilltop/index.html",
    "you-said-we-did/index.html",
    "metrics/index.html",
    "find-your-panel/index.html",
    "venues/index.html",
    "engagement/index.html",
    "data/index.html",
    "about/index.html",
    "meetings/hilltop-2025-04/poster/index.html",
]

SMALLEST_TEXT = 14
SMALLEST_TARGET = 24
SMALLEST_FIELD_TEXT = 16

MEASURE = """([smallestText, smallestTarget, smallestField]) => {
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"
      && !e.closest("[hidden], dialog:not([open])");
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const e = walker.currentNode.parentElement;
    if (!text || !e || seen.has(e) || !shown(e) || e.closest("script, style, title, desc")) continue;
    seen.add(e);
    let size = parseFloat(getComputedStyle(e).fontSize);
    if (e instanceof SVGElement && e.getScreenCTM()) size *= e.getScreenCTM().a;
    if (size < smallestText - 0.05) problems.push(`text ${size.toFixed(1)} px: ${name(e)} "${text.slice(0, 40)}"`);
  }
  const controls = "button, input:not([type=hidden]), select, textarea, summary, a.cp-button, "
    + ".md-header__button, .md-top";
  for (const e of document.querySelectorAll(controls)) {
    if (!shown(e) || e.classList.contains("md-toggle") || e.classList.contains("md-option")) continue;
    const r = e.getBoundingClientRect();
    if (r.width < smallestTarget || r.height < smallestTarget)
      problems.push(`target ${Math.round(r.width)} x ${Math.round(r.height)} px: ${name(e)}`);
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(e.tagName) && size < smallestField)
      problems.push(`field text ${size.toFixed(1)} px: ${name(e)}`);
  }
  return problems;
}"""


@pytest.mark.parametrize("path", PAGES)
def test_text_and_targets_at_390_px(phone_context, open_page, path: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(phone_context, path).page
    page.evaluate("() => document.fonts.ready")
    problems = page.evaluate(MEASURE, [SMALLEST_TEXT, SMALLEST_TARGET, SMALLEST_FIELD_TEXT])
    assert problems == [], f"{path} at 390 px:\n" + "\n".join(problems)


def test_disclosures_open_keep_their_text_readable(phone_context, open_page) -> None:  # type: ignore[no-untyped-def]
    """The subscribe steps and the newsletter text are inside <details>: measured open."""
    for path in ("panels/hilltop/index.html", "meetings/hilltop-2025-04/index.html"):
        page = open_page(phone_context, path).page
        page.evaluate(
            "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
        )
        problems = page.evaluate(MEASURE, [SMALLEST_TEXT, SMALLEST_TARGET, SMALLEST_FIELD_TEXT])
        assert problems == [], f"{path} with its disclosures open:\n" + "\n".join(problems)


def test_where_links_to_the_venues_access_facts(phone_context, open_page) -> None:  # type: ignore[no-untyped-def]
    page = open_page(phone_context, "meetings/riverside-2025-03/index.html").page
    where = page.locator(
        ".cp-facts--lead dd", has=page.get_by_role("link", name="address and access")
    )
    link = where.get_by_role("link", name="address and access")
    assert link.get_attribute("href") == "#venue"
    link.tap()
    page.wait_for_function("() => location.hash === '#venue'")
    heading = page.locator("#venue")
    assert heading.inner_text() == "Venue and access"
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 844, "the access facts are not on screen"
    facts = page.locator("#venue ~ dl.cp-facts").first
    assert "Step-free access" in facts.inner_text()
