"""Fixture data with every date, month and quarter field set to one end of the allowed range."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from fixturedata import FIXTURE_DATA

EXTREMES = {
    "first": {
        **{"date": "2000-01-01", "near": "2000-01-02", "month": "2000-01", "quarter": "2000-Q1"},
        **{"from": "2000-01-01", "to": "2000-01-02"},
    },
    "last": {
        **{"date": "2099-12-31", "near": "2099-12-30", "month": "2099-12", "quarter": "2099-Q4"},
        **{"from": "2099-12-30", "to": "2099-12-31"},
    },
}
"""The allowed range's two ends (generator.models.fields.FIRST_YEAR, LAST_YEAR); `near` is the
day beside the end, for the few dates a rule requires to differ (`from`/`to`, a moved meeting's
previous date, a meeting with a record before the last day)."""
EPOCHS = {"first": "946814400", "last": "4102401600"}
"""The build instant for each end: 2000-01-02 and 2099-12-31, 12:00 UTC."""

_FIELDS = {
    "date": "date",
    "raised": "date",
    "completed": "date",
    "revised": "date",
    "from": "from",
    "to": "to",
    "month": "month",
    "quarter": "quarter",
    "first_quarter": "quarter",
}
_LINE = re.compile(r"^(\s*(?:- )?(" + "|".join(_FIELDS) + r"): ).*$", re.MULTILINE)
_JOIN = "    online:\n      teams_url: https://teams.microsoft.com/l/meetup-join/extreme\n"
_PREVIOUS = re.compile(r"^(      date: ).*$", re.MULTILINE)


def extreme_data(end: str, target: Path) -> Path:
    """Copy the site fixture into ``target`` with every date-like field at ``end`` of the range.

    A civic date is added so every such field is present (every metric has ``first_quarter``).
    """
    values = EXTREMES[end]
    shutil.copytree(FIXTURE_DATA, target)
    for path in target.glob("*.yaml"):
        text = _LINE.sub(lambda m: m[1] + values[_FIELDS[m[2]]], path.read_text("utf-8"))
        text = _PREVIOUS.sub(lambda m: m[1] + values["near"], text)
        # An online meeting this close to the build needs its joining link to be published.
        text = text.replace("    format: online\n", f"    format: online\n{_JOIN}")
        if path.name == "meetings.yaml" and end == "last":
            # A record is only for a meeting that has happened: the day before the last.
            text = "\n  - id: ".join(
                block.replace(f"    date: {values['date']}\n", f"    date: {values['near']}\n")
                if "    record:" in block
                else block
                for block in text.split("\n  - id: ")
            )
        path.write_text(text, encoding="utf-8")
    (target / "civic-dates.yaml").write_text(
        f"civic_dates:\n  - date: {values['date']}\n    title: Ward elections\n", encoding="utf-8"
    )
    return target
