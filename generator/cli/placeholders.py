"""``python -m generator placeholders``: what the force must still fill in before going live."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.load import placeholders
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError
from generator.load.validate import validate
from generator.models.publisher import PUBLISHER_FILE, Publisher


def _publisher(data: Path, label: str) -> Publisher | None:
    """The publisher's configuration, or None when it is missing or invalid (``check`` says why)."""
    try:
        model = validate(yamlstrict.read(data / PUBLISHER_FILE, label), Publisher)
    except DataError:
        return None
    return model if isinstance(model, Publisher) else None


def run(args: argparse.Namespace) -> int:
    """Print every placeholder; with --strict, exit 1 when there is any (the deploy refuses)."""
    found = [
        *placeholders.in_docs(args.docs, args.docs.as_posix().rstrip("/")),
        *placeholders.in_publisher(args.data, _publisher(args.data, args.label), args.label),
    ]
    for problem in found:
        print(f"placeholder: {problem}", file=sys.stderr)
    if not found:
        print("OK: no placeholders left")
        return 0
    if args.strict:
        print(
            f"{len(found)} placeholder(s) left: the site must not be published until the force "
            "replaces them.",
            file=sys.stderr,
        )
        return 1
    print(
        f"WARNING: {len(found)} placeholder(s) left. Fine for a preview; the deploy workflow "
        "refuses to publish until the force replaces them.",
        file=sys.stderr,
    )
    return 0


def add(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register the ``placeholders`` sub-command."""
    found = commands.add_parser(
        "placeholders",
        help="list the placeholders the force must replace before going live",
        description="List marked placeholders in docs/ and publisher.yaml, and contacts "
        "residents need but the configuration lacks. --strict exits 1 if any (deploy).",
    )
    common(found)
    found.add_argument("--docs", type=Path, default=Path("docs"), help="the hand-written pages")
    found.add_argument("--strict", action="store_true", help="exit 1 when any placeholder is left")
    found.set_defaults(run=run)
