"""Render again only what a data edit changed: a staff preview's rebuilds after its first.

:func:`generator.edits.scope` compares the previous dataset with the edited one and names
the panels the edit touched. Every output that belongs to a touched panel (its page, log
page, feed and sharing card, and each of its meetings' page and calendar file) is rendered
again, and so is every output that is not one record's (indexes, downloads, metrics,
home); outputs of untouched panels are left as they were. Rendering a whole panel, not
only the edited meeting, covers what a meeting's page shows of its panel's other
meetings. A poster and a meeting's card show only their own meeting (with its panel and
venue): they are rendered for the edited meetings only, and a preview lays out the
posters' PDFs after the pages.

Anything else (the publisher and its wording, engagement, metrics, civic dates, the build
date, a record added, removed or reordered, a previously published calendar, a meeting
becoming past or upcoming) renders everything, as a full build does. A renderer not listed
in :data:`SCOPED` is always rendered whole, so a new renderer can never be left showing
stale pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from generator.edits import Scope, scope
from generator.feeds import calendars, changes
from generator.feeds import render as feeds
from generator.load.dataset import Dataset
from generator.load.origins import render_failure
from generator.metrics import page as metrics
from generator.opendata import render as opendata
from generator.pages import cards, finder, home, log, meetings, panels, posters, venues
from generator.render import templating, urls
from generator.render.outputs import Output, Renderer, SiteConfig
from generator.site import TASKS, records_by_file, render_all

LATER: tuple[Renderer, ...] = (
    opendata.render,
    metrics.render,
    venues.render,
    changes.render,
    home.render,
    finder.render,
)
"""Whole-site downloads, figures, lists and feeds, none of them an edited record's own page
and slow to render at scale: a preview writes them after the edited records' pages."""


class Whole(Exception):
    """Raised by a scoped renderer when its outputs' paths would change: render everything."""


Scoped = Callable[[Dataset, SiteConfig, Scope, calendars.Events], Iterable[Output]]
"""A renderer that renders only the outputs of the touched panels and meetings."""


def _feeds(
    dataset: Dataset, config: SiteConfig, found: Scope, serialized: calendars.Events
) -> Iterator[Output]:
    yield feeds.all_meetings(dataset, config, serialized)
    for panel in dataset.panels:
        if panel.id in found.panels:
            yield feeds.panel_feed(dataset, config, serialized, panel)
    for meeting in dataset.meetings:
        if meeting.id in found.meetings:
            yield feeds.meeting_file(dataset, config, serialized, meeting)


def _meetings(
    dataset: Dataset, config: SiteConfig, found: Scope, _: calendars.Events
) -> Iterator[Output]:
    for meeting in dataset.meetings:
        if meeting.id in found.meetings:
            yield meetings.meeting_page(dataset, config, meeting)


class _Posters:
    """The edited meetings' posters; their PDFs (slow to lay out) left for later if asked."""

    def __init__(self) -> None:
        self.pdfs = True

    def __call__(
        self, dataset: Dataset, config: SiteConfig, found: Scope, _: calendars.Events
    ) -> Iterator[Output]:
        for meeting in dataset.meetings:
            if meeting.id in found.edited:
                yield from posters.poster(dataset, config, meeting, pdf=self.pdfs)

    @staticmethod
    def pdfs_only(dataset: Dataset, config: SiteConfig, found: Scope) -> Iterator[Output]:
        """The PDFs the last call left out."""
        for meeting in dataset.meetings:
            if meeting.id in found.edited:
                pdf = urls.meeting_poster_pdf(meeting.id)
                yield from (o for o in posters.poster(dataset, config, meeting) if o.path == pdf)


def _cards(
    dataset: Dataset, config: SiteConfig, found: Scope, _: calendars.Events
) -> Iterator[Output]:
    drawn = cards.drawn_cards(dataset)
    for meeting in dataset.meetings:
        if meeting.id in found.edited and meeting.id in drawn:
            yield cards.meeting_card(dataset, config, meeting)
    kept = cards.kept_cards(dataset, config)
    for panel in dataset.panels:
        if panel.id in found.panels:
            card = cards.panel_card(dataset, config, panel, drawn)
            yield card
            for meeting in dataset.meetings_by_panel.get(panel.id, ()):
                if meeting.id in kept:
                    yield Output(urls.meeting_card(meeting.id), card.content)


def _panels(
    dataset: Dataset, config: SiteConfig, found: Scope, _: calendars.Events
) -> Iterator[Output]:
    yield panels.index_page(dataset, config)
    for panel in dataset.panels:
        if panel.id in found.panels:
            yield panels.panel_page(dataset, config, panel)


