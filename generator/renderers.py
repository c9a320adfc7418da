"""Registers every renderer with :mod:`generator.outputs` (import order = output order)."""

from __future__ import annotations

from .feeds import render as _feeds  # noqa: F401  (registers the calendar feeds)
from .metrics import page as _metrics  # noqa: F401  (registers the metrics page)
from .opendata import render as _opendata  # noqa: F401  (registers the downloads and data page)
from .pages import site as _pages  # noqa: F401  (registers the public pages)
