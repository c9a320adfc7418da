"""Reading a data file without trusting what sits at its path.

A data file may be a link to ``/dev/zero`` (endless), a pipe (blocks forever) or a file
elsewhere on the machine. Only regular files inside the repository are read, and never
more than the caller's limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Unreadable(Exception):
    """The file may not or cannot be read: what is wrong and how to fix it."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what, self.fix = what, fix


_REPLACE = "replace it with the YAML file itself"


def read_at_most(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes of the regular file at ``path``.

    A link is followed only to a file inside the repository (the folder holding the data
    folder); anything else raises :class:`Unreadable`.
    """
    if path.is_symlink():
        repository = path.absolute().parent.parent.resolve()
        target = path.resolve()
        if repository not in target.parents:
            raise Unreadable(f"the file is a link to {target}, outside the repository", _REPLACE)
    try:
        # O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:  # missing, no permission to read it
        what = (
            "the file is missing"
            if isinstance(error, FileNotFoundError)
            else f"the file cannot be read ({error.strerror})"
        )
        raise Unreadable(what, "restore it from the example data") from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        if stat.S_ISDIR(mode):
            raise Unreadable(
                "the file cannot be read (Is a directory)", "restore it from the example data"
            )
        raise Unreadable("this is not a regular file (a device or pipe)", _REPLACE)
    with os.fdopen(handle, "rb") as stream:
        return stream.read(limit)
