"""Synthetic data at scale and the build benchmark (``python -m generator.bench``)."""

from __future__ import annotations
