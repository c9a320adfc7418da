"""Advisories: each one triggered by a fixture, and not triggered by its near miss."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from clirun import generator
from positions import all_located, located

from generator.load import advisories as warnings
from generator.load import dataset
from generator.load.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "workflow" / "data"
TODAY = date(2030, 3, 1)

BASE_MEETINGS = (FIXTURE / "meetings.yaml").read_text()


def make(tmp_path: Path, **files: str) -> Path:
    """A copy of the fixture data with some files replaced (``meetings_yaml="..."``)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    for name, text in files.items():
        (data / name.replace("_yaml", ".yaml").replace("_", "-")).write_text(text)
    return data


def advisories(data: Path) -> list[str]:
    """The advisories of ``data``, each position read as the text there."""
    loaded = dataset.load(data, today=TODAY, label="data")
    found = [
        ("BLOCKING " if a.blocking else "") + str(a.problem) for a in warnings.advisories(loaded)
    ]
    return all_located(found, data.parent)


def meeting(text: str) -> str:
    return BASE_MEETINGS + text


ONLINE_LATER = """
  - id: north-2030-03
    panel: north
    date: 2030-03-20
    start: 18:00
    format: online
"""


def test_the_fixture_has_no_advisories(tmp_path: Path) -> None:
    assert advisories(make(tmp_path)) == []


def test_online_meeting_beyond_seven_days_without_link_warns(tmp_path: Path) -> None:
    assert advisories(make(tmp_path, meetings_yaml=meeting(ONLINE_LATER))) == [
        "data/meetings.yaml at `online`: meetings[north-2030-03].format: the online meeting on Wednesday 20 March "
        "2030 has no joining link yet — add `online:` with `teams_url:` from the Teams invitation "
        "(from 7 days before the meeting this stops publishing)"
    ]


def test_online_meeting_with_link_or_cancelled_does_not_warn(tmp_path: Path) -> None:
    linked = ONLINE_LATER + "    online:\n      teams_url: https://teams.microsoft.com/meet/123\n"
    assert advisories(make(tmp_path / "a", meetings_yaml=meeting(linked))) == []
    cancelled = (
        ONLINE_LATER
        + "    status: cancelled\n    status_reason: Fictional.\n    revision: 1\n    revised: 2030-02-25\n"
    )
    assert advisories(make(tmp_path / "b", meetings_yaml=meeting(cancelled))) == []


def test_within_seven_days_it_is_an_error_not_a_warning(tmp_path: Path) -> None:
    soon = ONLINE_LATER.replace("2030-03-20", "2030-03-06")
    with pytest.raises(DataError) as raised:
        dataset.load(make(tmp_path, meetings_yaml=meeting(soon)), today=TODAY, label="data")
    assert all_located(raised.value.lines(), tmp_path) == [
        "data/meetings.yaml at `online`: meetings[north-2030-03].format: the online meeting is within 7 days "
        "and has no joining link — add `online:` with `teams_url:` from the Teams invitation"
    ]


SAME_DAY = """
  - id: north-2030-03
    panel: north
    date: 2030-03-05
    start: 18:30
    format: in-person
    venue: town-hall
"""


def test_two_meetings_on_one_day_warn_once(tmp_path: Path) -> None:
    assert advisories(make(tmp_path, meetings_yaml=meeting(SAME_DAY))) == [
        "data/meetings.yaml at the 2nd `2030-03-05`: meetings[north-2030-03].date: another meeting is on Tuesday 5 March "
        "2030: Southwark Bridge cluster panel at 1pm — people who follow both cannot attend both: "
        "choose another day if you can"
    ]


def test_meetings_on_different_days_or_cancelled_do_not_clash(tmp_path: Path) -> None:
    other_day = SAME_DAY.replace("2030-03-05", "2030-03-06")
    assert advisories(make(tmp_path / "a", meetings_yaml=meeting(other_day))) == []
    called_off = (
        SAME_DAY
        + "    status: cancelled\n    status_reason: Fictional.\n    revision: 1\n    revised: 2030-02-25\n"
    )
    assert advisories(make(tmp_path / "b", meetings_yaml=meeting(called_off))) == []


