"""Meeting posters as PDF, made at build time with WeasyPrint (pinned, so installed here).

Each upcoming fixture meeting gets ``meetings/<id>/poster/poster.pdf``: one A4 page (pypdf
reads it), carrying the meeting's date, dated by the build instant, the same bytes on every
build; its poster page links it. Past meetings get none. WeasyPrint fetches nothing but the
poster's own QR code. Without WeasyPrint (its import made to fail in a fresh interpreter) the
build writes exactly what it wrote before: no PDF and no link.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from fixturedata import FIXTURE_CONFIG, FIXTURE_DATA, FIXTURE_TODAY
from pypdf import PdfReader
from sitebuild import BuiltSite
from weasyprint.urls import FatalURLFetchingError

from generator import timefmt
from generator.load import dataset
from generator.outreach import poster_pdf
from generator.render import urls
from generator.render.outputs import Output, SiteConfig
from generator.site import render_all

DATA = dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data")
UPCOMING = sorted((m for m in DATA.meetings if m.is_upcoming(FIXTURE_TODAY)), key=lambda m: m.id)
PAST = sorted((m for m in DATA.meetings if not m.is_upcoming(FIXTURE_TODAY)), key=lambda m: m.id)
A4_POINTS = (595.28, 841.89)  # 210 x 297 mm at 72 points to the inch


@pytest.fixture(scope="module")
def outputs() -> dict[str, Output]:
    return {o.path: o for o in render_all(DATA, FIXTURE_CONFIG)}


def test_the_fixture_has_upcoming_and_past_meetings() -> None:
    assert len(UPCOMING) >= 3 and PAST


def test_every_upcoming_meeting_has_a_one_page_a4_pdf_with_its_date(
    outputs: dict[str, Output],
) -> None:
    for meeting in UPCOMING:
        pdf = PdfReader(io.BytesIO(outputs[urls.meeting_poster_pdf(meeting.id)].content))
        assert len(pdf.pages) == 1, meeting.id
        box = pdf.pages[0].mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
        text = " ".join(pdf.pages[0].extract_text().split())
        assert meeting.date_confirmed(), meeting.id  # the fixture's upcoming dates are all set
        assert timefmt.day(meeting.date) in text, (meeting.id, text)
        assert DATA.meeting_name(meeting) in text, meeting.id


def test_the_pdf_draws_the_posters_qr_code(outputs: dict[str, Output]) -> None:
    # segno's SVG draws each run of dark modules as one "h" stroke; WeasyPrint turns each
    # into a PDF line ("l"): without the QR code the page has hardly any lines.
    for meeting in UPCOMING:
        svg = outputs[urls.meeting_qr(meeting.id)].content.decode()
        runs = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg)
        assert runs, svg[:200]
        page = PdfReader(io.BytesIO(outputs[urls.meeting_poster_pdf(meeting.id)].content)).pages[0]
        lines = re.findall(rb"\sl\s", page.get_contents().get_data())
        assert len(lines) >= runs.group(1).count("h") > 100, meeting.id


def test_the_pdf_is_dated_by_the_build_and_titled_as_the_poster(
    outputs: dict[str, Output],
) -> None:
    meeting = UPCOMING[0]
    info = PdfReader(io.BytesIO(outputs[urls.meeting_poster_pdf(meeting.id)].content)).metadata
    assert info is not None
    assert info["/CreationDate"] == info["/ModDate"] == "D:20250310120000Z"
    assert info.title == outputs[urls.page_source(urls.meeting_poster(meeting.id))].title


def test_two_builds_give_the_same_bytes_and_another_instant_only_other_dates(
    outputs: dict[str, Output],
) -> None:
    again = {o.path: o for o in render_all(DATA, FIXTURE_CONFIG)}
    later = SiteConfig(
        site_url=FIXTURE_CONFIG.site_url,
        site_name=FIXTURE_CONFIG.site_name,
        built=datetime(2025, 3, 11, 9, 30, tzinfo=UTC),
    )
    other = {o.path: o for o in render_all(DATA, later)}
    for meeting in UPCOMING:
        path = urls.meeting_poster_pdf(meeting.id)
        assert again[path].content == outputs[path].content, meeting.id
        info = PdfReader(io.BytesIO(other[path].content)).metadata
        assert info is not None and info["/CreationDate"] == "D:20250311093000Z"


def test_past_meetings_have_no_pdf_and_their_posters_offer_none(
    outputs: dict[str, Output],
) -> None:
    for meeting in PAST:
        assert urls.meeting_poster_pdf(meeting.id) not in outputs, meeting.id
        page = outputs[urls.page_source(urls.meeting_poster(meeting.id))].content.decode()
        assert "Download as PDF" not in page, meeting.id


def test_the_poster_page_links_its_pdf(built_site: BuiltSite) -> None:
    for meeting in UPCOMING:
        folder = built_site.site_dir / urls.meeting_poster(meeting.id)
        assert (folder / "poster.pdf").read_bytes().startswith(b"%PDF-"), meeting.id
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert '<a href="poster.pdf" download>Download as PDF</a>' in html, meeting.id


def test_the_pdf_fetches_only_the_posters_own_files() -> None:
    # An address outside the files handed over is refused, and the refusal stops the build.
    qr = "https://panels.example/meetings/x/poster/qr-code.svg"
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    common = {
        "title": "Poster",
        "stylesheet": "",
        "base_url": "https://panels.example/meetings/x/poster/",
        "files": {qr: (svg, "image/svg+xml")},
        "built": FIXTURE_CONFIG.built,
    }
    assert poster_pdf.poster_pdf('<img src="qr-code.svg" alt="">', **common).startswith(b"%PDF-")
    with pytest.raises(FatalURLFetchingError) as refused:
        poster_pdf.poster_pdf('<img src="https://tracker.example/pixel.png" alt="">', **common)
    assert str(refused.value.__cause__) == (
        "the poster PDF may use only its own files, not https://tracker.example/pixel.png"
    )


WITHOUT_WEASYPRINT = """
import json, sys
sys.modules["weasyprint"] = None  # `import weasyprint` now raises ImportError, as if not installed
from fixturedata import FIXTURE_CONFIG, FIXTURE_DATA, FIXTURE_TODAY
from generator.load import dataset
from generator.site import render_all
outputs = render_all(dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data"), FIXTURE_CONFIG)
print(json.dumps({o.path: o.content.decode("latin-1") for o in outputs}))
"""


def test_without_weasyprint_the_build_is_unchanged_but_for_the_pdfs(
    outputs: dict[str, Output],
) -> None:
    tests = str(FIXTURE_DATA.parents[2])
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_WEASYPRINT],
        cwd=tests,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": tests, "PATH": "/usr/bin:/bin"},
    )
    without = {path: text.encode("latin-1") for path, text in json.loads(done.stdout).items()}
    pdfs = {urls.meeting_poster_pdf(m.id) for m in UPCOMING}
    assert set(outputs) - set(without) == pdfs
    for meeting in UPCOMING:
        page = urls.page_source(urls.meeting_poster(meeting.id))
        assert b"Download as PDF" not in without[page]
        assert without[page] == outputs[page].content.replace(
            b' <a href="poster.pdf" download>Download as PDF</a> (one A4 page).', b""
        )
    unchanged = set(without) - {urls.page_source(urls.meeting_poster(m.id)) for m in UPCOMING}
    assert [p for p in sorted(unchanged) if without[p] != outputs[p].content] == []
