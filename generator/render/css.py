"""Stylesheets as published: the comments, which explain the source, left out.

The comments of the site's two stylesheets were more than half their gzipped bytes on every
page load (issue 13's page weight); the files in the repository keep them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_STRING_OR_COMMENT = re.compile(r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|/\*.*?\*/""", re.S)
_WORD = re.compile(r"[\w-]")


def without_comments(css: str) -> str:
    """``css`` with every ``/* ... */`` comment and the blank lines they leave taken out.

    Strings are kept as written, a ``/*`` inside one included. A comment between two
    characters of names (``a/**/b``) becomes a space, so they are not joined into one name.
    """

    def replace(found: re.Match[str]) -> str:
        text = found.group()
        if not text.startswith("/*"):
            return text
        before = css[found.start() - 1 : found.start()]
        after = css[found.end() : found.end() + 1]
        return " " if _WORD.match(before) and _WORD.match(after) else ""

    stripped = _STRING_OR_COMMENT.sub(replace, css)
    lines = (line.rstrip() for line in stripped.splitlines())
    return "".join(f"{line}\n" for line in lines if line.strip())


def strip_theme_comments(files: Iterable[Any], custom_dir: str | None) -> None:
    """Publish the stylesheets among the engine's ``files`` that come from the theme's
    custom_dir (overrides/) without their comments.

    ``files`` are MkDocs' File objects. Material's own stylesheets are minified already;
    ours keep their comments in the repository.
    """
    if not custom_dir:
        return
    for file in files:
        source = file.abs_src_path
        if source and file.src_uri.endswith(".css") and Path(source).is_relative_to(custom_dir):
            file.content_string = without_comments(file.content_string)
