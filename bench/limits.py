"""Inputs at the data limits: time and peak memory of the steps that used to blow up.

``python -m bench.limits`` runs each case in its own process and prints one line per case
(wall and CPU seconds, peak memory), and writes them to ``bench-results/limits.json``.
Figures only, never pass/fail: the tests check the behaviour, this records the cost.

- ``personal-data``: the personal-data scan over 6 MB of unbroken 20,000-character tokens
  (the email pattern used to rescan each token from every character: 138 s).
- ``phone-runs``: the same scan over 6 MB of phone numbers back to back (every one a finding).
- ``links``: the whole-file scan over 300 entries whose link (a ``*url`` field) is 20,000
  characters of escaped email addresses in its query, each entry's findings fingerprinted.
- ``same-day``: advisories for 10,000 meetings on one day (pairwise warnings: 66 s, 2.6 GB).
- ``dev-zero``: a data file that is a link to /dev/zero (read whole: MemoryError).
- ``at-size-limit``: a data file one byte over the size limit (read, then refused).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from generator.load import advisories, dataset, personal_data, personal_scan
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "site" / "data"


def _personal_data(scale: float) -> str:
    token = "a" * yamlstrict.MAX_SCALAR
    values = max(1, int(300 * scale))  # 300 x 20,000 characters: 6 MB
    found = sum(len(personal_data.find(token)) for _ in range(values))
    return f"{values} values of {len(token):,} characters, {found} findings"


def _phone_runs(scale: float) -> str:
    token = ("020 7946 0018 " * 1500)[: yamlstrict.MAX_SCALAR]
    values = max(1, int(300 * scale))
    found = sum(len(personal_data.find(token)) for _ in range(values))
    return f"{values} values of {len(token):,} characters of phone numbers, {found:,} findings"


def _links(scale: float) -> str:
    query = "to=jo.bloggs%40example.com&" * 800
    url = ("https://forms.example.org/topics?" + query)[: yamlstrict.MAX_SCALAR]
    entries = max(1, int(300 * scale))
    tree = {"clusters": [{"id": f"p{n}", "questionnaire_url": url} for n in range(entries)]}
    flagged = personal_scan.scan(tree, skip_reviewed=False)
    marks = {f.fingerprint for f in flagged}
    return (
        f"{entries} links of {len(url):,} characters, {len(flagged):,} findings, "
        f"{len(marks)} fingerprint(s)"
    )


def _same_day(scale: float) -> str:
    count = max(2, int(10_000 * scale))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        for name in FIXTURE.iterdir():
            if name.name != "meetings.yaml":
                (data / name.name).write_bytes(name.read_bytes())
        (data / "actions.yaml").write_text("actions: []\n")
        meetings = "".join(
            f"  - id: m-{n}\n    panel: hilltop\n    date: 2025-06-04\n    start: 18:00\n"
            "    format: in-person\n    venue: summit-library\n"
            for n in range(count)
        )
        (data / "meetings.yaml").write_text("meetings:\n" + meetings)
        loaded = dataset.load(data, today=date(2025, 6, 1))
        warnings = advisories.advisories(loaded)
    longest = max(len(str(w.problem)) for w in warnings)
    return f"{count:,} meetings, {len(warnings):,} advisories, longest {longest} characters"


def _dev_zero(scale: float) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "data").mkdir()
        link = Path(tmp) / "data" / "meetings.yaml"
        link.symlink_to("/dev/zero")
        try:
            yamlstrict.read(link, "data/meetings.yaml")
        except DataError as error:
            return error.problems[0].what
    return "read (unexpected)"


def _at_size_limit(scale: float) -> str:
    size = int(yamlstrict.MAX_BYTES * scale) if scale < 1 else yamlstrict.MAX_BYTES
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "data").mkdir()
        path = Path(tmp) / "data" / "meetings.yaml"
        with path.open("wb") as out:
            out.write(b"# " + b"x" * size + b"\n")
        try:
            yamlstrict.read(path, "data/meetings.yaml")
        except DataError as error:
            return f"{size + 3:,} bytes: {error.problems[0].what}"
    return f"{size + 3:,} bytes: read"


CASES: dict[str, Callable[[float], str]] = {
    "personal-data": _personal_data,
    "phone-runs": _phone_runs,
    "links": _links,
    "same-day": _same_day,
    "dev-zero": _dev_zero,
    "at-size-limit": _at_size_limit,
}


def _one(name: str, scale: float) -> dict[str, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = CASES[name](scale)
    return {
        "case": name,
        "outcome": outcome,
        "wall_s": round(time.perf_counter() - wall, 3),
        "cpu_s": round(time.process_time() - cpu, 3),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run every case in a child process; print and save the figures."""
    args = argparse.ArgumentParser(prog="python -m bench.limits", description=__doc__)
    args.add_argument("--scale", type=float, default=1.0, help="fraction of each limit (1.0)")
    args.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)
    args.add_argument("--out", type=Path, default=Path("bench-results"))
    options = args.parse_args(argv)
    if options.case:
        print(json.dumps(_one(options.case, options.scale)))
        return 0
    results = []
    for name in CASES:
        child = subprocess.run(
            [sys.executable, "-m", "bench.limits", "--case", name, "--scale", str(options.scale)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(child.stdout)
        results.append(result)
        print(
            f"{name:14} {result['wall_s']:8.3f} s wall {result['cpu_s']:8.3f} s CPU "
            f"{result['peak_mib']:8.1f} MiB peak  {result['outcome']}"
        )
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "limits.json").write_text(
        json.dumps({"scale": options.scale, "load": load, "cases": results}, indent=2) + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
