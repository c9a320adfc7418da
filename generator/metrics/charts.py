"""Bar charts drawn at build time as inline SVG, from a small autoescaped Jinja template.

Why a template rather than matplotlib or pygal: the chart is a handful of rectangles and
labels; a template keeps the output byte-for-byte deterministic (no embedded dates, ids
or font metrics), adds no dependency, and lets the SVG inherit the page's text colour
(``currentColor``) so it reads in the light and the dark scheme alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup

from generator.render import templating

WIDTH = 360
"""The drawing's width in SVG units; Material scales it down to narrow screens. A phone's 390 px
screen has 358 px for it, so its 16-unit labels stay 16 px there (at 480 units they were 12 px)."""
VALUE_ROOM = 130
"""Space kept to the right of the longest bar for its figure ('not yet reported' fits)."""
ROW = 54
"""Height of one bar with its label above it."""
LABEL_BASELINE = 17
BAR_TOP = 24
BAR_HEIGHT = 20


@dataclass(frozen=True)
class Bar:
    """One bar: a category and its figure; ``value`` None means not yet reported."""

    label: str
    value: Decimal | int | None


def number(value: Decimal | int) -> str:
    """A figure as people read it: '1,700', '72.5' (no trailing zeros, no exponent)."""
    figure = Decimal(value)
    if figure == figure.to_integral_value():
        return f"{int(figure):,}"
    return f"{figure.normalize():,f}"


def _units(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), ROUND_HALF_UP))


def bar_chart(
    chart_id: str,
    title: str,
    summary: str,
    bars: Sequence[Bar],
    missing: str = "not yet reported",
) -> Markup:
    """An accessible horizontal bar chart: ``role="img"`` named by its title and summary.

    A bar whose value is None reads ``missing`` ("not recorded" for counts from the data).

    ``chart_id`` must be unique on the page: the title and summary ids derive from it.
    """
    known = [Decimal(b.value) for b in bars if b.value is not None]
    top = max(known, default=Decimal(0))
    scale = Decimal(WIDTH - VALUE_ROOM) / top if top > 0 else Decimal(0)
    rows = []
    for index, bar in enumerate(bars):
        y = index * ROW
        width = Decimal(bar.value) * scale if bar.value is not None else Decimal(0)
        rows.append(
            {
                "label": bar.label,
                "label_y": y + LABEL_BASELINE,
                "bar_y": y + BAR_TOP,
                "reported": bar.value is not None,
                "width": _units(width),
                "text": number(bar.value) if bar.value is not None else missing,
                "text_x": _units(width + (6 if width > 0 else 0)),
                "text_y": y + BAR_TOP + 15,
            }
        )
    svg = templating.render(
        "metrics/bar_chart.svg",
        id=chart_id,
        title=title,
        summary=summary,
        rows=rows,
        width=WIDTH,
        height=max(len(rows), 1) * ROW,
        bar_height=BAR_HEIGHT,
    )
    return Markup(svg.rstrip("\n"))
