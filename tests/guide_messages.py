"""Messages compared by their shape: the values in them (ids, dates, characters) set aside."""

from __future__ import annotations

import ast
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUIDE = HERE.parent / "docs" / "staff-guide.md"
CORPUS = HERE / "bad_inputs"

_SHAPES = (
    (re.compile(r"`[^`\n]*`"), "`V`"),
    (re.compile(r"U\+[0-9A-F]{4,6}(?: \([A-Z -]+\))?"), "U+V"),
    (re.compile(r"\"[^\"\n]*\""), '"V"'),
    (re.compile(r"\d+(?:st|nd|rd|th)?"), "N"),
)


def shape(message: str) -> str:
    """``message`` with every value replaced by a placeholder."""
    for pattern, placeholder in _SHAPES:
        message = pattern.sub(placeholder, message)
    return message


def corpus_messages() -> list[str]:
    """Every message the bad-input corpus expects (test_bad_inputs proves the code prints them)."""
    return [
        line.removeprefix("# expect: ")
        for path in sorted(CORPUS.glob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# expect: ")
    ]


def guide_rows() -> list[str]:
    """The messages in the guide's table of errors (first column, without its code quotes)."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index("## What the messages mean") : text.index("### Warnings")]
    return [
        row.strip().strip("`").strip()
        for row in re.findall(r"^\| (``? .*? ``?|`[^`]*`) \|", table, re.M)
    ]


def asserted_messages() -> list[str]:
    """Every string the tests compare output with, from the corpus and the test modules.

    Each is printed by the code (the tests assert it), so a guide row that matches none of them
    is a message the code no longer produces.
    """
    found = corpus_messages()
    for path in sorted(HERE.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and " — " in node.value
            ):
                # The change summary escapes Markdown; the guide shows the plain words.
                found.append(re.sub(r"\\(.)", r"\1", node.value))
    return found


def matches(row: str, message: str) -> bool:
    """Whether ``message`` ends with the guide's ``row``, values and ``…`` being wildcards."""
    pattern = ".*".join(re.escape(part) for part in shape(row).split("…"))
    return re.search(f"(?:{pattern})$", shape(message).rstrip()) is not None
