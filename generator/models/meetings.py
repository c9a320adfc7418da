"""Meetings: when and where a panel meets, how to join, and what happened."""

from __future__ import annotations

import datetime as dt
from datetime import datetime, time

from pydantic import ConfigDict

from generator.clock import LONDON
from generator.models.cross_field import MEETING_RULES, editor_schema
from generator.models.fields import (
    ClockTime,
    Count,
    IdRef,
    LocalDate,
    LongText,
    Model,
    Phone,
    ReviewMark,
    Slug,
    Text,
)
from generator.models.links import HttpsUrl, TeamsUrl
from generator.models.places import Panel
from generator.vocabulary import DocumentKind, MeetingFormat, MeetingKind, MeetingStatus


class DialIn(Model):
    """Joining by phone."""

    phone: Phone
    """The dial-in number, in quotes, e.g. "020 3443 0000"."""
    conference_id: Text | None = None
    """The phone conference ID to key in, e.g. `123 456 789#`."""


class OnlineJoining(Model):
    """How to join a hybrid or online meeting."""

    teams_url: TeamsUrl | None = None
    """The Microsoft Teams 'Join the meeting now' link."""
    meeting_id: Text | None = None
    """The Teams meeting ID, for joining from teams.microsoft.com/join."""
    passcode: Text | None = None
    """The Teams passcode."""
    dial_in: DialIn | None = None
    """Phone dial-in, if the meeting has one."""


class PreviousTime(Model):
    """When a moved or postponed meeting was due to happen before."""

    date: LocalDate
    """The date it was previously due, YYYY-MM-DD."""
    start: ClockTime | None = None
    """The start time it was previously due, HH:MM."""
    venue: Slug | None = None
    """The venue it was due at, when the place changed (its id from venues.yaml)."""
    room: Text | None = None
    """The room it was due in, when the room changed."""

    def same_slot(self, on: dt.date, start: time) -> bool:
        """Whether it was due at the same date and time (only the place changed)."""
        return (self.date, self.start or start) == (on, start)


class Topic(Model):
    """A topic residents raised at the meeting."""

    topic: Text
    """The topic in a few words, e.g. `Cycling on pavements`."""
    remit: Slug
    """Whose responsibility it is: the id of a partner in publisher.yaml."""
    partner: Text | None = None
    """The partner's name when the remit is the catch-all 'another partner'."""


class Attendance(Model):
    """How many people attended. Monitored, never a target."""

    in_person: Count | None = None
    """People in the room (not counting officers and staff)."""
    online: Count | None = None
    """People who joined online."""


class Document(Model):
    """A published document about the meeting."""

    title: Text
    """What the link says, e.g. `Minutes`."""
    url: HttpsUrl
    """Where the document is published."""
    kind: DocumentKind = DocumentKind.MINUTES
    """What the document is: agenda, minutes, slides, report or other."""


class Record(Model):
    """What happened, filled in after the meeting."""

    attendance: Attendance | None = None
    """How many attended."""
    partners_present: tuple[IdRef, ...] | None = None
    """Which partners came besides the force: ids from publisher.yaml (a partner, or one of its
    departments), e.g. `[british-transport-police]`; `[]` when none came. Leave it out when
    it is not known."""
    topics: tuple[Topic, ...] = ()
    """The topics residents raised."""
    documents: tuple[Document, ...] = ()
    """Minutes, slides and other papers."""


