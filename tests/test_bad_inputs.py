"""The corpus of bad data: every case names the exact position and whole message.

Each ``tests/bad_inputs/<case>.yaml`` starts with ``# replaces: <file>`` (the shipped
data file it stands in for) and one ``# expect: <line>`` comment per problem, in the
order ``generator check`` prints them, its position written as the text there (see
positions.py): ``# expect: data/meetings.yaml at `venu: innholders-hall`: meetings[…]…``,
read in the case's own text with its ``# expect:`` lines cut to ``# expect`` (so an
expectation never points at itself). Cases that are easier to build in code (huge,
deep, or not UTF-8) are in ``GENERATED`` below. Each case is loaded over a copy of the
fixture's ``data/`` folder, so cross-file references resolve against its data.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from positions import Sources, all_located

from generator.load import dataset
from generator.load import yaml_strict as yamlstrict
from generator.load.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "city" / "data"
CASES = Path(__file__).resolve().parent / "bad_inputs"
TODAY = date(2024, 10, 1)
"""Before the shipped November 2024 meetings come within 7 days (they have no Teams links)."""


def parse_case(path: Path) -> tuple[str, list[str]]:
    """The data file a case replaces, and the problem lines it expects."""
    replaces, expected = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# replaces: "):
            replaces = line.removeprefix("# replaces: ")
        elif line.startswith("# expect: "):
            expected.append(line.removeprefix("# expect: "))
    assert replaces, f"{path.name} has no `# replaces:` line"
    assert expected, f"{path.name} has no `# expect:` lines"
    return replaces, expected


def case_sources(path: Path) -> dict[str, str]:
    """The text a case's positions are read in: the case, its ``# expect:`` lines cut short."""
    replaces, _ = parse_case(path)
    text = path.read_text(encoding="utf-8").split("\n")
    cut = ["# expect" if line.startswith("# expect: ") else line for line in text]
    return {f"data/{replaces}": "\n".join(cut)}


def problems_for(
    tmp_path: Path, replace: Callable[[Path], None], sources: Sources | None = None
) -> list[str]:
    """Copy the fixture's data, let ``replace`` damage it, and return the problem lines, each
    position read in ``sources`` (by default the damaged copy)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    replace(data)
    with pytest.raises(DataError) as caught:
        dataset.load(data, today=TODAY, label="data")
    return all_located(caught.value.lines(), tmp_path if sources is None else sources)


FILE_CASES = sorted(CASES.glob("*.yaml"))


def test_corpus_is_big_enough() -> None:
    assert len(FILE_CASES) + len(GENERATED) >= 30


@pytest.mark.parametrize("case", FILE_CASES, ids=[p.stem for p in FILE_CASES])
def test_file_case(case: Path, tmp_path: Path) -> None:
    replaces, expected = parse_case(case)

    def replace(data: Path) -> None:
        shutil.copyfile(case, data / replaces)

    lines = problems_for(tmp_path, replace, case_sources(case))
    assert lines == expected


def _write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def replace(data: Path) -> None:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        (data / name).write_bytes(raw)

    return replace


def _write_comment(name: str, length: int) -> Callable[[Path], None]:
    """A YAML comment of ``length`` x's, made when the test runs (not 64 MB at collection)."""

    def replace(data: Path) -> None:
        (data / name).write_bytes(b"# " + b"x" * length + b"\n")

    return replace


def _mkdir(name: str) -> Callable[[Path], None]:
    def replace(data: Path) -> None:
        (data / name).unlink()
        (data / name).mkdir()

    return replace


GENERATED: dict[str, tuple[Callable[[Path], None], list[str]]] = {}

