"""A YAML reader that cannot be fooled: every scalar stays a string.

PyYAML's own loaders resolve types the YAML 1.1 way (``18:30`` is 1110, ``no``
is False) and silently keep the last of two duplicate keys. Here we drive the
libyaml event parser ourselves and build plain ``dict``/``list``/``str`` trees,
so the models decide every type, and we can refuse what staff never need:
anchors, aliases, merge keys, tags, several documents, deep nesting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import yaml

from generator.load import explain, safe_read, separators
from generator.load.errors import DataError, Loc, Problem
from generator.load.located import Loaded, PlainScalar
from generator.load.marks import MarkOrder, Marks

# libyaml is in every wheel we pin; the pure-Python parser gives the same events, slower.
_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 64 * 1024 * 1024
"""Room for the largest force (650 panels, 40,000 actions: about 17 MB) several times over."""
MAX_VALUES = 4_000_000
"""Keys, values and list items in one file: four times the largest force's actions file
(about 970,000); with the byte limit, a bound on the time a runaway file can take."""
MAX_SCALAR = 20_000
"""Characters in one value, about 3,000 words: longer text belongs in a linked document."""
MAX_DEPTH = 32
"""The deepest real data file nests about 6 levels."""
_TOO_LARGE = f"the file is larger than {MAX_BYTES // 2**20} MB"
_SPLIT = "split it or remove what does not belong"

_RESOLVER = yaml.resolver.Resolver()
_READS_AS = {
    f"tag:yaml.org,2002:{tag}": reads_as
    for tag, reads_as in (
        ("bool", "a true/false value"),
        ("int", "a number"),
        ("float", "a number"),
        ("null", "an empty value"),
        ("timestamp", "a date"),
    )
}
_DIGITS = re.compile(r"[-+]?[0-9]+")
_FIRSTS = _RESOLVER.yaml_implicit_resolvers  # candidate types by first character; None: any
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NODES = (_SCALAR, _ALIAS, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _scalar(event: Any) -> str:
    text: str = event.value
    # Most text starts with a character no implicit type can start with: skip the regexes.
    if text and event.style in (None, "") and (text[0] in _FIRSTS or None in _FIRSTS):
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
        if tag in _READS_AS:
            return PlainScalar(text, _READS_AS[tag])
        # YAML 1.2 (every editor) reads `02076012222` as a number too; YAML 1.1 does not.
        if _DIGITS.fullmatch(text):
            return PlainScalar(text, "a number")
    return text


class _Builder:
    """Turns the event stream into a tree; iterative, so depth cannot overflow."""

    def __init__(self, file: str) -> None:
        self.marks = MarkOrder()
        values, keys = Marks(self.marks, keys=False), Marks(self.marks, keys=True)
        self.loaded = Loaded(file, None, values, keys)
        self.pending: list[tuple[Loc, tuple[int, int], str, str]] = []
        # Each frame: [container, loc, pending key or None, first line of each key]
        self.stack: list[list[Any]] = []
        self.documents = self.values = 0
        self.reported: set[tuple[str, int]] = set()  # one anchor/alias problem per line, for bombs

    def fail(self, loc: Loc, mark: tuple[int, int], what: str, fix: str) -> None:
        self.pending.append((loc, mark, what, fix))

    def stop(self, mark: tuple[int, int], what: str, fix: str) -> NoReturn:
        """A size limit was passed: stop at once rather than keep building."""
        raise DataError([Problem(self.loaded.file, *mark, "", what, fix)])

    def child_loc(self) -> Loc | None:
        """Where the next value goes; None while a mapping is waiting for a key."""
        if not self.stack:
            return ()
        container, loc, key, _ = self.stack[-1]
        if isinstance(container, list):
            return (*loc, len(container))
        return None if key is None else (*loc, key)

    def add(self, value: Any, mark: tuple[int, int], event: Any) -> None:
        if not self.stack:
            self.loaded.value = value
            self.marks.value(mark)
            return
        frame = self.stack[-1]
        container, _, key, _ = frame
        if isinstance(container, list):
            self.marks.value(mark)
            container.append(value)
        elif key is None:
            self._take_key(frame, value, mark, event)
        else:
            self.marks.value(mark)
            container[key] = value
            frame[2] = None

    def _take_key(self, frame: list[Any], key: Any, mark: tuple[int, int], event: Any) -> None:
        _, loc, _, seen = frame
        if not isinstance(key, str) or not isinstance(event, yaml.ScalarEvent):
            self.fail(loc, mark, "a key must be a plain word", "write keys as `name:`")
            key = f"\0complex{len(seen)}"
        elif key == "<<" and event.style in (None, ""):
            self.fail(
                loc,
                mark,
                "merge keys (`<<:`) are not allowed",
                "copy the fields you need into this entry",
            )
        found = explain.pasted(key) if isinstance(key, str) else None
        if found:
            self.fail(loc, (mark[0], mark[1] + found[0]), found[1], found[2])
        if key in seen and self._missing_dash(frame, key, mark):
            key = f"\0dup{mark}"
        elif key in seen:
            self.fail(
                (*loc, key),
                mark,
                f"the key `{key}` appears twice (first at line {seen[key]})",
                f"keep one `{key}:` and delete the other",
            )
            key = f"\0dup{mark}"
        seen[key] = mark[0]
        self.marks.key(mark)
        frame[2] = key

    def _missing_dash(self, frame: list[Any], key: str, mark: tuple[int, int]) -> bool:
        """Whether a repeated key is a new list entry that lost its ``- `` (reported once)."""
        _, loc, _, seen = frame
        parent = self.stack[-2][0] if len(self.stack) > 1 else None
        if not isinstance(parent, list) or "\0dash" in seen:
            return "\0dash" in seen
        if key != next(iter(seen)):
            return False
        seen["\0dash"] = mark[0]
        first = seen[key]
        self.fail(
            loc,
            mark,
            f"a new entry starts here without its `- ` (the entry above already has `{key}:`, "
            f"at line {first})",
            f"write `- ` before `{key}:`, lined up with the `- ` of the entry above",
        )
        return True

    def start(self, container: Any, mark: tuple[int, int], event: Any) -> None:
        loc = self.child_loc()
        if loc is None:
            self.fail(
                self.stack[-1][1], mark, "a key must be a plain word", "write keys as `name:`"
            )
            loc = (*self.stack[-1][1], f"\0complex{mark}")
        self.add(container, mark, event)
        if len(self.stack) >= MAX_DEPTH:
            self.stop(
                mark,
                f"the data nests deeper than {MAX_DEPTH} levels",
                "flatten it: real entries nest only a few levels",
            )
        self.stack.append([container, loc, None, {}])

    def refuse(self, event: Any, mark: tuple[int, int]) -> None:
        """Refuse anchors, aliases and tags (`!`, `!!str`, `!!python/...`): none means anything."""
        loc = self.child_loc() or (self.stack[-1][1] if self.stack else ())
        what = "aliases (`*name`)" if type(event) is _ALIAS else "anchors (`&name`)"
        if event.anchor is not None and (what, mark[0]) not in self.reported:
            self.reported.add((what, mark[0]))
            self.fail(loc, mark, f"{what} are not allowed", "write the value out in full")
        tag = getattr(event, "tag", None)
        if tag is not None:
            short = tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(
                loc,
                mark,
                f"tags such as `{short}` are not allowed",
                "remove the `!` tag and write the plain value",
            )

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind in _ENDS:
            self.stack.pop()
            return
        mark = event.start_mark.line + 1, event.start_mark.column + 1
        if kind in _NODES:
            self.values += 1
            if self.values > MAX_VALUES:
                self.stop(mark, f"the file holds more than {MAX_VALUES:,} values", _SPLIT)
            if event.anchor is not None or (kind is not _ALIAS and event.tag is not None):
                self.refuse(event, mark)
        if kind is _SCALAR:
            if len(event.value) > MAX_SCALAR:
                self.fail(
                    self.child_loc() or (self.stack[-1][1] if self.stack else ()),
                    mark,
                    f"the value is {len(event.value):,} characters long, "
                    f"more than the {MAX_SCALAR:,} allowed",
                    "shorten it, or publish the full text as a document and link to it",
                )
            self.add(_scalar(event), mark, event)
        elif kind is _ALIAS:
            self.add("", mark, event)
        elif kind is yaml.MappingStartEvent:
            self.start({}, mark, event)
        elif kind is yaml.SequenceStartEvent:
            self.start([], mark, event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    (),
                    mark,
                    "the file holds more than one YAML document",
                    "remove the `---` line and keep one document",
                )


def _unreadable(file: str, text: str, error: Exception) -> Problem:
    """The problem behind a parser exception, at its line."""
    if isinstance(error, (yaml.reader.ReaderError, UnicodeEncodeError)):
        # libyaml counts UTF-8 bytes, with no line; a lone surrogate (from Python) cannot encode.
        at = (
            error.start
            if isinstance(error, UnicodeEncodeError)
            else len(text.encode("utf-8", "replace")[: error.position].decode("utf-8", "ignore"))
        )
        code = ord(text[at]) if at < len(text) else 0
        return Problem(
            file,
            *_line_col(text, at),
            "",
            f"the file holds the control character U+{code:04X}, which YAML does not allow",
            "delete it: retype the line",
        )
    assert isinstance(error, yaml.MarkedYAMLError)
    # An unclosed quote is noticed only at the end of the file: point at where it opens.
    unclosed = error.context == "while scanning a quoted scalar" and error.context_mark
    mark = (error.context_mark if unclosed else error.problem_mark) or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = f"this is not valid YAML ({error.problem or error.context or 'unreadable'})"
    fix = "check the indentation, colons and quotes on this line and the one above"
    if unclosed:
        what, fix = "this quoted value has no closing quote", "add the quote at its end"
    opened = error.context_mark
    plain = explain.syntax(
        text.splitlines(),
        line,
        col,
        str(error.problem or ""),
        error.context,
        (opened.line + 1, opened.column + 1) if opened else None,
    )
    if plain and not unclosed:
        line, col, what, fix = plain
    return Problem(file, line, col, "", what, fix)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the character at ``offset``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _whole_file(file: str, what: str, fix: str = _SPLIT, line: int = 1) -> DataError:
    return DataError([Problem(file, line, 0 if line == 0 else 1, "", what, fix)])


def parse(text: str, file: str) -> Loaded:
    """Parse YAML ``text`` (shown to staff as ``file``) into a :class:`Loaded` tree.

    Raises :class:`DataError` listing every problem found; problems that do not stop the
    tree being read (a line separator) are kept in :attr:`Loaded.problems` instead.
    """
    if len(text) > MAX_BYTES:
        raise _whole_file(file, _TOO_LARGE)
    text, hidden = separators.hide(text, file)
    try:
        loaded = _parse(text, file)
    except DataError as error:
        raise DataError([*error.problems, *hidden]) from None
    loaded.problems.extend(hidden)  # reported with the validation's own problems
    return loaded


def _parse(text: str, file: str) -> Loaded:
    builder = _Builder(file)
    try:
        for event in yaml.parse(text, Loader=_Parser):
            builder.feed(event)
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError, UnicodeEncodeError) as error:
        raise DataError([_unreadable(file, text, error)]) from None
    loaded = builder.loaded
    builder.marks.tree = loaded.value
    if builder.documents == 0 or loaded.value is None or loaded.value == "":
        raise _whole_file(
            file, "the file is empty", "start it with its top-level key, as in the example data"
        )
    if builder.pending:
        raise DataError(
            Problem(file, *mark, loaded.where(loc), what, fix)
            for loc, mark, what, fix in builder.pending
        )
    return loaded


def read(path: Path, file: str | None = None) -> Loaded:
    """Read and parse a UTF-8 YAML file; ``file`` is the name used in messages.

    At most the size limit (plus one byte, to know it is passed) is read, and only from a
    regular file: a link to ``/dev/zero`` or a pipe is refused before anything is read.
    """
    name = file or str(path)
    return parse(read_text(path, name), name)


def read_text(path: Path, file: str) -> str:
    """The text of a UTF-8 file, read as :func:`read` reads it (``file`` names it in messages)."""
    try:
        raw = safe_read.read_at_most(path, MAX_BYTES + 1)
    except safe_read.Unreadable as error:
        raise _whole_file(file, error.what, error.fix, 0) from None
    if len(raw) > MAX_BYTES:
        raise _whole_file(file, _TOO_LARGE)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _whole_file(
            file,
            "the file is not UTF-8 text",
            "save it as UTF-8 (the editor's encoding menu)",
            raw[: error.start].count(b"\n") + 1,
        ) from None


def plain(value: Any) -> Any:
    """The tree with every :class:`PlainScalar` turned back into ``str`` (for diffs, JSON)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return str(value) if isinstance(value, str) else value
