"""``python -m generator diff BASE_REF`` between two commits of a real temporary git repository."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import generator
from markdown_it import MarkdownIt
from positions import located

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "workflow" / "data"

APRIL = """
  - id: north-2030-04
    panel: north
    date: 2030-04-16
    start: 18:30
    format: in-person
    venue: town-hall
"""

MOVED_SOUTH = """    date: 2030-03-12
    start: 13:00
    format: hybrid
    venue: town-hall
    status: moved
    status_reason: The fictional room was double-booked.
    previous:
      date: 2030-03-05
      start: 13:00
    revision: 1
    revised: 2030-02-26
"""

CANCELLED = """    venue: town-hall
    status: cancelled
    status_reason: Fictional reason for calling it off.
    revision: 1
    revised: 2030-02-27
"""

MAY = """
  - id: north-2030-05
    panel: north
    date: 2030-05-14
    start: 18:30
    end: 20:00
    format: in-person
    venue: bishopsgate-room
"""

ACTION_UPDATE = """    status: in-progress
    did: Officers patrolled the station approach at peak times.
    updates:
      - date: 2030-02-27
        text: First patrols done.
"""

NEW_ACTION = """
  - id: north-2030-02-lights
    meeting: north-2030-02
    said: The street lights on the fictional lane are out.
    remit: northvale-council
    raised: 2030-02-20
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit is the fixture data plus an April meeting."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    meetings = tmp_path / "data" / "meetings.yaml"
    meetings.write_text(meetings.read_text() + APRIL)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


def diff(repo: Path, ref: str = "HEAD~1") -> subprocess.CompletedProcess[str]:
    # 28 February 2030, noon UTC: the fixture's March meetings are upcoming.
    return generator("diff", ref, cwd=repo, epoch="1898510400")


