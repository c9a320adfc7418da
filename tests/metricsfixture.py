"""The fictional metrics fixture (tests/fixtures/metrics) and golden-file comparison."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from generator.load import dataset
from generator.render.outputs import SiteConfig

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "metrics"
GOLDEN = HERE / "golden" / "metrics"
TODAY = date(2025, 8, 15)
"""In 2025-Q3, so the last ended quarter is 2025-Q2."""
CONFIG = SiteConfig(
    "https://example.org/panels/", "Example panels", datetime(2025, 8, 15, tzinfo=UTC)
)


def load() -> dataset.Dataset:
    """The fixture dataset, as on TODAY."""
    return dataset.load(FIXTURE, today=TODAY, label="fixtures/metrics")


def golden(name: str, actual: str) -> None:
    """Compare ``actual`` with tests/golden/metrics/<name> byte for byte; REFRESH_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("REFRESH_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing: run with REFRESH_GOLDEN=1 to create it"
    assert actual.encode("utf-8") == path.read_bytes(), (
        f"{name} differs from its golden file (REFRESH_GOLDEN=1 refreshes it)"
    )
