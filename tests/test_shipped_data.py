"""The only tests that read the shipped data/: it checks, has nothing blocking, and builds.

Staff edit data/ every week, so nothing here asserts what the data holds. The second test
copies it, makes the seven everyday edits a member of staff makes (in YAML, as they would),
and runs every pull-request step on the result: a valid data-only change must stay green.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from clirun import generator
from ruamel.yaml import YAML
from sitebuild import mkdocs_build

from generator.clock import build_date
from generator.load import dataset
from generator.render import urls

pytestmark = pytest.mark.slow  # outside the everyday `./run quick` subset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _publishing_steps(folder: Path, tmp_path: Path, epoch: str) -> None:
    """check, warnings, a strict MkDocs build: what the pull-request check runs."""
    checked = generator("check", "--data", str(folder / "data"), cwd=folder, epoch=epoch)
    assert checked.returncode == 0, checked.stderr
    warned = generator("warnings", "--data", str(folder / "data"), cwd=folder, epoch=epoch)
    assert warned.returncode == 0, warned.stdout + warned.stderr
    assert "Blocking" not in warned.stdout
    site = mkdocs_build(tmp_path, folder / "data", epoch)
    assert (site / "index.html").is_file()
    _every_upcoming_meeting_can_be_promoted(site, folder / "data", epoch)


def _every_upcoming_meeting_can_be_promoted(site: Path, data: Path, epoch: str) -> list[str]:
    """Issue 25: each upcoming meeting has its poster (with QR code and PDF), its newsletter
    snippet and its sharing card, whatever the force's data."""
    today = date.fromtimestamp(int(epoch))
    loaded = dataset.load(data, today=today, label="data")
    for meeting in loaded.upcoming():
        page = (site / urls.meeting(meeting.id) / "index.html").read_text(encoding="utf-8")
        assert 'id="for-newsletters"' in page, meeting.id
        assert 'property="og:image"' in page, meeting.id
        for path in (
            urls.meeting_poster(meeting.id) + "index.html",
            urls.meeting_qr(meeting.id),
            urls.meeting_poster_pdf(meeting.id),
            urls.meeting_card(meeting.id),
        ):
            assert (site / path).is_file(), path
    return [m.id for m in loaded.upcoming()]


def test_the_shipped_data_checks_and_builds_with_nothing_blocking(tmp_path: Path) -> None:
    # As published: no fixed date, so the data is judged against today.
    _publishing_steps(ROOT, tmp_path, str(int(time.time())))


# ------------------------------------------------------------------ a week of staff edits


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments and order stay, as in a staff member's editor
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _edit(path: Path, change: Any) -> None:
    yaml = _yaml()
    tree = yaml.load(path.read_text(encoding="utf-8"))
    change(tree)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(tree, out)


def _iso(day: date) -> str:
    return day.isoformat()


