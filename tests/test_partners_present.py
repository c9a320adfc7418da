"""Which partners came to a meeting (issue 22 item 4): the mistakes staff make writing it, each
refused with a message that says what to write, and where residents and open data read it.

Messages are asserted verbatim, without the file:line:column their editor jumps to.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fixturedata import fixture_copy, rendered
from fixturedata import problems_said as _said
from metricsfixture import load

from generator.metrics import derive
from generator.metrics.page import render_page

ONLINE = "        online: 9\n"
"""The last attendance line of the fixture's one meeting with a record, riverside-2024-11."""
LIST = "[british-transport-police, northvale-environment]"
WHERE = "meetings[riverside-2024-11].record, the 1st item of `partners_present`: "


def _present(tmp_path: Path, new: str) -> list[str]:
    return _said(tmp_path, "meetings.yaml", ONLINE, f"{ONLINE}      partners_present: {new}\n")


def test_an_unknown_id_lists_the_ids_to_use(tmp_path: Path) -> None:
    assert _present(tmp_path, "[transport-police]") == [
        WHERE + "`transport-police` is not the id of a partner or department in publisher.yaml "
        "— use one of: northvale-council, northvale-environment, northvale-housing, "
        "british-transport-police, northvale-community-safety; or add it under `partners:` in "
        "publisher.yaml first (with `attends_only: true` if nothing is ever its responsibility)"
    ]


def test_a_partners_name_gives_its_id(tmp_path: Path) -> None:
    assert _present(tmp_path, "[British Transport Police]") == [
        WHERE + "`British Transport Police` is a name; `partners_present:` lists ids — write "
        "`british-transport-police`"
    ]


def test_a_departments_name_gives_its_id(tmp_path: Path) -> None:
    assert _present(tmp_path, "[environment services]") == [
        WHERE + "`environment services` is a name; `partners_present:` lists ids — write "
        "`northvale-environment`"
    ]


def test_the_force_itself_is_not_a_partner_present(tmp_path: Path) -> None:
    assert _present(tmp_path, "[northvale-police]") == [
        WHERE + "`northvale-police` is the force that runs the meeting; `partners_present:` "
        "lists the other organisations that came — remove `northvale-police` from the list"
    ]


def test_the_catch_all_partner_names_no_one(tmp_path: Path) -> None:
    assert _present(tmp_path, "[other-partner]") == [
        WHERE + "`other-partner` is the catch-all partner, which names no one — write the id of "
        "the partner that came; if it is not in publisher.yaml, add it under `partners:` there "
        "(with `attends_only: true` if nothing is ever its responsibility)"
    ]


def test_a_partner_listed_twice(tmp_path: Path) -> None:
    assert _present(tmp_path, "[british-transport-police, british-transport-police]") == [
        "meetings[riverside-2024-11].record, the 2nd item of `partners_present`: "
        "`british-transport-police` is listed twice — list each partner once"
    ]


def test_one_partner_without_the_list_says_how_to_write_a_list(tmp_path: Path) -> None:
    assert _present(tmp_path, "british-transport-police") == [
        "meetings[riverside-2024-11].record.partners_present: `partners_present:` holds a list, "
        "not a single value — write `partners_present:` alone on its line, then each item on a "
        "line below it starting `- `, e.g. `- british-transport-police`"
    ]


def test_a_meeting_that_did_not_take_place_has_no_partners_present(tmp_path: Path) -> None:
    reason = "    status_reason: The library was closed for repairs.\n"
    assert _said(
        tmp_path,
        "meetings.yaml",
        reason,
        reason + "    record:\n      partners_present: [british-transport-police]\n",
    ) == [
        "meetings[hilltop-2025-02].record.partners_present: the meeting did not take place, so "
        "no partner was present — remove `partners_present:`"
    ]


def test_a_department_id_used_twice_in_publisher_yaml(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "publisher.yaml",
        "      - id: northvale-housing\n",
        "      - id: northvale-environment\n",
    ) == [
        "partners[northvale-council].departments[northvale-environment].id: the id "
        "`northvale-environment` is used twice (first at line 18) — give each partner and "
        "department its own id"
    ]


