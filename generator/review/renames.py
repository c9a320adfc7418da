"""Site-wide renames in the change summary: one line, not one per page.

A new ``wording`` (the panels' noun, the log's name) or a panel's new display name
changes most pages and every calendar entry of that panel. The summary renders the base
once more with only the head's names, so that the rename is counted on its own line and
everything else the change does is still listed in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.load.dataset import Dataset
from generator.render.outputs import Kind, Output


def renamed(base: Dataset, head: Dataset) -> tuple[Dataset, list[str]]:
    """``base`` with the head's wording and panel names, and each rename in words."""
    said: list[str] = []
    before, after = base.publisher.wording.model_dump(), head.publisher.wording.model_dump()
    said += [f"“{before[k]}” is now “{after[k]}”" for k in after if before.get(k) != after[k]]
    names = {panel.id: panel.name for panel in head.panels}
    panels = []
    for panel in base.panels:
        new = names.get(panel.id, panel.name)
        if new != panel.name:
            said.append(f"the panel `{panel.id}` “{panel.name}” is now “{new}”")
            panel = panel.model_copy(update={"name": new})
        panels.append(panel)
    if not said:
        return base, []
    publisher = base.publisher.model_copy(update={"wording": head.publisher.wording})
    return replace(base, panels=tuple(panels), publisher=publisher), said


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def reach(before: Sequence[Output], after: Sequence[Output]) -> str:
    """How many pages, calendar feeds and downloads differ between two renders, in words."""
    old = {o.path: o.content for o in before}
    changed = [o for o in after if old.get(o.path) != o.content]
    pages = sum(o.kind is Kind.PAGE for o in changed)
    feeds = sum(o.path.endswith(".ics") for o in changed)
    downloads = sum(o.path.startswith("data/") for o in changed)
    return (
        f"{_plural(pages, 'page', 'pages')}, {_plural(feeds, 'calendar feed', 'calendar feeds')}"
        f" and {_plural(downloads, 'download', 'downloads')} change"
    )


def removed_ids(base: Dataset, head: Dataset) -> list[tuple[str, str, str, str]]:
    """Published panel and venue ids gone from the head: (file, key, message, fix) for each.

    A panel's id is in its page's and its calendar feed's addresses, which residents keep;
    a renamed id is a removed one. (A venue a meeting still uses is refused by `check`.)
    """
    found = []
    panels = {p.id for p in head.panels}
    for panel in base.panels:
        if panel.id not in panels:
            found.append(
                (
                    "clusters.yaml",
                    "clusters",
                    f"the panel `{panel.id}` ({panel.name}) was published and its id is gone: its "
                    "page and the calendar feed residents subscribe to would disappear",
                    f"keep the id `{panel.id}` and change `name:` instead; an id never changes "
                    "once published",
                )
            )
    venues = {v.id for v in head.venues}
    for venue in base.venues:
        if venue.id not in venues:
            found.append(
                (
                    "venues.yaml",
                    "venues",
                    f"the venue `{venue.id}` ({venue.name}) was published and its id is gone: "
                    "its page would disappear",
                    f"keep the venue with the id `{venue.id}` and change its details instead",
                )
            )
    return found
