"""Compare a tree of generated files with its golden copy under tests/golden/, file by file.

``REFRESH_GOLDEN=1`` rewrites the tree (removing files no longer generated); review the diff.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_matches(name: str, files: Mapping[str, bytes]) -> None:
    """``files`` (site path → bytes) equal ``tests/golden/<name>/`` exactly: same paths, same bytes."""
    root = GOLDEN / name
    if os.environ.get("REFRESH_GOLDEN") == "1":
        shutil.rmtree(root, ignore_errors=True)
        for path, content in files.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(content)
    on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert on_disk == sorted(files), f"files added or removed in {root}: run with REFRESH_GOLDEN=1"
    differing = [path for path in sorted(files) if (root / path).read_bytes() != files[path]]
    assert differing == [], f"differ from tests/golden/{name}/ (REFRESH_GOLDEN=1 rewrites them)"
