"""Find your panel by postcode or street, with no server.

The page at ``find-your-panel/`` is an A to Z of wards and streets that works without
JavaScript. The search box (on it and on the home page) fetches one small JSON file per
outward code, so a phone downloads a few kilobytes rather than every postcode of the force.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator.load.dataset import Dataset
from generator.models import Panel
from generator.models.areas import outward
from generator.pages.context import page, sorted_by
from generator.render import urls
from generator.render.outputs import Kind, Output, SiteConfig


@dataclass(frozen=True)
class Place:
    """A ward or street in the A to Z, and the panels that cover it (usually one)."""

    name: str
    is_street: bool
    """A street (else a ward)."""
    panels: tuple[tuple[str, Panel], ...]
    """(ward, panel) pairs; a street in two wards lists both."""


def places(dataset: Dataset) -> list[Place]:
    """Every ward and street, A to Z (a street and a ward of the same name stay apart)."""
    found: dict[tuple[str, bool], dict[tuple[str, str], tuple[str, Panel]]] = defaultdict(dict)
    for panel in dataset.panels:
        for ward in panel.wards:
            found[(ward, False)][(ward, panel.id)] = (ward, panel)
        for area in panel.areas:
            for street in area.streets:
                found[(street, True)][(area.ward, panel.id)] = (area.ward, panel)
    order = {name: i for i, name in enumerate(sorted_by({name for name, _ in found}))}
    return [
        Place(name, is_street, tuple(pairs[key] for key in sorted(pairs)))
        for (name, is_street), pairs in sorted(
            found.items(), key=lambda item: (order[item[0][0]], item[0][1])
        )
    ]


def postcode_tables(dataset: Dataset) -> dict[str, dict[str, list[list[str]]]]:
    """Outward code → postcode or sector → sorted [ward, panel id] pairs."""
    tables: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for panel in dataset.panels:
        for area in panel.areas:
            for postcode in area.postcodes:
                tables[outward(postcode)][postcode].add((area.ward, panel.id))
    return {
        code: {pc: [list(pair) for pair in sorted(pairs)] for pc, pairs in sorted(table.items())}
        for code, table in sorted(tables.items())
    }


def _panels_json(dataset: Dataset, ids: set[str]) -> dict[str, dict[str, str]]:
    return {
        pid: {
            "name": dataset.panel_by_id[pid].name,
            "title": dataset.publisher.panel_title(dataset.panel_by_id[pid].name),
            "url": urls.panel(pid),
        }
        for pid in sorted(ids)
    }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def lookup_files(dataset: Dataset) -> Iterator[Output]:
    """One JSON file per outward code, and one for streets and wards."""
    for code, table in postcode_tables(dataset).items():
        ids = {pid for pairs in table.values() for _, pid in pairs}
        body = {"postcodes": table, "panels": _panels_json(dataset, ids)}
        yield Output(path=urls.postcode_lookup(code), content=_json(body), kind=Kind.FILE)
    streets = {
        place.name.casefold(): [[ward, panel.id] for ward, panel in place.panels]
        for place in places(dataset)
    }
    ids = {pid for pairs in streets.values() for _, pid in pairs}
    yield Output(
        path=urls.STREETS,
        content=_json({"places": streets, "panels": _panels_json(dataset, ids)}),
        kind=Kind.FILE,
    )


def outward_codes(dataset: Dataset) -> list[str]:
    """The outward codes that have a lookup file (the search box asks only for these)."""
    return list(postcode_tables(dataset))


def finder_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``find-your-panel/``."""
    return page(
        urls.FIND_PANEL,
        "Find your panel",
        "finder.html",
        dataset=dataset,
        config=config,
        places=places(dataset),
        outwards=outward_codes(dataset),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The A to Z page and the lookup files."""
    yield finder_page(dataset, config)
    yield from lookup_files(dataset)
