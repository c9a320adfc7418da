"""Every built HTML page is valid HTML, checked offline by the Nu Html Checker.

Runs vnu.jar from the ``vnu-jar`` npm package (``npm ci`` installs it in
node_modules/) with the system Java on all pages at once. Material's own
markup is checked too: where it was invalid, overrides/base.html fixes it.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import sitebuild

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

# Known Nu Html Checker false positives, as exact messages. Each entry must be
# justified here. None are needed at present.
KNOWN_FALSE_POSITIVES: frozenset[str] = frozenset()

# One short run: the quick (C1) compiler alone takes 0.4 of the CPU time of the JVM's
# defaults, which tune for long-running servers. Its frames are larger, so the checker's
# schema evaluation needs a bigger thread stack than vnu's 512k minimum.
QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-Xss16m")


def test_all_pages_are_valid_html(built_site: sitebuild.BuiltSite) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found (Debian: apt-get install default-jre-headless)", pytrace=False)
    try:
        vnu = sitebuild.node_module("vnu-jar/build/dist/vnu.jar")
    except FileNotFoundError as exc:
        pytest.fail(str(exc), pytrace=False)

    pages = [built_site.page_file(page) for page in built_site.pages]
    assert pages, "the build produced no HTML pages"
    proc = subprocess.run(
        [java, *QUICK_JVM, "-jar", str(vnu), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu writes its JSON report to stderr; stdout normally stays empty.
    report_text = proc.stderr.strip() or proc.stdout.strip()
    try:
        report = json.loads(report_text)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar did not produce JSON (exit {proc.returncode}):\n{report_text[:5000]}")

    problems = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        if message.get("message") in KNOWN_FALSE_POSITIVES:
            continue
        where = message.get("url", "?").replace(f"file:{built_site.site_dir}/", "")
        line = message.get("lastLine", "?")
        problems.append(
            f"{where}:{line}: {message.get('message')}\n    {message.get('extract', '').strip()}"
        )
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(problems[:200])
    assert proc.returncode == 0 or not problems, report_text[:5000]
