"""What residents see, read back from the rendered pages: their visible text.

The change summary compares these (and the calendars, read by
:mod:`generator.load.published`), never the data files' fields, so whatever a renderer
publishes is covered without a list of fields to keep in step with the templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "caption"}
    | {"summary", "figcaption", "tr", "div", "section"}
)
_CELLS = frozenset({"td", "th"})
"""A table row is one line, its cells joined: a bare "11" says nothing, "Tuesday 20 February
2030 · 11" does."""
_SKIPPED = frozenset({"script", "style", "svg", "template", "pre"})
"""Not read: code, and the newsletter snippet's source (the page's own facts, repeated)."""
_URL = re.compile(r"(?:https?|webcal)://[^\s<>\"')\]]+")


def host(url: str) -> str:
    """The host of a link: the summary never shows a whole link (joining links are private)."""
    return urlsplit(url).hostname or "a link"


def hide_links(text: str) -> str:
    """``text`` with each link shown as its host only."""
    return _URL.sub(lambda m: f"(link to {host(m.group(0))})", text)


@dataclass
class PageText(HTMLParser):
    """The visible lines of a page, each with the heading it sits under."""

    lines: list[tuple[str, str]] = field(default_factory=list)
    _heading: str = ""
    _buffer: list[str] = field(default_factory=list)
    _skip: int = 0
    _in_heading: bool = False
    _href: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer.clear()
        if text:
            if self._in_heading:
                self._heading = text
            self.lines.append((self._heading, text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()
            self._in_heading = tag in ("h1", "h2", "h3", "h4")
        elif tag in _CELLS:
            if "".join(self._buffer).strip():
                self._buffer.append(" · ")
        elif tag == "a":
            self._href.append(dict(attrs).get("href"))
        elif tag == "br":
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self._flush()
            self._in_heading = False
        elif tag == "a" and self._href:
            href = self._href.pop()
            if href and "://" in href and not self._skip:
                self._buffer.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)


def page_lines(html: str) -> list[tuple[str, str]]:
    """(heading, line) for every visible line of a page's HTML, links kept whole."""
    parser = PageText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.lines
