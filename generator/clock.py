"""The build's notion of 'now', so that every build is reproducible."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
"""Every time in the data is local time in London."""


def build_time(environ: dict[str, str] | None = None) -> datetime:
    """The build instant: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def build_date(environ: dict[str, str] | None = None) -> date:
    """The build's calendar date in London: what 'upcoming' is measured from."""
    return build_time(environ).astimezone(LONDON).date()
