"""Nothing about one force lives in the code or the templates: names come from publisher.yaml."""

from __future__ import annotations

import re
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
SUFFIXES = {".py", ".html", ".svg", ".js", ".css", ".md", ".txt", ".json"}

CITY_WARDS = (
    "Aldersgate",
    "Aldgate",
    "Bassishaw",
    "Billingsgate",
    "Bishopsgate",
    "Bread Street",
    "Broad Street",
    "Candlewick",
    "Castle Baynard",
    "Coleman Street",
    "Cordwainer",
    "Cornhill",
    "Cripplegate",
    "Dowgate",
    "Farringdon",
    "Langbourn",
    "Lime Street",
    "Portsoken",
    "Queenhithe",
    "Vintry",
    "Walbrook",
)
"""The City of London's wards (with Bridge, Cheap and Tower, too common as words to search)."""
CITY_PLACES = (
    "Barbican",
    "Fenchurch",
    "Liverpool Street",
    "Monument",
    "Innholders",
    "Cannon Street",
    "EC2V",
)
"""The City's panel names and other places that served as examples."""
FORBIDDEN = re.compile(
    "|".join(
        [
            r"City of London",
            r"Corporation",
            r"Strategic Planning",
            r"Police Authority Board",
            r"Common Council",
            r"Guildhall",
            r"Alderm[ae]n",
            r"City-wide",
            r"City wards?",
            r"London time",
            # London only as the time zone's name (Europe/London) or the code's LONDON constant.
            r"(?<!Europe/)\bLondon\b",
            *(re.escape(name) for name in CITY_WARDS + CITY_PLACES),
        ]
    )
)


def _files() -> list[Path]:
    return sorted(p for p in GENERATOR.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def test_the_scan_covers_code_and_templates() -> None:
    suffixes = {p.suffix for p in _files()}
    assert {".py", ".html"} <= suffixes
    assert any("templates" in p.parts for p in _files())


def test_no_force_place_or_committee_name_in_generator() -> None:
    found = [
        f"{path.relative_to(GENERATOR.parent)}:{number}: {match.group(0)!r}"
        for path in _files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for match in FORBIDDEN.finditer(line)
    ]
    assert found == [], "force-specific wording belongs in data/publisher.yaml:\n" + "\n".join(
        found
    )


def test_the_pattern_finds_what_it_must() -> None:
    for text in (
        "the City of London Police",
        "City-wide business meeting",
        "in London time",
        "Strategic Planning and Performance Committee",
        "the Corporation",
        "a group of City wards",
        "Portsoken Community Centre",
        "addressLocality: London",
    ):
        assert FORBIDDEN.search(text), text
    for text in ("Europe/London", "LONDON", "UK time", "business meeting"):
        assert not FORBIDDEN.search(text), text


def test_the_catalogue_defaults_are_written_once() -> None:
    """Every default phrase of the wording catalogue lives in vocabulary.py and nowhere else."""
    from generator.vocabulary import DEFAULT_WORDING

    phrases = [DEFAULT_WORDING[k] for k in ("panel", "log", "ward_officer")]
    pattern = re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)
    found = [
        f"{path.relative_to(GENERATOR.parent)}: {m.group(0)!r}"
        for path in _files()
        if path.name != "vocabulary.py"
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
