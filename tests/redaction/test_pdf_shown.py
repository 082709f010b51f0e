"""Drawn but not in the text layer (issue 8): what a page shows is compared with what it says.

Each builder draws the name where extraction cannot read it: vector outlines, a picture turned
sideways, a font whose ToUnicode map lies, glyphs shown out of order. ``extract`` must add the
name (read by OCR) to the analysed text with boxes over it, and burn-in of those boxes must
leave nothing of it in the picture.
"""

from __future__ import annotations

import pymupdf
import pytest

from redaction import pdf
from redaction.errors import VerificationError
from redaction.pdf_shown import shown_words, visual_check_reasons
from tests.redaction import channel_factory as C
from tests.redaction import pdf_factory as F
from tests.redaction.test_pdf_burn_in import needs_tesseract, secret_boxes

S = F.SECRET
DRAWN = {
    "vector_outlines": C.vector_outlines,
    "rotated_image_90": C.rotated_image_text,
    "rotated_image_270": lambda: C.rotated_image_text(angle=270),
    "lying_tounicode": C.lying_tounicode,
    "permuted_tounicode": C.permuted_tounicode,
    "out_of_order_glyphs": C.out_of_order_glyphs,
}


def _shows(data: bytes, word: str) -> bool:
    doc = pymupdf.open(stream=data, filetype="pdf")
    return any(
        word.lower() in w.lower() for page in doc for w, _, _ in shown_words(page, pymupdf.get_tessdata())
    )


@pytest.mark.parametrize("case", sorted(DRAWN))
def test_page_is_marked_for_a_visual_check(case):
    page = pymupdf.open(stream=DRAWN[case](), filetype="pdf")[0]
    assert visual_check_reasons(page)


def test_type3_font_page_is_marked_for_a_visual_check():
    page = pymupdf.open(stream=C.type3_font(), filetype="pdf")[0]
    assert any("Type3" in r for r in visual_check_reasons(page))


def test_plain_text_page_is_never_rendered():
    # Negative row: ordinary born-digital text needs no OCR (and costs none).
    page = pymupdf.open(stream=F.body_text(), filetype="pdf")[0]
    assert visual_check_reasons(page) == []


@needs_tesseract
@pytest.mark.parametrize("case", sorted(DRAWN))
def test_drawn_name_is_analysed_and_burnt_out(case):
    data = DRAWN[case]()
    doc = pdf.extract(data)
    words = doc.pages[0].text.split()
    assert "Charlie" in words and "Fletcher" in words, doc.pages[0].text
    assert any("not in its text layer" in p for p in doc.problems)
    boxes = secret_boxes(data, "Charlie") + secret_boxes(data, "Fletcher")
    result = pdf.burn_in_report(data, boxes, removed_strings=["Charlie", "Fletcher"], people=[S])
    assert not _shows(result.data, "Fletcher") and not _shows(result.data, "Charlie")
    assert "family home" in pdf.extract(result.data).pages[0].text  # the rest stays


@needs_tesseract
def test_page_that_still_shows_the_name_is_rasterised_and_reported():
    # Only "Charlie" is boxed: "Fletcher" is still drawn, and nothing in the text layer says where.
    data = C.vector_outlines()
    result = pdf.burn_in_report(data, secret_boxes(data, "Charlie"), removed_strings=[], people=[S])
    assert result.rasterised_pages == (0,)
    assert any("page 1" in n and "picture" in n for n in result.notes)
    assert not _shows(result.data, "Fletcher")
    text = pymupdf.open(stream=result.data, filetype="pdf")[0].get_text()
    assert "family home" in text  # the OCR text layer keeps the page searchable
    assert pdf.verify(result.data, [], people=[S], ocr=True) == []


@needs_tesseract
def test_without_the_fallback_the_page_is_refused():
    data = C.vector_outlines()
    with pytest.raises(VerificationError):
        pdf.burn_in(data, secret_boxes(data, "Charlie"), removed_strings=[], people=[S], rasterise=False)
