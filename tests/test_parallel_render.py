"""Rendering in parallel processes (region scale and above) gives the serial outputs, in order."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest
from sitebuild import FIXTURE_DATA

from generator import site
from generator.load.dataset import load
from generator.render.outputs import SiteConfig

CONFIG = SiteConfig(
    site_url="https://example.org/panels/",
    site_name="Panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)


def test_parallel_rendering_gives_the_serial_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one processor: rendering stays serial")
    dataset = load(FIXTURE_DATA, today=date(2025, 3, 10))
    monkeypatch.setattr(site, "PARALLEL_FROM", 10**9)
    serial = site.render_all(dataset, CONFIG)
    monkeypatch.setattr(site, "PARALLEL_FROM", 0)
    assert site._in_parallel(dataset, CONFIG) is not None  # the pool really ran
    assert site.render_all(dataset, CONFIG) == serial
