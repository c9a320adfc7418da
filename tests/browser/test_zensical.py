"""The second engine: the fixture site through Zensical (``python -m generator zensical``),
compared with the MkDocs build of the same data.

One Zensical build for the module. What is compared: the set of page addresses, the
navigation (addresses, words and order), each page's title and description, each page's
text (a meeting page's whole content), every feed, download, search-index and asset file of
ours byte for byte, and the sitemap's addresses; then, in Chromium, our search (Pagefind,
our loader) and axe-core on every page. What the engines do differently on purpose is in
the README's "Engines" section; the differences these tests allow are listed there too.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from pathlib import Path

import material
import pytest
import sitebuild
import zensical
from fixturedata import FIXTURE_DATA, fixture_copy
from navorder import site_order
from pagechecks import COLOUR_RULES, PALETTE_TOGGLE, assert_scheme, axe_problems, foreign_requests

from generator.cli.main import main

THEMES = (
    Path(material.__file__).parent / "templates",
    Path(zensical.__file__).parent / "templates",
)
"""Material's and Zensical's theme files: each engine copies its own into the site."""


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> sitebuild.BuiltSite:
    """The fixture site built by Zensical, with the test site's mkdocs.yml settings."""
    tmp = tmp_path_factory.mktemp("zensical")
    config = sitebuild.site_config(tmp, FIXTURE_DATA)
    out = tmp / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", sitebuild.FIXTURE_EPOCH)
        command = ["zensical", "--data", str(FIXTURE_DATA), "--config", str(config)]
        assert main([*command, "--out", str(out)]) == 0
    pages = tuple(sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html")))
    return sitebuild.BuiltSite(site_dir=out, base_path=sitebuild.site_base_path(), pages=pages)


def _addresses(site: sitebuild.BuiltSite) -> list[str]:
    return [p.removesuffix("index.html") for p in site.pages if p.endswith("index.html")]


def _read(site: sitebuild.BuiltSite, page: str) -> str:
    return (site.site_dir / page).read_text(encoding="utf-8")


def test_the_same_pages_at_the_same_addresses(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    assert zensical_site.pages == built_site.pages
    assert len(zensical_site.pages) > 20


def test_the_same_navigation_in_the_same_order(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    addresses = _addresses(built_site)
    mkdocs = site_order(built_site.site_dir, addresses)
    assert len(mkdocs) > 10
    assert site_order(zensical_site.site_dir, addresses) == mkdocs


def _head(text: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
    meta = re.search(r'<meta name="description" content="([^"]*)">', text)
    assert title is not None and meta is not None
    return html.unescape(title.group(1)), html.unescape(meta.group(1))


def test_every_page_has_the_title_and_description_mkdocs_gives_it(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    for page in built_site.pages:
        assert _head(_read(zensical_site, page)) == _head(_read(built_site, page)), page


def _sharing(text: str) -> list[str]:
    return re.findall(r'<meta (?:property="og:|name="twitter:)[^>]*>', text)


def test_every_page_has_the_sharing_card_tags_mkdocs_gives_it(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    cards = 0
    for page in built_site.pages:
        tags = _sharing(_read(built_site, page))
        assert _sharing(_read(zensical_site, page)) == tags, page
        cards += bool(tags)
    assert cards >= 10  # every meeting and panel page of the fixture
    assert (zensical_site.site_dir / "panels" / "hilltop" / "card.png").is_file()


# Zensical adds an empty skip-link target at the top of the article, and highlights code
# blocks (the staff guide's YAML examples) where Material leaves them plain.
_SKIP_TARGET = '<a id="__skip" tabindex="-1"></a>'


def _article(text: str) -> str:
    found = re.search(r"<article[^>]*>(.*?)</article>", text, re.DOTALL)
    assert found is not None
    return " ".join(found.group(1).replace(_SKIP_TARGET, "").split())


def _words(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", _article(text))).split())


def test_each_meeting_page_says_the_same_facts(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    meetings = [p for p in built_site.pages if p.startswith("meetings/")]
    assert len(meetings) >= 5
    for page in meetings:
        assert _article(_read(zensical_site, page)) == _article(_read(built_site, page)), page


def test_every_page_says_the_same_words(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    for page in built_site.pages:
        assert _words(_read(zensical_site, page)) == _words(_read(built_site, page)), page


def _ours(site: Path) -> dict[str, str]:
    """Every file but pages, the sitemap and the theme's own assets: name -> SHA-256."""
    theme = {p.relative_to(root).as_posix() for root in THEMES for p in root.rglob("*")}
    return {
        name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
        and not (name := path.relative_to(site).as_posix()).endswith(".html")
        and not name.startswith(("sitemap.xml", ".cluster-panels"))
        and name not in theme
        and not re.fullmatch(r"assets/(javascripts|stylesheets)/.*\.min\.(js|css)(\.map)?", name)
    }


def test_feeds_downloads_search_index_and_our_assets_are_byte_identical(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    mkdocs = _ours(built_site.site_dir)
    assert {"calendar/all.ics", "data/meetings.csv", "pagefind/pagefind.js"} <= set(mkdocs)
    assert "assets/stylesheets/cluster-panels.css" in mkdocs
    assert _ours(zensical_site.site_dir) == mkdocs


def test_the_sitemap_lists_the_same_addresses(
    zensical_site: sitebuild.BuiltSite, built_site: sitebuild.BuiltSite
) -> None:
    def locations(site: sitebuild.BuiltSite) -> list[str]:
        return sorted(re.findall(r"<loc>(.*?)</loc>", _read(site, "sitemap.xml")))

    assert locations(zensical_site) == locations(built_site)
    assert len(locations(built_site)) > 20


def test_zensicals_own_search_is_off(zensical_site: sitebuild.BuiltSite) -> None:
    assert not (zensical_site.site_dir / "search.json").exists()
    home = _read(zensical_site, "index.html")
    assert 'for="__search"' not in home
    assert "data-cp-search-open" in home


def test_staff_text_reaches_zensicals_pages_escaped_once(tmp_path: Path) -> None:
    # Navigation, <title> and headings are handed to Zensical as text it writes unescaped.
    data = fixture_copy(tmp_path)
    clusters = data / "clusters.yaml"
    text = clusters.read_text(encoding="utf-8")
    clusters.write_text(text.replace("name: Riverside", 'name: "River<b>side & Co"', 1), "utf-8")
    config = sitebuild.site_config(tmp_path, data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", sitebuild.FIXTURE_EPOCH)
        command = ["zensical", "--data", str(data), "--config", str(config)]
        assert main([*command, "--out", str(tmp_path / "site")]) == 0
    page = (tmp_path / "site" / "panels" / "riverside" / "index.html").read_text("utf-8")
    assert "<title>River&lt;b&gt;side &amp; Co cluster panel - " in page
    assert '<meta property="og:title" content="River&lt;b&gt;side &amp; Co cluster panel">' in page
    for path in (tmp_path / "site").rglob("*.html"):
        written = path.read_text(encoding="utf-8")
        # The newsletter's HTML is shown as its source, so there the escaped name is escaped again.
        source = re.search(r'<pre [^>]*id="cp-newsletter-html">(.*?)</pre>', written, re.S)
        if source and "River" in source[1]:
            assert "<strong>River&lt;b&gt;side &amp; Co " in html.unescape(source[1]), path
            written = written.replace(source[0], "")
        assert "River<b>" not in written and "&amp;lt;" not in written, path


# ---------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def zensical_server(zensical_site: sitebuild.BuiltSite) -> Iterator[sitebuild.SiteServer]:
    with sitebuild.SiteServer(zensical_site) as server:
        yield server


@pytest.fixture(scope="module")
def zensical_tab(browser, axe_script):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    context.set_default_timeout(15_000)
    context.add_init_script(path=str(axe_script))
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    yield page
    context.close()


def test_our_search_finds_a_meeting(zensical_tab, zensical_server) -> None:  # type: ignore[no-untyped-def]
    page = zensical_tab
    page.requests.clear()
    page.goto(zensical_server.url("index.html"))
    page.click("[data-cp-search-open]")
    page.keyboard.type("patrols")
    page.wait_for_function(
        "() => document.querySelector('#cp-search [role=status]').textContent.includes('patrols')"
    )
    links = page.eval_on_selector_all(".cp-search__result a", "as => as.map(a => a.href)")
    assert links, "no results"
    page.wait_for_load_state("networkidle")
    assert [url for url in page.requests if "/pagefind/fragment/" in url]
    assert not [url for url in page.requests if "search" in url.rsplit("/", 1)[-1]]
    assert not foreign_requests(page.requests, zensical_server.origin)
    for link in links:
        assert link.startswith(zensical_server.url("index.html")), link
        response = page.request.get(link)
        assert response.ok, link


def test_no_axe_violations_on_any_page_light_or_dark(  # type: ignore[no-untyped-def]
    zensical_tab, zensical_server, zensical_site, axe_script
) -> None:
    page = zensical_tab
    problems: list[str] = []
    for path in zensical_site.pages:
        page.goto(zensical_server.url(path), wait_until="load")
        assert_scheme(page, "light")
        problems += axe_problems(page, axe_script, f"{path} (light)")
        page.dispatch_event(PALETTE_TOGGLE, "click")
        assert_scheme(page, "dark", settle=True)
        problems += axe_problems(page, axe_script, f"{path} (dark)", rules=COLOUR_RULES)
        page.evaluate("() => localStorage.clear()")
    assert len(zensical_site.pages) > 20
    assert problems == [], "\n".join(problems)
