"""GitHub workflow annotations: each problem shown on the changed line of the pull request.

``--format github`` prints, besides the usual lines, one workflow command per problem
(``::error file=…,line=…,col=…,title=…::message``), which GitHub shows on the line in the
pull request's "Files changed" view. Values are escaped as the runner expects, so staff
text cannot end the command early or start another.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotations(lines: Iterable[str], level: str, title: str) -> list[str]:
    """One ``::level`` command for each ``file:line:col: message`` line (others skipped)."""
    out: list[str] = []
    for line in lines:
        found = _LOCATED.match(line)
        if not found:
            continue
        where = [f"file={_property(found['file'])}"]
        if int(found["line"]) > 0:  # 0: the whole file (missing, unreadable)
            where += [f"line={found['line']}", f"col={found['col']}"]
        where.append(f"title={_property(title)}")
        out.append(f"::{level} {','.join(where)}::{_data(found['message'])}")
    return out
