"""Every page reads on a phone without sideways scrolling (WCAG 1.4.10 Reflow).

Wide content such as tables must scroll inside its own box, never the page.
"""

from __future__ import annotations

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


def assert_no_horizontal_scroll(opened, label: str) -> None:
    result = opened.page.evaluate(OVERFLOW_JS)
    assert result["scrollWidth"] <= result["innerWidth"], (
        f"{label}: page scrolls sideways (scrollWidth {result['scrollWidth']} > "
        f"innerWidth {result['innerWidth']}); overflowing: {result['culprits']}"
    )


def test_phone_390px(page_path, open_page, phone_context):
    opened = open_page(phone_context, page_path)
    assert_no_horizontal_scroll(opened, f"{page_path} at 390px")


def test_narrow_320px(page_path, open_page, narrow_context):
    """320 CSS px = 1280 px at 400% zoom; checked on every page, home included."""
    opened = open_page(narrow_context, page_path)
    assert_no_horizontal_scroll(opened, f"{page_path} at 320px")
