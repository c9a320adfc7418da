"""The staff-workflow sub-commands: ``warnings``, ``diff BASE_REF`` and ``schema``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.cli.annotations import github_annotations
from generator.load import advisories, publish
from generator.load.errors import DataError
from generator.review import diff, schema

SCHEMA_DIR = Path("schemas")


SUMMARY_NEEDS_CHECK = "the change summary is written once they are fixed"
"""What `diff` says after the data check's problems: the summary waits for a clean check."""


def _fail(error: DataError) -> int:
    # Not annotated: `check` annotates the data's problems once, not once per command.
    print(error.report(), file=sys.stderr)
    return 1


def _warnings(args: argparse.Namespace) -> int:
    try:
        data = publish.load(args.data, label=args.label)
    except DataError as error:
        return _fail(error)
    lines, code = advisories.report(data)
    print("\n".join(lines))
    if args.format == "github":
        blocking = lines[: lines.index("")] if lines[0].startswith("Blocking") else []
        rest = [line for line in lines if line not in blocking]
        found = github_annotations(blocking, "error", "Blocks publishing")
        print("\n".join(found + github_annotations(rest, "warning", "Warning")))
    return code


def _diff(args: argparse.Namespace) -> int:
    try:
        markdown, problems = diff.run(args.data, args.base_ref, args.label)
    except DataError as error:
        print(error.report(SUMMARY_NEEDS_CHECK), file=sys.stderr)
        return 1
    sys.stdout.write(markdown)
    if args.format == "github" and problems:
        lines = [str(p) for p in problems]
        print("\n".join(github_annotations(lines, "error", "Calendars")), file=sys.stderr)
    if problems:
        print(
            f"{len(problems)} blocking problem(s): fix them before merging.",
            file=sys.stderr,
        )
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    if args.write:
        written = schema.write(args.dir)
        print(
            f"Wrote {len(written)} schema file(s) to {args.dir}"
            + (f": {', '.join(written)}" if written else " (all up to date)")
        )
        return 0
    stale = schema.stale(args.dir)
    if stale:
        for name in stale:
            print(
                f"{args.dir / name}: out of date with generator/models — run "
                "`python -m generator schema --write` and commit the result",
                file=sys.stderr,
            )
        return 1
    print(f"OK: {len(schema.generate())} schema files in {args.dir} match the models")
    return 0


def add(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register the sub-commands on the CLI's sub-parser collection."""
    found = commands.add_parser(
        "warnings",
        help="list advisories; exit 1 if any blocks publishing",
        description="List data that is valid but probably wrong (missing "
        "joining links, clashes, unrecorded meetings, stale actions) and "
        "personal data in public text, which blocks publishing.",
    )
    common(found)
    found.set_defaults(run=_warnings)
    compared = commands.add_parser(
        "diff",
        help="summarise what changed since BASE_REF, as Markdown",
        description="Compare the data at a git ref with the working tree. "
        "Exit 1 if the data has a problem or the change would take away something "
        "already published (a meeting, a panel's or a venue's id). Change numbers are "
        "derived: nobody types one.",
    )
    common(compared)
    compared.add_argument(
        "base_ref", metavar="BASE_REF", help="git ref to compare with, e.g. origin/main"
    )
    compared.set_defaults(run=_diff)
    schemas = commands.add_parser(
        "schema",
        help="check or write the JSON Schema files for editors",
        description="The JSON Schema of each data file, from the models.",
    )
    common(schemas)
    mode = schemas.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--check", action="store_true", help="exit 1 if a committed schema is out of date"
    )
    mode.add_argument("--write", action="store_true", help="write the schema files")
    schemas.add_argument(
        "--dir", type=Path, default=SCHEMA_DIR, help="schema folder (default: schemas)"
    )
    schemas.set_defaults(run=_schema)
