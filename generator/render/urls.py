"""The site's permanent addresses. Published URLs never change: subscribers depend on them.

Every renderer and template takes paths from here, so the scheme lives in one place
(and in the README's table). Paths are relative to the site root, without a leading slash.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache

from generator.vocabulary import BUSINESS_LOG_ID

HOME = ""
PANELS = "panels/"
MEETINGS_LOG = "you-said-we-did/"
ENGAGEMENT = "engagement/"
VENUES = "venues/"
METRICS = "metrics/"
DATA = "data/"
"""The page that signposts every feed and download."""
FIND_PANEL = "find-your-panel/"
"""Find your panel: the A to Z of wards and streets (and the postcode search)."""
STREETS = "find-your-panel/streets.json"
"""Every published street and ward with its panels, for the search box."""
ABOUT = "about/"
ACCESSIBILITY = "accessibility/"

CALENDAR_ALL = "calendar/all.ics"
CHANGES_FEED = "changes.atom"
"""The Atom feed of what changed (new and changed meetings, records, log entries, figures)."""

SCRIPT = "assets/javascripts/cluster-panels-pages.js"
"""The small script every page loads: log filters, copy buttons, the finder's form shown."""
FINDER_SCRIPT = "assets/javascripts/cluster-panels-finder.js"
"""The finder's search, fetched by SCRIPT when the form is first used (not on page load)."""
STYLES = "assets/stylesheets/cluster-panels-pages.css"
"""Layout of cards, banners and summary lists on generated pages."""


def panel(panel_id: str) -> str:
    """A panel's page, e.g. ``panels/bank/``."""
    return f"panels/{panel_id}/"


def meeting(meeting_id: str) -> str:
    """A meeting's page, e.g. ``meetings/bank-2024-11/``."""
    return f"meetings/{meeting_id}/"


def meeting_poster(meeting_id: str) -> str:
    """A meeting's printable A4 poster, beside its page: ``meetings/<id>/poster/``."""
    return f"{meeting(meeting_id)}poster/"


def meeting_qr(meeting_id: str) -> str:
    """The QR code (SVG) to a meeting's page, the one its poster prints."""
    return f"{meeting_poster(meeting_id)}qr-code.svg"


def meeting_poster_pdf(meeting_id: str) -> str:
    """An upcoming meeting's poster as a one-page A4 PDF, made when WeasyPrint is installed."""
    return f"{meeting_poster(meeting_id)}poster.pdf"


def meeting_card(meeting_id: str) -> str:
    """A meeting's sharing-card image (PNG), shown where a link to its page is pasted."""
    return f"{meeting(meeting_id)}card.png"


def panel_card(panel_id: str) -> str:
    """A panel's sharing-card image (PNG): ``panels/<id>/card.png``."""
    return f"{panel(panel_id)}card.png"


def panel_log(panel_id: str | None) -> str:
    """A panel's log, e.g. ``you-said-we-did/bank/``.

    ``None`` (actions from business meetings) gives
    ``you-said-we-did/business-meetings/``.
    """
    return f"{MEETINGS_LOG}{panel_id or BUSINESS_LOG_ID}/"


def action(panel_id: str | None, action_id: str) -> str:
    """An action's anchor on its panel's log page (``None``: business meetings)."""
    return f"{panel_log(panel_id)}#{action_id}"


def postcode_lookup(outward_code: str) -> str:
    """One outward code's postcodes and panels, e.g. ``find-your-panel/postcodes/SW1A.json``.

    Split by outward code so that a phone fetches a few kilobytes, not the whole force's list."""
    return f"find-your-panel/postcodes/{outward_code}.json"


def panel_calendar(panel_id: str) -> str:
    """A panel's calendar feed, e.g. ``calendar/panels/bank.ics``."""
    return f"calendar/panels/{panel_id}.ics"


def meeting_calendar(meeting_id: str) -> str:
    """One meeting's 'add to calendar' file."""
    return f"calendar/meetings/{meeting_id}.ics"


def download(name: str, extension: str) -> str:
    """An open-data file, e.g. ``data/meetings.csv``."""
    return f"data/{name}.{extension}"


def page_source(path: str) -> str:
    """The Markdown source name of a directory URL ('panels/bank/' → 'panels/bank/index.md')."""
    return f"{path}index.md" if path else "index.md"


@lru_cache(maxsize=1 << 16)
def href(here: str, there: str) -> str:
    """The relative link from page ``here`` to site path ``there`` (paths from this module).

    Links inside raw HTML are not rewritten by MkDocs, so pages carry links that
    work from their own directory URL (``use_directory_urls``) and on any host path.
    Memoised: large builds ask for the same few thousand links over and over, and
    ``posixpath.relpath`` showed up in profiles.
    """
    target, _, fragment = there.partition("#")
    if fragment and target == here:
        return f"#{fragment}"
    relative = posixpath.relpath(target or ".", here or ".")
    if relative == ".":
        relative = "./"
    elif target == "" or target.endswith("/"):
        relative += "/"
    return relative + (f"#{fragment}" if fragment else "")


_ANCHOR = re.compile(r'\sid="([^"]*)"')
"""An ``id`` attribute: in autoescaped HTML a quote is always escaped, so this is never text."""


def anchors(body: str) -> set[str]:
    """The anchors an autoescaped page ``body`` offers (its elements' ``id``), for links to
    ``page/#anchor``."""
    return {html.unescape(a) for a in _ANCHOR.findall(body)}
