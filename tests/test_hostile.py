"""Staff text is always text: hostile strings in every text field never become markup.

The fixture is copied, every text field (never ids, dates or links, which validators
refuse) gets the three hostile strings, and the real site is built with MkDocs. Then every
built file is checked: HTML is parsed, the search index is read as the HTML it is shown as,
data files are read with their own parsers.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from searchindex import fragments
from sitebuild import FIXTURE_DATA, FIXTURE_EPOCH, mkdocs_build

from generator.load import yaml_strict as yamlstrict
from generator.models.fields import LongText, Text
from generator.models.files import DATA_FILES

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)")
TEXT_VALIDATORS = (typing.get_args(Text)[1], typing.get_args(LongText)[1])
MARKUP = ("<script>alert", "<img src=x", 'href="javascript:')


_SAME: dict[str, str] = {}


def _is_text(annotation: Any) -> bool:
    return any(m is v for m in getattr(annotation, "__metadata__", ()) for v in TEXT_VALIDATORS)


def _inject(annotation: Any, node: Any, counter: list[int]) -> Any:
    if _is_text(annotation) and isinstance(node, str):
        # The same text gets the same hostile version everywhere, so names that must match
        # (a ward in `wards` and in `areas`) still match.
        if node not in _SAME:
            counter[0] += 1
            _SAME[node] = f"{HOSTILE[counter[0] % 3]} {node} {HOSTILE[(counter[0] + 1) % 3]}"
        return _SAME[node]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            if option is not type(None):
                node = _inject(option, node, counter)
        return node
    if origin is tuple and isinstance(node, list):
        return [_inject(typing.get_args(annotation)[0], item, counter) for item in node]
    if (
        isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
        and isinstance(node, dict)
    ):
        fields = {(f.alias or name): f for name, f in annotation.model_fields.items()}
        return {
            key: _inject(_annotated(fields[key]), value, counter) if key in fields else value
            for key, value in node.items()
        }
    return node


def _annotated(field: Any) -> Any:
    return (
        typing.Annotated[(field.annotation, *field.metadata)]
        if field.metadata
        else field.annotation
    )


def hostile_copy(target: Path) -> int:
    """Copy the fixture into ``target`` with hostile text in every text field; return how many."""
    target.mkdir()
    counter = [0]
    _SAME.clear()
    for name, model in DATA_FILES.items():
        source = FIXTURE_DATA / name
        if not source.exists():
            continue
        tree = _inject(model, _plain(yamlstrict.read(source, name).value), counter)
        (target / name).write_text(
            yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return counter[0]


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return str(node)


class _Markup(HTMLParser):
    """Records every element and attribute that hostile text could have produced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False
        self.script_type = ""
        self.json_ld: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        self.script_type = dict(attrs).get("type") or "" if self.in_script else ""
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")
        # A sharing card's words are text a network shows, not an address it opens.
        text_tag = tag == "meta" and (dict(attrs).get("property") or dict(attrs).get("name") or "")
        worded = text_tag and text_tag.endswith(("title", "description", "image:alt"))
        for name, value in attrs:
            if worded and name == "content":
                continue
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and self.script_type == "application/ld+json":
            self.json_ld.append(
                json.loads(data)
            )  # the whole element is one JSON value: never cut short
        elif self.in_script and "alert(1)" in data:
            self.found.append(f"script running {data[:60]!r}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    assert hostile_copy(tmp / "data") > 60
    return mkdocs_build(tmp, tmp / "data", FIXTURE_EPOCH)


def test_every_html_page_shows_hostile_text_as_text(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for markup in MARKUP:
            assert markup not in text, f"{page}: {markup}"
        parser = _Markup()
        parser.feed(text)
        assert parser.found == [], page
        if page.parent.parent.name == "meetings":
            assert parser.json_ld and "alert(1)" in parser.json_ld[0]["name"], page
    riverside = (hostile_site / "panels" / "riverside" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in riverside  # shown, as text


def test_titles_navigation_and_search_index_stay_text(hostile_site: Path) -> None:
    page = (hostile_site / "panels" / "riverside" / "index.html").read_text(encoding="utf-8")
    title = page[page.index("<title>") : page.index("</title>")]
    assert "&lt;" in title and "<script" not in title and "<img" not in title
    nav = page[page.index('data-md-type="navigation"') : page.index('data-md-type="toc"')]
    assert "&lt;img src=x onerror=alert(1)&gt;" in nav or "&lt;script&gt;" in nav
    # The search index holds staff text as plain text (the page script shows it with
    # textContent: tests/test_search.py), so it must arrive there unchanged, not as markup.
    index = fragments(hostile_site / "pagefind")
    riverside_index = index["/panels/riverside/"]["meta"]["title"]
    assert "<" in riverside_index and "&lt;" not in riverside_index


def test_every_other_file_is_safe(hostile_site: Path) -> None:
    checked = 0
    for path in sorted(p for p in hostile_site.rglob("*") if p.is_file()):
        suffix = path.suffix
        if suffix not in (".json", ".xml", ".ics", ".csv", ".js", ".css"):
            continue
        text = path.read_text(encoding="utf-8")
        checked += 1
        assert 'href="javascript:' not in text, path
        if suffix in (".xml", ".js", ".css"):
            # Read as markup (sitemap, scripts).
            for markup in MARKUP:
                assert markup not in text, (path, markup)
        elif suffix == ".json":
            json.loads(text)  # data: strings are text, valid JSON keeps them so
        elif suffix == ".csv":
            list(csv.reader(io.StringIO(text)))
        elif suffix == ".ics":
            assert "X-ALT-DESC" not in text, path  # no HTML descriptions at all
            from icalendar import Calendar

            Calendar.from_ical(text)
    assert checked > 5
