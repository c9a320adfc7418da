"""``python -m bench.lighthouse``: page weight and Lighthouse mobile performance of key pages.

Builds the site with the real ``mkdocs build`` (from ``--data``, default ``data/``), serves it
on 127.0.0.1 with gzip (as GitHub Pages and most hosts do), then runs Lighthouse (pinned in
package.json, installed by ``npm ci``) with the system Chromium and its default mobile settings
(emulated mid-range phone, simulated slow 4G) on one page of each type residents use: home,
panel, meeting, a panel's log, metrics and find-your-panel. ``--built DATE`` builds as on that
day (SOURCE_DATE_EPOCH): with a date before the data's meetings, the browser's clock is after
them, so the panel page is one "whose meetings have passed since the build" (issue 23).

Each page is measured ``--runs`` times (default 3, in rounds, so a burst of load from other
work on the machine hits different pages) and the median run is reported, as Lighthouse's
own guidance on variability advises: on a busy machine one run's total blocking time can
swing by hundreds of milliseconds. Prints per page: the median performance score with the
lowest and highest, requests on load, total bytes gzipped, FCP, LCP, CLS and TBT of the
median run, and the goals of issue 13 (≤ 75 KB gzipped, ≤ 8 requests, performance ≥ 95);
then the CPU seconds used (build, and Lighthouse with Chromium) and the load average.
Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.server
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = next(
    (c for c in ("/usr/bin/chromium", "/usr/bin/chromium-headless-shell") if Path(c).exists()),
    "/usr/bin/chromium",
)
"""The system Chromium: the desktop browser, else Debian's headless shell (the tests' one)."""
BASE = "/cluster-panels/"
"""The path of site_url in mkdocs.yml, so links resolve as they do when published."""
GOALS = {"kb": 75.0, "requests": 8, "performance": 95}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".ics", ".csv", ".xml", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under BASE, gzip-encoding text files when the browser accepts it."""

    root = ""

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(BASE):
            self.send_error(404)
            return
        target = Path(self.root) / path[len(BASE) :]
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            self.send_error(404)
            return
        body = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        if target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


def plugins(data: Path) -> list[Any]:
    """mkdocs.yml's plugins, with the generator's pointed at ``data`` (an inherited list is
    replaced whole, so it is copied rather than retyped: the measured site is the published
    one, e.g. without Material's search plugin, which the site does not use)."""
    listed = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    entries = [entry if isinstance(entry, dict) else {entry: {}} for entry in listed]
    for entry in entries:
        if "cluster-panels" in entry:
            entry["cluster-panels"] = dict(
                entry["cluster-panels"] or {}, data_dir=str(data.resolve())
            )
    return entries


def build(data: Path, site: Path, built: str | None = None) -> None:
    """``mkdocs build --strict`` with mkdocs.yml's settings and the data in ``data``."""
    config = site.parent / "mkdocs.yml"
    settings = {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "docs_dir": str(REPO / "docs"),
        "theme": {"custom_dir": str(REPO / "overrides")},
        "plugins": plugins(data),
    }
    # JSON is YAML, and needs no quoting rules for paths.
    config.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if built:
        day = datetime.date.fromisoformat(built)
        noon = datetime.datetime.combine(day, datetime.time(12), datetime.UTC)
        env["SOURCE_DATE_EPOCH"] = str(int(noon.timestamp()))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(site),
        ],
        cwd=REPO,
        env=env,
        check=True,
    )


