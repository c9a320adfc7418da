"""Letting go of what the engine has already written, in a one-shot build.

MkDocs keeps every file's content and every page's HTML body until the build ends, though it
writes the files before the first page and reads a page's body only while rendering it. At the
largest scale that was about 450 MB held to the end (165 MB of page bodies, twice: as bytes
and as text, and 140 MB of feeds and downloads), beside the search indexer's own peak.
:class:`Release` empties each once it is written. It never imports MkDocs: it sets the
``content_bytes`` of MkDocs' files and the ``content`` of its pages, as plugins may.

Only when nothing but ``owner`` could read them later: in a preview, MkDocs' files are read
again on the next rebuild, and another plugin may read pages in its own hooks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

GIVE_BACK_EVERY = 1000
"""Pages written between two returns of freed memory to the system (each costs milliseconds)."""


def only_hooks(owner: object, events: Mapping[str, list[Any]]) -> bool:
    """Whether every hook of every event of the engine is ``owner``'s."""
    return all(getattr(h, "__self__", None) is owner for hooks in events.values() for h in hooks)


class Release:
    """What one build may let go of, once written; inactive until :meth:`start`."""

    def __init__(self, give_back: Callable[[], None]) -> None:
        self.give_back = give_back
        """Returns freed memory to the system."""
        self.active = False
        self.files: list[Any] = []
        """Generated files that are not pages: written before the first page."""
        self.written = 0

    def start(
        self, owner: object, events: Mapping[str, list[Any]], serving: bool, files: Iterable[Any]
    ) -> bool:
        """A new build of ``files`` (MkDocs' ``File`` objects); whether it lets go of what is
        written: not ``serving``, and every hook of the engine's ``events`` is ``owner``'s."""
        self.active, self.written = not serving and only_hooks(owner, events), 0
        self.files = (
            [f for f in files if f.generated_by is not None and not f.src_uri.endswith(".md")]
            if self.active
            else []
        )
        return self.active

    def page_read(self, page: Any) -> None:
        """A generated page's source was read: its file's bytes are not needed again."""
        if self.active:
            page.file.content_bytes = b""

    def page_rendering(self) -> None:
        """The first page is being rendered: every other file is written by now."""
        for file in self.files:
            file.content_bytes = b""
        if self.files:
            self.give_back()
        self.files = []

    def page_written(self, page: Any, output: str) -> str:
        """A page is rendered as ``output`` (returned): its HTML body is not needed again
        (its anchors are kept)."""
        if self.active:
            page.content = None
            self.written += 1
            if self.written % GIVE_BACK_EVERY == 0:
                self.give_back()
        return output
