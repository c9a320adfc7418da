"""Property-based tests: whatever staff (or an attacker) put in a file, the loader answers
with a :class:`DataError` naming lines, never with a crash."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from generator.load import dataset
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError
from generator.load.validate import validate
from generator.models.files import DATA_FILES

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_and_validate(text: str) -> None:
    """Parse ``text`` and validate it as every data file; only DataError may escape."""
    try:
        loaded = yamlstrict.parse(text, "data/x.yaml")
    except DataError as error:
        assert error.problems
        return
    for model in DATA_FILES.values():
        try:
            validate(loaded, model)
        except DataError as error:
            assert error.problems
            assert all(p.line >= 1 and p.column >= 1 for p in error.problems)


# Fragments that make the parser take its less travelled paths.
YAML_BITS = st.sampled_from(
    [
        "meetings:",
        "clusters:",
        "\n",
        "\n  ",
        "\n    ",
        "- ",
        "? ",
        ": ",
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "<<: ",
        "{",
        "}",
        "[",
        "]",
        ",",
        "'",
        '"',
        "#",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "|",
        ">-",
        "\t",
        "id: bank",
        "start: 18:30",
        "date: 2024-02-30",
        "no",
        "~",
        "\\u202e",
        "\u202e",
        "\0",
        "\ufeff",
        "format: hybrid",
        "online: {teams_url: https://teams.microsoft.com/meet/1}",
        "venue: x",
    ]
)


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_gives_only_data_errors(text: str) -> None:
    parse_and_validate(text)


@SETTINGS
@given(st.lists(YAML_BITS | st.text(max_size=5), max_size=40).map("".join))
def test_yaml_like_text_gives_only_data_errors(text: str) -> None:
    parse_and_validate(text)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_give_only_data_errors(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meetings.yaml"
        path.write_bytes(raw)
        try:
            loaded = yamlstrict.read(path, "data/meetings.yaml")
        except DataError:
            return
        with contextlib.suppress(DataError):
            validate(loaded, DATA_FILES["meetings.yaml"])


# ---------------------------------------------------------------- plausible data through every rule

SCALARS = st.sampled_from(
    [
        "",
        "x",
        "no",
        "yes",
        "18:30",
        "13:00",
        "01:30",
        "23:59",
        "2024-11-06",
        "2024-10-27",
        "2025-03-30",
        "2024-02-30",
        "2024-10",
        "2025-Q1",
        "2024-Q4",
        "hybrid",
        "online",
        "in-person",
        "cancelled",
        "postponed",
        "moved",
        "scheduled",
        "business",
        "cluster-panel",
        "done",
        "open",
        "not-taken-forward",
        "other-partner",
        "northvale-police",
        "bank",
        "fleet",
        "innholders-hall",
        "bank-2024-11",
        "https://teams.microsoft.com/meet/1",
        "https://example.org/",
        "true",
        "false",
        "0",
        "1",
        "2",
        "-1",
        "72.5",
        "breakdown",
        "count",
        "residents",
        "other",
        "020 7601 2222",
        "a@example.org",
        "\u202e",
        "a\tb",
    ]
) | st.text(max_size=8)


def _inner(annotation: Any) -> tuple[str, Any]:
    """('model', cls), ('list', item annotation) or ('scalar', None)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _inner(args[0]) if args and origin is not typing.Annotated else ("scalar", None)
    if origin is tuple:
        return "list", typing.get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "scalar", None


@st.composite
def plausible(draw: st.DrawFn, annotation: Any, depth: int = 0) -> Any:
    """A value shaped like ``annotation`` most of the time, and wrongly shaped now and then."""
    kind, inner = _inner(annotation)
    if depth > 5 or draw(st.integers(0, 19)) == 0:
        return draw(SCALARS | st.just([]) | st.just({}))
    if kind == "model":
        entry: dict[str, Any] = {}
        for name, info in inner.model_fields.items():
            if info.is_required() or draw(st.booleans()):
                entry[info.alias or name] = draw(plausible(info.annotation, depth + 1))
        if draw(st.integers(0, 9)) == 0:
            entry["venu"] = "x"
        return entry
    if kind == "list":
        return draw(st.lists(plausible(inner, depth + 1), max_size=3))
    return draw(SCALARS)


@dataclass
class DataCopy:
    """One copy of the shipped data, reused across examples (a file is rewritten each time)."""

    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="props-")))

    def __post_init__(self) -> None:
        shutil.copytree(
            ROOT / "tests" / "fixtures" / "city" / "data", self.folder, dirs_exist_ok=True
        )
        self.originals = {p.name: p.read_bytes() for p in self.folder.iterdir()}


