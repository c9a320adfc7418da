"""Placeholders the publishing force must replace before the site goes live.

A placeholder is text marked ``<span class="placeholder">[…]</span>`` in the hand-written
pages (docs/), a ``[… to be set by the force]`` value in data/publisher.yaml, or a part of
publisher.yaml that residents need but is not filled in (the general contact). Local builds
and the pull-request check only warn about them; the deploy workflow runs
``python -m generator placeholders --strict``, which refuses.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.load.errors import Problem
from generator.models.accessibility import PLACEHOLDER
from generator.models.publisher import PUBLISHER_FILE, Publisher

SPAN = re.compile(r'<span class="placeholder">')
"""How docs/ marks a placeholder (styled so it shows on the page too)."""
BRACKETS = PLACEHOLDER
"""How a value in publisher.yaml marks a placeholder, e.g. `[phone to be set by the force]`."""


def in_docs(docs: Path, label: str = "docs") -> list[Problem]:
    """Every marked placeholder in the Markdown pages under ``docs``, in file and line order."""
    found = []
    for path in sorted(docs.rglob("*.md")):
        name = f"{label}/{path.relative_to(docs).as_posix()}"
        text = path.read_text(encoding="utf-8")
        for match in SPAN.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            shown = " ".join(text[match.end() :].split("</span>", 1)[0].split())
            found.append(
                Problem(
                    name,
                    line,
                    column,
                    "",
                    f"placeholder {shown} is still in the page",
                    'replace the whole <span class="placeholder">…</span> with the real text',
                )
            )
    return found


def in_publisher(data: Path, publisher: Publisher | None, label: str = "data") -> list[Problem]:
    """Placeholders in publisher.yaml: marked values, and the contacts residents need."""
    path = data / PUBLISHER_FILE
    name = f"{label}/{PUBLISHER_FILE}" if label else PUBLISHER_FILE
    found = []
    if path.is_file():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
            for match in BRACKETS.finditer(code):
                found.append(
                    Problem(
                        name,
                        number,
                        match.start() + 1,
                        "",
                        f"placeholder {match.group(0)} is still in the configuration",
                        "replace it with the real value",
                    )
                )
    if publisher is not None and not publisher.has_contact():
        found.append(
            Problem(
                name,
                1,
                1,
                "contact",
                "no general contact is set, so pages with facts not yet published offer none",
                "add `contact:` with the force's public `phone:`, `email:` or `web_form:`",
            )
        )
    if publisher is not None and publisher.accessibility is None:
        found.append(
            Problem(
                name,
                1,
                1,
                "accessibility",
                "the accessibility statement has no contact, enforcement or testing details",
                "add `accessibility:` (examples/northvale/data/publisher.yaml shows every field)",
            )
        )
    return sorted(found)
