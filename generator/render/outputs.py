"""Every generated file of the site, as bytes in memory, from one frozen dataset.

Renderers are pure functions ``(Dataset, SiteConfig) -> Iterable[Output]``; the
MkDocs plugin and the CLI only decide where the bytes go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from generator.load.dataset import Dataset
from generator.load.published import Published, Revision
from generator.load.published_changes import PreviousChanges
from generator.models import Meeting


class Kind(StrEnum):
    """How an engine should treat an output."""

    PAGE = "page"
    """Markdown (with an HTML body from autoescaped templates) for the engine to render."""
    FILE = "file"
    """Published exactly as it is (feeds, downloads, scripts)."""


@dataclass(frozen=True)
class SiteConfig:
    """What renderers need to know about the site beyond the data."""

    site_url: str
    """Absolute base URL ending in ``/``, e.g. ``https://example.github.io/cluster-panels/``."""
    site_name: str
    """The site's name, used in feed names."""
    built: datetime
    """The build instant (from SOURCE_DATE_EPOCH when set)."""
    templates: Path | None = None
    """The force's own templates folder (``custom_templates``), searched before the package's."""
    previous: Published | None = None
    """The calendar entries as last published, by meeting id, which change numbers rise from.

    None when there is none to compare with (a preview, a site never published): then
    the numbers are those typed in old data, else 0.
    """
    previous_changes: PreviousChanges | None = None
    """The feed of what changed as last published (its entries and seen keys), which the
    new feed adds to; None when there is none (then the feed starts empty)."""
    revisions: Mapping[str, Revision] | None = None
    """Each meeting's derived change number and date, by id: set by ``render_all`` from
    :attr:`previous`, so pages, downloads and feeds all say the same."""

    def revision(self, meeting: Meeting) -> Revision:
        """``meeting``'s change number and date: derived if known, else as typed in old data."""
        derived = self.revisions.get(meeting.id) if self.revisions is not None else None
        return derived or Revision(meeting.revision, meeting.revised)

    def url(self, path: str) -> str:
        """Absolute URL of a site path such as ``meetings/bank-2024-11/``."""
        return self.site_url + path.lstrip("/")


@dataclass(frozen=True)
class Share:
    """What a link to a page shows when pasted on a social network (Open Graph, Twitter card).

    Plain text: each engine's adapter escapes it into the page's head.
    """

    page: str
    """The source path of the page it describes, e.g. ``meetings/bank-2024-11/index.md``."""
    url: str
    """The page's absolute permanent address."""
    title: str
    description: str
    image: str
    """The card image's absolute address."""
    image_alt: str
    """The image's words, for those who cannot see it."""

    def as_json(self) -> dict[str, str]:
        """The share as JSON-ready data (for the engine-neutral manifest)."""
        return {
            "url": self.url,
            "title": self.title,
            "description": self.description,
            "image": self.image,
            "image_alt": self.image_alt,
        }


@dataclass(frozen=True)
class Output:
    """One generated file."""

    path: str
    """POSIX path inside the site, e.g. ``panels/bank.md`` or ``calendar/all.ics``."""
    content: bytes
    kind: Kind = Kind.FILE
    title: str | None = None
    """For pages: the plain-text title the engine shows (escaped by the adapter, never trusted)."""
    shares: tuple[Share, ...] = ()
    """For a sharing card's image: the pages it is shown for, with their sharing tags."""


Renderer = Callable[[Dataset, SiteConfig], Iterable[Output]]
"""A pure function from the frozen dataset to generated files (listed in :mod:`generator.site`)."""
