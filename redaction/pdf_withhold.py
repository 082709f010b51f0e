"""Withholding whole pages at burn-in: the reviewer's withheld pages, and pages that could not be verified.

A page is withheld by emptying it and writing a short notice on it (:func:`withhold_page`): its
contents and resources are replaced by nothing, so garbage collection on save drops every object
the page used to reference, and only the notice, the page's size and its rotation remain.

Fail closed without losing the document (issue 10): when, after burn-in's repair pass (the page
is blacked out where OCR locates the removed words and replaced by a picture of itself,
``pdf_raster``), verification's OCR still reads a removed string or a redacted person in the
*picture* of a page, and nothing else is wrong with the document, a human redactor would hold
that one page back for a manual check rather than refuse every page. :func:`withhold_unverified`
does that: each such page is replaced by the notice :data:`UNVERIFIED_NOTICE` (generic wording,
nothing of the page, no page number: a bundle stamps its own numbering) and the caller verifies
the whole output again. The notes it returns name the page and say what the officer must do;
they never quote the text that was read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pymupdf

from redaction.pdf_core import _FOOTER_FONT, _ensure_font, _helv_font, _insert_display_text, _save, open_checked
from redaction.pdf_sanitise import keep_only_allowed

#: What a page withheld because its redaction could not be verified says, one line each (centred).
UNVERIFIED_NOTICE = (
    "Page withheld:",
    "the redaction on this page could not be verified automatically;",
    "it is held back for a manual check.",
)
_NOTICE_SIZE = 12.0
_LINE = 1.6  # line spacing, in font sizes


def blank_page(doc: pymupdf.Document, page: pymupdf.Page) -> None:
    """Empty a page: no contents and no resources; its boxes and rotation stay.

    Rather than redacting the whole area (which can leave glyph fragments, PyMuPDF #4944), garbage
    collection on save drops every object the page used to reference.
    """
    doc.xref_set_key(page.xref, "Contents", "null")
    doc.xref_set_key(page.xref, "Resources", "<<>>")


def withhold_page(doc: pymupdf.Document, page: pymupdf.Page, label: str) -> None:
    """Replace everything on a page by a centred "Page withheld: <label>" notice."""
    blank_page(doc, page)
    text = f"Page withheld: {label}" if label else "Page withheld"
    _insert_display_text(page, text, 14, where="centre")


def _insert_notice(page: pymupdf.Page, lines: Sequence[str]) -> None:
    """Write ``lines`` centred on the page as it is displayed, upright, shrunk to fit its width."""
    _ensure_font(page)
    disp = page.rect
    font = _helv_font()
    widest = max(font.text_length(line, fontsize=1.0) for line in lines)
    size = max(4.0, min(_NOTICE_SIZE, (disp.width - 40) / widest))
    top = disp.y0 + disp.height / 2 - (len(lines) - 1) * size * _LINE / 2
    for i, line in enumerate(lines):
        width = font.text_length(line, fontsize=size)
        point = pymupdf.Point(max(disp.x0 + 10, disp.x0 + (disp.width - width) / 2), top + i * size * _LINE)
        page.insert_text(point * page.derotation_matrix, line, fontname=_FOOTER_FONT, fontsize=size,
                         rotate=page.rotation)


def unverified_note(index: int) -> str:
    """The officer's note for 0-based page ``index`` withheld by :func:`withhold_unverified`."""
    return (
        f"page {index + 1}: withheld for a manual check: after its redaction was repaired (the words OCR "
        "located blacked out, the page replaced by a picture of itself), OCR still read redacted text in "
        "its picture, so the page was replaced by a notice; check the original page by hand and redact "
        "or withhold it yourself"
    )


def withhold_unverified(
    data: bytes, pages: Iterable[int], *, name: str = "document.pdf", sizes_from: bytes | None = None
) -> tuple[bytes, list[str]]:
    """Replace each of ``pages`` (0-based) by the :data:`UNVERIFIED_NOTICE` page; return the PDF and notes.

    :param sizes_from: a PDF with the same pages whose page size each notice page takes (the
        burn-in before its repair pass: a page replaced by its picture is a fraction of a point off).
    The output is saved in full (garbage collection drops everything the pages referenced); the
    caller must verify it again before releasing it.
    """
    chosen = sorted(set(pages))
    sizes: dict[int, pymupdf.Rect] = {}
    if sizes_from is not None:
        with open_checked(sizes_from, name) as src:
            sizes = {i: src[i].mediabox for i in chosen if i < src.page_count}
    with open_checked(data, name) as doc:
        for index in chosen:
            page = doc[index]
            blank_page(doc, page)
            if index in sizes:
                rotation = page.rotation
                page.set_rotation(0)
                page.set_mediabox(sizes[index])
                page.set_rotation(rotation)
            _insert_notice(page, UNVERIFIED_NOTICE)
        keep_only_allowed(doc)
        return _save(doc), [unverified_note(i) for i in chosen]
