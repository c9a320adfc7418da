"""Releasing flagged text: the line a reviewer pastes covers that text as it was reviewed.

Each message gives the exact line to paste; an edit to the reviewed text (or `true`, the old
form of the line) is flagged again with a message saying why. A panel's line never covers its
officers, who are reviewed on their own.
"""

from __future__ import annotations

import re
from pathlib import Path

from positions import all_located
from test_warnings import FIXTURE, PERSONAL, cli, make

from generator.load import yaml_strict
from generator.load.errors import DataError
from generator.load.personal_problems import personal_problems
from generator.load.validate import validate
from generator.models.files import DATA_FILES

ACTION = """\
actions:
  - id: bins
    meeting: north-2030-02
    said: Email jo@example.com about the bins.
    remit: police
    raised: 2030-02-20
"""
FIX = "remove it; if it is meant to be public,"


def problems(text: str, file: str = "data/actions.yaml") -> list[str]:
    """What `check` says about the personal data in one file."""
    found = [str(p) for p in personal_problems({file: yaml_strict.parse(text, file)})]
    return all_located(found, {file: text})


def test_the_message_gives_the_line_to_paste_and_pasting_it_releases_the_entry() -> None:
    assert problems(ACTION) == [
        "data/actions.yaml at `Email jo@example.com about the bins.`: actions[bins].said: this looks like personal data: an email "
        "address (`jo@example.com`) — remove it; if it is meant to be public, add the line "
        "`reviewed_personal_data: pd-aa512aa843` to this entry"
    ]
    assert problems(ACTION + "    reviewed_personal_data: pd-aa512aa843\n") == []


REVIEWED = ACTION + "    reviewed_personal_data: pd-aa512aa843\n"


def test_an_edit_to_the_reviewed_text_is_flagged_again_saying_the_entry_changed() -> None:
    edited = REVIEWED.replace("about the bins.", "about the bins at 12 Acacia Avenue.")
    assert problems(edited) == [
        "data/actions.yaml at `Email jo@example.com about the bins at 12 Acacia Avenue.`: actions[bins].said: this looks like personal data: a house "
        "number and street (`12 Acacia Avenue`), and this entry changed since it was reviewed — "
        "remove it; if it is meant to be public, check this entry again and change its line to "
        "`reviewed_personal_data: pd-10a17b2d25`",
        "data/actions.yaml at `Email jo@example.com about the bins at 12 Acacia Avenue.`: actions[bins].said: this looks like personal data: an email "
        "address (`jo@example.com`), and this entry changed since it was reviewed — remove it; if "
        "it is meant to be public, check this entry again and change its line to "
        "`reviewed_personal_data: pd-10a17b2d25`",
    ]
    assert problems(edited.replace("pd-aa512aa843", "pd-10a17b2d25")) == []


def test_personal_data_added_to_another_field_is_flagged_again() -> None:
    edited = REVIEWED.replace("    remit:", "    did: We rang 07700 900123.\n    remit:")
    assert [p.split(": ", 2)[1] for p in problems(edited)] == [
        "actions[bins].did",
        "actions[bins].said",
    ]


def test_edits_that_leave_the_reviewed_text_alone_keep_the_release() -> None:
    other_fields = REVIEWED.replace("    remit:", "    did: We wrote back.\n    remit:")
    rewrapped = REVIEWED.replace(
        "    said: Email jo@example.com about the bins.\n",
        "    said: >-\n      Email jo@example.com\n      about   the bins.\n",
    )
    assert problems(other_fields) == []
    assert problems(rewrapped) == []


def test_the_old_true_is_not_a_release_and_the_message_gives_the_value_to_use() -> None:
    assert problems(ACTION + "    reviewed_personal_data: true\n") == [
        "data/actions.yaml at `Email jo@example.com about the bins.`: actions[bins].said: this looks like personal data: an email "
        "address (`jo@example.com`), and `reviewed_personal_data: true` does not say which text "
        "was reviewed — remove it; if it is meant to be public, change that line to "
        "`reviewed_personal_data: pd-aa512aa843`"
    ]


