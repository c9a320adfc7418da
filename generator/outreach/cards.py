"""Sharing-card images: 1200 x 630 PNG, drawn as SVG and rasterised at build time with CairoSVG.

A link pasted on X, Facebook, WhatsApp or Nextdoor shows this image (Open Graph's
``og:image``, Twitter's ``summary_large_image``): the panel, the day, the time and the place.
The bytes are deterministic: the same words give the same PNG on every machine with the
pinned CairoSVG, the system's cairo and the pinned font (:data:`FONT`, from Debian's
``fonts-dejavu-core``, which ``./run`` and ``.ci/run`` install), named by family so
fontconfig never substitutes another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import cairosvg  # type: ignore[import-untyped]  # CairoSVG ships no type information

WIDTH = 1200
HEIGHT = 630
"""Open Graph's recommended large image (1.91:1), which every network shows uncropped."""
FONT = "DejaVu Sans"
"""The one font family the cards use: Debian's ``fonts-dejavu-core`` (wide Unicode cover)."""
MARGIN = 72
INK = "#0b0c0c"
PAPER = "#ffffff"
BAND = "#0b0c0c"
"""Black on white: the contrast survives a phone's dimmed screen and a compressed preview."""

# DejaVu Sans's widest common glyphs are about 0.62 em (bold 0.7 em): a line holds at most
# this many characters per em of width, so a long name wraps rather than leaving the card.
_EM_PER_CHAR = {False: 0.6, True: 0.68}


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


def card_svg(band: str, lines: Sequence[Line]) -> str:
    """The card as SVG: ``band`` (the force's name) in a black band, then ``lines`` below.

    Every text is XML-escaped here: staff text never reaches the SVG as markup.
    """
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
        f'<rect width="{WIDTH}" height="96" fill="{BAND}"/>',
        _text(wrap(band, 34, True, 1)[0], MARGIN, 62, 34, True, PAPER),
    ]
    y = 96 + 40
    for line in lines:
        for text in wrap(line.text, line.size, line.bold, line.most_lines):
            y += int(line.size * 1.25)
            parts.append(_text(text, MARGIN, y, line.size, line.bold, INK))
        y += int(line.size * 0.3)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _text(text: str, x: int, y: int, size: int, bold: bool, fill: str) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x}" y="{y}" font-family={quoteattr(FONT)} font-size="{size}"{weight} '
        f'fill="{fill}">{escape(text)}</text>'
    )


def card_png(svg: str) -> bytes:
    """The card's PNG (deterministic: cairo writes no time or machine into it)."""
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=WIDTH, output_height=HEIGHT)
    assert isinstance(png, bytes)  # with no write_to, CairoSVG returns the bytes
    return png
