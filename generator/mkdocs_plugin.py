"""The MkDocs adapter: loads the data once and hands every generated Output to MkDocs.

This is the only module that imports MkDocs. Everything it publishes comes from
:func:`generator.outputs.render_all`; it only decides where the bytes go, and makes
sure the theme receives page titles as escaped text, never as markup.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import urls
from .clock import build_date, build_time
from .errors import DataError
from .outputs import Kind, Output, SiteConfig, render_all
from .pages.context import SCRIPT, STYLES
from .warnings import load_publishable

MEETINGS_PREFIX = urls.meeting("x")[: -len("x/")]
"""Meeting pages live under this folder; they stay out of the global navigation for scale."""
NAV_ORDER = (
    urls.HOME,
    urls.PANELS,
    urls.MEETINGS_LOG,
    "how-to-take-part/",
    urls.ENGAGEMENT,
    urls.VENUES,
    urls.METRICS,
    urls.DATA,
)
"""Top-level navigation order, residents' pages first; other pages follow in MkDocs' order."""


class ClusterPanelsConfig(base.Config):
    """Options under ``plugins: - cluster-panels:`` in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    """The data folder, relative to mkdocs.yml."""


class ClusterPanelsPlugin(BasePlugin[ClusterPanelsConfig]):
    """Adds the panel, meeting, log, engagement and venue pages, feeds and downloads."""

    def __init__(self) -> None:
        self.outputs: list[Output] = []
        self.titles: dict[str, str] = {}
        self.data_path = Path(".")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the data once (blocking advisories included), render every output."""
        if not config.use_directory_urls:
            raise PluginError(
                "cluster-panels: set `use_directory_urls: true` in mkdocs.yml "
                "(the site's permanent addresses are folders such as panels/bank/)"
            )
        self.data_path = Path(config.config_file_path or ".").parent / self.config.data_dir
        try:
            data = load_publishable(
                self.data_path, today=build_date(), label=self.config.data_dir.rstrip("/")
            )
        except DataError as error:
            count = f"{len(error.problems)} problem(s) found; nothing was published."
            lines = [*error.lines(), count]
            raise PluginError("\n".join(lines)) from None
        site = SiteConfig(
            site_url=_with_slash(config.site_url or "/"),
            site_name=config.site_name,
            built=build_time(),
        )
        self.outputs = render_all(data, site)
        self.titles = {o.path: o.title or "" for o in self.outputs if o.kind is Kind.PAGE}
        if STYLES not in config.extra_css:
            config.extra_css.append(STYLES)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every output as an in-memory file; a hand-written file may not take its place."""
        for output in self.outputs:
            clash = files.get_file_from_path(output.path)
            if clash is not None and clash.generated_by is None:
                raise PluginError(
                    f"docs/{output.path} has the same address as a generated page "
                    "or file: remove or rename it"
                )
            inclusion = (
                InclusionLevel.NOT_IN_NAV
                if output.path.startswith(MEETINGS_PREFIX)
                else InclusionLevel.UNDEFINED
            )
            files.append(
                File.generated(config, output.path, content=output.content, inclusion=inclusion)
            )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give the theme each generated page's title as escaped text.

        Material writes ``page.title`` into the navigation, header and search index as
        HTML, so staff text must arrive escaped; its ``<title>`` strips tags then escapes.
        """
        title = self.titles.get(page.file.src_uri)
        if title is not None:
            page.title = html.escape(title)
        return markdown

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Show each page under its own title, not its folder's name, and residents' pages first.

        MkDocs makes a section of every folder (``panels/bank/``); a section holding only
        its index page would be titled from the folder's id ("Liverpool street"), so it
        is replaced by the page, whose title comes from the data.
        """
        nav.items = sorted(_flatten(nav.items, None), key=_nav_rank)
        return nav

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview when staff edit the data."""
        server.watch(str(self.data_path))
        return server


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
