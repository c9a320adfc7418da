"""Every output format escapes staff text for itself: calendars, CSV, JSON, Markdown pages, mailto."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import markdown
import pytest
from fixturedata import FIXTURE_DATA
from positions import all_located

from generator.clock import build_time
from generator.load import dataset
from generator.load.errors import DataError
from generator.load.publish import load_publishable
from generator.render.outputs import SiteConfig
from generator.site import render_all

TODAY = date(2025, 3, 10)
CONFIG = SiteConfig("https://x.example/", "Panels", build_time({"SOURCE_DATE_EPOCH": "1741608000"}))


def edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    if not data.exists():
        shutil.copytree(FIXTURE_DATA, data)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def outputs(data: Path) -> dict[str, bytes]:
    loaded = load_publishable(data, today=TODAY, label="data")
    return {o.path: o.content for o in render_all(loaded, CONFIG)}


def test_a_feed_name_is_escaped_as_text(tmp_path: Path) -> None:
    data = edited(
        tmp_path, "clusters.yaml", "name: Riverside\n", 'name: "Quay, Bridge; Lantern \\\\ Co"\n'
    )
    feed = outputs(data)["calendar/panels/riverside.ics"]
    lines = feed.decode("utf-8").split("\r\n")
    name = next(line for line in lines if line.startswith("NAME:"))
    calname = next(line for line in lines if line.startswith("X-WR-CALNAME:"))
    # RFC 5545 TEXT: comma, semicolon and backslash escaped with a backslash.
    assert name.startswith("NAME:Quay\\, Bridge\\; Lantern \\\\ Co")
    assert name.removeprefix("NAME:") == calname.removeprefix("X-WR-CALNAME:")


@pytest.mark.parametrize(
    ("said", "cell"),
    [
        (
            'Noise; =HYPERLINK("https://evil.example")',
            'Noise; \'=HYPERLINK("https://evil.example")',
        ),
        ("Noise, @SUM(A1:A2)", "Noise, '@SUM(A1:A2)"),
        ("Noise;+1+1", "Noise;'+1+1"),
        ("Noise;-2+3+cmd|' /C calc'!A0", "Noise;'-2+3+cmd|' /C calc'!A0"),
        ("=1+1; =2+2", "'=1+1; '=2+2"),
        ("\uff1d1+1 is a formula in full-width", "'\uff1d1+1 is a formula in full-width"),
        ("Open Mon - Fri; closed at weekends", "Open Mon - Fri; closed at weekends"),
    ],
)
def test_csv_cells_cannot_start_a_formula_in_any_locale(
    tmp_path: Path, said: str, cell: str
) -> None:
    quoted = json.dumps(said, ensure_ascii=False)
    data = edited(
        tmp_path,
        "actions.yaml",
        "said: People cycle fast on the pavement by the river path.",
        f"said: {quoted}",
    )
    table = outputs(data)["data/actions.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert cell in [row["said"] for row in rows]
    # Read as a spreadsheet in a locale that splits on semicolons: no cell is a formula.
    for row in csv.reader(io.StringIO(table, newline=""), delimiter=";"):
        for value in row:
            assert not value.lstrip().startswith(("=", "+", "@", "\uff1d")), value


def test_metrics_json_keeps_every_digit_the_csv_keeps(tmp_path: Path) -> None:
    data = edited(tmp_path, "metrics.yaml", "value: 3", "value: 123456789012.123456")
    files = outputs(data)
    rows = list(
        csv.DictReader(io.StringIO(files["data/metrics.csv"].decode("utf-8-sig"), newline=""))
    )
    [csv_value] = [r["value"] for r in rows if r["value"]]
    records = json.loads(files["data/metrics.json"], parse_float=Decimal)
    [json_value] = [r["value"] for r in records if r["value"] is not None]
    assert csv_value == "123456789012.123456"
    assert json_value == Decimal("123456789012.123456")
    assert b'"value": 123456789012.123456' in files["data/metrics.json"]


def test_text_in_a_written_page_cannot_leave_its_html_block(tmp_path: Path) -> None:
    said = (
        "It is dark by the river.\n\n# Vote for me\n\n[Click here](https://evil.example)\n\n"
        "    indented code"
    )
    data = edited(
        tmp_path,
        "actions.yaml",
        "said: People cycle fast on the pavement by the river path.",
        "said: " + json.dumps(said),
    )
    page = outputs(data)["you-said-we-did/riverside/index.md"].decode("utf-8")
    assert "It is dark by the river." in page
    assert not [n for n, line in enumerate(page.splitlines()) if not line.strip()]
    html = markdown.markdown(page)  # another engine reads the .md as Markdown
    assert "<h1>Vote for me" not in html
    assert 'href="https://evil.example"' not in html
    assert "<pre>" not in html


@pytest.mark.parametrize(
    "email", ["team%0D%0ABcc%3Aall@example.org", "team%0a@example.org", "a%40b@example.org"]
)
def test_an_email_with_encoded_characters_is_refused(tmp_path: Path, email: str) -> None:
    data = edited(
        tmp_path,
        "clusters.yaml",
        "email: riverside.cluster@example.police.uk",
        f"email: {email}",
    )
    with pytest.raises(DataError) as caught:
        dataset.load(data, today=TODAY, label="data")
    assert all_located(caught.value.lines(), tmp_path) == [
        f"data/clusters.yaml at `{email}`: clusters[riverside].contact.email: `{email}` is not an "
        "email address — write it like name@example.police.uk"
    ]
