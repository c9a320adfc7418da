"""The real command line, run as staff and CI run it: exit codes, stderr verbatim, nothing written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import generator
from positions import located

from generator.cli.output import MARKER

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "bad_inputs"
OCTOBER_2024 = "1727784000"
"""SOURCE_DATE_EPOCH for 1 October 2024, 13:00 London: the build date the corpus assumes."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` from the repository root, in this process."""
    return generator(*args, cwd=ROOT, epoch=OCTOBER_2024)


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_the_module_entry_point_exits_with_the_status(tmp_path: Path) -> None:
    # The one real interpreter start: `python -m generator` maps main()'s result to the exit code.
    env = {**os.environ, "SOURCE_DATE_EPOCH": OCTOBER_2024}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", str(tmp_path / "missing")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "missing" in done.stderr


def bad_data(tmp_path: Path) -> Path:
    """A copy of the frozen City fixture (tests/fixtures/city, never data/) with two files broken."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "city" / "data", data)
    shutil.copyfile(CASES / "typo_field.yaml", data / "meetings.yaml")
    shutil.copyfile(CASES / "yes_in_flag.yaml", data / "venues.yaml")
    return data


BAD_LINES = [
    "data/meetings.yaml at `venu: innholders-hall`: meetings[bank-2024-11].venu: `venu` is not a field here — did you mean `venue`?",
    "data/meetings.yaml at `statsu: cancelled`: meetings[bank-2024-11].statsu: `statsu` is not a field here — did you mean `status`?",
    "data/venues.yaml at `yes`: venues[innholders-hall].access.step_free: `yes` is not true or false — write true or false (yes/no/on/off are not accepted)",
    "data/venues.yaml at `off`: venues[innholders-hall].access.hearing_loop: `off` is not true or false — write true or false (yes/no/on/off are not accepted)",
]


def test_check_passes_on_the_city_fixture() -> None:
    done = run("check", "--data", str(ROOT / "tests" / "fixtures" / "city" / "data"))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(
        "OK: 6 panels, 6 venues, 6 meetings, 0 actions, "
        "23 engagement events, 10 metrics checked in "
    )


def test_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    data = bad_data(tmp_path)
    done = run("check", "--data", str(data), "--label", "data")
    assert done.returncode == 1
    assert done.stdout == ""
    assert located(done.stderr, tmp_path).splitlines() == [
        *BAD_LINES,
        "4 problem(s) found; nothing was published.",
    ]


def test_check_names_the_folder_as_given(tmp_path: Path) -> None:
    data = bad_data(tmp_path)
    done = run("check", "--data", str(data))
    assert done.returncode == 1
    first = located(done.stderr, tmp_path).splitlines()[0]
    assert first == BAD_LINES[0].replace("data/", f"{data.as_posix()}/", 1)


def test_check_with_no_data_folder(tmp_path: Path) -> None:
    done = run("check", "--data", str(tmp_path / "nowhere"), "--label", "nowhere")
    assert done.returncode == 1
    missing = [
        f"nowhere/{name} (the whole file): the file is missing — restore it from the example data"
        for name in (
            "actions.yaml",
            "clusters.yaml",
            "engagement.yaml",
            "meetings.yaml",
            "metrics.yaml",
            "publisher.yaml",
            "venues.yaml",
        )
    ]
    assert located(done.stderr, tmp_path).splitlines() == [
        *missing,
        "7 problem(s) found; nothing was published.",
    ]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_the_output_folder_untouched(tmp_path: Path) -> None:
    data = bad_data(tmp_path)
    out = tmp_path / "site"
    (out / "panels" / "bank").mkdir(parents=True)
    (out / "index.md").write_text("the previous build\n", encoding="utf-8")
    (out / "panels" / "bank" / "index.md").write_text("Bank\n", encoding="utf-8")
    (out / MARKER).write_text("a previous build\n", encoding="utf-8")
    before = _snapshot(out)
    siblings = sorted(p.name for p in tmp_path.iterdir())

    done = run("build", "--data", str(data), "--label", "data", "--out", str(out))

    assert done.returncode == 1
    assert done.stdout == ""
    assert located(done.stderr, tmp_path).splitlines() == [
        *BAD_LINES,
        f"4 problem(s) found; {out} was left as it was.",
    ]
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no staging folder left behind


def test_failed_build_creates_no_output_folder(tmp_path: Path) -> None:
    done = run("build", "--data", str(bad_data(tmp_path)), "--out", str(tmp_path / "site"))
    assert done.returncode == 1
    assert not (tmp_path / "site").exists()
