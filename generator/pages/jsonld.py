"""schema.org ``Event`` data for a meeting page, safe to place inside a ``<script>`` element."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from markupsafe import Markup

from generator.clock import LONDON
from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.pages.context import meeting_title
from generator.render import urls
from generator.render.outputs import SiteConfig
from generator.vocabulary import MeetingFormat, MeetingStatus

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


def event(dataset: Dataset, config: SiteConfig, meeting: Meeting) -> dict[str, Any]:
    """The meeting as a schema.org Event, as plain JSON-ready data."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting_title(dataset, meeting),
        "url": config.url(urls.meeting(meeting.id)),
        "startDate": meeting.starts_at().isoformat(),
        "eventStatus": EVENT_STATUS[meeting.status],
        "eventAttendanceMode": ATTENDANCE_MODE[meeting.format],
        "organizer": {"@type": "Organization", "name": dataset.publisher.force.name},
    }
    ends = meeting.ends_at()
    if ends is not None:
        data["endDate"] = ends.isoformat()
    if meeting.previous is not None and not meeting.previous.same_slot(meeting.date, meeting.start):
        at = meeting.previous.start or meeting.start
        data["previousStartDate"] = datetime.combine(meeting.previous.date, at, LONDON).isoformat()
    locations: list[dict[str, Any]] = []
    place = _place(dataset, meeting)
    if place is not None:
        locations.append(place)
    if meeting.format is not MeetingFormat.IN_PERSON:
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if meeting.online is not None and meeting.online.teams_url is not None:
            virtual["url"] = meeting.online.teams_url
        locations.append(virtual)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """``data`` as JSON that cannot close its ``<script>`` element, whatever staff typed."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).translate(_SCRIPT_SAFE)
    return Markup(text)
