"""Placeholders warn in local builds and the pull-request check, and block the deploy."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from positions import all_located, describe, located

from generator.cli.main import main
from generator.load import yaml_strict as yamlstrict
from generator.review import schema

REPO = Path(__file__).resolve().parent.parent
SITE_DATA = REPO / "tests" / "fixtures" / "site" / "data"
CITY_DATA = REPO / "tests" / "fixtures" / "city" / "data"
DEPLOY = REPO / ".github" / "workflows" / "deploy.yml"
PR_CHECK = REPO / ".github" / "workflows" / "pr-check.yml"

SPAN_PAGE = """# Contact

Call us on
<span class="placeholder">[phone number to be set
by the force]</span> or write.
"""

FIRST_SPAN_LINE = '`<span class="placeholder">[phone number to be set`'
"""Where the page's placeholder starts, as positions.located reads it."""


def _tree(tmp_path: Path, data: Path, page: str | None) -> tuple[Path, Path]:
    shutil.copytree(data, tmp_path / "data")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nNothing to set here.\n", encoding="utf-8")
    if page is not None:
        (docs / "contact.md").write_text(page, encoding="utf-8")
    return tmp_path / "data", docs


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """The command's exit code and lines, each position read as the text there."""
    code = main(["placeholders", *args])
    captured = capsys.readouterr()
    sources = Path(args[args.index("--data") + 1]).parent  # where the label `data` is
    return code, all_located((captured.out + captured.err).splitlines(), sources)


def test_a_marked_placeholder_warns_and_strict_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, docs = _tree(tmp_path, SITE_DATA, SPAN_PAGE)
    args = ("--data", str(data), "--label", "data", "--docs", str(docs))
    expected = (
        f"placeholder: {docs.as_posix()}/contact.md at {FIRST_SPAN_LINE}: placeholder [phone "
        "number to be set by "
        'the force] is still in the page — replace the whole <span class="placeholder">…</span> '
        "with the real text"
    )
    assert _run(capsys, *args) == (
        0,
        [
            expected,
            "WARNING: 1 placeholder(s) left. Fine for a preview; the deploy workflow refuses to "
            "publish until the force replaces them.",
        ],
    )
    assert _run(capsys, *args, "--strict") == (
        1,
        [
            expected,
            "1 placeholder(s) left: the site must not be published until the force replaces them.",
        ],
    )


def test_no_placeholder_passes_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, docs = _tree(tmp_path, SITE_DATA, None)
    args = ("--data", str(data), "--label", "data", "--docs", str(docs), "--strict")
    assert _run(capsys, *args) == (0, ["OK: no placeholders left"])


def test_configuration_placeholders_and_missing_contact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, docs = _tree(tmp_path, CITY_DATA, None)
    publisher = (data / "publisher.yaml").read_text(encoding="utf-8")
    publisher = publisher.replace(
        "committee: Strategic Planning and Performance Committee",
        "committee: '[committee to be set by the force]'",
    )
    (data / "publisher.yaml").write_text(publisher, encoding="utf-8")
    code, lines = _run(
        capsys, "--data", str(data), "--label", "data", "--docs", str(docs), "--strict"
    )
    # The City's accessibility statement facts are marked placeholders too (none is in the
    # sources): one line each, at the value's own line and column.
    statement = [
        f"placeholder: data/publisher.yaml {describe(publisher, number, text.index('[') + 1)}: "
        "placeholder "
        f"{text[text.index('[') : text.index(']') + 1]} is still in the configuration — replace "
        "it with the real value"
        for number, text in enumerate(publisher.splitlines(), start=1)
        if number > publisher[: publisher.index("\naccessibility:")].count("\n") and "[" in text
    ]
    assert len(statement) == 8
    assert code == 1
    assert lines == [
        "placeholder: data/publisher.yaml at the start: contact: no general contact is set, so pages with "
        "facts not yet published offer none — add `contact:` with the force's public `phone:`, "
        "`email:` or `web_form:`",
        "placeholder: data/publisher.yaml at `[committee to be set by the force]'`: placeholder "
        "[committee to be set by the "
        "force] is still in the configuration — replace it with the real value",
        *statement,
        "10 placeholder(s) left: the site must not be published until the force replaces them.",
    ]


def test_a_missing_accessibility_section_is_a_placeholder_and_the_page_shows_markers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, docs = _tree(tmp_path, SITE_DATA, None)
    publisher = (data / "publisher.yaml").read_text(encoding="utf-8")
    start = publisher.index("accessibility:\n")
    publisher = publisher[:start] + publisher[publisher.index("wording:\n") :]
    (data / "publisher.yaml").write_text(publisher, encoding="utf-8")
    args = ("--data", str(data), "--label", "data", "--docs", str(docs), "--strict")
    assert _run(capsys, *args) == (
        1,
        [
            "placeholder: data/publisher.yaml at the start: accessibility: the accessibility statement "
            "has no contact, enforcement or testing details — add `accessibility:` "
            "(examples/northvale/data/publisher.yaml shows every field)",
            "1 placeholder(s) left: the site must not be published until the force replaces them.",
        ],
    )


def _steps(path: Path) -> list[dict[str, Any]]:
    tree: dict[str, Any] = schema.as_editor_reads(yamlstrict.read(path).value)
    return [step for job in tree["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_the_deploy_workflow_refuses_before_it_uploads(tmp_path: Path) -> None:
    steps = _steps(DEPLOY)
    names = [s.get("name", "") for s in steps]
    refuse = next(i for i, s in enumerate(steps) if "placeholders --strict" in s.get("run", ""))
    upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    assert refuse < upload, names
    assert "if" not in steps[refuse] and "continue-on-error" not in steps[refuse]
    # Run the step's own command, as the workflow does, from a checkout with a placeholder.
    command = shlex.split(steps[refuse]["run"])
    assert command[0] == ".venv/bin/python"
    _, docs = _tree(tmp_path, SITE_DATA, SPAN_PAGE)
    done = subprocess.run(
        [sys.executable, *command[1:]], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    said = located(done.stderr, tmp_path)
    assert (
        f"docs/contact.md at {FIRST_SPAN_LINE}: placeholder [phone number to be set by the force]"
        in said
    )
    (docs / "contact.md").unlink()
    done = subprocess.run(
        [sys.executable, *command[1:]], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_pull_request_check_only_warns() -> None:
    runs = [s.get("run", "") for s in _steps(PR_CHECK)]
    assert ".ci/pr-check review" in runs  # its steps are the script's
    script = (REPO / ".ci" / "pr-check").read_text(encoding="utf-8")
    assert re.search(r"^\s+placeholders -- \\$", script, re.MULTILINE)
    assert "--strict" not in script
