"""A page-range extraction (issue 11) prepares only its own pages, and the ranges still add up to the whole."""

from __future__ import annotations

import pymupdf

from redaction import pdf, pdf_core

NOTE = "Ring the duty desk about the blue folder"
MARKED = "Quarterly gardening rota"


def _document() -> bytes:
    """Six pages of text; pop-up notes on pages 2 and 5, an unapplied redaction mark on page 6."""
    doc = pymupdf.open()
    for i in range(6):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"Sheet {i + 1}: {MARKED} and the tidy shelves", fontsize=11)
        if i in (1, 4):
            page.add_text_annot((500, 100), f"{NOTE} {i + 1}").update()
        if i == 5:
            page.add_redact_annot(page.search_for(MARKED)[0], fill=(0, 0, 0))
    return doc.tobytes(garbage=3, deflate=True)


def test_a_later_range_reads_only_its_own_pages(monkeypatch):
    data = _document()
    read: list[int] = []
    real = pdf_core._sticky_notes

    def recording(page):
        read.append(page.number)
        return real(page)

    monkeypatch.setattr(pdf_core, "_sticky_notes", recording)
    part = pdf.extract(data, "sheets.pdf", ocr=False, pages=range(3, 6))
    assert sorted(read) == [3, 4, 5]
    assert [p.page_index for p in part.pages] == [3, 4, 5]
    # The range's own redaction mark is still applied before its text is read.
    assert MARKED not in part.pages[2].text and MARKED in part.pages[0].text


def test_ranges_put_end_to_end_equal_the_whole_with_notes_and_marks():
    data = _document()
    whole = pdf.extract(data, "sheets.pdf", ocr=False)
    parts = [pdf.extract(data, "sheets.pdf", ocr=False, pages=range(a, b)) for a, b in pdf.ranges(6, 2)]
    assert tuple(p for part in parts for p in part.pages) == whole.pages
    assert tuple(q for part in parts for q in part.problems) == whole.problems
    assert any(NOTE in q for q in whole.problems) and any("redaction mark" in q for q in whole.problems)
