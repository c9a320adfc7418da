"""Sharing cards: every meeting and panel page's Open Graph and Twitter card tags, and its image.

Read from the real ``mkdocs build --strict`` of the fixture (its HTML head parsed with the
standard library's parser); the image is a 1200 x 630 PNG at the address the tags give,
the same bytes in two builds; staff text reaches the tags escaped exactly once.
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import sitebuild
from fixturedata import FIXTURE_DATA, FIXTURE_TODAY, fixture_copy

from generator.load import dataset, published_changes
from generator.outreach.cards import HEIGHT, WIDTH, card_png, wrap
from generator.pages import cards
from generator.render import urls
from generator.render.outputs import SiteConfig

_DATA = dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data")
PAGES = [urls.meeting(m.id) for m in _DATA.meetings] + [urls.panel(p.id) for p in _DATA.panels]
OWN_CARD = [
    urls.meeting(m.id) for m in _DATA.meetings if m.is_upcoming(FIXTURE_TODAY) or m.panel is None
] + [urls.panel(p.id) for p in _DATA.panels]
"""Pages whose words get their own image: upcoming meetings, business meetings, panels."""


class _Head(HTMLParser):
    """The ``<meta property|name=... content=...>`` tags of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key and found.get("content") is not None:
            self.tags[key] = found["content"] or ""


def head_tags(page_html: str) -> dict[str, str]:
    """A page's meta tags by property or name (values unescaped, as a crawler reads them)."""
    parser = _Head()
    parser.feed(page_html)
    return parser.tags


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its header (it must be a PNG)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_fixture_has_meetings_and_panels() -> None:
    assert len(_DATA.meetings) >= 5 and len(_DATA.panels) >= 3
    assert _DATA.upcoming() and any(m.panel for m in _DATA.past())


def test_every_meeting_and_panel_page_has_a_sharing_card(built_site: sitebuild.BuiltSite) -> None:
    for path in PAGES:
        page = (built_site.site_dir / path / "index.html").read_text(encoding="utf-8")
        tags = head_tags(page)
        assert tags["twitter:card"] == "summary_large_image", path
        assert tags["og:url"] == sitebuild.SITE_URL + path, path
        assert tags["twitter:image"] == tags["og:image"], path
        assert tags["og:title"] and tags["og:description"], path
        assert tags["og:site_name"] == sitebuild.SITE_NAME
        image = tags["og:image"].removeprefix(sitebuild.SITE_URL)
        assert png_size((built_site.site_dir / image).read_bytes()) == (WIDTH, HEIGHT), path
        if path in OWN_CARD:
            assert image == path + "card.png", path


def test_a_past_meeting_is_shared_with_its_panels_card(built_site: sitebuild.BuiltSite) -> None:
    meeting = next(m for m in _DATA.past() if m.panel)
    page = built_site.site_dir / urls.meeting(meeting.id) / "index.html"
    tags = head_tags(page.read_text(encoding="utf-8"))
    panel_page = built_site.site_dir / urls.panel(meeting.panel or "") / "index.html"
    panel_tags = head_tags(panel_page.read_text(encoding="utf-8"))
    assert tags["og:image"] == sitebuild.SITE_URL + urls.panel_card(meeting.panel or "")
    assert tags["og:image:alt"] == panel_tags["og:image:alt"]
    assert tags["og:url"] == sitebuild.SITE_URL + urls.meeting(meeting.id)
    assert not (built_site.site_dir / urls.meeting_card(meeting.id)).exists()


def test_a_meeting_card_says_its_day_time_and_place(built_site: sitebuild.BuiltSite) -> None:
    meeting = next(m for m in _DATA.meetings if m.venue and m.date_confirmed() and m.end)
    page = built_site.site_dir / urls.meeting(meeting.id) / "index.html"
    tags = head_tags(page.read_text(encoding="utf-8"))
    venue = _DATA.venue_by_id[meeting.venue].name
    assert cards.place(_DATA, meeting).startswith(venue)
    day = f"{meeting.date:%A} {meeting.date.day} {meeting.date:%B %Y}"  # GOV.UK style
    assert tags["og:description"].startswith(day), tags["og:description"]
    assert venue in tags["og:description"]
    assert tags["og:title"] == f"{_DATA.meeting_name(meeting)}: {day}"


def test_other_pages_have_no_card(built_site: sitebuild.BuiltSite) -> None:
    tags = head_tags((built_site.site_dir / "index.html").read_text(encoding="utf-8"))
    assert "og:image" not in tags and "twitter:card" not in tags


def test_card_images_are_the_same_bytes_in_two_builds(built_site: sitebuild.BuiltSite) -> None:
    # The shared site was built by MkDocs; this is a second, separate render in this process.
    config = SiteConfig(sitebuild.SITE_URL, sitebuild.SITE_NAME, datetime(2025, 3, 10, tzinfo=UTC))
    again = dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data")
    rendered = {o.path: o.content for o in cards.render(again, config)}
    assert sorted(rendered) == sorted(p + "card.png" for p in OWN_CARD)
    for path, content in rendered.items():
        assert (built_site.site_dir / path).read_bytes() == content, path


def test_a_long_name_wraps_and_is_cut_with_an_ellipsis() -> None:
    lines = wrap("Riverside " * 20, 58, True, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert wrap("Harbour", 58, True, 2) == ["Harbour"]


def test_a_card_is_a_small_greyscale_png_and_its_words_change_it() -> None:
    lines = [cards.Line("River<b>side & Co", 58, bold=True), cards.Line("6pm to 7:30pm", 46)]
    png = card_png('A & "B"', lines)
    assert png_size(png) == (WIDTH, HEIGHT)
    assert png[24:26] == bytes([4, 3])  # 4 bits a pixel, palette: 16 grey levels
    assert png == card_png('A & "B"', lines)
    assert png != card_png('A & "B"', lines[:1])
    assert len(png) < 40_000


def test_staff_text_reaches_the_tags_escaped_once(tmp_path: Path) -> None:
    data = fixture_copy(tmp_path)
    clusters = data / "clusters.yaml"
    text = clusters.read_text(encoding="utf-8")
    clusters.write_text(text.replace("name: Riverside", 'name: "River<b>side & Co"', 1), "utf-8")
    site = sitebuild.mkdocs_build(tmp_path, data, sitebuild.FIXTURE_EPOCH)
    page = (site / "panels" / "riverside" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="River&lt;b&gt;side &amp; Co ' in page
    assert head_tags(page)["og:title"].startswith("River<b>side & Co ")


def test_a_card_once_published_stays_when_its_meeting_is_past() -> None:
    meeting = next(m for m in _DATA.past() if m.panel)
    at = datetime(2025, 3, 10, tzinfo=UTC)
    seen = frozenset({f"card/{meeting.id}"})
    before = published_changes.PreviousChanges(entries=(), seen=seen)
    config = SiteConfig(sitebuild.SITE_URL, sitebuild.SITE_NAME, at, previous_changes=before)
    made = {o.path: o for o in cards.render(_DATA, config)}
    panel_card = made[urls.panel_card(meeting.panel or "")]
    assert made[urls.meeting_card(meeting.id)].content == panel_card.content
    shared = {s.page: s.image for s in panel_card.shares}
    page = urls.page_source(urls.meeting(meeting.id))
    assert shared[page] == sitebuild.SITE_URL + urls.panel_card(meeting.panel or "")
    fresh = SiteConfig(sitebuild.SITE_URL, sitebuild.SITE_NAME, at)
    assert urls.meeting_card(meeting.id) not in {o.path for o in cards.render(_DATA, fresh)}
