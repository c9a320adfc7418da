"""What a change to the data publishes, read from the rendered site on both sides.

``python -m generator diff BASE_REF`` renders the data at a git ref and in the working
tree with :func:`generator.site.render_all` and compares what residents would see: every
calendar event (without SEQUENCE/DTSTAMP/LAST-MODIFIED), the visible text of every page,
and the downloads. Nothing here lists data fields, so a new field that reaches a page or a
feed is in the summary without anyone remembering to add it.

The head's change numbers rise from the base's calendar, as the published site's do from
the previously published feed, so staff never type one. One calendar rule stays here: an
event that was published and is now gone would silently vanish from subscribers'
calendars, so it blocks the merge.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator import timefmt
from generator.clock import build_date, build_time
from generator.load import published
from generator.load.dataset import Dataset, check
from generator.load.errors import Problem
from generator.render import calendar_words, urls
from generator.render.outputs import Kind, Output, SiteConfig
from generator.review import markdown as md
from generator.review import metric_changes
from generator.review.renames import reach, removed_ids, renamed
from generator.review.rendered import hide_links, page_lines
from generator.review.snapshots import Snapshot, read_ref, read_tree, snapshot, to_dataset
from generator.site import render_all

CONFIG_URL = "https://example.invalid/"
"""Both sides render at one address: only the data may differ."""
OVERVIEWS = frozenset({"index.md", "panels/index.md", "you-said-we-did/index.md", "data/index.md"})
"""Pages that only gather what other pages say: listed as updated, not line by line."""
_CONTACT = re.compile(r"@|\b0\d{2,4}[ \d]{6,}|\+44|contact|phone|email", re.IGNORECASE)
_PUBLIC_HEADINGS = re.compile(r"officer|contact", re.IGNORECASE)


@dataclass
class Summary:
    """The comparison's findings, ready to print."""

    sitewide: list[str] = field(default_factory=list)
    """Renames that change most pages, one line each."""
    metrics: list[str] = field(default_factory=list)
    """Each metric value added, changed or removed."""
    calendars: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    overviews: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def markdown(self, ref: str) -> str:
        """The summary as Markdown (staff text escaped), ending with a newline."""
        out = ["## What this change publishes", "", f"Compared with {md.text(ref)}.", ""]
        if self.problems:
            out += ["### Blocking: fix before merging", ""]
            out += [f"- {md.text(str(p))}" for p in sorted(self.problems)] + [""]
        if self.warnings:
            out += ["### Worth a look (does not block)", ""]
            out += [f"- {md.text(str(p))}" for p in sorted(self.warnings)] + [""]
        sections = (
            ("Across the site", self.sitewide),
            ("Calendars", self.calendars),
            ("Figures", self.metrics),
            ("Pages", self.pages),
            ("Downloads", self.downloads),
        )
        for title, lines in sections:
            if lines:
                out += [f"### {title}", "", *lines, ""]
        if self.overviews:
            out += [f"Also updated: {', '.join(self.overviews)}.", ""]
        if not self.problems and not any(lines for _, lines in sections):
            out += ["No changes to the published site.", ""]
        return "\n".join(out)


def _page_address(path: str) -> str:
    return "/" + path.removesuffix("index.md").removesuffix(".md")


def _meeting_at(side: Snapshot, meeting_id: str) -> tuple[int, date] | None:
    for index, meeting in enumerate(side.of("meetings.yaml")):
        if meeting.id == meeting_id:
            return index, meeting.date
    return None


def _named(sides: tuple[Snapshot, Snapshot], meeting_id: str) -> str:
    """The meeting as a reviewer knows it: its panel and day, then its id."""
    for side in (sides[1], sides[0]):
        for meeting in side.of("meetings.yaml"):
            if meeting.id != meeting_id:
                continue
            panels = {p.id: p.name for p in side.of("clusters.yaml")}
            name = panels.get(meeting.panel, meeting.panel)
            return f"{name}, {timefmt.day(meeting.date)} ({meeting_id})"
    return meeting_id


def _compare_calendars(
    base: dict[str, Output], head: dict[str, Output], sides: tuple[Snapshot, Snapshot], out: Summary
) -> None:
    before = _calendar(base) or {}
    after = _calendar(head) or {}
    source = sides[1].sources["meetings.yaml"]
    for meeting in sorted(after.keys() - before.keys()):
        out.calendars.append(f"- {md.text(_named(sides, meeting))}: new calendar entry")
        found = _meeting_at(sides[1], meeting)
        if found and found[1] < build_date():
            out.warnings.append(
                source.problem(
                    ("meetings", found[0], "date"),
                    f"this new meeting is dated {timefmt.day(found[1])}, in the past",
                    "check the year and the month; a past meeting is added only to record it",
                )
            )
    for meeting in sorted(before.keys() & after.keys()):
        old, new = before[meeting], after[meeting]
        if old.properties == new.properties:
            continue
        # The build raised the change number itself (feeds.revisions): no one types it.
        what = "; ".join(calendar_words.changes(old, new))
        out.calendars.append(
            f"- {md.text(_named(sides, meeting))}: {md.text(what)} — subscribers get the change"
        )
    for meeting in sorted(before.keys() - after.keys()):
        out.problems.append(
            source.problem(
                ("meetings",),
                f"the meeting `{meeting}` was deleted, but it was published: subscribers' "
                "calendars would silently lose it",
                "cancel it instead: put it back with `status: cancelled` and a `status_reason:`",
            )
        )


def _calendar(outputs: dict[str, Output]) -> published.Published | None:
    """The all-meetings feed of one side, read as the previous state is."""
    feed = outputs.get(urls.CALENDAR_ALL)
    return published.by_meeting(feed.content.decode()) if feed else None


