"""Metric values in the change summary: one line per changed value, not the page's table cells.

"c, 2026 Q3: 14, was not reported" reads in a second; the metrics page's diff would be a
column of bare cells. The page itself is then listed as updated.
"""

from __future__ import annotations

from decimal import Decimal

from generator.load.dataset import Dataset
from generator.models.metrics import MetricValue


def _number(value: Decimal | int | float | None) -> str:
    if value is None:
        return "not reported"
    return format(Decimal(str(value)).normalize(), "f")


def _quarter(label: str) -> str:
    return label.replace("-", " ")


def _what(before: MetricValue | None, after: MetricValue | None) -> str | None:
    old = _number(before.value if before else None)
    new = _number(after.value if after else None)
    if old != new:
        return f"{new}, was {old}"
    if before and after and before.breakdown != after.breakdown:
        return f"{new}, its breakdown changed"
    if before and after and before.note != after.note:
        return f"{new}, its note changed"
    return None


def lines(base: Dataset, head: Dataset) -> list[str]:
    """Each metric value added, changed or removed, as plain text (the caller escapes it)."""
    old = {(m.id, v.quarter): v for m in base.metrics for v in m.values}
    new = {(m.id, v.quarter): v for m in head.metrics for v in m.values}
    found = []
    for key in sorted(old.keys() | new.keys()):
        what = _what(old.get(key), new.get(key))
        if what is not None:
            found.append(f"{key[0]}, {_quarter(key[1])}: {what}")
    return found
