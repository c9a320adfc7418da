"""Bounded cost on any input within the limits (the figures are in `python -m bench.limits`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fixturedata import FIXTURE_DATA
from positions import all_located, located

from generator.load import advisories, dataset, personal_data, personal_scan
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
FIX = "replace it with the YAML file itself"


def _refused(path: Path) -> list[str]:
    """Why ``path`` (a ``data/meetings.yaml``) is refused, each position read as the text there."""
    with pytest.raises(DataError) as caught:
        yamlstrict.read(path, "data/meetings.yaml")
    return all_located(caught.value.lines(), path.parent.parent)


def test_a_link_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    link = tmp_path / "data" / "meetings.yaml"
    link.symlink_to("/dev/zero")
    assert _refused(link) == [
        f"data/meetings.yaml (the whole file): the file is a link to /dev/zero, outside the repository — {FIX}"
    ]


def test_a_device_inside_the_repository_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    fifo = tmp_path / "data" / "meetings.yaml"
    os.mkfifo(fifo)  # opening it to read would wait for a writer for ever
    assert _refused(fifo) == [
        "data/meetings.yaml (the whole file): this is not a regular file (a device or pipe) — "
        + FIX
    ]


def test_links_inside_the_repository_are_followed_and_outside_refused(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "meetings.yaml").write_text("meetings: []\n")
    inside = tmp_path / "data" / "meetings.yaml"
    inside.symlink_to("../shared/meetings.yaml")
    assert yamlstrict.read(inside, "data/meetings.yaml").value == {"meetings": []}
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    elsewhere.write_text("meetings: []\n")
    inside.unlink()
    inside.symlink_to(elsewhere)
    assert _refused(inside) == [
        f"data/meetings.yaml (the whole file): the file is a link to {elsewhere}, outside the repository — "
        + FIX
    ]


def test_a_file_over_the_limit_is_read_only_to_the_limit(tmp_path: Path) -> None:
    """A child process with its memory capped below twice the limit still gets the message."""
    (tmp_path / "data").mkdir()
    big = tmp_path / "data" / "meetings.yaml"
    with big.open("wb") as out:
        out.truncate(yamlstrict.MAX_BYTES * 4)  # sparse: 256 MB that take no disk
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from generator.load import yaml_strict as y\n"
        "from generator.load.errors import DataError\n"
        "resource.setrlimit(resource.RLIMIT_AS, (700 * 2**20, 700 * 2**20))\n"
        "try:\n"
        "    y.read(Path(sys.argv[1]), 'data/meetings.yaml')\n"
        "except DataError as e:\n"
        "    print(e.lines()[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(big)], capture_output=True, text=True, check=False
    )
    assert located(done.stdout.strip(), tmp_path) == (
        "data/meetings.yaml at the start: the file is larger than 64 MB — "
        "split it or remove what does not belong"
    ), done.stderr[-2000:]


def test_many_meetings_on_one_day_give_one_short_warning_each(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "actions.yaml").write_text("actions: []\n")
    meetings = "".join(
        f"  - id: m-{n}\n    panel: hilltop\n    date: 2025-06-04\n    start: 18:00\n"
        "    format: in-person\n    venue: summit-library\n"
        for n in range(300)
    )
    (data / "meetings.yaml").write_text("meetings:\n" + meetings)
    loaded = dataset.load(data, today=date(2025, 6, 1))
    clashes = [
        str(w.problem)
        for w in advisories.advisories(loaded)
        if "another meeting is on" in str(w.problem)
    ]
    assert len(clashes) == 299
    assert max(len(c) for c in clashes) < 400
    # The 300th meeting of the day names three others and counts the rest.
    assert any(
        c.endswith(
            "Hilltop cluster panel at 6pm; Hilltop cluster panel at 6pm; Hilltop cluster panel "
            "at 6pm and 296 more — people who follow both cannot attend both: choose another "
            "day if you can"
        )
        for c in clashes
    )


def test_an_email_at_the_end_of_a_long_token_is_still_found() -> None:
    token = "a" * yamlstrict.MAX_SCALAR
    assert personal_data.find(token) == []
    [found] = personal_data.find(token + "@example.org")
    assert found.text == token + "@example.org"
    assert [f.text for f in personal_data.find("x" * 5000 + " bob.smith@example.org")] == [
        "bob.smith@example.org"
    ]


def test_a_link_at_the_length_limit_is_scanned_whole_and_its_review_line_releases_it() -> None:
    url = ("https://forms.example.org/t?" + "to=jo.bloggs%40example.com&" * 800)[
        : yamlstrict.MAX_SCALAR
    ]
    entry = {"id": "north", "questionnaire_url": url}
    flagged = personal_scan.scan({"clusters": [entry]})
    assert len(flagged) == (yamlstrict.MAX_SCALAR - 28) // 27
    assert {f.text for f in flagged} == {"jo.bloggs@example.com"}
    [line] = {f.fingerprint for f in flagged}
    entry["reviewed_personal_data"] = line
    assert personal_scan.scan({"clusters": [entry]}) == []
