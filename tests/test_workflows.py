"""The GitHub Actions workflows: valid against GitHub's schema, and safe by construction."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import threading
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from jsonschema.validators import validator_for

from generator.load import yaml_strict as yamlstrict
from generator.review import schema

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PR_CHECK = WORKFLOWS / "pr-check.yml"
PR_CHECK_SCRIPT = ROOT / ".ci" / "pr-check"
DEPLOY = WORKFLOWS / "deploy.yml"


def workflow(path: Path) -> dict[str, Any]:
    """A workflow as GitHub reads it (YAML 1.2: `on` is a key, not `true`)."""
    tree: dict[str, Any] = schema.as_editor_reads(yamlstrict.read(path).value)
    return tree


def github_schema() -> dict[str, Any]:
    pytest.importorskip("check_jsonschema", reason="needs check-jsonschema (requirements-dev.txt)")
    vendored = (
        resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "github-workflows.json"
    )
    loaded: dict[str, Any] = json.loads(vendored.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_matches_githubs_schema(path: Path) -> None:
    document = github_schema()
    validator = validator_for(document)(document)
    assert [e.message for e in validator.iter_errors(workflow(path))] == []


def test_pull_request_check_is_read_only_and_secret_free() -> None:
    text = "\n".join(
        line for line in PR_CHECK.read_text().splitlines() if not line.lstrip().startswith("#")
    )
    flow = workflow(PR_CHECK)
    assert set(flow["on"]) == {"pull_request"}
    assert "pull_request_target" not in text
    assert "secrets." not in text
    assert flow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in flow["jobs"].values())
    checkout = [
        s
        for j in flow["jobs"].values()
        for s in j["steps"]
        if s.get("uses", "").startswith("actions/checkout")
    ]
    assert checkout and all(s["with"]["persist-credentials"] is False for s in checkout)
    # The base branch reaches scripts only through the environment, never pasted in.
    assert not re.search(r"run:[^\n]*\$\{\{", text)
    assert all("${{" not in s.get("run", "") for j in flow["jobs"].values() for s in j["steps"])


def test_pull_request_check_is_one_fast_data_job_with_annotations() -> None:
    jobs = workflow(PR_CHECK)["jobs"]
    assert set(jobs) == {"data"}
    steps = jobs["data"]["steps"]
    # The job's commands are the script's steps, in its order: `.ci/pr-check all` is the job.
    script = PR_CHECK_SCRIPT.read_text(encoding="utf-8")
    order = re.search(r"^STEPS=\((.*)\)$", script, re.MULTILINE)
    assert order is not None
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == [f".ci/pr-check {step}" for step in order.group(1).split()]
    assert order.group(1).split() == ["install", "review", "build"]
    for command in (
        "./run install",
        "-m generator.cli.batch",
        "check --format github",
        "warnings --format github",
        'diff --format github "origin/$BASE_REF"',
        "./run build",
    ):
        assert command in script
    assert "./run test" not in script and "requirements-dev" not in script
    assert script.count("GITHUB_STEP_SUMMARY") >= 3
    assert "Files changed" in script  # the summary says where the annotations are
    venv = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert venv["with"]["path"] == ".venv"
    assert "hashFiles('requirements.txt', 'pyproject.toml')" in venv["with"]["key"]


def test_installs_use_a_pinned_uv_and_fall_back_to_pip() -> None:
    run = (ROOT / "run").read_text(encoding="utf-8")
    pinned = re.findall(r"^UV_VERSION=(\S+)$", run, re.MULTILINE)
    assert len(pinned) == 1 and re.fullmatch(r"\d+\.\d+\.\d+", pinned[0])
    assert '"uv==$UV_VERSION"' in run
    assert '"$UV" pip install --quiet --python "$VPY" -r "$1" -e .' in run
    assert 'venv_pip install --quiet --disable-pip-version-check -r "$1"' in run
    assert "CLUSTER_PANELS_INSTALLER" in run


def test_tests_run_on_main_and_when_code_changes() -> None:
    flow = workflow(WORKFLOWS / "tests.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    paths = flow["on"]["pull_request"]["paths"]
    for changed in ("generator/**", "tests/**", "requirements*.txt", ".github/workflows/**"):
        assert changed in paths
    assert not any(p.startswith("data") for p in paths)
    assert flow["permissions"] == {"contents": "read"}
    runs = "\n".join(s.get("run", "") for j in flow["jobs"].values() for s in j["steps"])
    assert "./run test" in runs
    assert "secrets." not in (WORKFLOWS / "tests.yml").read_text()


def test_deploy_builds_once_then_deploys_with_least_privilege() -> None:
    flow = workflow(DEPLOY)
    assert set(flow["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"]["group"] == "pages"
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "secrets." not in DEPLOY.read_text()


def epoch_step() -> str:
    steps = workflow(DEPLOY)["jobs"]["build"]["steps"]
    run: str = next(s["run"] for s in steps if "SOURCE_DATE_EPOCH" in s.get("run", ""))
    return run


def run_epoch_script(commit_time: int, now: str) -> int:
    """Run the deploy workflow's own shell lines with a fake commit time and clock."""
    script = epoch_step().replace(
        'git config --global --add safe.directory "$GITHUB_WORKSPACE"\n', ""
    )
    script = script.replace("$(git log -1 --format=%ct)", str(commit_time))
    script = script.replace('date -d "today 00:00"', f'date -d "{now[:10]} 00:00"')
    out = subprocess.run(
        [
            "bash",
            "-c",
            "GITHUB_ENV=$(mktemp); export GITHUB_ENV\n" + script + '\ncat "$GITHUB_ENV"',
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(re.findall(r"SOURCE_DATE_EPOCH=(\d+)", out)[-1])


def test_daily_build_moves_today_on_but_a_fresh_commit_keeps_its_time() -> None:
    london = ZoneInfo("Europe/London")
    commit = int(datetime(2025, 6, 1, 15, 0, tzinfo=UTC).timestamp())
    # A scheduled run weeks later: 'today' is the run's London date, not the commit's.
    later = run_epoch_script(commit, "2025-06-20")
    assert datetime.fromtimestamp(later, london).isoformat() == "2025-06-20T00:00:00+01:00"
    # A push on the day: the commit time is later than midnight and wins.
    assert run_epoch_script(commit, "2025-06-01") == commit
    # In winter London midnight is UTC midnight.
    winter = run_epoch_script(commit, "2025-12-01")
    assert datetime.fromtimestamp(winter, london).isoformat() == "2025-12-01T00:00:00+00:00"


def test_daily_schedule_runs_after_london_midnight_all_year() -> None:
    crons = [entry["cron"] for entry in workflow(DEPLOY)["on"]["schedule"]]
    assert crons == ["5 0 * * *"]  # 00:05 UTC is 00:05 GMT or 01:05 BST


def run_fetch_step(tmp_path: Path, published: bool, first: str = "") -> tuple[int, str, str]:
    """The deploy's fetch of the published calendar, from a local site folder."""
    steps = workflow(DEPLOY)["jobs"]["build"]["steps"]
    script: str = next(s["run"] for s in steps if "published-calendar.ics" in s.get("run", ""))
    site = tmp_path / "site"
    (site / "calendar").mkdir(parents=True)
    if published:
        (site / "calendar" / "all.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    lines = script.splitlines()
    assert lines[0].startswith("site=$(sed -n 's/^site_url: *//p' mkdocs.yml")
    script = "\n".join([f"site=file://{site}/", *lines[1:]])
    env = {"PATH": os.environ["PATH"], "RUNNER_TEMP": str(tmp_path), "FIRST_PUBLISH": first}
    env["GITHUB_ENV"] = str(tmp_path / "github-env")
    done = subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True, env=env)
    written = (tmp_path / "github-env").read_text() if (tmp_path / "github-env").exists() else ""
    return done.returncode, done.stdout, written


def test_the_deploy_builds_from_the_published_calendar_or_stops(tmp_path: Path) -> None:
    code, _, written = run_fetch_step(tmp_path / "a", published=True)
    assert code == 0
    assert written == f"CLUSTER_PANELS_PREVIOUS_CALENDAR={tmp_path}/a/published-calendar.ics\n"
    code, out, written = run_fetch_step(tmp_path / "b", published=False)
    assert code == 1 and written == ""
    assert "Stopped so that subscribers' change numbers are not reset." in out
    code, out, written = run_fetch_step(tmp_path / "c", published=False, first="true")
    assert code == 0 and written == ""
    assert out.endswith(
        "First publish: no previous calendar; change numbers start from the data.\n"
    )


def test_deploy_builds_with_the_engine_the_repository_variable_names() -> None:
    steps = workflow(DEPLOY)["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("name") == "Strict build")
    # The variable reaches the shell as an environment value, never pasted into the script.
    assert build["run"] == './run build --engine "$ENGINE"'
    assert build["env"] == {"ENGINE": "${{ vars.SITE_ENGINE || 'mkdocs' }}"}


def run_changes_fetch_step(tmp_path: Path, site: str) -> tuple[int, str, str]:
    """The deploy's fetch of the published feed of what changed, from ``site``."""
    steps = workflow(DEPLOY)["jobs"]["build"]["steps"]
    script: str = next(s["run"] for s in steps if "published-changes.atom" in s.get("run", ""))
    lines = script.splitlines()
    assert lines[0].startswith("site=$(sed -n 's/^site_url: *//p' mkdocs.yml")
    script = "\n".join([f"site={site}", *lines[1:]])
    tmp_path.mkdir(parents=True, exist_ok=True)
    env = {"PATH": os.environ["PATH"], "RUNNER_TEMP": str(tmp_path)}
    env["GITHUB_ENV"] = str(tmp_path / "github-env")
    done = subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True, env=env)
    written = (tmp_path / "github-env").read_text() if (tmp_path / "github-env").exists() else ""
    return done.returncode, done.stdout, written


def test_the_deploy_adds_to_the_published_changes_feed_or_starts_it(tmp_path: Path) -> None:
    served = tmp_path / "served"
    (served / "with").mkdir(parents=True)
    (served / "with" / "changes.atom").write_text("<feed/>\n", encoding="utf-8")
    (served / "without").mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        code, out, written = run_changes_fetch_step(tmp_path / "a", f"{base}/with/")
        assert code == 0
        assert written == f"CLUSTER_PANELS_PREVIOUS_CHANGES={tmp_path}/a/published-changes.atom\n"
        code, out, written = run_changes_fetch_step(tmp_path / "b", f"{base}/without/")
        assert (code, written) == (0, "")
        assert out == "No feed of what changed published yet: it starts empty.\n"
    finally:
        server.shutdown()
        server.server_close()
    code, out, written = run_changes_fetch_step(tmp_path / "c", f"{base}/with/")  # no server
    assert code == 1 and written == ""
    assert "Stopped so that the feed of what changed is not reset." in out
