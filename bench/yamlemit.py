"""Write plain trees of str/list/dict as YAML the way staff write it: block style, few quotes.

PyYAML's dumper quotes every date, time and number held as text, which is not
what staff files look like, and would let the benchmark skip the loader's
plain-scalar checks. This writer leaves a scalar unquoted whenever YAML reads
it back as the same text, and uses JSON-style double quotes otherwise (a JSON
string is a valid YAML double-quoted scalar).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

# Conservative: characters that never start or end a YAML indicator sequence.
_SAFE = re.compile(r"[A-Za-z0-9(][A-Za-z0-9 .,'()/&%?=+~_:@#\u2013-]*")
_PLAIN_CHECK = re.compile(r": | #|:$| $")

Tree = Mapping[str, Any] | Sequence[Any] | str


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back unchanged, else double-quoted."""
    if _SAFE.fullmatch(text) and not _PLAIN_CHECK.search(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _lines(node: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(node, Mapping):
        for key, value in node.items():
            _entry(f"{pad}{key}:", value, indent, out)
    else:
        for item in node:
            if isinstance(item, Mapping) and item:
                first = len(out)
                _lines(item, indent + 2, out)
                out[first] = f"{pad}- {out[first][indent + 2 :]}"
            else:
                _entry(f"{pad}-", item, indent, out)


def _entry(head: str, value: Any, indent: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(f"{head} {scalar(value)}")
    elif isinstance(value, Mapping):
        if value:
            out.append(head)
            _lines(value, indent + 2, out)
        else:
            out.append(f"{head} {{}}")
    elif isinstance(value, Sequence):
        if not value:
            out.append(f"{head} []")
        elif all(isinstance(v, str) for v in value) and sum(len(v) for v in value) < 60:
            out.append(f"{head} [{', '.join(_flow(v) for v in value)}]")
        else:
            out.append(head)
            _lines(value, indent + 2, out)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as YAML here: use str")


def _flow(text: str) -> str:
    # Inside [ ] a comma or bracket would end the item; quote those.
    plain = scalar(text)
    return json.dumps(text, ensure_ascii=False) if any(c in plain for c in ",[]{}") else plain


def dump(tree: Mapping[str, Any], header: str = "") -> str:
    """The YAML text of ``tree`` (a mapping at the top), with ``header`` comment lines first."""
    out = [f"# {line}".rstrip() for line in header.splitlines()]
    _lines(tree, 0, out)
    return "\n".join(out) + "\n"
