"""A preview's rebuild after a data edit: only the pages and files the edit changed.

MkDocs' own rebuild writes every file again; :class:`Rebuilder` writes only the outputs
whose bytes changed (pages through MkDocs' page builder, in the theme), the whole-site
downloads and search index in the background, and falls back to MkDocs' whole build when
the edit reshapes other pages. It never imports MkDocs: the plugin
(:mod:`generator.mkdocs_plugin`) hands over the MkDocs functions and its error class.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from generator.engines.navigation import GUIDANCE
from generator.incremental import LATER, Renders
from generator.load.dataset import Dataset
from generator.load.errors import DataError, Problem
from generator.preview import Preview, changed, fingerprint, showing_errors
from generator.render.outputs import Kind, Output, Share, SiteConfig
from generator.search.pagefind import FOLDER, SearchIndexError, write_index
from generator.search.records import Record, records

POLL_S = 0.05
"""How often a preview looks at the data folder for edits, and how long it waits after an
edit for more to follow, in seconds (MkDocs' 0.5 and 0.1 were most of a small edit's wait)."""
_KEPT = "the preview shows the data as it was before"


class Host(Protocol):
    """What the rebuild reads and updates of the MkDocs plugin (which serves the pages)."""

    preview: Preview
    renders: Renders
    site: SiteConfig | None
    outputs: list[Output]
    titles: dict[str, str]
    shares: dict[str, Share]

    def load_data(
        self, outcome: str, *, notices: bool = True
    ) -> tuple[Dataset, tuple[Problem, ...]]: ...

    def out_of_nav(self, path: str) -> bool: ...


@dataclass(frozen=True)
class MkDocsCalls:
    """The MkDocs functions and exceptions the rebuild uses, handed over by the plugin."""

    error: type[Exception]
    """MkDocs' PluginError: what the rebuild raises, and catches from the plugin."""
    aborted: tuple[type[BaseException], ...]
    """What MkDocs' whole build raises when it fails (Abort, SystemExit)."""
    populate_page: Callable[..., Any]
    build_page: Callable[..., Any]
    in_serve: Callable[..., Any]
    """The inclusion levels a preview writes (``InclusionLevel.is_in_serve``)."""
    log: logging.LoggerAdapter[logging.Logger]
    """The plugin's logger, which prefixes `[cluster-panels]`."""


@dataclass
class Kept:
    """The last whole build's MkDocs objects, which a preview renders changed pages with."""

    config: Any
    files: Any
    nav: Any
    env: Any = None
    pages: Any = None
    """The whole build's list of pages (its pages' context's ``pages``): a page rebuilt with
    this very list takes the whole build's frames, where an equal new list made a frame per
    rebuilt page (two more each edit, to the limit of 32, each a second rendering of the page)."""
    search: list[Record] = field(default_factory=list)
    """The hand-written pages' search records."""
    indexed: list[Record] = field(default_factory=list)
    """Every record in the search index as last written."""


