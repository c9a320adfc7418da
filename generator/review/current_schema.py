"""Editor schemas that know the data's current ids, and the workspace file that maps them.

The committed schemas (schemas/) hold for any force's data, so they cannot know which panel,
venue, meeting or partner ids exist: an editor using them accepts ``panel: bnak``. ``./run
check`` and ``./run build`` write a copy of each schema with the ids of the data just checked
(an ``enum`` with `check`'s words) into a git-ignored folder, and a git-ignored VS Code
workspace file whose settings map those copies.

Why a workspace file and not ``.vscode/settings.json``: yaml-language-server validates nothing
at all when a mapped schema file is missing (it shows only "Problems loading reference"), and
a fresh clone or github.dev never ran ``./run check``. The committed settings therefore map
only committed schemas, and the generated ones reach the editor through a file that exists
only once they do. The data files carry no ``# yaml-language-server: $schema=`` line, because
that line overrides every mapping, this one included.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.load.dataset import Dataset
from generator.models import references
from generator.models.files import DATA_FILES
from generator.review import schema

FOLDER = Path(".vscode") / "schemas"
"""Where the copies go, inside the checkout (``.vscode/*`` is git-ignored but settings.json)."""
WORKSPACE = Path("editor.code-workspace")
"""The workspace file (git-ignored) that maps the copies; VS Code offers to open it."""
SETTINGS = Path(".vscode") / "settings.json"

_REFERENCES = (
    ("meetings.yaml", "Meeting", "panel", references.PANEL, "panels"),
    ("meetings.yaml", "Meeting", "venue", references.VENUE, "venues"),
    ("meetings.yaml", "PreviousTime", "venue", references.VENUE, "venues"),
    ("meetings.yaml", "Topic", "remit", references.PARTNER, "partners"),
    ("actions.yaml", "Action", "meeting", references.MEETING, "meetings"),
    ("actions.yaml", "Action", "remit", references.PARTNER, "partners"),
)
"""Fields that name an id from another file: (file, schema definition, field, words, ids)."""


def _ids(data: Dataset) -> dict[str, list[str]]:
    return {
        "panels": sorted(p.id for p in data.panels),
        "venues": sorted(v.id for v in data.venues),
        "meetings": sorted(m.id for m in data.meetings),
        # In publisher.yaml's order, as check lists them.
        "partners": list(data.publisher.remits),
    }


def schema_with_ids(data_file: str, data: Dataset) -> dict[str, Any]:
    """The committed schema of ``data_file``, with each reference limited to the data's ids."""
    result = copy.deepcopy(schema.schema_for(data_file))
    ids = _ids(data)
    for name, definition, field, words, kind in _REFERENCES:
        if name != data_file:
            continue
        node = result["$defs"][definition]["properties"][field]
        # Inside allOf, so the errorMessage words only this rule, not the pattern's.
        node["allOf"] = [{"enum": ids[kind], "errorMessage": words.editor_message(ids[kind])}]
    result["$comment"] = (
        "Written by `./run check` with the ids of the data it checked; not committed. "
        "The committed schema is schemas/" + schema.schema_name(data_file) + "."
    )
    return result


def workspace(settings: dict[str, Any]) -> dict[str, Any]:
    """The workspace file: the committed settings, with yaml.schemas mapping the copies."""
    mapped = {
        f"./{(FOLDER / schema.schema_name(name)).as_posix()}": [f"data/{name}"]
        for name in sorted(DATA_FILES)
    }
    return {"folders": [{"path": "."}], "settings": {**settings, "yaml.schemas": mapped}}


def write(root: Path, data: Dataset) -> list[Path]:
    """Write the copies and the workspace file under ``root`` (a checkout); returns what changed.

    Files are rewritten only when their bytes differ, so an editor watching them reloads only
    when an id came or went.
    """
    settings = json.loads((root / SETTINGS).read_text(encoding="utf-8"))
    wanted = {
        root / FOLDER / schema.schema_name(name): schema.render(schema_with_ids(name, data))
        for name in sorted(DATA_FILES)
    }
    wanted[root / WORKSPACE] = schema.render(workspace(settings))
    changed = [path for path, content in wanted.items() if _differs(path, content)]
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(wanted[path])
    return changed


def _differs(path: Path, content: bytes) -> bool:
    return not path.is_file() or path.read_bytes() != content
