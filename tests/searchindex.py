"""Reads a built Pagefind index back as records, so tests can check what residents can find."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any


def fragments(index: Path) -> dict[str, dict[str, Any]]:
    """Every indexed record by URL: ``{"url", "content", "meta": {"title", ...}, "filters"}``."""
    found = {}
    for path in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        record = json.loads(data[len(b"pagefind_dcd") :])
        found[record["url"]] = record
    return found
