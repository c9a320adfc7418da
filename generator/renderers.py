"""Registers every renderer with :mod:`generator.outputs` (import order = output order)."""

from __future__ import annotations
