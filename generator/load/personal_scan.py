"""Which public text in a data file looks like personal data, and what a reviewer released.

A reviewer releases flagged text by adding ``reviewed_personal_data: pd-…`` to its entry. The
value is a fingerprint of the flagged fields' text as it was reviewed, so the release covers
that text only: once the entry is edited so that its flagged text differs, the fingerprint no
longer matches and the entry is flagged again. A panel's officers are reviewed on their own:
the panel's line does not release their names and contacts.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from generator.load.errors import Loc
from generator.load.personal_data import find, shared_contact

REVIEWED = "reviewed_personal_data"
"""The field a reviewer sets, on an entry or an officer, to release flagged text."""
MARK_PREFIX = "pd-"
"""How a fingerprint starts, so no YAML tool reads it as a number."""

OWN_REVIEW = frozenset({"officers"})
"""Lists whose items are reviewed on their own, not by the line of the entry holding them."""

EXEMPT_KEYS = frozenset(
    {
        "id",
        "meeting",
        "panel",
        "venue",
        "date",
        "start",
        "end",
        "raised",
        "completed",
        "revised",
        "from",
        "to",
        "month",
        "quarter",
        "first_quarter",
        "value",
        "revision",
        "in_person",
        REVIEWED,
    }
)
"""Fields that hold ids, dates and figures, never prose."""

EXEMPT_BRANCHES = frozenset({"address", "coordinates", "areas"})
"""Fields meant to hold an address on purpose: a venue's postal address and postcode, and a
ward's postcodes and streets (whole areas, never one household)."""

PUBLIC_BRANCHES = frozenset({"access", "online", "contact"})
"""Fields about how to reach a place, team, officer or meeting (access facts, the online-joining
section with its dial-in, officers' and panels' contacts): a team mailbox or a switchboard
number there is published on purpose (and in contacts, an officer's mailbox at a police
domain), a person's own mailbox or mobile number still is not."""


@dataclass(frozen=True)
class Flagged:
    """Text that looks like personal data and that no review line releases as it stands."""

    loc: Loc
    """Where it is inside its file, e.g. ``("actions", 0, "said")``."""
    kind: str
    """What it looks like, e.g. ``a phone number``."""
    text: str
    """The text that matched (inside a link: with the link's escapes decoded)."""
    fingerprint: str
    """The review line's value that would release the entry's flagged text as it stands."""
    mark: str | None
    """The entry's review line as written (`true` from before fingerprints, or an old
    fingerprint), or None when it has none."""
    officer: bool
    """Whether the text belongs to an officer (reviewed on its own) rather than the entry."""


def link_text(url: str) -> str:
    """A link's host, path, query values and fragment, decoded, as text to scan.

    Escapes are decoded (``jo%40example.com``) and a query's ``+`` read as a space, as the
    browser would, so an address or number hidden in a link reads as it would when opened.
    """
    parts = urlsplit(url)
    query = [word for pair in parse_qsl(parts.query, keep_blank_values=True) for word in pair]
    return " ".join([parts.netloc, unquote(parts.path), *query, unquote(parts.fragment)])


def fingerprint(values: Mapping[str, str]) -> str:
    """The review line's value for these fields' text (field path → text).

    Only the words count: re-wrapping a paragraph or changing its spacing keeps the value.
    """
    canonical = sorted((path, " ".join(text.split())) for path, text in values.items())
    digest = hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode("utf-8"))
    return MARK_PREFIX + digest.hexdigest()[:10]


@dataclass(frozen=True)
class _Context:
    """What the fields above a value say about it, worked out once per branch."""

    team: frozenset[str]
    """The words of the entry's id, for telling its team mailbox from a person's."""
    public: bool = False
    """Inside a section about how to reach someone (see PUBLIC_BRANCHES)."""
    contact: bool = False
    """Inside a panel's or an officer's `contact:`."""
    link: bool = False
    """The value of a field whose name ends in `url`."""

    def under(self, name: str) -> _Context:
        return _Context(
            self.team,
            self.public or name in PUBLIC_BRANCHES,
            self.contact or name == "contact",
            name.endswith("url"),
        )


def _walk(
    node: Any, loc: Loc, context: _Context, unit: bool = False
) -> Iterator[tuple[Loc, str, str, str]]:
    """(where, kind, matched text, whole field text) for each finding under ``node``."""
    if isinstance(node, Mapping):
        for key in sorted(node):
            name = str(key)
            if name in EXEMPT_KEYS or name in EXEMPT_BRANCHES or (unit and name in OWN_REVIEW):
                continue
            yield from _walk(node[key], (*loc, name), context.under(name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*loc, index), context)
    elif isinstance(node, str):
        for finding in find(link_text(node) if context.link else node):
            if not (
                context.public and shared_contact(finding, context.team, contact=context.contact)
            ):
                yield loc, finding.kind, finding.text, node


def _units(entry: Any, loc: Loc) -> Iterator[tuple[Loc, Any, bool]]:
    """The entry, then each item reviewed on its own (its officers), with whether it is one."""
    yield loc, entry, False
    if isinstance(entry, Mapping):
        for key in sorted(OWN_REVIEW & set(entry)):
            items = entry[key]
            for index, item in enumerate(items if isinstance(items, list) else []):
                yield (*loc, key, index), item, True


def _review(
    node: Any, loc: Loc, officer: bool, team: frozenset[str], skip_reviewed: bool
) -> list[Flagged]:
    found = list(_walk(node, loc, _Context(team), unit=True))
    if not found:
        return []
    reviewed = {".".join(map(str, where[len(loc) :])): value for where, _, _, value in found}
    value = fingerprint(reviewed)
    written = node.get(REVIEWED) if isinstance(node, Mapping) else None
    mark = str(written) if isinstance(written, str) and written != "false" else None
    if skip_reviewed and mark == value:
        return []
    return [Flagged(where, kind, text, value, mark, officer) for where, kind, text, _ in found]


def scan(tree: Any, *, skip_reviewed: bool = True) -> list[Flagged]:
    """Flagged text in a data file's plain tree (``{key: [entry, ...]}``), sorted by place.

    Text released by its entry's (or officer's) review line is left out unless
    ``skip_reviewed`` is False.
    """
    return [
        replace(found, loc=(key, index, *found.loc))
        for key, index, entry in entries(tree)
        for found in scan_entry(entry, skip_reviewed=skip_reviewed)
    ]


def entries(tree: Any) -> Iterator[tuple[str, int, Any]]:
    """Each entry :func:`scan` looks at, with its list's key and its place in the list."""
    if not isinstance(tree, Mapping):
        return
    for key in sorted(tree):
        listed = tree[key]
        if isinstance(listed, list):
            for index, entry in enumerate(listed):
                yield str(key), index, entry


def scan_entry(entry: Any, *, skip_reviewed: bool = True) -> list[Flagged]:
    """Flagged text in one entry of a file's list, located inside the entry, sorted by place."""
    flagged: list[Flagged] = []
    name = entry.get("id") if isinstance(entry, Mapping) else None
    team = frozenset(name.split("-")) if isinstance(name, str) else frozenset()
    for loc, node, officer in _units(entry, ()):
        flagged.extend(_review(node, loc, officer, team, skip_reviewed))
    return sorted(flagged, key=lambda f: (_sortable(f.loc), f.kind, f.text))


def _sortable(loc: Loc) -> tuple[tuple[int, str], ...]:
    # Locations mix list indexes and keys; compare them as (kind, text) pairs.
    return tuple((0, f"{part:09d}") if isinstance(part, int) else (1, part) for part in loc)
