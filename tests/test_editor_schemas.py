"""`check --editor-schemas`: the editor's schemas with the data's current ids, and what maps them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.cli.main import main
from generator.load.dataset import Dataset
from generator.load.publish import load_publishable
from generator.models.files import DATA_FILES
from generator.review import current_schema, schema

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "city" / "data"


def _checkout(tmp_path: Path) -> Path:
    (tmp_path / ".vscode").mkdir()
    shutil.copyfile(ROOT / ".vscode" / "settings.json", tmp_path / ".vscode" / "settings.json")
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


def _check(checkout: Path) -> int:
    return main(["check", "--data", str(checkout / "data"), "--editor-schemas", str(checkout)])


def test_check_writes_schemas_with_the_datas_ids_and_a_workspace_mapping_them(
    tmp_path: Path,
) -> None:
    checkout = _checkout(tmp_path)
    assert _check(checkout) == 0
    meetings = json.loads((checkout / ".vscode/schemas/meetings.schema.json").read_text())
    panel = meetings["$defs"]["Meeting"]["properties"]["panel"]
    assert panel["allOf"] == [
        {
            "enum": ["bank", "barbican", "fenchurch", "fleet", "liverpool-street", "monument"],
            "errorMessage": "there is no panel with this id — use one of the ids in "
            "data/clusters.yaml: bank, barbican, fenchurch, fleet, liverpool-street, monument",
        }
    ]
    # Everything else is the committed schema, so hover and the other checks stay the same.
    del panel["allOf"]
    del meetings["$comment"]
    committed = schema.schema_for("meetings.yaml")
    del committed["$comment"]
    for definition, field in (("Meeting", "venue"), ("PreviousTime", "venue"), ("Topic", "remit")):
        assert "enum" in meetings["$defs"][definition]["properties"][field].pop("allOf")[0]
    assert meetings == committed
    workspace = json.loads((checkout / "editor.code-workspace").read_text())
    settings = json.loads((checkout / ".vscode" / "settings.json").read_text())
    assert workspace["folders"] == [{"path": "."}]
    assert workspace["settings"] == {
        **settings,
        "yaml.schemas": {
            f"./.vscode/schemas/{schema.schema_name(name)}": [f"data/{name}"]
            for name in sorted(DATA_FILES)
        },
    }


def test_a_second_check_rewrites_nothing_and_a_failed_one_writes_nothing(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path)
    assert _check(checkout) == 0
    assert current_schema.write(checkout, _loaded(checkout)) == []
    (checkout / "editor.code-workspace").unlink()
    (checkout / "data" / "meetings.yaml").write_text("meetings: [\n", encoding="utf-8")
    assert _check(checkout) == 1
    assert not (checkout / "editor.code-workspace").exists()


def test_check_without_the_option_writes_no_editor_files(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path)
    assert main(["check", "--data", str(checkout / "data")]) == 0
    assert not (checkout / ".vscode" / "schemas").exists()
    assert not (checkout / "editor.code-workspace").exists()


def _loaded(checkout: Path) -> Dataset:
    return load_publishable(checkout / "data")
