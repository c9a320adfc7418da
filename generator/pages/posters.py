"""One printable A4 poster per meeting, beside its page, with a QR code to that page.

Every meeting has one, past ones too: a published address never goes away (a past
meeting's poster says it has taken place and still leads to what happened).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from generator.load.dataset import Dataset
from generator.models import Meeting
from generator.outreach import poster_pdf
from generator.outreach.qrcode import qr_svg
from generator.pages.context import meeting_title, page, panel_of
from generator.pages.meetings import questionnaire
from generator.render import urls
from generator.render.outputs import Kind, Output, SiteConfig

QR_SIZE = 200
"""The QR code's width and height on screen, in CSS pixels (print sets its own size)."""


def poster_title(dataset: Dataset, meeting: Meeting) -> str:
    """The poster page's plain-text title (the meeting's title, as a poster)."""
    return f"Poster: {meeting_title(dataset, meeting)}"


def poster(
    dataset: Dataset, config: SiteConfig, meeting: Meeting, *, pdf: bool = True
) -> Iterator[Output]:
    """The poster page at ``meetings/<id>/poster/``, its QR code to the meeting's page and,
    for an upcoming meeting when WeasyPrint is installed (and ``pdf``), the poster as a PDF."""
    address = config.url(urls.meeting(meeting.id))
    upcoming = meeting.is_upcoming(dataset.today)
    qr = qr_svg(address, f"QR code: {address}", for_print=upcoming)
    # Only an upcoming meeting's poster is printed and scanned from a wall.
    yield Output(urls.meeting_qr(meeting.id), qr)
    with_pdf = upcoming and poster_pdf.available()
    title = poster_title(dataset, meeting)
    body = page(
        urls.meeting_poster(meeting.id),
        title,
        "poster.html",
        dataset=dataset,
        config=config,
        m=meeting,
        name=dataset.meeting_name(meeting),
        panel=panel_of(dataset, meeting),
        venue=dataset.venue_by_id[meeting.venue] if meeting.venue else None,
        upcoming=upcoming,
        questionnaire=questionnaire(dataset, meeting),
        address=address,
        qr_size=QR_SIZE,
        pdf=with_pdf,
    )
    yield body
    if with_pdf and pdf:
        stylesheet = resources.files("generator.render") / "static" / "cluster-panels-pages.css"
        yield Output(
            urls.meeting_poster_pdf(meeting.id),
            poster_pdf.poster_pdf(
                body.content.decode("utf-8"),
                title=title,
                stylesheet=stylesheet.read_text(encoding="utf-8"),
                base_url=config.url(urls.meeting_poster(meeting.id)),
                files={config.url(urls.meeting_qr(meeting.id)): (qr, "image/svg+xml")},
                built=config.built,
            ),
            kind=Kind.FILE,
        )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """Every meeting's poster."""
    for meeting in dataset.meetings:
        yield from poster(dataset, config, meeting)
