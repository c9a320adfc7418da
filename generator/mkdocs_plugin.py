"""The MkDocs adapter: loads the data once and hands every generated Output to MkDocs.

This is the only module that imports MkDocs. Everything it publishes comes from
:func:`generator.site.render_all` (through :class:`generator.publication.Publication`);
it only decides where the bytes go, and makes sure the theme receives page titles as
escaped text, never as markup. A preview's rebuilds are :mod:`generator.preview_rebuild`'s.
"""

from __future__ import annotations

import html
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.engines.frame import Framing, frames_wanted
from generator.engines.generated import without_markdown
from generator.engines.navigation import GUIDANCE, PANELS_IN_NAV, flattened, nav_rank
from generator.engines.release import Release
from generator.engines.sweep import Sweep, SweepError, start_sweep
from generator.preview_rebuild import Kept, MkDocsCalls, Rebuilder
from generator.publication import Publication
from generator.render.css import strip_theme_comments
from generator.render.handwritten import UnknownPlaceholder, worded, worded_meta
from generator.render.urls import SCRIPT, STYLES, anchors
from generator.search.pagefind import FOLDER, SearchIndexError, write_index_in_background
from generator.search.records import page_record, searchable

log = get_plugin_logger("cluster-panels")
"""MkDocs' logger for plugins: shows in `mkdocs build` and `mkdocs serve` as `[cluster-panels]`."""


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
        self.pub = Publication(PluginError)
        """The data's outputs, and what the pages need of them (one ``serve`` long)."""
        self.bodies: dict[str, str] = {}
        self.indexing: Future[None] | None = None
        calls = MkDocsCalls(
            PluginError,
            (Abort, SystemExit),
            _populate_page,
            _build_page,
            InclusionLevel.is_in_serve,
            log,
        )
        self.rebuilder = Rebuilder(self.pub, calls)
        """The preview's rebuilds after a data edit."""
        self.framing = Framing(frozenset({"cluster_panels_share"}))
        """Pages outside the navigation, written from a frame rendered once."""
        self.dirty = False
        self.sweep = Sweep([], None)
        """The previous site's files, being removed while the build runs."""
        self.release = Release(self.pub.heap.give_back)
        """What MkDocs has written, emptied when nothing else could read it (see its module)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In ``mkdocs serve`` this instance lives across rebuilds: it keeps the preview's state."""
        self.pub.preview.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Move the previous site aside, removed while this build runs (MkDocs' clean_directory
        would delete it file by file first)."""
        if not self.dirty:
            self.sweep = start_sweep(Path(config.site_dir))

    def _swept(self) -> None:
        """Wait until the previous site's files are gone (none is left in the site folder)."""
        sweep, self.sweep = self.sweep, Sweep([], None)
        try:
            sweep.finish()
        except SweepError as error:
            raise PluginError(f"cluster-panels: {error}") from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the data once (blocking advisories included), render every output."""
        if not config.use_directory_urls:
            raise PluginError(
                "cluster-panels: set `use_directory_urls: true` in mkdocs.yml "
                "(the site's permanent addresses are folders such as panels/PANEL-ID/)"
            )
        pub, options = self.pub, self.config
        pub.data_path = Path(config.config_file_path or ".").parent / options.data_dir
        pub.label = options.data_dir.rstrip("/")
        outcome = "nothing was published"
        data, notices = pub.load_data(outcome)
        if not pub.preview.serving:  # a preview's datasets come and go: they stay in sight
            pub.heap.freeze()
        # INFO, not WARNING: advisories never stop a build, and --strict aborts on warnings.
        for problem in notices:
            log.info("data warning: %s", problem)
        feeds = (options.previous_calendar, options.previous_changes)
        site = pub.configure(config, data, "mkdocs.yml", options.custom_templates, feeds, outcome)
        pub.publish(data, site, options.panels_in_nav, outcome)
        # The theme's own templates (overrides/) read the force's words from here.
        config.extra["words"] = pub.wording.model_dump()
        if STYLES not in config.extra_css:
            config.extra_css.append(STYLES)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every output as an in-memory file; a hand-written file may not take its place.

        Compared by address, not file name: `docs/panels/bank.md` and the generated
        `panels/bank/index.md` would both be published at `panels/bank/`.
        """
        hand_written = {f.dest_uri: f for f in files if f.generated_by is None}
        levels = (InclusionLevel.UNDEFINED, InclusionLevel.NOT_IN_NAV)  # by out_of_nav
        for output in self.pub.outputs:
            level = levels[self.pub.out_of_nav(output.path)]
            generated = File.generated(config, output.path, content=output.content, inclusion=level)
            clash = hand_written.get(generated.dest_uri)
            if clash is not None:
                raise PluginError(
                    f"docs/{clash.src_uri} has the same address as a generated page "
                    f"or file ({generated.url or '/'}): remove or rename it"
                )
            files.append(generated)
        if self.release.start(self, config.plugins.events, self.pub.preview.serving, files):
            self.pub.let_go()  # MkDocs' files hold the bytes now
        strip_theme_comments(files, config.theme.custom_dir)
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give the theme each generated page's title as escaped text.

        Material writes ``page.title`` into the navigation, header and search index as
        HTML, so staff text must arrive escaped; its ``<title>`` strips tags then escapes.
        """
        title = self.pub.titles.get(page.file.src_uri)
        if title is None:
            return self._hand_written(markdown, page)
        page.title = html.escape(title)
        # A generated page is already HTML from autoescaped templates: Python-Markdown
        # would pass its raw HTML blocks through unchanged, yet parsing them was a fifth
        # of the build. Keep the body aside and let MkDocs render an empty page instead.
        self.bodies[page.file.src_uri] = markdown
        self.release.page_read(page)
        without_markdown(page, get_toc([]))
        return ""

    def _hand_written(self, markdown: str, page: Page) -> str:
        """A force's own page, with the wording catalogue's placeholders in its words."""
        try:
            if worded_meta(page.meta, self.pub.wording):
                page.title = html.escape(page.meta["title"])  # the theme writes it as HTML
            return worded(markdown, self.pub.wording)
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
            if searchable(page.meta):
                self.pub.search.append(page_record("/" + page.url, page.title or "", html_body))
            return html_body
        if page.url in GUIDANCE:
            self.pub.search.append(page_record("/" + page.url, page.title or "", body))
        page.present_anchor_ids = anchors(body)
        if self.pub.out_of_nav(page.file.src_uri) and self._frames_wanted(config):
            Framing.mark(page.meta)  # MkDocs renders an empty template; on_post_page fills it
        return body.strip()  # as Python-Markdown returns it

    def on_page_context(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """Hand overrides/main.html the page's sharing tags (plain text: it escapes them)."""
        found = self.pub.shares.get(page.file.src_uri)
        context["cluster_panels_share"] = found.as_json() if found else None
        self.framing.keep(page.file.src_uri, page.meta, context)
        self.release.page_rendering()
        self.rebuilder.page_context(context)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """A page of the empty template: the theme's page, from its frame when it has one."""
        return self.release.page_written(page, self.framing.page(page.file.src_uri, output))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Show each page under its own title, not its folder's name, and residents' pages first.

        MkDocs makes a section of every folder (``panels/bank/``); a section holding only
        its index page would be titled from the folder's id ("Liverpool street"), so it
        is replaced by the page, whose title comes from the data.
        """
        nav.items = sorted(flattened(nav.items), key=nav_rank)
        if self.pub.preview.serving:
            self.rebuilder.kept = Kept(config, files, nav)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Start writing the search index while MkDocs writes the pages.

        Every record is known by now (hand-written pages were read before this event), and
        Pagefind runs in its own process, so the two overlap instead of following each other.
        """
        self.framing.start(env, self._frames_wanted(config))
        records = sorted(self.pub.search, key=lambda r: r.url)
        if self.pub.preview.serving:
            self.rebuilder.built(env, self.pub.search[self.pub.data_records :], records)
        self.indexing = write_index_in_background(records, Path(config.site_dir) / FOLDER)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the search index and for the previous site's files to be gone."""
        indexing, self.indexing = self.indexing, None
        self.pub.heap.thaw()
        self._swept()
        if (framed := self.framing.summary()) is not None:
            log.debug("%s", framed)
        try:
            _ = indexing and indexing.result()
        except SearchIndexError as error:
            raise PluginError(f"cluster-panels: {error}") from None
        if self.pub.preview.serving:
            self.pub.preview.remember(self.pub.outputs)

    def on_build_error(self, *, error: Exception) -> None:
        """Let a search index being written finish (its staging folder is then removed)."""
        indexing, self.indexing = self.indexing, None
        self.pub.heap.thaw()
        _ = indexing and indexing.exception()
        self.pub.preview.failure = str(error)
        try:
            self._swept()
        except PluginError as failure:  # the build's own error is the one to raise
            log.error("%s", failure)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview when staff edit the data: only the pages and files it changes.

        MkDocs would rebuild and rewrite every file; :mod:`generator.preview_rebuild` writes
        only those whose bytes changed, and shows a data error above the last good page.
        """
        if not self.pub.preview.serving:
            server.watch(str(self.pub.data_path))
            return server
        own = [config.docs_dir, config.config_file_path or "mkdocs.yml", *config.theme.dirs]
        if self.config.custom_templates:
            own.append(self.config.custom_templates)
        self.rebuilder.attach(server, builder, self.pub.data_path, own)
        return server

    def _frames_wanted(self, config: MkDocsConfig) -> bool:
        """Whether pages may be written from frames: asked for, and no other plugin sees them."""
        return frames_wanted(self, config.plugins.events, self.config.page_frames)
