"""QR codes as SVG, made at build time with segno (pure Python, no network, deterministic)."""

from __future__ import annotations

import io

import segno

QR_BORDER = 4
"""The quiet zone in modules: the four the QR standard asks for, so every reader finds it."""


ARCHIVE_MASK = 0
"""The mask pattern of a code that will not be printed again (a past meeting's)."""


def qr_svg(address: str, title: str, *, for_print: bool = True) -> bytes:
    """A QR code of ``address`` (error correction M: survives a crease or a smudge), as SVG.

    Black on white whatever the page's colour scheme, scalable (a viewBox, no fixed size),
    with ``title`` as its accessible name when opened on its own.

    ``for_print`` codes get the mask the QR standard's penalty rules pick as the easiest
    to scan; scoring all eight masks is three quarters of the code's cost, so a code that
    stays published only as an archive (``for_print=False``) takes one fixed mask, which
    every reader decodes as well.
    """
    mask = None if for_print else ARCHIVE_MASK
    code = segno.make(address, error="m", micro=False, mask=mask)
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
