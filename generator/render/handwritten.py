"""The force's words in its hand-written pages (docs/*.md): ``{{ words.panel }}`` and the like.

Hand-written pages are the force's own Markdown, so a renamed panel or log must reach them
too, without a template engine running over text staff edit: only the placeholders below are
replaced, every value is escaped for Markdown, and an unknown one is refused by name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from typing import Any

from generator.models.publisher import Wording, capital

PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[\w.()'\"]+)\s*(?P<capital>\|\s*capital\s*)?\}\}")
"""``{{ words.panel }}``, ``{{ words.panels | capital }}``, ``{{ log_name }}``."""
__all__ = [
    "PLACEHOLDER",
    "STAFF_NOTE",
    "UnknownPlaceholder",
    "Wording",
    "values",
    "worded",
    "worded_meta",
    "worded_page",
]

STAFF_NOTE = re.compile(r'<span class="placeholder">.*?</span>', re.DOTALL)
"""A marked placeholder in a hand-written page: a reminder for staff (``placeholders`` lists
it and the deploy refuses it), never shown to the public."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


class UnknownPlaceholder(ValueError):
    """A ``{{ … }}`` in a hand-written page that names no word of the catalogue."""


def values(words: Wording) -> Mapping[str, str]:
    """Every placeholder a hand-written page may use, and its text in the force's words."""
    found = {
        f"words.{name}": value
        for name, value in words.model_dump().items()
        if isinstance(value, str)
    }
    found["log_name"] = words.log_phrase('"')
    return found


def worded(text: str, words: Wording, *, markdown: bool = True) -> str:
    """``text`` with each placeholder replaced (escaped for Markdown unless ``markdown`` is
    false, e.g. for a front-matter title the adapter escapes for HTML itself). A page's
    marked staff placeholders (``<span class="placeholder">``) are left out of its body."""
    known = values(words)

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in known:
            choices = ", ".join(f"{{{{ {k} }}}}" for k in sorted(known))
            raise UnknownPlaceholder(f"`{{{{ {name} }}}}` is not one of the words: use {choices}")
        value = known[name]
        if match.group("capital"):
            value = value[:1] + capital(value[1:]) if value[:1] in "\"'" else capital(value)
        return _MARKDOWN_SPECIAL.sub(r"\\\1", value) if markdown else value

    return PLACEHOLDER.sub(replace, STAFF_NOTE.sub("", text) if markdown else text)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
"""A page's YAML front matter (MkDocs' rule), its text as group 1."""


def worded_page(text: str, words: Wording) -> str:
    """A whole Markdown page: its front matter's words as typed, its body's escaped."""
    found = FRONT_MATTER.match(text)
    head = found.group(0) if found else ""
    return worded(head, words, markdown=False) + worded(text[len(head) :], words)


def worded_meta(meta: MutableMapping[str, Any], words: Wording) -> bool:
    """A page's front-matter title and description in the force's words (as typed: the
    adapter escapes them); whether the title had a placeholder."""
    titled = False
    for key in ("title", "description"):
        value = meta.get(key)
        if isinstance(value, str) and "{{" in value:
            meta[key] = worded(value, words, markdown=False)
            titled = titled or key == "title"
    return titled
