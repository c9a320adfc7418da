"""CSV that a spreadsheet opens as text, never as formulas (OWASP 'CSV injection').

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with a single quote, so Excel, LibreOffice and Google Sheets show it instead
of running it. Only text columns are neutralised: numbers and dates keep their value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""First characters a spreadsheet may treat as the start of a formula (with the full-width
＝ ＋ － ＠ that some spreadsheets read as their ASCII forms)."""
PREFIX = "'"
# A formula after a separator: a spreadsheet that splits on `;` or `,` wherever they stand
# (many locales do, ignoring quotes in mid-line) would start a new cell there. `-` counts
# only when text follows it at once (`-2+3+cmd|...`), so "Mon - Fri" stays as written.
_INNER = re.compile(r"([,;\t]\s*)([=+@\uff1d\uff0b\uff0d\uff20]|-(?=\S))")
_QUOTE = frozenset(',;"\t\r\n')


def neutralise(text: str) -> str:
    """``text`` with a single quote before anything a spreadsheet could run as a formula."""
    text = _INNER.sub(lambda found: found[1] + PREFIX + found[2], text)
    return PREFIX + text if text.startswith(TRIGGERS) else text


def _cell(text: str) -> str:
    """RFC 4180 quoting, also around `;` so that no locale's spreadsheet splits the cell."""
    return '"' + text.replace('"', '""') + '"' if _QUOTE & set(text) else text


def write(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """RFC 4180 CSV in UTF-8 (CRLF line ends) from cells already turned to text."""
    lines = [",".join(_cell(c) for c in row) for row in (header, *rows)]
    return "".join(line + "\r\n" for line in lines).encode("utf-8")
