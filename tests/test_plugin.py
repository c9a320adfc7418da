"""The MkDocs adapter, end to end: real `mkdocs build --strict` runs in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from searchindex import fragments

REPO = Path(__file__).resolve().parent.parent
FIXTURE_DATA = REPO / "tests" / "fixtures" / "site" / "data"
FIXTURE_EPOCH = "1741608000"
"""2025-03-10 12:00 UTC: the fixture's build date (some meetings past, some upcoming)."""
SHIPPED_EPOCH = "1735689600"
"""2025-01-01 00:00 UTC: after the shipped November 2024 meetings."""


def mkdocs_build(
    tmp: Path, data_dir: Path, epoch: str, **options: object
) -> subprocess.CompletedProcess[str]:
    """Build the real site config against ``data_dir`` into ``tmp/site`` with `mkdocs build --strict`."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / config.get("docs_dir", "docs"))
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    plugins = [p for p in config["plugins"] if p != "cluster-panels" and "cluster-panels" not in p]
    config["plugins"] = [*plugins, {"cluster-panels": {"data_dir": str(data_dir), **options}}]
    config_file = tmp / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config_file),
            "-d",
            str(tmp / "site"),
        ],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def built(tmp: Path, data_dir: Path, epoch: str, **options: object) -> Path:
    """Build and return the site folder, failing the test with MkDocs' log if the build fails."""
    result = mkdocs_build(tmp, data_dir, epoch, **options)
    assert result.returncode == 0, result.stderr[-4000:]
    return tmp / "site"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("fixture"), FIXTURE_DATA, FIXTURE_EPOCH)


def test_shipped_data_builds_strictly(tmp_path: Path) -> None:
    site = built(tmp_path, REPO / "data", SHIPPED_EPOCH)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "No upcoming meetings are published yet." in home
    assert "The wards each panel covers are not yet published." in home
    bank = (site / "panels" / "bank" / "index.html").read_text(encoding="utf-8")
    assert "The names of this panel's Dedicated Ward Officers are not yet published." in bank
    assert "Wednesday 6 November 2024, from 1pm" in bank
    meeting = (site / "meetings" / "bank-2024-11" / "index.html").read_text(encoding="utf-8")
    assert "Postcode not yet confirmed" in meeting
    assert (
        "The record of this meeting (attendance, topics raised, minutes) is not yet published."
        in meeting
    )


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
    assert "<title>Riverside cluster panel - City of London Police cluster panels</title>" in page
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


def test_many_panels_leave_the_navigation(tmp_path: Path) -> None:
    site = built(tmp_path, FIXTURE_DATA, FIXTURE_EPOCH, panels_in_nav=1)
    assert 'href="riverside/"' not in side_nav(site / "panels" / "index.html")
    assert (site / "panels" / "riverside" / "index.html").is_file()


def test_bad_data_fails_the_build_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    meetings = data / "meetings.yaml"
    meetings.write_text(
        meetings.read_text(encoding="utf-8").replace("start: 10:30", "start: 25:30"),
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path, data, FIXTURE_EPOCH)
    assert result.returncode != 0
    line = next(n for n, text in enumerate(meetings.read_text().splitlines(), 1) if "25:30" in text)
    assert (
        f"{data}/meetings.yaml:{line}:12: meetings[riverside-2025-03].start: `25:30` is not a "
        "24-hour time written as HH:MM — write it like 13:00 or 18:30"
    ) in result.stderr
    assert "1 problem(s) found; nothing was published." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
