"""The log of what was raised and done: an index page, then one page per panel by status.

One page per panel keeps each page bounded by that panel's history, so the log stays
usable on a phone however many panels and years the data holds.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from generator.load.dataset import Dataset
from generator.models import Action
from generator.pages.context import page
from generator.render import urls
from generator.render.outputs import Output, SiteConfig
from generator.vocabulary import ActionStatus

LATEST = 10
"""How many recently updated entries the log's index page lists."""

T = TypeVar("T")


@dataclass(frozen=True)
class Group:
    """The actions raised at one panel's meetings (or at business meetings for the whole area)."""

    panel_id: str | None
    name: str
    actions: tuple[Action, ...]

    @property
    def path(self) -> str:
        """This group's log page."""
        return urls.panel_log(self.panel_id)

    def counts(self) -> list[tuple[ActionStatus, int]]:
        """How many entries have each status, in the labels' order, leaving out zeros."""
        return [(s, len(found)) for s, found in by_value(self.actions, "status", ActionStatus)]


def groups(dataset: Dataset) -> list[Group]:
    """One group per panel in panel name order (empty ones too), then business meetings."""
    return shown(every_group(dataset))


def shown(grouped: list[Group]) -> list[Group]:
    """The groups with a place on the log: every panel's, the business meetings' if any."""
    return [g for g in grouped if g.actions or g.panel_id is not None]


def every_group(
    dataset: Dataset,
    kept: Mapping[str | None, Group] | None = None,
    touched: frozenset[str | None] = frozenset(),
) -> list[Group]:
    """:func:`groups` with the business meetings' even when empty; ``kept`` groups (a
    preview's last) are reused for the panels an edit left untouched, whose actions are
    the same (working out 2,600 panels' groups again was a tenth of a rebuild)."""

    def reused(panel_id: str | None, name: str) -> Group | None:
        old = kept.get(panel_id) if kept is not None and panel_id not in touched else None
        return old if old is not None and old.name == name else None

    found: list[Group] = []
    for c in sorted(dataset.panels, key=lambda c: (c.name.casefold(), c.id)):
        name = dataset.publisher.panel_title(c.name)
        found.append(reused(c.id, name) or Group(c.id, name, dataset.actions_for_panel(c.id)))
    name = dataset.publisher.business_group()
    business = reused(None, name)
    if business is None:
        citywide = [a for a in dataset.actions if dataset.meeting_by_id[a.meeting].panel is None]
        business = Group(None, name, tuple(sorted(citywide, key=_newest_first, reverse=True)))
    return [*found, business]


def _newest_first(action: Action) -> tuple[date, str]:
    return (action.raised, action.id)


def by_value(
    actions: Sequence[Action], attribute: str, order: Iterable[T]
) -> list[tuple[T, list[Action]]]:
    """Actions indexed by status or remit, in ``order``, leaving out empty values."""
    indexed = [(value, [a for a in actions if getattr(a, attribute) == value]) for value in order]
    return [(value, found) for value, found in indexed if found]


def touched(action: Action) -> date:
    """When an entry last changed: raised, updated or completed."""
    dates = [action.raised, *(u.date for u in action.updates)]
    if action.completed:
        dates.append(action.completed)
    return max(dates)


def latest(actions: Sequence[Action], count: int) -> list[Action]:
    """The ``count`` most recently raised or updated entries, newest first.

    Picked, not sorted: sorting 40,000 entries for ten was a tenth of a preview's rebuild
    (the ids are unique, so no two keys tie and the order is the sort's)."""
    return heapq.nlargest(count, actions, key=lambda a: (touched(a), a.id))


def index_page(dataset: Dataset, config: SiteConfig, grouped: list[Group]) -> Output:
    """The page at ``you-said-we-did/``: how the log works, each panel's counts, the latest."""
    return page(
        urls.MEETINGS_LOG,
        dataset.publisher.log_title(),
        "log.html",
        dataset=dataset,
        config=config,
        groups=grouped,
        total=len(dataset.actions),
        latest=latest(dataset.actions, LATEST),
        names={g.panel_id: g.name for g in grouped},
        touched=touched,
    )


def group_page(dataset: Dataset, config: SiteConfig, group: Group) -> Output:
    """The page at ``you-said-we-did/<panel>/``: every entry, grouped by status."""
    return page(
        group.path,
        f"{dataset.publisher.log_title()}: {group.name}",
        "panel_log.html",
        dataset=dataset,
        config=config,
        group=group,
        by_status=by_value(group.actions, "status", ActionStatus),
        by_remit=by_value(group.actions, "remit", dataset.publisher.remits),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The log's index page and one page per panel that has entries."""
    grouped = groups(dataset)
    yield index_page(dataset, config, grouped)
    for group in grouped:
        if group.actions:
            yield group_page(dataset, config, group)