def pick_pages(site: Path, panel: str | None, meeting: str | None) -> list[str]:
    """One page of each type: home, a panel, a meeting (the first/last unless named), the
    panel's log (else the first log), metrics and find-your-panel."""
    panels = sorted(p.parent.name for p in (site / "panels").glob("*/index.html"))
    meetings = sorted(p.parent.name for p in (site / "meetings").glob("*/index.html"))
    logs = sorted(p.parent.name for p in (site / "you-said-we-did").glob("*/index.html"))
    chosen = panel or panels[0]
    log = chosen if chosen in logs else (logs[0] if logs else "")
    pages = ["", f"panels/{chosen}/", f"meetings/{meeting or meetings[-1]}/"]
    pages += [f"you-said-we-did/{log}/" if log else "you-said-we-did/", "metrics/"]
    pages += ["find-your-panel/"]
    return [p for p in pages if (site / p / "index.html").is_file()]


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """Run Lighthouse's mobile defaults on ``url``; the JSON report."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env=env,
        check=True,
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def figures(report: dict[str, Any]) -> dict[str, float]:
    """Performance score, requests on load and gzipped bytes, from one report."""
    items = report["audits"]["network-requests"]["details"]["items"]
    loaded = [i for i in items if not str(i["url"]).startswith("data:")]
    audits = report["audits"]
    return {
        "performance": round(100 * (report["categories"]["performance"]["score"] or 0)),
        "requests": len(loaded),
        "kb": sum(float(i.get("transferSize") or 0) for i in loaded) / 1024,
        "fcp_ms": float(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": float(audits["largest-contentful-paint"]["numericValue"]),
        "cls": float(audits["cumulative-layout-shift"]["numericValue"]),
        "tbt_ms": float(audits["total-blocking-time"]["numericValue"]),
    }


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run with the median performance score (ties: the median TBT among them), with the
    lowest and highest score of all runs beside it."""
    ordered = sorted(runs, key=lambda f: (f["performance"], -f["tbt_ms"]))
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["perf_min"] = min(f["performance"] for f in runs)
    chosen["perf_max"] = max(f["performance"] for f in runs)
    chosen["perf_median"] = statistics.median(f["performance"] for f in runs)
    return chosen


def _cpu_seconds() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report_table(results: dict[str, dict[str, float]]) -> None:
    """Print one line per page and whether the goals are met (by the median runs)."""
    head = f"{'page':<34} {'perf':>4} {'min-max':>7} {'requests':>8} {'KB gzip':>7}"
    print(head + f" {'FCP ms':>6} {'LCP ms':>6} {'CLS':>5} {'TBT ms':>6}")
    for page, f in results.items():
        spread = f"{f['perf_min']:.0f}-{f['perf_max']:.0f}"
        print(
            f"{page:<34} {f['perf_median']:>4.0f} {spread:>7} {f['requests']:>8.0f}"
            f" {f['kb']:>7.1f} {f['fcp_ms']:>6.0f} {f['lcp_ms']:>6.0f} {f['cls']:>5.3f}"
            f" {f['tbt_ms']:>6.0f}"
        )
    checks: dict[str, Callable[[dict[str, float]], bool]] = {
        f"performance ≥ {GOALS['performance']} (median run)": lambda f: (
            f["perf_median"] >= GOALS["performance"]
        ),
        f"≤ {GOALS['kb']:.0f} KB gzipped": lambda f: f["kb"] <= GOALS["kb"],
        f"≤ {GOALS['requests']} requests": lambda f: f["requests"] <= GOALS["requests"],
    }
    for goal, check in checks.items():
        missed = [page for page, f in results.items() if not check(f)]
        print(f"goal {goal}: {'met' if not missed else 'NOT met on ' + ', '.join(missed)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Build, serve, measure, print."""
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO / "data", help="data folder")
    parser.add_argument("--panel", help="panel id to measure (default: the first)")
    parser.add_argument("--meeting", help="meeting id to measure (default: the last)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--built", help="build as on this day (YYYY-MM-DD), e.g. before the data's meetings"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (it is pinned in package.json)")
        return 1
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cluster-panels-lighthouse-") as tmp:
        site = Path(tmp) / "site"
        build(args.data, site, args.built)
        build_cpu = _cpu_seconds()
        handler = type("Handler", (_Handler,), {"root": str(site)})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}{BASE}"
        pages = pick_pages(site, args.panel, args.meeting)
        runs: dict[str, list[dict[str, float]]] = {page or "(home)": [] for page in pages}
        for _ in range(max(1, args.runs)):
            for page in pages:
                report = lighthouse(origin + page, Path(tmp) / "report.json")
                runs[page or "(home)"].append(figures(report))
        server.shutdown()
    results = {page: median_run(measured) for page, measured in runs.items()}
    report_table(results)
    print(
        f"CPU seconds: build {build_cpu:.1f}, Lighthouse and Chromium "
        f"{_cpu_seconds() - build_cpu:.1f} ({len(pages)} pages × {max(1, args.runs)} runs); "
        f"load average at start {load_start[0]:.2f}, at end {os.getloadavg()[0]:.2f}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        everything = {"median": results, "runs": runs}
        args.json.write_text(json.dumps(everything, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
