"""Open-data downloads: valid against their own Frictionless descriptor, safe in spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import frictionless
import pytest
from golden_tree import assert_matches
from metricsfixture import CONFIG, load

from generator.load import dataset as dataset_module
from generator.opendata import csvsafe, render
from generator.render.outputs import Output

REPO = Path(__file__).resolve().parent.parent


def _write(outputs: list[Output], root: Path) -> None:
    for output in outputs:
        path = root / output.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.content)


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return {o.path: o.content for o in render.render(load(), CONFIG)}


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("source", ["fixture", "shipped"])
def test_downloads_validate_against_their_datapackage(source: str, tmp_path: Path) -> None:
    data = (
        load()
        if source == "fixture"
        else dataset_module.load(
            REPO / "tests" / "fixtures" / "city" / "data", today=date(2026, 11, 24)
        )
    )
    _write(list(render.render(data, CONFIG)), tmp_path)
    report = frictionless.validate(str(tmp_path / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_formula_cell_is_neutralised_round_trip() -> None:
    written = csvsafe.write(["said"], [[csvsafe.neutralise('=HYPERLINK("http://x","y")')]])
    assert written == b'said\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n'
    assert next(csv.reader(io.StringIO(written.decode("utf-8"), newline="")), None) == ["said"]
    read = list(csv.reader(io.StringIO(written.decode("utf-8"), newline="")))[1]
    assert read == ['\'=HYPERLINK("http://x","y")']


def test_actions_csv_neutralises_text_only(outputs: dict[str, bytes]) -> None:
    rows = {r["id"]: r for r in _rows(outputs["data/actions.csv"])}
    assert rows["alpha-formula"]["said"] == '\'=HYPERLINK("http://x","y")'
    assert rows["beta-benches"]["said"] == "'-benches attract rough sleeping"
    assert rows["beta-hydrant"]["days_to_done"] == "30"
    assert rows["beta-benches"]["latest_update"] == "2025-06-01"
    # JSON keeps the text exactly as entered.
    actions = {a["id"]: a for a in json.loads(outputs["data/actions.json"])}
    assert actions["alpha-formula"]["said"] == '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("name", ["meetings", "topics", "actions", "engagement", "metrics"])
def test_files_are_crlf_utf8_and_sorted_json(name: str, outputs: dict[str, bytes]) -> None:
    raw_csv = outputs[f"data/{name}.csv"]
    # A byte-order mark first, so spreadsheets read the file as UTF-8 (issue 23).
    assert raw_csv.startswith(b"\xef\xbb\xbf") and not raw_csv.startswith(b"\xef\xbb\xbf" * 2)
    text = raw_csv.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    raw = outputs[f"data/{name}.json"]
    assert raw.endswith(b"]\n")
    for row in json.loads(raw):
        assert list(row) == sorted(row)


def test_metric_values_long_format(outputs: dict[str, bytes]) -> None:
    rows = [
        (r["metric"], r["quarter"], r["status"], r["value"], r["dimension"], r["category"])
        for r in _rows(outputs["data/metrics.csv"])
    ]
    assert rows == [
        ("a", "2025-Q1", "reported", "1", "", ""),
        ("a", "2025-Q2", "reported", "1", "", ""),
        ("b", "2025-Q1", "not yet reported", "", "", ""),
        ("b", "2025-Q2", "reported", "4", "", ""),
        ("g", "2025-Q1", "reported", "52", "Gender", "Female"),
        ("g", "2025-Q1", "reported", "48", "Gender", "Male"),
        ("g", "2025-Q2", "not yet reported", "", "", ""),
        ("i", "2025-Q1", "not yet reported", "", "", ""),
        ("i", "2025-Q2", "reported", "1", "", ""),
    ]


def test_nothing_personal_is_exported(outputs: dict[str, bytes]) -> None:
    headers = {
        h
        for name, content in outputs.items()
        if name.endswith(".csv")
        for h in content.decode("utf-8").split("\r\n", 1)[0].split(",")
    }
    for word in ("officer", "email", "phone", "teams", "passcode", "dial", "name_of", "contact"):
        assert not any(word in h for h in headers), word


def test_meetings_rows(outputs: dict[str, bytes]) -> None:
    rows = {r["id"]: r for r in _rows(outputs["data/meetings.csv"])}
    assert (
        rows["alpha-2025-03"]["held"] == "false" and rows["alpha-2025-03"]["status"] == "cancelled"
    )
    assert rows["alpha-2024-12"]["attendance_in_person"] == "10"
    assert rows["beta-2025-05"]["attendance_in_person"] == ""
    assert rows["alpha-2024-12"]["page_url"] == "https://example.org/panels/meetings/alpha-2024-12/"


def test_data_page_signposts_feeds_and_downloads(outputs: dict[str, bytes]) -> None:
    page = outputs["data/index.md"].decode("utf-8")
    for link in (
        'href="meetings.csv"',
        'href="metrics.json"',
        'href="datapackage.json"',
        'href="webcal://example.org/panels/calendar/all.ics"',
        'href="webcal://example.org/panels/calendar/panels/beta.ics"',
        "<code>https://example.org/panels/calendar/panels/alpha.ics</code>",
        "calendar/meetings/MEETING-ID.ics",
    ):
        assert link in page, link
    assert "a single quote (&#39;)" in page


def test_render_is_deterministic() -> None:
    first = [(o.path, o.content) for o in render.render(load(), CONFIG)]
    assert first == [(o.path, o.content) for o in render.render(load(), CONFIG)]


def test_every_download_matches_its_golden_file(outputs: dict[str, bytes]) -> None:
    assert_matches("opendata", outputs)
