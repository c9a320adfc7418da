"""The feed of what changed (``changes.atom``) as last published: the entries it keeps.

Entries accumulate: each build reads back the feed residents' readers last fetched and adds
what changed since. Besides its entries the feed carries, in one element of its own
namespace that feed readers ignore, the keys of everything it has already seen (each
published record, log entry and quarter of figures), so nothing is announced twice and a
first feed does not announce the whole history. Like :mod:`generator.load.published`,
this knows nothing of the models.
"""

from __future__ import annotations

import base64
import binascii
import xml.etree.ElementTree as ElementTree
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ATOM = "http://www.w3.org/2005/Atom"
STATE = "urn:x-cluster-panels:changes"
"""The namespace of the feed's own element (``<cp:seen>``)."""
ENVIRONMENT = "CLUSTER_PANELS_PREVIOUS_CHANGES"
"""The environment variable the deploy sets to the changes feed it fetched."""


class PreviousChangesError(ValueError):
    """The previously published changes feed is missing or is not one."""


@dataclass(frozen=True)
class Change:
    """One entry of the feed: what changed, in plain words, with its day and its page."""

    key: str
    """Stable, e.g. ``meeting/bank-2025-03/new``: the entry's id within the feed."""
    title: str
    summary: str
    link: str
    """The absolute address of the page it is about."""
    updated: datetime
    """When the build saw it (UTC)."""


@dataclass(frozen=True)
class PreviousChanges:
    """The published feed's entries and the keys it had seen."""

    entries: tuple[Change, ...]
    seen: frozenset[str]


def parse(text: str) -> PreviousChanges:
    """The entries and seen keys of a changes feed's text; refuses anything else."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise PreviousChangesError(f"it is not XML ({error})") from None
    if root.tag != f"{{{ATOM}}}feed":
        raise PreviousChangesError("it is not an Atom feed")
    entries = []
    for entry in root.iter(f"{{{ATOM}}}entry"):
        link = entry.find(f"{{{ATOM}}}link")
        entries.append(
            Change(
                key=(entry.findtext(f"{{{ATOM}}}id") or "").partition("#")[2],
                title=entry.findtext(f"{{{ATOM}}}title") or "",
                summary=entry.findtext(f"{{{ATOM}}}summary") or "",
                link=link.get("href", "") if link is not None else "",
                updated=datetime.fromisoformat(entry.findtext(f"{{{ATOM}}}updated") or ""),
            )
        )
    return PreviousChanges(tuple(entries), unpack(root.findtext(f"{{{STATE}}}seen") or ""))


def pack(keys: frozenset[str]) -> str:
    """The seen keys as the feed carries them: sorted, one a line, zlib-compressed, base64.

    A city's 1,200 log entries make 60 KB of keys as text, which every reader would
    download at each poll; sorted keys share long prefixes, so compressed they are a tenth.
    """
    text = "\n".join(sorted(keys)).encode("utf-8")
    return base64.b64encode(zlib.compress(text, 9)).decode("ascii")


def unpack(packed: str) -> frozenset[str]:
    """The keys :func:`pack` wrote (empty text: none)."""
    if not packed.strip():
        return frozenset()
    try:
        text = zlib.decompress(base64.b64decode(packed, validate=True)).decode("utf-8")
    except (binascii.Error, zlib.error, UnicodeDecodeError) as error:
        raise PreviousChangesError(f"its list of what it has seen is damaged ({error})") from None
    return frozenset(text.split("\n"))


def read(path: Path) -> PreviousChanges:
    """The previously published changes feed at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PreviousChangesError(
            f"the previously published changes feed {path} cannot be read ({error})"
        ) from None
    try:
        return parse(text)
    except (PreviousChangesError, ValueError) as error:
        raise PreviousChangesError(
            f"{path} is not the changes feed ({error}): fetch the published changes.atom again"
        ) from None


def given(path: str | Path | None, environ: Mapping[str, str]) -> PreviousChanges | None:
    """The previous changes feed named by ``path``, else by :data:`ENVIRONMENT`; None if neither."""
    chosen = str(path) if path else environ.get(ENVIRONMENT, "")
    return read(Path(chosen)) if chosen else None