def test_meeting_on_a_civic_date_warns(tmp_path: Path) -> None:
    civic = "civic_dates:\n  - date: 2030-03-05\n    title: Fictional ward elections\n"
    assert advisories(make(tmp_path, civic_dates_yaml=civic)) == [
        "data/meetings.yaml at `2030-03-05`: meetings[south-2030-03].date: Tuesday 5 March 2030 is also Fictional "
        "ward elections (data/civic-dates.yaml) — people who attend both cannot: choose another day if you can"
    ]


def test_civic_date_on_another_day_does_not_warn(tmp_path: Path) -> None:
    civic = "civic_dates:\n  - date: 2030-03-04\n    title: Fictional ward elections\n"
    assert advisories(make(tmp_path, civic_dates_yaml=civic)) == []


def test_missing_civic_dates_file_reads_as_empty(tmp_path: Path) -> None:
    data = make(tmp_path)
    (data / "civic-dates.yaml").unlink()
    assert dataset.load(data, today=TODAY).civic_dates == ()


HELD = """
  - id: north-2030-01
    panel: north
    date: 2030-02-01
    start: 18:30
    format: in-person
    venue: town-hall
"""


def test_held_meeting_without_record_after_14_days_warns(tmp_path: Path) -> None:
    assert advisories(make(tmp_path, meetings_yaml=meeting(HELD))) == [
        "data/meetings.yaml at `id: north-2030-01`: meetings[north-2030-01]: the meeting was 28 days ago and has no "
        "attendance or topics recorded — add `record:` with `attendance:` and `topics:` (see the staff guide)"
    ]


def test_partly_recorded_meeting_names_what_is_missing(tmp_path: Path) -> None:
    partial = HELD + "    record:\n      attendance:\n        in_person: 14\n"
    assert advisories(make(tmp_path, meetings_yaml=meeting(partial))) == [
        "data/meetings.yaml at the 2nd `attendance:`: meetings[north-2030-01].record: the meeting was 28 days ago and has no "
        "topics recorded — add `record:` with `attendance:` and `topics:` (see the staff guide)"
    ]


def test_recorded_or_recent_meeting_does_not_warn(tmp_path: Path) -> None:
    recorded = HELD + (
        "    record:\n      attendance:\n        in_person: 14\n"
        "      topics:\n        - topic: Cycling on pavements\n          remit: northvale-police\n"
    )
    assert advisories(make(tmp_path / "a", meetings_yaml=meeting(recorded))) == []
    fourteen_days = HELD.replace("2030-02-01", "2030-02-15")
    assert advisories(make(tmp_path / "b", meetings_yaml=meeting(fourteen_days))) == []


STALE = """
  - id: north-2030-02-lights
    meeting: north-2030-02
    said: The street lights on the fictional lane are out.
    remit: northvale-council
    raised: 2030-02-20
    status: in-progress
    updates:
      - date: 2030-02-21
        text: Reported to the fictional highways team.
"""


def test_open_action_without_update_for_90_days_warns(tmp_path: Path) -> None:
    actions = (FIXTURE / "actions.yaml").read_text() + STALE
    actions = actions.replace("raised: 2030-02-20", "raised: 2029-11-20").replace(
        "2030-02-21", "2029-11-21"
    )
    assert advisories(
        make(
            tmp_path,
            actions_yaml=actions,
            meetings_yaml=BASE_MEETINGS.replace("2030-02-20", "2029-11-20"),
        )
    ) == [
        "data/actions.yaml at `id: north-2030-02-bikes`: actions[north-2030-02-bikes].status: the action is open and was raised "
        "101 days ago (20 November 2029) — add a dated entry under `updates:` saying where it stands, or close it",
        "data/actions.yaml at `- date: 2029-11-21`: actions[north-2030-02-lights].updates: the action is in-progress and was "
        "last updated 100 days ago (21 November 2029) — add a dated entry under `updates:` saying where it "
        "stands, or close it",
    ]


