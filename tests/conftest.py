"""Shared pytest fixtures for the whole test suite.

Keep this file small: add fixtures that many test modules share.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Make tests/sitebuild.py importable as `sitebuild` from every test module.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitebuild


@pytest.fixture(scope="session")
def built_site() -> sitebuild.BuiltSite:
    """The site built once per session with `mkdocs build --strict`.

    A `sitebuild.BuiltSite`: `.site_dir` (a temporary directory), `.base_path`
    (the path of site_url, e.g. "/cluster-panels/") and `.pages` (every
    built HTML page, relative to site_dir).
    """
    try:
        return sitebuild.get_built_site()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
