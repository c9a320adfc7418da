"""Staff text made inert for the Markdown of the pull-request summary.

The summary is read as GitHub Markdown on the job's page. Anything from the data could
otherwise forge a heading (``### ✅ Data check``), hide what follows (``<!--``), link away
or change emphasis, so every piece of staff text passes through :func:`text`.
"""

from __future__ import annotations

import re

_ESCAPED = re.compile(r"[\\`*_\[\]#!|~@$]|(?<=www)\.|:(?=//)", re.IGNORECASE)
"""Punctuation that starts inline Markdown, or GitHub's autolinks (``https:``, ``www.``,
``@``); CommonMark lets any ASCII punctuation be escaped. Block syntax (``-``, ``1.``,
``>``) needs no escape: staff text never starts a line of the summary."""
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def text(value: object) -> str:
    """``value`` as one line of literal Markdown text: no syntax, HTML or link survives."""
    one_line = " ".join(str(value).split())
    escaped = _ESCAPED.sub(lambda m: "\\" + m.group(0), one_line)
    return "".join(_ENTITIES.get(char, char) for char in escaped)
