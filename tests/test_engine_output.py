"""`build --out` writes what a second engine needs to give the MkDocs site: pages, order, search."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA
from navorder import site_order
from sitebuild import (
    FIXTURE_EPOCH,
    REPO_ROOT,
    SITE_DESCRIPTION,
    SITE_NAME,
    SITE_URL,
    BuiltSite,
    read_mkdocs_config,
)

from generator.cli.main import main
from generator.engines.manifest import MANIFEST
from generator.render.handwritten import Wording, worded_page


def neutral_build(out: Path, docs: Path = REPO_ROOT / "docs") -> list[str]:
    """The engine-neutral build of the fixture, as the site's mkdocs.yml configures MkDocs."""
    config = read_mkdocs_config()
    return [
        "build",
        "--data",
        str(FIXTURE_DATA),
        "--out",
        str(out),
        "--docs",
        str(docs),
        "--site-url",
        SITE_URL,
        "--site-name",
        SITE_NAME,
        "--site-description",
        SITE_DESCRIPTION,
        *(f"--not-in-nav={line}" for line in config["not_in_nav"].split()),
    ]


@pytest.fixture(scope="module")
def neutral(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("neutral") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
        assert main(neutral_build(out)) == 0
    return out


def _manifest(out: Path) -> dict:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


def _addresses(built: BuiltSite) -> list[str]:
    return sorted(p.removesuffix("index.html") for p in built.pages if p.endswith("index.html"))


def _flat(entries: list[dict]) -> list[str]:
    flat: list[str] = []
    for entry in entries:
        flat += _flat(entry["children"]) if "children" in entry else [entry["url"]]
    return flat


def test_the_manifest_lists_every_page_mkdocs_publishes(
    neutral: Path, built_site: BuiltSite
) -> None:
    pages = _manifest(neutral)["pages"]
    assert sorted(p["url"] for p in pages) == _addresses(built_site)
    for page in pages:
        assert (neutral / page["source"]).is_file(), page["source"]


def test_the_navigation_is_the_plugins_order(neutral: Path, built_site: BuiltSite) -> None:
    mkdocs = site_order(built_site.site_dir, _addresses(built_site))
    assert _flat(_manifest(neutral)["navigation"]) == [address for address, _ in mkdocs]


def test_titles_and_descriptions_are_those_mkdocs_writes(
    neutral: Path, built_site: BuiltSite
) -> None:
    for page in _manifest(neutral)["pages"]:
        written = (built_site.site_dir / page["url"] / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", written, re.DOTALL)
        meta = re.search(r'<meta name="description" content="([^"]*)">', written)
        assert title is not None and meta is not None
        name = SITE_NAME
        assert html.unescape(title.group(1)) == (
            name if page["url"] == "" else f"{page['title']} - {name}"
        )
        assert html.unescape(meta.group(1)) == (page["description"] or SITE_DESCRIPTION)


def test_the_sitemap_entries_are_mkdocs_sitemap(neutral: Path, built_site: BuiltSite) -> None:
    sitemap = (built_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert _manifest(neutral)["sitemap"] == sorted(re.findall(r"<loc>(.*?)</loc>", sitemap))


def test_the_search_index_and_the_static_files_are_written(neutral: Path) -> None:
    manifest = _manifest(neutral)
    assert (neutral / manifest["search"]["index"] / "pagefind.js").is_file()
    assert manifest["search"]["records"] > 10
    for asset in manifest["stylesheets"] + manifest["scripts"]:
        assert (neutral / asset).is_file(), asset
    source = (REPO_ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    # Copied with the catalogue's placeholders in the fixture force's (default) words.
    assert (neutral / "about.md").read_text(encoding="utf-8") == worded_page(source, Wording())


def test_a_hand_written_page_at_a_generated_address_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO_ROOT / "docs", docs)
    (docs / "venues.md").write_text("# Venues\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    assert main(neutral_build(tmp_path / "out", docs)) == 1
    assert capsys.readouterr().err.strip() == (
        f"error: {docs.as_posix()}/venues.md has the same address as a generated page or "
        f"file: remove or rename it; {tmp_path / 'out'} was left as it was."
    )
    assert not (tmp_path / "out").exists()
