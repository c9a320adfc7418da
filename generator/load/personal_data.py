"""Spot personal data (emails, phones, postcodes, number plates, home addresses) in public text.

The patterns favour catching a resident's details over silence: a false alarm costs a
reviewer one line (``reviewed_personal_data: pd-…``), a miss publishes someone's address.
Which fields are scanned, and what a reviewer has released, is :mod:`.personal_scan`.
Only capitals count for postcodes and number plates, so ordinary words never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

from generator.load.errors import Loc

_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Court|Ct|Gardens|Gdns|Place|Pl|Square|Sq|"
    "Terrace|Way|Drive|Dr|Crescent|Row|Walk|Hill|Mews|Yard|Grove|Park|Buildings|Wharf|Passage|"
    "Alley|Gate|Parade|Rise|View"
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_BUILDING_WORDS = "House|Tower|Building|Mansions|Lodge|Cottages?|Flats|Wall|Hall|Point"
# A date as people write one: 12/03/1984, 12.03.84, 12th (of) March 1984, March 12, 1984 or
# 1984-03-12.
_DATE = (
    rf"(?:[0-9]{{1,2}}(?:[/.-][0-9]{{1,2}}[/.-]|(?:st|nd|rd|th)?(?: of)? (?:{_MONTHS}),? )"
    rf"(?:19|20)?[0-9]{{2}}"
    rf"|(?:{_MONTHS}) [0-9]{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)[0-9]{{2}}"
    rf"|(?:19|20)[0-9]{{2}}-[0-9]{{2}}-[0-9]{{2}})"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "an email address",
        # Starts only where a run of address characters starts: tried at every character of
        # a long unbroken token, the pattern would rescan the token each time (quadratic).
        # \w: accented names (zoë.brontë@…) are addresses too.
        re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}"),
    ),
    # Royal Mail's postcode shape: outward code, optional space, inward code (no CIKMOV at the
    # end), in either case: staff type `ec2v 7au` too.
    ("a postcode", re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}\b", re.I)),
    # Number plates: since 2001 (AB12 CDE, any case), 1983-2001 (A123 BCD), 1963-1983 (ABC 123D).
    ("a vehicle registration", re.compile(r"\b[A-Z]{2}[0-9]{2} ?[A-Z]{3}\b", re.I)),
    (
        "a vehicle registration",
        re.compile(r"\b[A-Z][0-9]{1,3} ?[A-Z]{3}\b|\b[A-Z]{3} ?[0-9]{1,3}[A-Z]\b"),
    ),
    # National Insurance numbers: two letters (not D, F, I, Q, U, V), six digits, A to D.
    (
        "a National Insurance number",
        re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}[ -]?(?:[0-9]{2}[ -]?){3}[A-D]\b", re.I),
    ),
    (
        "a house number and street",
        re.compile(
            rf"\b[0-9]{{1,4}}[A-Za-z]?,? (?!(?:{_MONTHS})\b)(?:[A-Za-z][a-z']+ ){{1,3}}"
            rf"(?:{_STREET_WORDS}|{_BUILDING_WORDS})\b",
            re.I,
        ),
    ),
    (
        "a date of birth",
        # `D.O.B.` ends in a dot: the word boundary comes before it, not after.
        re.compile(
            rf"\b(?:d\.?o\.?b\b\.?|date of birth\b|born\b(?: on\b)?)[:.]?\s?{_DATE}\b", re.I
        ),
    ),
)
"""What we look for with patterns, as (how staff read it, pattern); phone numbers are found
with Google's libphonenumber rules (the `phonenumbers` library), which know every UK range."""
PHONE = "a phone number"
# A UK number as people write it: +44, (+44), 0044, 00 44 or a trunk 0 (maybe bracketed), then
# 9 or 10 more digits with spaces, dots, hyphens or brackets between them.
_CANDIDATE = re.compile(
    r"(?<![\w+(])(?:\(?(?:\+|00 ?)44\)?[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)[1-9]\)?"
    r"(?:[\s.()-]{0,2}[0-9]){8,9}(?![0-9])"
)
# A figure right after the word that says it is a reference ("reference 01234 567890",
# "crime ref: …", "incident no. …") is that reference, not a phone, unless it is a mobile's
# shape: a mobile is always someone's, so it is flagged even there (tests/corpus/ keeps the trade).
_REFERENCE_BEFORE = re.compile(
    r"\b(?:ref(?:erence)?|crime|case|incident|log|occurrence|cad|urn)\.?"
    r"(?:\s(?:no\.?|nos\.?|number|#))?(?:\s(?:is|was))?\s?[:#]?\s?$",
    re.I,
)


