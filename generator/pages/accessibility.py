"""The accessibility statement, in the order of GOV.UK's model statement, from publisher.yaml.

What the generator itself does (the known limits, the checks every build runs) is written
here once for every force; the force's own facts (contact, reply time, enforcement body,
audit and dates) come from `accessibility:` in publisher.yaml. A fact not given yet is shown
as a marked placeholder, which `placeholders --strict` refuses before a deploy.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from markupsafe import Markup

from generator import timefmt
from generator.load.dataset import Dataset
from generator.models.accessibility import AccessibilityStatement, Placeholder
from generator.pages.context import page
from generator.render import urls
from generator.render.outputs import Output, SiteConfig
from generator.vocabulary import Compliance, Enforcement

UNSET = AccessibilityStatement.model_validate(
    {
        "email": "[accessibility contact email to be set by the force]",
        "reply_days": "[number of days to be set by the force]",
        "enforcement": "[enforcement body to be set by the force]",
        "compliance": "[compliance status to be set by the force after a manual audit]",
        "prepared": "[date to be set by the force]",
        "reviewed": "[date to be set by the force]",
        "tested": "[date to be set by the force]",
        "tested_by": "[organisation to be set by the force]",
    }
)
"""What the statement shows while publisher.yaml has no `accessibility:` at all."""


def fill(value: object) -> object:
    """A fact for the page: a placeholder marked as one, a date in GOV.UK style."""
    if isinstance(value, Placeholder):
        return Markup('<span class="placeholder">{}</span>').format(value)
    if isinstance(value, date):
        return timefmt.day(value, weekday=False)
    return value


def statement_page(dataset: Dataset, config: SiteConfig) -> Output:
    """The page at ``accessibility/``."""
    return page(
        urls.ACCESSIBILITY,
        "Accessibility statement",
        "accessibility.html",
        dataset=dataset,
        config=config,
        facts=dataset.publisher.accessibility or UNSET,
        fill=fill,
        Compliance=Compliance,
        Enforcement=Enforcement,
    )


def render(dataset: Dataset, config: SiteConfig) -> Iterator[Output]:
    """The accessibility statement."""
    yield statement_page(dataset, config)
