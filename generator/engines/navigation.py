"""The site's navigation in the MkDocs plugin's order, as plain data any engine can follow.

MkDocs nests pages by folder (index first, then files, then folders, by name); the plugin
then replaces a section that holds only its index page by that page, and puts residents'
pages first (:data:`NAV_ORDER`). :func:`navigation` does the same from page paths alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from generator.render import urls

NAV_ORDER = (
    urls.HOME,
    urls.FIND_PANEL,
    urls.PANELS,
    urls.MEETINGS_LOG,
    "how-to-take-part/",
    urls.ENGAGEMENT,
    urls.VENUES,
    urls.METRICS,
    urls.DATA,
)
"""Top-level navigation order, residents' pages first; other pages follow in MkDocs' order."""
PANELS_IN_NAV = 30
"""Most panels listed in the navigation (the plugin's ``panels_in_nav`` default)."""
GUIDANCE = frozenset({urls.ACCESSIBILITY})
"""Generated pages that read like the hand-written ones: searchable as guidance, as they were."""


@dataclass(frozen=True)
class Entry:
    """A page in the navigation, or a section of them (``url`` None, ``children`` set)."""

    title: str
    """Plain text; each engine's adapter escapes it for its templates."""
    url: str | None = None
    source: str | None = None
    """The page's Markdown path, e.g. ``panels/bank/index.md``."""
    children: tuple[Entry, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The entry as JSON-ready data (sections carry ``children``, pages ``url``)."""
        if self.url is None:
            return {"title": self.title, "children": [c.as_json() for c in self.children]}
        return {"title": self.title, "url": self.url, "source": self.source}


def _sort_key(source: str) -> tuple[tuple[str, ...], bool, str]:
    parts = PurePosixPath(source).parts
    return (parts[:-1], PurePosixPath(source).stem != "index", parts[-1])


def section_title(folder: str) -> str:
    """MkDocs' title for a folder: spaced, and capitalised when it was all lower case."""
    title = folder.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def navigation(pages: Iterable[tuple[str, str, str]]) -> list[Entry]:
    """The navigation of ``(source, url, title)`` pages, each of them in the navigation."""
    tree: dict[str, object] = {}
    for source, url, title in sorted(pages, key=lambda p: _sort_key(p[0])):
        branch = tree
        for folder in PurePosixPath(source).parent.parts:
            branch = branch.setdefault(f"/{folder}", {})  # type: ignore[assignment]
        branch[source] = Entry(title=title, url=url, source=source)
    return sorted(_entries(tree), key=_rank)


def _entries(tree: dict[str, object]) -> list[Entry]:
    entries: list[Entry] = []
    for key, value in tree.items():
        if isinstance(value, Entry):
            entries.append(value)
            continue
        children = tuple(_entries(value))  # type: ignore[arg-type]
        only = children[0] if len(children) == 1 else None
        if only is not None and only.source and PurePosixPath(only.source).name == "index.md":
            entries.append(only)
        else:
            entries.append(Entry(title=section_title(key[1:]), children=children))
    return entries


def _rank(entry: Entry) -> int:
    first = entry
    while first.url is None and first.children:
        first = first.children[0]
    return NAV_ORDER.index(first.url) if first.url in NAV_ORDER else len(NAV_ORDER)


def out_of_nav(path: str, panels_listed: bool) -> bool:
    """Whether a generated page stays out of the navigation (it is linked from its index).

    Meeting pages and per-panel logs always do; panel pages too when there are more than
    the navigation lists (``panels_in_nav``).
    """
    if path.startswith(urls.meeting("x")[: -len("x/")]):
        return True
    index = urls.page_source(urls.MEETINGS_LOG), urls.page_source(urls.PANELS)
    if path.startswith(urls.MEETINGS_LOG) and path not in index:
        return True
    return not panels_listed and path.startswith(urls.PANELS) and path not in index


def flattened(items: list[Any], parent: Any = None) -> list[Any]:
    """MkDocs' navigation ``items`` with each section holding only its index page replaced by
    that page (each item's ``parent`` set again), as :func:`navigation` does from paths."""
    flat: list[Any] = []
    for item in items:
        if item.is_section:
            item.children = flattened(item.children, item)
            only = item.children[0] if len(item.children) == 1 else None
            if only is not None and only.is_page and only.file.src_uri.endswith("index.md"):
                item = only
        item.parent = parent
        flat.append(item)
    return flat


def nav_rank(item: Any) -> int:
    """A MkDocs navigation item's place in :data:`NAV_ORDER` (by its first page's address)."""
    first = item
    while first.is_section and first.children:
        first = first.children[0]
    url = first.url if first.is_page else None
    return NAV_ORDER.index(url) if url in NAV_ORDER else len(NAV_ORDER)