def test_a_line_that_is_not_a_fingerprint_is_refused() -> None:
    text = ACTION + "    reviewed_personal_data: pd-aa512aa8\n"
    loaded = yaml_strict.parse(text, "data/actions.yaml")
    try:
        validate(loaded, DATA_FILES["actions.yaml"])
    except DataError as error:
        found = [str(p) for p in error.problems]
        assert all_located(found, {"data/actions.yaml": text}) == [
            "data/actions.yaml at `pd-aa512aa8`: actions[bins].reviewed_personal_data: `pd-aa512aa8` is not "
            "the value a personal-data message gives — paste the whole line from the message, "
            "e.g. reviewed_personal_data: pd-0123456789"
        ]
    else:
        raise AssertionError("a shortened fingerprint was accepted")


PANEL = """\
clusters:
  - id: north
    name: North
    summary: The team meets residents at 3 Andrewes House.
    officers:
      - name: PC Jo Bloggs
        contact:
          email: jo.bloggs@mail.example.org
          phone: "07700 900123"
      - name: PCSO Sam Sample
        contact:
          email: north.dwo@example.police.uk
          phone: "020 7946 0001"
    contact:
      email: north-team@example.police.uk
      phone: "020 7946 0000"
    reviewed_personal_data: pd-1e30a425f4
"""


def test_a_panels_line_does_not_release_its_officers() -> None:
    officer = "data/clusters.yaml at `{}`: clusters[north], the 1st officer, contact.{}: "
    fix = f"{FIX} add the line `reviewed_personal_data: pd-ae56f349d5` to this officer"
    assert problems(PANEL, "data/clusters.yaml") == [
        officer.format("jo.bloggs@mail.example.org", "email")
        + f"this looks like personal data: an email address (`jo.bloggs@mail.example.org`) — {fix}",
        officer.format('"07700 900123"', "phone")
        + f"this looks like personal data: a phone number (`07700 900123`) — {fix}",
    ]


def test_an_officers_own_line_releases_the_officer_and_only_the_officer() -> None:
    released = PANEL.replace(
        '          phone: "07700 900123"\n',
        '          phone: "07700 900123"\n        reviewed_personal_data: pd-ae56f349d5\n',
    )
    assert problems(released, "data/clusters.yaml") == []
    moved = released.replace("reviewed_personal_data: pd-1e30a425f4\n", "").replace(
        "PCSO Sam Sample", "PCSO Sam Sample, 07700 900999"
    )
    assert [p.split(": ", 3)[1:3] for p in problems(moved, "data/clusters.yaml")] == [
        ["clusters[north], the 2nd officer, name", "this looks like personal data"],
        ["clusters[north].summary", "this looks like personal data"],
    ]


def test_a_reviewer_pastes_the_printed_line_as_it_stands_and_check_passes(tmp_path: Path) -> None:
    """The whole loop through `check`, as staff run it: flagged, pasted, edited, pasted again."""
    actions = (FIXTURE / "actions.yaml").read_text() + PERSONAL.replace(
        "Call me on 07700 900123 about the car AB12 CDE outside 12 Acacia Avenue",
        "Email jo@example.com",
    )
    data = make(tmp_path, actions_yaml=actions)

    def pasted_line(why: str) -> str:
        checked = cli("check", cwd=tmp_path)
        assert checked.returncode == 1
        assert why in checked.stderr
        [line] = {
            a or b for a, b in re.findall(r"line to `([^`]+)`|the line `([^`]+)`", checked.stderr)
        }
        return line

    (data / "actions.yaml").write_text(actions + f"    {pasted_line('add the line')}\n")
    assert cli("check", cwd=tmp_path).returncode == 0
    edited = (data / "actions.yaml").read_text().replace("Email jo@", "Email jo.bloggs@")
    (data / "actions.yaml").write_text(edited)
    line = pasted_line("this entry changed since it was reviewed")
    (data / "actions.yaml").write_text(re.sub(r"reviewed_personal_data: \S+", line, edited))
    assert cli("check", cwd=tmp_path).returncode == 0
