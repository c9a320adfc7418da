"""The engine-neutral description of a build: pages, navigation, sitemap and assets, as JSON.

Written by ``python -m generator build --out DIR`` beside the pages (:data:`MANIFEST`), for
an engine without our MkDocs plugin to give the same site: the same titles, order and
addresses. Every value is plain text in JSON; whoever hands it to a template escapes it.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.engines.handwritten import HandWritten
from generator.engines.navigation import navigation, out_of_nav
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import SCRIPT, STYLES

MANIFEST = ".cluster-panels-site.json"
"""The manifest's name in the output folder: a dot file, so no engine publishes it."""


@dataclass(frozen=True)
class Page:
    """One page of the site, generated or hand-written."""

    source: str
    url: str
    title: str
    description: str | None
    in_nav: bool
    generated: bool
    share: Mapping[str, str] | None = None
    """The page's sharing tags (title, description, url, image, image_alt), plain text."""

    def as_json(self) -> dict[str, object]:
        """The page as JSON-ready data."""
        return {
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "description": self.description,
            "in_nav": self.in_nav,
            "generated": self.generated,
            "share": dict(self.share) if self.share else None,
        }


def pages(
    outputs: Iterable[Output],
    docs: Sequence[HandWritten],
    not_in_nav: Sequence[str] = (),
    panels_listed: bool = True,
) -> list[Page]:
    """Every page: hand-written ones (out of the navigation where ``not_in_nav`` matches)
    then generated ones, each in path order, as MkDocs lists them."""
    written = [
        Page(
            source=d.source,
            url=d.url,
            title=d.title,
            description=d.description,
            in_nav=not any(fnmatch.fnmatch(d.source, p.strip("/")) for p in not_in_nav),
            generated=False,
        )
        for d in docs
    ]
    outputs = list(outputs)
    shares = {s.page: s.as_json() for o in outputs for s in o.shares}
    generated = [
        Page(
            source=o.path,
            url=o.path.removesuffix("index.md"),
            title=o.title or "",
            description=None,
            in_nav=not out_of_nav(o.path, panels_listed),
            generated=True,
            share=shares.get(o.path),
        )
        for o in outputs
        if o.kind is Kind.PAGE
    ]
    return written + generated


def manifest(
    site: SiteConfig,
    description: str | None,
    all_pages: Sequence[Page],
    search: str,
    records: int,
    words: Mapping[str, object],
) -> bytes:
    """The manifest's bytes (sorted keys, stable order: the same build gives the same bytes).

    ``search`` is the search index's folder, ``records`` how many records it holds, ``words``
    the wording catalogue the theme layer reads (the search box's label), as the plugin
    hands it to MkDocs' theme in ``extra.words``.
    """
    nav = navigation((p.source, p.url, p.title) for p in all_pages if p.in_nav)
    document = {
        "site": {"name": site.site_name, "url": site.site_url, "description": description},
        "stylesheets": [STYLES],
        "scripts": [SCRIPT],
        "search": {"index": f"{search}/", "records": records},
        "pages": [p.as_json() for p in all_pages],
        "navigation": [entry.as_json() for entry in nav],
        "sitemap": sorted(site.url(p.url) for p in all_pages),
        "words": dict(words),
    }
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
