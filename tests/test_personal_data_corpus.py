"""The personal-data scan against its corpus of true and false positives (tests/corpus/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.load.personal_data import find

CORPUS = yaml.safe_load(
    (Path(__file__).resolve().parent / "corpus" / "personal_data.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CORPUS["found"], ids=[c["match"] for c in CORPUS["found"]])
def test_the_scan_catches(case: dict[str, str]) -> None:
    assert [(f.kind, f.text) for f in find(case["text"])] == [(case["kind"], case["match"])]


@pytest.mark.parametrize("text", CORPUS["clean"])
def test_the_scan_leaves_alone(text: str) -> None:
    assert find(text) == []
