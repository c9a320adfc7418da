"""Ward officers within two taps on a 390 px phone: home → panel page, officers on screen.

The fixture's Riverside panel names two officers and a team contact; Hilltop names none and
has no team contact, so its page offers the force's general contact instead.
"""

from __future__ import annotations

import pytest


def _tap(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    with page.expect_navigation():
        page.tap(selector)


def _on_screen(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the element's top is within the first screen (no scrolling needed)."""
    return page.eval_on_selector(
        selector, "el => el.getBoundingClientRect().top < window.innerHeight"
    )


def test_officers_are_one_tap_from_home_and_on_the_first_screen(open_page, phone_context) -> None:  # type: ignore[no-untyped-def]
    page = open_page(phone_context, "index.html").page
    _tap(page, "#cp-next a[href$='panels/riverside/']")
    assert page.url.endswith("/panels/riverside/")
    box = page.locator("#officers").locator("xpath=..")
    assert _on_screen(page, "#officers")
    assert "PC Alex Example, Dedicated Ward Officer (for Quay Ward)" in box.inner_text()
    assert "PCSO Sam Sample, Police Community Support Officer" in box.inner_text()
    # Tap two: the officer's email address is a link on that first screen.
    mail = page.locator(".cp-officers-box a[href='mailto:riverside.dwo@example.police.uk']")
    assert mail.is_visible() and _on_screen(page, ".cp-officers-box a[href^='mailto:']")
    # Before the list of meetings: the page opens with who the officers are.
    assert page.evaluate(
        """() => document.getElementById('officers')
             .compareDocumentPosition(document.getElementById('next-meeting'))
             & Node.DOCUMENT_POSITION_FOLLOWING"""
    )


def test_a_panel_with_no_officers_offers_the_general_contact(open_page, phone_context) -> None:  # type: ignore[no-untyped-def]
    page = open_page(phone_context, "panels/hilltop/index.html").page
    text = page.locator(".cp-officers-box").inner_text()
    assert (
        "The names of the Hilltop cluster panel's Dedicated Ward Officers are not yet published."
        in text
    )
    assert "To reach them until then, contact the Northvale Police: call 01632 960000" in text
    assert "In an emergency call 999." in text
    assert _on_screen(page, ".cp-officers-box a[href='tel:01632960000']")


@pytest.mark.parametrize(
    "meeting", ["riverside-2025-03", "riverside-2024-11"], ids=["upcoming", "past"]
)
def test_every_meeting_page_names_its_panels_officers(open_page, phone_context, meeting) -> None:  # type: ignore[no-untyped-def]
    page = open_page(phone_context, f"meetings/{meeting}/index.html").page
    text = page.locator(".cp-officers-box").inner_text()
    assert text.startswith("Your Dedicated Ward Officers")
    assert "PC Alex Example" in text and "riverside.cluster@example.police.uk" in text
