"""Perceptual hashes of PDF pages (issue 17), for near-duplicate scans that carry too little text to compare.

A difference hash ("dHash", Krawetz 2013): the page is rendered small in greyscale, shrunk to 9x8
pixels, and each bit says whether a pixel is brighter than its right-hand neighbour. The same page
scanned twice, or printed and scanned back, gives hashes a few bits apart; different pages differ
in about half of the 64 bits. Only the picture is compared, never text, so handwriting, photos and
forms with no OCR text can still be matched.
"""

from __future__ import annotations

import io

import pymupdf
from PIL import Image

from redaction.errors import NotAPdfError

#: Two pages whose hashes differ in at most this many of 64 bits are taken to be the same picture.
MAX_DISTANCE = 6
_RENDER_DPI = 36  # enough detail for a 9x8 hash, cheap to render
_FLAT = 12  # grey levels: a shrunk page with less contrast than this is blank


def page_hashes(data: bytes) -> list[int | None]:
    """The 64-bit dHash of every page of a PDF, in page order; None for a flat (blank) page.

    :raises NotAPdfError: the bytes cannot be opened as a PDF.
    """
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError) as exc:
        raise NotAPdfError(f"cannot hash pages: {exc}") from None
    with doc:
        return [_dhash(page) for page in doc]


def _dhash(page: pymupdf.Page) -> int | None:
    pix = page.get_pixmap(dpi=_RENDER_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    img = Image.open(io.BytesIO(pix.tobytes("png"))).convert("L").resize((9, 8), Image.Resampling.LANCZOS)
    px = list(img.tobytes())  # one byte per pixel in mode "L"
    if max(px) - min(px) < _FLAT:
        return None  # a blank page: every blank page would "match" every other
    bits = 0
    for row in range(8):
        for col in range(8):
            bits = (bits << 1) | (px[row * 9 + col] > px[row * 9 + col + 1])
    return bits


def distance(a: int, b: int) -> int:
    """How many of the 64 bits differ."""
    return (a ^ b).bit_count()
