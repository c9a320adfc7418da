"""The committee's quarterly metrics a–j, as entered; nothing here is derived."""

from __future__ import annotations

from generator.models.fields import Figure, LongText, Model, Quarter, ReviewMark, Slug, Text
from generator.vocabulary import DerivedCount, MetricKind


class Share(Model):
    """One category of a breakdown, e.g. `Female: 52`."""

    category: Text
    """The category as reported."""
    value: Figure
    """The figure for it."""


class Dimension(Model):
    """One dimension of a breakdown, e.g. gender."""

    dimension: Text
    """What is broken down, e.g. `Gender`."""
    shares: tuple[Share, ...]
    """The categories and their figures."""


class MetricValue(Model):
    """What was reported for one quarter. A quarter left out is 'not yet reported'."""

    quarter: Quarter
    """The calendar quarter, e.g. `2025-Q1` for January to March 2025."""
    value: Figure | None = None
    """The figure (counts, hours, scores)."""
    breakdown: tuple[Dimension, ...] = ()
    """For breakdown metrics: the figures by dimension."""
    note: LongText | None = None
    """Anything a reader needs to read the figure correctly."""


class Quoted(Model):
    """A sentence the metrics page quotes from a report or minutes, with where it is from."""

    text: LongText
    """The sentence as residents read it, e.g. `The report to the committee says …`."""
    source: Text
    """The document it comes from, for reviewers (not shown), e.g. `Report to the committee,
    March 2025, paragraph 12`."""


class MetricsNotes(Model):
    """What the metrics page says about the figures in the force's own documents' words.
    Each is optional: a page without one leaves that sentence out."""

    reported: Quoted | None = None
    """Introduces the reported figures, e.g. naming the plan they come from."""
    attendance: Quoted | None = None
    """Why attendance is monitored and not a target, as the force's report says."""
    time_of_day: Quoted | None = None
    """What the committee said about daytime and evening meetings."""
    engagement: Quoted | None = None
    """Introduces the engagement events, e.g. where they are listed."""


class Metric(Model):
    """One of the committee's metrics."""

    id: Slug
    """The letter in the report, `a` to `j`."""
    wording: Text
    """The metric's wording, exactly as in the report."""
    unit: Text
    """What the figures count, e.g. `meetings`, `hours`, `posts`."""
    kind: MetricKind = MetricKind.COUNT
    """`count`, `hours`, `score` or `breakdown`."""
    note: LongText | None = None
    """Context from the report, e.g. that a separate paper covers the topic."""
    counts: DerivedCount | None = None
    """`meetings-held` or `logs` when the data counts this metric too: figures that differ warn."""
    first_quarter: Quarter
    """The first quarter the force committed to report, e.g. `2025-Q1`: earlier ones are not due."""
    values: tuple[MetricValue, ...] = ()
    """Reported figures, one per quarter."""
    reviewed_personal_data: ReviewMark | None = None
    """Only after checking that text flagged as personal data is fine to publish: the line the
    message gives (`pd-` and ten letters and digits). It covers the text as it was checked."""
