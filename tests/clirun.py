"""Run ``python -m generator`` in this process: the same ``main`` a person's shell reaches.

A fresh interpreter per call added seconds to every CLI test and tested nothing extra; the
entry point itself (``python -m generator``, its exit status) keeps subprocess tests of its own.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from generator.cli.main import main


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def generator(*args: str, cwd: Path, epoch: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` run from ``cwd``, with SOURCE_DATE_EPOCH=``epoch`` if given."""
    out, err = io.StringIO(), io.StringIO()
    env = {"SOURCE_DATE_EPOCH": epoch} if epoch is not None else {}
    with (
        _environment(env),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's usage errors
            code = stop.code if isinstance(stop.code, int) else 2
    return subprocess.CompletedProcess(["generator", *args], code, out.getvalue(), err.getvalue())
