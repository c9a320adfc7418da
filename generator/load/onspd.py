"""Read a ward's postcodes from the ONS Postcode Directory (ONSPD), the ONS's open CSV.

The ONSPD lists every UK postcode with the GSS code of its electoral ward (column
``osward``) and, for postcodes no longer in use, the month they ended (``doterm``). The
standard library's csv reader is enough: the file is plain RFC 4180 CSV, read as a stream so
that the full directory (about 2.7 million rows) never sits in memory.
"""

from __future__ import annotations

import csv
from pathlib import Path

from generator.models.areas import canonical_postcode

COLUMNS = ("pcds", "osward", "doterm")
"""The ONSPD columns used: the postcode as written, its ward's GSS code, its end date."""


class OnspdError(ValueError):
    """The file is not an ONSPD CSV."""


def ward_postcodes(path: Path, gss_code: str, *, sectors: bool = False) -> list[str]:
    """The live postcodes (or their sectors) of the ward ``gss_code``, sorted."""
    found: set[str] = set()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise OnspdError(
                f"{path}: no column {', '.join(missing)} — use the ONSPD CSV from the ONS "
                "Open Geography Portal (the full file or one area's file from its Data folder)"
            )
        for row in reader:
            if row["osward"] != gss_code or (row["doterm"] or "").strip():
                continue
            postcode = canonical_postcode(row["pcds"])
            found.add(postcode[:-2] if sectors else postcode)
    return sorted(found)
