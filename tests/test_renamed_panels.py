"""A force that renames its panels in publisher.yaml sees the new name everywhere it is built."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA
from sitebuild import FIXTURE_EPOCH, mkdocs_build

pytestmark = pytest.mark.slow  # a real `mkdocs build --strict`

OLD = re.compile(r"cluster panel|you said, we did", re.IGNORECASE)


def test_one_wording_edit_renames_every_page_feed_and_download(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    # The data's own text (a meeting's title, a metric quoted from a report) is the force's
    # to edit: marked here, so what is left can only come from code, templates or pages.
    for path in data.glob("*.yaml"):
        path.write_text(OLD.sub("QUOTED", path.read_text(encoding="utf-8")), encoding="utf-8")
    publisher = data / "publisher.yaml"
    publisher.write_text(
        publisher.read_text(encoding="utf-8").replace(
            "wording:\n",
            "wording:\n  panel: community safety meeting\n  panels: community safety meetings\n"
            "  log: problem-solving log\n  log_quoted: false\n",
        ),
        encoding="utf-8",
    )
    site = mkdocs_build(tmp_path, data, FIXTURE_EPOCH)
    suffixes = {".html", ".ics", ".csv", ".json", ".xml", ".txt", ".js", ".md"}
    left = [
        f"{p.relative_to(site)}: {m.group(0)}"
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in suffixes and "assets" not in p.relative_to(site).parts
        for m in OLD.finditer(_text(p))
    ]
    assert left == [], "\n".join(left)
    panel = (site / "panels" / "riverside" / "index.html").read_text(encoding="utf-8")
    assert "Riverside community safety meeting" in panel
    assert "Problem-solving log" in panel
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Community safety meetings are public meetings" in home
    assert "Riverside community safety meeting" in (site / "calendar" / "all.ics").read_text(
        encoding="utf-8"
    )


def _text(path: Path) -> str:
    """The file's text; a calendar's PRODID names the software, not the force's panels."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return re.sub(r"(?m)^PRODID:.*$", "", text) if path.suffix == ".ics" else text
