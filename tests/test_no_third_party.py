"""The built site fetches nothing from any host but its own.

Residents' browsers must not be sent to Google Fonts, CDNs, the GitHub API
or any other third party just by opening a page. This checks, in the built
files, every reference a browser would FETCH:

- HTML: script src, link rel=stylesheet/preload/icon/manifest/..., img src
  and srcset, picture/video/audio sources, iframe, embed, object, SVG
  image/use, and url()/@import in <style> blocks and style attributes;
- CSS files: url() and @import;
- the JavaScript the pages load (Material's bundle and search worker):
  absolute URLs in it. Material has a few it fetches only in situations we
  avoid; each is allowed only together with a check that proves the
  situation cannot arise (see JS_CONDITIONAL_URLS).

Links in <a href> are navigation, not requests, so they are not checked
here (tests/test_links.py checks the internal ones). The browser suite also
records every real request (tests/browser/test_every_page.py, and with search open
tests/browser/test_site_search.py).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sitebuild

#: <link rel> values that make the browser fetch (or connect to) the href.
FETCHING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "apple-touch-icon-precomposed",
    "mask-icon",
    "manifest",
}

#: (tag, attribute) pairs whose URL the browser fetches.
FETCHING_ATTRS = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
    ("image", "xlink:href"),
    ("use", "href"),
    ("use", "xlink:href"),
}

CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT_RE = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""", re.IGNORECASE)
CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
JS_URL_RE = re.compile(r"""https?://[^\s'"`<>)\\]+""")

#: Absolute URLs in Material 9.8's JavaScript that it fetches only in
#: particular situations. Each maps to the name of a guard check below that
#: must pass for the site, proving the situation does not arise. A new
#: Material version with new URLs fails test_javascript_fetches_nothing_external
#: until someone reviews them.
JS_CONDITIONAL_URLS = {
    # Loaded only when the browser has no ResizeObserver.
    # overrides/main.html defines a local fallback first, so it never is.
    "https://unpkg.com/resize-observer-polyfill": "resize_observer_fallback",
    # Loaded only when a page contains a Mermaid diagram (.mermaid).
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "no_mermaid_diagrams",
    # GitHub / GitLab APIs: called only for the repository widget, which
    # Material shows only when mkdocs.yml sets repo_url.
    "https://api.github.com/repos/${e}/${t}": "no_repository_widget",
    "https://api.github.com/users/${e}": "no_repository_widget",
    "https://${e}/api/v4/projects/${encodeURIComponent(t": "no_repository_widget",
    # Only printed in a console warning about an invalid search query.
    "https://bit.ly/2s3ChXG": "console_text_only",
    # Inside /*! licence comments */ of bundled libraries (clipboard.js,
    # lunr, the Porter stemmer): text, never fetched.
    "https://clipboardjs.com/": "licence_comment",
    "http://lunrjs.com": "licence_comment",
    "http://tartarus.org/~martin/PorterStemmer/js.txt": "licence_comment",
}


class _ResourceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.resources: list[tuple[str, str]] = []  # (where, url)
        self.classes: set[str] = set()
        self.components: set[str] = set()
        self.scripts: list[str] = []
        self._in_style = False
        self._in_config = False
        self.style_text: list[str] = []
        self.config_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self.classes.update(a.get("class", "").split())
        if "data-md-component" in a:
            self.components.add(a["data-md-component"])
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & FETCHING_LINK_RELS and a.get("href"):
                self.resources.append((f"<link rel={a.get('rel')}>", a["href"]))
            if a.get("imagesrcset"):
                for url in _srcset_urls(a["imagesrcset"]):
                    self.resources.append(("<link imagesrcset>", url))
        for attr, value in a.items():
            if (tag, attr) in FETCHING_ATTRS and value:
                urls = _srcset_urls(value) if attr.endswith("srcset") else [value]
                for url in urls:
                    self.resources.append((f"<{tag} {attr}>", url))
            if attr == "style":
                for url in css_urls(value):
                    self.resources.append((f"<{tag} style>", url))
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        if tag == "style":
            self._in_style = True
        if tag == "script" and a.get("id") == "__config":
            self._in_config = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        if tag == "script":
            self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style_text.append(data)
        if self._in_config:
            self.config_text.append(data)


def _srcset_urls(srcset: str) -> list[str]:
    return [part.strip().split()[0] for part in srcset.split(",") if part.strip()]


def css_urls(css: str) -> list[str]:
    css = CSS_COMMENT_RE.sub("", css)
    urls = [m.group(2).strip() for m in CSS_URL_RE.finditer(css)]
    urls += [m.group(1).strip() for m in CSS_IMPORT_RE.finditer(css)]
    return urls


def own_hosts() -> set[str]:
    site_url = sitebuild.SITE_URL
    return {urlsplit(site_url).netloc.lower()} - {""}


def is_foreign(url: str, hosts: set[str]) -> bool:
    """True if fetching ``url`` would contact a host other than the site's own."""
    url = url.strip()
    if not url or url.startswith("#"):
        return False
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("data", "blob", "about"):
        return False
    if url.startswith("//"):  # protocol-relative: another host
        return parts.netloc.lower() not in hosts
    if not scheme:
        return False  # relative or root-relative: our own host
    return parts.netloc.lower() not in hosts


