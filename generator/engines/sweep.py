"""Removing the previous site's files while the next build writes its own.

MkDocs empties the site folder before it writes (``clean_directory``), one file at a time: at
region scale (15k files) that was 10–14 s of waiting on this disk before the first page was
written. :func:`start_sweep` instead renames the folder's entries into one hidden folder of ours,
which MkDocs skips (it never deletes or copies hidden entries), and another process removes
that folder while the build runs. Not a thread: between two files' system calls it would
wait for the interpreter's lock, which the build holds (a 15k-file tree took 82 s that way
beside a busy thread, 35 s in line, 8–20 s in a process of its own).

Only what MkDocs itself would delete is moved (the non-hidden entries), and only folders
named as ours that hold our marker file are removed: a hidden entry of anyone else's stays.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

PREFIX = ".cluster-panels-old-"
"""The start of the name of the folder the previous site's files are moved into."""
MARKER = ".cluster-panels-old"
"""The file written first into that folder, so that a leftover is known to be ours."""
_MARKER_TEXT = (
    b"The previous site's files, moved aside by the cluster-panels plugin to be removed while\n"
    b"the next build runs. The next build removes this folder if it is still here.\n"
)


class SweepError(RuntimeError):
    """The previous site's files could not all be removed."""


@dataclass
class Sweep:
    """Folders of ours being removed by another process."""

    folders: list[Path]
    process: subprocess.Popen[bytes] | None

    def finish(self) -> None:
        """Wait for the removal; remove here what it left (it failed or was killed).

        Raises :class:`SweepError` when a folder cannot be removed.
        """
        if self.process is not None:
            self.process.wait()
        try:
            for folder in self.folders:
                if folder.exists():
                    remove(folder)
        except OSError as error:
            raise SweepError(f"could not remove the previous site's files: {error}") from None


def ours(entry: Path) -> bool:
    """Whether ``entry`` is a folder this module made (named as ours, holding the marker)."""
    marker = entry / MARKER
    return (
        entry.name.startswith(PREFIX)
        and entry.is_dir()
        and not entry.is_symlink()
        and marker.is_file()
        and not marker.is_symlink()
    )


def set_aside(site: Path) -> list[Path]:
    """Move ``site``'s non-hidden entries into a new folder of ours inside it.

    Returns the folders to remove: that one (when there was anything to move) and any that
    an interrupted build left. An entry that cannot be moved stays for MkDocs to delete.
    """
    if not site.is_dir():
        return []
    names = sorted(os.listdir(site))
    folders = [site / name for name in names if ours(site / name)]
    visible = [name for name in names if not name.startswith(".")]
    if not visible:
        return folders
    aside = Path(tempfile.mkdtemp(prefix=PREFIX, dir=site))
    (aside / MARKER).write_bytes(_MARKER_TEXT)  # before any entry, so a leftover is ours
    for name in visible:
        try:
            os.rename(site / name, aside / name)
        except OSError:
            continue  # MkDocs deletes it in place, as it always has
    return [*folders, aside]


def start_sweep(site: Path) -> Sweep:
    """Set the previous site's files aside and start removing them in another process.

    In a session of its own: Ctrl-C stops the build, not the removal of what it moved.
    """
    folders = set_aside(site)
    if not folders:
        return Sweep([], None)
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", __file__, *map(str, folders)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    return Sweep(folders, process)


def remove(folder: Path) -> None:
    """Remove a folder of ours, its marker last: until then a leftover is still known as ours."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name == MARKER:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
    (folder / MARKER).unlink(missing_ok=True)
    folder.rmdir()


if __name__ == "__main__":
    # Run as a file (-I -S: the standard library only, started in milliseconds).
    for given in sys.argv[1:]:
        remove(Path(given))
