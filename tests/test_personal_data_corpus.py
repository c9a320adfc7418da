"""The personal-data scan against its corpus of true and false positives (tests/corpus/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.load.personal_data import find
from generator.load.personal_scan import scan

CORPUS = yaml.safe_load(
    (Path(__file__).resolve().parent / "corpus" / "personal_data.yaml").read_text(encoding="utf-8")
)


TRADES = {"miss": "pass", "false alarm": "warn"}


def _name(case: dict[str, str]) -> str:
    return f"{case['expected']}:{case['text']}"


@pytest.mark.parametrize("case", CORPUS["cases"], ids=[_name(c) for c in CORPUS["cases"]])
def test_each_case_is_warned_about_or_passed_as_the_corpus_says(case: dict[str, str]) -> None:
    found = [(f.kind, f.text) for f in find(case["text"])]
    if case["expected"] == "warn":
        assert found == [(case["kind"], case["match"])]
    else:
        assert case["expected"] == "pass"
        assert found == []


def test_every_known_wrong_answer_says_which_way_and_why() -> None:
    traded = [c for c in CORPUS["cases"] if "trade" in c]
    assert {c["trade"] for c in traded} == set(TRADES)
    for case in traded:
        assert TRADES[case["trade"]] == case["expected"], case["text"]
        assert len(case["why"].split()) >= 8, case["text"]


def _placed(path: str, value: str, id_: str) -> tuple[dict[str, Any], tuple[str | int, ...]]:
    """A file's tree holding ``value`` at ``path`` in its one entry, and where that is."""
    file, *parts = path.split(".")
    node: Any = value
    for part in reversed(parts):
        node = [node] if part.isdigit() else {part: node}
    loc = (file, 0, *(int(p) if p.isdigit() else p for p in parts))
    return {file: [{"id": id_, **node}]}, loc


@pytest.mark.parametrize(
    "case", CORPUS["fields"], ids=[f"{c['path']}={c['value'][:40]}" for c in CORPUS["fields"]]
)
def test_each_field_is_scanned_on_its_own_terms(case: dict[str, Any]) -> None:
    tree, loc = _placed(case["path"], case["value"], case.get("id", "x"))
    expected = [(loc, *case["found"])] if "found" in case else []
    assert [(f.loc, f.kind, f.text) for f in scan(tree)] == expected
