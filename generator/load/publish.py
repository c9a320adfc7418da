"""The publish gate both adapters use: load the data and refuse anything that may not go out."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.clock import build_date
from generator.load import dataset as dataset_module
from generator.load.advisories import advisories, blocking_only
from generator.load.clean import Memo
from generator.load.dataset import Dataset, FileCache
from generator.load.errors import DataError, Problem
from generator.load.marks import forget_positions
from generator.load.personal_problems import personal_problems


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


_TRIM = _malloc_trim()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the data loads, as it was after.

    Loading only makes objects that stay alive (positions, models, the dataset), so each
    of the collector's passes over the growing heap finds nothing to free: at region
    scale they were a fifth of the loading time. Reference counting still frees the rest.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class FrozenHeap:
    """The objects a one-shot build keeps, left out of the cyclic collector's passes.

    After loading, the collector's full passes over the dataset (and later the outputs)
    find nothing to free, yet they cost three times what they cost with the dataset
    frozen. Frozen objects are still freed when their last reference goes; only cycles
    among them wait for :meth:`thaw`. So a long-running preview, whose datasets come and
    go, should not freeze; a build thaws when it ends, so an in-process caller's next
    build starts with everything in the collector's sight again.
    """

    thaws: bool = False
    """Whether :meth:`thaw` unfreezes: nothing else had frozen objects before the first freeze."""

    def freeze(self) -> None:
        """Leave every object alive now out of the collector's passes, until :meth:`thaw`;
        give the memory freed so far back to the system (:meth:`give_back`)."""
        self.thaws = self.thaws or gc.get_freeze_count() == 0
        gc.freeze()
        self.give_back()

    @staticmethod
    def give_back() -> None:
        """Return the C allocator's free pages to the system (glibc's ``malloc_trim``).

        glibc keeps what Python freed (the parser's events, a page's text once written) for
        later allocations, so a build that has passed its peak still holds it while the
        search indexer, another process, reaches its own: at the largest scale about 300 MB
        of the main process was such free memory. Dask trims its workers the same way.
        Elsewhere than glibc this does nothing.
        """
        if _TRIM is not None:
            _TRIM(0)

    def thaw(self) -> None:
        """Put the frozen objects back in the collector's sight (if this heap froze them first)."""
        if self.thaws:
            self.thaws = False
            gc.unfreeze()


@contextmanager
def collector_frozen() -> Iterator[FrozenHeap]:
    """A block whose :class:`FrozenHeap` thaws when it ends; what is alive on entry is frozen."""
    heap = FrozenHeap()
    heap.freeze()
    try:
        yield heap
    finally:
        heap.thaw()


def load(
    data_dir: Path,
    *,
    label: str = "data",
    today: date | None = None,
    cache: FileCache | None = None,
    memo: Memo | None = None,
) -> Dataset:
    """Load like :func:`generator.load.dataset.load`; on errors, report personal data with them.

    The files that parsed are scanned too, so staff fix everything in one round. A
    ``cache`` keeps unchanged files' parsed results between loads (a preview's), and a
    ``memo`` which records passed their own rules.
    """
    with collector_paused():
        parsed = dataset_module.read(data_dir, label, cache)
        try:
            return dataset_module.check(parsed, today or build_date(), memo)
        except DataError as error:
            raise DataError([*error.problems, *personal_problems(parsed.sources)]) from None


def load_publishable(data_dir: Path, *, label: str = "data", today: date | None = None) -> Dataset:
    """Load like :func:`generator.load.dataset.load`, and also raise on blocking advisories.

    When the data has errors, personal data is reported with them.
    """
    return load_with_notices(data_dir, label=label, today=today)[0]


def load_with_notices(
    data_dir: Path,
    *,
    label: str = "data",
    today: date | None = None,
    cache: FileCache | None = None,
    notices: bool = True,
    memo: Memo | None = None,
) -> tuple[Dataset, tuple[Problem, ...]]:
    """:func:`load_publishable` and the advisories that do not stop publishing, in one pass.

    The advisories (the personal-data scan among them) are a tenth of a large build, so an
    adapter that shows the notices gets them from the same pass that checked for blocking ones.
    Without ``notices`` only the blocking ones are looked for (and none are returned).
    """
    data = load(data_dir, label=label, today=today, cache=cache, memo=memo)
    if not notices:
        stop = blocking_only(data)
        if stop:
            raise DataError(stop)
        return data, ()
    found = advisories(data)
    if cache is None:  # a one-shot load: later problems (a rendering bug) are rare
        forget_positions(data.sources)
    stop = tuple(a.problem for a in found if a.blocking)
    if stop:
        raise DataError(stop)
    return data, tuple(a.problem for a in found if not a.blocking)
