"""The feed of what changed (Atom, at ``changes.atom``): for councillors, the press and
newsletter editors, in their feed readers or e-mail-from-feed services.

Each build compares the site with what was last published, as the pull-request summary
compares two sides:

* the calendar entries against the previously published calendar (``SiteConfig.previous``):
  a new meeting, a moved or changed one (in the summary's words, "starts 1:30pm, was 1pm"),
  a cancelled one;
* the records, log entries and quarters of figures against the keys the previously published
  feed had seen (``SiteConfig.previous_changes``): a meeting's record published, a log entry
  added or done, a quarter of figures published.

New entries are dated by the build (SOURCE_DATE_EPOCH); the previous feed's entries are kept
as they were, so the feed accumulates and the same input gives the same bytes. With no
previous feed (a first publication, a preview) everything present is taken as already
known: the feed starts empty rather than announcing the whole history.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from generator import timefmt
from generator.feeds import events, revisions
from generator.load.dataset import Dataset
from generator.load.published import PublishedEvent
from generator.load.published_changes import ATOM, STATE, Change, pack
from generator.models import Action, Meeting
from generator.models.publisher import Wording, capital
from generator.outreach.cards import CARD_KEY, drawn_cards
from generator.render import calendar_words, urls
from generator.render.outputs import Output, SiteConfig
from generator.vocabulary import STATUSES, MeetingStatus

MOVES = ("DTSTART", "DTEND", "LOCATION", "STATUS")
"""Calendar properties whose change a follower needs told: when, where, whether."""
MOST_ENTRIES = 200
"""Entries the feed keeps, newest first (readers fetch it whole; older ones stay seen)."""
_SUMMARY_CHARACTERS = 280


def words_of(dataset: Dataset) -> Wording:
    """The force's words for the feed's labels (the catalogue, with its defaults)."""
    return dataset.publisher.wording


def _title(dataset: Dataset, meeting: Meeting) -> str:
    day = timefmt.meeting_day(meeting.date, meeting.date_confirmed())
    return f"{dataset.meeting_name(meeting)}: {day}"


def _when(meeting: Meeting) -> str:
    return timefmt.meeting_when(meeting.date, meeting.start, meeting.end, meeting.date_confirmed())


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SUMMARY_CHARACTERS else text[: _SUMMARY_CHARACTERS - 1] + "…"


def seen(dataset: Dataset) -> frozenset[str]:
    """The keys of what the site publishes now: records, log entries (and done), quarters,
    and the meetings' own sharing cards (whose addresses must stay)."""
    keys = {f"record/{m.id}" for m in dataset.meetings if m.record is not None}
    keys |= {CARD_KEY + meeting_id for meeting_id in drawn_cards(dataset)}
    for action in dataset.actions:
        keys.add(f"log/{action.id}/added")
        if action.completed is not None:
            keys.add(f"log/{action.id}/done")
    keys |= {f"figures/{q}" for q in _quarters(dataset)}
    return frozenset(keys)


def _quarters(dataset: Dataset) -> set[str]:
    return {
        value.quarter
        for metric in dataset.metrics
        for value in metric.values
        if value.value is not None or value.breakdown
    }


def calendar_changes(dataset: Dataset, config: SiteConfig, at: datetime) -> Iterator[Change]:
    """New, moved, changed and cancelled meetings, against the previously published calendar."""
    if config.previous is None:
        return
    for meeting in dataset.meetings:
        link = config.url(urls.meeting(meeting.id))
        old = config.previous.get(meeting.id)
        title = _title(dataset, meeting)
        if old is None:
            summary = f"{_when(meeting)}."
            yield Change(
                f"meeting/{meeting.id}/new",
                f"{capital(words_of(dataset).change_new)}: {title}",
                summary,
                link,
                at,
            )
            continue
        derived = config.revisions.get(meeting.id) if config.revisions is not None else None
        if derived is not None and derived.sequence == old.sequence:
            continue  # unchanged for subscribers: no need to render its entry again
        shown = revisions.shown(events.content(meeting, dataset, config))
        new = PublishedEvent(old.uid, old.sequence, None, shown)
        changed = [n for n in new.changed_properties(old) if n in MOVES]
        if not changed:
            continue
        if meeting.status is MeetingStatus.CANCELLED and "STATUS" in changed:
            reason = f" {meeting.status_reason}" if meeting.status_reason else ""
            summary = _short(f"{STATUSES[meeting.status]}.{reason}")
            key = f"meeting/{meeting.id}/cancelled"
            yield Change(key, f"{STATUSES[meeting.status]}: {title}", summary, link, at)
            continue
        before, after = dict(old.properties), dict(new.properties)
        words = "; ".join(calendar_words.change(n, before.get(n), after.get(n)) for n in changed)
        key = f"meeting/{meeting.id}/changed/{at:%Y%m%d}"
        label = capital(words_of(dataset).change_changed)
        yield Change(key, f"{label}: {title}", capital(words) + ".", link, at)


