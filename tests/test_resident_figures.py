"""The figures page on a phone (issue 13 item 7): a measure with no values is one plain line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from generator.load import dataset as dataset_module
from generator.metrics.page import render_page

CITY = Path(__file__).resolve().parent / "fixtures" / "city" / "data"


def test_a_measure_with_no_values_is_one_line_not_a_table() -> None:
    body = render_page(dataset_module.load(CITY, today=date(2026, 11, 24)))
    sections = re.findall(r'<section class="cp-metric".*?</section>', body, re.S)
    assert len(sections) == 10
    empty = [s for s in sections if "Not yet reported for" in s]
    assert empty, "the City fixture has measures with no values"
    for section in empty:
        assert "<table" not in section and "not yet reported</em>" not in section
        assert len(re.findall(r"<p[ >]", section)) == 2  # the unit, and the one line


def test_plain_words_not_committee_terms() -> None:
    body = render_page(dataset_module.load(CITY, today=date(2026, 11, 24)))
    assert "by remit" not in body and "measure a" not in body
    assert (
        "<p>DWO means Dedicated Ward Officer: the police officer who looks after a ward.</p>"
        in body
    )
    assert "Topics raised, by whose responsibility they are" in body
