"""``python -m bench.alternate --base DIR``: this checkout's real build against another's, in turns.

A change's cost is a ratio of two builds measured in one run: on a shared machine the load
moves between two separate benchmark runs more than a small change moves the build. Both
checkouts build the same synthetic data (one scale) with the cluster-panels plugin
(``mkdocs build``), alternating base, this, base, this…; each run's CPU seconds (user +
system, of the build process and its children) and wall seconds are printed with the
1-minute load average before it, then the median CPU ratio.

``DIR`` is a source tree of the base, e.g. ``git archive main | tar -x -C /tmp/base``; both
run with this checkout's Python environment (the base must not need more packages).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import synthetic
from bench.measure import run
from bench.run import _docs, environment, write_config

REPO = Path(__file__).resolve().parents[1]


def prepare(repo: Path, data: Path, base: Path, env: dict[str, str]) -> list[str]:
    """The ``mkdocs build`` command of ``repo``'s plugin over ``data``, in folder ``base``."""
    generated = base / "generated"
    run(
        [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(generated)],
        env=env,
        cwd=repo,
        log=base / "generate.log",
    )
    _docs(repo, generated, base)
    config = write_config(repo, base / "mkdocs.yml", base / "docs-plugin", base / "site", data)
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table and the ratio."""
    options = argparse.ArgumentParser(prog="python -m bench.alternate", description=__doc__)
    options.add_argument("--base", type=Path, required=True, help="the base's source tree")
    options.add_argument("--scale", default="city", choices=sorted(synthetic.SCALES))
    options.add_argument("--repeat", type=int, default=3, help="builds of each (default 3)")
    options.add_argument("--work", type=Path, default=Path("bench-results/alternate"))
    options.add_argument(
        "--with-previous",
        action="store_true",
        help="build as the deploy does, against the calendar and changes feed a first build "
        "published (the base's calendar, this side's feed; a base without the feed ignores it)",
    )
    args = options.parse_args(argv)
    work = args.work.resolve()
    data = work / "data"
    counts = synthetic.write(synthetic.SCALES[args.scale], data)
    print(f"{args.scale}: {counts.get('meetings', '?')} meetings")
    sides = {"base": args.base.resolve(), "this": REPO}
    commands, envs = {}, {}
    for name, repo in sides.items():
        env = environment(synthetic.TODAY)
        env["PYTHONPATH"] = str(repo)  # each side imports its own generator package
        envs[name] = env
        commands[name] = prepare(repo, data, work / name, env)
    if args.with_previous:
        # What the deploy fetches: the calendar and feed a real build of each side published.
        for name, repo in sides.items():
            run(commands[name], env=envs[name], cwd=repo, log=work / name / "published.log")
        calendar = work / "published-calendar.ics"
        feed = work / "published-changes.atom"
        shutil.copyfile(work / "base/site/calendar/all.ics", calendar)
        shutil.copyfile(work / "this/site/changes.atom", feed)
        for env in envs.values():
            env["CLUSTER_PANELS_PREVIOUS_CALENDAR"] = str(calendar)
            env["CLUSTER_PANELS_PREVIOUS_CHANGES"] = str(feed)
    cpu: dict[str, list[float]] = {name: [] for name in sides}
    print(f"{'run':>4} {'side':<5} {'load1':>6} {'cpu_s':>7} {'wall_s':>7}")
    for turn in range(args.repeat):
        for name, repo in sides.items():
            load = os.getloadavg()[0]
            measured = run(
                commands[name], env=envs[name], cwd=repo, log=work / name / f"build-{turn}.log"
            )
            cpu[name].append(measured.cpu_s)
            cost = f"{measured.cpu_s:>7.2f} {measured.wall_s:>7.2f}"
            print(f"{turn + 1:>4} {name:<5} {load:>6.2f} {cost}")
    base_cpu, this_cpu = statistics.median(cpu["base"]), statistics.median(cpu["this"])
    print(
        f"median CPU s: base {base_cpu:.2f}, this {this_cpu:.2f}, ratio {this_cpu / base_cpu:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
