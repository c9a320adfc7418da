"""A team mailbox or a switchboard number in an access field is public on purpose."""

from __future__ import annotations

from generator.load import personal_scan


def _venue(how_to_request: str) -> dict[str, object]:
    return {"venues": [{"id": "hall", "access": {"how_to_request": how_to_request}}]}


def test_team_mailboxes_and_switchboards_in_access_fields_are_not_personal_data() -> None:
    text = (
        "Email venues@quayhall.example or safer-neighbourhoods@example.police.uk, "
        "or call the switchboard on 020 7946 0100 or +44 (0)20 7946 0101."
    )
    assert personal_scan.scan(_venue(text)) == []


def test_a_persons_mailbox_or_mobile_in_an_access_field_still_is() -> None:
    text = "Email john.smith@quayhall.example or text 07700 900123."
    found = personal_scan.scan(_venue(text))
    assert [(f.kind, f.text) for f in found] == [
        ("a phone number", "07700 900123"),
        ("an email address", "john.smith@quayhall.example"),
    ]


def test_the_same_team_mailbox_in_an_action_is_still_flagged() -> None:
    tree = {"actions": [{"id": "a", "said": "Write to venues@quayhall.example about it."}]}
    assert [f.text for f in personal_scan.scan(tree)] == ["venues@quayhall.example"]


def test_the_online_joining_section_is_scanned_but_its_dial_in_is_public() -> None:
    online = {
        "teams_url": "https://teams.microsoft.com/l/meetup-join/x",
        "passcode": "Ab12Cd",
        "dial_in": {"phone": "020 7946 0999", "conference_id": "987 654 321#"},
        "meeting_id": "Ask jo.bloggs@example.com or ring 07700 900123",
    }
    tree = {"meetings": [{"id": "m", "online": online}]}
    assert [(f.loc[-1], f.text) for f in personal_scan.scan(tree)] == [
        ("meeting_id", "07700 900123"),
        ("meeting_id", "jo.bloggs@example.com"),
    ]
