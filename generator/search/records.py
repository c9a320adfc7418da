"""What residents can search for: one record per meeting, panel and log page, and the venues page.

Pure functions of the frozen dataset, like the renderers: no HTML is parsed and each piece of
staff text is indexed once, on the record residents should land on (an entry's text on its log
entry, not again on its meeting and panel). A panel's log entries are sections of
one record, its log page, each found and shown as its own result at its anchor: every record
costs every resident who searches a line of the index's metadata, so fewer, larger records keep
the first search small at the largest scale (53,655 records were 444 KB of metadata, 40,000 of
them entries). The adapters hand these records to the search
engine (:mod:`generator.search.pagefind`); hand-written pages join them through
:func:`page_record`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from html.parser import HTMLParser
from typing import Any

from generator import timefmt, vocabulary
from generator.load.dataset import Dataset
from generator.models import Action, Meeting, Panel, Venue
from generator.models.publisher import Wording
from generator.render import urls


class RecordType(StrEnum):
    """What a search result is: shown beside it, and the ``type`` filter's values."""

    MEETING = "Meeting"
    PANEL = "Panel"
    VENUE = "Venue"
    """The venues page, each venue a section found by its address and access facts."""
    ENTRY = "Log"
    """A log page; residents see the log's name from the wording catalogue instead."""
    GUIDANCE = "Guidance"


@dataclass(frozen=True)
class Section:
    """A part of a record found and shown as its own result, at ``url#anchor``."""

    anchor: str
    title: str
    content: str
    date: str
    """GOV.UK date shown beside the result; empty for none (a venue)."""


@dataclass(frozen=True)
class Record:
    """One search result: where it leads, what it is called and the text it is found by."""

    url: str
    """Site path with a leading slash (``/meetings/bank-2024-11/``); the page adds its base."""
    title: str
    content: str
    """Plain text; the engine escapes it when it shows an excerpt."""
    type: RecordType
    date: str | None = None
    """GOV.UK date shown beside meeting and log results."""
    sort: str | None = None
    """ISO date, for sorting newest first."""
    filters: dict[str, list[str]] = field(default_factory=dict)
    label: str | None = None
    """What residents see as its type, when not the type's own value (the log's name)."""
    sections: tuple[Section, ...] = ()
    """Parts shown as results of their own (a log page's entries); ``content`` is then the text
    before the first of them (found as the page itself), if any."""
    titled: bool = False
    """Whether the title is indexed as the record's heading, weighted above any text (a panel's
    page: first for the panel's name); other titles count as Pagefind's metadata."""

    @property
    def shown_type(self) -> str:
        """The type residents see beside the result."""
        return self.label or self.type.value


def records(dataset: Dataset) -> list[Record]:
    """Every meeting, panel, log page (entries as sections) and the venues page, in URL order."""
    found = [_panel(dataset, p) for p in dataset.panels]
    found += [_meeting(dataset, m) for m in dataset.meetings]
    by_page: dict[str | None, list[Action]] = {}
    for action in dataset.actions:
        meeting = dataset.meeting_by_id.get(action.meeting)
        by_page.setdefault(meeting.panel if meeting else None, []).append(action)
    found += [_log(dataset, panel_id, actions) for panel_id, actions in by_page.items()]
    if dataset.venues:
        found.append(_venues(dataset))
    return sorted(found, key=lambda r: r.url)


def _panel_name(dataset: Dataset, panel_id: str | None) -> str:
    panel = dataset.panel_by_id.get(panel_id) if panel_id else None
    return panel.name if panel else dataset.publisher.business_group()


def _filters(kind: RecordType, panel: str, year: int | None) -> dict[str, list[str]]:
    found = {"type": [kind.value], "panel": [panel]}
    if year is not None:
        found["year"] = [str(year)]
    return found


def _text(parts: Iterable[str | None]) -> str:
    return "\n".join(p for p in parts if p)


def _officers(words: Wording, panel: Panel) -> list[str]:
    """The panel's officers as residents search for them: by name, by the role's name and by
    its short form (``DWO``), with the role's words there even before any name is published,
    since the panel page is where residents find who they are or whom to contact instead."""
    heading = f"{words.ward_officers} ({words.ward_officer_short})"
    return [heading] + [
        f"{o.name}, {o.role or words.ward_officer} ({words.ward_officer_short})"
        for o in panel.officers
    ]


def _panel(dataset: Dataset, panel: Panel) -> Record:
    words = dataset.publisher.wording
    return Record(
        url="/" + urls.panel(panel.id),
        title=dataset.publisher.panel_title(panel.name),
        content=_text(
            [panel.summary, "Wards: " + ", ".join(panel.wards), *_officers(words, panel)]
        ),
        type=RecordType.PANEL,
        filters=_filters(RecordType.PANEL, panel.name, None),
        titled=True,
    )