# Cases built in code: too big, too deep or not text to keep as files.
GENERATED.update(
    {
        "empty_file": (
            _write("meetings.yaml", ""),
            [
                "data/meetings.yaml at the start: the file is empty — start it with its top-level key, as in the example data"
            ],
        ),
        "deep_flow_nesting": (
            _write("clusters.yaml", "clusters: " + "[" * 10_000 + "]" * 10_000 + "\n"),
            [
                f"data/clusters.yaml at the 32nd `{'[' * 60}…`: the data nests deeper than 32 levels — flatten it: real entries nest only a few levels"
            ],
        ),
        "deep_block_nesting": (
            _write("clusters.yaml", "clusters:\n" + "- " * 10_000 + "x\n"),
            [
                f"data/clusters.yaml at the 32nd `{'- ' * 30}…`: the data nests deeper than 32 levels — flatten it: real entries nest only a few levels"
            ],
        ),
        "huge_scalar": (
            _write("clusters.yaml", f"clusters:\n  - id: bank\n    name: {'Bank ' * 5_000}\n"),
            [
                f"data/clusters.yaml at the 1st `{'Bank ' * 12}…`: clusters[bank].name: the value is 24,999 characters long, more than the 20,000 allowed — shorten it, or publish the full text as a document and link to it"
            ],
        ),
        "too_large": (
            _write_comment("venues.yaml", 64 * 1024 * 1024),
            [
                "data/venues.yaml at the start: the file is larger than 64 MB — split it or remove what does not belong"
            ],
        ),
        "not_utf8": (
            _write(
                "clusters.yaml", "clusters:\n  - id: bank\n    name: Caf\xe9\n".encode("latin-1")
            ),
            [
                # The byte that is not UTF-8 (é in Latin-1) reads as U+FFFD.
                "data/clusters.yaml at `    name: Caf\ufffd`: the file is not UTF-8 text — save it as UTF-8 (the editor's encoding menu)"
            ],
        ),
        "utf16": (
            _write("actions.yaml", "actions: []\n".encode("utf-16")),
            [
                "data/actions.yaml at the start: the file is not UTF-8 text — save it as UTF-8 (the editor's encoding menu)"
            ],
        ),
        "nul_byte": (
            _write("clusters.yaml", "clusters:\n  - id: bank\n    name: Ba\0nk\n"),
            [
                "data/clusters.yaml at `<U+0000>nk`: the file holds the control character U+0000, which YAML does not allow — delete it: retype the line"
            ],
        ),
        "escape_sequence_in_key": (
            _write("clusters.yaml", 'clusters:\n  - id: bank\n    "\\e[2Jname": Bank\n'),
            [
                "data/clusters.yaml at `id: bank`: clusters[bank]: `name` is missing (The panel's display name, e.g. `North`. Change it freely: addresses use the id) — add a `name:` line",
                # The escape character would clear the terminal: it is shown, not sent.
                'data/clusters.yaml at `"\\e[2Jname": Bank`: clusters[bank].<U+001B>[2Jname: `<U+001B>[2Jname` is not a field here — did you mean `name`?',
            ],
        ),
        "folder_in_place_of_file": (
            _mkdir("venues.yaml"),
            [
                "data/venues.yaml (the whole file): the file cannot be read (Is a directory) — restore it from the example data"
            ],
        ),
        "missing_file": (
            lambda data: (data / "engagement.yaml").unlink(),
            [
                "data/engagement.yaml (the whole file): the file is missing — restore it from the example data"
            ],
        ),
    }
)


@pytest.mark.parametrize("case", sorted(GENERATED))
def test_generated_case(case: str, tmp_path: Path) -> None:
    replace, expected = GENERATED[case]
    assert problems_for(tmp_path, replace) == expected


def test_value_count_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cap on values per file (4,000,000), exercised through the same code with a cap of 1,000.

    The real cap is sized for the largest force; filling it would take a minute of parsing.
    """
    monkeypatch.setattr(yamlstrict, "MAX_VALUES", 1_000)
    lines = problems_for(tmp_path, _write("clusters.yaml", "clusters: [" + "x, " * 1_001 + "]\n"))
    assert lines == [
        "data/clusters.yaml at `x, x, x, x, ]`: the file holds more than 1,000 values — split it or remove what does not belong"
    ]
