"""The build-time SVG bar charts: deterministic, well-formed, accessible, colour from the page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from metricsfixture import golden, load

from generator.metrics.charts import Bar, bar_chart, number
from generator.metrics.page import metric_sections

SVG = "{http://www.w3.org/2000/svg}"


def _chart_b() -> str:
    section = next(s for s in metric_sections(load()) if s["series"].metric.id == "b")  # type: ignore[union-attr]
    return str(section["chart"])


def test_chart_golden() -> None:
    golden("chart-metric-b.svg", _chart_b() + "\n")


def test_chart_is_deterministic() -> None:
    assert _chart_b() == _chart_b()


def test_chart_is_accessible_svg() -> None:
    root = ET.fromstring(_chart_b())
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-metric-b-title chart-metric-b-desc"
    assert root.find(f"{SVG}title").text == "b. Number of business engagements"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == (  # type: ignore[union-attr]
        "Reported for 1 of 2 quarters. Latest, April to June 2025: 4 engagements."
    )
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == ["January to March 2025", "not yet reported", "April to June 2025", "4"]


def test_no_fixed_colours() -> None:
    svg = str(bar_chart("c", "T", "S", [Bar("x", 3), Bar("y", None)]))
    assert 'fill="currentColor"' in svg
    assert "#" not in svg and "rgb" not in svg and "stroke" not in svg


def test_bars_scale_to_the_largest_and_escape_labels() -> None:
    svg = str(
        bar_chart(
            "c", "A <b> & c", "S", [Bar("<x>", Decimal(2)), Bar("y", Decimal(1)), Bar("z", 0)]
        )
    )
    root = ET.fromstring(svg)
    widths = [r.get("width") for r in root.iter(f"{SVG}rect")]
    assert widths == ["230.0", "115.0", "0.0"]
    assert "&lt;x&gt;" in svg and "A &lt;b&gt; &amp; c" in svg


def test_numbers_read_as_people_write_them() -> None:
    assert [
        number(Decimal("1700")),
        number(Decimal("72.50")),
        number(Decimal("1E+2")),
        number(3),
    ] == ["1,700", "72.5", "100", "3"]
