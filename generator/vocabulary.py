"""The project's vocabulary: every status, format and audience, their plain-English
labels, and the rules that group them ("goes ahead", "still open").

The lowest module of the package: models, loading, renderers and templates all take these
from here, so a value or a label is written once. Templates receive the enums themselves
(``vocabulary.MeetingStatus.CANCELLED``) or the predicates below, never string copies.
"""

from __future__ import annotations

from enum import StrEnum

DEFAULT_WORDING = {
    "panel": "cluster panel",
    "panels": "cluster panels",
    "log": "you said, we did",
    "said": "You said",
    "did": "We did",
    "ward_officer": "Dedicated Ward Officer",
    "ward_officers": "Dedicated Ward Officers",
    "ward_officer_short": "DWO",
    "business_meeting": "business meeting for the whole area",
    "business_meetings": "business meetings for the whole area",
    "local_time": "UK time",
    "find_panel": "Find your panel",
    "elsewhere": "police.uk",
    "elsewhere_url": "https://www.police.uk/",
    "changes_feed": "what changed",
    "change_new": "new",
    "change_changed": "changed",
    "change_record": "record published",
    "change_record_summary": "what happened at the meeting",
    "change_entry": "new entry",
    "change_entry_done": "entry done",
    "change_figures": "figures published",
}
"""The wording catalogue's defaults (the words of the force this project began with): the
only place in the package that writes them. A force replaces any of them under `wording:`
in publisher.yaml."""

CALENDAR_PRODID = "-//cluster-panels//Cluster panel calendar feeds//EN"
"""The software's identity in every calendar (a product name, not a force's word: it stays
when a force renames its panels, so no subscriber's calendar sees a new producer)."""

BUSINESS_LOG_ID = "business-meetings"
"""The log folder for business meetings' actions; no panel may take this id."""


class MeetingKind(StrEnum):
    """Which series a meeting belongs to."""

    CLUSTER_PANEL = "cluster-panel"
    BUSINESS = "business"


class MeetingFormat(StrEnum):
    """How people attend."""

    IN_PERSON = "in-person"
    HYBRID = "hybrid"
    ONLINE = "online"


class MeetingStatus(StrEnum):
    """What residents should expect."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    MOVED = "moved"


class DerivedCount(StrEnum):
    """What the data can count for a metric, so its entered figures can be checked."""

    MEETINGS_HELD = "meetings-held"
    LOGS = "logs"


class Compliance(StrEnum):
    """How far a website meets WCAG 2.2 AA, as an accessibility statement must say."""

    FULLY = "fully"
    PARTIALLY = "partially"
    NOT = "not"


class Enforcement(StrEnum):
    """Which body enforces the accessibility regulations where the publisher is."""

    GREAT_BRITAIN = "great-britain"
    NORTHERN_IRELAND = "northern-ireland"


class ActionStatus(StrEnum):
    """Where an action stands."""

    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    NOT_TAKEN_FORWARD = "not-taken-forward"


class Audience(StrEnum):
    """Who an event was for."""

    RESIDENTS = "residents"
    WORKERS = "workers"
    VISITORS = "visitors"
    OTHER = "other"


class MetricKind(StrEnum):
    """How a metric's values are shaped."""

    COUNT = "count"
    HOURS = "hours"
    SCORE = "score"
    BREAKDOWN = "breakdown"


class DocumentKind(StrEnum):
    """What a meeting's published document is (shown beside its link)."""

    AGENDA = "agenda"
    MINUTES = "minutes"
    SLIDES = "slides"
    REPORT = "report"
    OTHER = "other"


GOES_AHEAD = frozenset({MeetingStatus.SCHEDULED, MeetingStatus.MOVED})
"""Statuses of a meeting that takes place (on its original or its new date)."""

STILL_OPEN = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})
"""Statuses of a log entry that is not finished."""


def goes_ahead(status: MeetingStatus) -> bool:
    """Whether a meeting with this status takes place."""
    return status in GOES_AHEAD


def still_open(status: ActionStatus) -> bool:
    """Whether an entry with this status is still being worked on."""
    return status in STILL_OPEN


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
VENUES_TITLE = "Venues and access"
"""The title of the page of every venue and its access facts (and of its search record)."""
ACCESS = {
    "step_free": "Step-free access",
    "hearing_loop": "Hearing loop",
    "accessible_toilet": "Accessible toilet",
    "interpreter_on_request": "BSL or other interpreter",
}
"""A venue's access facts as the venue pages head them, by the field of ``Access``."""
ACCESS_ALSO = {
    "step_free": "wheelchair access",
}
"""Other words residents search a fact by, indexed beside its heading (search only)."""
LABELS = {
    "formats": FORMATS,
    "statuses": STATUSES,
    "action_statuses": ACTION_STATUSES,
    "audiences": AUDIENCES,
    "access": ACCESS,
}
"""Every label table, as templates see them (``labels.statuses[m.status]``).

Remits are not here: the partners come from data/publisher.yaml (``Dataset.publisher``).
"""
