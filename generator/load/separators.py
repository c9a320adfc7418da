"""Line separators that editors do not show but YAML counts as line breaks.

libyaml ends a line at U+2028, U+2029 and NEL (U+0085) as well as at a line feed, so one of
them pasted into a value would shift every later line number in its messages, while staff's
editors (and git) count line feeds only. Each is reported where it is, and the text is
parsed with a space in its place so the positions of everything after it stay right.
"""

from __future__ import annotations

import re

from generator.load.errors import Problem

NAMES = {
    "\u0085": "U+0085 (NEXT LINE)",
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
}
_FIND = re.compile("[\u0085\u2028\u2029]")


def hide(text: str, file: str) -> tuple[str, list[Problem]]:
    """``text`` with each separator replaced by a space, and one problem per separator."""
    if "\u0085" not in text and "\u2028" not in text and "\u2029" not in text:
        return text, []
    problems = [
        Problem(
            file,
            text.count("\n", 0, found.start()) + 1,
            found.start() - text.rfind("\n", 0, found.start()),
            "",
            f"the file holds the invisible line separator {NAMES[found[0]]}, "
            "which some tools read as a line break",
            "delete it: retype the line, or paste the text as plain text",
        )
        for found in _FIND.finditer(text)
    ]
    return _FIND.sub(" ", text), problems
