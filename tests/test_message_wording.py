"""Messages that sent staff the wrong way now say what is wrong and what to do (issue 22).

Each mistake is one a member of staff made with only the staff guide; each message is asserted
verbatim, without the file:line:column their editor jumps to.
"""

from __future__ import annotations

from pathlib import Path

from fixturedata import problems_said as _said


def test_an_update_dated_in_the_future_says_so(tmp_path: Path) -> None:
    assert _said(
        tmp_path, "actions.yaml", "      - date: 2025-01-15\n", "      - date: 2025-06-15\n"
    ) == [
        "actions[riverside-2024-11-lighting].updates.0.date: the update date 2025-06-15 is in "
        "the future (today is 2025-03-10): an update says what has already happened — use the "
        "date it happened (or today's); to say what is planned, write the plan in the text of "
        "today's update"
    ]


def test_an_update_before_the_one_above_it_is_out_of_order(tmp_path: Path) -> None:
    assert _said(
        tmp_path, "actions.yaml", "      - date: 2024-12-18\n", "      - date: 2024-11-19\n"
    ) == [
        "actions[riverside-2024-11-cycling].updates.1.date: the update date 2024-11-19 is before "
        "the update above it (2024-11-20) — list updates oldest first, each dated on or after "
        "the one above it"
    ]


def test_an_officers_email_outside_contact_says_where_it_goes(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "clusters.yaml",
        "      - name: PCSO Sam Sample\n",
        "      - name: PCSO Sam Sample\n        email: sam.sample@example.police.uk\n",
    ) == [
        "clusters[riverside], the 2nd officer, email: `email` is not a field here — `email:` "
        "goes under `contact:` (how residents contact this officer): write `contact:` on its "
        "own line and put `email:` below it, indented two more spaces"
    ]


def test_an_officers_phone_beside_their_contact_says_move_it_in(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "clusters.yaml",
        "        wards: [Quay Ward]\n",
        '        wards: [Quay Ward]\n        phone: "020 7946 0002"\n',
    ) == [
        "clusters[riverside], the 1st officer, phone: `phone` is not a field here — `phone:` "
        "goes under `contact:` (how residents contact this officer): move it into the "
        "`contact:` lines, indented two more spaces than `contact:`"
    ]


def test_a_figure_not_yet_reported_says_leave_the_quarter_out(tmp_path: Path) -> None:
    assert _said(
        tmp_path, "metrics.yaml", "        value: 3\n", "        value: not yet reported\n"
    ) == [
        "metrics[a], the 1st value, value: `not yet reported` is not a number — write digits "
        "with an optional decimal point, e.g. 72.5; if it is not reported yet, leave the "
        "quarter out"
    ]


def test_attending_is_explained_not_corrected(tmp_path: Path) -> None:
    assert _said(tmp_path, "meetings.yaml", "      attendance:\n", "      attending:\n") == [
        "meetings[riverside-2024-11].record.attending: `attending` is not a field here — for "
        "how many people came, write `attendance:` with `in_person:` and `online:` below it; "
        "for which partners came, write `partners_present:` with their ids from publisher.yaml"
    ]


def test_one_number_for_attendance_says_what_attendance_holds(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "meetings.yaml",
        "      attendance:\n        in_person: 14\n        online: 9\n",
        "      attendance: 13\n",
    ) == [
        "meetings[riverside-2024-11].record.attendance: `attendance:` holds a group of lines "
        "(in_person, online), not a single value — write `attendance:` alone on its line, then "
        "each of its fields on a line below it, indented two more spaces, e.g. `in_person: 13`"
    ]


def test_the_example_line_is_one_the_value_fits(tmp_path: Path) -> None:
    # A phone number typed as the whole contact: the example is its `phone:` line, not `email:`.
    assert _said(
        tmp_path,
        "clusters.yaml",
        '    contact:\n      email: riverside.cluster@example.police.uk\n      phone: "101"\n',
        '    contact: "101"\n',
    ) == [
        "clusters[riverside].contact: `contact:` holds a group of lines (email, phone, social), "
        "not a single value — write `contact:` alone on its line, then each of its fields on a "
        "line below it, indented two more spaces, e.g. `phone: 101`"
    ]


def test_one_entry_without_its_dash_says_start_it_with_one(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "meetings.yaml",
        "        - topic: Cycling on pavements\n          remit: northvale-police\n"
        "        - topic: Street lighting on Lantern Lane\n          remit: northvale-council\n"
        "        - topic: Anti-social behaviour at Quay station\n"
        "          remit: british-transport-police\n"
        "        - topic: Noise from late-night venues\n          remit: other-partner\n"
        "          partner: Licensing partnership\n",
        "          topic: Cycling on pavements\n          remit: northvale-police\n",
    ) == [
        "meetings[riverside-2024-11].record.topics: `topics:` holds a list, not one group of "
        "lines — start each item with `- `: the first line of each entry begins `- `, lined up "
        "under the others"
    ]