def test_a_partner_that_only_attends_is_never_a_remit(tmp_path: Path) -> None:
    lane = "        - topic: Street lighting on Lantern Lane\n"
    assert _said(
        tmp_path,
        "meetings.yaml",
        lane + "          remit: northvale-council\n",
        lane + "          remit: northvale-community-safety\n",
    ) == [
        "meetings[riverside-2024-11].record.topics.1.remit: `northvale-community-safety` is "
        "marked `attends_only: true` in publisher.yaml, so nothing is its responsibility — use "
        "one of: northvale-police, northvale-council, british-transport-police, other-partner; "
        "or remove `attends_only:` from that partner"
    ]


def _edited(tmp_path: Path, present: str | None) -> dict[str, str]:
    """Every output, with riverside-2024-11's `partners_present:` (left out when None)."""
    data = fixture_copy(tmp_path)
    if present is not None:
        meetings = data / "meetings.yaml"
        text = meetings.read_text(encoding="utf-8")
        line = f"{ONLINE}      partners_present: {present}\n"
        meetings.write_text(text.replace(ONLINE, line, 1), encoding="utf-8")
    return rendered(data)


def test_the_meeting_page_lists_the_partners_with_their_departments(tmp_path: Path) -> None:
    page = _edited(tmp_path, LIST)["meetings/riverside-2024-11/index.md"]
    assert (
        "<p>Partners present besides the Northvale Police:</p>\n<ul>\n"
        "<li>Northvale Borough Council (Environment Services)</li>\n"
        "<li>British Transport Police</li>\n</ul>"
    ) in page


def test_none_came_and_not_recorded_read_differently(tmp_path: Path) -> None:
    none = _edited(tmp_path / "none", "[]")
    unknown = _edited(tmp_path / "unknown", None)
    page = "meetings/riverside-2024-11/index.md"
    assert "<p>No partner came besides the Northvale Police.</p>" in none[page]
    assert "<p>Which partners came is not yet published.</p>" in unknown[page]
    assert "Partners present besides" not in none[page] + unknown[page]


def test_open_data_lists_each_partner_present(tmp_path: Path) -> None:
    out = _edited(tmp_path, LIST)
    rows = list(csv.DictReader(io.StringIO(out["data/meeting_partners.csv"], newline="")))
    assert [(r["meeting"], r["partner"], r["department"]) for r in rows] == [
        ("riverside-2024-11", "northvale-council", "northvale-environment"),
        ("riverside-2024-11", "british-transport-police", ""),
    ]
    assert rows[0]["department_name"] == "Environment Services"
    assert json.loads(out["data/meeting_partners.json"])[1] == {
        "meeting": "riverside-2024-11",
        "partner": "british-transport-police",
        "partner_name": "British Transport Police",
        "department": None,
        "department_name": None,
    }
    meetings = {r["id"]: r for r in csv.DictReader(io.StringIO(out["data/meetings.csv"]))}
    assert meetings["riverside-2024-11"]["partners_present"] == "2"
    assert meetings["hilltop-2025-02"]["partners_present"] == ""
    package = json.loads(out["data/datapackage.json"])
    resource = next(r for r in package["resources"] if r["name"] == "meeting_partners")
    assert resource["schema"]["foreignKeys"][0]["reference"]["resource"] == "meetings"


def test_the_metrics_page_counts_meetings_with_a_partner_present() -> None:
    data = load()
    figures = derive.partners_present(data)
    # Three panel meetings held; two records say who came: one with partners, one with none.
    assert (figures.held, figures.recorded, figures.with_partner) == (3, 2, 1)
    # The force is never its own partner; a department counts for its council.
    assert [(t.key, t.count) for t in figures.by_partner] == [
        ("northvale-council", 1),
        ("british-transport-police", 1),
        ("northvale-community-safety", 1),
    ]
    page = render_page(data)
    panel = data.publisher.wording.panel
    assert (
        f"<p>Meetings with a partner present: <strong>1 of 2</strong> {panel} meetings held "
        "whose record says which partners came (3 held in all).</p>"
    ) in page
