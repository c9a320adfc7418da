"""Rules for data/actions.yaml, including the meeting each action came from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.load.clean import Clean, Memo
from generator.load.rules import Checker
from generator.models import Action, Meeting, cross_field, references
from generator.vocabulary import ActionStatus


def check_actions(
    c: Checker,
    actions: Sequence[Action],
    meetings: Sequence[Meeting] | None,
    memo: Memo | None = None,
) -> None:
    """Rules for data/actions.yaml; a preview's ``memo`` checks again only the actions that
    changed, had a problem, or name a meeting that changed (see :mod:`generator.load.clean`)."""
    clean = memo.actions if memo is not None else Clean()
    found = len(c.problems)
    if not clean.unchanged(actions):
        c.unique("actions.yaml", "actions", actions)
    unique_failed = len(c.problems) != found
    by_id = {m.id: m for m in meetings} if meetings is not None else None
    context = (by_id is None, c.publisher)
    again = clean.again(c.today, context, actions) if memo is not None else None
    if again is not None and memo is not None:
        if memo.moved is None:
            again = None
        elif memo.moved:  # the actions of an edited meeting: its date or id may have changed
            named = {i for i, a in enumerate(actions) if a.meeting in memo.moved}
            again = sorted({*again, *named})
    failed: set[int] = set()
    for index in range(len(actions)) if again is None else again:
        a = actions[index]
        found = len(c.problems)
        meeting = by_id.get(a.meeting) if by_id is not None else None
        _check_action(c, index, a, meeting, by_id)
        if len(c.problems) != found:
            failed.add(index)
    clean.checked(c.today, context, actions, failed, unique_failed)


def _check_action(
    c: Checker,
    index: int,
    a: Action,
    meeting: Meeting | None,
    by_id: Mapping[str, Meeting] | None,
) -> None:
    """One action's own rules (``meeting`` is the one it names, if known)."""

    def at(field: str, what: str, fix: str) -> None:
        c.at("actions.yaml", ("actions", index, *field.split(".")), what, fix)

    if by_id is not None and meeting is None:
        at("meeting", *references.MEETING.words(a.meeting, ()))
    if meeting is not None and a.raised < meeting.date:
        at(
            "raised",
            f"raised on {a.raised}, before the meeting on {meeting.date}",
            "use the meeting's date or a later one",
        )
    if a.raised > c.today:
        at("raised", f"the date {a.raised} is in the future", "use the date it was raised")
    if a.status is ActionStatus.DONE and a.completed is None:
        rule = cross_field.DONE_NEEDS_COMPLETED
        at(rule.field, rule.what, rule.fix)
    if a.status is ActionStatus.DONE and not a.did:
        rule = cross_field.DONE_NEEDS_DID
        at(rule.field, rule.what, rule.fix)
    if a.completed is not None and a.status is not ActionStatus.DONE:
        at(
            "completed",
            "only a done action has a completed date",
            "remove `completed:`, or set `status: done`",
        )
    if a.completed is not None and not a.raised <= a.completed <= c.today:
        at(
            "completed",
            f"the completed date {a.completed} is before it was raised or in the future",
            "use the date the work was finished",
        )
    if a.status is ActionStatus.NOT_TAKEN_FORWARD and a.status_reason is None:
        at(
            "status",
            "an action not taken forward needs the reason",
            "add `status_reason:` explaining why, in a sentence",
        )
    c.remit(at, "remit", a.remit, a.owner, "owner")
    previous, after = a.raised, "the date it was raised"
    for u_index, update in enumerate(a.updates):
        field = f"updates.{u_index}.date"
        if update.date > c.today:
            at(
                field,
                f"the update date {update.date} is in the future (today is {c.today}): "
                "an update says what has already happened",
                "use the date it happened (or today's); to say what is planned, write the "
                "plan in the text of today's update",
            )
        elif update.date < previous:
            at(
                field,
                f"the update date {update.date} is before {after} ({previous})",
                "list updates oldest first, each dated on or after the one above it",
            )
        if update.date > previous:
            previous, after = update.date, "the update above it"
