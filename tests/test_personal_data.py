"""The personal-data detector: what it must catch, what it must leave alone."""

from __future__ import annotations

import pytest

from generator.load import yaml_strict as yamlstrict
from generator.load.personal_data import find
from generator.load.personal_scan import scan


@pytest.mark.parametrize(
    ("text", "kind", "match"),
    [
        ("Write to jo.bloggs@example.com please", "an email address", "jo.bloggs@example.com"),
        ("Ring 020 7601 2222 after six", "a phone number", "020 7601 2222"),
        ("Ring +44 20 7601 2222", "a phone number", "+44 20 7601 2222"),
        ("Ring +44 (0)20 7601 2222", "a phone number", "+44 (0)20 7601 2222"),
        ("Ring 0207 601 2222", "a phone number", "0207 601 2222"),
        ("Text 07700 900123", "a phone number", "07700 900123"),
        ("Text 07700900123", "a phone number", "07700900123"),
        ("Ring 01632-960-001", "a phone number", "01632-960-001"),
        ("I live at EC2V 7AU", "a postcode", "EC2V 7AU"),
        ("Near SW1A 1AA", "a postcode", "SW1A 1AA"),
        ("The van AB12 CDE parks there", "a vehicle registration", "AB12 CDE"),
        ("The van AB12CDE parks there", "a vehicle registration", "AB12CDE"),
        ("Noise from 12 Acacia Avenue at night", "a house number and street", "12 Acacia Avenue"),
        ("The bins at 4a Fictional Road", "a house number and street", "4a Fictional Road"),
        ("Outside 3, Example Close", "a house number and street", "3, Example Close"),
    ],
)
def test_true_positives(text: str, kind: str, match: str) -> None:
    assert [(f.kind, f.text) for f in find(text)] == [(kind, match)]


@pytest.mark.parametrize(
    "text",
    [
        "100 Bishopsgate",  # a venue's name: a number and a street, but no street word
        "Meets at 18:30 on 2024-11-06",
        "Call 101, or 999 in an emergency",
        "Reported in 2025-Q1; 12 meetings and 40 residents",
        "Fenchurch Street station",
        "Teams meeting ID 123 456 789",
        "The BBC and the GLA",
        "Ward of Cheap, 1pm to 2:30pm",
        "Policing the Insure our Survival week of action",
    ],
)
def test_true_negatives(text: str) -> None:
    assert find(text) == []


def test_several_findings_come_in_reading_order() -> None:
    found = find("Email a@example.com or ring 020 7601 2222 about AB12 CDE")
    assert [f.kind for f in found] == [
        "an email address",
        "a phone number",
        "a vehicle registration",
    ]


def test_scan_skips_addresses_and_lets_team_contacts_through() -> None:
    loaded = yamlstrict.parse(
        """
clusters:
  - id: north
    name: Northgate
    summary: Covers 5 Example Street and EC9Z 9ZZ.
    officers:
      - name: PC Alex Example
        contact:
          email: north.dwo@example.police.uk
          phone: "020 7946 0000"
    contact:
      email: team@example.police.uk
venues:
  - id: hall
    name: 100 Bishopsgate
    address:
      lines: [12 Acacia Avenue]
      postcode: EC2V 7AU
meetings:
  - id: m
    online:
      dial_in:
        phone: "020 7946 0002"
    questionnaire_url: https://forms.example.com/topics
""",
        "test.yaml",
    )
    assert [(f.loc, f.kind, f.text) for f in scan(loaded.value)] == [
        (("clusters", 0, "summary"), "a house number and street", "5 Example Street"),
        (("clusters", 0, "summary"), "a postcode", "EC9Z 9ZZ"),
    ]


def test_scan_honours_the_reviewed_flag_only_when_asked() -> None:
    loaded = yamlstrict.parse(
        """
actions:
  - id: a
    said: Ring 020 7601 2222
    reviewed_personal_data: pd-3c8514b42c
  - id: b
    said: Ring 020 7601 2223
""",
        "test.yaml",
    )
    assert [f.loc for f in scan(loaded.value)] == [("actions", 1, "said")]
    assert [f.loc for f in scan(loaded.value, skip_reviewed=False)] == [
        ("actions", 0, "said"),
        ("actions", 1, "said"),
    ]


def test_lists_inside_entries_are_scanned() -> None:
    loaded = yamlstrict.parse(
        """
actions:
  - id: a
    updates:
      - date: 2030-01-01
        text: Spoke to the resident at 7 Example Lane.
""",
        "test.yaml",
    )
    assert [(f.loc, f.text) for f in scan(loaded.value)] == [
        (("actions", 0, "updates", 0, "text"), "7 Example Lane")
    ]
