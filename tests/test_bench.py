"""Smoke test of the benchmark: it runs end to end at the tiny scale. No timing assertions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import goals
from generator.outreach import poster_pdf

ROOT = Path(__file__).resolve().parent.parent
STEP_KEYS = {"wall_s", "cpu_s", "peak_rss_mb", "tree_peak_mb", "tree_pss_peak_mb"}


def _bench(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_bench_runs_end_to_end_at_the_tiny_scale(tmp_path: Path) -> None:
    out = tmp_path / "results" / "bench.json"
    # Chromium's figures: tests/browser/test_bench_resident.py, in the suite's own browser.
    done = _bench(
        "--scales", "tiny", "--no-resident", "--preview-edits", "3", "--out", str(out), cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) >= {
        "started",
        "machine",
        "repo",
        "synthetic_today",
        "repeat",
        "plugin_enabled_in_mkdocs_yml",
        "results",
        "growth",
        "goals",
    }
    assert set(report["machine"]) >= {
        "cores",
        "ram_gib",
        "cpu",
        "python",
        "platform",
        "libraries",
        "load_average_at_start",
        "poster_pdfs",
    }
    # The builds ran in this interpreter: they drew poster PDFs exactly when it can.
    assert report["machine"]["poster_pdfs"] is poster_pdf.available()
    drawn = "poster PDFs drawn (WeasyPrint importable)"
    assert done.stdout.splitlines()[0].endswith(
        drawn
        if poster_pdf.available()
        else "no poster PDFs (WeasyPrint not importable, as in the production build)"
    )
    (tiny,) = report["results"]
    assert tiny["scale"] == "tiny"
    assert tiny["counts"]["meetings"] == 5 and tiny["counts"]["actions"] == 12
    assert tiny["errors"] == {}
    assert set(tiny["steps"]) == {"check", "generate", "plain", "plugin"}
    assert all(set(step) == STEP_KEYS for step in tiny["steps"].values())
    assert tiny["pages"]["plain"] > 0 and tiny["pages"]["plugin"] > 0
    assert tiny["overhead"] > 0 and tiny["overhead_cpu"] > 0
    assert tiny["vs_generate"] > 0 and tiny["vs_generate_cpu"] > 0
    assert tiny["resident"] == {"error": "not measured: --no-resident"}
    assert "tiny: not measured: --no-resident" in done.stdout.splitlines()
    preview = tiny["preview"]
    assert preview["edits"] == 3, preview
    assert 0 < preview["edit_to_page_median_s"] <= preview["edit_to_page_max_s"]
    assert preview["tree_rss_max_mb"] >= preview["tree_rss_last_mb"] > 0
    assert any(line.startswith("tiny: preview edit-to-page ") for line in done.stdout.splitlines())
    assert (
        set(report["growth"])
        == set(report["growth_cpu"])
        == {"check", "generate", "plain", "plugin"}
    )
    assert len(report["goals"]) == 17
    assert report["goals"]["region: preview edit-to-page ≤ 1 s (median)"] is None  # not run
    # The whole tree's memory includes the process's own (the plugin build forks Pagefind).
    assert all(s["tree_peak_mb"] >= s["peak_rss_mb"] > 0 for s in tiny["steps"].values())
    # Proportional memory counts a shared page once in all: never above the resident sum.
    assert all(0 < s["tree_pss_peak_mb"] <= s["tree_peak_mb"] for s in tiny["steps"].values())
    assert done.stdout.splitlines()[1].split()[:4] == ["scale", "meetings", "actions", "pages"]
    assert done.stdout.splitlines()[-1] == f"report written to {out}"


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_bench_refuses_an_unknown_scale(tmp_path: Path) -> None:
    done = _bench("--scales", "city,galaxy", "--out", str(tmp_path / "b.json"), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "python -m bench: error: unknown scale(s) galaxy: use tiny, city, region, largest"
    )
    assert not (tmp_path / "b.json").exists()


def test_the_preview_goals_judge_the_median_edit_and_the_memory_over_the_edits() -> None:
    def region(median: float, warm: int, last: int) -> list[dict[str, object]]:
        preview = {
            "edit_to_page_median_s": median,
            "tree_rss_first_mb": warm - 20,  # the warm-up's one-off growth is not judged
            "tree_rss_warm_mb": warm,
            "tree_rss_last_mb": last,
        }
        return [
            {"scale": "region", "steps": {}, "errors": {}, "overhead": None, "preview": preview}
        ]

    speed = "region: preview edit-to-page ≤ 1 s (median)"
    flat = "region: preview memory flat over the edits (last ≤ 5th + 5%)"
    met = goals(region(0.9, 300, 310), {})
    assert (met[speed], met[flat]) == (True, True)
    missed = goals(region(1.2, 300, 320), {})
    assert (missed[speed], missed[flat]) == (False, False)
    assert goals(region(0.9, 300, 310), {})["largest: preview edit-to-page ≤ 2 s (median)"] is None
