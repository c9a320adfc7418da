"""Build the MkDocs site once per test session, and serve it locally.

Used by tests/conftest.py (the ``built_site`` fixture), the browser suite in
tests/browser/ and the static checks (HTML validity, links, third-party
requests). The site is built with ``mkdocs build --strict`` exactly as it is
published, into a temporary directory that is removed when Python exits.

The site is served (and link-checked) under the path of ``site_url`` from
mkdocs.yml, e.g. ``/cluster-panels/``, because MkDocs writes absolute links
with that prefix into pages such as 404.html.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from fixturedata import FIXTURE_DATA

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuiltSite:
    """A site built by ``mkdocs build --strict``."""

    #: Directory holding the built site (like ``site/``).
    site_dir: Path
    #: URL path the site is published under, e.g. ``/cluster-panels/``.
    #: Always starts and ends with ``/``.
    base_path: str
    #: Every built HTML page, relative to ``site_dir``, as POSIX paths,
    #: e.g. ``index.html``, ``about/index.html``, ``404.html``.
    pages: tuple[str, ...] = field(default=())

    def page_file(self, page: str) -> Path:
        return self.site_dir / page

    def page_url_path(self, page: str) -> str:
        """URL path of a page, e.g. ``about/index.html`` -> ``/base/about/``."""
        if page == "index.html":
            rel = ""
        elif page.endswith("/index.html"):
            rel = page[: -len("index.html")]
        else:
            rel = page
        return self.base_path + rel

    def files(self, *suffixes: str) -> list[Path]:
        """All built files whose name ends with one of ``suffixes``."""
        return sorted(
            p for p in self.site_dir.rglob("*") if p.is_file() and p.name.endswith(suffixes)
        )


class _IgnoreTagsLoader(yaml.SafeLoader):
    """YAML loader that tolerates MkDocs' ``!!python/name:`` and ``!ENV`` tags."""


def _construct_unknown(loader, tag_suffix, node):  # pragma: no cover - trivial
    return None


_IgnoreTagsLoader.add_multi_constructor("", _construct_unknown)


SITE_URL = "https://example.github.io/cluster-panels/"
"""The address the test site is built for, whatever the force's mkdocs.yml says."""
SITE_DESCRIPTION = "The test site."
"""The test site's description."""
SITE_NAME = "Example panels"
"""The test site's name (a force's mkdocs.yml sets its own; no test depends on it)."""


