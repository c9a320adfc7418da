"""A theme's page frame, rendered once for the many pages that share it, then filled in.

A theme's page template (MkDocs' ``main.html``) writes the same navigation, header and
footer around every page that sits at the same depth outside the navigation; only a few
values are the page's own: its title, body, address, description and sharing tags.
:class:`Frames` renders the template once with *probes* in place of those values: strings
that print as a sentinel and answer every question the template asks of them
(``"<h1" in page.content``, ``page.title | d(...)``) as the real value would, writing
the question down. The output is split at the sentinels into a :class:`Frame`; another
page takes that frame only when it gives the same answers, reaches the same values
outside the probes, and gets the same links from the theme's link filters, and its
values are then put in the sentinels' places (escaped as the template escaped them).

Nothing here knows the theme: a template that uses a value in a way the frame cannot
follow (slices it, hashes it, calls its methods, prints it transformed) makes no frame,
and the page is rendered as usual. The first page to take a new frame is rendered both
ways and the frame kept only if the bytes agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context

from generator.engines.probes import ASKED, Notes, Probe, Reach, reach, same, split

Context = dict[str, Any]
Render = Callable[[Context], str]
MOST_FRAMES = 32
"""Frames made in one build, those given up included: past it, pages are rendered as usual
(each new frame costs a rendering, each failed one too)."""


def _shape(value: dict[Any, Any]) -> list[tuple[Any, Any]]:
    """A probed dict without its texts: its keys, and its other values."""
    return [(k, None if isinstance(v, str) else v) for k, v in value.items()]


@dataclass
class Frame:
    """A rendered page with holes where each page's own values go."""

    pieces: list[str | tuple[tuple[str, ...], Callable[[str], str]]]
    slots: list[tuple[str, ...]]
    """Where each slot's value is found: a context key, then attributes or keys."""
    keys: frozenset[str]
    fixed: dict[str, Any]
    """The context's values outside the page and its probed text, as they must be."""
    shapes: dict[tuple[str, ...], list[tuple[Any, Any]]]
    notes: Notes
    trusted: bool = False

    def fill(self, values: Mapping[tuple[str, ...], str]) -> str:
        """The page with ``values`` (by slot path) in their places."""
        return "".join(p if isinstance(p, str) else p[1](values[p[0]]) for p in self.pieces)


class Frames:
    """The frames of one build: :meth:`render` gives each page's bytes, framed when it can be.

    ``render_page`` is the theme's own rendering of a context; ``filters`` the template
    environment's filters, of which ``linking`` name those that read the page from the
    context (links relative to it): a framed page must get the same links from them.
    ``probed`` names the page's attributes and ``probed_context`` the context's keys that
    hold the page's own text (strings, or dicts of them).
    """

    def __init__(
        self,
        render_page: Render,
        filters: dict[str, Callable[..., Any]],
        linking: tuple[str, ...],
        probed_context: frozenset[str] = frozenset(),
    ) -> None:
        self.render_page = render_page
        self.filters = filters
        self.linking = {name: filters[name] for name in linking if name in filters}
        self.probed = frozenset({"title", "content", "canonical_url", "meta"})
        self.probed_context = probed_context
        self.frames: list[Frame] = []
        self.failed = 0
        """Frames the template could not give, or that gave other bytes than it."""
        self.framed = 0
        """Pages written from a frame, for the log."""

    def render(self, context: Context) -> str:
        """The page of ``context``, byte for byte as ``render_page`` writes it."""
        values = dict(self._values(context))
        for frame in self.frames:
            if self._fits(frame, context, values):
                framed = frame.fill(values)
                if frame.trusted:
                    self.framed += 1
                    return framed
                page = self.render_page(context)
                frame.trusted = page == framed
                if not frame.trusted:
                    self.frames.remove(frame)
                    self.failed += 1
                return page
        page = self.render_page(context)
        if len(self.frames) + self.failed < MOST_FRAMES:
            made = self._frame(context)
            if made is None:
                self.failed += 1
            else:
                self.frames.append(made)
        return page

    def _values(self, context: Context) -> Iterator[tuple[tuple[str, ...], str]]:
        """Each probed text of ``context``, by its path."""
        page = context.get("page")
        for name in sorted(self.probed):
            yield from _texts(("page", name), getattr(page, name, None))
        for key in sorted(self.probed_context):
            yield from _texts((key,), context.get(key))

    def _dicts(self, context: Context) -> Iterator[tuple[tuple[str, ...], dict[Any, Any]]]:
        """Each probed dict of ``context``, by its path."""
        page = context.get("page")
        for name in sorted(self.probed):
            value = getattr(page, name, None)
            if isinstance(value, dict):
                yield ("page", name), value
        for key in sorted(self.probed_context):
            if isinstance(context.get(key), dict):
                yield (key,), context[key]

    def _fits(self, frame: Frame, context: Context, values: Mapping[tuple[str, ...], str]) -> bool:
        if context.keys() != frame.keys or values.keys() != set(frame.slots):
            return False
        if not all(same(v, context.get(k)) for k, v in frame.fixed.items()):
            return False
        if {path: _shape(d) for path, d in self._dicts(context)} != frame.shapes:
            return False
        page, notes, slots = context["page"], frame.notes, frame.slots
        if not all(same(v, reach(page, p[1:])) for p, v in notes.reached.items()):
            return False
        if not all(ASKED[op](values[slots[i]], *a) == r for i, op, a, r in notes.asked):
            return False
        return all(self.linking[f](context, v) == out for f, v, out in notes.links)

    def _frame(self, context: Context) -> Frame | None:
        """The frame of ``context``'s page, or None when its template can't be framed."""
        notes = Notes()
        values = list(self._values(context))
        slots = [path for path, _ in values]
        notes.probes = {path: Probe(real, i, notes) for i, (path, real) in enumerate(values)}
        dicts = dict(self._dicts(context))
        for path, value in dicts.items():
            notes.probes[path] = {k: notes.probes.get((*path, k), v) for k, v in value.items()}
        probing = dict(context)
        probing["page"] = Reach(context["page"], ("page",), notes, self.probed)
        probing.update({p[0]: notes.probes[p] for p in dicts if len(p) == 1})
        try:
            with _recording(self.filters, self.linking, notes, context):
                rendered = self.render_page(probing)
        except Exception:  # a Refused, or the template tripping over a stand-in
            return None  # the page itself rendered: only its frame is given up
        pieces = None if notes.refused else split(rendered, slots)
        if pieces is None:
            return None
        fixed = {k: v for k, v in context.items() if k != "page" and (k,) not in dicts}
        shapes = {path: _shape(value) for path, value in dicts.items()}
        return Frame(pieces, slots, frozenset(context), fixed, shapes, notes)


