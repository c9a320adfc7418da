"""What the browser suite checks on a page, as functions returning problems.

Shared by the every-page visits (test_every_page.py) and the focused tests; each function
returns a list of human-readable problems (empty when the page passes) so that one visit
can run several checks and report them all.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

#: The light/dark switch residents see (Material hides the other scheme's label).
PALETTE_TOGGLE = "[data-md-component='palette'] > label:not([hidden])"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Relative luminance (0 = black, 1 = white) of the computed background.
LUMINANCE_JS = """
(el) => {
  const rgb = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
  const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
}
"""

AXE_JS = """async ([runOnly, selector]) => {
  const context = selector ? document.querySelector(selector) : document;
  const result = await axe.run(context, {
    runOnly,
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
  }));
}"""


#: The rules whose outcome depends on colour; every other rule reads the DOM and the
#: accessibility tree, which the light and dark schemes share.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def run_axe(
    page, axe_script, context_selector: str | None = None, rules: list[str] | None = None
) -> list[dict]:
    """axe-core's WCAG 2.x A/AA violations on the page (or one element of it).

    ``rules`` limits the run to those rule ids (e.g. COLOUR_RULES for a second colour scheme).
    """
    # The light/dark contexts preload axe with add_init_script; inject it
    # into the page if it is not there (e.g. another context).
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    return page.evaluate(AXE_JS, [run_only, context_selector])


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


def axe_problems(page, axe_script, label: str, rules: list[str] | None = None) -> list[str]:
    violations = run_axe(page, axe_script, rules=rules)
    return [format_violations(label, violations)] if violations else []


#: Resolves once the page is still: two frames (scroll and palette handlers run, and any
#: transition they start has begun), then every finite animation or transition finished.
SETTLED_JS = """async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await Promise.all(document.getAnimations()
    .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
    .map((a) => a.finished.catch(() => null)));
}"""


def assert_scheme(page, scheme: str, *, settle: bool = False) -> None:
    """Check Material applied the scheme and the page really renders light/dark.

    With ``settle`` (after switching, or after scrolling) it first waits for the page to be
    still: Material fades the header's title when the page scrolls back to the top, and the
    colours to judge are those residents see once it settles, not a frame half-way through.
    """
    page.wait_for_function(
        "(s) => document.body.getAttribute('data-md-color-scheme') === s",
        arg="slate" if scheme == "dark" else "default",
    )
    if settle:
        page.evaluate(SETTLED_JS)
    luminance = page.eval_on_selector("body", LUMINANCE_JS)
    if scheme == "dark":
        assert luminance < 0.05, f"body background is not dark (luminance {luminance:.3f})"
    else:
        assert luminance > 0.9, f"body background is not light (luminance {luminance:.3f})"


# ---------------------------------------------------------------- reflow (WCAG 1.4.10)

OVERFLOW_JS = """
() => {
  const doc = document.documentElement;
  const culprits = [];
  if (doc.scrollWidth > window.innerWidth) {
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 1) {
        // Only report elements whose parent does not overflow too.
        const p = el.parentElement.getBoundingClientRect();
        if (p.right <= window.innerWidth + 1) {
          culprits.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\\s+/g, ".") : "")
                        + " right=" + Math.round(r.right));
        }
      }
      if (culprits.length >= 10) break;
    }
  }
  return { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, culprits };
}
"""


def sideways_scroll_problems(page, label: str) -> list[str]:
    """Wide content must scroll inside its own box, never the page."""
    result = page.evaluate(OVERFLOW_JS)
    if result["scrollWidth"] <= result["innerWidth"]:
        return []
    return [
        f"{label}: page scrolls sideways (scrollWidth {result['scrollWidth']} > "
        f"innerWidth {result['innerWidth']}); overflowing: {result['culprits']}"
    ]


# ---------------------------------------------------------------- keyboard (WCAG 2.4.1, 2.4.7, 2.4.11)

STOP_JS = """
(toggle) => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // An expando, invisible to the page and to axe: headless Chromium wraps round to the
  // top after the last stop, so a stop seen twice means the walk is complete.
  const seen = el.__cpTabStop === true;
  el.__cpTabStop = true;
  let target = el;
  if (el.classList.contains("md-toggle")) {
    // Visually hidden toggle: its ring is drawn on the visible header button.
    target = document.querySelector(`.md-header label[for="${el.id}"]`) || el;
  } else if (el.classList.contains("md-option")) {
    // Palette radio (hidden): our CSS rings the visible light/dark toggle instead.
    target = document.querySelector(toggle) || el;
  }
  const r = target.getBoundingClientRect();
  const s = getComputedStyle(target);
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2)
    || (s.boxShadow && s.boxShadow !== "none");
  const hidden = s.visibility === "hidden" || r.width < 1 || r.height < 1;
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  return { html: el.outerHTML.slice(0, 120), ring, hidden, inView, seen,
           skip: el.classList.contains("md-skip"), text: el.textContent.trim() };
}
"""
MAX_STOPS = 80

#: After following the skip link, the next Tab stop is inside or after its target.
PAST_TARGET_JS = (
    "id => { const t = document.getElementById(id);"
    " return !!(t.compareDocumentPosition(document.activeElement)"
    " & Node.DOCUMENT_POSITION_FOLLOWING) || t.contains(document.activeElement); }"
)

AT_TARGET_JS = (
    "id => { const t = document.getElementById(id); return !t.hasAttribute('tabindex')"
    " || t === document.activeElement || t.contains(document.activeElement); }"
)
"""Whether a target that can take focus (``tabindex``) took it: a heading only moves the
browser's starting point for the next Tab."""
STOPS_AFTER_JS = (
    "id => { const t = document.getElementById(id);"
    " return [...document.querySelectorAll("
    "'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')]"
    ".some(e => e !== t && !e.hidden && e.getClientRects().length > 0"
    " && (t.contains(e) || t.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)); }"
)
"""Whether a visible Tab stop follows the skip link's target (a table-only page may have none)."""


