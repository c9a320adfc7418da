"""Find your panel by postcode or street: the ONSPD import, the data rules, the lookup files."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from positions import all_located
from pydantic import ValidationError
from test_resident_pages import CONFIG

from generator.cli.main import main
from generator.load import dataset as dataset_module
from generator.load.errors import DataError
from generator.models.areas import WardArea, canonical_postcode
from generator.pages import finder
from generator.render import urls

TESTS = Path(__file__).resolve().parent
ONSPD = TESTS / "fixtures" / "onspd" / "ONSPD_FICTIONAL.csv"
SITE_DATA = TESTS / "fixtures" / "site" / "data"


def test_import_lists_a_wards_live_postcodes_ready_to_paste(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["postcodes", str(ONSPD), "E05999901"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "        gss_code: E05999901\n"
        "        postcodes:\n"
        "          - ZZ1 1AA\n"
        "          - ZZ1 1AB\n"
        "          - ZZ1 2AA\n"
        "          - ZZ10 1AA\n"
    )
    assert "ZZ1 2AB" not in out  # terminated (doterm set)
    assert err == "postcodes: 4 postcodes of E05999901\n"


def test_import_can_list_sectors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["postcodes", str(ONSPD), "E05999901", "--sectors"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2:] == ["          - ZZ1 1", "          - ZZ1 2", "          - ZZ10 1"]


def test_import_refuses_a_bad_code_an_unknown_ward_and_a_wrong_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["postcodes", str(ONSPD), "E0599"]) == 2
    assert capsys.readouterr().err == (
        "postcodes: `E0599` is not a ward's GSS code — "
        "write the nine-character code from the ONS, e.g. E05012345\n"
    )
    assert main(["postcodes", str(ONSPD), "E05999999"]) == 1
    assert capsys.readouterr().err == (
        f"postcodes: no live postcode has the ward code E05999999 in {ONSPD} — "
        "check the code (ONS ward codes start E05) and that the file covers the area\n"
    )
    other = tmp_path / "other.csv"
    other.write_text("postcode,ward\nZZ1 1AA,E05999901\n", encoding="utf-8")
    assert main(["postcodes", str(other), "E05999901"]) == 1
    assert capsys.readouterr().err == (
        f"postcodes: {other}: no column pcds, osward, doterm — use the ONSPD CSV from the ONS "
        "Open Geography Portal (the full file or one area's file from its Data folder)\n"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("zz11aa", "ZZ1 1AA"), ("ZZ1  1AA", "ZZ1 1AA"), ("zz1 1", "ZZ1 1"), ("sw1a1aa", "SW1A 1AA")],
)
def test_canonical_postcode(typed: str, expected: str) -> None:
    assert canonical_postcode(typed) == expected


def test_a_postcode_in_the_wrong_shape_is_refused_with_its_right_shape() -> None:
    with pytest.raises(ValidationError) as caught:
        WardArea.model_validate({"ward": "Quay Ward", "postcodes": ["zz11aa"]})
    assert caught.value.errors()[0]["msg"] == (
        "`zz11aa` is not a postcode or postcode sector — write it as ZZ1 1AA "
        "(capitals, one space; a sector like SW1A 1 covers all its postcodes)"
    )


def test_lookup_is_split_by_outward_code_and_names_every_panel() -> None:
    data = dataset_module.load(SITE_DATA, today=date(2025, 3, 10), label="data")
    files = {o.path: json.loads(o.content) for o in finder.lookup_files(data)}
    assert set(files) == {
        urls.postcode_lookup("ZZ1"),
        urls.postcode_lookup("ZZ2"),
        urls.STREETS,
    }
    zz1 = files["find-your-panel/postcodes/ZZ1.json"]
    assert zz1["postcodes"]["ZZ1 1AA"] == [["Quay Ward", "riverside"]]
    assert zz1["postcodes"]["ZZ1 2"] == [["Quay Ward", "riverside"]]
    # A postcode split between two wards of two panels gives both.
    assert zz1["postcodes"]["ZZ1 3AA"] == [["Bridge Ward", "riverside"], ["Summit Ward", "hilltop"]]
    assert zz1["panels"]["hilltop"] == {
        "name": "Hilltop",
        "title": "Hilltop cluster panel",
        "url": "panels/hilltop/",
    }
    assert "ZZ2 4AA" not in zz1["postcodes"]
    streets = files[urls.STREETS]["places"]
    assert streets["lantern lane"] == [["Quay Ward", "riverside"], ["Summit Ward", "hilltop"]]
    # The names as written, for the nearest names offered after a typo; and every panel, even
    # one with no wards published, so typing a panel's name goes to its page.
    assert files[urls.STREETS]["names"]["lantern lane"] == "Lantern Lane"
    assert sorted(files[urls.STREETS]["panels"]) == ["harbour", "hilltop", "riverside"]


def test_a_z_page_lists_streets_with_their_ward_and_panel() -> None:
    data = dataset_module.load(SITE_DATA, today=date(2025, 3, 10), label="data")
    text = finder.finder_page(data, CONFIG).content.decode()
    assert (
        '<li>Quay Street, in Quay Ward: <a href="../panels/riverside/">Riverside cluster panel</a>'
        in text
    )
    assert "<li>Lantern Lane, in Quay Ward and Summit Ward: " in text


def test_an_area_must_name_one_of_the_panels_wards(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SITE_DATA, data)
    clusters = data / "clusters.yaml"
    clusters.write_text(
        clusters.read_text(encoding="utf-8").replace("- ward: Bridge Ward", "- ward: Brige Ward"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        dataset_module.load(data, today=date(2025, 3, 10), label="data")
    assert all_located([str(p) for p in caught.value.problems], tmp_path) == [
        "data/clusters.yaml at `Brige Ward`: clusters[riverside], the 2nd area, ward: `Brige Ward` is not one of "
        "this panel's wards — write the ward exactly as in the panel's `wards` list, or add it there"
    ]
