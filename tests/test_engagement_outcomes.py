"""What an engagement event achieved (issue 22 item 4): `outcomes:` with a name, a count and a
unit, refused with a message that says what to write when one is wrong, shown on /engagement/
and published in open data.

Messages are asserted verbatim, without the file:line:column their editor jumps to.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fixturedata import fixture_copy, rendered
from fixturedata import problems_said as _said

FIRST = "events[2024-09-river-fair], the 1st outcome"
COUNT = "        count: 212\n"


def test_a_count_below_zero(tmp_path: Path) -> None:
    assert _said(tmp_path, "engagement.yaml", COUNT, "        count: -3\n") == [
        f"{FIRST}, count: `-3` is below zero — a count is 0 or more: write digits only, e.g. 12"
    ]


def test_a_count_that_is_not_a_whole_number(tmp_path: Path) -> None:
    assert _said(tmp_path, "engagement.yaml", COUNT, "        count: 2.5\n") == [
        f"{FIRST}, count: `2.5` is not a whole number — write digits only, e.g. 12"
    ]


def test_a_count_in_words(tmp_path: Path) -> None:
    assert _said(tmp_path, "engagement.yaml", COUNT, "        count: about 200\n") == [
        f"{FIRST}, count: `about 200` is not a whole number — write digits only, e.g. 12"
    ]


def test_a_missing_unit(tmp_path: Path) -> None:
    assert _said(tmp_path, "engagement.yaml", COUNT + "        unit: phones\n", COUNT) == [
        f"{FIRST}: `unit` is missing (What one of them is, e.g. `phones` or `people`) — add a "
        "`unit:` line"
    ]


def test_a_missing_count(tmp_path: Path) -> None:
    name = "      - name: Phones marked\n"
    assert _said(tmp_path, "engagement.yaml", name + COUNT, name) == [
        f"{FIRST}: `count` is missing (How many, a whole number, e.g. 212) — add a `count:` line"
    ]


def test_an_empty_unit(tmp_path: Path) -> None:
    assert _said(tmp_path, "engagement.yaml", "        unit: phones\n", '        unit: ""\n') == [
        f"{FIRST}, unit: no value is given — write the value after the colon, or remove the line"
    ]


def test_the_same_outcome_given_twice(tmp_path: Path) -> None:
    assert _said(
        tmp_path,
        "engagement.yaml",
        "      - name: People reached\n",
        "      - name: phones marked\n",
    ) == [
        "events[2024-09-river-fair], the 2nd outcome, name: the outcome “phones marked” is given "
        "twice — give each count once, or name the two counts differently"
    ]


def test_figures_as_one_line_say_how_to_write_the_list(tmp_path: Path) -> None:
    block = (
        "    outcomes:\n      - name: Phones marked\n        count: 212\n        unit: phones\n"
        "      - name: People reached\n        count: 40\n        unit: people\n"
    )
    assert _said(tmp_path, "engagement.yaml", block, "    outcomes: 212 phones marked\n") == [
        "events[2024-09-river-fair].outcomes: `outcomes:` holds a list, not a single value — "
        "write `outcomes:` alone on its line, then each item on a line below it starting `- `, "
        "e.g. `- 212 phones marked`"
    ]


def test_the_engagement_page_shows_what_each_event_achieved(tmp_path: Path) -> None:
    page = rendered(fixture_copy(tmp_path))["engagement/index.md"]
    assert '<th scope="col">What it achieved</th>' in page
    assert (
        '<td><ul class="cp-outcomes"><li>Phones marked: 212 phones</li>'
        "<li>People reached: 40 people</li></ul></td></tr>"
    ) in page
    assert '<tr id="2024-10-safety-month">' in page
    safety_month = page.split('<tr id="2024-10-safety-month">')[1].split("</tr>")[0]
    assert safety_month.endswith("<td>Not counted</td>")


def test_without_outcomes_the_page_has_no_such_column(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    events = data / "engagement.yaml"
    text = events.read_text(encoding="utf-8")
    start = text.index("    outcomes:\n")
    end = text.index("  - id: 2024-10-safety-month")
    events.write_text(text[:start] + text[end:], encoding="utf-8")
    page = rendered(data)["engagement/index.md"]
    assert "What it achieved" not in page and "Not counted" not in page


def test_an_outcome_is_escaped_on_the_page(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    events = data / "engagement.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("unit: phones", 'unit: "<b>phones</b>"'), encoding="utf-8")
    page = rendered(data)["engagement/index.md"]
    assert "212 &lt;b&gt;phones&lt;/b&gt;" in page and "<b>phones" not in page


def test_open_data_lists_each_outcome(tmp_path: Path) -> None:
    out = rendered(fixture_copy(tmp_path))
    rows = list(csv.DictReader(io.StringIO(out["data/engagement_outcomes.csv"], newline="")))
    assert rows == [
        {
            "event": "2024-09-river-fair",
            "outcome": "Phones marked",
            "count": "212",
            "unit": "phones",
        },
        {
            "event": "2024-09-river-fair",
            "outcome": "People reached",
            "count": "40",
            "unit": "people",
        },
    ]
    assert json.loads(out["data/engagement_outcomes.json"])[0]["count"] == 212
    package = json.loads(out["data/datapackage.json"])
    resource = next(r for r in package["resources"] if r["name"] == "engagement_outcomes")
    assert resource["schema"]["foreignKeys"] == [
        {"fields": ["event"], "reference": {"fields": ["id"], "resource": "engagement"}}
    ]
    assert [f["name"] for f in resource["schema"]["fields"]] == [
        "event",
        "outcome",
        "count",
        "unit",
    ]
    assert "what they achieved" in package["description"]
