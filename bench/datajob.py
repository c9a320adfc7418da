"""``python -m bench.datajob``: time the pull request's data job from a clean clone.

Clones this repository's HEAD into a temporary folder and runs ``.ci/pr-check all`` there, the
job's own steps, with empty uv, pip and uv-download caches ("cold"), then again in a second clone
with the caches the first one filled ("warm"), then once more in that clone with its virtualenv
kept (what the workflow does on a cache hit). ``--pip`` adds a cold run installing with pip alone
(the fallback when uv cannot be had, and the old way), for a ratio in the same run. Prints wall
and CPU seconds (the children's user + system) and the load average before each run: on a shared
machine the wall time follows the load, the CPU seconds much less.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_STEP = re.compile(r"^pr-check: (\w+) took ([\d.]+) s$", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    """One run of the job: its name, exit status, seconds and the load it met."""

    name: str
    status: int
    wall: float
    cpu: float
    load: float
    steps: dict[str, float]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def clone(work: Path, name: str) -> Path:
    """A clean clone of HEAD whose ``origin/main`` is HEAD (the diff then has nothing to say)."""
    target = work / name
    subprocess.run(["git", "clone", "-q", str(REPO), str(target)], check=True)
    subprocess.run(
        ["git", "-C", str(target), "update-ref", "refs/remotes/origin/main", "HEAD"], check=True
    )
    return target


def job(name: str, folder: Path, caches: Path, extra: dict[str, str] | None = None) -> Run:
    """Run ``.ci/pr-check all`` in ``folder`` with every cache under ``caches``."""
    env = {
        **os.environ,
        "UV_CACHE_DIR": str(caches / "uv"),
        "PIP_CACHE_DIR": str(caches / "pip"),
        "CLUSTER_PANELS_UV_HOME": str(caches / "uv-home"),
        "BASE_REF": "main",
        "RUNNER_TEMP": tempfile.mkdtemp(prefix="runner-", dir=caches.parent),
        **(extra or {}),
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    load = os.getloadavg()[0]
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [str(folder / ".ci" / "pr-check"), "all"], env=env, capture_output=True, text=True
    )
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
    steps = {step: float(seconds) for step, seconds in _STEP.findall(done.stderr)}
    return Run(name, done.returncode, wall, cpu, load, steps)


def table(runs: Sequence[Run]) -> str:
    """The runs as a plain-text table, with each run's wall time as a ratio of the first's."""
    lines = [
        f"{'run':<22}{'exit':>5}{'wall s':>8}{'CPU s':>7}{'load':>6}{'ratio':>7}  steps (wall s)"
    ]
    for run in runs:
        ratio = run.wall / runs[0].wall
        steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in run.steps.items())
        lines.append(
            f"{run.name:<22}{run.status:>5}{run.wall:>8.1f}{run.cpu:>7.1f}{run.load:>6.1f}"
            f"{ratio:>7.2f}  {steps}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job cold, warm and with its virtualenv kept (and with pip if asked); print them."""
    options = argparse.ArgumentParser(prog="python -m bench.datajob", description=__doc__)
    options.add_argument("--pip", action="store_true", help="add a cold run with pip alone")
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="datajob-") as temporary:
        work = Path(temporary)
        caches = work / "caches"
        runs = [job("cold (uv)", clone(work, "cold"), caches)]
        warm = clone(work, "warm")
        runs.append(job("warm caches", warm, caches))
        runs.append(job("virtualenv kept", warm, caches))
        if args.pip:
            pip = {"CLUSTER_PANELS_INSTALLER": "pip"}
            runs.append(job("cold (pip only)", clone(work, "pip"), work / "pip-caches", pip))
    print(table(runs))
    return max(run.status for run in runs)


if __name__ == "__main__":
    sys.exit(main())