def test_recent_or_closed_actions_do_not_warn(tmp_path: Path) -> None:
    actions = (FIXTURE / "actions.yaml").read_text() + STALE
    assert advisories(make(tmp_path / "a", actions_yaml=actions)) == []
    done = actions.replace(
        "status: in-progress",
        "status: done\n    did: Fictional lights were mended.\n    completed: 2030-02-22",
    )
    old = done.replace("raised: 2030-02-20", "raised: 2029-11-20").replace("2030-02-2", "2029-11-2")
    old = old.replace(
        "    raised: 2029-11-20\n",
        "    raised: 2029-11-20\n    status: not-taken-forward\n"
        "    status_reason: Fictional reason.\n",
        1,
    )
    assert (
        advisories(
            make(
                tmp_path / "b",
                actions_yaml=old,
                meetings_yaml=BASE_MEETINGS.replace("2030-02-20", "2029-11-20"),
            )
        )
        == []
    )


PERSONAL = """
  - id: north-2030-02-parking
    meeting: north-2030-02
    said: Call me on 07700 900123 about the car AB12 CDE outside 12 Acacia Avenue.
    remit: northvale-police
    raised: 2030-02-20
"""


def test_personal_data_in_an_action_blocks(tmp_path: Path) -> None:
    actions = (FIXTURE / "actions.yaml").read_text() + PERSONAL
    fix = (
        "remove it; if it is meant to be public, add the line "
        "`reviewed_personal_data: pd-7773313a7e` to this entry"
    )
    where = (
        "data/actions.yaml at `Call me on 07700 900123 about the car AB12 CDE outside 12 Ac…`: "
        "actions[north-2030-02-parking].said: this looks like personal data:"
    )
    assert advisories(make(tmp_path, actions_yaml=actions)) == [
        f"BLOCKING {where} a house number and street (`12 Acacia Avenue`) — {fix}",
        f"BLOCKING {where} a phone number (`07700 900123`) — {fix}",
        f"BLOCKING {where} a vehicle registration (`AB12 CDE`) — {fix}",
    ]


def test_reviewed_entry_and_contact_fields_do_not_block(tmp_path: Path) -> None:
    actions = (
        (FIXTURE / "actions.yaml").read_text()
        + PERSONAL
        + "    reviewed_personal_data: pd-7773313a7e\n"
    )
    # The fixture's officer and panel contacts, venue address and postcode and dial-in number
    # all look like personal data, but those fields are meant to hold it.
    assert advisories(make(tmp_path, actions_yaml=actions)) == []


def test_personal_data_in_meeting_text_blocks(tmp_path: Path) -> None:
    text = BASE_MEETINGS.replace(
        "    venue: town-hall\n",
        "    venue: town-hall\n    room: Ask jo@example.com at reception\n",
        1,
    )
    assert advisories(make(tmp_path, meetings_yaml=text)) == [
        "BLOCKING data/meetings.yaml at `Ask jo@example.com at reception`: meetings[north-2030-02].room: this looks like personal data: "
        "an email address (`jo@example.com`) — remove it; if it is meant to be public, add the "
        "line `reviewed_personal_data: pd-f214fac447` to this entry"
    ]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return generator(*args, cwd=cwd, epoch="1898553600")  # 2030-03-01


def test_check_and_warnings_commands_exit_1_on_personal_data(tmp_path: Path) -> None:
    make(
        tmp_path,
        actions_yaml=(FIXTURE / "actions.yaml").read_text()
        + PERSONAL.replace(
            "Call me on 07700 900123 about the car AB12 CDE outside 12 Acacia Avenue",
            "Email jo@example.com",
        ),
    )
    line = (
        "data/actions.yaml at `Email jo@example.com.`: actions[north-2030-02-parking].said: this looks like personal data: "
        "an email address (`jo@example.com`) — remove it; if it is meant to be public, add the "
        "line `reviewed_personal_data: pd-aea731cc90` to this entry"
    )
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (1, "")
    assert (
        located(checked.stderr, tmp_path) == f"{line}\n1 problem(s) found; nothing was published.\n"
    )
    listed = cli("warnings", cwd=tmp_path)
    assert listed.returncode == 1
    assert (
        located(listed.stdout, tmp_path)
        == f"Blocking (fix these before publishing):\n{line}\n\n1 blocking, 0 warning(s).\n"
    )


