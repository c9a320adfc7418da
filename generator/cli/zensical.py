"""``python -m generator zensical --out site``: the same site published with Zensical.

Zensical (the successor of Material for MkDocs) has no plugin API, so nothing of ours runs
inside it: the engine-neutral build (``build --out``: pages, feeds, downloads, search index
and :data:`~generator.engines.manifest.MANIFEST`) is its docs folder, and the manifest gives
its navigation, titles and descriptions. This command reads the site's mkdocs.yml (name,
address, description, theme settings), runs that build, writes a Zensical project beside it
(the theme layer is ``overrides/`` minus the copies of Material's templates, plus
``overrides-zensical/``), runs ``zensical build --strict`` and swaps the result in as
``--out``: a failed build leaves the previous site as it was. Zensical runs in its own
process; nothing here imports it.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.cli import output
from generator.engines.manifest import MANIFEST
from generator.render.css import without_comments

MATERIAL_ONLY = ("base.html", "main.html", "partials/header.html")
"""overrides/ files that copy or extend Material's own; overrides-zensical/ has Zensical's."""
THEME_SETTINGS = ("language", "font", "icon", "palette", "features", "favicon", "logo")
"""mkdocs.yml ``theme:`` settings Zensical reads as Material does."""
ZENSICAL_INDEX = "search.json"
"""Where Zensical writes its own search index (empty with its search off)."""
KEPT = ("copyright", "markdown_extensions", "use_directory_urls")
"""Other mkdocs.yml settings Zensical reads as MkDocs does."""


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs' ``!!python/name:`` and ``!ENV`` tags as nothing."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping (empty when the file is)."""
    found = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant)
    return found if isinstance(found, dict) else {}


