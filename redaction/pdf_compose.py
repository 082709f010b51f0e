"""Compose simple text PDFs (letters, schedules, synthetic demo records) and select pages.

Like ``redaction.pdf`` this module may import PyMuPDF; nothing outside ``redaction`` does.
Output is deterministic: the same text gives the same bytes (no creation dates, no random IDs),
so a response pack built twice from the same inputs has the same hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pymupdf

from redaction.errors import NotAPdfError
from redaction.pdf import open_checked

__all__ = ["A4", "select_pages", "text_pdf"]

#: A4 portrait in PDF points.
A4 = (595.0, 842.0)
_MARGIN = 56.0  # about 20 mm
_BODY_SIZE = 10.0
_HEADING_SIZE = 12.0
_TITLE_SIZE = 14.0
_LEADING = 1.35
_BODY_FONT = "sarbody"
_BOLD_FONT = "sarbold"


@lru_cache(maxsize=1)
def _fonts() -> tuple[pymupdf.Font, pymupdf.Font]:
    # Embedded as Unicode fonts so "—", "£" and "’" print as written (Base-14 simple encoding
    # would turn some of them into "·"); garbage collection on save de-duplicates the streams.
    return pymupdf.Font("helv"), pymupdf.Font("hebo")


def _wrap(text: str, font: pymupdf.Font, size: float, width: float) -> list[str]:
    """Greedy word wrap of one paragraph line; over-long words are split by characters."""
    if not text.strip():
        return [""]
    indent = text[: len(text) - len(text.lstrip(" "))]
    words = text.split()
    lines: list[str] = []
    current = indent
    for word in words:
        candidate = f"{current} {word}" if current.strip() else f"{current}{word}"
        if font.text_length(candidate, fontsize=size) <= width:
            current = candidate
            continue
        if current.strip():
            lines.append(current)
        current = indent + word
        while font.text_length(current, fontsize=size) > width and len(current) > len(indent) + 1:
            cut = len(current)
            while cut > len(indent) + 1 and font.text_length(current[:cut], fontsize=size) > width:
                cut -= 1
            lines.append(current[:cut])
            current = indent + current[cut:]
    lines.append(current)
    return lines


def text_pdf(pages: Sequence[str], *, title: str | None = None) -> bytes:
    """Lay out plain text on A4 pages in Helvetica and return the PDF.

    Each string in ``pages`` starts on a new page and flows onto further pages when it is too
    long; a form feed (``chr(12)``) inside a string also starts a new page. Lines starting with
    ``"## "`` are printed as bold headings. Long lines are word-wrapped.

    :param pages: the text of each (logical) page; at least one.
    :param title: printed in bold at the top of the first page.
    :returns: the PDF bytes (deterministic for the same input).
    :raises ValueError: no pages given.
    """
    if not pages:
        raise ValueError("text_pdf needs at least one page of text")
    body, bold = _fonts()
    width, height = A4
    usable = width - 2 * _MARGIN
    doc = pymupdf.open()
    with doc:
        page: pymupdf.Page | None = None
        y = 0.0

        def new_page() -> None:
            nonlocal page, y
            page = doc.new_page(width=width, height=height)
            page.insert_font(fontname=_BODY_FONT, fontbuffer=body.buffer)
            page.insert_font(fontname=_BOLD_FONT, fontbuffer=bold.buffer)
            y = _MARGIN

        def put(line: str, font: pymupdf.Font, fontname: str, size: float) -> None:
            nonlocal y
            step = size * _LEADING
            if page is None or y + step > height - _MARGIN:
                new_page()
            y += step
            if line:
                page.insert_text((_MARGIN, y), line, fontname=fontname, fontsize=size)

        first = True
        for text in pages:
            for chunk in text.split("\f"):
                new_page()
                if first and title:
                    for line in _wrap(title, bold, _TITLE_SIZE, usable):
                        put(line, bold, _BOLD_FONT, _TITLE_SIZE)
                    y += _BODY_SIZE
                first = False
                for raw in chunk.rstrip("\n").split("\n"):
                    if raw.startswith("## "):
                        y += _BODY_SIZE * 0.5
                        for line in _wrap(raw[3:], bold, _HEADING_SIZE, usable):
                            put(line, bold, _BOLD_FONT, _HEADING_SIZE)
                        continue
                    for line in _wrap(raw.replace("\t", "    "), body, _BODY_SIZE, usable):
                        put(line, body, _BODY_FONT, _BODY_SIZE)
        # No metadata at all: released files must pass ``redaction.pdf.verify``, which refuses any.
        doc.set_metadata({})
        return doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)


def select_pages(data: bytes, keep: Sequence[int], *, name: str = "document.pdf") -> bytes:
    """Return a copy of the PDF with only the pages in ``keep`` (0-based, in that order).

    Used after ``burn_in`` to drop pages marked duplicate or not relevant; the dropped pages
    should already have been blanked so no trace of them survives in shared objects.

    :raises ValueError: ``keep`` is empty or names a page that does not exist.
    :raises NotAPdfError, EncryptedPdfError: see ``redaction.pdf.open_checked``.
    """
    if not keep:
        raise ValueError(f"{name}: no pages left to keep")
    with open_checked(data, name) as doc:
        for p in keep:
            if not 0 <= p < doc.page_count:
                raise ValueError(f"{name}: page {p} does not exist (the document has {doc.page_count} pages)")
        doc.select(list(keep))
        if doc.page_count == 0:  # pragma: no cover - guarded above
            raise NotAPdfError(f"{name} has no pages left")
        return doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)
