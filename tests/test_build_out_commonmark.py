"""Staff text with blank lines stays inside the HTML blocks of the .md files `build --out` writes.

A blank line ends a CommonMark HTML block (types 6 and 7), so any engine reading the files would
turn the rest of the text into Markdown; a real CommonMark parser (markdown-it-py) reads them here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from clirun import generator
from fixturedata import FIXTURE_DATA
from markdown_it import MarkdownIt

HOSTILE = "Line one.\n\n# Vote for me\n\n[Click](https://evil.example)\n\n    indented code"
EDITS = {
    "clusters.yaml": "summary: The riverside wards between the two bridges, including the Quay estate.",
    "venues.yaml": "step_free_note: Use the side entrance on Lantern Lane, which has a lift to the "
    "first floor.",
}


def test_every_written_page_is_html_blocks_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for file, line in EDITS.items():
        text = (data / file).read_text(encoding="utf-8")
        assert line in text
        key = line.split(":", 1)[0]
        (data / file).write_text(text.replace(line, f"{key}: {json.dumps(HOSTILE)}"), "utf-8")
    built = generator(
        "build",
        "--data",
        "data",
        "--out",
        "out",
        "--site-url",
        "https://x.example/",
        cwd=tmp_path,
        epoch="1741608000",
    )
    assert built.returncode == 0, built.stderr
    parser = MarkdownIt("commonmark")
    holding = []
    for page in sorted((tmp_path / "out").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "Vote for me" in text:
            holding.append(page.relative_to(tmp_path / "out").as_posix())
            assert {t.type for t in parser.parse(text)} == {"html_block"}, page
    assert "panels/riverside/index.md" in holding