def project(site: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    """Zensical's configuration for the build whose manifest is ``site``.

    Zensical writes navigation titles, page titles and descriptions into HTML as they are
    given, so each reaches it escaped here (the MkDocs plugin escapes the same ones).
    """
    name = site["site"]["name"]
    about = site["site"]["description"] or ""
    pages = {
        p["url"]: {
            "title": html.escape(name if p["url"] == "" else f"{p['title']} - {name}"),
            "description": html.escape(p["description"] or about),
            "share": {k: html.escape(v) for k, v in (p.get("share") or {}).items()} or None,
        }
        for p in site["pages"]
    }
    theme = {k: v for k, v in (config.get("theme") or {}).items() if k in THEME_SETTINGS}
    return {
        "site_name": name,
        "site_url": site["site"]["url"],
        "site_description": about,
        **{key: config[key] for key in KEPT if key in config},
        # Zensical always adds SuperFences, which highlights code with Pygments: plain
        # code blocks, as MkDocs writes them, keep the words the same.
        "markdown_extensions": [
            *(config.get("markdown_extensions") or []),
            {"pymdownx.highlight": {"use_pygments": False}},
        ],
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {**theme, "custom_dir": "theme"},
        "extra_css": list(site["stylesheets"]),
        "extra_javascript": list(site["scripts"]),
        # Our search (Pagefind, in the header by partials/site-search.html), not Zensical's.
        "plugins": {"search": {"enabled": False}},
        "extra": {
            **(config.get("extra") or {}),
            "words": site["words"],
            "cluster_panels": {"pages": pages},
        },
        "nav": [_nav(entry) for entry in site["navigation"]],
    }


def _nav(entry: dict[str, Any]) -> dict[str, Any]:
    title = html.escape(entry["title"])
    if "children" in entry:
        return {title: [_nav(child) for child in entry["children"]]}
    return {title: entry["source"]}


def theme_layer(overrides: Path, zensical_theme: Path, into: Path) -> None:
    """``overrides/`` without Material's copies, then ``overrides-zensical/`` over it.

    ``overrides/``' stylesheets are published without their comments, as the MkDocs plugin
    publishes them, so both engines serve the same bytes.
    """
    shutil.copytree(overrides, into, ignore=shutil.ignore_patterns(".*"))
    for name in MATERIAL_ONLY:
        (into / name).unlink(missing_ok=True)
    for sheet in sorted(into.rglob("*.css")):
        sheet.write_text(without_comments(sheet.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(zensical_theme, into, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".*"))


def zensical(folder: Path) -> str | None:
    """Run ``zensical build --strict`` in the project ``folder``; its output if it failed."""
    run = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", "mkdocs.yml"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return None if run.returncode == 0 else (run.stdout + run.stderr).strip() or "no output"


def _custom_templates(config: dict[str, Any], here: Path) -> Path | None:
    """The plugin's ``custom_templates`` in mkdocs.yml, as the MkDocs build reads it."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("cluster-panels"), dict):
            folder = plugin["cluster-panels"].get("custom_templates")
            return here / folder if folder else None
    return None


def run(args: argparse.Namespace, build: Callable[[argparse.Namespace], int]) -> int:
    """Build the site with ``build`` (the ``build --out`` command), then Zensical, into --out."""
    refused = output.refusal(args.out, args.data)
    if refused:
        print(f"error: {refused}; nothing was written.", file=sys.stderr)
        return 2
    config = read_config(args.config)
    here = args.config.parent
    folder = Path(tempfile.mkdtemp(prefix="cluster-panels-zensical-"))
    try:
        docs = folder / "docs"
        neutral = argparse.Namespace(
            **vars(args),
            site_url=config.get("site_url") or "https://example.github.io/",
            site_name=config.get("site_name"),
            site_description=config.get("site_description"),
            docs=here / config.get("docs_dir", "docs"),
            custom_templates=_custom_templates(config, here),
        )
        neutral.out = docs
        neutral.not_in_nav = str(config.get("not_in_nav") or "").split()
        code = build(neutral)
        if code != 0:
            return code
        site = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
        for ours in (MANIFEST, output.MARKER):
            (docs / ours).unlink()
        overrides = here / (config.get("theme") or {}).get("custom_dir", "overrides")
        theme_layer(
            overrides, args.theme or overrides.parent / "overrides-zensical", folder / "theme"
        )
        settings = yaml.safe_dump(project(site, config), sort_keys=False, allow_unicode=True)
        (folder / "mkdocs.yml").write_text(settings, encoding="utf-8")
        failed = zensical(folder)
        if failed is not None:
            print(
                f"{failed}\nerror: Zensical failed; {args.out} was left as it was.", file=sys.stderr
            )
            return 1
        copy = folder / "site"
        if not (docs / ZENSICAL_INDEX).exists():  # its search is off; the empty index goes
            (copy / ZENSICAL_INDEX).unlink(missing_ok=True)
        output.write_tree({}, args.out, also=lambda staging: _copy_into(copy, staging))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Built {args.out} with Zensical")
    return 0


def _copy_into(site: Path, staging: Path) -> None:
    shutil.copytree(site, staging, dirs_exist_ok=True)


def add(
    commands: Any,
    common: Callable[[argparse.ArgumentParser], None],
    build: Callable[[argparse.Namespace], int],
) -> None:
    """Register the ``zensical`` sub-command; ``build`` is the ``build --out`` command."""
    found = commands.add_parser(
        "zensical",
        help="build the whole site with Zensical instead of MkDocs",
        description="Write the site into --out with Zensical: the engine-neutral build "
        "(build --out), with mkdocs.yml's name, address, description and theme settings.",
    )
    common(found)
    found.add_argument("--out", type=Path, required=True, help="the site folder to write")
    found.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="site settings")
    found.add_argument(
        "--theme",
        type=Path,
        default=None,
        help="Zensical's theme layer (default: overrides-zensical beside mkdocs.yml's custom_dir)",
    )
    found.add_argument(
        "--previous-calendar",
        type=Path,
        default=None,
        metavar="FILE",
        help="as for build: the all-meetings feed as last published (default: the build's)",
    )
    found.add_argument(
        "--previous-changes",
        type=Path,
        default=None,
        metavar="FILE",
        help="as for build: the feed of what changed as last published (default: the build's)",
    )
    found.set_defaults(run=lambda args: run(args, build))
