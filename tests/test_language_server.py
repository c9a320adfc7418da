"""The real editor agrees with ``check``: yaml-language-server over LSP on fixtures and the corpus.

VS Code and github.dev check data files with Red Hat's YAML extension, which runs the npm
``yaml-language-server`` with our workspace settings (``.vscode/settings.json``). These tests
start that server (pinned in package.json), give it the same settings, open the valid fixture
data (no diagnostics) and every case of the bad-input corpus, and compare what it reports
with what ``check`` prints for the same file (the corpus's ``# expect:`` lines, which
test_bad_inputs.py proves are check's exact output).

A disagreement is a line ``check`` flags that the editor does not, or a line the editor flags
that ``check`` does not. ``EDITOR_CANNOT`` lists, with the reason, each case where they differ
because JSON Schema cannot say it (or the editor reads YAML differently); the list is exact,
so a case that comes to agree fails the test until it leaves the list.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from positions import position_of
from test_bad_inputs import FILE_CASES, case_sources, parse_case
from yaml_language_server import Diagnostic, LanguageServer

from generator.cli.main import main
from generator.models import cross_field
from generator.review import current_schema

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "city" / "data"

pytestmark = pytest.mark.slow  # needs node_modules (`./run test` installs them), not `./run quick`

EDITOR_CANNOT: dict[str, str] = {
    # The YAML the editor reads: its parser, not our schema, decides these.
    "billion_laughs": "aliases are valid YAML: only our strict loader refuses them",
    "binary_and_str_tags": "tags are valid YAML: only our strict loader refuses them",
    "merge_key": "merge keys are valid YAML 1.1 and read silently by the editor",
    "two_documents": "several documents are valid YAML; the editor checks each",
    "comments_only": "an empty document is valid YAML, and JSON Schema sees nothing to check",
    "missing_dash": "the editor's parser reports each repeated key on its own line",
    "entries_after_empty_list": "the editor's parser words the broken list its own way",
    "syntax_error": "the editor's parser words it, and checks the half-read entry too",
    "unclosed_brace": "the editor's parser reports the end of the group, not where it opens",
    "unclosed_bracket": "the editor's parser reports the end of the list, not where it opens",
    # 4 diagnostics for check's 1: 'Tabs are not allowed as indentation' on both tab lines
    # (the parser's, one per tab-indented line: a schema of {} still leaves those 2), the
    # item's missing `name` and 'Property name is not allowed.' for the name it misread as a
    # top-level key. The same 4 from yaml-language-server 1.10.0 and 2.0.0, with yamlVersion
    # 1.1 or disableAdditionalProperties; no setting filters parser messages, and the
    # formatter neither has a range form (so formatOnPaste does nothing) nor reads tabs.
    # settings.json makes the Tab key type spaces; the quick fix mends a pasted tab.
    "tab_indent": "the editor's YAML parser marks every tab-indented line in its own words "
    "('Tabs are not allowed as indentation'), then checks the entry as it misread it; "
    "a schema can neither reword nor silence the parser",
    "unquoted_time_in_text": "YAML 1.2 editors read 18:30 as text: only YAML 1.1 tools misread it",
    "yes_no_on_in_text": "YAML 1.2 editors read yes/no/on as text: only YAML 1.1 tools misread it",
    "top_level_list": "a list where the file needs fields: the editor says so on its first line",
    "word_nbsp": "a no-break space inside a key: the editor reads another key, so fields go missing",
    "field_by_meaning": "check names misnamed fields first; the editor also applies the rules between fields",
    "typo_field": "a mistyped key hides the field it meant: the editor also finds that field missing",
    # Rules about values JSON Schema cannot compute.
    "clock_change_hour": "the hour the clocks skip depends on the date: a time-zone rule",
    "control_characters": "invisible characters are refused by the loader on every text field",
    "duplicate_ids": "ids unique across a list: JSON Schema has uniqueItems for whole items only",
    "end_before_start": "comparing two times is not something JSON Schema can express",
    "impossible_date": "the days in each month (and leap years) are beyond a pattern's reach",
    "non_https_links": "links are checked character by character in code",
    "teams_path_tricks": "a Teams link's path is decoded and resolved in code",
    "unknown_remit": "remits come from publisher.yaml, another file; and a date compared with a meeting's",
    "needs_venue_and_link": "'within 7 days' depends on the day of the build",
    "done_without_completed": "a date 'in the future' depends on the day of the build",
}
"""Corpus cases where editor and check disagree, by case, with why JSON Schema cannot agree."""

NOT_YET: dict[str, str] = {
    # JSON Schema can say these; the schema does not yet (item 5 of issue 22 shrinks this list).
}
"""Cases the schema could agree on and does not yet, with where it falls short."""


def _checkout(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A copy of the repository's editor setup with the fixture data as its data/ folder."""
    folder = tmp_path_factory.mktemp(name)
    (folder / ".vscode").mkdir()
    shutil.copyfile(ROOT / ".vscode" / "settings.json", folder / ".vscode" / "settings.json")
    shutil.copytree(ROOT / "schemas", folder / "schemas")
    shutil.copytree(FIXTURE, folder / "data")
    return folder


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checkout after `./run check`: with the schemas that know the data's ids."""
    folder = _checkout(tmp_path_factory, "workspace")
    code = main(["check", "--data", str(folder / "data"), "--editor-schemas", str(folder)])
    assert code == 0
    return folder


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[LanguageServer]:
    """The editor with the workspace file `./run check` wrote opened (VS Code offers it)."""
    with LanguageServer(workspace, workspace / current_schema.WORKSPACE) as running:
        yield running


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout nothing has run in (or github.dev): only committed files."""
    return _checkout(tmp_path_factory, "fresh")


@pytest.fixture(scope="module")
def fresh_server(fresh_clone: Path) -> Iterator[LanguageServer]:
    """The editor on the folder itself, with the committed .vscode/settings.json."""
    with LanguageServer(fresh_clone) as running:
        yield running


def disagreements(case: Path, editor: list[Diagnostic]) -> list[str]:
    """Where check's problems (the case's ``# expect:`` lines) and the editor's differ.

    Compared by line: each line check flags must carry an editor diagnostic and each line the
    editor flags must be one check flags. Worded without line numbers, so the list stays
    true when a case gains a comment.
    """
    replaces, expected = parse_case(case)
    file = f"data/{replaces}"
    text = case_sources(case)[file]  # the case's lines, as the editor has them
    check: dict[int, list[str]] = {}
    for problem in expected:
        line, _, message = position_of(problem, file, text)
        check.setdefault(line, []).append(message)
    flagged = {d.line for d in editor}
    missed = [f"check only: {m}" for line, ms in check.items() if line not in flagged for m in ms]
    extra = [f"editor only: {d.message}" for d in editor if d.line not in check]
    return missed + extra


def editor_diagnostics(server: LanguageServer, workspace: Path, case: Path) -> list[Diagnostic]:
    """What the editor shows for ``case`` in place of its data file (then restored)."""
    replaces, _ = parse_case(case)
    target = workspace / "data" / replaces
    shutil.copyfile(case, target)
    try:
        return server.diagnostics(target)
    finally:
        shutil.copyfile(FIXTURE / replaces, target)


def test_the_lists_name_corpus_cases() -> None:
    names = {p.stem for p in FILE_CASES}
    assert set(EDITOR_CANNOT) <= names
    assert set(NOT_YET) <= names
    assert not set(EDITOR_CANNOT) & set(NOT_YET)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURE.glob("*.yaml")))
def test_valid_fixture_data_has_no_diagnostics(
    server: LanguageServer, workspace: Path, name: str
) -> None:
    assert server.diagnostics(workspace / "data" / name) == []


@pytest.mark.parametrize("case", FILE_CASES, ids=[p.stem for p in FILE_CASES])
def test_editor_and_check_agree_on_the_corpus(
    server: LanguageServer, workspace: Path, case: Path
) -> None:
    found = disagreements(case, editor_diagnostics(server, workspace, case))
    if case.stem in EDITOR_CANNOT or case.stem in NOT_YET:
        assert found != [], f"editor and check now agree: remove {case.stem} from the lists"
    else:
        assert found == [], "\n".join(found)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _applied(text: str, edits: list[dict[str, Any]]) -> str:
    """``text`` with the editor's text edits made (0-based LSP ranges), the last one first."""
    starts = [0, *itertools.accumulate(len(line) for line in text.splitlines(keepends=True))]

    def offset(position: dict[str, int]) -> int:
        return starts[position["line"]] + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def _diagnostics_of(
    server: LanguageServer, workspace: Path, name: str, text: str
) -> list[Diagnostic]:
    """What the editor says of ``text`` as data/``name``; the fixture's file is put back after."""
    target = workspace / "data" / name
    target.write_text(text, encoding="utf-8")
    try:
        return server.diagnostics(target)
    finally:
        shutil.copyfile(FIXTURE / name, target)


