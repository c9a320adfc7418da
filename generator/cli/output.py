"""Writing a build into an output folder that nothing else can lose.

``build --out DIR`` replaces DIR whole, so DIR must be a folder this command made (it holds
the marker file every build writes) or an empty one. The new tree is written beside it and
exchanged with it in one atomic step; only then is the previous build removed.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

MARKER = ".cluster-panels-build"
"""The file every build writes at the top of its output folder."""
_MARKER_TEXT = (
    b"Written by `python -m generator build`. The next build replaces this folder whole:\n"
    b"keep nothing else in it.\n"
)
_RENAME_EXCHANGE = 2  # linux/fs.h


class OutputRefused(Exception):
    """The output folder may not be written; the message says why, in one line."""


def is_build(folder: Path) -> bool:
    """Whether ``folder`` is a previous build's output (it holds the marker file)."""
    return (folder / MARKER).is_file() and not (folder / MARKER).is_symlink()


def refusal(target: Path, data_dir: Path) -> str | None:
    """Why ``target`` may not be replaced by a build, or None when it may."""
    out, data = target.resolve(), data_dir.resolve()
    shown = target.as_posix()
    if out == data or out in data.parents:
        return f"--out {shown} holds the data folder; choose a folder of its own, e.g. --out build"
    if data in out.parents:
        return f"--out {shown} is inside the data folder; choose a folder outside it"
    if (out / ".git").exists():
        return f"--out {shown} is a repository; choose a folder of its own, e.g. --out build"
    if out.exists() and not out.is_dir():
        return f"--out {shown} is a file, not a folder; choose a folder, e.g. --out build"
    if out.is_dir() and not is_build(out) and any(out.iterdir()):
        return (
            f"--out {shown} is not empty and is not a previous build (it has no {MARKER} file); "
            "choose an empty or new folder"
        )
    return None


def exchange(new: Path, old: Path) -> bool:
    """Swap two folders' names in one atomic step (Linux renameat2); False where unsupported."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100  # AT_FDCWD
    result = renameat2(at_cwd, os.fsencode(new), at_cwd, os.fsencode(old), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(new))


def swap(staging: Path, target: Path) -> Path | None:
    """Put ``staging`` at ``target``; returns where the previous folder now is, if any.

    Readers see the old tree or the new one, never none, where the system can exchange
    names atomically; elsewhere the gap is two renames.
    """
    if not target.exists():
        staging.rename(target)  # fails rather than moving into a folder that appeared
        return None
    if exchange(staging, target):
        return staging
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    staging.rename(target)
    return old


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """Hold a lock on ``target``'s parent folder, so two builds into it take turns.

    Locking the folder itself leaves no lock file behind.
    """
    handle = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _stale(target: Path) -> Iterator[Path]:
    """Staging or old folders left by an interrupted build into ``target`` (marked as ours)."""
    for prefix in (f".{target.name}-new-", f".{target.name}-old-"):
        for path in target.parent.glob(f"{prefix}*"):
            if path.is_dir() and not path.is_symlink() and is_build(path):
                yield path


def write_tree(
    outputs: Mapping[str, bytes], target: Path, also: Callable[[Path], None] | None = None
) -> None:
    """Write ``outputs`` as the whole of ``target``; a failure leaves ``target`` untouched.

    The caller has checked :func:`refusal`. Only folders holding the marker are removed.
    ``also`` may add to the staging folder before it is swapped in (the search index).
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with locked(target):
        for stale in _stale(target):
            shutil.rmtree(stale)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        try:
            (staging / MARKER).write_bytes(_MARKER_TEXT)
            for path, content in outputs.items():
                destination = staging / path
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(content)
            if also is not None:
                also(staging)
            staging.chmod(0o755)
            previous = swap(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if previous is not None and is_build(previous):
            shutil.rmtree(previous)
        elif previous is not None:
            previous.rmdir()  # an empty folder given as --out; anything else was refused


def replace_folder(staging: Path, target: Path, *, keep_previous: bool = False) -> Path | None:
    """Swap the finished ``staging`` in as ``target`` and remove what was there before.

    For ``./run build``, which holds its own lock: ``python -m generator.cli.output NEW TARGET``.
    With ``keep_previous`` (``--keep-previous``), the previous folder is returned (and printed)
    instead, under a name of the caller's, for it to remove while it does other work.
    """
    previous = swap(staging, target)
    if previous is not None and not keep_previous:
        shutil.rmtree(previous)
        return None
    return previous


if __name__ == "__main__":
    import sys

    keep = sys.argv[1] == "--keep-previous"
    folders = [Path(a) for a in sys.argv[1 + keep :]]
    kept = replace_folder(folders[0], folders[1], keep_previous=keep)
    if kept is not None:
        print(kept)