class _Warnings(logging.Handler):
    """MkDocs' warnings while a preview renders changed pages (strict: each one is an error)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings.append(record.getMessage())


def _reshapes(output: Output, titles: dict[str, str], host: Host) -> bool:
    """Whether a changed output changes other pages: a new title in the navigation, guidance."""
    if output.kind is not Kind.PAGE:
        return False
    if output.path.removesuffix("index.md") in GUIDANCE:  # its search record is the page's text
        return True
    return not host.out_of_nav(output.path) and titles.get(output.path) != (output.title or "")


class Rebuilder:
    """The preview's rebuilds, one ``serve`` long, for ``host`` (the plugin)."""

    def __init__(self, host: Host, calls: MkDocsCalls) -> None:
        self.host, self.calls = host, calls
        self.kept: Kept | None = None
        self.later: Future[None] | None = None
        """The last edit's downloads and search index, written in the background."""
        self.background = ThreadPoolExecutor(1, thread_name_prefix="preview")

    def page_context(self, context: dict[str, Any]) -> None:
        """Note the whole build's list of pages from a page's template ``context``."""
        if self.kept is not None and self.kept.pages is None:
            self.kept.pages = context["pages"]

    def built(self, env: Any, hand_written: list[Record], indexed: list[Record]) -> None:
        """Keep the whole build's template environment, the hand-written pages' search records
        and every record the index was written from, for the rebuilds."""
        if self.kept is not None:
            self.kept.env, self.kept.search, self.kept.indexed = env, hand_written, indexed

    def attach(self, server: Any, builder: Any, data: Path, own: list[str]) -> None:
        """Make MkDocs' live-reload ``server`` rebuild through :meth:`rebuild`.

        ``own`` are the hand-written pages, configuration and theme folders: an edit there
        needs MkDocs' whole build (``builder``). Installed themes are not watched.
        """
        watched = [Path(path) for path in own if "site-packages" not in path]
        preview = self.host.preview
        # Looking at a folder of a few data files costs little: look every 0.05 s, not 0.5 s.
        observer = server.observer
        if hasattr(observer, "_timeout"):
            observer._timeout = POLL_S
        if hasattr(server, "build_delay"):
            server.build_delay = POLL_S
        server.watch(str(data))
        preview.watched = watched
        preview.seen = fingerprint(watched)
        server.set_app(showing_errors(server.serve_request, lambda: preview.error))
        server.builder = lambda: self.rebuild(builder)

    def rebuild(self, whole: Any) -> None:
        """One preview rebuild: only the changed outputs, else MkDocs' whole build.

        Never raises: an error is logged and shown above the last good pages instead, and
        the browsers reload to show it.
        """
        preview = self.host.preview
        self._wait()
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            written = None if preview.whole_build_needed() else self._changed_only()
            if written is None:
                preview.seen = fingerprint(preview.watched)
                preview.failure = None
                try:
                    whole()
                except self.calls.aborted as error:
                    raise self.calls.error(preview.failure or str(error)) from None
            preview.error = None
            what = "every file" if written is None else written
            spent = (time.perf_counter() - started, time.thread_time() - cpu)
            self.calls.log.info("preview updated in %.2f s (%.2f CPU s): %s", *spent, what)
        except self.calls.error as error:
            preview.error = str(error)
            self.host.renders.forget()  # pages may be half written: the next edit renders them all
            self.calls.log.error("%s", error)

    def _changed_only(self) -> str | None:
        """Write only the outputs whose bytes changed (what it did, for the log); None when a
        whole build is needed.

        When the edit touched only some records, the whole-site downloads and the search
        index follow in the background, after the browsers have reloaded the edited pages.
        """
        host = self.host
        kept, site = self.kept, host.site
        if kept is None or kept.env is None or site is None:
            return None
        data, _ = host.load_data(_KEPT, notices=False)  # the warnings are the whole build's
        try:
            outputs, found = host.renders.render(data, site, later=LATER)
        except DataError as error:
            raise self.calls.error(error.report(_KEPT)) from None
        changes = changed(outputs, host.preview.digests, partial=found is not None)
        if changes is not None:
            changes += self._reshared(outputs, changes)
        if changes is None or not self._write(kept, changes):
            return None
        host.outputs = []  # the preview keeps digests, not every page's bytes
        if found is None:
            self._index(kept, data)
            return f"{len(changes)} changed file(s) of every output rendered again"
        self.later = self.background.submit(self._later, kept, data, site)
        return (
            f"{len(changes)} changed file(s) of {len(outputs)} output(s) rendered again "
            "(the downloads and search index follow)"
        )

    def _reshared(self, outputs: list[Output], changes: list[Output]) -> list[Output]:
        """The pages among ``outputs`` whose sharing tags changed though their own bytes did
        not (a venue renamed on the panel's card): their head is written by the theme's frame,
        so they are built again too."""
        shares = {s.page: s for o in outputs for s in o.shares}
        moved = {page for page, share in shares.items() if self.host.shares.get(page) != share}
        self.host.shares.update(shares)
        writing = {o.path for o in changes}
        return [o for o in outputs if o.path in moved and o.path not in writing]

    def _write(self, kept: Kept, changes: list[Output]) -> bool:
        """Write ``changes`` (pages in the theme's frame); False when a whole build is needed."""
        host, calls = self.host, self.calls
        if any(_reshapes(o, host.preview.titles, host) for o in changes):
            return False
        config, files = kept.config, kept.files
        pages = kept.pages or files.documentation_pages(inclusion=calls.in_serve)
        counter = _Warnings()
        logging.getLogger("mkdocs").addHandler(counter)
        try:
            for output in changes:
                file = files.get_file_from_path(output.path)
                if file is None:
                    return False
                file.content_bytes = output.content
                if file.page is None:  # a feed, a download: its bytes as they are
                    Path(file.abs_dest_path).write_bytes(output.content)
                    continue
                host.titles[output.path] = output.title or ""
                calls.populate_page(file.page, config, files)
                calls.build_page(file.page, config, pages, kept.nav, kept.env)
        finally:
            logging.getLogger("mkdocs").removeHandler(counter)
        if counter.warnings:  # strict, as a whole build is
            raise calls.error("\n".join(counter.warnings))
        host.preview.remember(changes, partial=True)
        return True

    def _index(self, kept: Kept, data: Dataset) -> None:
        """Write the search index again if its records changed."""
        search = sorted([*records(data), *kept.search], key=lambda r: r.url)
        if search != kept.indexed:
            try:
                write_index(search, Path(kept.config.site_dir) / FOLDER)
            except SearchIndexError as error:
                raise self.calls.error(f"cluster-panels: {error}") from None
            kept.indexed = search

    def _later(self, kept: Kept, data: Dataset, site: SiteConfig) -> None:
        """The downloads and search index of an edit whose pages are written (in the background)."""
        host = self.host
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            try:
                outputs = host.renders.render_later(data, site, LATER)
            except DataError as error:
                raise self.calls.error(error.report(_KEPT)) from None
            changes = changed(outputs, host.preview.digests, partial=True)
            if changes is None or not self._write(kept, changes):
                host.preview.digests.clear()  # the next rebuild is a whole build
            self._index(kept, data)
            self.calls.log.info(  # Pagefind's own CPU time is not counted: it is another process
                "preview downloads and search index updated in %.2f s (%.2f CPU s)",
                time.perf_counter() - started,
                time.thread_time() - cpu,
            )
        except self.calls.error as error:
            host.preview.error = str(error)
            host.renders.forget()
            self.calls.log.error("%s", error)

    def _wait(self) -> None:
        """Let the last edit's background work finish before the next rebuild starts."""
        later, self.later = self.later, None
        if later is not None:
            later.result()
