"""axe-core on every built page, in the light and the dark colour scheme.

Each page is loaded in Chromium, axe-core (node_modules/axe-core) is
injected and run with the WCAG 2.0/2.1/2.2 A and AA rule tags. Any violation
fails the test; the message lists rule id, impact, target selectors and the
offending HTML.
"""

from __future__ import annotations

import json

import pytest

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Relative luminance (0 = black, 1 = white) of the computed background.
LUMINANCE_JS = """
(el) => {
  const rgb = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}
"""


def run_axe(page, axe_script, context_selector: str | None = None) -> list[dict]:
    # The light/dark contexts preload axe with add_init_script; inject it
    # into the page if it is not there (e.g. another context).
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        """async ([tags, selector]) => {
             const context = selector ? document.querySelector(selector) : document;
             const result = await axe.run(context, {
               runOnly: { type: "tag", values: tags },
               resultTypes: ["violations"],
             });
             return result.violations.map((v) => ({
               id: v.id,
               impact: v.impact,
               help: v.help,
               helpUrl: v.helpUrl,
               nodes: v.nodes.map((n) => ({
                 target: n.target,
                 html: n.html,
                 summary: n.failureSummary,
               })),
             }));
           }""",
        [WCAG_TAGS, context_selector],
    )


def format_violations(label: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {label}:"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            lines.append(f"    target: {json.dumps(node['target'])}")
            lines.append(f"    html:   {node['html'][:300]}")
            if node.get("summary"):
                summary = node["summary"].replace("\n", "\n            ")
                lines.append(f"    why:    {summary}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


def assert_scheme(page, scheme: str) -> None:
    """Check Material applied the scheme and the page really renders light/dark."""
    page.wait_for_function(
        "(s) => document.body.getAttribute('data-md-color-scheme') === s",
        arg="slate" if scheme == "dark" else "default",
    )
    luminance = page.eval_on_selector("body", LUMINANCE_JS)
    if scheme == "dark":
        assert luminance < 0.05, f"body background is not dark (luminance {luminance:.3f})"
    else:
        assert luminance > 0.9, f"body background is not light (luminance {luminance:.3f})"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe(scheme, page_path, open_page, axe_script, request):
    context = request.getfixturevalue(f"{scheme}_context")
    opened = open_page(context, page_path)
    assert_scheme(opened.page, scheme)
    violations = run_axe(opened.page, axe_script)
    assert not violations, format_violations(f"{page_path} ({scheme})", violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_search_dialog(scheme, open_page, axe_script, request):
    """The open search dialog, with results, is accessible too."""
    context = request.getfixturevalue(f"{scheme}_context")
    opened = open_page(context, "index.html", wait_for_idle=True)
    page = opened.page
    assert_scheme(page, scheme)
    page.click("[data-cp-search-open]")
    page.keyboard.type("panel")
    # The status line is written after the results: both are then on screen, and the
    # dialog has no transitions, so axe measures the colours residents see.
    page.wait_for_function(
        "() => /results? for/.test(document.querySelector('#cp-search [role=status]').textContent)"
    )
    page.wait_for_selector(".cp-search__result", state="visible")
    violations = run_axe(page, axe_script)
    assert not violations, format_violations(f"search dialog ({scheme})", violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_detects_low_contrast(scheme, open_page, axe_script, request):
    """Self-test: axe really runs and reports a contrast failure we plant."""
    context = request.getfixturevalue(f"{scheme}_context")
    opened = open_page(context, "index.html")
    assert_scheme(opened.page, scheme)
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


def test_search_input_has_accessible_name(open_page, light_context):
    opened = open_page(light_context, "index.html")
    page = opened.page
    page.click("[data-cp-search-open]")
    names = page.evaluate(
        """() => ({
             input: document.querySelector('#cp-search-input').labels[0].textContent,
             dialog: document.getElementById(
               document.getElementById('cp-search').getAttribute('aria-labelledby')).textContent,
             focused: document.activeElement.id,
           })"""
    )
    assert names == {
        "input": "Meetings, panels and “you said, we did”",
        "dialog": "Search this site",
        "focused": "cp-search-input",
    }


def test_content_links_are_underlined(open_page, light_context):
    """Links in text must not rely on colour alone (WCAG 1.4.1)."""
    opened = open_page(light_context, "index.html")
    decorations = opened.page.eval_on_selector_all(
        ".md-content .md-typeset a:not(.headerlink)",
        "els => els.map(e => getComputedStyle(e).textDecorationLine)",
    )
    assert decorations, "no content links found on the home page"
    assert all("underline" in d for d in decorations), decorations


def test_focus_is_visible(open_page, light_context):
    """Keyboard focus on a content link shows a clear outline."""
    opened = open_page(light_context, "index.html")
    page = opened.page
    # Tab until focus lands inside the content area.
    for _ in range(40):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => !!document.activeElement.closest('.md-content') "
            "&& document.activeElement.tagName === 'A'"
        )
        if inside:
            break
    else:
        pytest.fail("could not reach a content link with the Tab key")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2, outline


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_toggle_focus_is_visible(scheme, open_page, request):
    """Tabbing to the light/dark switch shows a focus ring on the visible toggle.

    Material leaves the palette radios unchecked, so Tab focuses the first
    radio even when its label is hidden (dark scheme); our CSS rings the
    visible toggle instead.
    """
    context = request.getfixturevalue(f"{scheme}_context")
    opened = open_page(context, "index.html")
    page = opened.page
    assert_scheme(page, scheme)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('md-option')"):
            break
    else:
        pytest.fail("could not reach the colour scheme toggle with the Tab key")
    outline = page.eval_on_selector(
        "[data-md-component='palette'] > label:not([hidden])",
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }",
    )
    assert outline[0] != "none" and outline[1] >= 2, outline
