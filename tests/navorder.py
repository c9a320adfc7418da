"""The site's navigation as residents meet it: read from built pages' primary navigation.

Material (and Zensical's theme, a fork of it) write the navigation into every page, with
``navigation.prune`` only the page's own section expanded; merging every page's links
gives the whole order. Used to compare engines and the engine-neutral manifest.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path


class _PrimaryNav(HTMLParser):
    """Collects (address, text) of each link of ``nav.md-nav--primary``, in document order."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.depth = 0  # <nav> nesting inside the primary navigation; 0 = outside it
        self.link: str | None = None
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "nav" and (self.depth or "md-nav--primary" in classes):
            self.depth += 1
        elif self.depth and tag == "a" and "md-nav__link" in classes:
            self.link = _resolve(self.page, found.get("href") or "")
            self.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1
        elif tag == "a" and self.link is not None:
            self.links.append((self.link, " ".join("".join(self.text).split())))
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.link is not None:
            self.text.append(data)


def _resolve(page: str, href: str) -> str:
    """A link's site address (``panels/bank/``; ``""`` for the home page)."""
    href = href.split("#")[0]
    joined = posixpath.normpath(posixpath.join("/" + page, href))
    return (joined.strip("/") + "/").lstrip("/") if joined != "/" else ""


def page_links(site: Path, page: str) -> list[tuple[str, str]]:
    """The primary navigation's (address, text) links on the page at ``page`` (``panels/``)."""
    parser = _PrimaryNav(page)
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser.links


def merge(orders: list[list[str]]) -> list[str]:
    """One order holding every list's items, each kept after the item it followed."""
    merged: list[str] = []
    for order in orders:
        for before, item in zip([None, *order], order, strict=False):
            if item in merged:
                continue
            merged.insert(merged.index(before) + 1 if before in merged else len(merged), item)
    return merged


def site_order(site: Path, pages: list[str]) -> list[tuple[str, str]]:
    """The whole navigation, (address, text) in order, from ``pages`` (the home page first)."""
    links = {page: page_links(site, page) for page in pages}
    texts = {address: text for found in links.values() for address, text in found}
    order = merge([[address for address, _ in links[page]] for page in pages])
    return [(address, texts[address]) for address in order]
