"""``python -m bench.lighthouse``: page weight and Lighthouse mobile performance of key pages.

Builds the site with the real ``mkdocs build`` (from ``--data``, default ``data/``), serves it
on 127.0.0.1 with gzip (as GitHub Pages and most hosts do), then runs Lighthouse (pinned in
package.json, installed by ``npm ci``) with the system Chromium and its default mobile settings
(emulated mid-range phone, simulated slow 4G) on one page of each type residents use: home,
panel, meeting, a panel's log, metrics and find-your-panel. ``--built DATE`` builds as on that
day (SOURCE_DATE_EPOCH): with a date before the data's meetings, the browser's clock is after
them, so the panel page is one "whose meetings have passed since the build" (issue 23). Prints
per page: performance score, requests on load, total bytes gzipped, and the goals of issue 13
(≤ 75 KB gzipped, ≤ 8 requests, performance ≥ 95). Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

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


def build(data: Path, site: Path, built: str | None = None) -> None:
    """``mkdocs build --strict`` with mkdocs.yml's settings and the data in ``data``."""
    config = site.parent / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\n"
        f"docs_dir: {REPO / 'docs'}\n"
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n"
        f"plugins:\n  - search\n  - cluster-panels:\n      data_dir: {data.resolve()}\n",
        encoding="utf-8",
    )
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
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (it is pinned in package.json)")
        return 1
    with tempfile.TemporaryDirectory(prefix="cluster-panels-lighthouse-") as tmp:
        site = Path(tmp) / "site"
        build(args.data, site, args.built)
        handler = type("Handler", (_Handler,), {"root": str(site)})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}{BASE}"
        results = {}
        for page in pick_pages(site, args.panel, args.meeting):
            report = lighthouse(origin + page, Path(tmp) / "report.json")
            results[page or "(home)"] = figures(report)
        server.shutdown()
    head = f"{'page':<40} {'perf':>4} {'requests':>8} {'KB gzip':>8} {'FCP ms':>7} {'LCP ms':>7}"
    print(head + f" {'CLS':>6} {'TBT ms':>6}")
    for page, f in results.items():
        print(
            f"{page:<40} {f['performance']:>4} {f['requests']:>8} {f['kb']:>8.1f}"
            f" {f['fcp_ms']:>7.0f} {f['lcp_ms']:>7.0f} {f['cls']:>6.3f} {f['tbt_ms']:>6.0f}"
        )
    met = functools.reduce(
        lambda ok, f: (
            ok
            and f["kb"] <= GOALS["kb"]
            and f["requests"] <= GOALS["requests"]
            and f["performance"] >= GOALS["performance"]
        ),
        results.values(),
        True,
    )
    print(
        f"goals: ≤ {GOALS['kb']:.0f} KB gzipped, ≤ {GOALS['requests']} requests, "
        f"performance ≥ {GOALS['performance']}: {'met' if met else 'NOT met'}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
