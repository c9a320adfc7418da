"""The staff preview (`mkdocs serve`): an edit reaches the served page, a data error is shown.

A real `mkdocs serve --strict` of the fixture force, read over HTTP as a browser would.
Not timed: the benchmark measures how fast (python -m bench --preview).
"""

from __future__ import annotations

import os
import re
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


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Served, Path]]:
    data = fixture_copy(tmp_path)
    config = site_config(tmp_path, data)
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
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
        yield server, data
    finally:
        process.terminate()
        process.wait(timeout=30)


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
