"""Pagefind's service: the index is taken as written only once Pagefind has made its writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.search.pagefind import SearchIndexError, _wait_until_written

# Opens a file, says so, and writes it only after a while, as Pagefind's queued writes do.
_SLOW_WRITER = """
import sys, time
file = open(sys.argv[1], "w")
print("open", flush=True)
time.sleep(0.5)
file.write("whole")
file.close()
time.sleep(float(sys.argv[2]))
"""


def _writer(target: Path, then: float) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", _SLOW_WRITER, str(target), str(then)]
    writer = subprocess.Popen(command, stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stdout.readline() == b"open\n"
    return writer


def test_waits_for_a_file_still_open_in_the_index(tmp_path: Path) -> None:
    writer = _writer(tmp_path / "pagefind-entry.json", then=30)
    try:
        _wait_until_written(writer, tmp_path)
        assert (tmp_path / "pagefind-entry.json").read_text() == "whole"
        assert writer.poll() is None
    finally:
        writer.kill()
        writer.wait()


def test_a_process_that_ends_has_not_written_the_index(tmp_path: Path) -> None:
    writer = _writer(tmp_path / "pagefind-entry.json", then=0)
    writer.wait()
    with pytest.raises(SearchIndexError, match="stopped"):
        _wait_until_written(writer, tmp_path)
