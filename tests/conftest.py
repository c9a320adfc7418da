"""Shared pytest fixtures for the whole test suite.

Keep this file small: add fixtures that many test modules share.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Make tests/sitebuild.py importable as `sitebuild` from every test module.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitebuild


def pytest_configure(config: pytest.Config) -> None:
    """One fixture-site folder per run, made before xdist starts its workers (they inherit it).

    With workers, and the browser suite in the run, the site is built into it meanwhile.
    """
    if not hasattr(config, "workerinput") and sitebuild.SHARED_SITE_ENV not in os.environ:
        folder = tempfile.mkdtemp(prefix="cluster-panels-site-")
        os.environ[sitebuild.SHARED_SITE_ENV] = folder
        config.stash[_OWN_SITE] = folder
        if getattr(config.option, "numprocesses", None) and _selects_browser(config):
            config.stash[_BUILDER] = sitebuild.build_in_background(Path(folder))


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the folder this process made (never one it inherited)."""
    builder = config.stash.get(_BUILDER, None)
    if builder is not None and builder.poll() is None:
        builder.kill()
        builder.wait()
    folder = config.stash.get(_OWN_SITE, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ[sitebuild.SHARED_SITE_ENV]


_OWN_SITE = pytest.StashKey[str]()
_BUILDER = pytest.StashKey[subprocess.Popen[bytes]]()


def _selects_browser(config: pytest.Config) -> bool:
    """Whether ``-m`` (if given) keeps the browser tests."""
    if not config.option.markexpr:
        return True
    from _pytest.mark.expression import Expression

    return Expression.compile(config.option.markexpr).evaluate(lambda name: name == "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first, so that xdist's workers do not end on one long test while the other idles."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skip tests/browser when ``-m`` leaves out browser tests (``./run quick``).

    Its tests are parametrised by the built site's pages at collection, so collecting them
    only to deselect them would build the fixture site for nothing.
    """
    if collection_path == BROWSER and not _selects_browser(config):
        return True
    return None


BROWSER = Path(__file__).resolve().parent / "browser"


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
