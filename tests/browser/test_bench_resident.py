"""The benchmark's resident-side figures, measured in the suite's own Chromium.

``python -m bench`` launches a Chromium of its own for them; its smoke test
(tests/test_bench.py) runs with ``--no-resident`` and this test measures the fixture site
with the same function instead, saving a second browser per run.
"""

from __future__ import annotations

import sitebuild

from bench.resident import measure_in


def test_the_figures_of_a_first_load_and_a_search(browser, built_site: sitebuild.BuiltSite):  # type: ignore[no-untyped-def]
    figures = measure_in(browser, built_site.site_dir, "cycling")
    assert figures["query"] == "cycling"
    assert figures["first_load_search_bytes"] == 0 and figures["first_load_gzip_bytes"] > 0
    assert figures["first_load_requests"] > 0 and figures["search_requests"] > 0
    assert figures["search_gzip_bytes"] > 0 and figures["results_shown"] > 0
    assert figures["first_results_ms"] > 0
    assert figures["load_and_search_gzip_bytes"] == (
        figures["first_load_gzip_bytes"] + figures["search_gzip_bytes"]
    )
    assert figures["index"]["files"] > 0 and figures["index"]["bytes"] > 0
