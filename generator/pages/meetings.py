"""One page per meeting: when, where, how to join, and what happened."""

from __future__ import annotations

from collections.abc import Iterator

from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.outreach.newsletter import snippet
from generator.pages import jsonld
from generator.pages.context import meeting_title, page, panel_of
from generator.render import urls
from generator.render.outputs import Output, SiteConfig


def questionnaire(dataset: Dataset, meeting: Meeting) -> str | None:
    """The meeting's own topics questionnaire, else its panel's usual one."""
    panel = panel_of(dataset, meeting)
    return meeting.questionnaire_url or (panel.questionnaire_url if panel else None)


def meeting_page(dataset: Dataset, config: SiteConfig, meeting: Meeting) -> Output:
    """The page at ``meetings/<id>/``."""
    asked = questionnaire(dataset, meeting)
    upcoming = meeting.is_upcoming(dataset.today)
    return page(
        urls.meeting(meeting.id),
        meeting_title(dataset, meeting),
        "meeting.html",
        dataset=dataset,
        config=config,
        m=meeting,
        panel=panel_of(dataset, meeting),
        venue=dataset.venue_by_id[meeting.venue] if meeting.venue else None,
        upcoming=upcoming,
        questionnaire=asked,
        snippet=snippet(dataset, config, meeting, asked) if upcoming else None,
        actions=sorted(
            dataset.actions_by_meeting.get(meeting.id, ()), key=lambda a: (a.raised, a.id)
        ),
        jsonld=jsonld.script_json(jsonld.event(dataset, config, meeting)),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """Every meeting's page."""
    for meeting in dataset.meetings:
        yield meeting_page(dataset, config, meeting)
