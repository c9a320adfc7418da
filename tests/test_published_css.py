"""The stylesheets are published without their comments, and with every rule they had.

Compared with a real CSS parser (tinycss2, WeasyPrint's): the source and the published file
give the same rules, token for token, once comments and whitespace are set aside.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sitebuild
import tinycss2  # type: ignore[import-untyped]  # tinycss2 ships no type information

from generator.render.css import without_comments
from generator.render.urls import STYLES

ROOT = Path(__file__).resolve().parent.parent
THEME_CSS = "assets/stylesheets/cluster-panels.css"
SOURCES = {
    THEME_CSS: ROOT / "overrides" / THEME_CSS,
    STYLES: ROOT / "generator" / "render" / "static" / "cluster-panels-pages.css",
}


def _tokens(nodes: list[Any]) -> list[Any]:
    """The parsed stylesheet as nested tuples, without comments and whitespace."""
    out: list[Any] = []
    for node in nodes:
        if node.type in ("comment", "whitespace"):
            continue
        inner = [
            _tokens(getattr(node, part))
            for part in ("prelude", "content", "arguments")
            if getattr(node, part, None) is not None
        ]
        out.append((node.type, node.serialize() if not inner else None, inner))
    return out


def _rules(css: str) -> list[Any]:
    return _tokens(tinycss2.parse_stylesheet(css))


@pytest.mark.parametrize(
    ("css", "published"),
    [
        ("a { color: red; } /* why */\n", "a { color: red; }\n"),
        ('a::before { content: "/* kept */"; }\n', 'a::before { content: "/* kept */"; }\n'),
        ("a { content: '*/ /*'; }\n", "a { content: '*/ /*'; }\n"),
        ("a/**/.b { x: 1 }\n", "a.b { x: 1 }\n"),
        ("a { margin: 1px/**/2px }\n", "a { margin: 1px 2px }\n"),
        ("/* one\n   two */\n\na { x: 1 }\n", "a { x: 1 }\n"),
    ],
)
def test_comments_go_and_strings_stay(css: str, published: str) -> None:
    assert without_comments(css) == published


@pytest.mark.parametrize("path", sorted(SOURCES))
def test_the_site_publishes_each_stylesheet_without_comments(
    built_site: sitebuild.BuiltSite, path: str
) -> None:
    source = SOURCES[path].read_text(encoding="utf-8")
    published = (built_site.site_dir / path).read_text(encoding="utf-8")
    assert "/*" in source
    assert "/*" not in published
    assert _rules(published) == _rules(source)
    assert len(published) < len(source)
