"""Material templates copied whole into overrides/ stay in step with the Material they came from.

Where Material has a block for what we change, overrides/main.html overrides only that block.
Two templates have no such block and are copies: base.html (valid toggles, the keyboard menu,
escaped titles) and partials/header.html (the site's own search). Each copy's upstream file is
held here by its SHA-256: when Material is upgraded and the file changes, this fails until the
copy is re-made from the new file, its "cluster-panels" changes re-applied and the hash updated.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import shutil
from pathlib import Path

import material
import pytest
import zensical

ROOT = Path(__file__).resolve().parents[1]
UPSTREAM = Path(material.__file__).parent / "templates"
COPIED = {
    "base.html": "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
}
"""Each whole copy in overrides/ and the SHA-256 of Material 9.8.2's file it was copied from."""
_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")


def drifted(upstream: Path) -> list[str]:
    """The copied templates whose file under ``upstream`` no longer has the recorded hash."""
    return [
        name
        for name, digest in sorted(COPIED.items())
        if hashlib.sha256((upstream / name).read_bytes()).hexdigest() != digest
    ]


@pytest.mark.parametrize("name", sorted(COPIED))
def test_each_copied_template_matches_the_material_it_came_from(name: str) -> None:
    assert name not in drifted(UPSTREAM), (
        f"Material's {name} changed: copy it to overrides/{name} again, re-apply the "
        "'cluster-panels' changes, then update its hash in tests/test_theme_overrides.py"
    )


def test_the_guard_fails_on_a_changed_upstream_template(tmp_path: Path) -> None:
    shutil.copytree(UPSTREAM, tmp_path / "templates")
    assert drifted(tmp_path / "templates") == []
    header = tmp_path / "templates" / "partials" / "header.html"
    header.write_bytes(header.read_bytes() + b"\n")
    assert drifted(tmp_path / "templates") == ["partials/header.html"]


def test_the_generator_tag_names_the_installed_material() -> None:
    # Material writes its own version into its base.html; our copy must say the same one.
    installed = importlib.metadata.version("mkdocs-material")
    copy = (ROOT / "overrides" / "base.html").read_text(encoding="utf-8")
    assert re.findall(r"mkdocs-material-([0-9][0-9.]*)\"", copy) == [installed]
    assert f"Copy of Material for MkDocs {installed}'s base.html" in copy


def test_main_overrides_only_blocks_the_pinned_base_has() -> None:
    # A block Material renamed or dropped would be silently ignored, not an error.
    ours = set(_BLOCK.findall((ROOT / "overrides" / "main.html").read_text(encoding="utf-8")))
    upstream = set(_BLOCK.findall((UPSTREAM / "base.html").read_text(encoding="utf-8")))
    assert ours and ours <= upstream, sorted(ours - upstream)


def test_every_whole_copy_is_guarded() -> None:
    # Any other template in overrides/ that shares a name with Material's replaces it whole.
    ours = {
        p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html")
    }
    shadowing = {name for name in ours if (UPSTREAM / name).is_file()}
    # main.html only extends base.html's blocks; the language file adds to Material's strings.
    assert shadowing - {"main.html", "partials/languages/en-GB.html"} == set(COPIED)


# The second engine's theme layer (overrides-zensical/): the same guard over Zensical's files.
ZENSICAL_UPSTREAM = Path(zensical.__file__).parent / "templates"
ZENSICAL_COPIED = {
    # main.html's site_meta block is base.html's, with the manifest's description.
    "base.html": "36503b17ee88e8f11a76fd42004d3a5c29684f7e24210931a4097394010e3cb7",
    "partials/header.html": "efcbc9f075685fefdccc113e85fb5a60aa86c0cff7b6a9004683bf2deb39c1df",
}
"""What overrides-zensical/ copies from Zensical 0.0.73, and the SHA-256 of each file."""


def zensical_drifted(upstream: Path) -> list[str]:
    """The Zensical files copied into overrides-zensical/ that no longer have their hash."""
    return [
        name
        for name, digest in sorted(ZENSICAL_COPIED.items())
        if hashlib.sha256((upstream / name).read_bytes()).hexdigest() != digest
    ]


def test_zensicals_copied_templates_match_the_pinned_zensical() -> None:
    assert importlib.metadata.version("zensical") == "0.0.73"
    assert zensical_drifted(ZENSICAL_UPSTREAM) == [], (
        "Zensical's template changed: re-make overrides-zensical/ from it (the "
        "'cluster-panels' changes), then update its hash in tests/test_theme_overrides.py"
    )


def test_the_zensical_guard_fails_on_a_changed_upstream_template(tmp_path: Path) -> None:
    shutil.copytree(ZENSICAL_UPSTREAM, tmp_path / "templates")
    base = tmp_path / "templates" / "base.html"
    base.write_bytes(base.read_bytes() + b"\n")
    assert zensical_drifted(tmp_path / "templates") == ["base.html"]


def test_zensical_main_overrides_only_blocks_zensicals_base_has() -> None:
    main = (ROOT / "overrides-zensical" / "main.html").read_text(encoding="utf-8")
    ours = set(_BLOCK.findall(main))
    upstream = set(_BLOCK.findall((ZENSICAL_UPSTREAM / "base.html").read_text(encoding="utf-8")))
    assert ours and ours <= upstream, sorted(ours - upstream)
