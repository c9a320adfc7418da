"""``python -m generator postcodes``: list a ward's postcodes from the ONSPD, ready to paste."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from generator.load.onspd import OnspdError, ward_postcodes
from generator.models.areas import _gss


def _run(args: argparse.Namespace) -> int:
    try:
        _gss(args.gss_code)
    except PydanticCustomError as error:
        print(f"postcodes: {error.message()}", file=sys.stderr)
        return 2
    try:
        found = ward_postcodes(args.onspd, args.gss_code, sectors=args.sectors)
    except (OSError, OnspdError) as error:
        print(f"postcodes: {error}", file=sys.stderr)
        return 1
    if not found:
        print(
            f"postcodes: no live postcode has the ward code {args.gss_code} in {args.onspd} — "
            "check the code (ONS ward codes start E05) and that the file covers the area",
            file=sys.stderr,
        )
        return 1
    print(f"        gss_code: {args.gss_code}")
    print("        postcodes:")
    for postcode in found:
        print(f"          - {postcode}")
    what = "sectors" if args.sectors else "postcodes"
    print(f"postcodes: {len(found)} {what} of {args.gss_code}", file=sys.stderr)
    return 0


def add(commands: Any) -> None:
    """Register the sub-command."""
    sub = commands.add_parser(
        "postcodes",
        help="list a ward's postcodes from the ONS Postcode Directory",
        description="Print the live postcodes of one ward, from the ONS Postcode Directory "
        "CSV, as YAML to paste under the ward's entry in `areas:` in data/clusters.yaml.",
    )
    sub.add_argument("onspd", type=Path, help="the ONSPD CSV file")
    sub.add_argument("gss_code", help="the ward's GSS code, e.g. E05012345")
    sub.add_argument(
        "--sectors",
        action="store_true",
        help="list postcode sectors (SW1A 1) instead of full postcodes",
    )
    sub.add_argument("--label", default="", help=argparse.SUPPRESS)
    sub.add_argument("--data", type=Path, default=Path("data"), help=argparse.SUPPRESS)
    sub.set_defaults(run=_run)
