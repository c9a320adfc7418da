"""CSV that a spreadsheet opens as text, never as formulas (OWASP 'CSV injection').

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with a single quote, so Excel, LibreOffice and Google Sheets show it instead
of running it. Only text columns are neutralised: numbers and dates keep their value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may treat as the start of a formula."""
PREFIX = "'"


def neutralise(text: str) -> str:
    """``text`` with a leading single quote when a spreadsheet would run it as a formula."""
    return PREFIX + text if text.startswith(TRIGGERS) else text


def write(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """RFC 4180 CSV in UTF-8 (CRLF line ends, minimal quoting) from cells already turned to text."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
