"""Fictional 'you said, we did' entries, engagement events, metrics and civic dates.

Like :mod:`.records`, every value is text and every choice comes from the
caller's seeded random generator.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench.records import CONCERNS, PARTNERS, REMITS, Entry, day


def action(rng: random.Random, meeting: Entry, n: int, today: date) -> Entry:
    """A 'you said, we did' entry raised at ``meeting``, in any status, with updates."""
    held = date.fromisoformat(meeting["date"])
    raised = min(held + timedelta(days=rng.choice((0, 0, 0, 1, 2))), today)
    status = rng.choices(("open", "in-progress", "done", "not-taken-forward"), (2, 3, 4, 1))[0]
    remit = rng.choices(REMITS, (6, 4, 1, 1))[0]
    entry: Entry = {
        "id": f"{meeting['id']}-a{n + 1}",
        "meeting": meeting["id"],
        "said": f"{rng.choice(CONCERNS)} is a worry for residents of {meeting['panel']}.",
    }
    if status != "open":
        entry["did"] = (
            "The cluster team patrolled at the times residents named and met the partner."
        )
    entry["remit"] = remit
    if remit == "other-partner":
        entry["owner"] = rng.choice(PARTNERS)
    elif rng.random() < 0.5:
        entry["owner"] = "Cluster team"
    entry["status"] = status
    if status == "not-taken-forward":
        entry["status_reason"] = "Outside what the partners can change; residents were told why."
    entry["raised"] = raised.isoformat()
    updates, last = [], raised
    for _ in range(rng.choice((0, 1, 1, 2, 3)) if status != "open" else rng.choice((0, 0, 1))):
        last = day(rng, last, min(last + timedelta(days=60), today))
        updates.append({"date": last.isoformat(), "text": "Progress reported back to the panel."})
    if updates:
        entry["updates"] = updates
    if status == "done":
        entry["completed"] = day(rng, last, min(last + timedelta(days=45), today)).isoformat()
    if rng.random() < 0.1:
        entry["reviewed_personal_data"] = "true"
    return entry


def engagement(rng: random.Random, count: int, today: date) -> list[Entry]:
    """``count`` engagement events over the two years before ``today``, in every date form."""
    events = []
    audiences = ("residents", "workers", "visitors", "other")
    for n in range(count):
        when = day(rng, today - timedelta(days=730), today)
        entry: Entry = {
            "id": f"{when:%Y-%m}-sample-event-{n + 1}",
            "title": f"Sample engagement event {n + 1}",
        }
        form = rng.choice(("date", "date", "month", "range"))
        if form == "date":
            entry["date"] = when.isoformat()
        elif form == "month":
            entry["month"] = f"{when:%Y-%m}"
            if rng.random() < 0.3:
                entry["when_note"] = f"Mid-{when:%B %Y}"
        else:
            entry["from"] = when.isoformat()
            entry["to"] = (when + timedelta(days=rng.randint(1, 14))).isoformat()
        chosen = sorted(rng.sample(range(4), rng.randint(1, 3)))
        entry["audiences"] = [audiences[i] for i in chosen]
        if 3 in chosen:
            entry["audience_note"] = "students (fictional)"
        events.append(entry)
    return events


COUNTS = {"a": "meetings-held", "i": "logs"}
"""Which synthetic metrics the data counts too (as in the City's report)."""


def metrics(rng: random.Random, today: date) -> list[Entry]:
    """The ten metrics a-j with fictional wording and values for every started quarter."""
    kinds = (
        "count",
        "count",
        "count",
        "hours",
        "hours",
        "score",
        "breakdown",
        "count",
        "count",
        "count",
    )
    first_year = today.year - 2
    quarters = [f"{first_year + q // 4}-Q{q % 4 + 1}" for q in range(8 + (today.month + 2) // 3)]
    found = []
    for letter, kind in zip("abcdefghij", kinds, strict=True):
        entry: Entry = {
            "id": letter,
            "wording": f"Sample measure {letter} (fictional)",
            "unit": {"hours": "hours", "score": "score", "breakdown": "respondents"}.get(
                kind, "events"
            ),
        }
        if kind != "count":
            entry["kind"] = kind
        entry["first_quarter"] = f"{first_year}-Q1"
        if letter in COUNTS:
            entry["counts"] = COUNTS[letter]
        values = []
        for quarter in quarters:
            if rng.random() < 0.15:
                continue  # not yet reported
            if kind == "breakdown":
                shares = [
                    {"category": c, "value": str(rng.randint(10, 300))} for c in ("Female", "Male")
                ]
                values.append(
                    {"quarter": quarter, "breakdown": [{"dimension": "Gender", "shares": shares}]}
                )
            else:
                figure = (
                    f"{rng.uniform(0, 500):.1f}" if kind != "count" else str(rng.randint(0, 400))
                )
                values.append({"quarter": quarter, "value": figure})
        entry["values"] = values
        found.append(entry)
    return found


def civic_dates(rng: random.Random, first_year: int, years: int) -> list[Entry]:
    """Three fictional civic days a year, for clash warnings."""
    found = []
    for year in range(first_year, first_year + years + 1):
        for title in ("Sample ward elections", "Testwick Common Council", "Example ward meeting"):
            when = date(year, rng.randint(1, 12), rng.randint(1, 28))
            found.append({"date": when.isoformat(), "title": title})
    return sorted(found, key=lambda e: (e["date"], e["title"]))
