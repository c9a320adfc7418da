"""The open-data downloads (CSV, JSON, datapackage.json) and the data page signposting them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from generator.load.dataset import Dataset
from generator.opendata import csvsafe, package
from generator.opendata.tables import Cell, Table, tables
from generator.render import subscribe, templating, urls
from generator.render.outputs import Kind, Output, SiteConfig
from generator.render.urls import href

TITLE = "Open data and calendar feeds"
_EXACT = "\x01"
"""Marks a number's exact digits: staff text never holds control characters, so only ours."""
_MARKED = re.compile(r'"\\u0001(-?[0-9]+\.[0-9]+)"')


def csv_text(value: Cell, *, text: bool) -> str:
    """One CSV cell: empty for missing, true/false, ISO dates, plain numbers; text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, int):
        return str(value)
    return csvsafe.neutralise(value) if text else value


def json_value(value: Cell) -> Any:
    """One JSON value: dates as ISO strings, whole numbers as integers."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        # A float would lose digits the CSV keeps (72.123456789012): marked for json_bytes.
        return (
            int(value) if value == value.to_integral_value() else _EXACT + f"{value.normalize():f}"
        )
    return value


def csv_bytes(table: Table) -> bytes:
    """The table as CSV, formula-like text neutralised, after a UTF-8 byte-order mark.

    Without the mark, Excel and LibreOffice's default import read the file in the computer's
    legacy code page: an en dash became "â€“" (issue 23). The datapackage says "utf-8-sig".
    """
    text = [c.type == "string" for c in table.columns]
    rows = ([csv_text(v, text=t) for v, t in zip(row, text, strict=True)] for row in table.rows)
    return package.BOM + csvsafe.write([c.name for c in table.columns], rows)


def json_bytes(table: Table) -> bytes:
    """The table as a JSON array of objects with sorted keys."""
    names = [c.name for c in table.columns]
    text = package.dumps(
        [{n: json_value(v) for n, v in zip(names, row, strict=True)} for row in table.rows]
    ).decode("utf-8")
    return _MARKED.sub(r"\1", text).encode("utf-8")


def _feeds(dataset: Dataset, config: SiteConfig) -> list[dict[str, object]]:
    feeds: list[dict[str, object]] = [
        {
            "name": "Every meeting",
            "path": urls.CALENDAR_ALL,
            "links": subscribe.links(config, urls.CALENDAR_ALL),
        }
    ]
    for panel in dataset.panels:
        path = urls.panel_calendar(panel.id)
        feeds.append(
            {
                "name": dataset.publisher.panel_title(panel.name),
                "path": path,
                "links": subscribe.links(config, path),
            }
        )
    return feeds


def page_body(dataset: Dataset, config: SiteConfig, found: tuple[Table, ...]) -> str:
    """The body of the data page."""
    example = dataset.meetings[-1].id if dataset.meetings else "MEETING-ID"
    return templating.render(
        "data/page.html",
        publisher=dataset.publisher,
        tables=found,
        feeds=_feeds(dataset, config),
        urls=urls,
        link=lambda there: href(urls.DATA, there),
        neutralised=package.NEUTRALISED,
        example=example,
        meeting_pattern=urls.meeting_calendar("MEETING-ID"),
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterable[Output]:
    """Every download, the datapackage.json describing them, and the data page."""
    found = tables(dataset, config)
    for table in found:
        yield Output(urls.download(table.name, "csv"), csv_bytes(table))
        yield Output(urls.download(table.name, "json"), json_bytes(table))
    yield Output(
        urls.download("datapackage", "json"),
        package.dumps(package.descriptor(found, config, dataset.publisher.wording)),
    )
    yield Output(
        urls.page_source(urls.DATA),
        page_body(dataset, config, found).encode("utf-8"),
        kind=Kind.PAGE,
        title=TITLE,
    )
