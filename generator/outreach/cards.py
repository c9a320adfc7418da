"""Sharing-card images: 1200 x 630 PNG, drawn at build time with Pillow.

A link pasted on X, Facebook, WhatsApp or Nextdoor shows this image (Open Graph's
``og:image``, Twitter's ``summary_large_image``): the panel, the day, the time and the place.
Pillow draws the text straight onto a greyscale canvas with FreeType; an SVG rasterised by
cairo cost about 22 ms a card, this about 4 ms (figures in the issue-25 note), which keeps
the build within its time budget. The bytes are deterministic: the same words give the
same PNG with the pinned Pillow (its wheel carries its own FreeType and zlib) and the one
font (:data:`FONT_FILES`, Debian's ``fonts-dejavu-core``, which ``./run`` and ``.ci/run``
install); Pillow writes no time into a PNG.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generator.load.dataset import Dataset
from generator.render.outputs import SiteConfig

WIDTH = 1200
HEIGHT = 630
"""Open Graph's recommended large image (1.91:1), which every network shows uncropped."""
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {False: FONT_DIR / "DejaVuSans.ttf", True: FONT_DIR / "DejaVuSans-Bold.ttf"}
"""The one font family the cards use (wide Unicode cover), regular and bold."""
MARGIN = 72
BAND_HEIGHT = 96
INK = 11
PAPER = 255
"""Near-black on white (grey levels): the contrast survives a phone's dimmed screen and a
compressed preview."""
GREYS = 16
"""Grey levels kept in the PNG (4 bits a pixel): enough for smooth text edges, half the bytes
to compress of 8-bit greyscale."""
COMPRESS_TYPE = zlib.Z_RLE
"""zlib's run-length strategy: a card is long runs of white and black, so it is both the
fastest (about 2.7 ms here, against 3.0 at level 1 and 4.8 at the default level 6) and
the smallest (about 15 KB)."""

# DejaVu Sans's widest common glyphs are about 0.62 em (bold 0.7 em): a line holds at most
# this many characters per em of width, so a long name wraps rather than leaving the card.
_EM_PER_CHAR = {False: 0.6, True: 0.68}
_TO_GREYS = [(v * (GREYS - 1) + 127) // 255 for v in range(256)]
_PALETTE = [level * 255 // (GREYS - 1) for level in range(GREYS) for _ in range(3)]


CARD_KEY = "card/"
"""Prefix of the key the feed of what changed keeps for each meeting card it has published."""


def drawn_cards(dataset: Dataset) -> frozenset[str]:
    """The ids of the meetings whose card is drawn with their own words: every upcoming
    meeting, and every business meeting (no panel card could stand for it)."""
    return frozenset(
        m.id for m in dataset.meetings if m.panel is None or m.is_upcoming(dataset.today)
    )


def kept_cards(dataset: Dataset, config: SiteConfig) -> frozenset[str]:
    """The ids of the past panel meetings whose card was published while they were upcoming.

    Their card's address must not break, so it stays, showing their panel's card (the same
    bytes: nothing more to draw). The previously published feed of what changed keeps
    those meetings as ``card/<id>`` among the keys it has seen.
    """
    if config.previous_changes is None:
        return frozenset()
    before = config.previous_changes.seen
    drawn = drawn_cards(dataset)
    return frozenset(
        m.id for m in dataset.meetings if m.id not in drawn and CARD_KEY + m.id in before
    )


@dataclass(frozen=True)
class Line:
    """One line of text on a card."""

    text: str
    size: int
    """Font size in pixels."""
    bold: bool = False
    most_lines: int = 1
    """Wrapped onto at most this many lines; the last is cut with an ellipsis."""


def wrap(text: str, size: int, bold: bool, most_lines: int) -> list[str]:
    """``text`` in lines that fit the card's width at ``size`` px (a word longer than a line
    is cut), at most ``most_lines`` of them, the last ending in '…' when text was left out."""
    fits = max(8, int((WIDTH - 2 * MARGIN) / (size * _EM_PER_CHAR[bold])))
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= fits:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == most_lines:
            current = ""
            words = words[index:]
            break
    else:
        words = []
    if current:
        lines.append(current)
    lines = [line if len(line) <= fits else line[: fits - 1] + "…" for line in lines]
    if len(lines) > most_lines or words:
        lines = lines[:most_lines]
        last = lines[-1]
        lines[-1] = (last if len(last) < fits else last[: fits - 1]).rstrip(" ,;:") + "…"
    return lines


@cache
def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    # Loading a face costs more than drawing a line with it: once per size for the build.
    return ImageFont.truetype(str(FONT_FILES[bold]), size)


def card_png(band: str, lines: Sequence[Line]) -> bytes:
    """The card's PNG: ``band`` (the force's name) in a black band, then ``lines`` below.

    Text is drawn as glyphs, never parsed: staff text cannot be markup here.
    """
    canvas = Image.new("L", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, WIDTH - 1, BAND_HEIGHT - 1), fill=INK)
    band_line = wrap(band, 34, True, 1)[0]
    draw.text((MARGIN, 62), band_line, font=_font(34, True), fill=PAPER, anchor="ls")
    y = BAND_HEIGHT + 40
    for line in lines:
        for text in wrap(line.text, line.size, line.bold, line.most_lines):
            y += int(line.size * 1.25)
            draw.text((MARGIN, y), text, font=_font(line.size, line.bold), fill=INK, anchor="ls")
        y += int(line.size * 0.3)
    levels = Image.frombytes("P", canvas.size, canvas.point(_TO_GREYS).tobytes())
    levels.putpalette(_PALETTE)
    out = io.BytesIO()
    levels.save(out, "PNG", bits=4, compress_level=6, compress_type=COMPRESS_TYPE)
    return out.getvalue()
