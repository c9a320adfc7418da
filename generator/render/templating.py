"""The one Jinja environment: autoescaped, strict about undefined names, with GOV.UK filters."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from generator import timefmt
from generator.models.accessibility import is_placeholder
from generator.models.publisher import Publisher, Wording, capital

_custom: Path | None = None
"""The force's own templates folder, searched first (set by :func:`search_first`)."""


def search_first(folder: Path | None) -> None:
    """Look for each template in ``folder`` before the package's own (None: the package's only).

    Like mkdocstrings' ``custom_templates``: a force copies one template, rewords or
    restyles it, and keeps every other one, without forking. It is a module setting, not
    a render argument, because :func:`generator.site.render_all` sets it once and the
    forked workers that render large sites inherit it.
    """
    global _custom
    _custom = folder


@cache
def environment(custom: Path | None = None) -> Environment:
    """Every template renders through this environment, so staff text is always escaped.

    The force's templates (``custom``) are searched first and get the same escaping.
    """
    package: BaseLoader = PackageLoader("generator.render", "templates")
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(custom), package]) if custom else package,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_one_line,
    )
    env.filters.update(
        clock=timefmt.clock,
        day=timefmt.day,
        when=timefmt.when,
        month=timefmt.month,
        span=timefmt.span,
        quarter=timefmt.quarter,
        capital=capital,
    )
    env.tests["placeholder"] = is_placeholder
    return env


def _one_line(value: object) -> object:
    """Staff text with its line breaks as character references (``&#10;``).

    Pages are HTML blocks inside Markdown files, and a blank line ends an HTML block: other
    engines would then read the rest of the text as Markdown. A referenced line break is the
    same white space to the browser, and never a blank line in the file.
    """
    if isinstance(value, str) and not isinstance(value, Markup) and "\n" in value:
        return Markup(escape(value).replace("\n", Markup("&#10;")))
    return value


def render(template: str, *, publisher: Publisher | None = None, **context: object) -> str:
    """Render ``templates/<template>`` with ``context``.

    The one place templates get the force's words: with a ``publisher`` they also receive it,
    its wording catalogue as ``words`` and ``log_name`` (the log's name, quoted as the force
    quotes it), so no template writes a force's noun itself.
    """
    if publisher is not None:
        words = publisher.wording
        context.update(
            publisher=publisher,
            words=words,
            log_name=lambda mark='"', start=False: _log_name(words, mark, start),
        )
    return environment(_custom).get_template(template).render(**context)


def _log_name(words: Wording, mark: str, start: bool) -> Markup:
    """The log's name for text (not attributes): the name escaped, the marks as typed."""
    name = escape(capital(words.log) if start else words.log)
    return Markup(f"{mark}{name}{mark}") if words.log_quoted else Markup(name)
