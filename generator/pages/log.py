"""The 'you said, we did' log: every action, grouped by panel, with no-JavaScript indexes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..dataset import Dataset
from ..models import Action, ActionStatus, Remit
from ..outputs import Output, SiteConfig
from .context import page


@dataclass(frozen=True)
class Group:
    """The actions raised at one panel's meetings (or at City-wide meetings)."""

    anchor: str
    name: str
    actions: tuple[Action, ...]


def groups(dataset: Dataset) -> list[Group]:
    """One group per panel that has actions, in panel name order, then City-wide meetings."""
    found = [
        Group(f"panel-{c.id}", f"{c.name} cluster panel", dataset.actions_for_panel(c.id))
        for c in sorted(dataset.clusters, key=lambda c: (c.name.casefold(), c.id))
    ]
    citywide = [a for a in dataset.actions if dataset.meeting_by_id[a.meeting].panel is None]
    found.append(
        Group(
            "city-wide",
            "City-wide business meetings",
            tuple(sorted(citywide, key=lambda a: (a.raised, a.id), reverse=True)),
        )
    )
    return [g for g in found if g.actions]


def by_value(
    actions: list[Action], attribute: str, order: list[ActionStatus] | list[Remit]
) -> list[tuple[object, list[Action]]]:
    """Actions indexed by status or remit, in the labels' order, leaving out empty values."""
    indexed = [(value, [a for a in actions if getattr(a, attribute) is value]) for value in order]
    return [(value, found) for value, found in indexed if found]


def log_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``you-said-we-did/``."""
    grouped = groups(dataset)
    everything = [a for g in grouped for a in g.actions]
    return page(
        urls.MEETINGS_LOG,
        "You said, we did",
        "log.html",
        dataset=dataset,
        config=config,
        groups=grouped,
        total=len(everything),
        by_status=by_value(everything, "status", list(ActionStatus)),
        by_remit=by_value(everything, "remit", list(Remit)),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The log page."""
    yield log_page(dataset, config)
