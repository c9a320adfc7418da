"""A phone number without quotes is a number to every YAML editor: the check asks for quotes."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA

from generator.load import dataset
from generator.load.errors import DataError


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "101",
            "`101` without quotes is read as a number, and a leading 0 is lost — "
            'put the number in quotes: "101"',
        ),
        (
            "02076012222",
            "`02076012222` without quotes is read as a number, and a leading 0 is lost — "
            'put the number in quotes: "02076012222"',
        ),
    ],
)
def test_an_unquoted_phone_is_refused(tmp_path: Path, typed: str, message: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    clusters = data / "clusters.yaml"
    text = clusters.read_text(encoding="utf-8")
    assert text.count('phone: "101"') == 1
    clusters.write_text(text.replace('phone: "101"', f"phone: {typed}"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        dataset.load(data, today=date(2025, 3, 10), label="data")
    lines = list(caught.value.lines())
    assert len(lines) == 1
    assert lines[0].startswith("data/clusters.yaml:")
    assert lines[0].endswith(message)


def test_a_quoted_phone_is_accepted() -> None:
    loaded = dataset.load(FIXTURE_DATA, today=date(2025, 3, 10), label="data")
    assert any(p.contact.phone == "101" for p in loaded.panels)
