"""Calendar quarters written ``YYYY-QN``: the one place their arithmetic lives.

Used by the rules (a value's quarter against ``first_quarter``), the metrics and the GOV.UK
wording of a quarter, so they can never disagree about where a quarter starts.
"""

from __future__ import annotations

from datetime import date


def of(day: date) -> str:
    """The quarter ``day`` falls in, e.g. ``2024-11-06`` → ``2024-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def parts(quarter: str) -> tuple[int, int]:
    """``2025-Q1`` → ``(2025, 1)``."""
    return int(quarter[:4]), int(quarter[-1])


def start(quarter: str) -> date:
    """The first day of the quarter."""
    year, number = parts(quarter)
    return date(year, 3 * number - 2, 1)


def months(quarter: str) -> tuple[date, date]:
    """The first day of the quarter's first and of its last month."""
    year, number = parts(quarter)
    return date(year, 3 * number - 2, 1), date(year, 3 * number, 1)


def following(quarter: str) -> str:
    """The quarter after ``quarter``."""
    year, number = parts(quarter)
    return f"{year + 1}-Q1" if number == 4 else f"{year}-Q{number + 1}"


def preceding(quarter: str) -> str:
    """The quarter before ``quarter``."""
    year, number = parts(quarter)
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"


def last_ended(today: date) -> str:
    """The latest quarter that has ended before ``today``."""
    return preceding(of(today))


def span(first: str, last: str) -> tuple[str, ...]:
    """Every quarter from ``first`` to ``last`` inclusive; empty when ``last`` comes first."""
    found: list[str] = []
    current = first
    while parts(current) <= parts(last):
        found.append(current)
        current = following(current)
    return tuple(found)


def later(one: str, other: str) -> str:
    """Whichever of two quarters comes later."""
    return max(one, other, key=parts)
