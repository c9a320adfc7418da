"""A build over a previous site: its files go while the build runs, and nothing of ours stays."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sitebuild import FIXTURE_DATA, FIXTURE_EPOCH, BuiltSite, mkdocs_build

from generator.engines.sweep import MARKER, PREFIX, Sweep, set_aside, start_sweep


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def leftover(site: Path, name: str) -> Path:
    """A folder of ours that a killed build left, half removed."""
    folder = site / f"{PREFIX}{name}"
    (folder / "panels" / "bank").mkdir(parents=True)
    (folder / MARKER).write_text("ours\n", encoding="utf-8")
    (folder / "panels" / "bank" / "index.html").write_text("old\n", encoding="utf-8")
    return folder


def test_a_build_over_a_previous_site_gives_the_same_tree(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site.site_dir, site)  # the previous build
    (site / "panels" / "gone").mkdir()
    (site / "panels" / "gone" / "index.html").write_text("a page no longer built\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "kept.txt").write_text("not the site's\n", encoding="utf-8")
    (site / "linked").symlink_to(outside)
    killed = leftover(site, "killed")
    (site / ".theirs").mkdir()
    (site / ".theirs" / "notes.txt").write_text("someone's\n", encoding="utf-8")
    unmarked = site / f"{PREFIX}unmarked"  # named as ours, but without the marker
    unmarked.mkdir()
    (unmarked / "keep.txt").write_text("not ours\n", encoding="utf-8")

    mkdocs_build(tmp_path, FIXTURE_DATA, FIXTURE_EPOCH)

    assert not killed.exists()
    assert (site / ".theirs" / "notes.txt").read_text(encoding="utf-8") == "someone's\n"
    assert (unmarked / "keep.txt").read_text(encoding="utf-8") == "not ours\n"
    assert (outside / "kept.txt").read_text(encoding="utf-8") == "not the site's\n"
    hidden = sorted(p.name for p in site.iterdir() if p.name.startswith("."))
    assert hidden == [f"{PREFIX}unmarked", ".theirs"]
    built = {k: v for k, v in files(site).items() if not k.startswith(".")}
    assert sorted(built) == sorted(files(built_site.site_dir))
    assert [k for k, v in files(built_site.site_dir).items() if built[k] != v] == []


def test_only_the_visible_entries_are_set_aside_and_a_leftover_of_ours_is_found(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    (site / "panels").mkdir(parents=True)
    (site / "index.html").write_text("home\n", encoding="utf-8")
    (site / ".hidden").write_text("stays\n", encoding="utf-8")
    killed = leftover(site, "killed")
    (site / f"{PREFIX}link").symlink_to(killed)  # a link is never ours

    folders = set_aside(site)

    assert folders[0] == killed and len(folders) == 2
    aside = folders[1]
    assert aside.name.startswith(PREFIX) and (aside / MARKER).is_file()
    assert sorted(os.listdir(aside)) == [MARKER, "index.html", "panels"]
    assert sorted(os.listdir(site)) == sorted([".hidden", aside.name, killed.name, f"{PREFIX}link"])


def test_an_empty_site_folder_starts_no_removal(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("stays\n", encoding="utf-8")
    sweep = start_sweep(tmp_path)
    assert sweep == Sweep([], None)
    assert start_sweep(tmp_path / "missing") == Sweep([], None)
    assert os.listdir(tmp_path) == [".hidden"]


def test_what_the_other_process_left_is_removed_when_the_build_ends(tmp_path: Path) -> None:
    # As when the removing process was killed: the folder, marker and all, is still there.
    sweep = Sweep([leftover(tmp_path, "killed")], None)
    sweep.finish()
    assert os.listdir(tmp_path) == []
