"""No broken internal links or anchors anywhere in the built site.

Every <a href> (and every <link href> pointing at the site itself, such as
canonical/prev/next) is resolved against its page's URL. Links to the site
itself must reach a built file; a #fragment must match an element id (or an
<a name>) in the target page. Links to other websites are not fetched.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import sitebuild

OWN_SCHEMES = ("http", "https", "webcal")
IGNORED_SCHEMES = ("mailto", "tel", "javascript", "data", "sms")


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, href)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag in ("a", "area") and "href" in a:
            self.links.append((tag, a["href"]))
        if tag == "link" and a.get("href"):
            self.links.append((tag, a["href"]))


@pytest.fixture(scope="module")
def parsed(built_site: sitebuild.BuiltSite) -> dict[str, _LinkParser]:
    result = {}
    for page in built_site.pages:
        parser = _LinkParser()
        parser.feed(built_site.page_file(page).read_text(encoding="utf-8"))
        parser.close()
        result[page] = parser
    return result


def _own_netlocs() -> set[str]:
    site_url = sitebuild.SITE_URL
    return {urlsplit(site_url).netloc.lower()} - {""}


def resolve(built_site: sitebuild.BuiltSite, page: str, href: str) -> tuple[str, str] | None:
    """Map a link to (built file relative to site_dir, fragment).

    Returns None for links that leave the site (other hosts, mailto: ...).
    Raises ValueError for site links outside the site's base path.
    """
    href = href.strip()
    parts = urlsplit(href)
    scheme = parts.scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return None
    if scheme or href.startswith("//"):
        if scheme not in OWN_SCHEMES and scheme:
            return None
        if parts.netloc.lower() not in _own_netlocs():
            return None  # another website: navigation, not checked here
        target_path = parts.path or "/"
    else:
        base = "http://site.invalid" + built_site.page_url_path(page)
        target_path = urlsplit(urljoin(base, href)).path
    target_path = unquote(target_path)
    if not target_path.startswith(built_site.base_path):
        raise ValueError(f"outside the site's base path {built_site.base_path}")
    rel = target_path[len(built_site.base_path) :]
    trailing = rel.endswith("/") or rel == ""
    rel = posixpath.normpath(rel) if rel else "."
    if rel.startswith(".."):
        raise ValueError("points above the site root")
    candidate = built_site.site_dir / rel
    if trailing or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate.relative_to(built_site.site_dir).as_posix(), unquote(parts.fragment)


def test_no_broken_internal_links(built_site: sitebuild.BuiltSite, parsed) -> None:
    broken = []
    checked = 0
    for page, parser in parsed.items():
        for tag, href in parser.links:
            try:
                target = resolve(built_site, page, href)
            except ValueError as exc:
                broken.append(f"{page}: <{tag} href={href!r}> {exc}")
                continue
            if target is None:
                continue
            checked += 1
            target_file, fragment = target
            if not (built_site.site_dir / target_file).is_file():
                broken.append(f"{page}: <{tag} href={href!r}> -> missing {target_file}")
                continue
            if fragment and target_file.endswith(".html"):
                target_ids = parsed[target_file].ids if target_file in parsed else set()
                if fragment not in target_ids:
                    broken.append(
                        f"{page}: <{tag} href={href!r}> -> no id={fragment!r} in {target_file}"
                    )
    assert checked, "no internal links found at all"
    assert not broken, f"{len(broken)} broken internal link(s):\n" + "\n".join(broken)
