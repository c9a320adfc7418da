"""Mistakes that used to pass silently are refused, each with its message verbatim (issue 22)."""

from __future__ import annotations

from pathlib import Path

from fixturedata import FIXTURE_TODAY
from fixturedata import problems_said as _said


def test_a_partner_name_on_a_partner_that_has_one(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "meetings.yaml",
        "          remit: british-transport-police\n",
        "          remit: british-transport-police\n          partner: British Transport Police\n",
    ) == [
        "meetings[riverside-2024-11].record.topics.2.partner: `british-transport-police` already "
        "names British Transport Police; `partner:` is only for the catch-all partner — remove the "
        "line `partner: British Transport Police`"
    ]


def test_done_without_saying_what_was_done(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "actions.yaml",
        "    did: Officers ran three patrols at the busiest times and spoke to 40 cyclists.\n",
        "",
    ) == [
        "actions[riverside-2024-11-cycling].status: a done action does not say what was done: "
        "residents would read “Nothing to report yet” — add `did:` with what was done, in a sentence"
    ]


def test_a_when_note_that_does_not_give_the_day(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "engagement.yaml",
        "    date: 2024-10-03\n",
        "    date: 2024-10-03\n    when_note: 212 phones marked, 40 people reached\n",
    ) == [
        "events[2024-10-college-talk].when_note: `when_note:` replaces the date on the page, and "
        "“212 phones marked, 40 people reached” does not give 3 October — remove `when_note:` (the "
        "page then shows the date), or write in it how the source gives this same day; counts "
        "of what the event achieved go under `outcomes:` (each with `name:`, `count:` and "
        "`unit:`)"
    ]


def test_a_when_note_that_words_the_same_day_is_kept(tmp_path: Path) -> None:
    from fixturedata import fixture_copy

    from generator.load import dataset

    data = fixture_copy(tmp_path)
    events = data / "engagement.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(
        text.replace("    date: 2024-10-03\n", "    date: 2024-10-03\n    when_note: 3 Oct\n", 1),
        encoding="utf-8",
    )
    assert dataset.load(data, today=FIXTURE_TODAY).events
