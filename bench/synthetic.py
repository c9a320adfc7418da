"""Fictional but valid data at any scale, for the benchmark and for tests.

Everything here is made up on purpose ("Testwick", "Sample Ward 12", links on
``.example`` hosts) and must never be published. Output depends only on the
scale and the seed: a seeded :class:`random.Random`, no clock, no set order.

Scales (meetings are panels x years x meetings a year; actions are spread over
the meetings that have been held, so the totals match the issue's figures):

=========  ======  =====  ======  ===================  ========  =======
scale      panels  years  a year  actions per meeting  meetings  actions
=========  ======  =====  ======  ===================  ========  =======
tiny            2      1       2   3                         4        12
city            6     10       2   10                      120     1,200
region        100      5       4   40/13 (about 3.1)     2,000     6,154
largest       650      5       4   40/13 (about 3.1)    13,000    40,000
=========  ======  =====  ======  ===================  ========  =======

(plus one City-wide business meeting a year, which carries no actions).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from bench import records, reported
from bench.yamlemit import dump
from generator.models.files import DATA_FILES

TODAY = date(2025, 3, 12)
"""The build date the synthetic data is valid for (pass it to ``dataset.load``)."""

HEADER = "SYNTHETIC TEST DATA: every name, link and figure here is fictional. Never publish it."

_PREFIXES = (
    "Test",
    "Sample",
    "Mock",
    "Dummy",
    "Example",
    "Fixture",
    "Stub",
    "Demo",
    "Trial",
    "Pilot",
    "Draft",
    "Proto",
    "Bench",
    "Spec",
    "Pseudo",
    "Fiction",
    "Madeup",
    "Lorem",
    "Ipsum",
    "Placebo",
    "Notreal",
    "Nowhere",
    "Imagin",
    "Fakel",
    "Dolor",
)
_SUFFIXES = (
    "wick",
    "bury",
    "ford",
    "ton",
    "ham",
    "field",
    "worth",
    "ley",
    "mouth",
    "stead",
    "gate",
    "bridge",
    "cross",
    "well",
    "moor",
    "dale",
    "by",
    "combe",
    "hurst",
    "minster",
    "port",
    "thorpe",
    "wood",
    "brook",
    "chester",
    "mere",
)


@dataclass(frozen=True)
class Scale:
    """How much data to make."""

    name: str
    panels: int
    years: int
    meetings_per_year: int
    actions_per_meeting: Fraction
    """Average over all panel meetings; the total is placed on meetings already held."""

    @property
    def panel_meetings(self) -> int:
        """Cluster panel meetings (business meetings come on top)."""
        return self.panels * self.years * self.meetings_per_year

    @property
    def actions(self) -> int:
        """Total 'you said, we did' entries."""
        return round(self.panel_meetings * self.actions_per_meeting)


SCALES: dict[str, Scale] = {
    "tiny": Scale("tiny", 2, 1, 2, Fraction(3)),
    "city": Scale("city", 6, 10, 2, Fraction(10)),
    "region": Scale("region", 100, 5, 4, Fraction(40, 13)),
    "largest": Scale("largest", 650, 5, 4, Fraction(40, 13)),
}
"""The named scales: `tiny` for tests, then the three of the benchmark."""


def panel_name(index: int) -> str:
    """A clearly fictional place name, unique for every index."""
    prefix, suffix = (
        _PREFIXES[index % len(_PREFIXES)],
        _SUFFIXES[index // len(_PREFIXES) % len(_SUFFIXES)],
    )
    cycle = index // (len(_PREFIXES) * len(_SUFFIXES))
    return f"{prefix}{suffix}" + (f" {cycle + 1}" if cycle else "")


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def _first_month(scale: Scale) -> tuple[int, int]:
    # The data runs `years` years and ends about six months after TODAY, so a site has
    # both a history and a few upcoming meetings.
    months = TODAY.year * 12 + TODAY.month - 1 + 6 - scale.years * 12
    return months // 12, months % 12 + 1


def _meeting_dates(scale: Scale, panel: int, rng: random.Random) -> list[date]:
    year, month = _first_month(scale)
    step = 12 // scale.meetings_per_year
    start = year * 12 + month - 1 + panel % step
    found = []
    for k in range(scale.years * scale.meetings_per_year):
        months = start + k * step
        found.append(date(months // 12, months % 12 + 1, rng.randint(1, 28)))
    return found


def generate(scale: Scale, seed: int = 0) -> dict[str, dict[str, Any]]:
    """Every data file's tree (file name → mapping of str/list/dict), for ``scale``."""
    rng = random.Random(f"cluster-panels-synthetic:{seed}:{scale.name}")
    panels, venues, meetings = [], [], []
    ward = 0
    for p in range(scale.panels):
        name = panel_name(p)
        panel_id = _slug(name)
        wards = [f"Sample Ward {ward + w + 1}" for w in range(rng.randint(1, 4))]
        ward += len(wards)
        panels.append(records.panel(rng, panel_id, name, wards))
        own = [records.venue(rng, f"{panel_id}-hall", f"{name} Community Hall", p)]
        if p % 3 == 0:
            own.append(records.venue(rng, f"{panel_id}-library", f"{name} Library", p))
        venues.extend(own)
        for when in _meeting_dates(scale, p, rng):
            meetings.append(
                records.meeting(rng, panel_id, name, when, [v["id"] for v in own], TODAY)
            )
    year, _ = _first_month(scale)
    for k in range(scale.years):
        when = date(year + k + 1, 1, rng.randint(8, 28))
        meetings.append(records.business_meeting(rng, when, venues[0]["id"], TODAY))
    held = [
        m
        for m in meetings
        if "panel" in m
        and date.fromisoformat(m["date"]) < TODAY
        and m.get("status", "scheduled") in ("scheduled", "moved")
    ]
    actions: list[records.Entry] = []
    for index, meeting in enumerate(held):
        share = scale.actions // len(held) + (index < scale.actions % len(held)) if held else 0
        actions.extend(reported.action(rng, meeting, n, TODAY) for n in range(share))
    return {
        "clusters.yaml": {"clusters": panels},
        "venues.yaml": {"venues": venues},
        "meetings.yaml": {"meetings": meetings},
        "actions.yaml": {"actions": actions},
        "engagement.yaml": {
            "events": reported.engagement(rng, scale.panels * scale.years // 2 + 5, TODAY)
        },
        "metrics.yaml": {"metrics": reported.metrics(rng, TODAY)},
        "civic-dates.yaml": {"civic_dates": reported.civic_dates(rng, year, scale.years)},
        "publisher.yaml": PUBLISHER,
    }


PUBLISHER: records.Entry = {
    "force": {"name": "Northvale Police", "short_name": "Northvale"},
    "area": {
        "name": "the Borough of Northvale",
        "local_authority": "Northvale Borough Council",
        "locality": "Northvale",
    },
    "committee": "Community Safety Scrutiny Committee",
    "partners": [
        {"id": "northvale-police", "name": "Northvale Police", "police": "true"},
        {"id": "northvale-council", "name": "Northvale Borough Council"},
        {"id": "british-transport-police", "name": "British Transport Police", "police": "true"},
        {"id": "other-partner", "name": "Another partner", "named_partner": "true"},
    ],
    "contact": {"phone": "01632 960000", "email": "panels@northvale.police.example"},
}
"""A fictional publisher (data/publisher.yaml) for the synthetic force."""


def write(scale: Scale, data_dir: Path, seed: int = 0) -> dict[str, int]:
    """Write every data file for ``scale`` into ``data_dir``; returns the entry count of each."""
    data_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    trees = generate(scale, seed)
    assert sorted(trees) == sorted(DATA_FILES), "the generator must write every data file"
    for name, tree in trees.items():
        (data_dir / name).write_text(dump(tree, HEADER), encoding="utf-8")
        if name != "publisher.yaml":
            (entries,) = tree.values()
            counts[name.removesuffix(".yaml")] = len(entries)
    return counts


def custom(panels: int, years: int, meetings_per_year: int, actions_per_meeting: int) -> Scale:
    """A scale of your own, e.g. for a quick test."""
    if meetings_per_year not in (1, 2, 3, 4, 6, 12):
        raise ValueError("meetings_per_year must divide 12")
    return Scale(
        f"custom-{panels}x{years}x{meetings_per_year}",
        panels,
        years,
        meetings_per_year,
        Fraction(actions_per_meeting),
    )
