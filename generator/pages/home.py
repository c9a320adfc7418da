"""The home page: next meetings first, then how to take part, your panel, and recent results."""

from __future__ import annotations

from collections.abc import Iterator

from generator import vocabulary
from generator.load.dataset import Dataset
from generator.models import Action, Meeting, Panel
from generator.pages import finder, log
from generator.pages.context import page, sorted_by
from generator.render import subscribe, urls
from generator.render.outputs import Output, SiteConfig

LATEST_ACTIONS = 3


def wards(dataset: Dataset) -> list[tuple[str, Panel]]:
    """Every published ward with its panel, sorted by ward name."""
    pairs = [(ward, panel) for panel in dataset.panels for ward in panel.wards]
    order = {name: index for index, name in enumerate(sorted_by({w for w, _ in pairs}))}
    return sorted(pairs, key=lambda pair: (order[pair[0]], pair[1].name, pair[1].id))


def next_per_panel(dataset: Dataset) -> list[tuple[Panel, Meeting | None]]:
    """Each panel with its next meeting that goes ahead (None while no date is published).

    One line per panel keeps the home page short on a phone: a panel with several upcoming
    dates shows only the next one, and a cancelled date gives way to the one after it."""
    return [
        (
            panel,
            next(
                (m for m in dataset.upcoming(panel.id) if vocabulary.goes_ahead(m.standing())),
                None,
            ),
        )
        for panel in dataset.panels
    ]


def latest_actions(dataset: Dataset) -> list[Action]:
    """The most recently raised or updated log entries."""
    return log.latest(dataset.actions, LATEST_ACTIONS)


def home_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at the site root."""
    return page(
        urls.HOME,
        "Home",
        "home.html",
        dataset=dataset,
        config=config,
        next_meetings=next_per_panel(dataset),
        business=[m for m in dataset.upcoming() if m.panel is None][:1],
        wards=wards(dataset),
        outwards=finder.outward_codes(dataset),
        searchable=finder.searchable(dataset),
        actions=latest_actions(dataset),
        subscribe=subscribe.links(config, urls.CALENDAR_ALL),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The home page."""
    yield home_page(dataset, config)
