"""Positions kept packed in parse order, and the tables built from the tree when asked."""

from __future__ import annotations

import pytest

from generator.load import yaml_strict
from generator.load.marks import Marks, forget_positions

TEXT = """\
meetings:
  - id: bank-1
    topics: [noise, "cycling"]
    venue:
      room: First floor
  - id: fleet-2
    topics:
      - parking
"""


def test_positions_are_where_the_parser_met_each_value_and_key() -> None:
    loaded = yaml_strict.parse(TEXT, "meetings.yaml")
    assert isinstance(loaded.positions, Marks)
    assert loaded.positions[()] == (1, 1)
    assert loaded.positions[("meetings",)] == (2, 3)
    assert loaded.positions[("meetings", 0, "topics", 1)] == (3, 21)
    assert loaded.positions[("meetings", 0, "venue", "room")] == (5, 13)
    assert loaded.positions[("meetings", 1, "topics", 0)] == (8, 9)
    assert loaded.key_positions[("meetings", 1, "topics")] == (7, 5)
    assert loaded.key_positions[("meetings",)] == (1, 1)
    assert ("meetings", 2) not in loaded.positions
    assert len(loaded.positions) == len(dict(loaded.positions)) == 13
    assert len(loaded.key_positions) == len(dict(loaded.key_positions)) == 7


def test_forgotten_tables_are_built_again_the_same() -> None:
    loaded = yaml_strict.parse(TEXT, "meetings.yaml")
    before = dict(loaded.positions), dict(loaded.key_positions)
    forget_positions({"meetings.yaml": loaded})
    assert (dict(loaded.positions), dict(loaded.key_positions)) == before


def test_a_tree_changed_after_its_parse_is_refused_not_misplaced() -> None:
    loaded = yaml_strict.parse(TEXT, "meetings.yaml")
    loaded.value["meetings"].pop()
    with pytest.raises(AssertionError, match="the parsed tree no longer matches its parse"):
        loaded.position(("meetings", 0))
