"""Placeholders are for staff: no page the public reads shows one (issue 23, item 3).

A hand-written page's ``<span class="placeholder">[…]</span>`` is listed by ``placeholders``
and refused by the deploy; the page itself leaves it out, in MkDocs and in ``build --out``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import sitebuild
import yaml
from fixturedata import FIXTURE_DATA
from sitebuild import FIXTURE_EPOCH, REPO_ROOT

from generator.cli.main import main
from generator.models.publisher import Wording
from generator.render.handwritten import worded, worded_page

BRACKETED = re.compile(r"\[[^\]\n]*to be set[^\]\n]*\]")
NOTE = '<span class="placeholder">[phone number to be set by the force]</span>'
PAGE = f"# Contact\n\nCall us on {NOTE} or write to us.\n"


def test_a_staff_placeholder_is_left_out_of_the_page_body() -> None:
    assert worded(PAGE, Wording()) == "# Contact\n\nCall us on  or write to us.\n"
    # The front matter is not page text: a title keeps what staff typed, for the checks.
    assert worded_page(f"---\ntitle: Contact\n---\n{PAGE}", Wording()).endswith(
        "Call us on  or write to us.\n"
    )


def test_no_built_page_shows_a_bracketed_placeholder(built_site: sitebuild.BuiltSite) -> None:
    shown = {
        page: BRACKETED.findall(built_site.page_file(page).read_text(encoding="utf-8"))
        for page in built_site.pages
    }
    assert not {page: found for page, found in shown.items() if found}


def _docs_with_a_placeholder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(REPO_ROOT / "docs", docs)
    (docs / "contact.md").write_text(PAGE, encoding="utf-8")
    return docs


@pytest.mark.slow  # a real build: outside `./run quick`
def test_mkdocs_leaves_a_docs_placeholder_out_of_the_page(tmp_path: Path) -> None:
    docs = _docs_with_a_placeholder(tmp_path)
    config_file = sitebuild.site_config(tmp_path, FIXTURE_DATA)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    sitebuild.build_config(config_file, tmp_path / "site", FIXTURE_EPOCH)
    html = (tmp_path / "site" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "Call us on  or write to us." in html
    assert "to be set by the force" not in html


@pytest.mark.slow
def test_build_out_leaves_a_docs_placeholder_out_of_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs_with_a_placeholder(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    out = tmp_path / "out"
    assert main(["build", "--data", str(FIXTURE_DATA), "--out", str(out), "--docs", str(docs)]) == 0
    text = (out / "contact.md").read_text(encoding="utf-8")
    assert "Call us on  or write to us." in text
    assert "to be set by the force" not in text