def read_mkdocs_config() -> dict:
    with open(REPO_ROOT / "mkdocs.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_IgnoreTagsLoader) or {}


def site_base_path() -> str:
    """Path part of the test site's ``site_url``, with leading and trailing '/'."""
    path = urlsplit(SITE_URL).path or "/"
    if not path.startswith("/"):
        path = "/" + path
    if not path.endswith("/"):
        path += "/"
    return path


FIXTURE_EPOCH = "1741608000"
"""2025-03-10 12:00 UTC: the fixture's build date (some meetings past, some upcoming)."""


def site_config(tmp: Path, data_dir: Path, **options: object) -> Path:
    """A copy of the real mkdocs.yml whose plugin reads ``data_dir``; returns its path.

    The force's own values (name, address, description, copyright) are replaced by the
    test site's, so a force that sets its own keeps the suite green.
    """
    config = yaml.load(
        (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader
    )
    config.update(
        site_name=SITE_NAME,
        site_url=SITE_URL,
        site_description=SITE_DESCRIPTION,
        copyright="Test fixture",
    )
    config["docs_dir"] = str(REPO_ROOT / config.get("docs_dir", "docs"))
    config["theme"]["custom_dir"] = str(REPO_ROOT / config["theme"]["custom_dir"])
    plugins = [p for p in config["plugins"] if p != "cluster-panels" and "cluster-panels" not in p]
    config["plugins"] = [*plugins, {"cluster-panels": {"data_dir": str(data_dir), **options}}]
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def mkdocs_cli(
    tmp: Path, data_dir: Path, epoch: str, **options: object
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as a person runs it, into ``tmp/site`` (for exit codes and logs)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    config = site_config(tmp, data_dir, **options)
    return subprocess.run(
        [*command, "-f", str(config), "-d", str(tmp / "site")],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def mkdocs_build(tmp: Path, data_dir: Path, epoch: str, **options: object) -> Path:
    """A strict MkDocs build in this process (no interpreter start-up); returns the site folder.

    The same code path as the command line (``load_config`` then ``build``), so what passes
    here passes in ``mkdocs build --strict``; the CLI itself is covered by :func:`mkdocs_cli`.
    """
    site = tmp / "site"
    build_config(site_config(tmp, data_dir, **options), site, epoch)
    return site


def build_config(config_file: Path, site: Path, epoch: str) -> None:
    """``mkdocs build --strict -f config_file -d site`` in this process, run from the repo."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        with contextlib.chdir(REPO_ROOT):
            build(load_config(str(config_file), strict=True, site_dir=str(site)))
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build_site(site_dir: Path) -> BuiltSite:
    """Build the fixture force's site with the real config, strictly; raise with the cause."""
    try:
        site = mkdocs_build(site_dir.parent, FIXTURE_DATA, FIXTURE_EPOCH)
    except BaseException as error:  # MkDocs' Abort is a SystemExit
        raise RuntimeError(f"mkdocs build --strict failed: {error!r}") from error
    pages = tuple(sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")))
    return BuiltSite(site_dir=site, base_path=site_base_path(), pages=pages)


#: Set by tests/conftest.py in the controlling pytest process, inherited by xdist workers:
#: the folder all of them share for the fixture site.
SHARED_SITE_ENV = "CLUSTER_PANELS_TEST_SITE"


@functools.cache
def get_built_site() -> BuiltSite:
    """The fixture site, built once per test run and cached.

    With ``SHARED_SITE_ENV`` set (conftest.py does, for every run), the first process to
    get here (an xdist worker, or pytest itself) builds into that folder under a lock and
    the others read the finished build; conftest.py removes it when the run ends. The
    browser suite calls this at collection time (to parametrise tests by page) and the
    ``built_site`` fixture again: both get the same build.
    """
    shared = os.environ.get(SHARED_SITE_ENV)
    if not shared:
        tmp = Path(tempfile.mkdtemp(prefix="cluster-panels-site-"))
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
        return build_site(tmp / "site")
    folder = Path(shared)
    done = folder / "built"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.is_file():
            site = folder / "site"
            pages = tuple(done.read_text(encoding="utf-8").split())
            return BuiltSite(site_dir=site, base_path=site_base_path(), pages=pages)
        return build_locked(shared)


def build_in_background(folder: Path) -> subprocess.Popen[bytes]:
    """Build the fixture site into ``folder`` in another process, which holds its lock.

    The controlling pytest process starts this before xdist starts its workers, so the build
    runs while they start up and collect; get_built_site() then waits at the lock until it is
    done (and builds itself, reporting why, if this build failed).
    """
    lock = open(folder / "lock", "w")  # noqa: SIM115 - the child keeps it; ours closes below
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        code = "import sys, sitebuild; sitebuild.build_locked(sys.argv[1])"
        return subprocess.Popen(
            [sys.executable, "-c", code, str(folder)],
            cwd=Path(__file__).parent,
            pass_fds=(lock.fileno(),),  # the lock is held until the child exits
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def build_locked(folder: str) -> BuiltSite:
    """Build into the shared ``folder`` and mark it built; the caller holds its lock."""
    built = build_site(Path(folder) / "site")
    (Path(folder) / "built").write_text("\n".join(built.pages), encoding="utf-8")
    return built


def node_module(relative: str) -> Path:
    """Locate a file from an npm package installed by ``npm ci``.

    Looks in ``<repo>/node_modules`` first (what ``./run test`` installs),
    then in each directory of ``$NODE_PATH``. Raises FileNotFoundError with
    a hint if it is missing.
    """
    candidates = [REPO_ROOT / "node_modules" / relative]
    for entry in os.environ.get("NODE_PATH", "").split(os.pathsep):
        if entry:
            candidates.append(Path(entry) / relative)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"{relative} not found (looked in {', '.join(str(c) for c in candidates)}). "
        "Run `npm ci` in the repository root."
    )


# ---------------------------------------------------------------------------
# Local HTTP server
# ---------------------------------------------------------------------------


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``site_dir`` under ``base_path``; anything else is a 404."""

    site_dir: str = ""
    base_path: str = "/"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=self.site_dir, **kwargs)

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not (url_path + "/").startswith(self.base_path):
            # Outside the site: point at a path that cannot exist -> 404.
            return os.path.join(self.site_dir, "\0outside-base-path")
        return super().translate_path("/" + path[len(self.base_path) :])

    def end_headers(self) -> None:
        # As GitHub Pages serves every file: pages then reuse the theme's CSS and JavaScript
        # (and Chromium its compiled code) instead of asking again for each.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format, *args):
        pass  # keep test output quiet


class SiteServer:
    """A threaded ``http.server`` serving a built site on 127.0.0.1."""

    def __init__(self, site: BuiltSite):
        handler = type(
            "Handler",
            (_SiteHandler,),
            {"site_dir": str(site.site_dir), "base_path": site.base_path},
        )
        self.site = site
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.host = "127.0.0.1"
        self.port = self.httpd.server_address[1]
        self.origin = f"http://{self.host}:{self.port}"
        # shutdown() waits for the loop to look again: every 50 ms, not the default 500 ms.
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, page: str) -> str:
        """Absolute URL of a built page (see BuiltSite.page_url_path)."""
        return self.origin + self.site.page_url_path(page)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)
