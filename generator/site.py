"""The whole site: every renderer, listed once and in order, and the one call that runs them.

Pelican's pattern: the dataset is complete and frozen before any renderer runs; renderers
are pure, so the adapters (MkDocs plugin, CLI) only decide where the bytes go.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace

from generator.feeds import changes, events
from generator.feeds import render as feeds
from generator.load.dataset import Dataset
from generator.load.origins import render_failure
from generator.load.publish import collector_frozen
from generator.metrics import page as metrics
from generator.opendata import render as opendata
from generator.pages import site as pages
from generator.render import templating
from generator.render.outputs import Output, Renderer, SiteConfig

RENDERERS: tuple[Renderer, ...] = (
    feeds.render,
    changes.render,
    metrics.render,
    opendata.render,
    pages.render,
)
"""Every renderer, in the order their outputs are produced."""
TASKS: tuple[Renderer, ...] = (
    feeds.render,
    changes.render,
    metrics.render,
    opendata.render,
    *(module.render for module in pages.MODULES),
)
""":data:`RENDERERS` with the pages split by module, largest first: the units run in parallel
(and the units a preview renders again, :mod:`generator.incremental`)."""
PARALLEL_FROM = 500
"""Meetings from which the renderers run in parallel processes (region scale and above).

Below it, starting the processes costs more than it saves."""
_job: tuple[Dataset, SiteConfig] | None = None
"""The dataset and configuration the forked workers render (inherited, never pickled)."""


def render_all(dataset: Dataset, config: SiteConfig) -> list[Output]:
    """All outputs, sorted by path; two renderers may not claim the same path.

    Raises :class:`~generator.load.errors.DataError` located at the record being rendered
    when a renderer fails, so staff see ``file:line:col``, never a traceback.
    """
    templating.search_first(config.templates)
    if config.revisions is None:
        config = replace(config, revisions=events.derived(dataset, config))
    try:
        produced = _produce(dataset, config)
    finally:  # the next render (another site, a test) starts from the package's templates
        templating.search_first(None)
    outputs: dict[str, Output] = {}
    for output in produced:
        if output.path in outputs:
            raise ValueError(f"two renderers produce {output.path}")
        outputs[output.path] = output
    return [outputs[path] for path in sorted(outputs)]


def _produce(dataset: Dataset, config: SiteConfig) -> list[Output]:
    produced = _in_parallel(dataset, config) if len(dataset.meetings) >= PARALLEL_FROM else None
    if produced is not None:
        return produced
    try:
        return [output for render in RENDERERS for output in render(dataset, config)]
    except Exception as error:  # any failure: reported at its record
        raise render_failure(error, records_by_file(dataset), dataset.sources) from error


def _in_parallel(dataset: Dataset, config: SiteConfig) -> list[Output] | None:
    """Every output, rendered by forked worker processes, in the serial order; None if not possible.

    The workers inherit the frozen dataset by ``fork`` (nothing large is pickled) and send
    back their outputs, collected in :data:`TASKS` order, so the result is the same list
    the serial loop makes. A failure in a worker returns None: the serial loop then raises
    it again with its traceback, which locates the record for staff.
    """
    workers = min(len(os.sched_getaffinity(0)), len(TASKS))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    global _job
    _job = (dataset, config)
    # Frozen objects are skipped by the workers' garbage collector: otherwise its first full
    # pass writes to every object the workers inherited, copying the whole dataset into each.
    # (A build that froze its dataset already keeps it frozen after the pool.)
    try:
        with collector_frozen():
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                return [output for part in pool.map(_task, range(len(TASKS))) for output in part]
    except Exception:  # re-raised by the serial loop below, located at its record
        return None
    finally:
        _job = None


def _task(index: int) -> list[Output]:
    assert _job is not None, "only called in a worker forked by _in_parallel"
    return list(TASKS[index](*_job))


def records_by_file(dataset: Dataset) -> dict[str, tuple[object, ...]]:
    """The dataset's records under their files' top-level keys."""
    return {
        "clusters": dataset.panels,
        "venues": dataset.venues,
        "meetings": dataset.meetings,
        "actions": dataset.actions,
        "events": dataset.events,
        "metrics": dataset.metrics,
        "civic_dates": dataset.civic_dates,
    }
