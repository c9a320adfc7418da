"""Load every data file, validate it, cross-check it, and freeze the result."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from generator.clock import build_date
from generator.load import action_rules, entries, meeting_rules, partner_rules, rules
from generator.load import yaml_strict as yamlstrict
from generator.load.clean import Memo
from generator.load.entries import Split
from generator.load.errors import DataError, Problem
from generator.load.located import Loaded
from generator.load.validate import validate
from generator.models import Action, EngagementEvent, Meeting, Metric, Panel, Venue
from generator.models.civic import CivicDate
from generator.models.fields import Model
from generator.models.files import DATA_FILES, OPTIONAL_FILES
from generator.models.metrics import MetricsNotes
from generator.models.publisher import PUBLISHER_FILE, Publisher

T = TypeVar("T")


def _index(items: Sequence[T], key: str) -> Mapping[str, tuple[T, ...]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        value = getattr(item, key)
        if value is not None:
            grouped[value].append(item)
    return MappingProxyType({k: tuple(v) for k, v in grouped.items()})


@dataclass(frozen=True)
class Dataset:
    """Everything the renderers need, checked and immutable. Build it with :func:`load`."""

    panels: tuple[Panel, ...]
    venues: tuple[Venue, ...]
    meetings: tuple[Meeting, ...]
    """Sorted by start time, then id."""
    actions: tuple[Action, ...]
    events: tuple[EngagementEvent, ...]
    metrics: tuple[Metric, ...]
    publisher: Publisher
    """Who publishes the site (data/publisher.yaml): names, partners, contact, wording."""
    today: date
    """The build date in UK time: 'upcoming' means on or after this day."""
    metrics_notes: MetricsNotes = field(default_factory=MetricsNotes)
    """Sentences from the force's documents that the metrics page quotes (data/metrics.yaml)."""
    civic_dates: tuple[CivicDate, ...] = ()
    """Other civic events' days (data/civic-dates.yaml), for clash warnings."""
    sources: Mapping[str, Loaded] = field(default_factory=dict, repr=False, compare=False)
    """The parsed files, for locating warnings at their lines."""

    def __post_init__(self) -> None:
        indexes = {
            "panel_by_id": MappingProxyType({c.id: c for c in self.panels}),
            "venue_by_id": MappingProxyType({v.id: v for v in self.venues}),
            "meeting_by_id": MappingProxyType({m.id: m for m in self.meetings}),
            "meetings_by_panel": _index(self.meetings, "panel"),
            "actions_by_meeting": _index(self.actions, "meeting"),
        }
        for name, value in indexes.items():
            object.__setattr__(self, name, value)

    panel_by_id: Mapping[str, Panel] = field(init=False, repr=False, compare=False)
    venue_by_id: Mapping[str, Venue] = field(init=False, repr=False, compare=False)
    meeting_by_id: Mapping[str, Meeting] = field(init=False, repr=False, compare=False)
    meetings_by_panel: Mapping[str, tuple[Meeting, ...]] = field(
        init=False, repr=False, compare=False
    )
    actions_by_meeting: Mapping[str, tuple[Action, ...]] = field(
        init=False, repr=False, compare=False
    )

    def meeting_name(self, meeting: Meeting) -> str:
        """Its own title, else the panel's full name, else the publisher's business title."""
        panel = self.panel_by_id.get(meeting.panel) if meeting.panel else None
        wording = self.publisher.wording
        return meeting.display_name(panel, self.publisher.business_title(), wording.panel)

    def upcoming(self, panel: str | None = None) -> tuple[Meeting, ...]:
        """Meetings on or after the build date, soonest first."""
        pool = self.meetings if panel is None else self.meetings_by_panel.get(panel, ())
        return tuple(m for m in pool if m.is_upcoming(self.today))

    def past(self, panel: str | None = None) -> tuple[Meeting, ...]:
        """Meetings before the build date, most recent first."""
        pool = self.meetings if panel is None else self.meetings_by_panel.get(panel, ())
        return tuple(reversed([m for m in pool if not m.is_upcoming(self.today)]))

    def actions_for_panel(self, panel: str) -> tuple[Action, ...]:
        """The log entries raised at a panel's meetings, newest first."""
        found = [
            a
            for m in self.meetings_by_panel.get(panel, ())
            for a in self.actions_by_meeting.get(m.id, ())
        ]
        return tuple(sorted(found, key=lambda a: (a.raised, a.id), reverse=True))


@dataclass
class Parsed:
    """Every data file parsed and validated on its own, before any cross-file check."""

    sources: dict[str, Loaded] = field(default_factory=dict)
    """The files that parsed, by name (also those that then failed validation)."""
    models: dict[str, Model] = field(default_factory=dict)
    """The files that validated, by name."""
    problems: list[Problem] = field(default_factory=list)


def parse_each(read_file: Callable[[str], Loaded | None]) -> Parsed:
    """Parse (``read_file(name)``, None for an absent optional file) and validate every file."""
    parsed = Parsed()
    for name, model in DATA_FILES.items():
        try:
            loaded = read_file(name)
            if loaded is None:
                continue
            parsed.sources[name] = loaded
            parsed.problems.extend(loaded.problems)
            parsed.models[name] = validate(loaded, model)
        except DataError as error:
            parsed.problems.extend(error.problems)
    return parsed


@dataclass(frozen=True)
class Kept:
    """A preview's parse of one file, with the modification time and size it was read at."""

    stamp: tuple[int, int]
    parsed: Parsed
    split: Split | None = None
    """Where its entries start, for parsing only the edited one next time."""


FileCache = dict[str, Kept]
"""Each file's parsed result by name."""


