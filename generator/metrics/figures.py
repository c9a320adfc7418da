"""What the figures are: frozen values the metrics page, the panel pages and the warnings share."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.models import Meeting, Metric
from generator.models.metrics import Dimension


@dataclass(frozen=True)
class QuarterValue:
    """What was entered for one quarter; ``reported`` is false for 'not yet reported'."""

    quarter: str
    reported: bool
    value: Decimal | None = None
    breakdown: tuple[Dimension, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class MetricSeries:
    """A metric with one row per quarter it should be shown for."""

    metric: Metric
    rows: tuple[QuarterValue, ...]

    @property
    def reported(self) -> int:
        """How many of the shown quarters have a figure."""
        return sum(1 for row in self.rows if row.reported)


@dataclass(frozen=True)
class Comparison:
    """A derived count for one quarter beside the figure entered for the same metric."""

    quarter: str
    derived: int | None
    """The count; None where the data records nothing for the quarter (read "not recorded")."""
    entered: Decimal | None

    @property
    def differs(self) -> bool:
        """True when a figure was entered and the data gives a different count."""
        return (
            self.entered is not None and self.derived is not None and self.entered != self.derived
        )


@dataclass(frozen=True)
class Mismatch:
    """An entered metric that disagrees with what the meetings data shows (a staff warning)."""

    metric: str
    quarter: str
    entered: Decimal
    derived: int | None
    what: str

    def message(self) -> str:
        """The warning in plain English."""
        return (
            f"metric {self.metric} for {self.quarter} is {self.entered}, but the meetings data "
            f"shows {self.derived} {self.what}"
        )


@dataclass(frozen=True)
class Tally:
    """A count for one category, e.g. topics in the police's remit."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class MeetingFigures:
    """Monitoring figures for one panel meeting that has been held."""

    meeting: Meeting
    panel_name: str
    logs: int | None
    """Log entries from the meeting; None when it has neither a record nor an entry."""
    in_person: int | None
    online: int | None

    @property
    def attendance(self) -> int | None:
        """People attending in the room and online; None when nothing is recorded."""
        if self.in_person is None and self.online is None:
            return None
        return (self.in_person or 0) + (self.online or 0)


@dataclass(frozen=True)
class PanelAttendance:
    """Attendance over a panel's held meetings (monitoring only, not a target)."""

    panel_id: str
    panel_name: str
    held: int
    with_figures: int
    total: int
    average: Decimal | None


@dataclass(frozen=True)
class TimeOfDay:
    """Daytime and evening meetings in one group (held or planned)."""

    label: str
    daytime: int
    evening: int


@dataclass(frozen=True)
class DaysToDone:
    """The median number of days from an action being raised to it being done."""

    median: Decimal | None
    done: int


@dataclass(frozen=True)
class PartnersPresent:
    """How often partners came to the panel meetings held (derived from `partners_present:`)."""

    held: int
    """Panel meetings held."""
    recorded: int
    """Of those, the meetings whose record says which partners came."""
    with_partner: int
    """Of those, the meetings at least one partner came to."""
    by_partner: tuple[Tally, ...]
    """For each partner, the recorded meetings it (or one of its departments) came to."""
