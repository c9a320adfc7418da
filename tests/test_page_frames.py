"""Pages written from a shared frame (generator.engines.frame) are the theme's own bytes.

Real strict MkDocs builds of the fixture site with frames on and off, compared file by
file; then the frame logic on its own with small Jinja templates, as any theme may
write them: what it can follow it frames, what it cannot it renders as usual.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import Environment, pass_context
from sitebuild import FIXTURE_DATA, FIXTURE_EPOCH, REPO_ROOT, build_config, mkdocs_build

from generator.engines.frame import Frames


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def framed(caplog: pytest.LogCaptureFixture) -> list[int]:
    """How many pages each build wrote from a frame, as the plugin logs it."""
    found = (_WRITTEN.search(r.getMessage()) for r in caplog.records)
    return [int(m.group(1)) for m in found if m]


_WRITTEN = re.compile(r"(\d+) page\(s\) written from \d+ frame\(s\)")


@pytest.mark.parametrize("panels_in_nav", [30, 1], ids=["panels-in-nav", "panels-out-of-nav"])
def test_fixture_site_is_byte_identical_with_frames_on_and_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, panels_in_nav: int
) -> None:
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.cluster-panels")
    sites = {}
    for on in (True, False):
        (tmp_path / str(on)).mkdir()
        options = {"page_frames": on, "panels_in_nav": panels_in_nav}
        sites[on] = files(mkdocs_build(tmp_path / str(on), FIXTURE_DATA, FIXTURE_EPOCH, **options))
    on, off = sites[True], sites[False]
    assert sorted(on) == sorted(off)
    assert sum(name.endswith(".html") for name in on) > 20
    assert [name for name in sorted(on) if on[name] != off[name]] == []
    # Of 7 meeting pages, 7 posters (and 3 panel pages out of the navigation) the first two
    # of each frame are rendered by the theme; the rest come from the frame.
    assert framed(caplog) == [10 if panels_in_nav > 3 else 11]


def test_another_theme_builds_the_same_bytes_with_frames(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs' own theme (no overrides, no sharing tags): framed where it can be, same bytes."""
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.cluster-panels")
    sites = {}
    for on in (True, False):
        config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        config.update(theme={"name": "mkdocs"}, docs_dir=str(REPO_ROOT / "docs"))
        config["plugins"] = [{"cluster-panels": {"data_dir": str(FIXTURE_DATA), "page_frames": on}}]
        config["markdown_extensions"] = [
            e for e in config["markdown_extensions"] if e != "admonition"
        ]
        path = tmp_path / f"mkdocs-{on}.yml"
        path.write_text(yaml.safe_dump(config), encoding="utf-8")
        build_config(path, tmp_path / f"site-{on}", FIXTURE_EPOCH)
        sites[on] = files(tmp_path / f"site-{on}")
    assert sorted(sites[True]) == sorted(sites[False])
    assert [n for n in sorted(sites[True]) if sites[True][n] != sites[False][n]] == []
    assert framed(caplog)[0] >= 10


class Page:
    """What a theme reads of a page: MkDocs' attribute names."""

    def __init__(self, url: str, title: str, content: str, **meta: Any) -> None:
        self.url, self.title, self.content, self.meta = url, title, content, meta
        self.canonical_url = "https://example.org/" + url
        self.toc: list[str] = []


@pass_context
def url(context: Any, value: str) -> str:
    """MkDocs' link filter in small: relative to the page in the context."""
    depth = context["page"].url.count("/")
    here = context["page"].url
    if value.startswith(here):
        return value[len(here) :] or "./"
    return "../" * depth + value


def frames_for(source: str) -> tuple[Frames, Environment]:
    env = Environment()
    env.filters["url"] = url
    template = env.from_string(source)
    return Frames(template.render, env.filters, ("url",), frozenset({"share"})), env


PAGES = [
    Page("meetings/a/", "Tom &amp; Jerry", "<h1>A</h1><p>a</p>"),
    Page("meetings/b/", 'B  <i>bold</i> "quoted"', "<h1>B</h1>"),
    Page("meetings/c/", "C", "<p>no heading</p>"),
    Page("meetings/d/", "D", "<h1>D</h1>", description='Say "hi" & <go>'),
    Page("meetings/e/", "", "<h1>E</h1>"),
    Page("panels/f/", "F", "<h1>F</h1>"),
    Page("meetings/g/", "G", "<h1>G</h1>"),
    Page("meetings/h/", "H", "<h1>H</h1>"),
]

THEME = """<title>{{ page.title | striptags | e }}</title>
<link rel="canonical" href="{{ page.canonical_url }}">
{% if page.meta.description %}<meta name="description" content="{{ page.meta.description | e }}">{% endif %}
{% if share %}<meta property="og:title" content="{{ share.title | e }}">{% endif %}
<a href="{{ 'assets/site.css' | url }}">css</a> <a href="{{ 'meetings/' | url }}">all</a>
<h2>{{ page.title | d("Untitled", true) }}</h2>
{% if "<h1" not in page.content %}<h1>{{ page.title }}</h1>{% endif %}
{{ page.content }}"""


def context(page: Page) -> dict[str, Any]:
    share = {"title": f"{page.title} <share>"} if page.url.endswith(("a/", "g/", "h/")) else None
    return {"page": page, "share": share, "site": "Example"}


def test_a_theme_that_prints_values_plainly_is_framed_with_each_pages_values() -> None:
    frames, env = frames_for(THEME)
    for page in PAGES * 3:
        assert frames.render(context(page)) == env.from_string(THEME).render(context(page))
    assert frames.framed >= 10
    page = frames.render(context(PAGES[1]))
    assert "<title>B bold &#34;quoted&#34;</title>" in page
    assert '<a href="../../assets/site.css">' in page


def test_a_link_to_below_the_page_is_not_taken_from_another_pages_frame() -> None:
    theme = "{{ 'meetings/a/agenda/' | url }}|{{ page.content }}"
    frames, env = frames_for(theme)
    for page in [*PAGES, PAGES[0], PAGES[1]]:
        assert frames.render(context(page)) == env.from_string(theme).render(context(page))


@pytest.mark.parametrize(
    "theme",
    [
        "{{ page.title | upper }}",  # a method of the text
        "{{ page.title[:3] }}",  # a slice of it
        "{{ page.url }}|{{ page.title }}",  # a value outside the probes
        "{{ page.title | urlencode }}",  # printed altered
        "{{ page.title | wordcount }}{{ page.title | replace(' ', '+') }}",  # not seen changing it
        "{% set seen = {page.title: 1} %}{{ seen | length }}",  # hashed
        "{{ page.nothing | d('-') }}{{ page.title }}",  # an attribute no page has
        "{% for line in page.toc %}{{ line }}{% endfor %}{{ page.title }}",  # an empty list
    ],
)
def test_a_theme_that_transforms_values_gets_its_own_rendering(theme: str) -> None:
    frames, env = frames_for(theme)
    for page in PAGES * 2:
        assert frames.render(context(page)) == env.from_string(theme).render(context(page))
