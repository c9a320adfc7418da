"""The fictional fixture force every site-level test uses, and copies of it to edit."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from positions import all_located

from generator.load import dataset
from generator.load.errors import DataError
from generator.render.outputs import SiteConfig
from generator.site import render_all

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "site" / "data"
"""The fictional force every site-level test builds: never the shipped data/, which staff edit."""

FIXTURE_TODAY = date(2025, 3, 10)
"""The fixture's "today": some meetings past, some upcoming."""

FIXTURE_CONFIG = SiteConfig(
    site_url="https://panels.example/",
    site_name="Example panels",
    built=datetime(2025, 3, 10, 12, tzinfo=UTC),
)
"""The site the outputs of :func:`rendered` are made for."""


def fixture_copy(tmp_path: Path) -> Path:
    """A copy of the fixture force's data in ``tmp_path/data``, free to edit."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


def problems_after_edit(tmp_path: Path, file: str, old: str, new: str, today: date) -> list[str]:
    """Replace ``old`` with ``new`` once in a copy of ``file`` and return the problems check finds."""
    data = fixture_copy(tmp_path)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        dataset.load(data, today=today, label="data")
    return list(caught.value.lines())


_WHERE = re.compile(r"^[^:]+\.yaml:\d+:\d+: ")


def problems_located(tmp_path: Path, file: str, old: str, new: str, today: date) -> list[str]:
    """:func:`problems_after_edit` with each position read as the text there
    (``data/FILE at `TEXT`: …``, see positions.py): the test shows where the editor jumps
    without pinning a number that moves whenever the fixture grows."""
    return all_located(problems_after_edit(tmp_path, file, old, new, today), tmp_path)


def problems_said(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    """:func:`problems_after_edit` on the fixture's today, without the file:line:column that
    the staff's editor jumps to (no test pins a position)."""
    return [
        _WHERE.sub("", line)
        for line in problems_after_edit(tmp_path, file, old, new, FIXTURE_TODAY)
    ]


def rendered(data: Path, today: date = FIXTURE_TODAY) -> dict[str, str]:
    """Every output of ``data`` as text, by path: loaded as check does, rendered for the site
    (the sharing cards' PNG images left out).

    Text as a reader gets it: the CSV files' byte-order mark is read as such ("utf-8-sig").
    """
    loaded = dataset.load(data, today=today, label="data")
    outputs = render_all(loaded, FIXTURE_CONFIG)
    return {
        o.path: o.content.decode("utf-8-sig")
        for o in outputs
        if not o.path.endswith((".png", ".pdf"))
    }
