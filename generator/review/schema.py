"""JSON Schema for every data file, from the same models that validate it.

Editors (VS Code, github.dev) read these to offer completion and hover help while staff
type. Editors read YAML 1.2 while our checker reads every value as text and decides its
type itself, so the schema is help, not the authority: ``python -m generator check`` is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator.load.located import PlainScalar
from generator.models import references
from generator.models.files import DATA_FILES

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# YAML 1.2 core schema: how an editor types an unquoted scalar.
_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


class _StaffSchema(GenerateJsonSchema):
    """Pydantic's generator, but a left-out field is absent, never ``null``.

    Our checker refuses an empty value (``end:`` with nothing after it), so the schema must
    not offer ``null`` either: optional fields are simply not required.
    """

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        if "default" in json_schema:
            default = _without_nulls(json_schema["default"])
            if default is None:
                del json_schema["default"]
            else:
                json_schema["default"] = default
        return json_schema


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    return value


def schema_name(data_file: str) -> str:
    """``meetings.yaml`` → ``meetings.schema.json``."""
    return data_file.removesuffix(".yaml") + ".schema.json"


def schema_for(data_file: str) -> dict[str, Any]:
    """The JSON Schema of one data file, as a dict."""
    model = DATA_FILES[data_file]
    schema = model.model_json_schema(by_alias=True, schema_generator=_StaffSchema)
    _with_markdown(schema)
    _required_in_checks_words(schema, top=True)
    schema["$schema"] = DIALECT
    schema["$comment"] = (
        "Generated from generator/models by `python -m generator schema --write`; "
        "do not edit. The authoritative check is `python -m generator check`."
    )
    return schema


def _with_markdown(node: Any) -> None:
    """Give every description a ``markdownDescription`` twin, in place.

    The docstrings mark field names and examples with backquotes. Editors show a plain
    ``description`` as text, backquotes and all; VS Code's YAML extension renders
    ``markdownDescription`` instead, so hover help shows them as code.
    """
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            node["markdownDescription"] = node["description"]
        for value in node.values():
            _with_markdown(value)
    elif isinstance(node, list):
        for value in node:
            _with_markdown(value)


def _required_in_checks_words(node: Any, *, top: bool = False) -> None:
    """Word each required field's absence as `check` does, in place.

    yaml-language-server says 'Missing property "name".'; it uses a schema's ``errorMessage``
    instead, but that would word every problem of the node. So each required field gets a
    sub-schema of its own (``allOf``: the same rule) whose only check is that field, with
    `check`'s words. Conditions (``if``) are left alone: they report nothing.
    """
    if isinstance(node, list):
        for value in node:
            _required_in_checks_words(value)
        return
    if not isinstance(node, dict):
        return
    required = node.get("required")
    properties = node.get("properties")
    if isinstance(required, list) and isinstance(properties, dict):
        del node["required"]
        node["allOf"] = [
            {"required": [name], "errorMessage": _missing(name, properties.get(name), top)}
            for name in required
        ] + node.get("allOf", [])
    for key, value in node.items():
        if key != "if":
            _required_in_checks_words(value)


def _missing(name: str, field: Any, top: bool) -> str:
    description = field.get("description") if isinstance(field, dict) else None
    what, fix = (
        references.missing_list(name) if top else references.missing_field(name, description)
    )
    return f"{what} — {fix}"


def render(schema: dict[str, Any]) -> bytes:
    """Deterministic JSON: sorted keys, two-space indent, trailing newline."""
    return (json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def generate() -> dict[str, bytes]:
    """Every schema file's bytes, by file name."""
    return {schema_name(name): render(schema_for(name)) for name in sorted(DATA_FILES)}


def stale(folder: Path) -> list[str]:
    """Schema files in ``folder`` that are missing or differ from the models, by name."""
    return [
        name
        for name, content in generate().items()
        if not (folder / name).is_file() or (folder / name).read_bytes() != content
    ]


def write(folder: Path) -> list[str]:
    """Write every schema that changed into ``folder``; returns the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = stale(folder)
    generated = generate()
    for name in changed:
        (folder / name).write_bytes(generated[name])
    return changed


def as_editor_reads(value: Any) -> Any:
    """A loaded tree typed the way a YAML 1.2 editor types it (for validating against the schema).

    Quoted text stays text; unquoted scalars that YAML 1.1 would retype are typed by the
    1.2 core schema (``13:00`` and ``2024-11-06`` stay text there, ``12`` is a number).
    """
    if isinstance(value, dict):
        return {str(k): as_editor_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_reads(v) for v in value]
    if not isinstance(value, PlainScalar):
        return value
    text = str(value)
    if _NULL.fullmatch(text):
        return None
    if _BOOL.fullmatch(text):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text
