"""What an engine's page object needs when its body is already HTML (a generated page)."""

from __future__ import annotations

import logging
from typing import Any

_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


def without_markdown(page: Any, empty_toc: Any) -> None:
    """Let MkDocs render ``page``'s empty Markdown without Python-Markdown.

    MkDocs' ``Page.render`` builds a parser with every extension of the site for each page,
    which was a tenth of the build's CPU at 4,000 pages, to turn "" into "". This leaves
    what it leaves for an empty source (no content, contents, title or anchors);
    ``empty_toc`` is MkDocs' table of contents of no headings (``get_toc([])``).
    """

    def render(config: Any, files: Any) -> None:
        page.content = ""
        page.toc = empty_toc
        page._title_from_render = None
        page.present_anchor_ids = set()
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}

    page.render = render