COPY = DataCopy()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(DATA_FILES)).flatmap(
        lambda name: st.tuples(st.just(name), plausible(DATA_FILES[name]))
    )
)
def test_plausible_data_through_every_rule(case: tuple[str, Any]) -> None:
    name, tree = case
    for original, content in COPY.originals.items():
        (COPY.folder / original).write_bytes(content)
    # JSON is YAML: the loader sees exactly the tree drawn.
    (COPY.folder / name).write_text(
        json.dumps(tree, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    try:
        loaded = dataset.load(COPY.folder, today=date(2024, 10, 1), label="data")
    except DataError as error:
        assert error.problems
        assert all(p.file == f"data/{p.file.removeprefix('data/')}" for p in error.problems)
    else:
        assert loaded.today == date(2024, 10, 1)


# ---------------------------------------------------------------- duplicate keys anywhere

KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
# A double-quoted YAML scalar. libyaml refuses JSON's surrogate-pair escapes, so stay in the BMP.
LEAF = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]), max_size=6).map(
    json.dumps
)
TREES = st.recursive(
    LEAF,
    lambda children: (
        st.dictionaries(KEYS, children, min_size=1, max_size=4)
        | st.lists(children, min_size=1, max_size=3)
    ),
    max_leaves=25,
)
MAPPINGS = st.dictionaries(KEYS, TREES, min_size=1, max_size=4)


@dataclass
class Emitted:
    """Block YAML written by hand, so the line of every key is known."""

    lines: list[str] = field(default_factory=list)
    mappings: list[tuple[int, dict[str, int], int, bool]] = field(default_factory=list)
    """Each mapping: its keys' indentation, the line of each key, the last line of the mapping,
    whether it is a list item."""

    def mapping(self, value: dict[str, Any], indent: int, first_prefix: str = "") -> None:
        keys: dict[str, int] = {}
        for i, (key, child) in enumerate(value.items()):
            lead = first_prefix if i == 0 and first_prefix else " " * indent
            keys[key] = len(self.lines) + 1
            if isinstance(child, str):
                self.lines.append(f"{lead}{key}: {child}")
            else:
                self.lines.append(f"{lead}{key}:")
                self.node(child, indent + 2)
        self.mappings.append((indent, keys, len(self.lines), bool(first_prefix)))

    def node(self, value: Any, indent: int) -> None:
        if isinstance(value, dict):
            self.mapping(value, indent)
            return
        for item in value:
            if isinstance(item, str):
                self.lines.append(f"{' ' * indent}- {item}")
            elif isinstance(item, dict):
                self.mapping(item, indent + 2, first_prefix=f"{' ' * indent}- ")
            else:
                self.lines.append(f"{' ' * indent}-")
                self.node(item, indent + 2)


def _unquoted(tree: Any) -> Any:
    if isinstance(tree, dict):
        return {k: _unquoted(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_unquoted(v) for v in tree]
    return json.loads(tree)


@SETTINGS
@given(MAPPINGS, st.data())
def test_a_duplicated_key_anywhere_is_rejected_naming_both_lines(
    tree: dict[str, Any], data: st.DataObject
) -> None:
    out = Emitted()
    out.mapping(tree, 0)
    text = "\n".join(out.lines) + "\n"
    assert yamlstrict.plain(yamlstrict.parse(text, "x.yaml").value) == _unquoted(tree)

    indent, keys, last, item = data.draw(st.sampled_from(out.mappings), label="mapping")
    key = data.draw(st.sampled_from(sorted(keys)), label="key")
    lines = [*out.lines[:last], f'{" " * indent}{key}: "again"', *out.lines[last:]]
    try:
        yamlstrict.parse("\n".join(lines) + "\n", "x.yaml")
    except DataError as error:
        found = [(p.line, p.column, p.what, p.fix) for p in error.problems]
    else:
        raise AssertionError("the duplicate key was accepted")
    if item and key == next(iter(keys)):
        # A list entry's first key again: a new entry that lost its `- `.
        assert found == [
            (
                last + 1,
                indent + 1,
                "a new entry starts here without its `- ` "
                f"(the entry above already has `{key}:`, at line {keys[key]})",
                f"write `- ` before `{key}:`, lined up with the `- ` of the entry above",
            )
        ]
        return
    assert found == [
        (
            last + 1,
            indent + 1,
            f"the key `{key}` appears twice (first at line {keys[key]})",
            f"keep one `{key}:` and delete the other",
        )
    ]
