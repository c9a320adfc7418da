"""What a staff preview needs besides a build: which outputs an edit changed, and its errors.

Engine-neutral: the MkDocs plugin re-renders only the pages :func:`changed` names, and
serves the preview through :func:`showing_errors`, so a data error reaches the browser
while the last good preview stays on screen.
"""

from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from generator.render.outputs import Output

Digests = dict[str, bytes]
"""Each output's content digest, by path."""
Fingerprint = tuple[tuple[str, int, int], ...]
"""Every file's path, modification time and size under some folders."""

BANNER_ID = "cluster-panels-preview-error"
"""The ``id`` of the error box the preview puts at the top of every page."""


def digests(outputs: Iterable[Output]) -> Digests:
    """The content digest of every output (16 bytes each: the previews' memory stays small)."""
    return {o.path: hashlib.blake2b(o.content, digest_size=16).digest() for o in outputs}


def changed(
    outputs: Iterable[Output], before: Mapping[str, bytes], *, partial: bool = False
) -> list[Output] | None:
    """The outputs whose bytes differ from ``before``; None when the set of paths differs.

    A new or removed path changes the navigation, sitemap and links of other pages, so
    it needs a whole build. ``partial`` outputs are some of the site's (the others are
    unchanged): then only a path ``before`` does not know needs one.
    """
    outputs = list(outputs)
    if not partial and len(outputs) != len(before):
        return None
    after = digests(outputs)
    if not (after.keys() <= before.keys() if partial else after.keys() == before.keys()):
        return None
    return [o for o in outputs if after[o.path] != before[o.path]]


def fingerprint(paths: Iterable[Path]) -> Fingerprint:
    """Every file under ``paths`` (files or folders) with its modification time and size."""
    found: list[tuple[str, int, int]] = []
    for path in paths:
        for file in _files(path):
            try:
                status = file.stat()
            except FileNotFoundError:  # removed while we looked: the next look sees it gone
                continue
            found.append((file.as_posix(), status.st_mtime_ns, status.st_size))
    return tuple(sorted(found))


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    for folder, _, names in os.walk(path):
        for name in names:
            yield Path(folder) / name


def banner(message: str) -> bytes:
    """The error box, escaped, that the preview shows above the last good page."""
    return (
        f'<pre id="{BANNER_ID}" role="alert" style="position:fixed;z-index:1000;top:0;left:0;'
        "right:0;max-height:50vh;overflow:auto;margin:0;padding:1em;white-space:pre-wrap;"
        'background:#fff0f0;color:#600;border-bottom:3px solid #c00;font:14px/1.4 monospace">'
        f"{html.escape(message)}</pre>"
    ).encode()


Application = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
"""A WSGI application."""


def showing_errors(app: Application, error: Callable[[], str | None]) -> Application:
    """``app`` with the current error, if any, shown at the top of every HTML page it serves.

    The files on disk are the last good build's; only the served copy carries the box.
    """

    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        message = error()
        if message is None:
            return app(environ, start_response)
        answer: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            answer.update(status=status, headers=headers, rest=rest)
            return lambda data: None  # the body is returned, never written

        body = b"".join(app(environ, capture))
        headers = list(answer["headers"])
        if any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers):
            body = _after_body_tag(body, banner(message))
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(body))))
        start_response(answer["status"], headers, *answer["rest"])
        return [body]

    return wrapped


def _after_body_tag(page: bytes, box: bytes) -> bytes:
    start = page.find(b"<body")
    end = page.find(b">", start) if start >= 0 else -1
    if end < 0:
        return box + page
    return page[: end + 1] + box + page[end + 1 :]


class Preview:
    """What a preview keeps between rebuilds: one instance per ``serve``, a few MB at most."""

    def __init__(self) -> None:
        self.serving = False
        """Whether this is ``mkdocs serve`` (else every build is a whole build)."""
        self.digests: Digests = {}
        """The last good build's outputs."""
        self.titles: dict[str, str] = {}
        """The last good build's page titles, by path (a changed one in the navigation
        changes every page, so it needs a whole build)."""
        self.watched: list[Path] = []
        """The hand-written pages, configuration and theme folders: any change there needs a
        whole build, as MkDocs does it."""
        self.seen: Fingerprint = ()
        """Their files when the last whole build started."""
        self.error: str | None = None
        """The error the preview shows above its last good pages, or None."""
        self.failure: str | None = None
        """The last whole build's error, as its adapter reported it."""

    def remember(self, outputs: Iterable[Output], *, partial: bool = False) -> None:
        """Keep a good build's digests and titles (``partial``: of the outputs it changed)."""
        outputs = list(outputs)
        titles = {o.path: o.title or "" for o in outputs if o.title is not None}
        if partial:
            self.digests.update(digests(outputs))
            self.titles.update(titles)
        else:
            self.digests, self.titles = digests(outputs), titles

    def whole_build_needed(self) -> bool:
        """Whether hand-written pages, configuration or theme changed since the last whole build."""
        return not self.digests or fingerprint(self.watched) != self.seen
