"""Pagefind's service: the index is taken as written only once Pagefind has made its writes."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import FIXTURE_DATA

from generator.load.dataset import load
from generator.search.pagefind import SearchIndexError, _canonical, _run, _wait_until_written
from generator.search.records import records

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


def test_files_sent_back_are_the_files_pagefind_writes(tmp_path: Path) -> None:
    # Where a process's open files cannot be seen, the build writes the files itself.
    dataset = load(FIXTURE_DATA, today=datetime.date(2025, 3, 10))
    written, sent = tmp_path / "written", tmp_path / "sent"
    _run(records(dataset), written, watch=True)
    _run(records(dataset), sent, watch=False)
    _canonical(written)  # Pagefind writes its filters in hash-map order
    _canonical(sent)
    names = sorted(path.relative_to(written) for path in written.rglob("*") if path.is_file())
    assert len(names) > 10
    assert names == sorted(path.relative_to(sent) for path in sent.rglob("*") if path.is_file())
    assert all((written / name).read_bytes() == (sent / name).read_bytes() for name in names)