def data_changes(
    dataset: Dataset, config: SiteConfig, known: frozenset[str], at: datetime
) -> Iterator[Change]:
    """Records, log entries and quarters of figures the previous feed had not seen."""
    for meeting in dataset.meetings:
        if meeting.record is not None and f"record/{meeting.id}" not in known:
            papers = ", ".join(d.title for d in meeting.record.documents)
            said = capital(words_of(dataset).change_record_summary)
            summary = _short(f"{said}{': ' + papers if papers else ''}.")
            link = config.url(urls.meeting(meeting.id))
            title = f"{capital(words_of(dataset).change_record)}: {_title(dataset, meeting)}"
            yield Change(f"record/{meeting.id}", title, summary, link, at)
    for action in dataset.actions:
        yield from _log_changes(dataset, config, action, known, at)
    for quarter in sorted(_quarters(dataset) - {k[8:] for k in known if k[:8] == "figures/"}):
        title = f"{capital(words_of(dataset).change_figures)}: {timefmt.quarter(quarter)}"
        link = config.url(urls.METRICS)
        yield Change(f"figures/{quarter}", title, title + ".", link, at)


def _log_changes(
    dataset: Dataset, config: SiteConfig, action: Action, known: frozenset[str], at: datetime
) -> Iterator[Change]:
    meeting = dataset.meeting_by_id.get(action.meeting)
    panel_id = meeting.panel if meeting else None
    panel = dataset.panel_by_id.get(panel_id) if panel_id else None
    where = dataset.publisher.panel_title(panel.name) if panel else None
    log = dataset.publisher.wording.log_phrase('"')
    about = f"{log} ({where})" if where else log
    link = config.url(urls.action(panel_id, action.id))
    if f"log/{action.id}/added" not in known:
        yield Change(
            f"log/{action.id}/added",
            f"{capital(words_of(dataset).change_entry)}: {about}",
            _short(action.said),
            link,
            at,
        )
    if action.completed is not None and f"log/{action.id}/done" not in known:
        yield Change(
            f"log/{action.id}/done",
            f"{capital(words_of(dataset).change_entry_done)}: {about}",
            _short(action.did or action.said),
            link,
            at,
        )


def changes(dataset: Dataset, config: SiteConfig) -> tuple[tuple[Change, ...], frozenset[str]]:
    """The feed's entries, newest first, and the keys it has seen."""
    at = config.built.astimezone(UTC).replace(microsecond=0)
    previous = config.previous_changes
    now = seen(dataset)
    if previous is None:
        found = list(calendar_changes(dataset, config, at))
        return tuple(sorted(found, key=_newest_first))[:MOST_ENTRIES], now
    entries = {c.key: c for c in previous.entries}
    for change in calendar_changes(dataset, config, at):
        entries[change.key] = change
    for change in data_changes(dataset, config, previous.seen, at):
        entries[change.key] = change
    ordered = sorted(entries.values(), key=_newest_first)[:MOST_ENTRIES]
    return tuple(ordered), now | previous.seen


def _newest_first(change: Change) -> tuple[float, str]:
    return (-change.updated.timestamp(), change.key)


def atom(dataset: Dataset, config: SiteConfig) -> bytes:
    """The feed's bytes (Atom, RFC 4287): every text escaped, in a fixed order."""
    entries, known = changes(dataset, config)
    feed_url = config.url(urls.CHANGES_FEED)
    updated = entries[0].updated if entries else config.built.astimezone(UTC)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f"<feed xmlns={quoteattr(ATOM)} xmlns:cp={quoteattr(STATE)}>",
        f"  <id>{escape(feed_url)}</id>",
        f"  <title>{escape(feed_title(config, words_of(dataset)))}</title>",
        f"  <updated>{_stamp(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_url)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(config.site_url)}/>',
        f"  <author><name>{escape(dataset.publisher.force.name)}</name></author>",
        *_entries(entries, feed_url),
        f"  <cp:seen>{pack(known)}</cp:seen>",
        "</feed>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def feed_title(config: SiteConfig, words: Wording) -> str:
    """The feed's name, as readers list it."""
    return f"{config.site_name}: {words.changes_feed}"


def _entries(entries: Iterable[Change], feed_url: str) -> Iterator[str]:
    for change in entries:
        yield "  <entry>"
        yield f"    <id>{escape(feed_url)}#{escape(change.key)}</id>"
        yield f"    <title>{escape(change.title)}</title>"
        yield f"    <updated>{_stamp(change.updated)}</updated>"
        yield f'    <link rel="alternate" type="text/html" href={quoteattr(change.link)}/>'
        yield f"    <summary>{escape(change.summary)}</summary>"
        yield "  </entry>"


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The feed of what changed, at its permanent address."""
    yield Output(urls.CHANGES_FEED, atom(dataset, config))
