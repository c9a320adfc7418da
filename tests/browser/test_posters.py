"""Meeting posters, as a ward officer prints them: one A4 page, and a QR code that scans.

Chromium prints each upcoming meeting's poster to PDF (pypdf counts its pages); in print
media at A4 width no text is cut off; the QR code, as Chromium draws it on the poster, is
decoded by a real reader (zbar's ``zbarimg``) to the meeting page's absolute address. axe
runs on every poster with every other page in test_every_page.py, and once more here.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
import sitebuild
from fixturedata import FIXTURE_DATA, FIXTURE_TODAY
from pagechecks import axe_problems
from pypdf import PdfReader

from generator.load import dataset

_MEETINGS = dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY, label="data").meetings
UPCOMING = sorted(m.id for m in _MEETINGS if m.date >= FIXTURE_TODAY)
PAST = sorted(m.id for m in _MEETINGS if m.date < FIXTURE_TODAY)
A4_WIDTH_PX = 794  # 210 mm at 96 CSS px to the inch

CLIPPED_JS = """() => Array.from(document.querySelectorAll('.cp-poster, .cp-poster *'))
  .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1
               && getComputedStyle(e).overflowX !== 'visible')
  .map(e => e.tagName + '.' + e.className)
  .concat(document.documentElement.scrollWidth > innerWidth + 1 ? ['the page scrolls sideways'] : [])"""


def test_the_fixture_has_upcoming_meetings() -> None:
    assert len(UPCOMING) >= 3, UPCOMING
    assert PAST, "no past meeting: the archive codes' fixed mask is not scanned"
    assert all(isinstance(m.date, date) for m in _MEETINGS)


def _site_url() -> str:
    # The test site's address (sitebuild gives it to every build), never mkdocs.yml's:
    # a force that sets its own keeps this green.
    return sitebuild.SITE_URL


def _decode(png: bytes, tmp_path) -> str:
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        pytest.fail("zbarimg not found (Debian: apt-get install zbar-tools)", pytrace=False)
    image = tmp_path / "qr.png"
    image.write_bytes(png)
    done = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"zbarimg found no code: {done.stderr}"
    return done.stdout.strip()


@pytest.mark.parametrize("meeting_id", UPCOMING)
def test_poster_prints_on_one_a4_page_and_its_code_scans(
    meeting_id, open_page, light_context, axe_script, tmp_path
) -> None:
    path = f"meetings/{meeting_id}/poster/index.html"
    page = open_page(light_context, path).page
    problems = axe_problems(page, axe_script, path)
    assert not problems, problems

    qr = page.locator(".cp-poster__qr img")
    assert _decode(qr.screenshot(), tmp_path) == f"{_site_url()}meetings/{meeting_id}/"

    try:
        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
        assert page.evaluate(CLIPPED_JS) == []
        assert page.locator(".md-header").is_hidden(), "the site header is printed"
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1280, "height": 900})
    printed = PdfReader(io.BytesIO(pdf))
    assert len(printed.pages) == 1, f"{path} prints on {len(printed.pages)} pages"
    text = printed.pages[0].extract_text()
    assert meeting_id.split("-")[0].capitalize() in text or "business" in meeting_id, text
    assert f"{_site_url()}meetings/{meeting_id}/" in text.replace("\n", ""), text


def test_the_page_count_check_sees_a_second_page(open_page, light_context) -> None:
    """A poster made too long prints on two pages, and the check above would say so."""
    page = open_page(light_context, f"meetings/{UPCOMING[0]}/poster/index.html").page
    page.evaluate(
        "() => { const p = document.createElement('p'); p.style.height = '400mm';"
        " p.textContent = 'planted'; document.querySelector('.cp-poster').append(p); }"
    )
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2


@pytest.mark.parametrize("meeting_id", PAST[:2])
def test_a_past_meetings_code_scans_too(meeting_id, open_page, light_context, tmp_path) -> None:
    # Archive codes take one fixed mask instead of the best of eight (qrcode.ARCHIVE_MASK).
    page = open_page(light_context, f"meetings/{meeting_id}/poster/index.html").page
    qr = page.locator(".cp-poster__qr img")
    assert _decode(qr.screenshot(), tmp_path) == f"{_site_url()}meetings/{meeting_id}/"
