"""Synthetic data at scale and the build benchmark (``python -m bench``)."""

from __future__ import annotations
