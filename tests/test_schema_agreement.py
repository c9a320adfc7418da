"""Editor and checker agree: the JSON Schemas over the bad-input corpus and the fixture data.

Whatever ``check`` accepts, the schema accepts (editors must not mark good data red), and
whatever ``check`` rejects, the schema rejects too, except for the rules listed in
``CHECK_ONLY`` with the reason JSON Schema cannot hold them. The list is exact, so a rule
that moves into the schema (or a schema that loosens) fails this test until it is updated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.validators import validator_for
from test_bad_inputs import FILE_CASES, parse_case

from generator.load import yaml_strict
from generator.load.errors import DataError
from generator.load.validate import validate
from generator.models.files import DATA_FILES
from generator.review import schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = sorted((ROOT / "tests" / "fixtures").glob("*/data/*.yaml"))

CHECK_ONLY = {
    "clock_change_hour": "the hour the clocks skip depends on the date: a time-zone rule",
    "control_characters": "invisible characters are refused by the loader on every text field",
    "duplicate_ids": "ids unique across a list: JSON Schema has uniqueItems for whole items only",
    "end_before_start": "comparing two times is not something JSON Schema can express",
    "unknown_meeting": "a reference to another file (only the ids schema ./run check writes has it)",
    "unknown_references": "references to other files (only the ids schema ./run check writes)",
    "unknown_remit": "remits come from publisher.yaml, another file",
    "unquoted_time_in_text": "YAML 1.2 editors read 18:30 as text: only YAML 1.1 tools misread it",
    "yes_no_on_in_text": "YAML 1.2 editors read yes/no/on as text: only YAML 1.1 tools misread it",
}


def _errors(data_file: str, tree: Any) -> list[str]:
    document = json.loads((ROOT / "schemas" / schema.schema_name(data_file)).read_text())
    validator = validator_for(document)(document)
    return [e.message for e in validator.iter_errors(schema.as_editor_reads(tree))]


@pytest.mark.parametrize("path", FIXTURE_DATA, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_data_check_accepts_is_valid_for_the_editor(path: Path) -> None:
    assert _errors(path.name, yaml_strict.read(path).value) == []


def _parsed_cases() -> list[Path]:
    cases = []
    for case in FILE_CASES:
        try:
            yaml_strict.read(case)
        except DataError:  # not YAML the strict loader reads: editors show their own error
            continue
        cases.append(case)
    return cases


@pytest.mark.parametrize("case", _parsed_cases(), ids=lambda p: p.stem)
def test_schema_rejects_what_check_rejects(case: Path) -> None:
    replaces, _ = parse_case(case)
    errors = _errors(replaces, yaml_strict.read(case).value)
    if case.stem in CHECK_ONLY:
        assert errors == [], f"the schema now holds this rule: remove {case.stem} from CHECK_ONLY"
    else:
        assert errors != []


def test_cross_field_rules_in_the_schema() -> None:
    meeting = {"id": "north-2030-03", "date": "2030-03-05", "start": "13:00"}
    file = "meetings.yaml"
    assert _errors(file, {"meetings": [{**meeting, "format": "online"}]}) == []
    assert _errors(file, {"meetings": [{**meeting, "format": "online", "venue": "hall"}]}) != []
    assert _errors(file, {"meetings": [{**meeting, "format": "hybrid"}]}) != []
    cancelled = {**meeting, "format": "online", "status": "cancelled"}
    assert _errors(file, {"meetings": [cancelled]}) == ["False schema does not allow 'cancelled'"]
    assert _errors(file, {"meetings": [{**cancelled, "status_reason": "Flooded."}]}) == []


# Values people type, beyond the corpus: (file, entry, whether check accepts it). The schema
# must agree, except where CHECK_ONLY_VALUES says why it cannot.
EDGE_VALUES = {
    "quoted whole number": (
        "metrics.yaml",
        {"values": [{"quarter": "2025-Q1", "value": "12"}]},
        True,
    ),
    "exponent": ("metrics.yaml", {"values": [{"quarter": "2025-Q1", "value": "1e3"}]}, False),
    "decimal": ("metrics.yaml", {"values": [{"quarter": "2025-Q1", "value": "72.5"}]}, True),
    "link with a space": ("clusters.yaml", {"questionnaire_url": "https://example.org/a b"}, False),
    "link": ("clusters.yaml", {"questionnaire_url": "https://example.org/a"}, True),
    "phone in words": ("clusters.yaml", {"contact": {"phone": "call us"}}, False),
    "phone": ("clusters.yaml", {"contact": {"phone": "020 7946 0000"}}, True),
    "quoted boolean": ("venues.yaml", {"access": {"step_free": "true"}}, True),
    "yes for a boolean": ("venues.yaml", {"access": {"step_free": "yes"}}, False),
    "review line": ("clusters.yaml", {"reviewed_personal_data": "pd-aa512aa843"}, True),
    "shortened review line": ("clusters.yaml", {"reviewed_personal_data": "pd-aa512aa8"}, False),
    "review line from before fingerprints": ("venues.yaml", {"reviewed_personal_data": True}, True),
    "officer's review line": (
        "clusters.yaml",
        {"officers": [{"name": "PC Jo Bloggs", "reviewed_personal_data": "pd-aa512aa843"}]},
        True,
    ),
}
BASE = {
    "metrics.yaml": {
        "metrics": [{"id": "a", "wording": "W", "unit": "meetings", "first_quarter": "2025-Q1"}]
    },
    "clusters.yaml": {"clusters": [{"id": "north", "name": "North"}]},
    "venues.yaml": {"venues": [{"id": "hall", "name": "Hall", "address": {"lines": ["1 Road"]}}]},
}


def _merge(file: str, entry: dict[str, Any]) -> dict[str, Any]:
    key = next(iter(BASE[file]))
    return {key: [{**BASE[file][key][0], **entry}]}


@pytest.mark.parametrize("name", sorted(EDGE_VALUES))
def test_editor_and_checker_agree_on_values_people_type(name: str) -> None:
    file, entry, accepted = EDGE_VALUES[name]
    text = yaml.safe_dump(_merge(file, entry), sort_keys=False)  # quoted where staff would quote
    loaded = yaml_strict.parse(text, f"data/{file}")
    assert (_errors(file, loaded.value) == []) is accepted, _errors(file, loaded.value)
    try:
        validate(loaded, DATA_FILES[file])
    except DataError:
        assert not accepted, text
    else:
        assert accepted, text
