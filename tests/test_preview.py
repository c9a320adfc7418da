"""The staff preview (`mkdocs serve`): an edit reaches the served page, a data error is shown.

A real `mkdocs serve --strict` of the fixture force, read over HTTP as a browser would.
Not timed: the benchmark measures how fast (python -m bench --preview).
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fixturedata import fixture_copy
from sitebuild import FIXTURE_EPOCH, REPO_ROOT, site_config

from generator.preview import BANNER_ID

pytestmark = pytest.mark.slow

PAGE = "meetings/riverside-2024-11/"
WAIT = 60.0


class Served:
    """A running `mkdocs serve` and everything it has logged so far."""

    def __init__(self, process: subprocess.Popen[str], base: str) -> None:
        self.process = process
        self.base = base
        self.log: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)

    def text(self) -> str:
        return "".join(self.log)

    def page(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=10) as answer:
            return str(answer.read().decode("utf-8"))

    def until(self, test: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve ended while waiting for {what}:\n{self.text()}")
            try:
                if test():
                    return
            except OSError:
                pass
            time.sleep(0.1)
        pytest.fail(f"gave up waiting for {what}:\n{self.text()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(config: Path, port: int, temp: Path) -> Served:
    """`mkdocs serve` of ``config``; it builds its site in a folder under ``temp``."""
    temp.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": FIXTURE_EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        "TMPDIR": str(temp),
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config)]
    process = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = Served(process, f"http://127.0.0.1:{port}/cluster-panels/")
    try:
        server.until(lambda: "Serving on" in server.text(), "the first build")
    except BaseException:
        _stop(server)
        raise
    return server


def _stop(server: Served) -> None:
    server.process.terminate()
    server.process.wait(timeout=30)


def _site(temp: Path) -> Path:
    """The folder `mkdocs serve` builds into (its only ``mkdocs_*`` folder under ``temp``)."""
    (found,) = temp.glob("mkdocs_*")
    return found


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Served, Path]]:
    data = fixture_copy(tmp_path)
    server = _serve(site_config(tmp_path, data), _free_port(), tmp_path / "temp")
    try:
        yield server, data
    finally:
        _stop(server)


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_reaches_the_page_and_a_data_error_shows_above_the_last_good_one(
    served: tuple[Served, Path],
) -> None:
    server, data = served
    meetings = data / "meetings.yaml"
    assert "First floor meeting room" in server.page(PAGE)

    _edit(meetings, "room: First floor meeting room", "room: Basement meeting room")
    server.until(lambda: "Basement meeting room" in server.page(PAGE), "the edit on the page")
    # Only what changed was written, not every file. The log line can follow the page's
    # new bytes by a moment on a busy machine, so it is waited for too.
    server.until(lambda: "changed file(s)" in server.text(), "the incremental rebuild's log line")
    assert BANNER_ID not in server.page(PAGE)

    _edit(meetings, "    start: 13:00\n", "    start: 13:00\n    start: 14:00\n")
    server.until(lambda: BANNER_ID in server.page(PAGE), "the error in the browser")
    page = server.page(PAGE)
    box = page.split(f'id="{BANNER_ID}"', 1)[1].split("</pre>", 1)[0]
    assert re.search(r"meetings\.yaml:\d+:\d+: ", box), box
    assert "Basement meeting room" in page  # the previous preview stays up
    assert re.search(r"ERROR .*meetings\.yaml:\d+:\d+: ", server.text()), server.text()

    _edit(meetings, "    start: 13:00\n    start: 14:00\n", "    start: 13:00\n")
    server.until(lambda: BANNER_ID not in server.page(PAGE), "the error to go")
    assert "Basement meeting room" in server.page(PAGE)


def _differences(left: Path, right: Path) -> list[str]:
    """Every file path whose bytes differ between two site trees, or that only one has."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only)
        found.extend(prefix + name for name in compared.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(
            compared.left, compared.right, compared.common_files, shallow=False
        )
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


EDITS = [  # the publisher's renders everything; each after it only what it names
    ("publisher.yaml", "committee: Community Safety", "committee: Neighbourhood Safety"),
    ("meetings.yaml", "room: First floor meeting room", "room: Basement meeting room"),
    ("actions.yaml", "Lantern Lane is too dark at night.", "Lantern Lane is too dark after dusk."),
    # A status the log's index counts for its panel: the untouched panels' groups are reused.
    ("actions.yaml", "    status: open\n", "    status: in-progress\n"),
    ("venues.yaml", "name: Summit Library", "name: Summit Reading Room"),
    ("clusters.yaml", "name: PC Alex Example", "name: PC Alex Sample"),
    ("meetings.yaml", "    start: 13:00\n", "    start: 13:30\n"),
    # A line more in an early meeting moves every later one: then an upcoming meeting's
    # room (its poster, its PDF, its card) and a line fewer.
    (
        "meetings.yaml",
        "    venue: summit-library\n",
        "    venue: summit-library\n    room: Side room\n",
    ),
    (
        "meetings.yaml",
        "    venue: quay-hall\n    online:",
        "    venue: quay-hall\n    room: Room 2\n    online:",
    ),
    ("meetings.yaml", "      - Update on actions from November\n", ""),
]


def test_after_edits_the_preview_is_byte_identical_to_a_fresh_build(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    config, port = site_config(tmp_path, data), _free_port()
    server = _serve(config, port, tmp_path / "edited")
    try:
        for done, (file, old, new) in enumerate(EDITS, start=1):
            _edit(data / file, old, new)
            server.until(
                lambda done=done: server.text().count("preview updated in") == done,
                f"the rebuild after editing {file}",
            )
        follow = server.text().count("(the downloads and search index follow)")
        assert follow == len(EDITS) - 1, server.text()  # only the publisher's renders all
        server.until(
            lambda: server.text().count("downloads and search index updated") == follow,
            "the downloads and search index",
        )
        assert "ERROR" not in server.text(), server.text()
        preview = shutil.copytree(_site(tmp_path / "edited"), tmp_path / "preview")
    finally:
        _stop(server)
    fresh = _serve(config, port, tmp_path / "fresh")  # same address: the same site_url
    try:
        assert _differences(preview, _site(tmp_path / "fresh")) == []
    finally:
        _stop(fresh)
