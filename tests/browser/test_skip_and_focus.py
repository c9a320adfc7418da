"""Every page: a skip link first, and every Tab stop visible with a focus ring (issue 13 item 4).

WCAG 2.4.1 (bypass blocks), 2.4.7 (focus visible) and 2.4.11 (focus not obscured). Material
only writes its skip link on pages with a table of contents; overrides/base.html gives every
other page one to the main content.
"""

from __future__ import annotations

STOP_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let target = el;
  if (el.classList.contains("md-toggle")) {
    // Visually hidden toggle: its ring is drawn on the visible header button.
    target = document.querySelector(`.md-header label[for="${el.id}"]`) || el;
  }
  const r = target.getBoundingClientRect();
  const s = getComputedStyle(target);
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2)
    || (s.boxShadow && s.boxShadow !== "none");
  const hidden = s.visibility === "hidden" || r.width < 1 || r.height < 1;
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  return { html: el.outerHTML.slice(0, 120), ring, hidden, inView,
           option: el.classList.contains("md-option") };
}
"""
MAX_STOPS = 80


def test_skip_link_is_first_and_moves_to_the_content(open_page, light_context, page_path):
    page = open_page(light_context, page_path).page
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => ({skip: document.activeElement.classList.contains('md-skip'), href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim()})"
    )
    assert first["skip"] and first["text"] == "Skip to content", first
    target = first["href"]
    assert target.startswith("#"), target
    assert page.locator(f'[id="{target[1:]}"]').count() == 1, target
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "id => { const t = document.getElementById(id);"
        " return !!(t.compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING) || t.contains(document.activeElement); }",
        target[1:],
    )
    assert inside, "Tab after the skip link did not go on from the content"


def test_every_tab_stop_is_visible_with_a_focus_ring(open_page, light_context, page_path):
    page = open_page(light_context, page_path).page
    problems = []
    for step in range(MAX_STOPS):
        page.keyboard.press("Tab")
        info = page.evaluate(STOP_JS)
        if info is None:
            break
        if info["option"]:
            continue  # palette radio: test_palette_toggle_focus_is_visible covers it
        if info["hidden"] or not info["inView"]:
            problems.append((step, "invisible", info["html"]))
        elif not info["ring"]:
            problems.append((step, "no focus ring", info["html"]))
    assert not problems, problems
