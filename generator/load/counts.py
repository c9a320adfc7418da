"""What the meetings data counts per quarter, for metrics marked `counts:` in metrics.yaml.

One definition shared by the metrics page (which shows both figures) and the staff warning
(which flags entered figures that differ), so the two can never disagree.
"""

from __future__ import annotations

from generator import quarters
from generator.load.dataset import Dataset
from generator.models import Meeting, Metric
from generator.models.publisher import Wording
from generator.vocabulary import DerivedCount, MeetingKind, goes_ahead


def is_held(meeting: Meeting, dataset: Dataset) -> bool:
    """Held means it went ahead (scheduled or moved, not cancelled or postponed) before today."""
    return goes_ahead(meeting.standing()) and meeting.date < dataset.today


def panel_meetings(dataset: Dataset, panel: str | None = None) -> tuple[Meeting, ...]:
    """Panel meetings (not business meetings), optionally of one panel, in date order."""
    pool = dataset.meetings if panel is None else dataset.meetings_by_panel.get(panel, ())
    return tuple(m for m in pool if m.kind is MeetingKind.CLUSTER_PANEL)


def counted_label(what: DerivedCount, words: Wording) -> str:
    """What a `counts:` value counts, in the force's words (warnings and the metrics page)."""
    if what is DerivedCount.MEETINGS_HELD:
        return f"{words.panel} meetings held"
    return words.log_phrase("'") + " logs"


def per_quarter(dataset: Dataset, what: DerivedCount) -> dict[str, int]:
    """Meetings held, or log entries by their meeting's quarter, per quarter."""
    counts: dict[str, int] = {}
    for meeting in panel_meetings(dataset):
        if what is DerivedCount.MEETINGS_HELD and not is_held(meeting, dataset):
            continue
        quarter = quarters.of(meeting.date)
        add = (
            1
            if what is DerivedCount.MEETINGS_HELD
            else len(dataset.actions_by_meeting.get(meeting.id, ()))
        )
        counts[quarter] = counts.get(quarter, 0) + add
    return counts


def counted(dataset: Dataset, what: DerivedCount) -> Metric | None:
    """The metric that ``counts:`` this, if metrics.yaml marks one."""
    return next((m for m in dataset.metrics if m.counts is what), None)
