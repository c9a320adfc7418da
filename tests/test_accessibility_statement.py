"""The accessibility statement's contact, enforcement and testing facts come from publisher.yaml."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from fixturedata import FIXTURE_TODAY, fixture_copy, problems_located, rendered

REPO = Path(__file__).resolve().parent.parent
CITY_DATA = REPO / "tests" / "fixtures" / "city" / "data"
TODAY = FIXTURE_TODAY
PAGE = "accessibility/index.md"


def _page(data: Path, today: date = TODAY) -> str:
    return rendered(data, today)[PAGE]


def test_the_statement_says_what_the_configuration_holds(tmp_path: Path) -> None:
    page = _page(fixture_copy(tmp_path))
    assert "Accessibility statement for the Example panels website</h1>" in page
    assert "This website is run by the Northvale Police." in page
    assert (
        '<li>email <a href="mailto:access@northvale.police.example">'
        "access@northvale.police.example</a></li>" in page
    )
    assert '<li>call <a href="tel:01632960001">01632 960001</a></li>' in page
    assert "get back to you in 10 days." in page
    assert "The Equality and Human Rights Commission (EHRC) is responsible" in page
    assert "partially compliant with the" in page
    assert (
        "<li>The minutes of the fictional November 2024 meeting are a scanned PDF with no text "
        "(WCAG 1.1.1 Non-text Content).</li>" in page
    )
    assert "This website was last tested on 20 February 2025. The test was carried out by " in page
    assert "the Northvale Police digital team." in page
    assert "prepared on 15 January 2025. It was last reviewed on 1 March 2025." in page
    assert "placeholder" not in page


def test_northern_ireland_and_a_fully_compliant_site(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    text = (data / "publisher.yaml").read_text(encoding="utf-8")
    start = text.index("  compliance: partially\n")
    text = text[:start] + "  compliance: fully\n" + text[text.index("  prepared:") :]
    text = text.replace("enforcement: great-britain", "enforcement: northern-ireland")
    (data / "publisher.yaml").write_text(text, encoding="utf-8")
    page = _page(data)
    assert "The Equality Commission for Northern Ireland (ECNI) is responsible" in page
    assert "EHRC" not in page
    assert "This website is fully compliant with the" in page
    assert "We do not know of any content that fails the WCAG 2.2 AA success criteria." in page


def test_the_city_statement_shows_every_fact_not_given_as_a_marked_placeholder() -> None:
    page = _page(CITY_DATA, date(2024, 10, 1))
    marked = re.findall(r'<span class="placeholder">(\[[^<]*\])</span>', page)
    assert marked == [
        "[accessibility contact email to be set by the force]",
        "[accessibility contact phone number to be set by the force]",
        "[number of days to be set by the force]",
        "[accessibility contact email to be set by the force]",
        "[compliance status to be set by the force after a manual audit: fully, partially or not]",
        "[date of the last manual test to be set by the force]",
        "[organisation that carried out the test to be set by the force]",
        "[date the statement was prepared to be set by the force]",
        "[date the statement was last reviewed to be set by the force]",
    ]
    assert "This website is run by the City of London Police." in page
    assert "The Equality and Human Rights Commission (EHRC) is responsible" in page


def test_a_fact_is_validated_unless_it_is_a_marked_placeholder(tmp_path: Path) -> None:
    problems = problems_located(
        tmp_path,
        "publisher.yaml",
        '  email: access@northvale.police.example\n  phone: "01632 960001"\n  reply_days: 10\n',
        '  email: access at northvale\n  phone: "[phone to be set by the force]"\n'
        "  reply_days: soon\n",
        TODAY,
    )
    assert problems == [
        "data/publisher.yaml at `access at northvale`: accessibility.email: `access at northvale` is not an email "
        "address — write it like name@example.police.uk",
        "data/publisher.yaml at `soon`: accessibility.reply_days: `soon` is not a whole number — "
        "write digits only, e.g. 12",
    ]


def test_a_compliance_status_is_one_of_three(tmp_path: Path) -> None:
    problems = problems_located(
        tmp_path, "publisher.yaml", "compliance: partially", "compliance: mostly", TODAY
    )
    assert problems == [
        "data/publisher.yaml at `mostly`: accessibility.compliance: `mostly` is not a compliance "
        "status — write fully, partially or not"
    ]