class _Log:
    """The log's index and the touched panels' log pages (a panel has one while it has entries)."""

    def __init__(self) -> None:
        self.pages: frozenset[str | None] | None = None
        self.grouped: tuple[Dataset, list[log.Group]] | None = None
        """The groups :meth:`check` worked out, for the render that follows it."""
        self.kept: dict[str | None, log.Group] = {}
        """The last check's groups by panel, which an edit's check reuses where untouched."""

    def __call__(
        self, dataset: Dataset, config: SiteConfig, found: Scope, _: calendars.Events
    ) -> Iterator[Output]:
        kept, self.grouped = self.grouped, None
        grouped = kept[1] if kept is not None and kept[0] is dataset else log.groups(dataset)
        yield log.index_page(dataset, config, grouped)
        for group in grouped:
            if group.actions and group.panel_id in found.panels:
                yield log.group_page(dataset, config, group)

    def check(self, dataset: Dataset, found: Scope | None) -> None:
        """Raise :class:`Whole` when the panels with a log page are not those of the last
        render; ``found`` is the edit's scope (None: nothing of the last check is reused)."""
        every = log.every_group(
            dataset, self.kept if found else None, found.panels if found else frozenset()
        )
        self.kept = {g.panel_id: g for g in every}
        grouped = log.shown(every)
        self.grouped = (dataset, grouped)
        pages = frozenset(g.panel_id for g in grouped if g.actions)
        known, self.pages = self.pages, pages
        if known != pages:
            raise Whole


def _shape(dataset: Dataset) -> tuple[frozenset[str], ...]:
    """What decides which meetings have a card, and a poster as a PDF: a change renders all
    (a scoped render could only add their files, not remove them)."""
    upcoming = frozenset(m.id for m in dataset.meetings if m.is_upcoming(dataset.today))
    return upcoming, cards.drawn_cards(dataset)


class Renders:
    """One preview's renders: the previous dataset and each meeting's calendar entry."""

    def __init__(self) -> None:
        self.dataset: Dataset | None = None
        self.serialized: dict[str, bytes] = {}
        self.log = _Log()
        self.posters = _Posters()
        self.pending: Scope | None = None
        """The last partial render's scope, while its posters' PDFs are still to render."""
        self.shape: tuple[frozenset[str], ...] = ()
        self.scoped: dict[Renderer, Scoped] = {
            feeds.render: _feeds,
            meetings.render: _meetings,
            posters.render: self.posters,
            cards.render: _cards,
            panels.render: _panels,
            log.render: self.log,
        }

    def render(
        self,
        dataset: Dataset,
        config: SiteConfig,
        *,
        whole: bool = False,
        later: tuple[Renderer, ...] = (),
    ) -> tuple[list[Output], Scope | None]:
        """The outputs ``dataset`` changes since the last call; with the scope, None for all.

        Outputs left out are byte-identical to the last call's; ``whole`` asks for every
        output. When only some are rendered, the ``later`` renderers are left out too:
        :meth:`render_later` renders them. Raises what :func:`generator.site.render_all`
        raises.
        """
        before, self.dataset = self.dataset, None
        if whole or config.previous is not None or before is None:
            found = None
        else:
            found = scope(before, dataset)
        shape, self.shape = self.shape, _shape(dataset)
        try:
            self.log.check(dataset, found)
            if found is None or shape != self.shape:
                raise Whole
            self.posters.pdfs = not later
            tasks = [t for t in TASKS if t not in later]
            outputs, self.pending = self._scoped(dataset, config, found, tasks), found
        except Whole:
            self.serialized, self.pending = {}, None
            outputs, found = render_all(dataset, config), None
        finally:
            self.posters.pdfs = True
        self.dataset = dataset
        return outputs, found

    def render_later(
        self, dataset: Dataset, config: SiteConfig, later: tuple[Renderer, ...]
    ) -> list[Output]:
        """The ``later`` renderers' outputs (and posters' PDFs), after :meth:`render` left
        them out."""
        found, self.pending = self.pending or Scope(frozenset(), frozenset()), None
        outputs = self._scoped(dataset, config, Scope(frozenset(), frozenset()), list(later))
        templating.search_first(config.templates)
        try:
            return [*outputs, *_Posters.pdfs_only(dataset, config, found)]
        except Exception as error:  # reported at its record, as render_all does
            raise render_failure(error, records_by_file(dataset), dataset.sources) from error
        finally:
            templating.search_first(None)

    def _scoped(
        self, dataset: Dataset, config: SiteConfig, found: Scope, tasks: list[Renderer]
    ) -> list[Output]:
        stale = [m for m in dataset.meetings if m.id in found.edited or m.id not in self.serialized]
        templating.search_first(config.templates)
        try:
            self.serialized.update(calendars.events(dataset, config, stale))
            return [
                output
                for task in tasks
                for output in (
                    self.scoped[task](dataset, config, found, self.serialized)
                    if task in self.scoped
                    else task(dataset, config)
                )
            ]
        except Exception as error:  # any failure: reported at its record, as render_all does
            self.serialized = {}
            raise render_failure(error, records_by_file(dataset), dataset.sources) from error
        finally:
            templating.search_first(None)

    def forget(self) -> None:
        """Render everything next time (what was written of the last render is not known)."""
        self.dataset = None

    def prime(self, dataset: Dataset, config: SiteConfig) -> None:
        """Serialize every meeting's calendar entry now, not during the first edit's render."""
        self.serialized = dict(calendars.events(dataset, config))
