"""Fictional panels, venues and meetings, as the plain trees staff would write.

Every value is text, as in a real data file; the choices are drawn from the
caller's seeded random generator so a scale always produces the same files.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from typing import Any

Entry = dict[str, Any]

_STARTS = (time(12), time(13), time(15), time(16), time(17), time(18), time(18, 30))
CONCERNS = (
    "Cycling on pavements",
    "Noise from late-night venues",
    "Phone snatches near the station",
    "Rough sleeping in doorways",
    "Anti-social behaviour on the estate",
    "Shoplifting from small shops",
    "Speeding delivery mopeds",
    "Street lighting out",
    "Drug dealing in the stairwell",
    "Fly-tipping behind the shops",
    "Begging at cash machines",
    "Vehicles parked on the footway",
    "Graffiti on the underpass",
    "Bike theft from racks",
)
PARTNERS = ("Sample Borough Highways", "Testwick Housing Trust", "Example Transport Operator")
_FIRST = ("Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Charlie", "Jamie", "Morgan", "Taylor")
_LAST = ("Example", "Sample", "Testperson", "Placeholder", "Fixture", "Mockford", "Dummyson")
REMITS = (
    "northvale-police",
    "northvale-council",
    "british-transport-police",
    "other-partner",
)


def _hm(at: time) -> str:
    return f"{at:%H:%M}"


def day(rng: random.Random, first: date, last: date) -> date:
    """A random day from ``first`` to ``last``, both included."""
    return first + timedelta(days=rng.randint(0, max((last - first).days, 0)))


def _teams(rng: random.Random) -> str:
    token = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{token}%40thread.v2/0"


def panel(rng: random.Random, panel_id: str, name: str, wards: list[str]) -> Entry:
    """A panel with wards, officers and (usually) contact details and links."""
    entry: Entry = {"id": panel_id, "name": name}
    if rng.random() < 0.7:
        entry["summary"] = f"The fictional {name} panel covers {', '.join(wards)}."
    entry["wards"] = wards
    officers = []
    for n in range(rng.randint(1, 3)):
        officer: Entry = {"name": f"PC {rng.choice(_FIRST)} {rng.choice(_LAST)}"}
        if len(wards) > 1 and rng.random() < 0.5:
            officer["wards"] = [rng.choice(wards)]
        officer["contact"] = {"email": f"{panel_id}.dwo{n + 1}@police.example"}
        officers.append(officer)
    entry["officers"] = officers
    contact: Entry = {
        "email": f"{panel_id}@police.example",
        "phone": f"020 7946 0{rng.randint(0, 999):03d}",
    }
    if rng.random() < 0.5:
        contact["social"] = [{"label": "Nextdoor", "url": f"https://nextdoor.example/{panel_id}"}]
    entry["contact"] = contact
    if rng.random() < 0.8:
        entry["questionnaire_url"] = f"https://forms.example/{panel_id}/topics"
    if rng.random() < 0.6:
        entry["crime_data_url"] = f"https://crime-data.example/{panel_id}"
    return entry


def venue(rng: random.Random, venue_id: str, name: str, index: int) -> Entry:
    """A venue with an address and a random subset of known access facts."""
    entry: Entry = {
        "id": venue_id,
        "name": name,
        "address": {
            "lines": [f"{rng.randint(1, 200)} Sample Street", "Testwick"],
            "postcode": f"ZZ{index % 99 + 1} {rng.randint(1, 9)}ZZ",
        },
    }
    access: Entry = {}
    for flag in ("step_free", "hearing_loop", "accessible_toilet", "interpreter_on_request"):
        if rng.random() < 0.7:
            access[flag] = rng.choice(("true", "true", "false"))
    if access.get("step_free") == "true":
        access["step_free_note"] = (
            "Use the side entrance on Example Lane; the lift is by reception."
        )
    if access.get("interpreter_on_request") == "true":
        access["how_to_request"] = "Email the panel team at least five working days before."
    access["nearest_stations"] = [f"{name.split()[0]} Central (fictional)"]
    entry["access"] = access
    if rng.random() < 0.5:
        entry["coordinates"] = {
            "latitude": f"{51.4 + rng.random() / 5:.4f}",
            "longitude": f"{-0.2 + rng.random() / 5:.4f}",
        }
    return entry


def _status(rng: random.Random, entry: Entry, when: date, start: time, today: date) -> None:
    roll = rng.random()
    if roll >= 0.09:
        return
    status = "cancelled" if roll < 0.04 else "moved" if roll < 0.07 else "postponed"
    entry["status"] = status
    entry["status_reason"] = {
        "cancelled": "Cancelled because the venue is closed for repairs (fictional).",
        "moved": "Moved to avoid a clash with a ward election hustings (fictional).",
        "postponed": "Postponed while a new venue is found; a new date will follow (fictional).",
    }[status]
    if status == "moved":
        before = when - timedelta(days=rng.randint(7, 21))
        entry["previous"] = {"date": before.isoformat(), "start": _hm(rng.choice(_STARTS))}
        changed = before - timedelta(days=rng.randint(1, 20))
    else:
        changed = when - timedelta(days=rng.randint(1, 20))
    entry["revision"] = str(rng.randint(1, 3))
    entry["revised"] = min(changed, today).isoformat()


def meeting(
    rng: random.Random, panel_id: str, name: str, when: date, venues: list[str], today: date
) -> Entry:
    """A panel meeting: any format and status; a record once it has been held."""
    start = rng.choice(_STARTS)
    entry: Entry = {"id": f"{panel_id}-{when:%Y-%m}", "panel": panel_id}
    if rng.random() < 0.1:
        entry["title"] = f"{name} Cluster Panel (including Sample Estate)"
    entry["date"] = when.isoformat()
    entry["start"] = _hm(start)
    if rng.random() < 0.7:
        entry["end"] = _hm(
            time(start.hour + 1, start.minute + 30) if start.minute < 30 else time(start.hour + 2)
        )
    fmt = rng.choices(("hybrid", "in-person", "online"), (6, 3, 1))[0]
    entry["format"] = fmt
    if fmt != "online":
        entry["venue"] = rng.choice(venues)
        if rng.random() < 0.3:
            entry["room"] = f"Room {rng.randint(1, 12)}"
    if fmt != "in-person":
        online: Entry = {"teams_url": _teams(rng)}
        if rng.random() < 0.5:
            online["meeting_id"] = (
                f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
            )
            online["passcode"] = f"Sample{rng.randint(10, 99)}"
        if rng.random() < 0.3:
            online["dial_in"] = {
                "phone": "020 7946 0000",
                "conference_id": f"{rng.randint(100000, 999999)}#",
            }
        entry["online"] = online
    _status(rng, entry, when, start, today)
    if rng.random() < 0.2:
        entry["questionnaire_url"] = f"https://forms.example/{entry['id']}"
    if rng.random() < 0.5:
        entry["agenda"] = [
            "Welcome and introductions",
            "Local priorities",
            rng.choice(CONCERNS),
            "Any other business",
        ]
    if when < today and entry.get("status", "scheduled") in ("scheduled", "moved"):
        entry["record"] = _record(rng, fmt, entry["id"])
    return entry


def _record(rng: random.Random, fmt: str, meeting_id: str) -> Entry:
    attendance: Entry = {}
    if fmt != "online":
        attendance["in_person"] = str(rng.randint(0, 40))
    if fmt != "in-person":
        attendance["online"] = str(rng.randint(0, 60))
    topics = []
    for concern in rng.sample(CONCERNS, rng.randint(1, 5)):
        remit = rng.choices(REMITS, (6, 4, 1, 1))[0]
        topic: Entry = {"topic": concern, "remit": remit}
        if remit == "other-partner":
            topic["partner"] = rng.choice(PARTNERS)
        topics.append(topic)
    record: Entry = {"attendance": attendance, "topics": topics}
    if rng.random() < 0.6:
        record["documents"] = [
            {"title": "Minutes", "url": f"https://papers.example/{meeting_id}/minutes"}
        ]
    return record


def business_meeting(rng: random.Random, when: date, venue_id: str, today: date) -> Entry:
    """A City-wide business meeting (no panel)."""
    entry: Entry = {
        "id": f"business-{when:%Y-%m}",
        "kind": "business",
        "title": "Sample business engagement meeting",
        "date": when.isoformat(),
        "start": "08:30",
        "end": "09:30",
        "format": "hybrid",
        "venue": venue_id,
        "online": {"teams_url": _teams(rng)},
    }
    if when < today:
        entry["record"] = {
            "attendance": {"in_person": str(rng.randint(5, 50)), "online": str(rng.randint(5, 80))}
        }
    return entry
