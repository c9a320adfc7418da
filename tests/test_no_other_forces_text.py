"""The example force's site holds no text that only the City's data or report could produce.

Both fixture forces are rendered whole (pages, feeds, downloads) and their text compared;
nothing here lists City words. Two checks:

* every sentence in the City's data files (its report's sentences are data too, in
  ``metrics.yaml``'s ``notes:``) is absent from the example's site;
* every word the two sites share comes from the example's own inputs (data, pages) or from
  the generator's force-neutral code and templates. A word in both sites that neither
  explains was carried over from the City's data or wording.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from html import unescape
from pathlib import Path

import yaml

from generator.load import dataset
from generator.render.outputs import SiteConfig
from generator.site import render_all

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT / "tests" / "fixtures" / "city" / "data"
EXAMPLE = ROOT / "examples" / "northvale"
TODAY = date(2025, 3, 10)
CONFIG = SiteConfig("https://panels.test.example/", "Site", datetime(2025, 3, 10, 12, tzinfo=UTC))
_WORD = re.compile(r"[A-Za-z][A-Za-z’']{2,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _visible(path: str, content: bytes) -> str:
    text = content.decode("utf-8", "replace")
    if path.endswith(".ics"):  # unfolded and unescaped, as a calendar app shows it
        text = re.sub(r"\r?\n[ \t]", "", text)
        text = re.sub(r"\\([nN])", " ", text).replace("\\,", ",").replace("\\;", ";")
    elif path.endswith((".md", ".html", ".svg", ".xml")):
        text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(unescape(text).split())


def site_text(data: Path) -> dict[str, str]:
    """Each output's visible text, stylesheets and scripts left out (they are the package's),
    and the sharing cards' images (binary: their words are the page's sharing tags')."""
    loaded = dataset.load(data, today=TODAY)
    return {
        o.path: _visible(o.path, o.content)
        for o in render_all(loaded, CONFIG)
        if not o.path.endswith((".css", ".js", ".png", ".pdf"))
    }


def _words(text: str) -> set[str]:
    return {w.lower().strip("’'") for w in _WORD.findall(text)}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def sentences(data: Path) -> set[str]:
    """Sentences of four words or more in a force's data files."""
    found = set()
    for path in data.glob("*.yaml"):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for sentence in _SENTENCE.split(" ".join(text.split())):
                if len(sentence.split()) >= 4 and "://" not in sentence:
                    found.add(sentence)
    return found


def explained_words() -> set[str]:
    """Words the example's own inputs or the generator's code and templates can produce."""
    sources = [p for p in (ROOT / "generator").rglob("*") if p.suffix in {".py", ".html", ".svg"}]
    sources += [p for p in EXAMPLE.rglob("*") if p.is_file()]
    words = set().union(*(_words(p.read_text(encoding="utf-8")) for p in sources))
    # Made by the standard library and tzdata, not typed anywhere.
    words |= {n.lower() for n in [*calendar.day_name, *calendar.month_name] if n}
    words |= {"gmt", "bst"}
    return words | {w + "s" for w in words} | {w.removesuffix("s") for w in words}


def test_no_sentence_of_the_city_s_data_reaches_the_example() -> None:
    example = " ".join(site_text(EXAMPLE / "data").values())
    # The metrics' names are the model's (metrics a to j), which the example names too.
    only_city = sentences(CITY) - sentences(EXAMPLE / "data")
    assert len(only_city) > 20  # the comparison has something to find
    assert sorted(s for s in only_city if s in example) == []


def test_every_word_the_two_sites_share_is_the_examples_own_or_the_generators() -> None:
    city = set().union(*(_words(t) for t in site_text(CITY).values()))
    explained = explained_words()
    carried = {}
    for path, text in site_text(EXAMPLE / "data").items():
        for word in _words(text) & city:
            if word not in explained:
                carried.setdefault(word, path)
    assert carried == {}