def _meeting(dataset: Dataset, meeting: Meeting) -> Record:
    venue = dataset.venue_by_id.get(meeting.venue) if meeting.venue else None
    record = meeting.record
    topics = [t.topic for t in record.topics] if record else []
    partners = [t.partner for t in record.topics if t.partner] if record else []
    documents = [d.title for d in record.documents] if record else []
    confirmed = meeting.date_confirmed()
    date = timefmt.meeting_day(meeting.date, confirmed)
    return Record(
        url="/" + urls.meeting(meeting.id),
        title=f"{dataset.meeting_name(meeting)}: {date}",
        content=_text(
            [
                timefmt.meeting_when(meeting.date, meeting.start, meeting.end, confirmed),
                meeting.date.isoformat() if confirmed else None,
                vocabulary.FORMATS[meeting.format],
                vocabulary.STATUSES[meeting.status],
                meeting.status_reason,
                venue.name if venue else None,
                meeting.room,
                *(venue.address.lines if venue else ()),
                venue.address.postcode if venue else None,
                *meeting.agenda,
                *topics,
                *partners,
                *documents,
            ]
        ),
        type=RecordType.MEETING,
        date=date,
        sort=meeting.date.isoformat(),
        filters=_filters(
            RecordType.MEETING, _panel_name(dataset, meeting.panel), meeting.date.year
        ),
    )


def _log(dataset: Dataset, panel_id: str | None, actions: list[Action]) -> Record:
    name = _panel_name(dataset, panel_id)
    years = sorted({str(a.raised.year) for a in actions})
    return Record(
        url="/" + urls.panel_log(panel_id),
        title=f"{name}: {dataset.publisher.wording.log}",
        label=dataset.publisher.log_title(),
        content="",
        type=RecordType.ENTRY,
        filters={"type": [dataset.publisher.log_title()], "panel": [name], "year": years},
        sections=tuple(_entry(a, dataset.publisher.wording) for a in actions),
    )


def _venues(dataset: Dataset) -> Record:
    """The venues page: each venue a section; the page itself found by every access fact's name,
    so a fact no venue is known to have (not yet confirmed) still leads to the page that says so
    and whom to ask."""
    return Record(
        url="/" + urls.VENUES,
        title=vocabulary.VENUES_TITLE,
        content=_text(_access_names(vocabulary.ACCESS)),
        type=RecordType.VENUE,
        filters={"type": [RecordType.VENUE.value]},
        sections=tuple(_venue(v) for v in sorted(dataset.venues, key=lambda v: v.id)),
    )


def _access_names(labels: dict[str, str]) -> list[str]:
    also = vocabulary.ACCESS_ALSO
    return [f"{label} ({also[name]})" if name in also else label for name, label in labels.items()]


def _venue(venue: Venue) -> Section:
    """A venue found by its name, address and the access it has: only the facts that hold are
    indexed, so "hearing loop" finds the venues with one, not those without (or not known)."""
    access = venue.access
    facts = _access_names({k: v for k, v in vocabulary.ACCESS.items() if getattr(access, k)})
    return Section(
        anchor=f"venue-{venue.id}",
        title=venue.name,
        content=_text(
            [
                *venue.address.lines,
                venue.address.postcode,
                *facts,
                access.step_free_note if access.step_free else None,
                access.how_to_request,
                *access.nearest_stations,
                access.getting_in,
            ]
        ),
        date="",
    )


def _entry(action: Action, words: Wording) -> Section:
    return Section(
        anchor=action.id,
        title=_headline(action.said),
        content=_text(
            [
                f"{words.said}: {action.said}",
                f"{words.did}: {action.did}" if action.did else None,
                vocabulary.ACTION_STATUSES[action.status],
                action.status_reason,
                action.owner,
                *(u.text for u in action.updates),
            ]
        ),
        date=timefmt.day(action.raised),
    )


def _headline(text: str, limit: int = 90) -> str:
    """The start of ``text``, cut at a word, as a result's title."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def searchable(meta: Mapping[str, Any]) -> bool:
    """Whether a hand-written page's front matter leaves it searchable: not when it says
    ``search: {exclude: true}`` (Material's spelling)."""
    search = meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude") is True)


def page_record(url: str, title: str, body_html: str) -> Record:
    """A hand-written page (its rendered body) as a guidance record, ranked after the data."""
    return Record(
        url=url,
        title=title,
        content=_visible_text(body_html),
        type=RecordType.GUIDANCE,
        filters={"type": [RecordType.GUIDANCE.value]},
    )


class _TextOnly(HTMLParser):
    """Collects the text a reader sees; scripts, styles and permalink symbols are left out."""

    SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP or ("class", "headerlink") in attrs:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and (tag in self.SKIP or tag == "a"):
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _visible_text(body_html: str) -> str:
    parser = _TextOnly()
    parser.feed(body_html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())
