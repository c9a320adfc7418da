"""What every page shares: relative links, plain-English labels, and the page Output itself."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from functools import lru_cache

from markupsafe import Markup

from .. import templating, timefmt, urls
from ..dataset import Dataset
from ..models import (
    ActionStatus,
    Audience,
    Cluster,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    Remit,
)
from ..outputs import Kind, Output, SiteConfig

SCRIPT = "assets/javascripts/cluster-panels-pages.js"
"""The small script that moves finished meetings to 'past' and adds log filters."""
STYLES = "assets/stylesheets/cluster-panels-pages.css"
"""Layout of cards, banners and summary lists on generated pages."""

FORMATS = {
    MeetingFormat.IN_PERSON: "In person",
    MeetingFormat.HYBRID: "In person and online (hybrid)",
    MeetingFormat.ONLINE: "Online only",
}
STATUSES = {
    MeetingStatus.SCHEDULED: "Going ahead",
    MeetingStatus.CANCELLED: "Cancelled",
    MeetingStatus.POSTPONED: "Postponed",
    MeetingStatus.MOVED: "Moved",
}
REMITS = {
    Remit.POLICE: "City of London Police",
    Remit.CORPORATION: "City of London Corporation",
    Remit.BTP: "British Transport Police",
    Remit.PARTNER: "Another partner",
}
ACTION_STATUSES = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.NOT_TAKEN_FORWARD: "Not taken forward",
}
AUDIENCES = {
    Audience.RESIDENTS: "Residents",
    Audience.WORKERS: "Workers",
    Audience.VISITORS: "Visitors",
    Audience.OTHER: "Others",
}


@lru_cache(maxsize=1 << 16)
def href(here: str, there: str) -> str:
    """The relative link from page ``here`` to site path ``there`` (paths from :mod:`..urls`).

    Links inside raw HTML are not rewritten by MkDocs, so pages carry links that
    work from their own directory URL (``use_directory_urls``) and on any host path.
    Memoised: large builds ask for the same few thousand links over and over, and
    ``posixpath.relpath`` showed up in profiles.
    """
    target, _, fragment = there.partition("#")
    if fragment and target == here:
        return f"#{fragment}"
    relative = posixpath.relpath(target or ".", here or ".")
    if relative == ".":
        relative = "./"
    elif target == "" or target.endswith("/"):
        relative += "/"
    return relative + (f"#{fragment}" if fragment else "")


def panel_name(dataset: Dataset, meeting: Meeting) -> str:
    """The name of the panel a meeting belongs to, or 'City-wide business meeting'."""
    panel = panel_of(dataset, meeting)
    return panel.name if panel else "City-wide business meeting"


def meeting_title(dataset: Dataset, meeting: Meeting) -> str:
    """The meeting's plain-text title, unique enough to tell meetings apart."""
    return f"{meeting.display_name(panel_of(dataset, meeting))}: {timefmt.day(meeting.date)}"


def ends_iso(meeting: Meeting) -> str:
    """When the meeting is over, as an ISO 8601 timestamp with offset (for the browser script)."""
    return meeting.finished_by().isoformat()


def panel_of(dataset: Dataset, meeting: Meeting) -> Cluster | None:
    """The meeting's panel, if it has one."""
    return dataset.cluster_by_id.get(meeting.panel) if meeting.panel else None


def page(
    path: str, title: str, template: str, *, dataset: Dataset, config: SiteConfig, **context: object
) -> Output:
    """Render ``pages/<template>`` into the Markdown page for the directory URL ``path``."""
    body = templating.render(
        f"pages/{template}",
        here=path,
        title=title,
        dataset=dataset,
        config=config,
        link=lambda there: href(path, there),
        urls=urls,
        labels=_LABELS,
        panel_name=lambda m: panel_name(dataset, m),
        meeting_title=lambda m: meeting_title(dataset, m),
        ends_iso=ends_iso,
        **context,
    )
    return Output(
        path=urls.page_source(path), content=body.encode("utf-8"), kind=Kind.PAGE, title=title
    )


def raw(html: str) -> Markup:
    """Mark HTML that our own code built from escaped parts (never staff text) as safe."""
    return Markup(html)


_LABELS = {
    "formats": FORMATS,
    "statuses": STATUSES,
    "remits": REMITS,
    "action_statuses": ACTION_STATUSES,
    "audiences": AUDIENCES,
}


def sorted_by(items: Iterable[str]) -> list[str]:
    """Case-insensitive, stable sort for people-facing lists such as wards."""
    return sorted(items, key=lambda s: (s.casefold(), s))
