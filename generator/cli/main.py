"""Command line: ``python -m generator check|build``, usable without MkDocs."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator.cli import output
from generator.cli import placeholders as placeholder_commands
from generator.cli import postcodes as postcodes_command
from generator.cli import staff as staff_commands
from generator.cli import zensical as zensical_command
from generator.cli.annotations import github_annotations
from generator.clock import BadEpoch, build_time
from generator.engines.handwritten import HandWritten, clash, files, read_docs
from generator.engines.manifest import MANIFEST, manifest, pages
from generator.engines.navigation import GUIDANCE, PANELS_IN_NAV
from generator.load import published, published_changes
from generator.load.errors import DataError
from generator.load.publish import FrozenHeap, collector_frozen, load_publishable
from generator.render.handwritten import UnknownPlaceholder, worded
from generator.render.outputs import Kind, Output, SiteConfig
from generator.review import current_schema
from generator.search.pagefind import FOLDER, write_index
from generator.search.records import Record, page_record, records
from generator.site import render_all

DEFAULT_SITE_URL = "https://example.github.io/cluster-panels/"


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        data = load_publishable(args.data, label=args.label)
    except DataError as error:
        print(error.report("nothing was published"), file=sys.stderr)
        if args.format == "github":
            print("\n".join(github_annotations(error.lines(), "error", "Data check")))
        return 1
    seconds = time.perf_counter() - started
    if args.editor_schemas is not None:
        current_schema.write(args.editor_schemas, data)
    print(
        f"OK: {len(data.panels)} panels, {len(data.venues)} venues, "
        f"{len(data.meetings)} meetings, "
        f"{len(data.actions)} actions, {len(data.events)} engagement events, "
        f"{len(data.metrics)} metrics checked in {seconds:.2f} s"
    )
    return 0


def _build(args: argparse.Namespace) -> int:
    refused = output.refusal(args.out, args.data)
    if refused:
        print(f"error: {refused}; nothing was written.", file=sys.stderr)
        return 2
    with collector_frozen() as heap:
        return _load_and_write(args, heap)


def _load_and_write(args: argparse.Namespace, heap: FrozenHeap) -> int:
    try:
        data = load_publishable(args.data, label=args.label)
        heap.freeze()  # the dataset lives until the build ends: no collector passes over it
        words = data.publisher.wording
        name = worded(args.site_name, words, markdown=False) if args.site_name else None
        name = name or data.publisher.default_site_name()
        about = (
            worded(args.site_description, words, markdown=False) if args.site_description else None
        )
        previous = published.given(args.previous_calendar, os.environ)
        before = published_changes.given(args.previous_changes, os.environ)
        config = SiteConfig(
            args.site_url, name, build_time(), args.custom_templates, previous, before
        )
        outputs = render_all(data, config)
        heap.freeze()
    except (published.PreviousError, published_changes.PreviousChangesError) as error:
        print(f"error: {error}; {args.out} was left as it was.", file=sys.stderr)
        return 1
    except DataError as error:
        print(error.report(f"{args.out} was left as it was"), file=sys.stderr)
        if args.format == "github":
            print("\n".join(github_annotations(error.lines(), "error", "Build")))
        return 1
    try:
        docs = read_docs(args.docs, words) if args.docs else []
        copied = files(args.docs, words) if args.docs else {}
    except UnknownPlaceholder as error:
        print(f"error: {args.docs}: {error}; {args.out} was left as it was.", file=sys.stderr)
        return 1
    taken = clash(docs, (p for p in copied if not p.endswith(".md")), (o.path for o in outputs))
    if taken is not None:
        print(
            f"error: {args.docs.as_posix()}/{taken} has the same address as a generated page "
            f"or file: remove or rename it; {args.out} was left as it was.",
            file=sys.stderr,
        )
        return 1
    search = sorted([*records(data), *_page_records(outputs, docs)], key=lambda r: r.url)
    listed = pages(outputs, docs, args.not_in_nav, len(data.panels) <= PANELS_IN_NAV)
    written = {**copied, **{o.path: o.content for o in outputs}}
    written[MANIFEST] = manifest(
        config, about, listed, FOLDER, len(search), words.model_dump(mode="json")
    )
    try:
        output.write_tree(
            written,
            args.out,
            also=lambda staging: write_index(search, staging / FOLDER),
        )
    except OSError as error:  # a full disk, no permission: the previous output is kept
        reason = error.strerror or str(error)
        print(
            f"error: could not write {args.out} ({reason}); it was left as it was.", file=sys.stderr
        )
        return 1
    wrote = len(outputs) + len(copied)
    print(f"Wrote {wrote} files and a search index of {len(search)} records to {args.out}")
    return 0


def _page_records(outputs: Sequence[Output], docs: Sequence[HandWritten]) -> list[Record]:
    """Search records of the pages that read as guidance, as the MkDocs plugin indexes them."""
    found = [page_record("/" + d.url, d.title, d.body_html) for d in docs if d.searchable]
    for o in outputs:
        url = o.path.removesuffix("index.md")
        if o.kind is Kind.PAGE and url in GUIDANCE:
            found.append(page_record("/" + url, o.title or "", o.content.decode()))
    return found


def parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per task."""
    main = argparse.ArgumentParser(
        prog="python -m generator",
        description="Publish a police force's panel meetings, actions and metrics.",
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--data", type=Path, default=Path("data"), help="data folder (default: data)"
        )
        sub.add_argument("--label", default=None, help="how to name the data folder in messages")
        sub.add_argument(
            "--format",
            choices=("text", "github"),
            default="text",
            help="github: also print each problem as a GitHub workflow annotation",
        )

    check = commands.add_parser(
        "check",
        help="validate the data; exit 1 listing every problem",
        description="Validate every data file. Prints one problem per line "
        "as file:line:column: where: what — fix, and exits 1 if any.",
    )
    common(check)
    check.add_argument(
        "--editor-schemas",
        type=Path,
        default=None,
        metavar="CHECKOUT",
        help="when the data is valid, also write the editor's schemas with its current ids "
        f"into CHECKOUT/{current_schema.FOLDER.as_posix()} and the workspace file "
        f"CHECKOUT/{current_schema.WORKSPACE} that maps them (both git-ignored)",
    )
    check.set_defaults(run=_check)
    build = commands.add_parser(
        "build",
        help="write every generated file without MkDocs",
        description="Validate, then write the generated pages (Markdown with "
        "HTML bodies), calendar feeds and open data into --out.",
    )
    common(build)
    build.add_argument(
        "--out",
        type=Path,
        required=True,
        help="folder to write: new, empty, or a previous build (replaced whole)",
    )
    build.add_argument(
        "--site-url", default=DEFAULT_SITE_URL, help="absolute URL the site is served at"
    )
    build.add_argument(
        "--site-name",
        default=None,
        help="default: the force's name and its panels' name (publisher.yaml)",
    )
    build.add_argument(
        "--site-description",
        default=None,
        help="the description of pages without their own (as mkdocs.yml's site_description)",
    )
    build.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="hand-written pages and files (e.g. docs): copied into --out and listed in "
        "the navigation, sitemap and search",
    )
    build.add_argument(
        "--not-in-nav",
        action="append",
        default=[],
        metavar="PATTERN",
        help="a hand-written page kept out of the navigation (as mkdocs.yml's not_in_nav)",
    )
    build.add_argument(
        "--custom-templates",
        type=Path,
        default=None,
        metavar="DIR",
        help="the force's own templates, searched before the package's (as the plugin's "
        "custom_templates): copy one from generator/render/templates and change it",
    )
    build.add_argument(
        "--previous-calendar",
        type=Path,
        default=None,
        metavar="FILE",
        help="the all-meetings feed as last published: each calendar entry that changed "
        f"gets a higher change number (default: ${published.ENVIRONMENT}, else none)",
    )
    build.add_argument(
        "--previous-changes",
        type=Path,
        default=None,
        metavar="FILE",
        help="the feed of what changed (changes.atom) as last published, which the new feed "
        f"adds to (default: ${published_changes.ENVIRONMENT}, else it starts empty)",
    )
    build.set_defaults(run=_build)
    staff_commands.add(commands, common)
    placeholder_commands.add(commands, common)
    postcodes_command.add(commands)
    zensical_command.add(commands, common, _build)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    if args.label is None:
        args.label = args.data.as_posix().rstrip("/")
    try:
        code: int = args.run(args)
    except BadEpoch as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return code