def test_tabs_are_fixed_in_one_step_by_the_editors_quick_fix(
    server: LanguageServer, workspace: Path
) -> None:
    # The editor cannot say check's one message for a tab (EDITOR_CANNOT): on the line check
    # names, its light bulb offers to replace every tab with two spaces (editor.tabSize
    # under "[yaml]" in settings.json gives the width), and the file is then clean.
    text = (ROOT / "tests" / "bad_inputs" / "tab_indent.yaml").read_text(encoding="utf-8")
    target = workspace / "data" / "clusters.yaml"
    target.write_text(text, encoding="utf-8")
    try:
        line = _line_of(text, "\t")
        assert Diagnostic(line, "Tabs are not allowed as indentation") in server.diagnostics(target)
        fixed = _applied(text, server.quick_fixes(target, line)["Convert all Tabs to Spaces"])
        assert fixed == text.replace("\t", "  ")
        target.write_text(fixed, encoding="utf-8")
        assert server.diagnostics(target) == []
    finally:
        shutil.copyfile(FIXTURE / "clusters.yaml", target)


def test_rules_between_fields_land_on_their_field_in_checks_words(
    server: LanguageServer, workspace: Path
) -> None:
    text = (
        "meetings:\n"
        "  - id: north-2030-03\n    panel: bank\n    date: 2030-03-05\n    start: 13:00\n"
        "    format: online\n    venue: innholders-hall\n    status: cancelled\n"
        "  - id: north-2030-04\n    panel: bank\n    date: 2030-04-05\n    start: 13:00\n"
        "    format: hybrid\n    status: moved\n    status_reason: The hall flooded.\n"
    )
    found = _diagnostics_of(server, workspace, "meetings.yaml", text)
    assert sorted(found, key=lambda d: (d.line, d.message)) == [
        Diagnostic(_line_of(text, "venue: innholders"), cross_field.ONLINE_HAS_NO_VENUE.message),
        Diagnostic(
            _line_of(text, "status: cancelled"),
            "a cancelled meeting needs a public reason — add `status_reason:` saying why, "
            "in a sentence",
        ),
        Diagnostic(
            _line_of(text, "format: hybrid"),
            "a hybrid meeting needs a venue — add `venue:` with the venue's id",
        ),
        Diagnostic(_line_of(text, "status: moved"), cross_field.MOVED_NEEDS_PREVIOUS.message),
    ]


