"""Plain-words explanations for the mistakes staff actually make in YAML.

The parser's own words ("mapping values are not allowed in this context") describe
its state, not the edit that caused it. Each rule here recognises one common edit
(a forgotten ``- ``, entries after ``[]``, a colon in unquoted text, a tab, a
character pasted from Word or Outlook, an unclosed ``[``) from the text around the
error and says what to change, at the line where it must change.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

PASTED = {
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u2018": "a curly opening quote",
    "\u2019": "a curly closing quote",
    "\u201c": "a curly opening quote",
    "\u201d": "a curly closing quote",
    "\u2013": "an en dash",
    "\u2014": "an em dash",
}
"""Characters Word and Outlook put in for ordinary ones (autocorrect), by what they look like."""
_PLAIN = {
    "\u00a0": "an ordinary space",
    "\u202f": "an ordinary space",
    "\u2018": "a straight quote (')",
    "\u2019": "a straight quote (')",
    "\u201c": 'a straight quote (")',
    "\u201d": 'a straight quote (")',
    "\u2013": "a hyphen (-)",
    "\u2014": "a hyphen (-)",
}
_EMPTY_LIST = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):\s*(?P<empty>\[\s*\]|\{\s*\})\s*(#.*)?$")
_KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[A-Za-z_][\w-]*):[ ](?P<value>.+)$")
_SAFE_LINKS = re.compile(r"(^|\.)safelinks\.protection\.outlook\.com$")

MEANINGS = {
    "reason": "status_reason",
    "why": "status_reason",
    "cancellation_reason": "status_reason",
    "time": "start",
    "start_time": "start",
    "starts": "start",
    "end_time": "end",
    "finish": "end",
    "ends": "end",
    "location": "venue",
    "place": "venue",
    "where": "venue",
    "link": "teams_url",
    "teams": "teams_url",
    "teams_link": "teams_url",
    "join_link": "teams_url",
    "cluster": "panel",
    "team": "owner",
    "raised_on": "raised",
    "done": "did",
    "response": "did",
    "you_said": "said",
    "we_did": "did",
    "kind_of_meeting": "format",
    "type": "format",
}
"""What staff call a field, by meaning, when the name is not merely misspelt."""


def char_name(char: str) -> str:
    """A character as staff can find it: what it looks like and its code point."""
    shown = f"{char}, " if char.isprintable() else ""
    name = PASTED.get(char) or unicodedata.name(char, "a character").lower()
    return f"{name} ({shown}U+{ord(char):04X})"


def pasted(text: str) -> tuple[int, str, str] | None:
    """The first Word/Outlook character in ``text``: (offset, what, fix), or None."""
    for offset, char in enumerate(text):
        if char in PASTED:
            what = f"the line holds {char_name(char)}, as Word and Outlook type it"
            return offset, what, f"retype it as {_PLAIN[char]}"
    return None


def ordinal(number: int) -> str:
    """``1`` → ``1st``, ``22`` → ``22nd``, ``13`` → ``13th``."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


_SINGULAR = {
    "agenda": "agenda item",
    "social": "social media link",
    "values": "value",
    "audiences": "audience",
    "officers": "officer",
    "wards": "ward",
    "topics": "topic",
    "documents": "document",
    "updates": "update",
    "facilities": "facility",
    "access": "access fact",
}


def item_name(field: str, index: int) -> str:
    """How people count a list item: ``the 3rd topic`` (``topics[2]`` in code)."""
    noun = _SINGULAR.get(field) or (field[:-1] if field.endswith("s") else f"item of `{field}`")
    return f"the {ordinal(index + 1)} {noun}"


AMBIGUOUS: dict[str, tuple[tuple[str, str], ...]] = {
    word: (
        (
            "attendance",
            "for how many people came, write `attendance:` with `in_person:` and "
            "`online:` below it",
        ),
        (
            "partners_present",
            "for which partners came, write `partners_present:` with their ids from publisher.yaml",
        ),
    )
    for word in ("attending", "attended", "attendees", "present")
}
"""Names staff use for more than one field: each field's reading, offered where it exists."""


def meanings(name: str, fields: list[str]) -> list[str]:
    """The readings of an ambiguous ``name`` among ``fields`` (empty when it is not ambiguous)."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    return [fix for field, fix in AMBIGUOUS.get(key, ()) if field in fields]


def suggest(name: str, fields: list[str]) -> str | None:
    """The field staff meant by ``name``: by meaning first, then as a word inside a field name."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    meant = MEANINGS.get(key)
    if meant in fields:
        return meant
    holding = [f for f in fields if key in f.split("_") and f != key]
    return holding[0] if len(holding) == 1 else None


def safe_link(url: str) -> str | None:
    """The real link inside an Outlook Safe Links wrapper, or None if ``url`` is not one."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not _SAFE_LINKS.search(parts.hostname or ""):
        return None
    inner = parse_qs(parts.query).get("url")
    return inner[0] if inner else None


def syntax(
    lines: list[str],
    line: int,
    col: int,
    problem: str,
    context: str | None,
    opened: tuple[int, int] | None,
) -> tuple[int, int, str, str] | None:
    """A plain explanation of a parser error at 1-based ``line``/``col``, or None.

    ``opened`` is where the parser's context began (an unclosed ``[`` or ``{``).
    Returns (line, column, what, fix).
    """
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    near = [(n, lines[n - 1]) for n in (line, line - 1) if 0 < n <= len(lines)]
    for number, text in near:
        if text[: len(text) - len(text.lstrip())].find("\t") >= 0:
            return (
                number,
                1,
                "the line is indented with a tab; YAML indents with spaces only",
                "replace the tab with spaces, two per level",
            )
    for number, text in near:
        found = pasted(text)
        if found:
            return number, found[0] + 1, found[1], found[2]
    if opened and context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        if "sequence" in context:
            bracket, fix = (
                "[",
                "add `]` at the end of the list, or write each item on its own `- ` line",
            )
        else:
            bracket, fix = (
                "{",
                "add `}` at the end of the group, or write each `field: value` on its own line",
            )
        return (
            opened[0],
            opened[1],
            f"the `{bracket}` opened on line {opened[0]} is never closed",
            fix,
        )
    if problem.startswith("did not find expected key") or problem.startswith(
        "did not find expected '-'"
    ):
        for number in range(line - 1, 0, -1):
            text = lines[number - 1]
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            empty = _EMPTY_LIST.match(text)
            if empty:
                key, brackets = empty["key"], empty["empty"]
                return (
                    number,
                    empty.start("empty") + 1,
                    f"entries follow `{key}: {brackets}`, which says the list is empty",
                    f"replace `{key}: {brackets}` with `{key}:` and keep the entries below it",
                )
            break
    if problem == "mapping values are not allowed in this context":
        match = _KEY_VALUE.match(here)
        if match and ": " in match["value"]:
            value = match["value"].rstrip()
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return (
                line,
                match.start("value") + 1,
                "this text holds a colon followed by a space, which YAML reads as a new field",
                f"put the text in quotes: {match['key']}: {quoted}",
            )
    return None
