"""Validated models of every data file; the single source of validation and JSON Schema."""

from __future__ import annotations

from .actions import Action, ActionStatus, Update
from .engagement import Audience, EngagementEvent
from .meetings import LONDON, Meeting, MeetingFormat, MeetingKind, MeetingStatus, Remit
from .metrics import Metric, MetricKind, MetricValue
from .places import Cluster, Officer, Venue

__all__ = [
    "LONDON",
    "Action",
    "ActionStatus",
    "Audience",
    "Cluster",
    "EngagementEvent",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "MeetingStatus",
    "Metric",
    "MetricKind",
    "MetricValue",
    "Officer",
    "Remit",
    "Update",
    "Venue",
]
