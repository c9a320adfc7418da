"""QR codes as SVG, made at build time with segno (pure Python, no network, deterministic)."""

from __future__ import annotations

import io

import segno

QR_BORDER = 4
"""The quiet zone in modules: the four the QR standard asks for, so every reader finds it."""


def qr_svg(address: str, title: str) -> bytes:
    """A QR code of ``address`` (error correction M: survives a crease or a smudge), as SVG.

    Black on white whatever the page's colour scheme, scalable (a viewBox, no fixed size),
    with ``title`` as its accessible name when opened on its own.
    """
    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=1,
        border=QR_BORDER,
        dark="#000",
        light="#fff",
        xmldecl=False,
        omitsize=True,
        title=title,
    )
    return out.getvalue() + b"\n"
