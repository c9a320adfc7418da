"""Ids from the data never clash with the pages' own anchors or addresses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from fixturedata import FIXTURE_DATA

from generator.clock import build_time
from generator.load.publish import load_publishable
from generator.render.outputs import Kind, SiteConfig
from generator.site import render_all

REPO = Path(__file__).resolve().parent.parent
EPOCH = "1741608000"
# Every fixed anchor the log, panel, meeting, home and engagement pages used to write.
ACTION_IDS = ("status-done", "wards", "venue", "top", "log-contents", "cp-filter", "officers")
EVENT_IDS = ("top", "engagement-events")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        href = found.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.links.append(href[1:])


def hostile_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    actions = (data / "actions.yaml").read_text(encoding="utf-8")
    for number, new in enumerate(ACTION_IDS):
        actions += (
            f"  - id: {new}\n    meeting: riverside-2024-11\n    said: Entry {number}.\n"
            "    remit: northvale-police\n    raised: 2024-11-06\n"
        )
    (data / "actions.yaml").write_text(actions, encoding="utf-8")
    events = (data / "engagement.yaml").read_text(encoding="utf-8")
    for new in EVENT_IDS:
        events += f"  - id: {new}\n    title: Event {new}\n    month: 2024-10\n    audiences: [residents]\n"
    (data / "engagement.yaml").write_text(events, encoding="utf-8")
    return data


def test_ids_like_fixed_anchors_give_unique_ids_and_working_links(tmp_path: Path) -> None:
    loaded = load_publishable(hostile_data(tmp_path), today=date(2025, 3, 10), label="data")
    config = SiteConfig("https://x.example/", "Panels", build_time({"SOURCE_DATE_EPOCH": EPOCH}))
    pages = {o.path: o.content.decode() for o in render_all(loaded, config) if o.kind is Kind.PAGE}
    for path, body in pages.items():
        parser = _Anchors()
        parser.feed(body)
        twice = [i for i, n in Counter(parser.ids).items() if n > 1]
        assert twice == [], f"{path}: ids used twice: {twice}"
        assert set(parser.links) <= set(parser.ids), (
            f"{path}: {set(parser.links) - set(parser.ids)}"
        )
    log = _Anchors()
    log.feed(pages["you-said-we-did/riverside/index.md"])
    assert set(ACTION_IDS) <= set(log.ids)  # the permanent #<action-id> anchors stay
    events = _Anchors()
    events.feed(pages["engagement/index.md"])
    assert set(EVENT_IDS) <= set(events.ids)


@pytest.mark.slow  # a real build or interpreter start: outside `./run quick`
def test_a_hand_written_page_at_a_generated_address_fails_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "panels").mkdir(exist_ok=True)
    (docs / "panels" / "riverside.md").write_text("# A second Riverside page\n")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    plugins = [p for p in config["plugins"] if p != "cluster-panels" and "cluster-panels" not in p]
    config["plugins"] = [*plugins, {"cluster-panels": {"data_dir": str(FIXTURE_DATA)}}]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        "docs/panels/riverside.md has the same address as a generated page or file "
        "(panels/riverside/): remove or rename it"
    ) in result.stderr
    assert not (tmp_path / "site").exists()
