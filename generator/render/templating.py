"""The one Jinja environment: autoescaped, strict about undefined names, with GOV.UK filters."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from generator import timefmt


@cache
def environment() -> Environment:
    """Every template renders through this environment, so staff text is always escaped."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        clock=timefmt.clock,
        day=timefmt.day,
        when=timefmt.when,
        month=timefmt.month,
        span=timefmt.span,
        quarter=timefmt.quarter,
    )
    return env


def render(template: str, **context: object) -> str:
    """Render ``templates/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)
