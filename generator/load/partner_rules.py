"""Rules for partners: publisher.yaml's partner and department ids, and who attended a meeting."""

from __future__ import annotations

from collections.abc import Sequence

from generator.load.errors import Loc
from generator.load.rules import Checker
from generator.models import Meeting
from generator.models.publisher import PUBLISHER_FILE, Publisher
from generator.vocabulary import goes_ahead


def check_partner_ids(c: Checker, publisher: Publisher) -> None:
    """Every partner and department id appears once: `partners_present:` names either."""
    first: dict[str, Loc] = {}
    for p_index, partner in enumerate(publisher.partners):
        here: list[tuple[str, Loc]] = [(partner.id, ("partners", p_index, "id"))]
        here += [
            (d.id, ("partners", p_index, "departments", d_index, "id"))
            for d_index, d in enumerate(partner.departments)
        ]
        for ident, loc in here:
            if ident in first:
                line = c.sources[PUBLISHER_FILE].position(first[ident])[0]
                c.at(
                    PUBLISHER_FILE,
                    loc,
                    f"the id `{ident}` is used twice (first at line {line})",
                    "give each partner and department its own id",
                )
            else:
                first[ident] = loc


def _by_name(publisher: Publisher) -> dict[str, str]:
    """How staff might type a partner or department by name (any case) → its id."""
    names: dict[str, str] = {}
    for p in publisher.partners:
        if p.named_partner:
            continue
        names.setdefault(p.name.casefold(), p.id)
        for d in p.departments:
            names.setdefault(d.name.casefold(), d.id)
            names.setdefault(f"{p.name} ({d.name})".casefold(), d.id)
    return names


def check_partners_present(c: Checker, meetings: Sequence[Meeting]) -> None:
    """`partners_present:` names known partners once each, at a meeting that took place."""
    publisher = c.publisher
    if publisher is None:
        return
    own = publisher.own_partner()
    known = {i: name for i, name in publisher.attendees.items() if own is None or i != own.id}
    names = _by_name(publisher)
    catch_all = {p.id for p in publisher.partners if p.named_partner}
    for index, m in enumerate(meetings):
        present = m.record.partners_present if m.record is not None else None
        if present is None:
            continue
        base = ("meetings", index, "record", "partners_present")
        if not goes_ahead(m.standing()):
            c.at(
                "meetings.yaml",
                base,
                "the meeting did not take place, so no partner was present",
                "remove `partners_present:`",
            )
            continue
        seen: set[str] = set()
        for p_index, ident in enumerate(present):
            loc = (*base, p_index)
            if own is not None and ident == own.id:
                c.at(
                    "meetings.yaml",
                    loc,
                    f"`{ident}` is the force that runs the meeting; `partners_present:` lists "
                    "the other organisations that came",
                    f"remove `{ident}` from the list",
                )
            elif ident in catch_all:
                c.at(
                    "meetings.yaml",
                    loc,
                    f"`{ident}` is the catch-all partner, which names no one",
                    "write the id of the partner that came; if it is not in publisher.yaml, add "
                    "it under `partners:` there (with `attends_only: true` if nothing is ever "
                    "its responsibility)",
                )
            elif ident not in known and names.get(ident.casefold()) in known:
                c.at(
                    "meetings.yaml",
                    loc,
                    f"`{ident}` is a name; `partners_present:` lists ids",
                    f"write `{names[ident.casefold()]}`",
                )
            elif ident not in known:
                c.at(
                    "meetings.yaml",
                    loc,
                    f"`{ident}` is not the id of a partner or department in publisher.yaml",
                    f"use one of: {', '.join(known)}; or add it under `partners:` in "
                    "publisher.yaml first (with `attends_only: true` if nothing is ever its "
                    "responsibility)",
                )
            elif ident in seen:
                c.at(
                    "meetings.yaml",
                    loc,
                    f"`{ident}` is listed twice",
                    "list each partner once",
                )
            seen.add(ident)
