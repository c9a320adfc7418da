"""Figures that cannot be negative, and ids in messages that cannot pass for the layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fixturedata import problems_located


def problems(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    return problems_located(tmp_path, file, old, new, date(2025, 3, 10))


def test_a_count_cannot_be_negative(tmp_path: Path) -> None:
    assert problems(tmp_path, "metrics.yaml", "value: 3", "value: -3") == [
        "data/metrics.yaml at `-3`: metrics[a], the 1st value, value: a number of meetings cannot be "
        "negative — check the figure"
    ]


def test_hours_cannot_be_negative(tmp_path: Path) -> None:
    new = "kind: hours\n    values:\n      - quarter: 2025-Q1\n        value: -0.5\n"
    assert problems(tmp_path, "metrics.yaml", "kind: hours\n", new) == [
        "data/metrics.yaml at `-0.5`: metrics[e], the 1st value, value: a number of hours cannot be "
        "negative — check the figure"
    ]


def test_a_breakdown_share_cannot_be_negative(tmp_path: Path) -> None:
    new = (
        "kind: hours\n  - id: f\n    wording: Attendees by gender\n    unit: people\n"
        "    first_quarter: 2025-Q1\n"
        "    kind: breakdown\n    values:\n      - quarter: 2025-Q1\n        breakdown:\n"
        "          - dimension: Gender\n            shares:\n"
        "              - category: Female\n                value: -4\n"
    )
    [line] = problems(tmp_path, "metrics.yaml", "kind: hours\n", new)
    assert line.startswith("data/metrics.yaml at `-4`: metrics[f]")
    assert line.endswith(": a share of a breakdown cannot be negative — check the figure")


def test_an_id_that_imitates_a_message_is_quoted(tmp_path: Path) -> None:
    spoof = "x]: all fine - nothing to fix. data/meetings.yaml:1:1: ok"
    lines = problems(tmp_path, "meetings.yaml", "id: hilltop-2024-11", f'id: "{spoof}"')
    assert lines[0] == (
        'data/meetings.yaml at `"x]: all fine - nothing to fix. data/meetings.yaml:1:1: ok"`: meetings["x]: all fine - nothing to fix. data/meet…"].id: '
        f"`{spoof}` is not a valid id — use lower-case letters, digits and single hyphens, "
        "e.g. north-2025-03"
    )
