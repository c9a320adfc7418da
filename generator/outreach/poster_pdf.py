"""A meeting poster as a one-page A4 PDF, made at build time with WeasyPrint when it is installed.

The PDF is made from the poster's own body (the HTML our template wrote, not the engine's page
around it) and the site's own stylesheet, whose print rules lay the poster out on one A4 page.
WeasyPrint fetches nothing from the network: :class:`LocalFiles` serves the few files the build
hands it from memory (the QR code) and refuses every other address, so a link in staff text can
never make the build reach out. The bytes are deterministic: the document's dates are the build
instant (SOURCE_DATE_EPOCH), and its identifier is derived from the content.

WeasyPrint is optional: without it (or without the Pango libraries it loads) the build makes no
PDF and the poster page offers none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from markupsafe import escape


class RefusedFetch(ValueError):
    """WeasyPrint asked for an address that is not one of the poster's own files."""


@cache
def available() -> bool:
    """Whether WeasyPrint and the system libraries it needs can be loaded."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango libraries are missing
        return False
    return True


def local_files(files: Mapping[str, tuple[bytes, str]]) -> Any:
    """WeasyPrint's URL fetcher that serves only ``files`` (absolute URL -> bytes, media type)
    and ``data:`` URLs, and refuses every other address (:class:`RefusedFetch`, which stops
    the build: the poster's own files are never missing)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFiles(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            if url.startswith("data:"):  # decoded in memory by urllib's DataHandler
                return super().fetch(url, headers)
            if url not in files:
                raise RefusedFetch(f"the poster PDF may use only its own files, not {url}")
            content, mime = files[url]
            return URLFetcherResponse(url, content, {"Content-Type": mime})

    return LocalFiles(allowed_protocols=("data", "http", "https"), fail_on_errors=True)


@cache
def _parsed(stylesheet: str) -> Any:
    """``stylesheet`` parsed once a build, not once a poster (it fetches nothing: no url())."""
    from weasyprint import CSS

    return CSS(string=stylesheet, url_fetcher=local_files({}))


def _stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def poster_pdf(
    body: str,
    *,
    title: str,
    stylesheet: str,
    base_url: str,
    files: Mapping[str, tuple[bytes, str]],
    built: datetime,
) -> bytes:
    """The poster ``body`` (HTML from our autoescaped template) printed to PDF bytes.

    ``files`` maps absolute URLs (relative links resolve against ``base_url``) to their bytes
    and media type; ``built`` dates the document.
    """
    from weasyprint import HTML

    stamp = _stamp(built)
    # The stylesheet's poster rules are written for the site's typeset area (".md-typeset"),
    # so the body sits in an element of that class here too.
    document = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta name="dcterms.created" content="{stamp}">'
        f'<meta name="dcterms.modified" content="{stamp}">'
        f'</head><body><article class="md-typeset">{body}</article></body></html>'
    )
    fetcher = local_files(files)
    html = HTML(string=document, base_url=base_url, url_fetcher=fetcher)
    rendered = html.render(stylesheets=[_parsed(stylesheet)])
    # A content-derived identifier, so two builds of the same poster give the same bytes.
    identifier = hashlib.sha256(document.encode() + stylesheet.encode()).hexdigest()[:32]
    return bytes(rendered.write_pdf(pdf_identifier=identifier.encode()))
