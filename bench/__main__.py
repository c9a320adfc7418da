"""``python -m bench``: run the benchmark, print one table, write it as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import synthetic
from bench.measure import machine
from bench.run import (
    REPO,
    STEPS,
    bench_scale,
    environment,
    goals,
    growth,
    plugin_enabled,
    plugin_exists,
)


def parser() -> argparse.ArgumentParser:
    """The benchmark's options."""
    main = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    main.add_argument(
        "--scales",
        default="city,region",
        help=f"comma-separated, from: {', '.join(synthetic.SCALES)} (default: city,region)",
    )
    main.add_argument("--largest", action="store_true", help="add the largest-force scale (slow)")
    main.add_argument(
        "--out", type=Path, default=Path("bench-results/bench.json"), help="JSON report"
    )
    main.add_argument(
        "--work",
        type=Path,
        default=None,
        help="folder for data, logs and built sites (default: next to --out)",
    )
    main.add_argument(
        "--steps",
        default=",".join(STEPS),
        help="comma-separated steps to time (default: all; e.g. plugin for the largest scale)",
    )
    main.add_argument("--repeat", type=int, default=1, help="runs per step; the fastest counts")
    main.add_argument(
        "--no-resident",
        dest="resident",
        action="store_false",
        help="skip the resident-side figures measured in Chromium (the tests measure them in"
        " their own browser)",
    )
    main.add_argument(
        "--no-preview",
        dest="preview",
        action="store_false",
        help="skip the preview's figures (edit-to-page time, memory over 50 rebuilds)",
    )
    main.add_argument(
        "--preview-edits", type=int, default=50, help="rebuilds the preview is measured over"
    )
    main.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds after which a step is stopped and reported as failed",
    )
    return main


def table(report: dict[str, Any]) -> str:
    """The one summary table."""
    head = ["scale", "meetings", "actions", "pages"]
    for step in STEPS:
        head += [f"{step} s (cpu)", f"{step} MiB (tree; pss)"]
    head += ["overhead (cpu)", "÷generate (cpu)"]
    rows = [head]
    for r in report["results"]:
        row = [
            r["scale"],
            str(r["counts"]["meetings"]),
            str(r["counts"]["actions"]),
            str(r["pages"].get("plugin", r["pages"].get("plain", "-"))),
        ]
        for step in STEPS:
            got = r["steps"].get(step)
            row += (
                [
                    f"{got['wall_s']:.1f} ({got['cpu_s']:.1f})",
                    f"{got['peak_rss_mb']:.0f} ({got.get('tree_peak_mb', 0):.0f};"
                    f" {got.get('tree_pss_peak_mb', 0):.0f})",
                ]
                if got
                else [
                    "fail" if step in r["errors"] and "skipped" not in r["errors"][step] else "-",
                    "-",
                ]
            )
        row.append(f"{r['overhead']:.2f} ({r['overhead_cpu']:.2f})" if r["overhead"] else "-")
        gen = r.get("vs_generate")
        row.append(f"{gen:.2f} ({r['vs_generate_cpu']:.2f})" if gen else "-")
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    m = report["machine"]
    lines.insert(
        0,
        f"machine: {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['cpu']}, Python {m['python']}, "
        f"load average {m['load_average_at_start']}; "
        + (
            "poster PDFs drawn (WeasyPrint importable)"
            if m["poster_pdfs"]
            else "no poster PDFs (WeasyPrint not importable, as in the production build)"
        ),
    )
    for r in report["results"]:
        lines.append(f"{r['scale']}: {_resident(r.get('resident'))}")
        lines.append(f"{r['scale']}: {_preview(r.get('preview'))}")
    for key in ("growth", "growth_cpu"):
        grown = ", ".join(f"{k} {v:.2f}" for k, v in report[key].items() if v is not None) or "-"
        lines.append(f"{key} (region vs city, per meeting): {grown}")
    for label, verdict in report["goals"].items():
        shown = "met" if verdict else "MISSED" if verdict is False else "not measured"
        lines.append(f"goal {label}: {shown}")
    return "\n".join(lines)


def _preview(figures: dict[str, Any] | None) -> str:
    if not figures:
        return "preview not measured"
    if "error" in figures:
        return f"preview FAILED: {figures['error'].splitlines()[0]}"
    return (
        f"preview edit-to-page {figures['edit_to_page_median_s']:.2f} s median, "
        f"{figures['edit_to_page_max_s']:.2f} s slowest of {figures['edits']} edits, "
        f"downloads and search index {figures['settled_median_s']:.2f} s median; "
        f"memory (tree) {figures['tree_rss_first_mb']} MiB after the first, "
        f"{figures.get('tree_rss_warm_mb', '-')} MiB after the warm-up, "
        f"{figures['tree_rss_last_mb']} MiB after the last, {figures['tree_rss_max_mb']} MiB most; "
        f"{figures['cpu_per_edit_s']:.2f} CPU s per edit (the rebuild before the reload "
        f"{figures['rebuild_cpu_median_s'] or 0:.2f} median); load average "
        f"{' / '.join(f'{x:.2f}' for x in figures['load_before'])} before the edits, "
        f"{' / '.join(f'{x:.2f}' for x in figures['load_after'])} after"
    )


def _resident(figures: dict[str, Any] | None) -> str:
    if not figures:
        return "resident-side figures not measured"
    if "error" in figures:
        return str(figures["error"])
    kb = 1024
    return (
        f"first page load {figures['first_load_gzip_bytes'] / kb:.0f} KB gzipped in "
        f"{figures['first_load_requests']} requests "
        f"({figures['first_load_search_bytes'] / kb:.0f} KB of it for search); "
        f"query {figures['query']!r}: {figures['search_gzip_bytes'] / kb:.0f} KB in "
        f"{figures['search_requests']} requests, first results after "
        f"{figures['first_results_ms']} ms; index on disk "
        f"{figures['index']['bytes'] / kb / kb:.1f} MB in {figures['index']['files']} files"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 if a step failed (the report is written either way)."""
    args = parser().parse_args(argv)
    names = [n.strip() for n in args.scales.split(",") if n.strip()]
    if args.largest and "largest" not in names:
        names.append("largest")
    unknown = [n for n in names if n not in synthetic.SCALES]
    if unknown:
        parser().error(f"unknown scale(s) {', '.join(unknown)}: use {', '.join(synthetic.SCALES)}")
    out = args.out.resolve()
    work = (args.work or out.parent / "work").resolve()

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    report: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "repo": str(REPO),
        "synthetic_today": synthetic.TODAY.isoformat(),
        "repeat": args.repeat,
        "timeout_s": args.timeout,
    }
    with_plugin = plugin_exists(REPO)
    report["plugin_enabled_in_mkdocs_yml"] = plugin_enabled(REPO)
    env = environment(synthetic.TODAY)
    report["results"] = [
        bench_scale(
            synthetic.SCALES[name],
            work,
            env=env,
            repeat=args.repeat,
            with_plugin=with_plugin,
            steps=tuple(s.strip() for s in args.steps.split(",")),
            timeout=args.timeout,
            resident_figures=args.resident,
            preview_figures=args.preview,
            preview_edits=args.preview_edits,
            say=say,
        )
        for name in names
    ]
    report["growth"] = growth(report["results"])
    report["growth_cpu"] = growth(report["results"], "cpu_s")
    report["goals"] = goals(report["results"], report["growth"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(report))
    print(f"report written to {out}")
    failed = [
        r["scale"]
        for r in report["results"]
        if any("skipped" not in e for e in r["errors"].values())
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