def _public(page: str, heading: str, text: str) -> bool:
    """Contact details on a panel or meeting page (both show the panel's officers): staff
    must know they are about to publish them."""
    return page.startswith(("panels/", "meetings/")) and bool(
        _PUBLIC_HEADINGS.search(heading) or _CONTACT.search(text)
    )


def _changes(
    before: list[tuple[str, str]], after: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """(heading, change, shown text) for each line added, removed, or whose link changed."""
    found: list[tuple[str, str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        gone, came = before[i1:i2], after[j1:j2]
        raw_gone = [t for _, t in gone]
        hidden_gone = [hide_links(t) for t in raw_gone]
        for heading, text in came:
            if text in raw_gone:  # the same line, only realigned
                hidden_gone.remove(hide_links(text))
                raw_gone.remove(text)
            elif hide_links(text) in hidden_gone:  # only a link changed: show its host
                found.append((heading, "link changed", hide_links(text)))
                hidden_gone.remove(hide_links(text))
            else:
                found.append((heading, "added", hide_links(text)))
        for heading, text in gone:
            if hide_links(text) in hidden_gone:
                found.append((heading, "removed", hide_links(text)))
                hidden_gone.remove(hide_links(text))
    return found


def _compare_page(
    path: str, old: bytes | None, new: bytes | None, out: Summary, shown: set[tuple[str, str, str]]
) -> None:
    address = md.text(_page_address(path))
    if old is None or new is None:
        out.pages.append(f"- {address}: new page" if old is None else f"- {address}: page removed")
        return
    if path.endswith("/poster/index.md"):  # the meeting page's facts again, for printing
        return
    if path in OVERVIEWS or (path.startswith("metrics/") and out.metrics):
        out.overviews.append(address)
        return
    lines: list[str] = []
    heading_shown: str | None = None
    repeated = 0
    for heading, change, text in _changes(page_lines(old.decode()), page_lines(new.decode())):
        if (heading, change, text) in shown:
            repeated += 1
            continue
        shown.add((heading, change, text))
        if heading != heading_shown and heading and heading != text:
            lines.append(f"    - under “{md.text(heading)}”:")
            heading_shown = heading
        indent = "        " if heading_shown is not None and heading == heading_shown else "    "
        flag = "will be public: " if change == "added" and _public(path, heading, text) else ""
        lines.append(f"{indent}- {change}: {flag}{md.text(text)}")
    if repeated:
        lines.append(f"    - and {repeated} change(s) already listed above")
    if lines:
        out.pages += [f"- {address}", *lines]


def _page_order(path: str) -> tuple[int, str]:
    """Meetings first, then the logs, then pages that repeat what those say."""
    order = ("meetings/", "you-said-we-did/", "panels/", "venues/", "engagement/", "metrics/")
    return next((i for i, p in enumerate(order) if path.startswith(p)), len(order)), path


def compare(
    base: Sequence[Output],
    head: Sequence[Output],
    sides: tuple[Snapshot, Snapshot],
    figures: Sequence[str] = (),
) -> Summary:
    """Everything residents would see differently, with the calendar contract's problems.

    With ``figures`` (the metric values that changed, in words) the metrics page is
    listed as updated instead of cell by cell.
    """
    old = {o.path: o for o in base}
    new = {o.path: o for o in head}
    summary = Summary(metrics=[f"- {md.text(line)}" for line in figures])
    _compare_calendars(old, new, sides, summary)
    shown: set[tuple[str, str, str]] = set()
    for path in sorted(old.keys() | new.keys(), key=_page_order):
        before, after = old.get(path), new.get(path)
        if before is not None and after is not None and before.content == after.content:
            continue
        kind = (after or before).kind  # type: ignore[union-attr]
        if kind is Kind.PAGE:
            _compare_page(
                path,
                before.content if before else None,
                after.content if after else None,
                summary,
                shown,
            )
        elif path.startswith("data/"):
            change = "new" if before is None else "removed" if after is None else "updated"
            summary.downloads.append(f"- {md.text(_page_address(path))}: {change}")
    return summary


def _render(dataset: Dataset, previous: published.Published | None = None) -> list[Output]:
    name = dataset.publisher.default_site_name()
    config = SiteConfig(CONFIG_URL, name, build_time(), previous=previous)
    return render_all(dataset, config)


def run(data_dir: Path, ref: str, label: str) -> tuple[str, Sequence[Problem]]:
    """Compare ``data_dir`` at ``ref`` with the working tree: (Markdown, blocking problems)."""
    base = snapshot(read_ref(data_dir, ref), f"{label} at {ref}")
    head = snapshot(read_tree(data_dir), label)
    # The summary describes data that passes `check`: anything else (an id used twice, say)
    # gets check's own located problems, never a summary of a site that cannot be built.
    check(head.parsed, build_date())
    before, after = to_dataset(base, build_date()), to_dataset(head, build_date())
    base_site = _render(before)
    # The head's change numbers rise from the base's calendar, as the deploy's from the
    # published one: the summary and the site agree on what subscribers are sent.
    head_site = _render(after, _calendar({o.path: o for o in base_site}))
    with_names, renames = renamed(before, after)
    named_site = _render(with_names) if renames else base_site
    summary = compare(named_site, head_site, (base, head), metric_changes.lines(before, after))
    for file, key, what, fix in removed_ids(before, after):
        summary.problems.append(head.sources[file].problem((key,), what, fix))
    if renames:
        summary.sitewide.append(
            f"- {md.text('; '.join(renames))}: {reach(base_site, named_site)}, and "
            "subscribers' calendars get the new name"
        )
    return summary.markdown(ref), tuple(sorted(summary.problems))
