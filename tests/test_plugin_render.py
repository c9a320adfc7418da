"""A generated page skips Python-Markdown: its render leaves what MkDocs' own leaves for ""."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.engines.generated import without_markdown

EXTENSIONS = ("attr_list", "md_in_html", "admonition", "tables")


def _page(tmp_path: Path) -> tuple[Page, MkDocsConfig, Files]:
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "Test",
            "docs_dir": str(tmp_path / "docs"),
            "site_dir": str(tmp_path / "site"),
            # A new dict each time: MkDocs pops the extension's options out of it.
            "markdown_extensions": [*EXTENSIONS, {"toc": {"permalink": True}}],
        }
    )
    (tmp_path / "docs").mkdir(parents=True)
    errors, warnings = config.validate()
    assert errors == [] and warnings == []
    file = File(
        "meetings/m-1/index.md",
        src_dir=str(tmp_path / "docs"),
        dest_dir=str(tmp_path / "site"),
        use_directory_urls=True,
    )
    page = Page(None, file, config)
    page.markdown = ""
    return page, config, Files([file])


def test_the_render_without_markdown_leaves_what_mkdocs_leaves_for_an_empty_page(
    tmp_path: Path,
) -> None:
    theirs, config, files = _page(tmp_path / "theirs")
    ours, _, _ = _page(tmp_path / "ours")
    theirs.render(config, files)
    without_markdown(ours, get_toc([]))
    ours.render(config, files)
    kept = ("content", "_title_from_render", "present_anchor_ids", "links_to_anchors")
    assert [getattr(ours, k) for k in kept] == [getattr(theirs, k) for k in kept]
    assert ours.title == theirs.title
    assert type(ours.toc) is type(theirs.toc) and vars(ours.toc) == vars(theirs.toc)
    assert list(ours.toc) == []
