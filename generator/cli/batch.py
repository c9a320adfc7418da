"""``python -m generator.cli.batch DIR COMMAND [ARGS] [-- COMMAND [ARGS]]...``: one process.

The pull request's data job runs check, warnings, placeholders and diff one after another. Each
new process would import the generator again (about a second of CPU, more than the work
itself), so the job runs them here, in one. The commands are separated by ``--`` (none of them
takes it as an argument), so nothing is split or quoted twice. Each command's standard output
goes to ``DIR/NAME.out``, its errors to ``DIR/NAME.err`` and its exit status to
``DIR/NAME.status``, NAME being the sub-command; the next command runs whatever that status.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator.cli.main import main as run_command

USAGE = "usage: python -m generator.cli.batch DIR COMMAND [ARGS] [-- COMMAND [ARGS]]..."


def _status(code: object) -> int:
    """The exit status ``sys.exit(code)`` would give (argparse exits this way on bad input)."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def split(args: Sequence[str]) -> list[list[str]]:
    """The command lines in ``args``, which ``--`` separates."""
    commands: list[list[str]] = [[]]
    for arg in args:
        if arg == "--":
            commands.append([])
        else:
            commands[-1].append(arg)
    return commands


def run(out: Path, commands: Sequence[Sequence[str]]) -> dict[str, int]:
    """Run each command line in turn, its output and status in files under ``out``."""
    statuses: dict[str, int] = {}
    for argv in commands:
        name = argv[0]
        with (
            (out / f"{name}.out").open("w", encoding="utf-8") as stdout,
            (out / f"{name}.err").open("w", encoding="utf-8") as stderr,
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            try:
                status = run_command(list(argv))
            except SystemExit as exit_:
                status = _status(exit_.code)
            except Exception:  # one command's crash must not hide the others' results
                traceback.print_exc()
                status = 1
        (out / f"{name}.status").write_text(f"{status}\n", encoding="utf-8")
        statuses[name] = status
    return statuses


def main(argv: Sequence[str] | None = None) -> int:
    """Run the commands; exit 0 once all ran (their own statuses are in the files), 2 on misuse."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = split(args[1:])
    if not args or not Path(args[0]).is_dir() or not all(commands):
        print(USAGE, file=sys.stderr)
        return 2
    run(Path(args[0]), commands)
    return 0


if __name__ == "__main__":
    sys.exit(main())
