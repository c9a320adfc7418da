"""A force rewords one template without forking: ``custom_templates`` is searched first."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fixturedata import FIXTURE_CONFIG, FIXTURE_DATA, FIXTURE_TODAY
from sitebuild import FIXTURE_EPOCH, mkdocs_build

from generator.load import dataset
from generator.site import render_all

OVERRIDE = """{# The force's own wording of the general contact. #}
{% macro offer(lead) -%}
<p class="cp-general-contact">{{ lead }} ring the front desk of {{ publisher.force.name }} \
on {{ publisher.contact.phone }}.</p>
{%- endmacro %}
"""
SAID = "ring the front desk of"


def _templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "partials").mkdir(parents=True)
    (folder / "partials" / "general_contact.html").write_text(OVERRIDE, encoding="utf-8")
    return folder


def _pages_saying(outputs: list, text: str) -> list[str]:
    return [o.path for o in outputs if text in o.content.decode("utf-8", "replace")]


def test_the_forces_template_is_used_and_only_for_its_build(tmp_path: Path) -> None:
    loaded = dataset.load(FIXTURE_DATA, today=FIXTURE_TODAY)
    before = render_all(loaded, FIXTURE_CONFIG)
    custom = render_all(loaded, replace(FIXTURE_CONFIG, templates=_templates(tmp_path)))
    changed = _pages_saying(custom, SAID)
    assert changed, "the override was not used"
    assert all(path.endswith(".md") for path in changed)
    # Every other template is still the package's: only pages with the contact differ.
    old = {o.path: o.content for o in before}
    assert {o.path for o in custom if old[o.path] != o.content} == set(changed)
    # The next build without the option is the package's again.
    assert render_all(loaded, FIXTURE_CONFIG) == before
    # The force's template gets the same escaping as the package's.
    assert '<p class="cp-general-contact">' in next(
        o.content.decode() for o in custom if o.path == changed[0]
    )


def test_mkdocs_custom_templates_option(tmp_path: Path) -> None:
    site = mkdocs_build(
        tmp_path, FIXTURE_DATA, FIXTURE_EPOCH, custom_templates=str(_templates(tmp_path))
    )
    pages = [p for p in site.rglob("*.html") if SAID in p.read_text(encoding="utf-8")]
    assert pages