def test_hover_help_renders_its_code_marks(server: LanguageServer, workspace: Path) -> None:
    target = workspace / "data" / "meetings.yaml"
    text = target.read_text(encoding="utf-8")
    line = _line_of(text, "  - id: ")
    server.diagnostics(target)  # opened, as the editor has it
    hover = server.hover(target, line, text.splitlines()[line - 1].index("id"))
    assert "Permanent id, e.g. `north-2024-11`." in hover
    assert "\\`" not in hover


UNKNOWN_IDS = (
    "meetings:\n"
    "  - id: bank-2030-03\n    panel: bnak\n    date: 2030-03-05\n    start: 13:00\n"
    "    format: in-person\n    venue: innholders\n    status: moved\n"
    "    status_reason: The hall flooded.\n"
    "    previous:\n      date: 2030-03-04\n      venue: guildhal\n"
    "  - id: bank-2024-12\n    panel: bank\n    date: 2024-12-05\n    start: 13:00\n"
    "    format: online\n    record:\n      topics:\n"
    "        - topic: Cycling on pavements\n          remit: county-council\n"
)


def test_unknown_ids_are_flagged_on_their_line_in_checks_words(
    server: LanguageServer, workspace: Path
) -> None:
    found = _diagnostics_of(server, workspace, "meetings.yaml", UNKNOWN_IDS)
    venue = (
        "there is no venue with this id — use an id from data/venues.yaml, "
        "or add the venue there first"
    )
    assert sorted(found, key=lambda d: d.line) == [
        Diagnostic(
            _line_of(UNKNOWN_IDS, "panel: bnak"),
            "there is no panel with this id — use one of the ids in data/clusters.yaml: "
            "bank, barbican, fenchurch, fleet, liverpool-street, monument",
        ),
        Diagnostic(_line_of(UNKNOWN_IDS, "venue: innholders"), venue),
        Diagnostic(_line_of(UNKNOWN_IDS, "venue: guildhal"), venue),
        Diagnostic(
            _line_of(UNKNOWN_IDS, "remit: county"),
            "this id is not one of the partners in publisher.yaml — use one of: "
            "city-of-london-police, city-of-london-corporation, british-transport-police, "
            "other-partner",
        ),
    ]


def test_a_fresh_clone_checks_with_the_committed_schemas(
    fresh_server: LanguageServer, fresh_clone: Path
) -> None:
    # Nothing wrote the schemas with the data's ids yet: the committed ones still check
    # every file (no "Problems loading reference"); only the unknown ids go unflagged.
    assert not (fresh_clone / current_schema.FOLDER).exists()
    for name in sorted(p.name for p in FIXTURE.glob("*.yaml")):
        assert fresh_server.diagnostics(fresh_clone / "data" / name) == [], name
    target = fresh_clone / "data" / "meetings.yaml"
    target.write_text(UNKNOWN_IDS.replace("format: in-person", "format: in person"), "utf-8")
    found = fresh_server.diagnostics(target)
    assert [d.line for d in found] == [_line_of(UNKNOWN_IDS, "format: in-person")]


def test_a_missing_field_is_marked_on_its_group_in_checks_words(
    server: LanguageServer, workspace: Path
) -> None:
    text = "clusters:\n  - id: bank\n    wards: []\n"
    found = _diagnostics_of(server, workspace, "clusters.yaml", text)
    assert (
        Diagnostic(
            _line_of(text, "- id: bank"),
            "`name` is missing (The panel's display name, e.g. `North`. Change it freely: "
            "addresses use the id) — add a `name:` line",
        )
        in found
    )
    assert not [d for d in found if d.message.startswith("Missing property")]
