"""Validated models of every data file; the single source of validation and JSON Schema."""

from __future__ import annotations

from generator.models.actions import Action, Update
from generator.models.engagement import EngagementEvent
from generator.models.meetings import Meeting
from generator.models.metrics import Metric, MetricValue
from generator.models.places import Officer, Panel, Venue

__all__ = [
    "Action",
    "EngagementEvent",
    "Meeting",
    "Metric",
    "MetricValue",
    "Officer",
    "Panel",
    "Update",
    "Venue",
]
