"""The whole site: every renderer, listed once and in order, and the one call that runs them.

Pelican's pattern: the dataset is complete and frozen before any renderer runs; renderers
are pure, so the adapters (MkDocs plugin, CLI) only decide where the bytes go.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from multiprocessing.sharedctypes import Synchronized
from queue import Empty

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
"""The dataset and configuration the forked helpers render (inherited, never pickled)."""


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
    """Every output, rendered here and by forked helper processes, in the serial order; None if
    not possible.

    This process renders too, beside one helper per other processor: each idle worker
    counts the whole inherited heap in the build's memory, and on 2 processors two
    workers beside an idle parent held three copies of the dataset's pages where two do
    the same work. Each process claims the next task of :data:`TASKS` (largest first)
    from a shared counter when it is free, so the two finish close together. The helpers
    inherit the frozen dataset by ``fork`` (nothing large is pickled) and send back their
    outputs, collected in :data:`TASKS` order, so the result is the same list the serial
    loop makes. A failure anywhere returns None: the serial loop then raises it again with
    its traceback, which locates the record for staff.
    """
    helpers = min(len(os.sched_getaffinity(0)), len(TASKS)) - 1
    if helpers < 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    global _job
    _job = (dataset, config)
    context = multiprocessing.get_context("fork")
    claimed = context.Value("i", 0)
    queue: Queue[tuple[int, list[Output] | None]] = context.Queue()
    processes: list[BaseProcess] = []
    done: dict[int, list[Output]] = {}
    # Frozen objects are skipped by the helpers' garbage collector: otherwise its first full
    # pass writes to every object they inherited, copying the whole dataset into each.
    # (A build that froze its dataset already keeps it frozen after rendering.)
    try:
        with collector_frozen():
            for _ in range(helpers):
                process = context.Process(target=_help, args=(claimed, queue), daemon=True)
                process.start()
                processes.append(process)
            while (index := _claim(claimed)) < len(TASKS):
                done[index] = _task(index)
            while len(done) < len(TASKS):
                index, outputs = _received(queue, processes)
                if outputs is None:
                    return None
                done[index] = outputs
        return [output for index in range(len(TASKS)) for output in done[index]]
    except Exception:  # re-raised by the serial loop, located at its record
        return None
    finally:
        _job = None
        for helper in processes:
            if helper.is_alive():
                helper.terminate()
            helper.join()
        queue.close()


def _claim(claimed: Synchronized[int]) -> int:
    """The index of the next task nobody has taken (``len(TASKS)`` once all are)."""
    with claimed.get_lock():
        index = claimed.value
        claimed.value = index + 1
    return index


def _received(
    queue: Queue[tuple[int, list[Output] | None]], processes: list[BaseProcess]
) -> tuple[int, list[Output] | None]:
    """A helper's next result; (-1, None) when one failed or ended without sending all."""
    while True:
        try:
            return queue.get(timeout=0.5)
        except Empty:
            if any(p.exitcode not in (None, 0) for p in processes):
                return -1, None
            if all(p.exitcode == 0 for p in processes) and queue.empty():
                return -1, None


def _help(claimed: Synchronized[int], queue: Queue[tuple[int, list[Output] | None]]) -> None:
    """A helper's life: render unclaimed tasks until none is left (None for a failed one)."""
    try:
        while (index := _claim(claimed)) < len(TASKS):
            queue.put((index, _task(index)))
    except Exception:
        queue.put((-1, None))
    queue.close()
    queue.join_thread()  # every result is in the pipe before the process ends


def _task(index: int) -> list[Output]:
    assert _job is not None, "only called while _in_parallel renders"
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
