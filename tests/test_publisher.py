"""The publisher's identity (data/publisher.yaml): every force-specific word comes from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fixturedata import FIXTURE_CONFIG, FIXTURE_DATA, FIXTURE_TODAY, fixture_copy, rendered

from generator.load import dataset as dataset_module
from generator.load.errors import DataError
from generator.site import render_all

REPO = Path(__file__).resolve().parent.parent


def _jsonld(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "no JSON-LD block"
    data: dict[str, object] = json.loads(match.group(1))
    return data


def test_wording_comes_from_the_configuration(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    text = (data / "publisher.yaml").read_text(encoding="utf-8")
    text = (
        text.replace("Northvale Police", "Southmere Constabulary")
        .replace("Community Safety Scrutiny Committee", "Southmere Policing Board")
        .replace("the Borough of Northvale", "the Isle of Southmere")
        .replace("local_time: UK time", "")
        .replace("business_meetings: business meetings for the whole borough", "")
        .replace("business_meeting: business meeting for the whole borough", "")
    )
    text += "  business_meeting: island business meeting\n"
    text += "  business_meetings: island business meetings\n  local_time: island time\n"
    (data / "publisher.yaml").write_text(text, encoding="utf-8")
    out = rendered(data)
    assert "community safety in the Isle of Southmere" in out["index.md"]
    assert "the Southmere Constabulary and the Northvale Borough Council" in out["index.md"]
    assert "to the Southmere Policing Board every quarter" in out["metrics/index.md"]
    assert "the Southmere Constabulary and its partners" in out["you-said-we-did/index.md"]
    assert "Every cluster panel and island business meeting, in island time." in (
        out["calendar/all.ics"].replace("\r\n ", "").replace("\\,", ",")
    )
    everything = "\n".join(out.values())
    assert "Northvale Police" not in everything


def test_json_ld_organiser_and_locality(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    out = rendered(data)
    event = _jsonld(out["meetings/riverside-2025-03/index.md"])
    assert event["organizer"]["name"] == "Northvale Police"  # type: ignore[index]
    assert event["location"][0]["address"]["addressLocality"] == "Northvale"  # type: ignore[index]
    # A venue's own locality wins; with neither, the locality is left out.
    venues = (data / "venues.yaml").read_text(encoding="utf-8")
    venues = venues.replace("    address:\n", "    address:\n      locality: Eastbrook\n", 1)
    (data / "venues.yaml").write_text(venues, encoding="utf-8")
    first_venue = dataset_module.load(data, today=FIXTURE_TODAY, label="data").venues[0]
    assert first_venue.address.locality == "Eastbrook"
    publisher = (data / "publisher.yaml").read_text(encoding="utf-8")
    (data / "publisher.yaml").write_text(
        publisher.replace("  locality: Northvale\n", ""), encoding="utf-8"
    )
    loaded = dataset_module.load(data, today=FIXTURE_TODAY, label="data")
    out = {
        o.path: o.content.decode()
        for o in render_all(loaded, FIXTURE_CONFIG)
        if not o.path.endswith((".png", ".pdf"))
    }
    localities = {
        m.venue: _jsonld(out[f"meetings/{m.id}/index.md"])["location"]
        for m in loaded.meetings
        if m.venue is not None
    }
    for venue_id, location in localities.items():
        place = location[0] if isinstance(location, list) else location
        address = place["address"]  # type: ignore[index]
        if venue_id == first_venue.id:
            assert address["addressLocality"] == "Eastbrook"
        else:
            assert "addressLocality" not in address


def test_remits_are_the_configured_partners(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    publisher = (data / "publisher.yaml").read_text(encoding="utf-8")
    (data / "publisher.yaml").write_text(
        publisher.replace("  - id: northvale-council\n    name: Northvale Borough Council\n", ""),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        dataset_module.load(data, today=FIXTURE_TODAY, label="data")
    messages = [str(p) for p in caught.value.problems]
    expected = (
        "`northvale-council` is not one of the partners in publisher.yaml — use one of: "
        "northvale-police, british-transport-police, other-partner"
    )
    assert messages and all(expected in m for m in messages)
    assert any(m.startswith("data/actions.yaml:") for m in messages)
    assert any(m.startswith("data/meetings.yaml:") for m in messages)


def test_open_data_lists_the_configured_remits() -> None:
    loaded = dataset_module.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data")
    out = {o.path: o.content for o in render_all(loaded, FIXTURE_CONFIG)}
    package = json.loads(out["data/datapackage.json"])
    remit_enums = [
        f["constraints"]["enum"]
        for r in package["resources"]
        for f in r.get("schema", {}).get("fields", [])
        if f["name"] == "remit"
    ]
    assert remit_enums
    assert all(
        e == ["northvale-police", "northvale-council", "british-transport-police", "other-partner"]
        for e in remit_enums
    )


def test_no_dead_ends_the_general_contact_is_offered(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    publisher = (data / "publisher.yaml").read_text(encoding="utf-8")
    publisher += "crime_data_url: https://crime.northvale.example/figures\n"
    (data / "publisher.yaml").write_text(publisher, encoding="utf-8")
    out = rendered(data)
    offer = (
        'contact the Northvale Police: call <a href="tel:01632960000">01632 960000</a>, '
        'email <a href="mailto:panels@northvale.police.example">'
    )
    panel = out["panels/harbour/index.md"]
    # Offered once, in the officers' box the page opens with (no team contact either).
    assert panel.count(f"To reach them until then, {offer}") == 1
    assert panel.index('id="officers"') < panel.index('id="next-meeting"')
    assert (
        '<a href="https://crime.northvale.example/figures" rel="noopener">See published crime '
        "figures for the Borough of Northvale</a>" in panel
    )
    assert f"To ask, {offer}" in out["venues/index.md"]
    waiting = [
        page
        for page in out.values()
        if "The Microsoft Teams joining link is not yet published." in page
    ]
    assert waiting and all(f"If you need it sooner, {offer}" in page for page in waiting)