@dataclass(frozen=True, order=True)
class Finding:
    """One piece of text that looks like personal data."""

    loc: Loc
    """Where it is inside its file, e.g. ``("actions", 0, "said")``."""
    kind: str
    """What it looks like, e.g. ``a phone number``."""
    text: str
    """The text that matched."""


def _phones(text: str) -> Iterator[tuple[int, str]]:
    """Phone numbers in ``text``: valid, or written like a full UK number.

    A bounded pattern finds candidates in one pass (libphonenumber's own matcher slows to
    minutes on long runs of digits and spaces); libphonenumber then judges each one. Crime
    reference and other case numbers have no trunk prefix, so they are left alone.
    """
    for match in _CANDIDATE.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _REFERENCE_BEFORE.search(before) and not _mobile(match[0]):
            continue
        try:
            number = phonenumbers.parse(match[0], "GB")
        except phonenumbers.NumberParseException:
            continue
        full = number.country_code == 44 and len(str(number.national_number)) in (9, 10)
        if full or phonenumbers.is_valid_number(number):
            yield match.start(), match[0]


# Every pattern needs an ASCII digit, or the `@` of an address: text without one (most titles
# and names) skips the eight passes.
_ANY = re.compile(r"[0-9@]")


def find(text: str) -> list[Finding]:
    """Everything in ``text`` that looks like personal data, in order of appearance."""
    found: list[tuple[int, Finding]] = []
    if not _ANY.search(text):
        return []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), Finding((), kind, match.group(0))))
    found.extend((start, Finding((), PHONE, raw)) for start, raw in _phones(text))
    return [finding for _, finding in sorted(found)]


_ROLE_WORDS = frozenset(
    [
        "access",
        "admin",
        "bookings",
        "booking",
        "cluster",
        "community",
        "contact",
        "dwo",
        "engagement",
        "enquiries",
        "enquiry",
        "events",
        "facilities",
        "general",
        "team",
        "help",
        "hello",
        "hire",
        "info",
        "mail",
        "neighbourhood",
        "office",
        "panel",
        "panels",
        "police",
        "post",
        "reception",
        "safer",
        "support",
        "switchboard",
        "venue",
        "venues",
        "ward",
        "wards",
    ]
)


def _mobile(number: str) -> bool:
    """Whether a UK number, however written (``+44 (0)7…``, ``0044 7…``, ``(07…``), is a mobile."""
    digits = re.sub(r"[^0-9]", "", number)
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and number.lstrip().startswith("+"):
        digits = digits[2:]
    return digits.lstrip("0").startswith("7")


def _words(local: str) -> set[str]:
    """A mailbox name's words: `BankCluster2` and `bank.cluster-2` both give bank, cluster."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", local).lower()
    return {word.rstrip("0123456789") for word in re.split(r"[._+\s-]+", spaced)} - {""}


def shared_contact(
    finding: Finding, team: frozenset[str] = frozenset(), *, contact: bool = False
) -> bool:
    """A team mailbox (`venues@…`, `safer-neighbourhoods@…`) or a number that is not a mobile.

    ``team`` holds the words of the entry's id: a mailbox named only with them (`bank@…` in
    the Bank panel's contact) is the team's own. In a ``contact`` section (a panel's or an
    officer's), an officer's work mailbox at a police domain (`…@…police.uk`) is published on
    purpose too; a personal mailbox elsewhere is not.
    """
    if finding.kind == "an email address":
        local, _, domain = finding.text.rpartition("@")
        if contact and "police" in domain.lower().split("."):
            return True
        words = _words(local)
        return bool(_ROLE_WORDS & words) or (bool(words) and words <= team)
    if finding.kind == "a phone number":
        return not _mobile(finding.text)
    return False
