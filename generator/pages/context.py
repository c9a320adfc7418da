"""What every page shares: relative links, plain-English labels, and the page Output itself."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from generator import timefmt, vocabulary
from generator.load.dataset import Dataset
from generator.models import Meeting, Panel
from generator.render import templating, urls
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import href


def panel_name(dataset: Dataset, meeting: Meeting) -> str:
    """The name of the panel a meeting belongs to, or the business meeting's title."""
    panel = panel_of(dataset, meeting)
    return panel.name if panel else dataset.publisher.business_title()


def meeting_title(dataset: Dataset, meeting: Meeting) -> str:
    """The meeting's plain-text title, unique enough to tell meetings apart.

    A postponed meeting with no new date yet has none in its title: the date it was due
    is not a date it will happen (the banner and the date line say it was due then).
    """
    return f"{dataset.meeting_name(meeting)}: {meeting_day(meeting)}"


def meeting_day(meeting: Meeting) -> str:
    """The meeting's day as its title names it (or that the new date is to be confirmed)."""
    return timefmt.meeting_day(meeting.date, meeting.date_confirmed())


def when_line(meeting: Meeting) -> str:
    """The 'When' of a meeting: its date and times, or that the new date is to be confirmed."""
    return timefmt.meeting_when(meeting.date, meeting.start, meeting.end, meeting.date_confirmed())


def ends_iso(meeting: Meeting) -> str:
    """When the meeting is over, as an ISO 8601 timestamp with offset (for the browser script)."""
    return meeting.finished_by().isoformat()


def panel_of(dataset: Dataset, meeting: Meeting) -> Panel | None:
    """The meeting's panel, if it has one."""
    return dataset.panel_by_id.get(meeting.panel) if meeting.panel else None


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
        labels={**vocabulary.LABELS, "remits": dataset.publisher.remits},
        publisher=dataset.publisher,
        vocabulary=vocabulary,
        panel_name=lambda m: panel_name(dataset, m),
        meeting_title=lambda m: meeting_title(dataset, m),
        meeting_name=dataset.meeting_name,
        ends_iso=ends_iso,
        when_line=when_line,
        **context,
    )
    return Output(
        path=urls.page_source(path), content=body.encode("utf-8"), kind=Kind.PAGE, title=title
    )


def raw(html: str) -> Markup:
    """Mark HTML that our own code built from escaped parts (never staff text) as safe."""
    return Markup(html)


def sorted_by(items: Iterable[str]) -> list[str]:
    """Case-insensitive, stable sort for people-facing lists such as wards."""
    return sorted(items, key=lambda s: (s.casefold(), s))
