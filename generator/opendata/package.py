"""The Frictionless Data Package descriptor: a Table Schema for every CSV and JSON download."""

from __future__ import annotations

import json
from typing import Any

from generator.models.publisher import Wording
from generator.opendata.columns import Column
from generator.opendata.tables import Table
from generator.render import urls
from generator.render.outputs import SiteConfig

NEUTRALISED = (
    "Text cells of the CSV files that start with =, +, -, @, a tab or a carriage return "
    "(or the full-width ＝, ＋, －, ＠) are prefixed with a single quote ('), as is any of "
    "these after a comma or semicolon inside a cell, so that spreadsheets show them as text "
    "instead of running them as formulas. The JSON files hold the text unchanged."
)
"""How the CSV files are made safe to open in a spreadsheet; the data page says the same."""


def field(column: Column) -> dict[str, Any]:
    """The Table Schema field for ``column``."""
    described: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.type == "date":
        described["format"] = "default"
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if constraints:
        described["constraints"] = constraints
    return described


def schema(table: Table, *, keys: bool) -> dict[str, Any]:
    """The Table Schema of ``table``; foreign keys only where ``keys`` (the CSV resources).

    The JSON files' objects have sorted keys, so their schemas (``keys`` false) list fields by name.
    """
    columns = table.columns if keys else tuple(sorted(table.columns, key=lambda c: c.name))
    described: dict[str, Any] = {"fields": [field(c) for c in columns], "missingValues": [""]}
    if table.primary_key:
        described["primaryKey"] = list(table.primary_key)
    if keys and table.references:
        described["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": other, "fields": [key]}}
            for column, other, key in table.references
        ]
    return described


BOM = "\ufeff".encode()
"""Starts every CSV file, so spreadsheets read it as UTF-8 (the encoding "utf-8-sig")."""
WITH_BOM = (
    "The file starts with a UTF-8 byte-order mark (encoding utf-8-sig), so spreadsheet "
    "programs read its characters, such as en dashes, right."
)


def _file(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _json_resource(table: Table) -> dict[str, Any]:
    described: dict[str, Any] = {
        "name": f"{table.name}-json",
        "title": f"{table.title} (JSON)",
        "description": table.description
        + " An array of objects, one per row, keyed by column name.",
        "path": _file(urls.download(table.name, "json")),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
    }
    if not table.rows:
        # Frictionless cannot read an empty array as a table, so an empty file is plain JSON.
        described["description"] += (
            f" It is empty for now; rows will have the columns of {table.name}."
        )
        return described | {"profile": "data-resource"}
    return described | {
        "profile": "tabular-data-resource",
        "schema": schema(table, keys=False),
        "dialect": {"json": {"keyed": True, "keys": sorted(c.name for c in table.columns)}},
    }


def descriptor(tables: tuple[Table, ...], config: SiteConfig, words: Wording) -> dict[str, Any]:
    """The whole ``datapackage.json`` as a plain tree (paths relative to the descriptor)."""
    resources = []
    for table in tables:
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description + " " + NEUTRALISED + " " + WITH_BOM,
                "path": _file(urls.download(table.name, "csv")),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "profile": "tabular-data-resource",
                "schema": schema(table, keys=True),
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
            }
        )
        resources.append(_json_resource(table))
    return {
        "profile": "data-package",
        "name": "cluster-panels",
        "title": f"{config.site_name}: open data",
        "description": "Meetings and the partners present at them, topics, "
        + words.log_phrase("'")
        + " actions, engagement events and what they achieved, and "
        "reported measures published on the site. " + NEUTRALISED,
        "homepage": config.url(urls.DATA),
        "resources": resources,
    }


def dumps(tree: Any) -> bytes:
    """JSON as every download writes it: sorted keys, two-space indent, UTF-8, trailing newline."""
    return (json.dumps(tree, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