class Meeting(Model):
    """One meeting of a panel, or a business meeting for the whole area."""

    # The cross-field rules JSON Schema can hold, so editors flag them on the field they are
    # about with check's words; `check` applies the same rules (meeting_rules.py).
    model_config = Model.model_config | ConfigDict(json_schema_extra=editor_schema(*MEETING_RULES))

    id: Slug
    """Permanent id, e.g. `north-2024-11`. It is in page and calendar addresses: never change it."""
    kind: MeetingKind = MeetingKind.CLUSTER_PANEL
    """`cluster-panel` (the default) or `business` for a business meeting for the whole area."""
    panel: Slug | None = None
    """The id of the panel (from clusters.yaml). Leave out for a business meeting."""
    title: Text | None = None
    """A title if the meeting needs one beyond the panel's name."""
    date: LocalDate
    """The date, YYYY-MM-DD, in UK time."""
    start: ClockTime
    """Start time, 24-hour HH:MM, UK time."""
    end: ClockTime | None = None
    """End time, HH:MM; leave out if not published. An end before the start is the next day."""
    format: MeetingFormat
    """`in-person`, `hybrid` (in the room and on Teams) or `online`."""
    venue: Slug | None = None
    """The id of the venue (from venues.yaml). Needed for in-person and hybrid meetings."""
    room: Text | None = None
    """The room within the venue, if helpful."""
    online: OnlineJoining | None = None
    """How to join online. Needed for hybrid and online meetings before they happen."""
    status: MeetingStatus = MeetingStatus.SCHEDULED
    """`scheduled`, `cancelled`, `postponed` or `moved`."""
    status_reason: LongText | None = None
    """The public reason for a cancellation, postponement or move."""
    previous: PreviousTime | None = None
    """For a moved meeting: when it was due before the move."""
    revision: Count = 0
    """Leave it out: the build numbers calendar changes itself; a typed number is a minimum."""
    revised: LocalDate | None = None
    """Leave it out: the build dates each change to a calendar entry itself."""
    questionnaire_url: HttpsUrl | None = None
    """The topics questionnaire for this meeting, if not the panel's usual one."""
    agenda: tuple[Text, ...] = ()
    """Agenda items, in order."""
    record: Record | None = None
    """What happened. Fill in after the meeting."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that text flagged as personal data is fine to publish: the line the
    message gives (`pd-` and ten letters and digits). It covers the text as it was checked."""

    def display_name(self, panel: Panel | None, business: str, noun: str) -> str:
        """Its own title, else '<Panel> <noun>', else ``business`` (the business title)."""
        if self.title:
            return self.title
        return f"{panel.name} {noun}" if panel else business

    def date_confirmed(self) -> bool:
        """False for a postponed meeting whose new date is still to be confirmed.

        Such a meeting has no `previous:`, so its `date` is the one it was due on, not a date
        it will happen: pages show no date in its heading and offer no calendar file.
        """
        return not (self.status is MeetingStatus.POSTPONED and self.previous is None)

    def standing(self) -> MeetingStatus:
        """The status as it applies to `date`, the one every page, feed and download uses.

        A postponed meeting whose new date is known (`previous:` holds the old one) goes
        ahead on `date`: it stands as moved (schema.org EventRescheduled, CONFIRMED in
        calendars, held once that date has passed).
        """
        if self.status is MeetingStatus.POSTPONED and self.previous is not None:
            return MeetingStatus.MOVED
        return self.status

    def moved_from(self) -> PreviousTime | None:
        """The slot it was due at before a change of date or time (not a change of place only)."""
        if self.previous is None or self.previous.same_slot(self.date, self.start):
            return None
        return self.previous

    def starts_at(self) -> datetime:
        """Start as an aware UK-time datetime."""
        return datetime.combine(self.date, self.start, LONDON)

    def ends_next_day(self) -> bool:
        """Whether the published end is after midnight: an end at or before the start."""
        return self.end is not None and self.end <= self.start

    def end_date(self) -> dt.date | None:
        """The day the meeting ends (the next day when it runs past midnight), if published."""
        if self.end is None:
            return None
        return self.date + dt.timedelta(days=1) if self.ends_next_day() else self.date

    def ends_at(self) -> datetime | None:
        """End as an aware UK-time datetime, if an end time is published."""
        ends_on = self.end_date()
        if ends_on is None or self.end is None:
            return None
        return datetime.combine(ends_on, self.end, LONDON)

    def finished_by(self) -> datetime:
        """When the meeting is over for 'upcoming' purposes (start + 3 hours when no end)."""
        end = self.ends_at()
        if end is not None:
            return end
        start = self.starts_at()
        return datetime.combine(
            start.date(), min(time(23, 59), _plus_hours(start.time(), 3)), LONDON
        )

    def is_upcoming(self, today: dt.date) -> bool:
        """Whether the meeting is on or after ``today`` (the build date)."""
        return self.date >= today


def _plus_hours(at: time, hours: int) -> time:
    minutes = min(at.hour * 60 + at.minute + hours * 60, 23 * 60 + 59)
    return time(minutes // 60, minutes % 60)
