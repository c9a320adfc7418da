"""The synthetic data generator: valid, varied, deterministic, and at the issue's scales."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench import synthetic
from bench.yamlemit import dump
from generator.load import dataset
from generator.load import yaml_strict as yamlstrict
from generator.models.files import DATA_FILES
from generator.vocabulary import ActionStatus, MeetingFormat, MeetingStatus


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dataset.Dataset]:
    folder = tmp_path_factory.mktemp("city")
    synthetic.write(synthetic.SCALES["city"], folder)
    return folder, dataset.load(folder, today=synthetic.TODAY)


def test_city_scale_validates_with_the_issue_counts(city: tuple[Path, dataset.Dataset]) -> None:
    folder, data = city
    assert sorted(p.name for p in folder.iterdir()) == sorted(DATA_FILES)
    assert len(data.panels) == 6
    assert len([m for m in data.meetings if m.panel is not None]) == 6 * 10 * 2
    assert len(data.actions) == 1200


def test_city_scale_has_every_kind_of_entry(city: tuple[Path, dataset.Dataset]) -> None:
    _, data = city
    assert set(Counter(m.status for m in data.meetings)) == set(MeetingStatus)
    assert set(Counter(m.format for m in data.meetings)) == set(MeetingFormat)
    assert set(Counter(a.status for a in data.actions)) == set(ActionStatus)
    assert set(Counter(a.remit for a in data.actions)) == set(data.publisher.remits)
    assert any(a.updates for a in data.actions)
    assert data.upcoming() and data.past()
    hybrid = [m for m in data.meetings if m.format is MeetingFormat.HYBRID]
    assert all(
        m.online
        and m.online.teams_url
        and m.online.teams_url.startswith("https://teams.microsoft.com/l/meetup-join/")
        for m in hybrid
    )
    cancelled = [m for m in data.meetings if m.status is MeetingStatus.CANCELLED]
    assert all(m.status_reason and m.revision >= 1 and m.revised for m in cancelled)
    moved = [m for m in data.meetings if m.status is MeetingStatus.MOVED]
    assert all(m.previous is not None for m in moved)
    held = [m for m in data.past() if m.record is not None and m.panel is not None]
    assert held and all(m.record and m.record.attendance and m.record.topics for m in held)


def test_a_small_custom_scale_validates(tmp_path: Path) -> None:
    scale = synthetic.custom(panels=3, years=2, meetings_per_year=4, actions_per_meeting=2)
    counts = synthetic.write(scale, tmp_path)
    data = dataset.load(tmp_path, today=synthetic.TODAY)
    assert counts["clusters"] == len(data.panels) == 3
    assert len([m for m in data.meetings if m.panel]) == 24
    assert len(data.actions) == 48


def test_custom_scale_refuses_a_rhythm_that_does_not_divide_the_year() -> None:
    with pytest.raises(ValueError, match=r"^meetings_per_year must divide 12$"):
        synthetic.custom(panels=1, years=1, meetings_per_year=5, actions_per_meeting=1)


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    scale = synthetic.SCALES["city"]
    synthetic.write(scale, tmp_path / "one")
    synthetic.write(scale, tmp_path / "two")
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    synthetic.write(scale, tmp_path / "other-seed", seed=1)
    assert _files(tmp_path / "one") != _files(tmp_path / "other-seed")


def test_the_scales_match_the_issue_totals() -> None:
    city, region, largest = (synthetic.SCALES[n] for n in ("city", "region", "largest"))
    assert (city.panel_meetings, city.actions) == (120, 1200)
    assert (region.panel_meetings, region.actions) == (2000, 6154)
    assert (largest.panel_meetings, largest.actions) == (13000, 40000)


def test_panel_names_are_fictional_and_unique_at_the_largest_scale() -> None:
    names = [synthetic.panel_name(i) for i in range(1300)]
    assert len(set(names)) == 1300
    assert names[:3] == ["Testwick", "Samplewick", "Mockwick"]
    assert names[650] == "Testwick 2"


def test_every_file_says_it_is_synthetic(tmp_path: Path) -> None:
    synthetic.write(synthetic.SCALES["tiny"], tmp_path)
    for path in tmp_path.iterdir():
        assert path.read_text(encoding="utf-8").startswith(f"# {synthetic.HEADER}\n")


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "13:00",
        "2024-11-06",
        "yes",
        "no",
        "~",
        "null",
        "12",
        "-0.0929",
        "a: b",
        "ends with colon:",
        "hash # comment",
        "hash#inside",
        "'quoted'",
        '"double"',
        "trailing ",
        " leading",
        "[flow]",
        "{map}",
        "- dash",
        "&anchor",
        "*alias",
        "!tag",
        "%percent",
        "@at",
        "`tick`",
        "multi\nline",
        "tab\there",
        "Fenchurch – en dash",
        "Ünïcode",
        "x, y",
        "?",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_1%40thread.v2/0",
    ],
)
def test_the_yaml_writer_round_trips_through_the_strict_loader(text: str) -> None:
    tree = {
        "items": [
            {"id": "a", "value": text, "list": [text, "b"], "empty": [], "nested": {"v": text}}
        ]
    }
    assert yamlstrict.plain(yamlstrict.parse(dump(tree), "x.yaml").value) == tree