def read(data_dir: Path, label: str = "data", cache: FileCache | None = None) -> Parsed:
    """Parse and validate every file in ``data_dir``; ``label`` names the folder in messages.

    With a ``cache`` (a preview's, kept between rebuilds) a file whose modification time
    and size are unchanged is not read again: its earlier result is reused; in one that
    changed, only the entries whose text changed are parsed again (see
    :mod:`generator.load.entries`).
    """

    def read_file(name: str) -> Loaded | None:
        if name in OPTIONAL_FILES and not (data_dir / name).exists():
            return None
        return yamlstrict.read(data_dir / name, f"{label}/{name}" if label else name)

    if cache is None:
        return parse_each(read_file)
    parsed = Parsed()
    for name in DATA_FILES:
        try:
            status = (data_dir / name).stat()
            stamp = (status.st_mtime_ns, status.st_size)
        except FileNotFoundError:
            stamp = (-1, -1)
        kept = cache.get(name)
        if kept is None or kept.stamp != stamp:
            kept = cache[name] = _read_again(
                data_dir / name, f"{label}/{name}" if label else name, stamp, kept
            )
        parsed.sources.update(kept.parsed.sources)
        parsed.models.update(kept.parsed.models)
        parsed.problems.extend(kept.parsed.problems)
    return parsed


def _read_again(path: Path, file: str, stamp: tuple[int, int], before: Kept | None) -> Kept:
    """A changed file parsed again: only its edited entry when it can be, else whole."""
    name = path.name
    if name in OPTIONAL_FILES and not path.exists():
        return Kept(stamp, Parsed())
    try:
        text = yamlstrict.read_text(path, file)
    except DataError as error:
        return Kept(stamp, Parsed(problems=list(error.problems)))
    old = before.parsed if before is not None else None
    if before is not None and before.split is not None and text == before.split.text:
        return Kept(stamp, before.parsed, before.split)  # saved again as it was
    if before is not None and before.split is not None and old is not None:
        patched = entries.patch(before.split, old.sources[name], old.models[name], text)
        if patched is not None:
            return Kept(stamp, Parsed({name: patched.loaded}, {name: patched.model}), patched.split)
    parsed = parse_each(lambda wanted: yamlstrict.parse(text, file) if wanted == name else None)
    loaded = parsed.sources.get(name)
    whole = loaded is not None and name in parsed.models and not parsed.problems
    return Kept(stamp, parsed, entries.split(text, loaded) if whole and loaded else None)


def _entries(models: dict[str, Model], name: str, key: str) -> tuple[Any, ...] | None:
    model: Model | None = models.get(name)
    return getattr(model, key) if model is not None else None


def load(data_dir: Path, *, today: date | None = None, label: str = "data") -> Dataset:
    """Load ``data_dir`` into a :class:`Dataset`, or raise :class:`DataError` with every problem.

    ``label`` is how the folder is named in messages (``data/meetings.yaml``).
    """
    return check(read(data_dir, label), today or build_date())


def check(parsed: Parsed, today: date, memo: Memo | None = None) -> Dataset:
    """Cross-check parsed files into a :class:`Dataset`, or raise every problem found.

    A preview's ``memo`` checks again only the meetings and actions that changed since its
    last check, or had a problem then (see :mod:`generator.load.clean`)."""
    sources, models, problems = parsed.sources, parsed.models, list(parsed.problems)
    panels = _entries(models, "clusters.yaml", "clusters")
    venues = _entries(models, "venues.yaml", "venues")
    meetings = _entries(models, "meetings.yaml", "meetings")
    actions = _entries(models, "actions.yaml", "actions")
    events = _entries(models, "engagement.yaml", "events")
    metrics = _entries(models, "metrics.yaml", "metrics")
    publisher = models.get(PUBLISHER_FILE)
    assert publisher is None or isinstance(publisher, Publisher)
    checker = rules.Checker(sources, today, publisher)
    if memo is not None:
        memo.moved = None  # unknown until the meetings are checked: every action is
    if panels is not None:
        rules.check_panels(checker, panels)
    if venues is not None:
        checker.unique("venues.yaml", "venues", venues)
        for index, venue in enumerate(venues):
            if venue.coordinates is not None and not venue.coordinates.in_range():
                checker.at(
                    "venues.yaml",
                    ("venues", index, "coordinates"),
                    "the coordinates are off the map",
                    "latitude is -90 to 90, longitude -180 to 180",
                )
    if publisher is not None:
        partner_rules.check_partner_ids(checker, publisher)
    if meetings is not None:
        meeting_rules.check_meetings(checker, meetings, panels, venues, memo)
        partner_rules.check_partners_present(checker, meetings)
    if actions is not None:
        action_rules.check_actions(checker, actions, meetings, memo)
    if events is not None:
        rules.check_engagement(checker, events)
    if metrics is not None:
        rules.check_metrics(checker, metrics)
    problems.extend(checker.problems)
    if problems:
        raise DataError(problems)
    assert panels is not None and venues is not None and meetings is not None
    assert actions is not None and events is not None and metrics is not None
    assert publisher is not None
    return Dataset(
        panels=panels,
        venues=venues,
        meetings=tuple(sorted(meetings, key=lambda m: (m.starts_at(), m.id))),
        actions=actions,
        events=events,
        metrics=metrics,
        publisher=publisher,
        today=today,
        metrics_notes=getattr(models.get("metrics.yaml"), "notes", MetricsNotes()),
        civic_dates=_entries(models, "civic-dates.yaml", "civic_dates") or (),
        sources=MappingProxyType(sources),
    )
