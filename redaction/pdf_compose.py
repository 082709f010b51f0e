"""Compose simple text PDFs (letters, schedules, synthetic demo records) and select pages.

Like ``redaction.pdf`` this module may import PyMuPDF; nothing outside ``redaction`` does.
Output is deterministic: the same text gives the same bytes (no creation dates, no random IDs),
so a response pack built twice from the same inputs has the same hash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pymupdf

from redaction.errors import NotAPdfError
from redaction.pdf import open_checked

__all__ = ["A4", "EASY_READ", "LARGE_PRINT", "STANDARD", "PageStyle", "select_pages", "text_pdf"]

#: A4 portrait in PDF points.
A4 = (595.0, 842.0)
_MARGIN = 56.0  # about 20 mm
_BODY_SIZE = 10.0
_HEADING_SIZE = 12.0
_TITLE_SIZE = 14.0
_LEADING = 1.35



@dataclass(frozen=True)
class PageStyle:
    """How :func:`text_pdf` lays text out: type sizes in points, line spacing, margin, line length.

    :param leading: line pitch as a multiple of the type size.
    :param max_chars: the longest line in characters (None: as wide as the margins allow).
    :param heading_space: space before a heading, as a multiple of the body size.
    """

    body: float = _BODY_SIZE
    heading: float = _HEADING_SIZE
    title: float = _TITLE_SIZE
    leading: float = _LEADING
    margin: float = _MARGIN
    max_chars: int | None = None
    heading_space: float = 0.5


STANDARD = PageStyle()
#: Large print after the RNIB clear-print and UKAAF large-print guidance: a sans-serif at 18 pt for
#: text (UKAAF's large print starts at 16 pt), bold headings larger again, 1.5 line spacing, text
#: left-aligned and unjustified, short lines (about 60 characters) and a full line of space
#: before each heading, so the reader does not lose their place.
LARGE_PRINT = PageStyle(body=18.0, heading=22.0, title=24.0, leading=1.5, margin=50.0, max_chars=60,
                        heading_space=1.0)
#: Easy read (after the UK government's "Accessible communication formats" easy-read advice): at
#: least 14 pt, here 16 pt, generous spacing, one short idea per line (about 50 characters).
EASY_READ = PageStyle(body=16.0, heading=20.0, title=22.0, leading=1.6, margin=56.0, max_chars=50,
                      heading_space=1.0)
_BODY_FONT = "sarbody"
_BOLD_FONT = "sarbold"


@lru_cache(maxsize=1)
def _fonts() -> tuple[pymupdf.Font, pymupdf.Font]:
    # Embedded as Unicode fonts so "—", "£" and "’" print as written (Base-14 simple encoding
    # would turn some of them into "·"); garbage collection on save de-duplicates the streams.
    return pymupdf.Font("helv"), pymupdf.Font("hebo")


def _wrap(text: str, font: pymupdf.Font, size: float, width: float, max_chars: int | None = None) -> list[str]:
    """Greedy word wrap of one paragraph line; over-long words are split by characters.

    :param max_chars: also keep each line to at most this many characters (large print's short lines).
    """
    if max_chars is not None:
        width = min(width, font.text_length("n" * max_chars, fontsize=size))
    if not text.strip():
        return [""]
    indent = text[: len(text) - len(text.lstrip(" "))]
    words = text.split()
    lines: list[str] = []
    current = indent
    for word in words:
        candidate = f"{current} {word}" if current.strip() else f"{current}{word}"
        if font.text_length(candidate, fontsize=size) <= width and (max_chars is None
                                                                  or len(candidate) <= max_chars):
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


def text_pdf(pages: Sequence[str], *, title: str | None = None, style: PageStyle = STANDARD) -> bytes:
    """Lay out plain text on A4 pages in Helvetica and return the PDF.

    Each string in ``pages`` starts on a new page and flows onto further pages when it is too
    long; a form feed (``chr(12)``) inside a string also starts a new page. Lines starting with
    ``"## "`` are printed as bold headings. Long lines are word-wrapped.

    :param pages: the text of each (logical) page; at least one.
    :param title: printed in bold at the top of the first page.
    :param style: the layout (:data:`STANDARD`, :data:`LARGE_PRINT`, :data:`EASY_READ`).
    :returns: the PDF bytes (deterministic for the same input).
    :raises ValueError: no pages given.
    """
    if not pages:
        raise ValueError("text_pdf needs at least one page of text")
    body, bold = _fonts()
    width, height = A4
    margin = style.margin
    usable = width - 2 * margin
    doc = pymupdf.open()
    with doc:
        page: pymupdf.Page | None = None
        y = 0.0

        def new_page() -> None:
            nonlocal page, y
            page = doc.new_page(width=width, height=height)
            page.insert_font(fontname=_BODY_FONT, fontbuffer=body.buffer)
            page.insert_font(fontname=_BOLD_FONT, fontbuffer=bold.buffer)
            y = margin

        def put(line: str, font: pymupdf.Font, fontname: str, size: float) -> None:
            nonlocal y
            step = size * style.leading
            if page is None or y + step > height - margin:
                new_page()
            y += step
            if line:
                page.insert_text((margin, y), line, fontname=fontname, fontsize=size)

        first = True
        for text in pages:
            for chunk in text.split("\f"):
                new_page()
                if first and title:
                    for line in _wrap(title, bold, style.title, usable, style.max_chars):
                        put(line, bold, _BOLD_FONT, style.title)
                    y += style.body
                first = False
                for raw in chunk.rstrip("\n").split("\n"):
                    if raw.startswith("## "):
                        y += style.body * style.heading_space
                        for line in _wrap(raw[3:], bold, style.heading, usable, style.max_chars):
                            put(line, bold, _BOLD_FONT, style.heading)
                        continue
                    for line in _wrap(raw.replace("\t", "    "), body, style.body, usable, style.max_chars):
                        put(line, body, _BODY_FONT, style.body)
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
