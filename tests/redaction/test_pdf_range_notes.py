"""Count notes of a document burned in by page ranges are summed over the ranges (issue 11).

A range's burn-in reports "N things removed" for its own pages; the officer reads one document, so
the joined result must say the document's total once, as one unsplit burn-in would.
"""

from __future__ import annotations

import pymupdf

from redaction import pdf
from redaction.pdf_ranges import join_notes

A4 = (595, 842)


def _layered(pages: int) -> bytes:
    """``pages`` pages, each with one line of ordinary text and one in a switched-off layer."""
    doc = pymupdf.open()
    ocg = doc.add_ocg("Draft remarks", on=False)
    for n in range(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        page.insert_text((72, 90), f"Running record, sheet {n + 1}.", fontsize=11)
        page.insert_text((72, 600), "An earlier draft remark.", fontsize=11, oc=ocg)
    return doc.tobytes(garbage=3, deflate=True)


def test_count_notes_of_three_or_more_ranges_are_summed_and_others_kept_once():
    counted = "text object(s) of some hidden kind removed"
    parts = [
        (f"2 {counted}", "page 1: could not be verified by OCR (a picture); check by eye", "layers flattened"),
        (f"1 {counted}", "layers flattened"),
        (f"4 {counted}", "page 7: could not be verified by OCR (a picture); check by eye"),
        (),
    ]
    assert join_notes(parts) == (
        f"7 {counted}",
        "page 1: could not be verified by OCR (a picture); check by eye",
        "layers flattened",
        "page 7: could not be verified by OCR (a picture); check by eye",
    )


def test_notes_that_name_a_page_or_differ_in_wording_are_not_summed():
    assert join_notes([("page 2: 3 word(s) read by OCR",), ("page 5: 3 word(s) read by OCR",)]) == (
        "page 2: 3 word(s) read by OCR", "page 5: 3 word(s) read by OCR")
    assert join_notes([("2 boxes removed",), ("2 circles removed",), ("1 boxes removed",)]) == (
        "3 boxes removed", "2 circles removed")
    assert join_notes([("5 removed in one range only",)]) == ("5 removed in one range only",)


def test_a_document_burned_in_over_three_ranges_reports_the_whole_documents_count():
    data = _layered(4)
    whole = pdf.burn_in_report(data, [], name="layers.pdf", ocr_check=False)
    split = pdf.burn_in_ranges(data, [], range_pages=1, name="layers.pdf", ocr_check=False)
    layer_notes = [n for n in whole.notes if "optional-content" in n]
    assert layer_notes and layer_notes[0].startswith("4 ")
    assert [n for n in split.notes if "optional-content" in n] == layer_notes
