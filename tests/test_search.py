"""Site search: records built from the data, and the Pagefind index both adapters write."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from searchindex import fragments
from sitebuild import FIXTURE_DATA, BuiltSite

from generator.cli.main import main as cli
from generator.load.dataset import load
from generator.search.pagefind import SearchIndexError, write_index
from generator.search.records import RecordType, page_record, records

TODAY = __import__("datetime").date(2025, 3, 10)


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load(FIXTURE_DATA, today=TODAY)


@pytest.fixture(scope="module")
def site(built_site: BuiltSite) -> Path:
    return built_site.site_dir


def test_one_record_per_meeting_panel_and_log_page(dataset) -> None:  # type: ignore[no-untyped-def]
    found = records(dataset)
    kinds = [r.type for r in found]
    assert kinds.count(RecordType.MEETING) == len(dataset.meetings)
    assert kinds.count(RecordType.PANEL) == len(dataset.panels)
    logs = {_panel(dataset, action) for action in dataset.actions}
    assert kinds.count(RecordType.ENTRY) == len(logs) < len(dataset.actions)
    assert len({r.url for r in found}) == len(found)


def test_each_entry_text_is_indexed_once_as_a_section_of_its_log(dataset) -> None:  # type: ignore[no-untyped-def]
    found = records(dataset)
    for action in dataset.actions:
        holders = [r.url for r in found if action.said in r.content]
        holders += [
            f"{r.url}#{s.anchor}" for r in found for s in r.sections if action.said in s.content
        ]
        assert holders == [f"/you-said-we-did/{_panel(dataset, action)}/#{action.id}"]


def test_a_log_page_record_holds_each_entry_with_its_date(dataset) -> None:  # type: ignore[no-untyped-def]
    log = next(r for r in records(dataset) if r.url == "/you-said-we-did/riverside/")
    entry = next(s for s in log.sections if s.anchor == "riverside-2024-11-cycling")
    assert "cyclists" in entry.content and entry.date == "Wednesday 6 November 2024"
    assert log.filters["type"] == ["You said, we did"] and log.filters["panel"] == ["Riverside"]


def _panel(dataset, action) -> str:  # type: ignore[no-untyped-def]
    return dataset.meeting_by_id[action.meeting].panel or "business-meetings"


def test_meeting_records_carry_their_date_and_filters(dataset) -> None:  # type: ignore[no-untyped-def]
    meeting = next(r for r in records(dataset) if r.url == "/meetings/riverside-2025-03/")
    assert meeting.type is RecordType.MEETING
    assert meeting.date is not None and meeting.date in meeting.title
    assert meeting.date in meeting.content and "2025-03" in (meeting.sort or "")
    assert meeting.filters == {"type": ["Meeting"], "panel": ["Riverside"], "year": ["2025"]}


def test_a_page_record_is_the_text_a_reader_sees() -> None:
    body = '<h1 id="a">Take part<a class="headerlink" href="#a">¶</a></h1><script>x()</script><p>Ask &amp; say</p>'
    record = page_record("/how/", "How", body)
    assert record.content == "Take part Ask & say"
    assert record.type is RecordType.GUIDANCE


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_index_is_byte_identical_across_runs(dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Pagefind writes filter values in hash-map order, different in each process: with three
    # filters of several values, two unsorted runs all but never agree.
    first, second = tmp_path / "one" / "pagefind", tmp_path / "two" / "pagefind"
    write_index(records(dataset), first)
    write_index(records(dataset), second)
    assert _tree(first) == _tree(second)
    assert any(name.startswith("filter/") for name in _tree(first))


def test_the_index_never_replaces_a_folder_it_did_not_make(tmp_path: Path) -> None:
    mine = tmp_path / "pagefind"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(SearchIndexError) as error:
        write_index([], mine)
    assert str(error.value) == f"{mine} exists and is not a search index: not replacing it"
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_the_site_search_holds_data_and_guidance_but_not_the_staff_guide(site: Path) -> None:
    index = fragments(site / "pagefind")
    assert index["/meetings/riverside-2025-03/"]["meta"]["type"] == "Meeting"
    assert index["/panels/riverside/"]["meta"]["title"] == "Riverside cluster panel"
    assert index["/about/"]["meta"]["type"] == "Guidance"
    assert index["/accessibility/"]["meta"]["type"] == "Guidance"
    assert not [url for url in index if "staff-guide" in url]
    # Still published for staff, but not in the residents' navigation.
    assert (site / "staff-guide" / "index.html").is_file()
    assert "staff-guide/" not in (site / "index.html").read_text(encoding="utf-8")


def test_no_page_loads_search_until_it_is_opened(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind="pagefind/pagefind.js"' in home
    assert "search_index.json" not in home and not (site / "search").exists()
    assert '<script src="pagefind' not in home


def test_the_cli_build_writes_the_index_too(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli(["build", "--data", str(FIXTURE_DATA), "--out", str(out)]) == 0
    index = fragments(out / "pagefind")
    assert "/meetings/riverside-2025-03/" in index
    # Without --docs the only guidance is the generated accessibility statement, as in MkDocs.
    guidance = [url for url in index if index[url]["meta"]["type"] == "Guidance"]
    assert guidance == ["/accessibility/"]


def test_results_are_shown_as_text_never_markup() -> None:
    script = Path(__file__).parents[1] / "overrides/assets/javascripts/cluster-panels.js"
    text = script.read_text(encoding="utf-8")
    assert "innerHTML" not in text and "insertAdjacentHTML" not in text
    assert f'var GUIDANCE = "{RecordType.GUIDANCE.value}"' in text


def test_a_venue_is_found_by_the_access_it_has_not_the_access_it_lacks(dataset) -> None:  # type: ignore[no-untyped-def]
    venues = next(r for r in records(dataset) if r.type is RecordType.VENUE)
    sections = {s.anchor: s for s in venues.sections}
    quay, summit = sections["venue-quay-hall"], sections["venue-summit-library"]
    assert venues.url == "/venues/" and quay.title == "Quay Hall"
    for words in ("Step-free access (wheelchair access)", "Hearing loop", "Accessible toilet"):
        assert words in quay.content.split("\n")
    assert "Step-free" not in summit.content and "wheelchair" not in summit.content


def test_a_panels_title_is_indexed_as_its_heading(dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_index(records(dataset), tmp_path / "pagefind")
    panel = fragments(tmp_path / "pagefind")["/panels/hilltop/"]
    assert panel["content"].startswith("Hilltop cluster panel. ")
    meeting = fragments(tmp_path / "pagefind")["/meetings/hilltop-2025-02/"]
    assert meeting["meta"]["day"] == "2025-02-12"


def test_access_words_lead_to_the_venues_page_even_when_no_venue_is_known_to_have_it(
    tmp_path: Path,
) -> None:
    """Where no venue has a fact confirmed, the page saying so (and whom to ask) is found."""
    venues = [r for r in records(load(FIXTURE_DATA, today=TODAY)) if r.type is RecordType.VENUE]
    write_index(venues, tmp_path / "pagefind")
    page = fragments(tmp_path / "pagefind")["/venues/"]
    for words in ("Step-free access", "wheelchair", "Hearing loop", "Accessible toilet"):
        assert words in page["content"]