def _week_of_edits(data: Path, today: date) -> None:
    """Add, move, cancel, record, log, enter figures, name officers: the seven tasks."""
    panels = [p["id"] for p in _yaml().load((data / "clusters.yaml").read_text())["clusters"]]
    venue = _yaml().load((data / "venues.yaml").read_text())["venues"][0]["id"]
    partners = _yaml().load((data / "publisher.yaml").read_text())["partners"]
    remit = str(partners[0]["id"])
    next_month = (today.replace(day=1) + timedelta(days=40)).replace(day=15)
    past = today - timedelta(days=3)
    recorded = f"{panels[0]}-staff-test-held"

    def meetings(tree: Any) -> None:
        entries = tree["meetings"]
        for number, panel in enumerate(panels):  # 1. next month's meetings, one per panel
            entries.append(
                {
                    "id": f"{panel}-staff-test-next",
                    "panel": panel,
                    "date": _iso(next_month + timedelta(days=number % 5)),
                    "start": "18:00",
                    "end": "19:30",
                    "format": "in-person",
                    "venue": venue,
                }
            )
        moved = entries[-1]  # 2. one moves a week later, with the reason residents see
        moved.update(
            {
                "date": _iso(next_month + timedelta(days=7)),
                "status": "moved",
                "status_reason": "The hall is closed for repairs that week.",
                "previous": {"date": moved["date"], "start": "18:00"},
                "revision": 1,
                "revised": _iso(today),
            }
        )
        entries[-2].update(  # 3. one is cancelled
            {
                "status": "cancelled",
                "status_reason": "The venue is not available that day.",
                "revision": 1,
                "revised": _iso(today),
            }
        )
        entries.append(  # 4. a meeting held this week and its record
            {
                "id": recorded,
                "panel": panels[0],
                "date": _iso(past),
                "start": "13:00",
                "end": "14:00",
                "format": "in-person",
                "venue": venue,
                "record": {
                    "attendance": {"in_person": 12},
                    "topics": [{"topic": "Cycling on pavements", "remit": remit}],
                },
            }
        )

    def actions(tree: Any) -> None:  # 5. two "you said, we did" entries from that meeting
        tree["actions"] = [
            *(tree.get("actions") or []),
            {
                "id": f"{recorded}-cycling",
                "meeting": recorded,
                "said": "Cyclists ride on the pavement near the station in the evening.",
                "remit": remit,
                "owner": "Cluster team",
                "raised": _iso(past),
            },
            {
                "id": f"{recorded}-lighting",
                "meeting": recorded,
                "said": "A street light on the estate has been out for weeks.",
                "remit": remit,
                "owner": "Cluster team",
                "raised": _iso(past),
                "status": "in-progress",
                "did": "The fault was reported to the street lighting team.",
                "updates": [{"date": _iso(past), "text": "Repair booked."}],
            },
        ]

    def metrics(tree: Any) -> None:  # 6. figures for the last quarter that has ended
        current = (today.month - 1) // 3  # 0 to 3
        quarter = f"{today.year}-Q{current}" if current else f"{today.year - 1}-Q4"
        metric = tree["metrics"][0]
        values = [v for v in metric.get("values", []) if v["quarter"] != quarter]
        metric["values"] = [*values, {"quarter": quarter, "value": 6}]

    def panels_file(tree: Any) -> None:  # 7. a panel's wards and officers
        panel = tree["clusters"][0]
        panel["wards"] = ["Sample Ward North", "Sample Ward South"]
        panel["officers"] = [
            {
                "name": "PC Sample Officer",
                "wards": ["Sample Ward North"],
                "contact": {"email": "sample.officer@example.police.uk"},
            }
        ]

    _edit(data / "meetings.yaml", meetings)
    _edit(data / "actions.yaml", actions)
    _edit(data / "metrics.yaml", metrics)
    _edit(data / "clusters.yaml", panels_file)


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _pull_request_review(repo: Path, tmp_path: Path, epoch: str) -> str:
    """The data job's own review step (`.ci/pr-check review`) run on ``repo``: its job summary."""
    (repo / ".ci").mkdir()
    shutil.copy2(ROOT / ".ci" / "pr-check", repo / ".ci" / "pr-check")
    shutil.copytree(ROOT / "docs", repo / "docs")
    runner = tmp_path / "runner"
    runner.mkdir()
    summary = runner / "summary.md"
    done = subprocess.run(
        [str(repo / ".ci" / "pr-check"), "review"],
        env={
            **os.environ,
            "SOURCE_DATE_EPOCH": epoch,
            "BASE_REF": "main",
            "RUNNER_TEMP": str(runner),
            "GITHUB_STEP_SUMMARY": str(summary),
            "PR_CHECK_PYTHON": sys.executable,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return summary.read_text(encoding="utf-8")


def test_a_week_of_ordinary_staff_edits_passes_every_pull_request_step(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "data")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # the pull request's base
    epoch = str(int(time.time()))
    _week_of_edits(repo / "data", build_date({"SOURCE_DATE_EPOCH": epoch}))
    _git(repo, "commit", "-q", "-am", "A week of staff edits")

    summary = _pull_request_review(repo, tmp_path, epoch)
    assert "### ✅ Data check" in summary and "### ✅ Warnings" in summary
    assert "❌" not in summary and "Blocking" not in summary
    assert "## What this change publishes" in summary and "staff-test-next" in summary
    site = mkdocs_build(tmp_path, repo / "data", epoch)
    assert (site / "index.html").is_file()
    promoted = _every_upcoming_meeting_can_be_promoted(site, repo / "data", epoch)
    assert {m for m in promoted if m.endswith("-staff-test-next")}  # next month's, one a panel
