"""Keyboard use on a phone-sized / zoomed screen (WCAG 2.1.1, 2.4.3, 2.4.7).

On narrow screens Material hides the navigation in an off-screen drawer
behind a menu button. These tests check that a keyboard user can reach and
open the menu and search, and that Tab never lands on something invisible.
See "cluster-panels fix 3" in overrides/base.html.
"""

from __future__ import annotations

ACTIVE_JS = """
() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  let ring = null;
  if (el.classList.contains("md-toggle")) {
    // Visually hidden toggle: the ring is drawn on its visible header button.
    const button = document.querySelector(`.md-header label[for="${el.id}"]`);
    const s = getComputedStyle(button);
    const b = button.getBoundingClientRect();
    ring = { style: s.outlineStyle, width: parseFloat(s.outlineWidth),
             visible: b.width > 0 && b.height > 0 };
  }
  return {
    html: el.outerHTML.slice(0, 160),
    id: el.id,
    isToggle: el.classList.contains("md-toggle"),
    isOption: el.classList.contains("md-option"),
    inViewport: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    visible: style.visibility !== "hidden",
    ring,
  };
}
"""


def tab_to(page, predicate_js: str, limit: int = 40) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return page.evaluate(ACTIVE_JS)
    raise AssertionError(f"Tab never reached an element matching {predicate_js}")


def test_tab_order_stays_visible_on_phone(open_page, phone_context):
    """The first 25 Tab stops are all visible (no off-screen drawer links)."""
    opened = open_page(phone_context, "about/index.html")
    page = opened.page
    problems = []
    for step in range(25):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE_JS)
        if info["html"].startswith("<body"):
            break
        if info["isToggle"]:
            ring = info["ring"]
            if not (ring["visible"] and ring["style"] != "none" and ring["width"] >= 2):
                problems.append((step, "toggle without visible focus ring", info["html"]))
        elif info["isOption"]:
            continue  # palette radio: covered by test_palette_toggle_focus_is_visible
        elif not (info["inViewport"] and info["visible"]):
            problems.append((step, "focus on an invisible/off-screen element", info["html"]))
    assert not problems, problems


def test_menu_opens_with_keyboard_on_phone(open_page, phone_context):
    opened = open_page(phone_context, "about/index.html")
    page = opened.page
    info = tab_to(page, "() => document.activeElement.id === '__drawer'")
    assert info["ring"]["visible"], "menu button is not shown"
    page.keyboard.press("Space")
    assert page.evaluate("() => document.getElementById('__drawer').checked")
    # The menu's links are now visible and reachable with Tab.
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
        " === 'visible'"
    )
    info = tab_to(
        page,
        "() => !!document.activeElement.closest('.md-sidebar--primary')"
        " && document.activeElement.tagName === 'A'",
    )
    page.wait_for_timeout(300)  # let the drawer finish sliding in
    info = page.evaluate(ACTIVE_JS)
    assert info["inViewport"] and info["visible"], info


def test_search_opens_with_keyboard_on_phone(open_page, phone_context):
    opened = open_page(phone_context, "index.html")
    page = opened.page
    info = tab_to(page, "() => document.activeElement.matches('[data-cp-search-open]')")
    assert info["inViewport"] and info["visible"], "search button is not shown"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'cp-search-input'")
    page.keyboard.type("panel")
    page.wait_for_selector(".cp-search__result", state="visible")
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => !!document.activeElement.closest('.cp-search__results, .cp-search')"
    )
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.matches('[data-cp-search-open]')")
    assert not page.evaluate("() => document.getElementById('cp-search').open")
