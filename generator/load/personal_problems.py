"""Personal data in the data files' public text, as the problems that block publishing.

A preview scans again only what an edit changed: a file that is the same object as last
time gives its last problems, and in one that changed only the entries that are new
objects are scanned (see :mod:`generator.load.entries`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from generator.load.errors import Problem
from generator.load.located import Loaded
from generator.load.personal_scan import REVIEWED, Flagged, entries, scan_entry


def _personal_problem(loaded: Loaded, flagged: Flagged) -> Problem:
    """The message for flagged text, with the review line to paste if it is fine to publish."""
    what = f"this looks like personal data: {flagged.kind} (`{flagged.text}`)"
    line = f"`{REVIEWED}: {flagged.fingerprint}`"
    holder = "this officer" if flagged.officer else "this entry"
    if flagged.mark is None:
        fix = f"add the line {line} to {holder}"
    elif flagged.mark == "true":
        what += f", and `{REVIEWED}: true` does not say which text was reviewed"
        fix = f"change that line to {line}"
    else:
        what += f", and {holder} changed since it was reviewed"
        fix = f"check {holder} again and change its line to {line}"
    return loaded.problem(flagged.loc, what, f"remove it; if it is meant to be public, {fix}")


def personal_problems(sources: Mapping[str, Loaded]) -> Iterator[Problem]:
    for name in sorted(sources):
        yield from _scanned(sources[name])


_SCANNED: dict[str, dict[int, tuple[Any, tuple[Flagged, ...]]]] = {}
"""Each file's entries as last scanned, by identity, with what was flagged in each.

A preview keeps the entries an edit did not touch (see :mod:`generator.load.entries`), so
only the edited one is scanned again, not the whole file each edit (the scan was a tenth
of a large build). Each file keeps only its last scan's entries."""


_FILES: dict[str, tuple[Loaded, tuple[Problem, ...]]] = {}
"""Each file as last scanned, with its problems: a file a preview did not edit is the same
object, and going over its 40,000 entries to find each unchanged was still a tenth of a
rebuild."""


def _scanned(loaded: Loaded) -> Iterator[Problem]:
    kept = _FILES.get(loaded.file)
    if kept is not None and kept[0] is loaded:
        yield from kept[1]
        return
    found = tuple(_scan_entries(loaded))
    _FILES[loaded.file] = (loaded, found)
    yield from found


def _scan_entries(loaded: Loaded) -> Iterator[Problem]:
    before = _SCANNED.get(loaded.file, {})
    now: dict[int, tuple[Any, tuple[Flagged, ...]]] = {}
    for key, index, entry in entries(loaded.value):
        kept = before.get(id(entry))
        found = kept[1] if kept is not None and kept[0] is entry else tuple(scan_entry(entry))
        now[id(entry)] = (entry, found)
        for flagged in found:
            yield _personal_problem(loaded, replace(flagged, loc=(key, index, *flagged.loc)))
    _SCANNED[loaded.file] = now