@pytest.fixture(scope="module")
def parsed_pages(built_site: sitebuild.BuiltSite) -> dict[str, _ResourceParser]:
    parsed = {}
    for page in built_site.pages:
        parser = _ResourceParser()
        parser.feed(built_site.page_file(page).read_text(encoding="utf-8"))
        parser.close()
        parsed[page] = parser
    return parsed


def test_html_fetches_nothing_external(parsed_pages) -> None:
    hosts = own_hosts()
    bad = []
    for page, parser in parsed_pages.items():
        resources = list(parser.resources)
        resources += [("<style>", url) for url in css_urls("".join(parser.style_text))]
        bad += [f"{page}: {where} {url}" for where, url in resources if is_foreign(url, hosts)]
    assert not bad, "third-party resources in HTML:\n" + "\n".join(bad)


def test_css_fetches_nothing_external(built_site: sitebuild.BuiltSite) -> None:
    hosts = own_hosts()
    bad = []
    for css in built_site.files(".css"):
        for url in css_urls(css.read_text(encoding="utf-8", errors="replace")):
            if is_foreign(url, hosts):
                bad.append(f"{css.relative_to(built_site.site_dir)}: {url}")
    assert not bad, "third-party resources in CSS:\n" + "\n".join(bad)


def _loaded_scripts(built_site: sitebuild.BuiltSite, parsed_pages) -> set[Path]:
    """JavaScript files the pages load: <script src> plus Material's search worker."""
    scripts: set[Path] = set()
    for page, parser in parsed_pages.items():
        page_dir = built_site.page_file(page).parent
        srcs = list(parser.scripts)
        config = "".join(parser.config_text).strip()
        if config:
            worker = json.loads(config).get("search")
            if worker:
                srcs.append(worker)
        for src in srcs:
            if urlsplit(src).scheme or src.startswith("/"):
                continue  # external ones fail test_html_fetches_nothing_external
            path = (page_dir / urlsplit(src).path).resolve()
            if path.is_file():
                scripts.add(path)
    return scripts


def test_javascript_fetches_nothing_external(built_site, parsed_pages) -> None:
    scripts = _loaded_scripts(built_site, parsed_pages)
    assert any("bundle" in s.name for s in scripts), scripts
    hosts = own_hosts()
    unknown = []
    for script in sorted(scripts):
        text = script.read_text(encoding="utf-8", errors="replace")
        for url in sorted(set(JS_URL_RE.findall(text))):
            if url.startswith("http://www.w3.org/"):
                continue  # XML namespace names (SVG, XLink), never fetched
            if not is_foreign(url, hosts):
                continue
            if url in JS_CONDITIONAL_URLS:
                continue  # guarded: see the test_guard_* tests below
            unknown.append(f"{script.relative_to(built_site.site_dir)}: {url}")
    assert not unknown, (
        "unreviewed absolute URLs in the site's JavaScript; if Material fetches any "
        "of them, stop it, then list it in JS_CONDITIONAL_URLS with a guard:\n" + "\n".join(unknown)
    )


# ---------------------------------------------------------------------------
# Guards for JS_CONDITIONAL_URLS
# ---------------------------------------------------------------------------


def test_guard_resize_observer_fallback(parsed_pages, built_site) -> None:
    """Every page defines a local ResizeObserver fallback before the bundle."""
    missing = []
    for page in parsed_pages:
        html = built_site.page_file(page).read_text(encoding="utf-8")
        shim = html.find("window.ResizeObserver")
        bundle = html.find("assets/javascripts/bundle.")
        if shim == -1 or bundle == -1 or shim > bundle:
            missing.append(page)
    assert not missing, f"no local ResizeObserver fallback before the bundle in: {missing}"


def test_guard_no_mermaid_diagrams(parsed_pages) -> None:
    with_mermaid = [page for page, p in parsed_pages.items() if "mermaid" in p.classes]
    assert not with_mermaid, f"Mermaid diagrams load mermaid.js from unpkg: {with_mermaid}"


def test_guard_no_repository_widget(parsed_pages) -> None:
    assert not sitebuild.read_mkdocs_config().get("repo_url"), (
        "repo_url makes Material call the GitHub/GitLab API from visitors' browsers"
    )
    with_source = [page for page, p in parsed_pages.items() if "source" in p.components]
    assert not with_source, f"repository widget (GitHub API calls) on: {with_source}"


def test_no_google_fonts_or_cdns_anywhere(built_site: sitebuild.BuiltSite) -> None:
    """Belt and braces: well-known third-party asset hosts appear in no HTML/CSS."""
    hosts = (
        "fonts.googleapis.com",
        "fonts.gstatic.com",
        "cdn.jsdelivr.net",
        "unpkg.com",
        "cdnjs.cloudflare.com",
        "api.github.com",
        "www.googletagmanager.com",
        "www.google-analytics.com",
    )
    bad = []
    for path in built_site.files(".html", ".css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        bad += [f"{path.relative_to(built_site.site_dir)}: {h}" for h in hosts if h in text]
    assert not bad, "\n".join(bad)
