"""``python -m generator diff BASE_REF`` between two commits of a real temporary git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import generator

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
    return generator("diff", ref, cwd=repo)


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
    assert (
        result.stdout
        == """\
## What this change publishes

Compared with `HEAD~1`.

### Meetings

- **Southwark Bridge cluster panel** (`south-2030-03`): moved: Tuesday 5 March 2030, from 1pm → \
Tuesday 12 March 2030, from 1pm (The fictional room was double-booked.); \
venue: 100 Bishopsgate → Example Town Hall
- **Northgate cluster panel** (`north-2030-04`): cancelled (Fictional reason for calling it off.)
- **Northgate cluster panel** (`north-2030-05`) added: Tuesday 14 May 2030, 6:30pm to 8pm, \
100 Bishopsgate (in-person)

### "You said, we did"

- `north-2030-02-bikes` updated: status: open → in-progress; what was done added; 1 new update
- `north-2030-02-lights` added, from **Northgate cluster panel** (`north-2030-02`): \
“The street lights on the fictional lane are out.” (open)

### Calendars

- `south-2030-03`: entry updated (revision 0 → 1) in `calendar/panels/south.ics`, `calendar/all.ics`, \
`calendar/meetings/south-2030-03.ics`
- `north-2030-04`: entry updated (revision 0 → 1) in `calendar/panels/north.ics`, `calendar/all.ics`, \
`calendar/meetings/north-2030-04.ics`
- `north-2030-05`: new entry in `calendar/panels/north.ics`, `calendar/all.ics`, \
`calendar/meetings/north-2030-05.ics`
"""
    )


def test_change_without_revision_is_blocking(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    edit(
        meetings,
        "    date: 2030-04-16\n    start: 18:30\n",
        "    date: 2030-04-16\n    start: 19:00\n",
    )
    edit(meetings, "    date: 2030-03-05\n", "    date: 2030-03-06\n")
    edit(meetings, "meetup-join/fictional-example", "meetup-join/fictional-other")
    result = diff(repo, "main")  # the working tree against the last commit
    assert result.returncode == 1
    assert result.stdout.endswith("""\
### Blocking: subscribers' calendars would not update

```text
data/meetings.yaml:17:5: meetings[south-2030-03].revision: the date and joining link changed but \
`revision` is still 0 — subscribers won't see this change: raise `revision` to 1 and set `revised:` \
to the date of the change
data/meetings.yaml:29:5: meetings[north-2030-04].revision: the start changed but `revision` is still 0 \
— subscribers won't see this change: raise `revision` to 1 and set `revised:` to the date of the change
```
""")
    assert result.stderr == "2 blocking problem(s): subscribers' calendars would not update.\n"


def test_no_change_and_other_files(repo: Path) -> None:
    assert diff(repo, "HEAD").stdout == (
        "## What this change publishes\n\nCompared with `HEAD`.\n\n"
        "No changes to the published data.\n"
    )
    edit(
        repo / "data" / "venues.yaml", "name: Example Town Hall", "name: Example Town Hall (Room 2)"
    )
    assert diff(repo, "HEAD").stdout.endswith("### Other data files\n\n- `venues.yaml` changed\n")


def test_removed_meeting_is_explained(repo: Path) -> None:
    meetings = repo / "data" / "meetings.yaml"
    meetings.write_text(meetings.read_text().replace(APRIL, ""))
    assert (
        "- **Northgate cluster panel** (`north-2030-04`) removed: its page and calendar entry "
        "disappear (to call a meeting off, set `status: cancelled` instead)\n"
        in diff(repo, "HEAD").stdout
    )


def test_unknown_ref_and_invalid_base(repo: Path) -> None:
    result = diff(repo, "no-such-branch")
    assert result.returncode == 1
    assert result.stderr == (
        "no-such-branch:0:0: git knows no commit called `no-such-branch` — fetch it "
        "first (git fetch origin main), or name a branch or commit\n1 problem(s) found.\n"
    )
    edit(
        repo / "data" / "meetings.yaml",
        "    start: 18:30\n    end: 20:00\n",
        "    start: half six\n    end: 20:00\n",
    )
    result = diff(repo, "HEAD")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "data/meetings.yaml:6:12: meetings[north-2030-02].start: `half six` is not"
    )
