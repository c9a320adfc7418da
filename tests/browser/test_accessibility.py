"""Accessibility beyond the every-page visits: the search dialog, axe's self-test, names and focus.

Every page is checked with axe-core in light and dark, and every Tab stop for its focus
ring, by test_every_page.py.
"""

from __future__ import annotations

import pytest
from pagechecks import (
    COLOUR_RULES,
    PALETTE_TOGGLE,
    assert_scheme,
    axe_problems,
    format_violations,
    run_axe,
)

#: The search box's label, the dialog's name and what has focus once the dialog opens.
NAMES_JS = """() => ({
  input: document.querySelector('#cp-search-input').labels[0].textContent,
  dialog: document.getElementById(
    document.getElementById('cp-search').getAttribute('aria-labelledby')).textContent,
  focused: document.activeElement.id,
})"""


def _results_shown(page) -> None:  # type: ignore[no-untyped-def]
    # The status line is written after the results: both are then on screen, and the
    # dialog has no transitions, so axe measures the colours residents see.
    page.wait_for_function(
        "() => /results? for/.test(document.querySelector('#cp-search [role=status]').textContent)"
    )
    page.wait_for_selector(".cp-search__result", state="visible")


def test_axe_search_dialog(open_page, axe_script, light_context):
    """The open search dialog, with results, is accessible, in light and then in dark.

    Opening it focuses the search box, whose label and the dialog's name are read first.

    Switched to dark with the page's toggle between the two runs, as on every page; dark
    changes colours only, so its run is axe's colour rules.
    """
    page = open_page(light_context, "index.html").page
    assert_scheme(page, "light")
    page.click("[data-cp-search-open]")
    assert page.evaluate(NAMES_JS) == {
        "input": "Meetings, panels and “you said, we did”",
        "dialog": "Search this site",
        "focused": "cp-search-input",
    }
    page.keyboard.type("panel")
    _results_shown(page)
    problems = axe_problems(page, axe_script, "search dialog (light)")
    try:
        page.click("[data-cp-search-close]")
        page.dispatch_event(PALETTE_TOGGLE, "click")
        assert_scheme(page, "dark", settle=True)
        page.click("[data-cp-search-open]")  # the query and its results are still there
        _results_shown(page)
        problems += axe_problems(page, axe_script, "search dialog (dark)", rules=COLOUR_RULES)
    finally:
        page.evaluate("() => localStorage.clear()")
    assert not problems, "\n".join(problems)


def test_axe_detects_low_contrast(open_page, axe_script, light_context):
    """Self-test: axe really runs every rule and reports a contrast failure we plant.

    The colour rules alone, after the switch to dark, are tested in test_every_page.py.
    """
    opened = open_page(light_context, "index.html")
    assert_scheme(opened.page, "light")
    opened.page.evaluate(
        """() => {
             const p = document.createElement("p");
             p.id = "planted-low-contrast";
             p.textContent = "Planted low-contrast text";
             p.style.color = "#777";
             p.style.background = "#888";
             document.querySelector(".md-content .md-typeset").appendChild(p);
           }"""
    )
    violations = run_axe(opened.page, axe_script)
    targets = [n["target"] for v in violations if v["id"] == "color-contrast" for n in v["nodes"]]
    assert ["#planted-low-contrast"] in targets, format_violations("self-test", violations)


def test_palette_toggle_focus_is_visible(dark_context, open_page):
    """On a device that asks for dark, Tab to the light/dark switch rings the visible toggle.

    Material leaves the palette radios unchecked, so Tab focuses the first
    radio even though its label is the hidden one in the dark scheme; our CSS
    rings the visible toggle instead. (In light, the every-page Tab walk checks it.)
    """
    page = open_page(dark_context, "index.html").page
    assert_scheme(page, "dark")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('md-option')"):
            break
    else:
        pytest.fail("could not reach the colour scheme toggle with the Tab key")
    outline = page.eval_on_selector(
        PALETTE_TOGGLE,
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }",
    )
    assert outline[0] != "none" and outline[1] >= 2, outline
