"""The build's notion of 'now', so that every build is reproducible."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
"""Every time in the data is UK local time (Europe/London)."""
_FIRST = int(datetime(2000, 1, 1, tzinfo=UTC).timestamp())
_LAST = int(datetime(2099, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())


class BadEpoch(ValueError):
    """SOURCE_DATE_EPOCH is set to something that is not a usable build instant."""


def build_time(environ: Mapping[str, str] | None = None) -> datetime:
    """The build instant: SOURCE_DATE_EPOCH when set (reproducible builds), else now.

    Raises :class:`BadEpoch` with a one-line message when it is not a whole number of
    seconds between 2000 and 2099 (the years the data may name).
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC).replace(microsecond=0)
    if epoch.isascii() and epoch.isdigit() and _FIRST <= int(epoch) <= _LAST:
        return datetime.fromtimestamp(int(epoch), UTC)
    raise BadEpoch(
        f"SOURCE_DATE_EPOCH is {epoch[:40]!r}, not a time from 2000 to 2099 in whole seconds "
        "since 1970 — unset it, or set it like SOURCE_DATE_EPOCH=1735689600"
    )


def build_date(environ: Mapping[str, str] | None = None) -> date:
    """The build's calendar date in UK time: what 'upcoming' is measured from."""
    return build_time(environ).astimezone(LONDON).date()