def test_move_cancel_add_and_update(repo: Path) -> None:
    meetings, actions = repo / "data" / "meetings.yaml", repo / "data" / "actions.yaml"
    edit(
        meetings,
        """    date: 2030-03-05
    start: 13:00
    format: hybrid
    venue: bishopsgate-room
""",
        MOVED_SOUTH,
    )
    edit(meetings, APRIL, APRIL.replace("    venue: town-hall\n", CANCELLED) + MAY)
    edit(actions, "    raised: 2030-02-20\n", "    raised: 2030-02-20\n" + ACTION_UPDATE)
    actions.write_text(actions.read_text() + NEW_ACTION)
    git(repo, "commit", "-q", "-am", "edit")

    result = diff(repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("""\
## What this change publishes

Compared with HEAD\\~1.

### Calendars

- Northgate, Tuesday 14 May 2030 (north-2030-05): new calendar entry
- Northgate, Tuesday 16 April 2030 (north-2030-04): title “CANCELLED: Northgate cluster \
panel”, was “Northgate cluster panel”; description changed; now cancelled, was going ahead; \
busy or free added — subscribers get the change
- Southwark Bridge, Tuesday 12 March 2030 (south-2030-03): starts Tuesday 12 March 2030 1pm, \
was Tuesday 5 March 2030 1pm; ends Tuesday 12 March 2030 2:30pm, was Tuesday 5 March 2030 \
2:30pm; description changed; place “Example Town Hall, 12 Acacia Avenue, \
EC9Z 9ZZ”, was “100 Bishopsgate, 100 Bishopsgate” — subscribers get the change

### Pages

- /meetings/north-2030-02/
    - under “You said: Cycling on the pavement by the station at 18:30 on weekdays.”:
        - added: Status: In progress
        - removed: Status: Open
        - added: Officers patrolled the station approach at peak times.
        - removed: Nothing to report yet.
""")
    # Each fact once, where it belongs; pages that repeat it say so.
    assert "        - added: Reason: Fictional reason for calling it off.\n" in out
    assert "        - added: Reason: The fictional room was double-booked.\n" in out
    assert "        - added: Example Town Hall 12 Acacia Avenue EC9Z 9ZZ\n" in out
    assert out.count("        - added: Status: In progress\n") == 1
    assert "    - and 15 change(s) already listed above\n" in out
    assert "- /meetings/north-2030-05/: new page\n" in out
    assert out.endswith("""\
### Downloads

- /data/actions.csv: updated
- /data/actions.json: updated
- /data/meetings.csv: updated
- /data/meetings.json: updated

Also updated: /you-said-we-did/, /panels/, /data/, /.
""")


def test_a_change_without_revision_reaches_subscribers_in_words(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    edit(
        meetings,
        "    date: 2030-04-16\n    start: 18:30\n",
        "    date: 2030-04-16\n    start: 19:00\n",
    )
    edit(meetings, "meetup-join/fictional-example", "meetup-join/fictional-other")
    result = diff(repo, "main")  # the working tree against the last commit
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(
        "## What this change publishes\n\nCompared with main.\n\n### Calendars\n\n"
        "- Northgate, Tuesday 16 April 2030 (north-2030-04): starts 7pm, was 6:30pm; "
        "ends 8:30pm, was 8pm; "
        "description changed — subscribers get the change\n"
        "- Southwark Bridge, Tuesday 5 March 2030 (south-2030-03): description changed — "
        "subscribers get the change\n\n"
    )
    assert "revision" not in result.stdout


def test_joining_link_shows_its_host_only(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    edit(meetings, "meetup-join/fictional-example", "meetup-join/fictional-other")
    result = diff(repo, "HEAD")
    # The link is in the calendar description: the build raises the entry's number for it.
    assert "(south-2030-03): description changed — subscribers get the change" in result.stdout
    assert "fictional" not in result.stdout
    assert (
        "- link changed: Join the meeting on Microsoft Teams (link to teams.microsoft.com)"
        in (result.stdout)
        or "link to teams.microsoft.com" in result.stdout
    )


def test_a_changed_cancellation_reason_is_a_visible_change(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    edit(meetings, APRIL, APRIL.replace("    venue: town-hall\n", CANCELLED))
    git(repo, "commit", "-q", "-am", "cancel")
    edit(meetings, "Fictional reason for calling it off.", "The hall flooded.")
    result = diff(repo, "HEAD")
    assert result.returncode == 0
    assert "(north-2030-04): description changed — subscribers get the change" in result.stdout


def test_no_change_and_other_files(repo: Path) -> None:
    assert diff(repo, "HEAD").stdout == (
        "## What this change publishes\n\nCompared with HEAD.\n\n"
        "No changes to the published site.\n"
    )
    edit(
        repo / "data" / "venues.yaml", "name: Example Town Hall", "name: Example Town Hall (Room 2)"
    )
    out = diff(repo, "HEAD").stdout
    assert "        - added: Example Town Hall (Room 2) 12 Acacia Avenue EC9Z 9ZZ\n" in out


def test_new_contact_details_are_flagged_as_public(repo: Path) -> None:
    clusters = repo / "data" / "clusters.yaml"
    edit(clusters, '      phone: "020 7946 0001"\n', '      phone: "020 7946 0002"\n')
    out = diff(repo, "HEAD").stdout
    assert "- added: will be public: " in out
    assert "020 7946 0002" in out


def test_deleting_a_published_meeting_blocks(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    meetings.write_text(meetings.read_text().replace(APRIL, ""))
    result = diff(repo, "HEAD")
    assert result.returncode == 1
    assert (
        "- data/meetings.yaml at `- id: north-2030-02`: meetings: the meeting \\`north-2030-04\\` was deleted, but it was "
        "published: subscribers' calendars would silently lose it — cancel it instead: put it "
        "back with \\`status: cancelled\\` and a \\`status\\_reason:\\`\n"
        in located(result.stdout, repo)
    )


SPOOFS = (
    "### ✅ Data check",
    "<!-- everything below is hidden",
    "[Approve](https://evil.example/) *urgent* _now_ `code` <b>bold</b> www.evil.example",
)


@pytest.mark.parametrize("spoof", SPOOFS)
def test_staff_text_cannot_change_the_summary(repo: Path, spoof: str) -> None:
    """Staff text reaches the summary as text: no heading, comment, HTML, link or emphasis."""
    meetings = repo / "data" / "meetings.yaml"
    quoted = json.dumps(spoof)
    edit(meetings, APRIL, APRIL.replace("    venue: town-hall\n", CANCELLED))
    edit(meetings, "Fictional reason for calling it off.", quoted.strip('"'))
    edit(meetings, "    status_reason: " + quoted.strip('"'), "    status_reason: " + quoted)
    out = diff(repo, "HEAD").stdout
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(out)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["What this change publishes", "Calendars", "Pages", "Downloads"]
    assert not kinds & {"html_block", "html_inline", "link_open", "em_open", "strong_open"}
    assert not kinds & {"code_inline", "s_open", "image"}
    shown = out.replace("\\", "").replace("&lt;", "<").replace("&gt;", ">")
    assert spoof.split("(")[0].split("*")[0] in shown


def test_a_new_meeting_dated_in_the_past_is_worth_a_look(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    meetings.write_text(meetings.read_text() + MAY.replace("2030-05", "2030-01"))
    out = located(diff(repo, "HEAD").stdout, repo)
    assert (
        "### Worth a look (does not block)\n\n- data/meetings.yaml at `2030-01-14`: "
        "meetings\\[north-2030-01\\].date: this new meeting is dated Monday 14 January 2030, "
        "in the past — check the year and the month; a past meeting is added only to record it\n"
    ) in out


def test_a_rename_is_one_line_with_what_it_reaches(repo: Path) -> None:
    publisher = repo / "data" / "publisher.yaml"
    edit(
        publisher,
        "wording:\n",
        "wording:\n  panel: community safety meeting\n  panels: community safety meetings\n",
    )
    edit(repo / "data" / "clusters.yaml", "    name: Southwark Bridge\n", "    name: Borough\n")
    edit(
        repo / "data" / "meetings.yaml",
        "    date: 2030-04-16\n    start: 18:30\n",
        "    date: 2030-04-16\n    start: 19:00\n",
    )
    result = diff(repo, "HEAD")
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert out.startswith(
        "## What this change publishes\n\nCompared with HEAD.\n\n### Across the site\n\n"
        "- “cluster panel” is now “community safety meeting”; “cluster panels” is now "
        "“community safety meetings”; the panel \\`south\\` “Southwark Bridge” is now "
        "“Borough”: "
    )
    assert ", and subscribers' calendars get the new name\n\n### Calendars\n\n" in out
    # Only the move is listed entry by entry: the names are in the line above.
    calendars = out.split("### Calendars\n\n", 1)[1].split("\n\n", 1)[0]
    assert calendars == (
        "- Northgate, Tuesday 16 April 2030 (north-2030-04): starts 7pm, was 6:30pm; "
        "ends 8:30pm, was 8pm; "
        "description changed — "
        "subscribers get the change"
    )
    # Nor is any page line there only for the new names (a line that also carries the moved
    # time, such as the newsletter snippet's, is there for the move).
    listed = [line for line in out.splitlines() if "- added: " in line or "- removed: " in line]
    only_named = [line for line in listed if "7pm" not in line and "6:30pm" not in line]
    assert listed and not any(
        "community safety" in line or "Borough" in line for line in only_named
    )


METRICS = """metrics:
  - id: c
    wording: Number of fictional engagement events
    unit: events
    first_quarter: 2029-Q3
    values:
      - quarter: 2029-Q3
        value: "12"
      - quarter: 2029-Q4
        value: "9"
"""


def test_figures_are_one_line_per_changed_value(repo: Path) -> None:
    metrics = repo / "data" / "metrics.yaml"
    metrics.write_text(METRICS)
    git(repo, "commit", "-q", "-am", "figures")
    edit(metrics, '        value: "12"\n', '        value: "14"\n')
    metrics.write_text(metrics.read_text() + '      - quarter: 2030-Q1\n        value: "3"\n')
    out = diff(repo, "HEAD").stdout
    assert "### Figures\n\n- c, 2029 Q3: 14, was 12\n- c, 2030 Q1: 3, was not reported\n\n" in out
    assert "- /metrics/\n" not in out  # the page is listed as updated, not cell by cell
    assert "/metrics/" in out.split("Also updated: ", 1)[1]


def test_a_published_panel_id_changed_blocks(repo: Path) -> None:
    edit(repo / "data" / "clusters.yaml", "  - id: south\n", "  - id: southwark\n")
    edit(repo / "data" / "meetings.yaml", "    panel: south\n", "    panel: southwark\n")
    result = diff(repo, "HEAD")
    assert result.returncode == 1
    problem = next(
        line for line in result.stdout.splitlines() if "was published and its id" in line
    )
    assert re.sub(r"^- data/clusters\.yaml:\d+:\d+: ", "", problem) == (
        "clusters: the panel \\`south\\` (Southwark Bridge) was published and its id is gone: its "
        "page and the calendar feed residents subscribe to would disappear — keep the id "
        "\\`south\\` and change \\`name:\\` instead; an id never changes once published"
    )


def test_removing_a_published_venue_blocks(repo: Path) -> None:
    venues = repo / "data" / "venues.yaml"
    venues.write_text(
        venues.read_text()
        + "  - id: old-hall\n    name: Old Example Hall\n    address:\n"
        + "      lines: [1 Old Street]\n      postcode: EC9Z 9ZZ\n"
    )
    check = generator("check", cwd=repo, epoch="1898510400")
    assert check.returncode == 0, check.stderr
    git(repo, "commit", "-q", "-am", "a venue")
    venues.write_text(venues.read_text().split("  - id: old-hall\n")[0])
    result = diff(repo, "HEAD")
    assert result.returncode == 1
    assert (
        "venues: the venue \\`old-hall\\` (Old Example Hall) was published and its id is gone: "
        "its page would disappear — keep the venue with the id \\`old-hall\\` and change its "
        "details instead\n" in result.stdout
    )
