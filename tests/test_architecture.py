"""The package's layering: imports flow one way, and only the adapter knows MkDocs."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any level, as absolute names.

    ``from x import y`` counts as importing ``x.y`` when that is a module, else ``x``.
    """
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = {f"{base}.{alias.name}" for alias in node.names} & _ALL
            found.update(submodules or {base})
            if len(submodules) < len(node.names):
                found.add(base)
    return found


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}
_ALL = set(MODULES)


@functools.cache
def graph() -> dict[str, set[str]]:
    """Each module's imports within the package (parsed on first use, not at collection)."""
    return {
        name: {i for i in _imports(path) if i in MODULES and i != name}
        for name, path in MODULES.items()
    }


def _cycle() -> list[str] | None:
    """One import cycle among the package's modules, if there is any (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph()[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph()):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_package_has_no_import_cycle() -> None:
    # A package's __init__ importing its own submodules is not a cycle in the flow.
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    graph()["generator.vocabulary"].add("generator.site")
    try:
        assert _cycle() is not None
    finally:
        graph()["generator.vocabulary"].discard("generator.site")


def test_only_the_adapter_imports_mkdocs_or_its_theme() -> None:
    importers = sorted(
        name
        for name, path in MODULES.items()
        if any(i.split(".")[0] in {"mkdocs", "material"} for i in _imports(path))
    )
    assert importers == ["generator.mkdocs_plugin"]


def test_no_module_imports_the_second_engine() -> None:
    # generator.cli.zensical runs Zensical in its own process; the package never imports it.
    assert not [n for n, p in MODULES.items() if any(i.startswith("zensical") for i in _imports(p))]
    assert "generator.cli.zensical" in MODULES


MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
_EXTENDS = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


def _theme_reliance(path: Path, root: Path) -> list[str]:
    """What a template under ``root`` takes from Material: its blocks, templates only it has."""
    text = path.read_text(encoding="utf-8")
    ours = {p.relative_to(root).as_posix() for p in root.rglob("*")}
    upstream = {p.relative_to(MATERIAL_TEMPLATES).as_posix() for p in MATERIAL_TEMPLATES.rglob("*")}
    material_blocks = set(_BLOCK.findall((MATERIAL_TEMPLATES / "base.html").read_text()))
    found = [f"block {b}" for b in _BLOCK.findall(text) if b in material_blocks]
    found += [f"template {t}" for t in _EXTENDS.findall(text) if t in upstream - ours]
    return found


def test_no_template_outside_the_theme_layers_relies_on_material() -> None:
    # overrides/ is the Material theme layer, overrides-zensical/ the second engine's; the
    # generator's templates render page bodies that any engine wraps in its own layout.
    root = PACKAGE / "render" / "templates"
    templates = sorted(p for p in root.rglob("*") if p.is_file())
    assert len(templates) > 10
    offenders = {str(p.relative_to(ROOT)): _theme_reliance(p, root) for p in templates}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_material_reliance_check_finds_a_block_and_a_theme_template(tmp_path: Path) -> None:
    planted = tmp_path / "page.html"
    planted.write_text('{% extends "main.html" %}{% block content %}x{% endblock %}')
    assert _theme_reliance(planted, tmp_path) == ["block content", "template main.html"]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


# Each layer and the layers it may import from (besides the standard library and packages).
LOW = {"vocabulary", "quarters", "timefmt"}
"""The lowest modules: any layer may use them."""
LOADED = LOW | {"load", "models"}
"""What every renderer builds on: the frozen dataset and its models."""
ALLOWED = {
    "vocabulary": set(),
    "clock": set(),
    "quarters": set(),
    "timefmt": {"quarters"},
    "load": LOADED | {"clock"},
    "models": {"models", "vocabulary", "clock", "load"},
    "render": LOADED | {"render", "clock"},
    "pages": LOADED | {"pages", "metrics", "outreach", "render", "clock"},
    "feeds": LOADED | {"feeds", "outreach", "render", "clock"},
    "metrics": LOADED | {"metrics", "render", "clock"},
    "opendata": LOADED | {"opendata", "metrics", "render"},
    "site": {"pages", "feeds", "metrics", "opendata", "render", "load"},
    "edits": LOADED,
    "incremental": {"site", "edits", "pages", "feeds", "opendata", "metrics", "render", "load"},
    "search": LOADED | {"search", "render"},
    "review": LOADED | {"review", "site", "render", "clock"},
    "engines": {"engines", "render", "search"},
    "outreach": LOADED | {"outreach", "render"},
}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) in ALLOWED))
def test_no_layer_reaches_upward(module: str) -> None:
    reached = {_layer(i) for i in graph()[module] if i != "generator"} - ALLOWED[_layer(module)]
    assert not reached, f"{module} imports from {sorted(reached)}"


def test_loading_never_imports_url_or_page_code() -> None:
    for name in MODULES:
        if _layer(name) in {"load", "models"}:
            assert not {i for i in graph()[name] if _layer(i) in {"render", "pages", "site"}}, name


def test_the_adapters_use_only_the_public_surface() -> None:
    public = {
        "generator.clock",
        "generator.engines.frame",
        "generator.engines.generated",
        "generator.engines.sweep",
        "generator.engines.navigation",
        "generator.engines.release",
        "generator.incremental",
        "generator.load.dataset",
        "generator.load.errors",
        "generator.load.publish",
        "generator.load.published",
        "generator.load.published_changes",
        "generator.preview",
        "generator.preview_rebuild",
        "generator.publication",
        "generator.render.css",
        "generator.render.handwritten",
        "generator.render.outputs",
        "generator.render.urls",
        "generator.search.pagefind",
        "generator.search.records",
        "generator.site",
    }
    assert graph()["generator.mkdocs_plugin"] <= public, graph()["generator.mkdocs_plugin"] - public


def test_templates_compare_enums_not_string_copies_of_their_values() -> None:
    pattern = re.compile(r"""\.value\s*(==|!=)|(==|!=)\s*["'][a-z-]+["']""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((PACKAGE / "render" / "templates").rglob("*"))
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_only_the_adapters_run_the_search_engine() -> None:
    # The records are pure; writing the index runs a binary, which is the adapters' business.
    runners = sorted(n for n in MODULES if "generator.search.pagefind" in graph()[n])
    # generator.preview_rebuild is the MkDocs adapter's preview, without MkDocs' imports.
    assert runners == ["generator.cli.main", "generator.mkdocs_plugin", "generator.preview_rebuild"]
    importers = sorted(name for name, path in MODULES.items() if "pagefind_bin" in _imports(path))
    assert importers == ["generator.search.pagefind"]
