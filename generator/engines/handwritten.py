"""The hand-written pages of a docs folder, read as MkDocs reads them: title, description, text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import markdown
import yaml

from generator.render.handwritten import FRONT_MATTER, Wording, worded_page
from generator.search.records import searchable

_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
EXTENSIONS = ("attr_list", "md_in_html", "admonition", "tables", "toc")
"""The Markdown extensions mkdocs.yml enables, for the pages' searchable text."""


@dataclass(frozen=True)
class HandWritten:
    """One Markdown page of the docs folder."""

    source: str
    """Its path in the docs folder, e.g. ``about.md``."""
    url: str
    """Its directory address, e.g. ``about/`` (``""`` for the home page)."""
    title: str
    """Plain text: front matter ``title``, else the first ``#`` heading, else the file's name."""
    description: str | None
    """Front matter ``description``: what the page's ``<meta name="description">`` says."""
    searchable: bool
    """False when the front matter says ``search: {exclude: true}`` (Material's spelling)."""
    body_html: str
    """The page rendered with the site's Markdown extensions (for its search record)."""


def address(source: str) -> str:
    """The directory URL MkDocs gives a Markdown file (``use_directory_urls``)."""
    path = PurePosixPath(source)
    folder = path.parent.as_posix()
    stem = "" if path.stem in ("index", "README") else path.stem
    parts = [p for p in (folder if folder != "." else "", stem) if p]
    return "/".join(parts) + "/" if parts else ""


def read_docs(folder: Path, words: Wording) -> list[HandWritten]:
    """Every ``*.md`` page under ``folder``, in path order, in the force's words."""
    return [_read(folder, p, words) for p in sorted(folder.rglob("*.md")) if p.is_file()]


def files(folder: Path, words: Wording) -> dict[str, bytes]:
    """Every file under ``folder`` (pages, images, downloads) by its path there, in path order;
    Markdown pages with the wording catalogue's placeholders in the force's words."""
    found = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts):
            content = p.read_bytes()
            if p.suffix == ".md":
                content = worded_page(content.decode("utf-8-sig"), words).encode("utf-8")
            found[p.relative_to(folder).as_posix()] = content
    return found


def clash(
    docs: Sequence[HandWritten], other: Iterable[str], generated: Iterable[str]
) -> str | None:
    """The first hand-written file published at a generated page's or file's address, if any.

    ``other`` holds the docs folder's other files; compared by address, as the plugin does:
    ``about.md`` and a generated ``about/index.md`` would both be ``about/``.
    """
    taken = {address(g) if g.endswith(".md") else g for g in generated}
    for doc in docs:
        if doc.url in taken:
            return doc.source
    return next((path for path in other if path in taken), None)


def _read(folder: Path, path: Path, words: Wording) -> HandWritten:
    text = worded_page(path.read_text(encoding="utf-8-sig"), words)
    meta: dict[str, object] = {}
    found = FRONT_MATTER.match(text)
    if found:
        loaded = yaml.safe_load(found.group(1))
        meta = loaded if isinstance(loaded, dict) else {}
        text = text[found.end() :]
    source = path.relative_to(folder).as_posix()
    heading = _HEADING.search(text)
    title = meta.get("title") or (heading.group(1) if heading else None)
    description = meta.get("description")
    return HandWritten(
        source=source,
        url=address(source),
        title=str(title) if title else _from_name(source),
        description=str(description).strip() if description else None,
        searchable=searchable(meta),
        body_html=markdown.markdown(text, extensions=list(EXTENSIONS)),
    )


def _from_name(source: str) -> str:
    """MkDocs' title for a page without one: its file name, spaced and capitalised."""
    name = PurePosixPath(source).stem.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name
