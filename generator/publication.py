"""What a site engine's adapter publishes from the data folder, without the engine.

:class:`Publication` loads the data (a preview's parsed files kept between rebuilds),
renders every output, and keeps what the engine's pages need of them: titles, sharing
tags, search records and the force's words. The MkDocs plugin (:mod:`generator.mkdocs_plugin`)
holds one for a build, or for a whole ``serve``, and hands it the engine's error class.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from generator.clock import BadEpoch, build_date, build_time
from generator.engines.navigation import out_of_nav
from generator.incremental import Renders
from generator.load import published, published_changes
from generator.load.clean import Memo
from generator.load.dataset import Dataset, FileCache
from generator.load.errors import DataError, Problem
from generator.load.publish import FrozenHeap, load_with_notices
from generator.preview import Preview
from generator.render.handwritten import UnknownPlaceholder, Wording, worded
from generator.render.outputs import Kind, Output, Share, SiteConfig
from generator.search.records import Record, records

PREVIOUS_ERRORS = (published.PreviousError, published_changes.PreviousChangesError)
"""What :func:`site_config` raises when a feed as last published cannot be read."""


def site_config(
    site_url: str,
    site_name: str,
    templates: str | None,
    previous_calendar: str,
    previous_changes: str,
    environ: Mapping[str, str] = os.environ,
) -> SiteConfig:
    """The site's configuration, with the feeds as last published (see ``published.given``)."""
    previous = published.given(previous_calendar, environ)
    before = published_changes.given(previous_changes, environ)
    return SiteConfig(
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        site_name=site_name,
        built=build_time(),
        templates=Path(templates) if templates else None,
        previous=previous,
        previous_changes=before,
    )


class Publication:
    """One build's outputs, or a preview's across its rebuilds; ``error`` is the engine's
    error class, which a data error is raised as (its report, with the build's outcome)."""

    def __init__(self, error: type[Exception]) -> None:
        self.error = error
        self.data_path = Path(".")
        self.label = "data"
        """The data folder as its messages name it."""
        self.outputs: list[Output] = []
        self.titles: dict[str, str] = {}
        self.shares: dict[str, Share] = {}
        self.panels_in_nav = True
        self.search: list[Record] = []
        self.data_records = 0
        """How many of :attr:`search` come from the data (the hand-written pages' follow)."""
        self.wording = Wording()
        self.site: SiteConfig | None = None
        self.preview = Preview()
        self.heap = FrozenHeap()
        """A build's dataset and outputs, frozen until it ends (not in a preview)."""
        self.renders = Renders()
        self.files_read: FileCache = {}
        """The preview's parsed data files: an edit reads only the file it changed."""
        self.clean = Memo()
        """The preview's records that passed their own rules: an edit checks only its own."""

    def load_data(
        self, outcome: str, *, notices: bool = True
    ) -> tuple[Dataset, tuple[Problem, ...]]:
        """The data folder's dataset and its advisories; a data error stops with ``outcome``."""
        try:
            return load_with_notices(
                self.data_path,
                today=build_date(),
                label=self.label,
                cache=self.files_read if self.preview.serving else None,
                notices=notices,
                memo=self.clean if self.preview.serving else None,
            )
        except DataError as error:
            raise self.error(error.report(outcome)) from None
        except BadEpoch as error:
            raise self.error(str(error)) from None

    def configure(
        self,
        names: MutableMapping[str, object],
        data: Dataset,
        source: str,
        templates: str | None,
        previous: tuple[str, str],
        outcome: str,
    ) -> SiteConfig:
        """The site's configuration; the engine's ``names`` (``site_name``, its description)
        put into the force's words, so ``Northshire Police {{ words.panels }}`` follows a
        renamed panel. ``source`` is the engine's configuration file, ``previous`` the
        all-meetings and changes feeds as last published (see ``published.given``)."""
        try:
            for key in ("site_name", "site_description"):
                if isinstance(text := names[key], str):
                    names[key] = worded(text, data.publisher.wording, markdown=False)
        except UnknownPlaceholder as error:
            raise self.error(f"{source}: {error}") from None
        site_url, site_name = names["site_url"] or "/", names["site_name"]
        try:
            return site_config(str(site_url), str(site_name), templates, *previous)
        except PREVIOUS_ERRORS as error:
            raise self.error(f"{error}; {outcome}") from None

    def publish(self, data: Dataset, site: SiteConfig, panels_in_nav: int, outcome: str) -> None:
        """Render every output of ``data``, and keep what the pages need of them."""
        self.site = site
        try:
            self.outputs = self.renders.render(data, site, whole=True)[0]
        except DataError as error:
            raise self.error(error.report(outcome)) from None
        if self.preview.serving:
            self.renders.prime(data, site)
        else:  # a build renders once: the dataset goes when the caller lets go of it
            self.renders = Renders()
        self.search = records(data)
        self.data_records = len(self.search)
        self.wording = data.publisher.wording
        self.panels_in_nav = len(data.panels) <= panels_in_nav
        self.titles = {o.path: o.title or "" for o in self.outputs if o.kind is Kind.PAGE}
        self.shares = {s.page: s for o in self.outputs for s in o.shares}
        if not self.preview.serving:
            self.heap.freeze()

    def let_go(self) -> None:
        """A build's engine holds the outputs now: drop them, and give the memory back."""
        self.outputs = []
        self.heap.give_back()

    def out_of_nav(self, path: str) -> bool:
        """Meeting pages and per-panel logs never; panel pages when there are many."""
        return out_of_nav(path, self.panels_in_nav)
