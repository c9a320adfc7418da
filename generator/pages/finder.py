"""Find your panel by postcode, street or ward, with no server.

The page at ``find-your-panel/`` is an A to Z of wards and streets that works without
JavaScript. The search box (on it and on the home page) fetches one small JSON file per
outward code, so a phone downloads a few kilobytes rather than every postcode of the force.
Where the force has published no wards at all, the page lists the panels instead, with what
each covers as far as the data says, and offers no search it could not do.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator.load.dataset import Dataset
from generator.models import Panel
from generator.models.areas import outward
from generator.models.publisher import capital
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


@dataclass(frozen=True)
class Searchable:
    """What the search box can look up, so its label promises nothing more."""

    postcodes: bool
    streets: bool


def searchable(dataset: Dataset) -> Searchable:
    """Whether any postcode and any street is published (wards always are, with places)."""
    return Searchable(
        postcodes=any(a.postcodes for p in dataset.panels for a in p.areas),
        streets=any(a.streets for p in dataset.panels for a in p.areas),
    )


def lookup_files(dataset: Dataset) -> Iterator[Output]:
    """One JSON file per outward code, and one for streets and wards."""
    for code, table in postcode_tables(dataset).items():
        ids = {pid for pairs in table.values() for _, pid in pairs}
        body = {"postcodes": table, "panels": _panels_json(dataset, ids)}
        yield Output(path=urls.postcode_lookup(code), content=_json(body), kind=Kind.FILE)
    found = places(dataset)
    streets: dict[str, list[list[str]]] = {}
    names: dict[str, str] = {}
    for place in found:
        key = place.name.casefold()
        streets.setdefault(key, []).extend([ward, panel.id] for ward, panel in place.panels)
        names[key] = place.name
    # Every panel, so a panel's name typed into the box goes to its page.
    ids = {panel.id for panel in dataset.panels}
    body = {"places": streets, "names": names, "panels": _panels_json(dataset, ids)}
    yield Output(path=urls.STREETS, content=_json(body), kind=Kind.FILE)


def outward_codes(dataset: Dataset) -> list[str]:
    """The outward codes that have a lookup file (the search box asks only for these)."""
    return list(postcode_tables(dataset))


def finder_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``find-your-panel/``."""
    found = places(dataset)
    covered = {panel.id for place in found for _, panel in place.panels}
    return page(
        urls.FIND_PANEL,
        capital(dataset.publisher.wording.find_panel),
        "finder.html",
        dataset=dataset,
        config=config,
        places=found,
        outwards=outward_codes(dataset),
        searchable=searchable(dataset),
        uncovered=[p for p in dataset.panels if p.id not in covered],
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The A to Z page and the lookup files."""
    yield finder_page(dataset, config)
    yield from lookup_files(dataset)