def _texts(path: tuple[str, ...], value: Any) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key in sorted(k for k in value if isinstance(k, str)):
            if isinstance(value[key], str):
                yield (*path, key), value[key]


class _recording:
    """The linking filters swapped for ones that note each link, answered for the real page."""

    def __init__(
        self,
        filters: dict[str, Callable[..., Any]],
        linking: Mapping[str, Callable[..., Any]],
        notes: Notes,
        context: Context,
    ) -> None:
        self.filters, self.linking, self.notes, self.context = filters, linking, notes, context

    def __enter__(self) -> None:
        for name, original in self.linking.items():

            def noting(_: Any, value: Any, original: Any = original, name: str = name) -> Any:
                if isinstance(value, Probe):
                    self.notes.refused = True
                result = original(self.context, value)
                self.notes.links.append((name, value, result))
                return result

            self.filters[name] = pass_context(noting)

    def __exit__(self, *_: object) -> None:
        self.filters.update(self.linking)


def add_template(env: Any, name: str, source: str) -> None:
    """Give the template environment ``env`` one more template, found before the theme's."""
    from jinja2 import ChoiceLoader, DictLoader

    env.loader = ChoiceLoader([DictLoader({name: source}), env.loader])


FRAMED = "cluster-panels-framed.html"
"""An empty template for pages written from a shared frame: the engine renders it, and the
page's bytes come from :meth:`Frames.render` afterwards."""


def theme_frames(env: Any, probed_context: frozenset[str]) -> Frames:
    """The frames of the theme's ``main.html`` in the template environment ``env`` (MkDocs'),
    which also learns the empty template :data:`FRAMED`.

    MkDocs' ``url`` and ``script_tag`` filters write links relative to the page.
    """
    add_template(env, FRAMED, "")
    main = env.get_template("main.html")
    return Frames(main.render, env.filters, ("url", "script_tag"), probed_context)


def frames_wanted(owner: object, events: Mapping[str, list[Any]], asked: bool) -> bool:
    """Whether pages may be written from frames: ``asked`` for, and no hook of the engine's
    page events (MkDocs' ``page_context``, ``post_page``) but ``owner``'s sees them, so none
    can tell a framed page from a rendered one."""
    hooks = [*events["page_context"], *events["post_page"]]
    return asked and all(getattr(h, "__self__", None) is owner for h in hooks)


class Framing:
    """One build's pages written from frames: the frames, and each such page's theme context.

    The engine renders such a page with the empty template :data:`FRAMED` (marked by
    :meth:`mark`), hands its context to :meth:`keep`, and :meth:`page` gives its bytes.
    """

    def __init__(self, probed_context: frozenset[str]) -> None:
        self.probed_context = probed_context
        """The context keys the page frame's probe may see vary (see :class:`Frames`)."""
        self.frames: Frames | None = None
        self.contexts: dict[str, Any] = {}
        """The context of each page being written from a frame, by source path."""

    def start(self, env: Any, wanted: bool) -> None:
        """A new build in the template environment ``env``; frames only when ``wanted``."""
        self.frames = theme_frames(env, self.probed_context) if wanted else None
        self.contexts = {}

    @staticmethod
    def mark(meta: MutableMapping[str, Any]) -> None:
        """Have the engine render a page of front matter ``meta`` with the empty template."""
        meta["template"] = FRAMED

    def keep(self, source: str, meta: MutableMapping[str, Any], context: Any) -> None:
        """Keep a marked page's ``context``; the theme then sees its own front matter."""
        if meta.get("template") == FRAMED:
            del meta["template"]
            self.contexts[source] = context

    def page(self, source: str, rendered: str) -> str:
        """The page's bytes: from its frame when it was kept, else as the engine ``rendered``."""
        context = self.contexts.pop(source, None)
        if context is None or self.frames is None:
            return rendered
        return self.frames.render(context)

    def summary(self) -> str | None:
        """How many pages were written from how many frames (None without frames)."""
        if self.frames is None:
            return None
        return f"{self.frames.framed} page(s) written from {len(self.frames.frames)} frame(s)"
