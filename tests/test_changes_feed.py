"""The feed of what changed (changes.atom): read by a real feed parser, as readers do.

The "published before" side is the fixture with seven things undone (a meeting absent,
another at its old time, a cancelled one still going ahead, a record, a log entry and a
completion not yet there, a quarter of figures not yet published); the build against it
must list exactly those seven, and keep them when it builds again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from html.parser import HTMLParser
from pathlib import Path

import feedparser  # type: ignore[import-untyped]  # feedparser ships no type information
import pytest
import sitebuild
from clirun import generator
from fixturedata import FIXTURE_DATA, FIXTURE_TODAY

from generator.load import dataset, published, published_changes
from generator.load.dataset import Dataset
from generator.render import urls
from generator.render.outputs import SiteConfig
from generator.site import render_all
from generator.vocabulary import MeetingStatus

BEFORE = datetime(2025, 3, 1, 12, tzinfo=UTC)
BUILT = datetime(2025, 3, 10, 12, tzinfo=UTC)
SITE = "https://example.org/panels/"
NOW = dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data")


def _before(now: Dataset) -> Dataset:
    meetings = []
    for m in now.meetings:
        if m.id == "business-2025-06":
            continue
        if m.id == "riverside-2025-03":
            m = m.model_copy(update={"start": time(10, 0)})
        if m.id == "hilltop-2025-02":
            m = m.model_copy(update={"status": MeetingStatus.SCHEDULED, "status_reason": None})
        if m.id == "riverside-2024-11":
            m = m.model_copy(update={"record": None})
        meetings.append(m)
    actions = [
        a.model_copy(update={"completed": None}) if a.id == "riverside-2024-11-cycling" else a
        for a in now.actions
        if a.id != "hilltop-2024-11-parking"
    ]
    metrics = [
        m.model_copy(update={"values": tuple(v for v in m.values if v.quarter != "2025-Q1")})
        for m in now.metrics
    ]
    return replace(now, meetings=tuple(meetings), actions=tuple(actions), metrics=tuple(metrics))


def _files(data: Dataset, config: SiteConfig) -> dict[str, bytes]:
    return {o.path: o.content for o in render_all(data, config)}


def _published(
    files: dict[str, bytes],
) -> tuple[published.Published, published_changes.PreviousChanges]:
    calendar = published.by_meeting(files[urls.CALENDAR_ALL].decode("utf-8"))
    return calendar, published_changes.parse(files[urls.CHANGES_FEED].decode("utf-8"))


@pytest.fixture(scope="module")
def first() -> dict[str, bytes]:
    """The site as published before the seven changes."""
    return _files(_before(NOW), SiteConfig(SITE, "Example", BEFORE))


def _after(previous: dict[str, bytes], data: Dataset = NOW, at: datetime = BUILT) -> bytes:
    calendar, changes = _published(previous)
    config = SiteConfig(SITE, "Example", at, previous=calendar, previous_changes=changes)
    return _files(data, config)[urls.CHANGES_FEED]


EXPECTED = [
    "New: City-wide business meeting: Wednesday 4 June 2025",
    "Changed: Riverside cluster panel: Wednesday 12 March 2025",
    "Cancelled: Hilltop cluster panel: Wednesday 12 February 2025",
    "Record published: Riverside cluster panel: Wednesday 6 November 2024",
    'New entry: "you said, we did" (Hilltop cluster panel)',
    'Entry done: "you said, we did" (Riverside cluster panel)',
    "Figures published: January to March 2025",
]


def test_a_first_feed_is_valid_and_empty(first: dict[str, bytes]) -> None:
    feed = feedparser.parse(first[urls.CHANGES_FEED])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Example: what changed"
    assert feed.entries == []
    seen = published_changes.parse(first[urls.CHANGES_FEED].decode("utf-8")).seen
    upcoming = {f"card/{m.id}" for m in NOW.upcoming() if m.id != "business-2025-06"}
    assert upcoming and upcoming <= seen  # their cards' addresses are kept from now on


def test_the_feed_lists_the_fixtures_changes(first: dict[str, bytes]) -> None:
    feed = feedparser.parse(_after(first))
    assert not feed.bozo, feed.get("bozo_exception")
    assert sorted(e.title for e in feed.entries) == sorted(EXPECTED)
    by_title = {e.title: e for e in feed.entries}
    for entry in feed.entries:
        assert entry.updated == "2025-03-10T12:00:00Z"
        assert entry.link.startswith(SITE)
        assert entry.summary
    assert by_title[EXPECTED[1]].summary == "Starts 10:30am, was 10am."
    assert by_title[EXPECTED[1]].link == SITE + urls.meeting("riverside-2025-03")
    assert by_title[EXPECTED[4]].link == SITE + urls.action("hilltop", "hilltop-2024-11-parking")
    assert by_title[EXPECTED[6]].link == SITE + urls.METRICS


def test_entries_accumulate_and_an_unchanged_site_gives_the_same_bytes(
    first: dict[str, bytes],
) -> None:
    second = _after(first)
    assert _after(first) == second  # deterministic
    previous = {**first, urls.CHANGES_FEED: second}
    previous[urls.CALENDAR_ALL] = _files(NOW, SiteConfig(SITE, "Example", BUILT))[urls.CALENDAR_ALL]
    later = datetime(2025, 3, 11, 12, tzinfo=UTC)
    assert _after(previous, at=later) == second  # nothing new: nothing announced again
    moved = [
        m.model_copy(update={"start": time(19, 0)}) if m.id == "hilltop-2025-04" else m
        for m in NOW.meetings
    ]
    third = feedparser.parse(_after(previous, replace(NOW, meetings=tuple(moved)), later))
    assert third.entries[0].title == "Changed: Hilltop cluster panel: Wednesday 23 April 2025"
    assert third.entries[0].updated == "2025-03-11T12:00:00Z"
    assert sorted(e.title for e in third.entries[1:]) == sorted(EXPECTED)


def _feeds(html: str) -> list[str]:
    """The feeds a page announces, found as feed readers find them: each ``<link>`` whose
    rel holds the token ``alternate`` and whose type is Atom."""
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            named = dict(attrs)
            rel = (named.get("rel") or "").lower().split()
            if tag == "link" and "alternate" in rel and named.get("type") == "application/atom+xml":
                found.append(named.get("href") or "")

    Links().feed(html)
    return found


def test_every_page_links_the_feed_in_its_head(built_site: sitebuild.BuiltSite) -> None:
    for page in built_site.pages:
        html = (built_site.site_dir / page).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        [href] = _feeds(head)
        if href.startswith("/"):  # the 404 page links from the site's root (it is served anywhere)
            assert href == built_site.base_path + urls.CHANGES_FEED, page
            continue
        target = (built_site.site_dir / page).parent.joinpath(href).resolve()
        assert target == (built_site.site_dir / urls.CHANGES_FEED).resolve(), page
    assert (built_site.site_dir / urls.CHANGES_FEED).exists()


def test_a_previous_feed_that_is_not_one_is_refused(tmp_path: Path) -> None:
    (tmp_path / "old.atom").write_text("<rss/>\n", encoding="utf-8")
    result = generator(
        "build",
        "--data",
        str(FIXTURE_DATA),
        "--out",
        "site",
        "--previous-changes",
        "old.atom",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "error: old.atom is not the changes feed (it is not an Atom feed): fetch the "
        "published changes.atom again; site was left as it was.\n"
    )
    assert not (tmp_path / "site").exists()


def test_staff_text_reaches_the_feed_as_text(first: dict[str, bytes]) -> None:
    said = 'Bikes <script>alert("x")</script> & scooters on the ]]> path'
    actions = tuple(
        a.model_copy(update={"said": said}) if a.id == "hilltop-2024-11-parking" else a
        for a in NOW.actions
    )
    body = _after(first, replace(NOW, actions=actions))
    assert b"<script>" not in body
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    entry = next(e for e in feed.entries if e.title.startswith("New entry:"))
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == said


def test_a_force_words_the_feed_in_its_own_catalogue(first: dict[str, bytes]) -> None:
    words = NOW.publisher.wording.model_copy(
        update={
            "changes_feed": "news",
            "change_new": "just announced",
            "change_changed": "updated",
            "change_record": "notes out",
            "change_record_summary": "the notes",
            "change_entry": "raised",
            "change_entry_done": "sorted",
            "change_figures": "figures out",
        }
    )
    worded = replace(NOW, publisher=NOW.publisher.model_copy(update={"wording": words}))
    feed = feedparser.parse(_after(first, worded))
    assert feed.feed.title == "Example: news"
    titles = sorted(e.title for e in feed.entries)
    assert titles == sorted(
        [
            "Just announced: City-wide business meeting: Wednesday 4 June 2025",
            "Updated: Riverside cluster panel: Wednesday 12 March 2025",
            "Cancelled: Hilltop cluster panel: Wednesday 12 February 2025",
            "Notes out: Riverside cluster panel: Wednesday 6 November 2024",
            'Raised: "you said, we did" (Hilltop cluster panel)',
            'Sorted: "you said, we did" (Riverside cluster panel)',
            "Figures out: January to March 2025",
        ]
    )
    record = next(e for e in feed.entries if e.title.startswith("Notes out"))
    assert record.summary.startswith("The notes: ")
