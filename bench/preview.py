"""The staff preview's figures: edit-to-page time and memory over many rebuilds.

Runs ``mkdocs serve --strict`` over a scale's data (the plugin step's configuration), then
edits one meeting's room again and again; each time it measures how long after the file
was written the served meeting page shows the new text, and the serve process tree's
resident memory once the page shows it.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bench.measure import tree_rss

EDITS = 50
"""Rebuilds measured (the issue's 'memory flat over 50 rebuilds')."""
WARM = 5
"""The edit whose memory the later ones are judged against: the first few rebuilds fill
what every rebuild reuses (the theme's page frames, a thread's allocator arena), once."""
WAIT_S = 600.0
"""Longest wait for the first build or one edit before the figure is reported as failed."""
_VENUE = re.compile(r"^    venue: .*\n(    room: .*\n)?", re.MULTILINE)
_REBUILD_CPU = re.compile(r"preview updated in [0-9.]+ s \(([0-9.]+) CPU s\)")
"""The CPU seconds the server's own log line gives a rebuild (its thread, before the reload)."""
_ID = re.compile(r"^  - id: (\S+)$", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _edited_meeting(meetings: str) -> tuple[str, int, int] | None:
    """The first meeting at a venue: its id, and the span its room line takes (or would)."""
    venue = _VENUE.search(meetings)
    if venue is None:
        return None
    ids = [m for m in _ID.finditer(meetings) if m.start() < venue.start()]
    room = venue.start(1) if venue.group(1) else venue.end()
    return ids[-1].group(1), room, venue.end()


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return str(answer.read().decode("utf-8"))
    except OSError:
        return ""


def measure(
    config: Path, data: Path, *, env: Mapping[str, str], cwd: Path, log: Path, edits: int = EDITS
) -> dict[str, Any]:
    """Serve ``config``, edit ``data``'s first room ``edits`` times; the figures, or an error."""
    meetings_file = data / "meetings.yaml"
    original = meetings_file.read_text(encoding="utf-8")
    found = _edited_meeting(original)
    if found is None:
        return {"error": "no meeting at a venue to edit"}
    meeting, at, end = found
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(config)]
    lines: list[str] = []
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            env=dict(env),
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

        def read() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line)
                out.write(line)

        threading.Thread(target=read, daemon=True).start()
        try:
            return _edits(process, lines, base, meeting, meetings_file, original, (at, end), edits)
        finally:
            process.terminate()
            process.wait(timeout=60)
            meetings_file.write_text(original, encoding="utf-8")


def _edits(
    process: subprocess.Popen[str],
    lines: list[str],
    base: str,
    meeting: str,
    meetings_file: Path,
    original: str,
    span: tuple[int, int],
    edits: int,
) -> dict[str, Any]:
    started = time.perf_counter()
    if not _until(lambda: any("Serving on" in line for line in lines), process):
        return {"error": "the first build did not finish:\n" + "".join(lines[-15:])}
    first_build = time.perf_counter() - started
    url = base + _mount(lines) + f"meetings/{meeting}/"
    times: list[float] = []
    memory: list[float] = []
    settled: list[float] = []
    cpu_before, load_before = _cpu_s(process.pid), os.getloadavg()
    for number in range(1, edits + 1):
        text = f"Preview edit {number}"
        edited = original[: span[0]] + f"    room: {text}\n" + original[span[1] :]
        written = time.perf_counter()
        meetings_file.write_text(edited, encoding="utf-8")
        if not _until(lambda text=text: text in _page(url), process, poll=0.02):
            return {"error": f"edit {number} never reached {url}:\n" + "".join(lines[-15:])}
        times.append(time.perf_counter() - written)
        # The downloads and search index follow the pages: staff edit seconds apart, so the
        # next edit waits for them (else it would be timed waiting for this one's).
        if not _until(lambda number=number: _settled(lines, number), process, poll=0.02):
            return {"error": f"edit {number} never settled:\n" + "".join(lines[-15:])}
        settled.append(time.perf_counter() - written)
        memory.append(tree_rss(process.pid) / 2**20)
    cpu = _cpu_s(process.pid) - cpu_before
    rebuilds = [float(f) for f in _REBUILD_CPU.findall("".join(lines))][-edits:]
    return {
        "first_build_s": round(first_build, 2),
        "edits": edits,
        "edit_to_page_median_s": round(statistics.median(times), 3),
        "edit_to_page_max_s": round(max(times), 3),
        "settled_median_s": round(statistics.median(settled), 3),
        "tree_rss_first_mb": round(memory[0]),
        "tree_rss_warm_mb": round(memory[min(WARM, edits) - 1]),
        "tree_rss_last_mb": round(memory[-1]),
        "tree_rss_max_mb": round(max(memory)),
        "cpu_per_edit_s": round(cpu / edits, 3),
        "rebuild_cpu_median_s": round(statistics.median(rebuilds), 3) if rebuilds else None,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_s(pid: int) -> float:
    """CPU seconds ``pid`` and its finished children (Pagefind) have used, 0 if /proc cannot say."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    # After the name: state is field 3, utime/stime/cutime/cstime are fields 14-17 (proc(5)).
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _settled(lines: list[str], edits: int) -> bool:
    """Whether the server logged ``edits`` rebuilds and the background work they started."""
    rebuilds = [line for line in lines if "preview updated in" in line]
    started = sum("index follow" in line for line in rebuilds)
    finished = sum("search index updated" in line for line in lines)
    return len(rebuilds) >= edits and finished >= started


def _mount(lines: list[str]) -> str:
    """The path the server mounts the site at (site_url's), from its 'Serving on' line."""
    for line in lines:
        found = re.search(r"Serving on http://[^/]+/(\S*)", line)
        if found:
            return found.group(1)
    return ""


def _until(test: Any, process: subprocess.Popen[str], poll: float = 0.1) -> bool:
    deadline = time.perf_counter() + WAIT_S
    while time.perf_counter() < deadline and process.poll() is None:
        if test():
            return True
        time.sleep(poll)
    return False
