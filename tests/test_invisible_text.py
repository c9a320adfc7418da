"""Invisible characters: line separators named at their own line, flag emoji allowed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA
from positions import all_located
from pydantic import TypeAdapter, ValidationError

from generator.load import dataset
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError
from generator.models.fields import LongText, Text

FIX = "delete it: retype the line, or paste the text as plain text"

WALES = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u2028", "U+2028 (LINE SEPARATOR)"),
        ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)"),
        ("\u0085", "U+0085 (NEXT LINE)"),
    ],
)
def test_a_line_separator_is_named_at_its_line_and_later_lines_stay_right(
    tmp_path: Path, char: str, name: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    meetings = data / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    text = text.replace("room: First floor", f"room: First{char} floor", 1)
    text = text.replace("    start: 18:30\n", "    start: half six\n", 1)
    meetings.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        dataset.load(data, today=date(2025, 3, 10), label="data")
    assert all_located(caught.value.lines(), tmp_path) == [
        f"data/meetings.yaml at `<U+{ord(char):04X}> floor meeting room`: the file holds the invisible line separator {name}, "
        f"which some tools read as a line break — {FIX}",
        "data/meetings.yaml at `half six`: meetings[hilltop-2024-11].start: `half six` is not a "
        "24-hour time written as HH:MM — write it like 13:00 or 18:30",
    ]


def test_separators_in_a_broken_file_do_not_shift_the_syntax_error() -> None:
    text = "a: x\u2028y\u2028z\nb: !!str q\n"
    with pytest.raises(DataError) as caught:
        yamlstrict.parse(text, "f.yaml")
    assert all_located(caught.value.lines(), {"f.yaml": text}) == [
        "f.yaml at `<U+2028>y<U+2028>z`: the file holds the invisible line separator U+2028 (LINE SEPARATOR), "
        f"which some tools read as a line break — {FIX}",
        "f.yaml at `<U+2028>z`: the file holds the invisible line separator U+2028 (LINE SEPARATOR), "
        f"which some tools read as a line break — {FIX}",
        "f.yaml at `!!str q`: b: tags such as `!!str` are not allowed — remove the `!` tag and write "
        "the plain value",
    ]


@pytest.mark.parametrize("kind", [Text, LongText])
def test_flags_of_wales_scotland_and_england_are_accepted(kind: object) -> None:
    text = f"Saint David's Day {WALES}, Saint Andrew's Day {SCOTLAND}, Saint George's Day {ENGLAND}"
    assert TypeAdapter(kind).validate_python(text) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\U000e0067b", "U+E0067 (TAG LATIN SMALL LETTER G)"),
        (WALES[:-1], "U+E0067 (TAG LATIN SMALL LETTER G)"),  # no cancel tag
        ("x" + WALES[1:], "U+E0067 (TAG LATIN SMALL LETTER G)"),  # no black flag
        (WALES + "\U000e007f", "U+E007F (CANCEL TAG)"),
        ("a\u200bb", "U+200B (ZERO WIDTH SPACE)"),
        ("a\u202eb", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ],
)
def test_other_invisible_characters_stay_refused(text: str, shown: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Text).validate_python(text)
    assert caught.value.errors()[0]["msg"] == (
        f"the text holds the invisible character {shown} — retype the text, "
        "or paste it as plain text"
    )
