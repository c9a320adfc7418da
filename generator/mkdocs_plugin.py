"""The MkDocs adapter: loads the data once and hands every generated Output to MkDocs.

This is the only module that imports MkDocs. Everything it publishes comes from
:func:`generator.site.render_all`; it only decides where the bytes go, and makes
sure the theme receives page titles as escaped text, never as markup.
"""

from __future__ import annotations

import html
import logging
import os
import re
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.clock import BadEpoch, build_date, build_time
from generator.engines.frame import Frames, add_template
from generator.engines.navigation import GUIDANCE, NAV_ORDER, PANELS_IN_NAV, out_of_nav
from generator.incremental import LATER, Renders
from generator.load import published, published_changes
from generator.load.dataset import Dataset, FileCache
from generator.load.errors import DataError, Problem
from generator.load.publish import FrozenHeap, load_with_notices
from generator.preview import Preview, changed, fingerprint, showing_errors
from generator.render.css import without_comments
from generator.render.handwritten import UnknownPlaceholder, Wording, worded
from generator.render.outputs import Kind, Output, Share, SiteConfig
from generator.render.urls import SCRIPT, STYLES
from generator.search.pagefind import FOLDER, SearchIndexError, write_index
from generator.search.records import Record, page_record, records

POLL_S = 0.05
"""How often a preview looks at the data folder for edits, and how long it waits after an
edit for more to follow, in seconds (MkDocs' 0.5 and 0.1 were most of a small edit's wait)."""
_KEPT = "the preview shows the data as it was before"
log = get_plugin_logger("cluster-panels")
"""MkDocs' logger for plugins: shows in `mkdocs build` and `mkdocs serve` as `[cluster-panels]`."""

_FRAMED = "cluster-panels-framed.html"
"""An empty template for pages written from a shared frame (:mod:`generator.engines.frame`)."""
_ANCHOR = re.compile(r'\sid="([^"]*)"')
"""An ``id`` attribute: in autoescaped HTML a quote is always escaped, so this is never text."""


class ClusterPanelsConfig(base.Config):
    """Options under ``plugins: - cluster-panels:`` in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    """The data folder, relative to mkdocs.yml."""
    custom_templates = c.Optional(c.Dir(exists=True))
    """A folder of the force's own templates, searched before the package's.

    Copy one template from ``generator/render/templates`` (same path inside the folder),
    reword or restyle it; every other template stays the package's."""
    previous_calendar = c.Type(str, default="")
    """The all-meetings feed as last published, which change numbers rise from.

    The deploy fetches it and passes it as ``$CLUSTER_PANELS_PREVIOUS_CALENDAR`` instead;
    empty for a preview."""
    previous_changes = c.Type(str, default="")
    """The feed of what changed (changes.atom) as last published, which the new feed adds to.

    The deploy fetches it and passes it as ``$CLUSTER_PANELS_PREVIOUS_CHANGES`` instead;
    empty for a preview (the feed then starts empty)."""
    page_frames = c.Type(bool, default=True)
    """Write pages outside the navigation from a frame rendered once (same bytes, less time)."""
    panels_in_nav = c.Type(int, default=PANELS_IN_NAV)
    """Most panels listed in the side navigation; above it, panels are reached from their index.

    Material writes the navigation into every page, so hundreds of panels there would make
    every page heavier (the cost grows with the square of the panels)."""


