"""The shape of each data file: one top-level key holding a list of entries."""

from __future__ import annotations

from generator.models.actions import Action
from generator.models.civic import CivicDatesFile
from generator.models.engagement import EngagementEvent
from generator.models.fields import Model
from generator.models.meetings import Meeting
from generator.models.metrics import Metric, MetricsNotes
from generator.models.places import Panel, Venue
from generator.models.publisher import PUBLISHER_FILE, Publisher


class PanelsFile(Model):
    """data/clusters.yaml: the panels."""

    clusters: tuple[Panel, ...]
    """One entry per panel."""


class VenuesFile(Model):
    """data/venues.yaml: places where meetings happen."""

    venues: tuple[Venue, ...]
    """One entry per venue."""


class MeetingsFile(Model):
    """data/meetings.yaml: every meeting, past and future."""

    meetings: tuple[Meeting, ...]
    """One entry per meeting. Keep past meetings: their pages and calendar entries stay."""


class ActionsFile(Model):
    """data/actions.yaml: the log of what residents raised and what was done."""

    actions: tuple[Action, ...]
    """One entry per action. Write `actions: []` when there are none yet."""


class EngagementFile(Model):
    """data/engagement.yaml: wider engagement events."""

    events: tuple[EngagementEvent, ...]
    """One entry per event."""


class MetricsFile(Model):
    """data/metrics.yaml: the quarterly metrics a–j and their reported values."""

    metrics: tuple[Metric, ...]
    """One entry per metric."""
    notes: MetricsNotes = MetricsNotes()
    """Sentences from the force's report and minutes that the metrics page quotes."""


DATA_FILES: dict[str, type[Model]] = {
    "clusters.yaml": PanelsFile,
    "venues.yaml": VenuesFile,
    "meetings.yaml": MeetingsFile,
    "actions.yaml": ActionsFile,
    "engagement.yaml": EngagementFile,
    "metrics.yaml": MetricsFile,
    "civic-dates.yaml": CivicDatesFile,
    PUBLISHER_FILE: Publisher,
}
"""Every data file, by name inside the data folder, and the model of its whole content."""

OPTIONAL_FILES = frozenset({"civic-dates.yaml"})
"""Files that may be absent from a data folder: a missing one reads as an empty list."""
