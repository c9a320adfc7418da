"""Material templates copied whole into overrides/ stay in step with the Material they came from.

Where Material has a block for what we change, overrides/main.html overrides only that block.
Two templates have no such block and are copies: base.html (valid toggles, the keyboard menu,
escaped titles) and partials/header.html (the site's own search). Each copy's upstream file is
held here by its SHA-256: when Material is upgraded and the file changes, this fails until the
copy is re-made from the new file, its "cluster-panels" changes re-applied and the hash updated.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[1]
UPSTREAM = Path(material.__file__).parent / "templates"
COPIED = {
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
}
"""Each whole copy in overrides/ and the SHA-256 of Material 9.8.1's file it was copied from."""


@pytest.mark.parametrize("name", sorted(COPIED))
def test_each_copied_template_matches_the_material_it_came_from(name: str) -> None:
    digest = hashlib.sha256((UPSTREAM / name).read_bytes()).hexdigest()
    assert digest == COPIED[name], (
        f"Material's {name} changed: copy it to overrides/{name} again, re-apply the "
        "'cluster-panels' changes, then update its hash in tests/test_theme_overrides.py"
    )


def test_every_whole_copy_is_guarded() -> None:
    # Any other template in overrides/ that shares a name with Material's replaces it whole.
    ours = {
        p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html")
    }
    shadowing = {name for name in ours if (UPSTREAM / name).is_file()}
    # main.html only extends base.html's blocks; the language file adds to Material's strings.
    assert shadowing - {"main.html", "partials/languages/en-GB.html"} == set(COPIED)