class ClusterPanelsPlugin(BasePlugin[ClusterPanelsConfig]):
    """Adds the panel, meeting, log, engagement and venue pages, feeds and downloads."""

    def __init__(self) -> None:
        self.outputs: list[Output] = []
        self.titles: dict[str, str] = {}
        self.shares: dict[str, Share] = {}
        self.bodies: dict[str, str] = {}
        self.data_path = Path(".")
        self.panels_in_nav = True
        self.search: list[Record] = []
        self.indexing: Future[None] | None = None
        self.wording = Wording()
        self.site: SiteConfig | None = None
        self.preview = Preview()
        self.heap = FrozenHeap()
        """A build's dataset and outputs, frozen until it ends (not in a preview)."""
        self.kept: _Kept | None = None
        self.data_records = 0
        self.renders = Renders()
        self.later: Future[None] | None = None
        """The last edit's downloads and search index, written in the background."""
        self.background = ThreadPoolExecutor(1, thread_name_prefix="preview")
        self.files_read: FileCache = {}
        """The preview's parsed data files: an edit reads only the file it changed."""
        self.frames: Frames | None = None
        self.framing: dict[str, Any] = {}
        """The context of each page being written from a frame, by source path."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In ``mkdocs serve`` this instance lives across rebuilds: it keeps the preview's state."""
        self.preview.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the data once (blocking advisories included), render every output."""
        if not config.use_directory_urls:
            raise PluginError(
                "cluster-panels: set `use_directory_urls: true` in mkdocs.yml "
                "(the site's permanent addresses are folders such as panels/PANEL-ID/)"
            )
        self.data_path = Path(config.config_file_path or ".").parent / self.config.data_dir
        data, notices = self._load("nothing was published")
        if not self.preview.serving:  # a preview's datasets come and go: they stay in sight
            self.heap.freeze()
        try:  # `site_name: Northshire Police {{ words.panels }}` follows a renamed panel
            for key in ("site_name", "site_description"):
                if isinstance(config[key], str):
                    config[key] = worded(config[key], data.publisher.wording, markdown=False)
        except UnknownPlaceholder as error:
            raise PluginError(f"mkdocs.yml: {error}") from None
        # INFO, not WARNING: advisories never stop a build, and --strict aborts on warnings.
        for problem in notices:
            log.info("data warning: %s", problem)
        try:
            previous = published.given(self.config.previous_calendar, os.environ)
            before = published_changes.given(self.config.previous_changes, os.environ)
        except (published.PreviousError, published_changes.PreviousChangesError) as error:
            raise PluginError(f"{error}; nothing was published") from None
        self.site = SiteConfig(
            site_url=_with_slash(config.site_url or "/"),
            site_name=config.site_name,
            built=build_time(),
            templates=Path(self.config.custom_templates) if self.config.custom_templates else None,
            previous=previous,
            previous_changes=before,
        )
        self.outputs = self._render(data, self.site, "nothing was published")[0]
        if not self.preview.serving:
            self.heap.freeze()
        if self.preview.serving:
            self.renders.prime(data, self.site)
        self.search = records(data)
        self.data_records = len(self.search)
        self.wording = data.publisher.wording
        # The theme's own templates (overrides/) read the force's words from here.
        config.extra["words"] = self.wording.model_dump()
        self.panels_in_nav = len(data.panels) <= self.config.panels_in_nav
        self.titles = {o.path: o.title or "" for o in self.outputs if o.kind is Kind.PAGE}
        self.shares = {s.page: s for o in self.outputs for s in o.shares}
        if STYLES not in config.extra_css:
            config.extra_css.append(STYLES)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def _load(self, outcome: str, *, notices: bool = True) -> tuple[Dataset, tuple[Problem, ...]]:
        try:
            return load_with_notices(
                self.data_path,
                today=build_date(),
                label=self.config.data_dir.rstrip("/"),
                cache=self.files_read if self.preview.serving else None,
                notices=notices,
            )
        except DataError as error:
            raise PluginError(error.report(outcome)) from None
        except BadEpoch as error:
            raise PluginError(str(error)) from None

    def _render(
        self, data: Dataset, site: SiteConfig, outcome: str, *, whole: bool = True
    ) -> tuple[list[Output], bool]:
        """Every output (``whole``), or in a preview's rebuild those the edit may change.

        With True when every output is there.
        """
        try:
            outputs, found = self.renders.render(data, site, whole=whole)
            return outputs, found is None
        except DataError as error:
            raise PluginError(error.report(outcome)) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every output as an in-memory file; a hand-written file may not take its place.

        Compared by address, not file name: `docs/panels/bank.md` and the generated
        `panels/bank/index.md` would both be published at `panels/bank/`.
        """
        hand_written = {f.dest_uri: f for f in files if f.generated_by is None}
        for output in self.outputs:
            inclusion = (
                InclusionLevel.NOT_IN_NAV
                if self._out_of_nav(output.path)
                else InclusionLevel.UNDEFINED
            )
            generated = File.generated(
                config, output.path, content=output.content, inclusion=inclusion
            )
            clash = hand_written.get(generated.dest_uri)
            if clash is not None:
                raise PluginError(
                    f"docs/{clash.src_uri} has the same address as a generated page "
                    f"or file ({generated.url or '/'}): remove or rename it"
                )
            files.append(generated)
        _publish_theme_css_without_comments(files, config)
        return files

    def _out_of_nav(self, path: str) -> bool:
        """Meeting pages and per-panel logs never; panel pages when there are many."""
        return out_of_nav(path, self.panels_in_nav)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give the theme each generated page's title as escaped text.

        Material writes ``page.title`` into the navigation, header and search index as
        HTML, so staff text must arrive escaped; its ``<title>`` strips tags then escapes.
        """
        title = self.titles.get(page.file.src_uri)
        if title is None:
            return self._hand_written(markdown, page)
        page.title = html.escape(title)
        # A generated page is already HTML from autoescaped templates: Python-Markdown
        # would pass its raw HTML blocks through unchanged, yet parsing them was a fifth
        # of the build. Keep the body aside and let MkDocs render an empty page instead.
        self.bodies[page.file.src_uri] = markdown
        return ""

    def _hand_written(self, markdown: str, page: Page) -> str:
        """A force's own page, with the wording catalogue's placeholders in its words."""
        try:
            for key in ("title", "description"):
                value = page.meta.get(key)
                if isinstance(value, str) and "{{" in value:
                    page.meta[key] = worded(value, self.wording, markdown=False)
                    if key == "title":  # the theme writes titles as HTML; descriptions it escapes
                        page.title = html.escape(page.meta[key])
            return worded(markdown, self.wording)
        except UnknownPlaceholder as error:
            raise PluginError(f"docs/{page.file.src_uri}: {error}") from None

    def on_page_content(
        self, html_body: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Put back each generated page's HTML body, kept aside in ``on_page_markdown``.

        MkDocs only learns a page's anchors while rendering Markdown, so they are read
        here from the body, for its checks of links to ``page/#anchor``.
        """
        body = self.bodies.pop(page.file.src_uri, None)
        if body is None:
            if not _excluded_from_search(page):
                self.search.append(page_record("/" + page.url, page.title or "", html_body))
            return html_body
        if page.url in GUIDANCE:
            self.search.append(page_record("/" + page.url, page.title or "", body))
        page.present_anchor_ids = {html.unescape(a) for a in _ANCHOR.findall(body)}
        if self._out_of_nav(page.file.src_uri) and _frames_wanted(self, config):
            page.meta["template"] = _FRAMED  # MkDocs renders an empty template; on_post_page fills
        return body.strip()  # as Python-Markdown returns it

    def on_page_context(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """Hand overrides/main.html the page's sharing tags (plain text: it escapes them)."""
        found = self.shares.get(page.file.src_uri)
        context["cluster_panels_share"] = found.as_json() if found else None
        if page.meta.get("template") == _FRAMED:
            del page.meta["template"]  # the theme's template sees the page's own front matter
            self.framing[page.file.src_uri] = context
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """A page of the empty template: the theme's page, from its frame when it has one."""
        context = self.framing.pop(page.file.src_uri, None)
        if context is None or self.frames is None:
            return output
        return self.frames.render(context)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Show each page under its own title, not its folder's name, and residents' pages first.

        MkDocs makes a section of every folder (``panels/bank/``); a section holding only
        its index page would be titled from the folder's id ("Liverpool street"), so it
        is replaced by the page, whose title comes from the data.
        """
        nav.items = sorted(_flatten(nav.items, None), key=_nav_rank)
        if self.preview.serving:
            self.kept = _Kept(config, files, nav)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Start writing the search index while MkDocs writes the pages.

        Every record is known by now (hand-written pages were read before this event), and
        Pagefind runs in its own process, so the two overlap instead of following each other.
        """
        self.frames, self.framing = None, {}  # MkDocs keeps this instance for its next build
        if _frames_wanted(self, config):
            add_template(env, _FRAMED, "")
            main = env.get_template("main.html")
            self.frames = Frames(main.render, env.filters, ("url", "script_tag"), _SHARE)
        records = sorted(self.search, key=lambda r: r.url)
        if self.preview.serving and self.kept is not None:
            self.kept.env, self.kept.search = env, self.search[self.data_records :]
            self.kept.indexed = records
        target = Path(config.site_dir) / FOLDER
        pool = ThreadPoolExecutor(1, thread_name_prefix="pagefind")
        self.indexing = pool.submit(write_index, records, target)
        pool.shutdown(wait=False)  # the thread finishes its one task, then ends
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the search index (from the data's records and the hand-written pages' text)."""
        indexing, self.indexing = self.indexing, None
        self.heap.thaw()
        if self.frames is not None:
            log.debug(
                "%d page(s) written from %d frame(s)", self.frames.framed, len(self.frames.frames)
            )
        try:
            if indexing is not None:
                indexing.result()
            if self.preview.serving:
                self.preview.remember(self.outputs)
        except SearchIndexError as error:
            raise PluginError(f"cluster-panels: {error}") from None

    def on_build_error(self, *, error: Exception) -> None:
        """Let a search index being written finish (its staging folder is then removed)."""
        indexing, self.indexing = self.indexing, None
        self.heap.thaw()
        if indexing is not None:
            indexing.exception()
        self.preview.failure = str(error)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview when staff edit the data: only the pages and files it changes.

        MkDocs would rebuild and rewrite every file; :mod:`generator.mkdocs_preview` writes
        only those whose bytes changed, and shows a data error above the last good page.
        """
        if not self.preview.serving:
            server.watch(str(self.data_path))
            return server
        # Looking at a folder of a few data files costs little: look every 0.05 s, not 0.5 s.
        observer = server.observer
        if hasattr(observer, "_timeout"):
            observer._timeout = POLL_S
        if hasattr(server, "build_delay"):
            server.build_delay = POLL_S
        server.watch(str(self.data_path))
        watched = [Path(config.docs_dir), Path(config.config_file_path or "mkdocs.yml")]
        if self.config.custom_templates:
            watched.append(Path(self.config.custom_templates))
        watched += [Path(d) for d in config.theme.dirs if "site-packages" not in d]
        self.preview.watched = watched
        self.preview.seen = fingerprint(watched)
        server.set_app(showing_errors(server.serve_request, lambda: self.preview.error))
        server.builder = lambda: self._rebuild(builder)
        return server

    def _rebuild(self, whole: Any) -> None:
        """One preview rebuild: only the changed outputs, else MkDocs' whole build.

        Never raises: an error is logged and shown above the last good pages instead, and
        the browsers reload to show it.
        """
        self._wait()
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            written = None if self.preview.whole_build_needed() else self._changed_only()
            if written is None:
                self.preview.seen = fingerprint(self.preview.watched)
                self.preview.failure = None
                try:
                    whole()
                except (Abort, SystemExit) as error:
                    raise PluginError(self.preview.failure or str(error)) from None
            self.preview.error = None
            what = "every file" if written is None else written
            spent = (time.perf_counter() - started, time.thread_time() - cpu)
            log.info("preview updated in %.2f s (%.2f CPU s): %s", *spent, what)
        except PluginError as error:
            self.preview.error = str(error)
            self.renders.forget()  # pages may be half written: the next edit renders them all
            log.error("%s", error)

    def _changed_only(self) -> str | None:
        """Write only the outputs whose bytes changed (what it did, for the log); None when a
        whole build is needed.

        When the edit touched only some records, the whole-site downloads and the search
        index follow in the background, after the browsers have reloaded the edited pages.
        """
        kept, site = self.kept, self.site
        if kept is None or kept.env is None or site is None:
            return None
        data, _ = self._load(_KEPT, notices=False)  # the warnings are the whole build's
        try:
            outputs, found = self.renders.render(data, site, later=LATER)
        except DataError as error:
            raise PluginError(error.report(_KEPT)) from None
        changes = changed(outputs, self.preview.digests, partial=found is not None)
        if changes is not None:
            changes += self._reshared(outputs, changes)
        if changes is None or not self._write(kept, changes):
            return None
        self.outputs = []  # the preview keeps digests, not every page's bytes
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
        moved = {page for page, share in shares.items() if self.shares.get(page) != share}
        self.shares.update(shares)
        writing = {o.path for o in changes}
        return [o for o in outputs if o.path in moved and o.path not in writing]

    def _write(self, kept: _Kept, changes: list[Output]) -> bool:
        """Write ``changes`` (pages in the theme's frame); False when a whole build is needed."""
        if any(_reshapes(o, self.preview.titles, self) for o in changes):
            return False
        config, files = kept.config, kept.files
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
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
                self.titles[output.path] = output.title or ""
                _populate_page(file.page, config, files)
                _build_page(file.page, config, pages, kept.nav, kept.env)
        finally:
            logging.getLogger("mkdocs").removeHandler(counter)
        if counter.warnings:  # strict, as a whole build is
            raise PluginError("\n".join(counter.warnings))
        self.preview.remember(changes, partial=True)
        return True

    def _index(self, kept: _Kept, data: Dataset) -> None:
        """Write the search index again if its records changed."""
        search = sorted([*records(data), *kept.search], key=lambda r: r.url)
        if search != kept.indexed:
            try:
                write_index(search, Path(kept.config.site_dir) / FOLDER)
            except SearchIndexError as error:
                raise PluginError(f"cluster-panels: {error}") from None
            kept.indexed = search

    def _later(self, kept: _Kept, data: Dataset, site: SiteConfig) -> None:
        """The downloads and search index of an edit whose pages are written (in the background)."""
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            try:
                outputs = self.renders.render_later(data, site, LATER)
            except DataError as error:
                raise PluginError(error.report(_KEPT)) from None
            changes = changed(outputs, self.preview.digests, partial=True)
            if changes is None or not self._write(kept, changes):
                self.preview.digests.clear()  # the next rebuild is a whole build
            self._index(kept, data)
            log.info(  # Pagefind's own CPU time is not counted: it is another process
                "preview downloads and search index updated in %.2f s (%.2f CPU s)",
                time.perf_counter() - started,
                time.thread_time() - cpu,
            )
        except PluginError as error:
            self.preview.error = str(error)
            self.renders.forget()
            log.error("%s", error)

    def _wait(self) -> None:
        """Let the last edit's background work finish before the next rebuild starts."""
        later, self.later = self.later, None
        if later is not None:
            later.result()


@dataclass
class _Kept:
    """The last whole build's MkDocs objects, which a preview renders changed pages with."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any = None
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


def _reshapes(output: Output, titles: dict[str, str], plugin: ClusterPanelsPlugin) -> bool:
    """Whether a changed output changes other pages: a new title in the navigation, guidance."""
    if output.kind is not Kind.PAGE:
        return False
    if output.path.removesuffix("index.md") in GUIDANCE:  # its search record is the page's text
        return True
    return not plugin._out_of_nav(output.path) and titles.get(output.path) != (output.title or "")


_SHARE = frozenset({"cluster_panels_share"})


def _frames_wanted(plugin: ClusterPanelsPlugin, config: MkDocsConfig) -> bool:
    """Whether pages may be written from frames: asked for, and no other plugin sees them."""
    events = config.plugins.events
    hooks = [*events["page_context"], *events["post_page"]]
    return plugin.config.page_frames and all(getattr(h, "__self__", None) is plugin for h in hooks)


def _excluded_from_search(page: Page) -> bool:
    """Whether the page's front matter says ``search: {exclude: true}`` (Material's spelling)."""
    search = page.meta.get("search")
    return isinstance(search, dict) and search.get("exclude") is True


def _flatten(items: list[Any], parent: Section | None) -> list[Any]:
    flat: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            item.children = _flatten(item.children, item)
            only = item.children[0] if len(item.children) == 1 else None
            if isinstance(only, Page) and only.file.src_uri.endswith("index.md"):
                item = only
        item.parent = parent
        flat.append(item)
    return flat


def _nav_rank(item: Any) -> int:
    first = item
    while isinstance(first, Section) and first.children:
        first = first.children[0]
    url = first.url if isinstance(first, Page) else None
    return NAV_ORDER.index(url) if url in NAV_ORDER else len(NAV_ORDER)


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _publish_theme_css_without_comments(files: Files, config: MkDocsConfig) -> None:
    """The stylesheets of the theme's custom_dir (overrides/) as published: no comments.

    Material's own are minified already; ours keep their comments in the repository.
    """
    custom = config.theme.custom_dir
    if not custom:
        return
    for file in files:
        source = file.abs_src_path
        if source and file.src_uri.endswith(".css") and Path(source).is_relative_to(custom):
            file.content_string = without_comments(file.content_string)
