"""Time one command in its own process, and describe the machine it ran on."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


class StepFailed(Exception):
    """A measured command exited with an error; the message ends with its output's last lines."""


@dataclass(frozen=True)
class Measured:
    """What one run of a command cost."""

    wall_s: float
    """Elapsed time."""
    cpu_s: float
    """User plus system CPU time: steadier than wall time on a busy machine."""
    peak_rss_mb: float
    """The process's own peak resident memory, in MiB (the kernel's exact figure)."""
    tree_peak_mb: float = 0.0
    """The highest sum of resident memory over the process and all its descendants (worker
    processes, Pagefind), sampled every 10 ms. A forked helper's pages shared with its parent
    count in both: an upper bound."""
    tree_pss_peak_mb: float = 0.0
    """The highest sum of proportional memory (PSS: a page shared by n processes counts 1/n in
    each) over the same tree, sampled every 100 ms: the memory the build takes from the machine."""

    def as_json(self) -> dict[str, float]:
        """Rounded for the report."""
        return {k: round(v, 3) for k, v in asdict(self).items()}


def run(
    command: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    log: Path,
    timeout: float | None = None,
) -> Measured:
    """Run ``command`` to the end, its output going to ``log``; raise :class:`StepFailed` on error.

    ``os.wait4`` returns the resource usage of exactly this child, so each step's
    peak memory is its own and not the maximum over every earlier step. After
    ``timeout`` seconds the process is killed and the step fails.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            env=dict(env),
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        tree_peak = pss_peak = samples = 0
        while True:
            tree_peak = max(tree_peak, tree_rss(process.pid))
            if samples % 10 == 0:  # reading smaps_rollup walks the page tables: not every 10 ms
                pss_peak = max(pss_peak, tree_pss(process.pid))
            samples += 1
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            wall = time.perf_counter() - started
            if pid:
                break
            if timeout is not None and wall > timeout:
                process.kill()
                os.wait4(process.pid, 0)
                raise StepFailed(f"`{' '.join(command)}` timed out after {timeout:.0f} s")
            time.sleep(0.01)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise StepFailed(
            f"`{' '.join(command)}` exited with {process.returncode}:\n" + "\n".join(tail)
        )
    # ru_maxrss is in KiB on Linux.
    own = usage.ru_maxrss / 1024
    return Measured(
        wall,
        usage.ru_utime + usage.ru_stime,
        own,
        max(own, tree_peak / 2**20),
        pss_peak / 2**20,
    )


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        # A process of the tree may exit between two samples: its folder is then gone.
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant now (0 where /proc cannot say)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            continue
        todo += _children(current)
    return total


def tree_pss(pid: int) -> int:
    """Proportional bytes (PSS) of ``pid`` and every descendant now (0 where /proc cannot say)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            lines = Path(f"/proc/{current}/smaps_rollup").read_text().splitlines()
            total += next(int(line.split()[1]) * 1024 for line in lines if line.startswith("Pss:"))
        except (OSError, IndexError, ValueError, StopIteration):
            continue
        todo += _children(current)
    return total


def best(runs: Sequence[Measured]) -> Measured:
    """The fastest of several runs (the least disturbed by other work), the highest memory."""
    fastest = min(runs, key=lambda m: m.wall_s)
    return Measured(
        fastest.wall_s,
        min(m.cpu_s for m in runs),
        max(m.peak_rss_mb for m in runs),
        max(m.tree_peak_mb for m in runs),
        max(m.tree_pss_peak_mb for m in runs),
    )


def _ram_bytes() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):  # pragma: no cover - not every platform exposes these
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:  # pragma: no cover - not Linux
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    """Cores, RAM, CPU, Python and key library versions, how busy the machine was, and whether
    the measured builds draw poster PDFs (WeasyPrint importable in this interpreter)."""
    from importlib.metadata import PackageNotFoundError, version

    versions: dict[str, str | None] = {}
    for package in ("mkdocs", "mkdocs-material", "pydantic", "PyYAML", "Jinja2"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    ram = _ram_bytes()
    # generator.outreach.poster_pdf decides the same way in the measured builds (they run this
    # interpreter): with WeasyPrint, generate and plugin also draw every upcoming poster's PDF,
    # most of a serial build, which the production build (requirements.txt alone) does not.
    from generator.outreach import poster_pdf

    return {
        "cores": os.cpu_count(),
        "ram_gib": round(ram / 2**30, 1) if ram else None,
        "cpu": _cpu_model(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "libraries": versions,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "poster_pdfs": poster_pdf.available(),
    }