def test_a_reference_number_in_a_crime_prevention_note_does_not_block_check(
    tmp_path: Path,
) -> None:
    # A landline-shaped figure introduced as a reference is the reference (tests/corpus/).
    note = "Crime prevention advice given, quote reference 01234 567890 when you report a theft"
    make(
        tmp_path,
        actions_yaml=(FIXTURE / "actions.yaml").read_text()
        + PERSONAL.replace(
            "Call me on 07700 900123 about the car AB12 CDE outside 12 Acacia Avenue", note
        ),
    )
    checked = cli("check", cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (0, "")


def test_warnings_command_exits_0_on_warnings_alone(tmp_path: Path) -> None:
    make(tmp_path, meetings_yaml=meeting(SAME_DAY))
    listed = cli("warnings", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert located(listed.stdout, tmp_path).startswith(
        "Warnings (publishing goes ahead):\ndata/meetings.yaml at the 2nd `2030-03-05`: "
    )
    assert listed.stdout.endswith("\n\n0 blocking, 1 warning(s).\n")
    assert cli("check", cwd=tmp_path).returncode == 0


def test_check_reports_personal_data_together_with_errors(tmp_path: Path) -> None:
    actions = (FIXTURE / "actions.yaml").read_text() + PERSONAL.replace(
        "Call me on 07700 900123 about the car AB12 CDE outside 12 Acacia Avenue",
        "Email jo@example.com",
    ).replace("meeting: north-2030-02", "meeting: north-2031-02")
    make(tmp_path, actions_yaml=actions)
    checked = cli("check", cwd=tmp_path)
    assert checked.returncode == 1
    assert located(checked.stderr, tmp_path).splitlines() == [
        "data/actions.yaml at `north-2031-02`: actions[north-2030-02-parking].meeting: there is no meeting with the "
        "id `north-2031-02` — use the id of a meeting in data/meetings.yaml",
        "data/actions.yaml at `Email jo@example.com.`: actions[north-2030-02-parking].said: this looks like personal data: "
        "an email address (`jo@example.com`) — remove it; if it is meant to be public, add the "
        "line `reviewed_personal_data: pd-aea731cc90` to this entry",
        "2 problem(s) found; nothing was published.",
    ]
    assert cli("warnings", cwd=tmp_path).stderr == checked.stderr.replace(
        "; nothing was published.", "."
    )


def test_meeting_id_whose_panel_part_disagrees_warns(tmp_path: Path) -> None:
    wrong = ONLINE_LATER.replace("id: north-2030-03", "id: south-2030-03b")
    near_miss = ONLINE_LATER + "    online:\n      teams_url: https://teams.microsoft.com/meet/1\n"
    assert advisories(make(tmp_path / "a", meetings_yaml=meeting(near_miss))) == []
    found = advisories(make(tmp_path / "b", meetings_yaml=meeting(wrong)))
    assert found[0] == (
        "data/meetings.yaml at `south-2030-03b`: meetings[south-2030-03b].id: the id `south-2030-03b` does not "
        "start with its panel `north` — check `panel:`; a new meeting's id is `north-` and the "
        "year and month (an id already published stays as it is: it is the meeting's address)"
    )


HARD = (
    "Residents raised concerns regarding antisocial behaviour associated with licensed "
    "premises in the vicinity."
)
PLAIN = "The venue is not available that day because of building works."


@pytest.mark.parametrize("reason", [HARD, PLAIN])
def test_hard_public_text_is_named_but_never_blocks(tmp_path: Path, reason: str) -> None:
    cancelled = ONLINE_LATER + (
        f"    status: cancelled\n    status_reason: {reason} Short one.\n"
        "    revision: 1\n    revised: 2030-02-25\n"
    )
    found = advisories(make(tmp_path, meetings_yaml=meeting(cancelled)))
    if reason == PLAIN:
        assert found == []
        return
    assert found == [
        f"data/meetings.yaml at `Residents raised concerns regarding antisocial behaviour ass…`: meetings[north-2030-03].status_reason: “{HARD}” has a "
        "reading age of about 23; GOV.UK writes for 9 — use shorter sentences and everyday "
        "words (this never blocks)"
    ]


def test_the_readability_score_prints_no_warning_even_with_warnings_shown() -> None:
    code = (
        "from generator.load.readability import reading_age; "
        "print(reading_age('The panel meets in the hall.') > 0)"
    )
    done = subprocess.run(
        [sys.executable, "-W", "default", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "True\n", "")
