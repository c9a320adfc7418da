"""A meeting's facts as a snippet for an estate newsletter or an email: plain text and HTML.

The same facts as the meeting page, in the order a reader needs them, each line a label and
a value, so an editor can paste it whole or trim it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from generator import timefmt, vocabulary
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.render import urls
from generator.render.outputs import SiteConfig


@dataclass(frozen=True)
class Snippet:
    """One meeting's snippet in both forms."""

    text: str
    """Plain text, one fact a line."""
    html: str
    """Simple HTML (one paragraph, line breaks and links), as source to paste."""


def lines(
    dataset: Dataset, config: SiteConfig, meeting: Meeting, questionnaire: str | None
) -> list[tuple[str, str]]:
    """The snippet's facts as (label, value) pairs; an empty label is the heading line."""
    facts = [("", dataset.meeting_name(meeting))]
    if meeting.status != vocabulary.MeetingStatus.SCHEDULED:
        facts.append(("", vocabulary.STATUSES[meeting.status]))
    facts.append(("When", timefmt.when(meeting.date, meeting.start, meeting.end)))
    if meeting.venue:
        venue = dataset.venue_by_id[meeting.venue]
        parts = [venue.name, *([meeting.room] if meeting.room else []), *venue.address.lines]
        if venue.address.postcode:
            parts.append(venue.address.postcode)
        facts.append(("Where", ", ".join(parts)))
    facts.append(("How to attend", vocabulary.FORMATS[meeting.format]))
    going_ahead = vocabulary.goes_ahead(meeting.status)
    if going_ahead and meeting.format != vocabulary.MeetingFormat.IN_PERSON:
        facts.append(("Join online", "the Microsoft Teams link is on the meeting page"))
    if going_ahead and questionnaire:
        facts.append(("Tell us what to discuss", questionnaire))
    facts.append(("More details", config.url(urls.meeting(meeting.id))))
    return facts


_LINKED = frozenset({"Tell us what to discuss", "More details"})


def snippet(
    dataset: Dataset, config: SiteConfig, meeting: Meeting, questionnaire: str | None
) -> Snippet:
    """The meeting's snippet as plain text and as HTML source (staff text escaped in the HTML)."""
    facts = lines(dataset, config, meeting, questionnaire)
    text = "\n".join(f"{label}: {value}" if label else value for label, value in facts)
    parts: list[Markup] = []
    for index, (label, value) in enumerate(facts):
        if not label:
            shown = Markup("<strong>{}</strong>").format(value) if index == 0 else escape(value)
        elif label in _LINKED:
            shown = Markup('{}: <a href="{}">{}</a>').format(label, value, value)
        else:
            shown = Markup("{}: {}").format(label, value)
        parts.append(shown)
    html = Markup("<p>") + Markup("<br>\n").join(parts) + Markup("</p>")
    return Snippet(text=text, html=str(html))
