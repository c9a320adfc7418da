"""The MkDocs adapter, end to end: real strict MkDocs builds (in-process, and `mkdocs build` as people run it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from positions import located
from searchindex import fragments
from sitebuild import FIXTURE_DATA, FIXTURE_EPOCH, BuiltSite, mkdocs_build, mkdocs_cli


@pytest.fixture(scope="module")
def fixture_site(built_site: BuiltSite) -> Path:
    """The fixture force's site, built once per test run (shared with the browser suite)."""
    return built_site.site_dir


def test_fixture_builds_with_every_page(fixture_site: Path) -> None:
    for page in (
        "index.html",
        "panels/index.html",
        "panels/riverside/index.html",
        "meetings/riverside-2025-03/index.html",
        "you-said-we-did/index.html",
        "engagement/index.html",
        "venues/index.html",
    ):
        assert (fixture_site / page).is_file(), page
    assert (fixture_site / "assets/javascripts/cluster-panels-pages.js").is_file()
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/cluster-panels-pages.js" in home
    assert "assets/stylesheets/cluster-panels-pages.css" in home


def test_titles_reach_the_theme_as_text(fixture_site: Path) -> None:
    page = (fixture_site / "panels" / "riverside" / "index.html").read_text(encoding="utf-8")
    assert "<title>Riverside cluster panel - Example panels</title>" in page
    index = fragments(fixture_site / "pagefind")
    assert index["/panels/riverside/"]["meta"]["title"] == "Riverside cluster panel"


def test_meeting_pages_stay_out_of_the_navigation(fixture_site: Path) -> None:
    # navigation.prune lists a section's pages only on the pages inside that section.
    panels = (fixture_site / "panels" / "index.html").read_text(encoding="utf-8")
    nav = panels[panels.index('data-md-type="navigation"') : panels.index('data-md-type="toc"')]
    assert "meetings/" not in nav
    assert 'href="riverside/"' in nav


def side_nav(page: Path) -> str:
    """The side navigation's markup of a built page."""
    html = page.read_text(encoding="utf-8")
    return html[html.index('data-md-type="navigation"') : html.index('data-md-type="toc"')]


def test_panel_logs_stay_out_of_the_navigation(fixture_site: Path) -> None:
    # The log index links to each panel's log; listing them all in the menu would not scale.
    assert (fixture_site / "you-said-we-did" / "riverside" / "index.html").is_file()
    assert 'href="riverside/"' not in side_nav(fixture_site / "you-said-we-did" / "index.html")


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_many_panels_leave_the_navigation(tmp_path: Path) -> None:
    site = mkdocs_build(tmp_path, FIXTURE_DATA, FIXTURE_EPOCH, panels_in_nav=1)
    assert 'href="riverside/"' not in side_nav(site / "panels" / "index.html")
    assert (site / "panels" / "riverside" / "index.html").is_file()


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_bad_data_fails_the_build_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    meetings = data / "meetings.yaml"
    meetings.write_text(
        meetings.read_text(encoding="utf-8").replace("start: 10:30", "start: 25:30"),
        encoding="utf-8",
    )
    result = mkdocs_cli(tmp_path, data, FIXTURE_EPOCH)
    assert result.returncode != 0
    assert (
        f"{data}/meetings.yaml at `25:30`: meetings[riverside-2025-03].start: `25:30` is not a "
        "24-hour time written as HH:MM — write it like 13:00 or 18:30"
    ) in located(result.stderr, tmp_path)
    assert "1 problem(s) found; nothing was published." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_advisories_show_in_the_mkdocs_log_without_failing_strict(tmp_path: Path) -> None:
    result = mkdocs_cli(tmp_path, FIXTURE_DATA, FIXTURE_EPOCH)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (
        "INFO    -  cluster-panels: data warning: "
        f"{FIXTURE_DATA}/meetings.yaml at the 1st `online`: meetings[harbour-2025-05].format: the online meeting "
        "on Wednesday 14 May 2025 has no joining link yet"
    ) in located(result.stderr, tmp_path)