def tab_stop_problems(page, *, from_content: bool = False) -> list[str]:
    """From a freshly loaded page: the skip link is the first stop, and every stop is visible.

    The walk ends when focus leaves the page or comes back to a stop already visited, or
    after ``MAX_STOPS``. With ``from_content`` it follows the skip link (checked as
    ``skip_link_problems`` does) and walks on from the content: the header and navigation
    before it are left to the pages that walk them in full.

    Material only writes its skip link on pages with a table of contents; overrides/base.html
    gives every other page one to the main content.
    """
    problems = []
    press = True
    for step in range(MAX_STOPS):
        if press:
            page.keyboard.press("Tab")
        press = True
        info = page.evaluate(STOP_JS, PALETTE_TOGGLE)
        if info is None or info["seen"]:
            break
        if step == 0 and not (info["skip"] and info["text"] == "Skip to content"):
            problems.append(f"the first Tab stop is not the skip link: {info['html']}")
        if info["hidden"] or not info["inView"]:
            problems.append(f"Tab stop {step + 1} is invisible: {info['html']}")
        elif not info["ring"]:
            problems.append(f"Tab stop {step + 1} has no focus ring: {info['html']}")
        if step == 0 and info["skip"] and from_content:
            problems += skip_link_problems(page, focused=True)
            press = False  # focus is on the first stop after the skip link's target
    return problems


def skip_link_problems(page, *, focused: bool = False) -> list[str]:
    """Following the skip link moves the keyboard on from the main content.

    Focuses the skip link first unless ``focused``; leaves focus on the Tab stop after it.
    """
    target = page.get_attribute(".md-skip", "href") or ""
    if not target.startswith("#") or page.locator(f'[id="{target[1:]}"]').count() != 1:
        return [f"the skip link points at {target!r}, which is not one element of the page"]
    if not focused:
        page.focus(".md-skip")
    page.keyboard.press("Enter")
    if not page.evaluate(AT_TARGET_JS, target[1:]):
        return ["the skip link did not move the keyboard to the content"]
    if not page.evaluate(STOPS_AFTER_JS, target[1:]):
        return []  # nothing to Tab to after the content: focus rightly leaves the page
    page.keyboard.press("Tab")
    inside = page.evaluate(PAST_TARGET_JS, target[1:])
    return [] if inside else ["Tab after the skip link did not go on from the content"]


# ---------------------------------------------------------------- links (WCAG 1.4.1)


def link_underline_problems(page) -> list[str]:
    """Links in the text are underlined: told apart by more than colour."""
    plain = page.eval_on_selector_all(
        ".md-content .md-typeset a:not(.headerlink)",
        "els => els.filter(e => !getComputedStyle(e).textDecorationLine.includes('underline'))"
        ".map(e => e.outerHTML.slice(0, 120))",
    )
    return [f"link not underlined: {html}" for html in plain]


# ---------------------------------------------------------------- requests


def foreign_requests(urls: list[str], origin: str) -> list[str]:
    """Requests to any host but the site's own (data:, blob: and about: are local)."""
    allowed = urlsplit(origin).netloc
    return [
        url
        for url in urls
        if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != allowed
    ]
