"""Where a validated record came from, so a failure while rendering it points at its lines.

Renderers are pure and know nothing of files; when one raises, the record it was working
on is still in a local variable of some frame of the traceback. Matching those objects
(by identity) against the dataset's records gives the file, line and column to report.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any

from generator.load.errors import DataError, Loc, Problem
from generator.load.located import Loaded
from generator.models.fields import Model

_TOP_LEVEL = {
    "clusters.yaml": "clusters",
    "venues.yaml": "venues",
    "meetings.yaml": "meetings",
    "actions.yaml": "actions",
    "engagement.yaml": "events",
    "metrics.yaml": "metrics",
    "civic-dates.yaml": "civic_dates",
}


def _walk(value: Any, loc: Loc) -> Iterator[tuple[Any, Loc]]:
    """Every model inside ``value`` (itself included) with its path, nested ones too."""
    if isinstance(value, Model):
        yield value, loc
        for name, field in type(value).model_fields.items():
            yield from _walk(getattr(value, name), (*loc, field.alias or name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*loc, index))


def _index_in_file(loaded: Loaded, key: str, record: Any, position: int) -> int:
    """The record's index in the file: datasets may re-order a list (meetings by time)."""
    items = loaded.value.get(key) if isinstance(loaded.value, dict) else None
    ident = getattr(record, "id", None)
    if isinstance(items, list) and ident is not None:
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("id") == ident:
                return index
    return position


def origins(
    records: Mapping[str, tuple[Any, ...]], sources: Mapping[str, Loaded]
) -> dict[int, tuple[str, Loc]]:
    """``id(model)`` → (file name, path in the file) for every record and every part of it."""
    found: dict[int, tuple[str, Loc]] = {}
    for name, key in _TOP_LEVEL.items():
        loaded = sources.get(name)
        if loaded is None:
            continue
        for position, record in enumerate(records.get(key, ())):
            index = _index_in_file(loaded, key, record, position)
            for model, loc in _walk(record, (key, index)):
                found.setdefault(id(model), (name, loc))
    return found


def _common(places: list[tuple[str, Loc]]) -> tuple[str, Loc] | None:
    """The list several records share (``meetings``), when they come from one file."""
    if not places or len({name for name, _ in places}) > 1:
        return None
    prefix = places[0][1]
    for _, loc in places[1:]:
        while loc[: len(prefix)] != prefix:
            prefix = prefix[:-1]
    return places[0][0], prefix[:1] if len(places) > 1 else prefix


def _innermost_record(
    trace: TracebackType | None, table: Mapping[int, tuple[str, Loc]]
) -> tuple[str, Loc] | None:
    """The record in the innermost frame holding one; else the list of records a frame held."""
    record = group = None
    while trace is not None:
        for value in trace.tb_frame.f_locals.values():
            if id(value) in table and isinstance(value, Model):
                record = table[id(value)]
            elif isinstance(value, (tuple, list)) and value and isinstance(value[0], Model):
                group = _common([table[id(v)] for v in value if id(v) in table]) or group
        trace = trace.tb_next
    return record or group


def render_failure(
    error: Exception,
    records: Mapping[str, tuple[Any, ...]],
    sources: Mapping[str, Loaded],
) -> DataError:
    """The rendering ``error`` as one problem at the record being rendered when it was raised."""
    what = f"the site could not be built from this data ({type(error).__name__}: {error})"
    fix = "check its dates and numbers; if they look right, report this as a bug"
    place = _innermost_record(error.__traceback__, origins(records, sources))
    if place is None:
        folder = next(iter(sources.values())).file.rpartition("/")[0] if sources else ""
        return DataError([Problem(folder or "data", 0, 0, "", what, fix)])
    name, loc = place
    return DataError([sources[name].problem(loc, what, fix)])
