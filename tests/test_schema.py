"""The committed JSON Schemas: current, valid Draft 2020-12, true to the data, wired into editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.load import yaml_strict as yamlstrict
from generator.models.files import DATA_FILES
from generator.review import schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "tests" / "fixtures" / "city" / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "workflow" / "data"


def committed(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / schema.schema_name(name)).read_text())
    return loaded


def test_committed_schemas_match_the_models_byte_for_byte() -> None:
    assert schema.stale(SCHEMAS) == [], (
        "run `python -m generator schema --write` and commit schemas/"
    )
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(schema.generate())


def test_generation_is_deterministic() -> None:
    assert schema.generate() == schema.generate()
    for content in schema.generate().values():
        assert content.endswith(b"}\n")
        assert (
            json.dumps(json.loads(content), sort_keys=True, indent=2, ensure_ascii=False).encode()
            + b"\n"
            == content
        )


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    document = committed(name)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("folder", [DATA, FIXTURE], ids=["shipped", "fixture"])
@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_validates_against_its_schema(folder: Path, name: str) -> None:
    tree = schema.as_editor_reads(yamlstrict.read(folder / name).value)
    errors = sorted(Draft202012Validator(committed(name)).iter_errors(tree), key=str)
    assert [e.message for e in errors] == []


def test_schema_catches_what_staff_get_wrong() -> None:
    text = "meetings:\n  - id: x\n    date: 2030-01-01\n    start: 6pm\n    format: hybird\n    venu: hall\n"
    tree = schema.as_editor_reads(yamlstrict.parse(text, "meetings.yaml").value)
    messages = sorted(
        e.message for e in Draft202012Validator(committed("meetings.yaml")).iter_errors(tree)
    )
    assert messages == [
        "'6pm' does not match '^([01][0-9]|2[0-3]):([0-5][0-9])$'",
        "'hybird' is not one of ['in-person', 'hybrid', 'online']",
        "Additional properties are not allowed ('venu' was unexpected)",
    ]


def test_field_descriptions_come_from_attribute_docstrings() -> None:
    meeting = committed("meetings.yaml")["$defs"]["Meeting"]["properties"]
    assert meeting["revision"]["description"] == (
        "Leave it out: the build numbers calendar changes itself; a typed number is a minimum."
    )
    assert "null" not in json.dumps(committed("meetings.yaml"))


def test_editor_reads_yaml_1_2() -> None:
    tree = yamlstrict.parse(
        'a: 13:00\nb: 2024-11-06\nc: 12\nd: "12"\ne: true\nf: 51.5\ng: no\n', "x.yaml"
    )
    assert schema.as_editor_reads(tree.value) == {
        "a": "13:00",
        "b": "2024-11-06",
        "c": 12,
        "d": "12",
        "e": True,
        "f": 51.5,
        "g": "no",
    }


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_no_data_file_names_its_own_schema(name: str) -> None:
    # A `# yaml-language-server: $schema=` line overrides every mapping, so the editor would
    # never see the schema with the data's current ids that `./run check` writes.
    assert "yaml-language-server:" not in (DATA / name).read_text()


def test_vscode_maps_every_schema_and_recommends_the_yaml_extension() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"] == {
        f"./schemas/{schema.schema_name(name)}": [f"data/{name}"] for name in sorted(DATA_FILES)
    }
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text())
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_pre_commit_runs_check_and_schema_check() -> None:
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert any("generator check" in e or e.startswith("./run check") for e in entries)
    assert any("generator schema --check" in e for e in entries)
