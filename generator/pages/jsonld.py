"""schema.org ``Event`` data for a meeting page, safe to place inside a ``<script>`` element."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from markupsafe import Markup

from generator import timefmt
from generator.clock import LONDON
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.pages.context import meeting_title
from generator.render import urls
from generator.render.outputs import SiteConfig
from generator.vocabulary import FORMATS, MeetingFormat, MeetingStatus

# By `Meeting.standing()`: a postponed meeting whose new date is known stands as moved,
# which schema.org and Google's Event guidance call EventRescheduled (startDate the new
# date, previousStartDate the old); EventPostponed is only for a date not yet known, and
# keeps the startDate it was due on, as Google asks.
EVENT_STATUS = {
    MeetingStatus.SCHEDULED: "https://schema.org/EventScheduled",
    MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
    MeetingStatus.POSTPONED: "https://schema.org/EventPostponed",
    MeetingStatus.MOVED: "https://schema.org/EventRescheduled",
}
ATTENDANCE_MODE = {
    MeetingFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    MeetingFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    MeetingFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
# Characters that could end the script element or start markup, as JSON escapes.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _place(dataset: Dataset, meeting: Meeting) -> dict[str, Any] | None:
    if meeting.venue is None:
        return None
    venue = dataset.venue_by_id[meeting.venue]
    address: dict[str, Any] = {"@type": "PostalAddress"}
    locality = venue.address.locality or dataset.publisher.area.locality
    if locality:
        address["addressLocality"] = locality
    address["addressCountry"] = "GB"
    if venue.address.lines:
        address["streetAddress"] = ", ".join(venue.address.lines)
    if venue.address.postcode:
        address["postalCode"] = venue.address.postcode
    return {"@type": "Place", "name": venue.name, "address": address}


def _description(dataset: Dataset, meeting: Meeting) -> str:
    """One plain sentence or two from the data: what the meeting is, and any change's reason."""
    panel = dataset.panel_by_id.get(meeting.panel) if meeting.panel else None
    name = dataset.publisher.panel_title(panel.name) if panel else dataset.meeting_name(meeting)
    when = timefmt.meeting_when(meeting.date, meeting.start, meeting.end, meeting.date_confirmed())
    parts = [f"{name}. {when}. {FORMATS[meeting.format]}."]
    if meeting.status_reason:
        parts.append(meeting.status_reason)
    return " ".join(parts)


def event(dataset: Dataset, config: SiteConfig, meeting: Meeting) -> dict[str, Any]:
    """The meeting as a schema.org Event, as plain JSON-ready data."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting_title(dataset, meeting),
        "url": config.url(urls.meeting(meeting.id)),
        "startDate": meeting.starts_at().isoformat(),
        "description": _description(dataset, meeting),
        "eventStatus": EVENT_STATUS[meeting.standing()],
        "eventAttendanceMode": ATTENDANCE_MODE[meeting.format],
        "organizer": {
            "@type": "Organization",
            "name": dataset.publisher.force.name,
            "url": config.url(urls.HOME),
        },
    }
    ends = meeting.ends_at()
    if ends is not None:
        data["endDate"] = ends.isoformat()
    was = meeting.moved_from()
    if was is not None:
        at = was.start or meeting.start
        data["previousStartDate"] = datetime.combine(was.date, at, LONDON).isoformat()
    locations: list[dict[str, Any]] = []
    place = _place(dataset, meeting)
    if place is not None:
        locations.append(place)
    if meeting.format is not MeetingFormat.IN_PERSON:
        # Google requires a url on every VirtualLocation: the joining link once it is
        # published, else the meeting page, which says when and where it will appear.
        joining = meeting.online.teams_url if meeting.online is not None else None
        virtual = {
            "@type": "VirtualLocation",
            "url": joining or config.url(urls.meeting(meeting.id)),
        }
        locations.append(virtual)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """``data`` as JSON that cannot close its ``<script>`` element, whatever staff typed."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).translate(_SCRIPT_SAFE)
    return Markup(text)
