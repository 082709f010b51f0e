"""Burn-in's repair pass blacks out every OCR word that shows a removed word (``pdf_raster._located``).

Verification finds a removed name in a page's OCR text with its spaces ignored, so a scan showing the
name glued to the next word, or with a possessive, failed verification; the repair pass only blacked
out words equal to a removed word and the page was then withheld whole for a manual check. Now such
a word is blacked out too and the rest of the page is released.
"""

from __future__ import annotations

import pymupdf
import pytest

from redaction import pdf
from redaction.pdf_raster import _INSIDE_MIN, _located, _tokens
from tests.redaction import pdf_factory as F
from tests.redaction.test_pdf_burn_in import needs_tesseract

TARGETS = _tokens(["Ruth Okonkwo-Barnes", "Ann Lee", "NI AB123456C"])
INSIDE = tuple(t for t in TARGETS if len(t) >= _INSIDE_MIN and not t.isdigit())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Ruth", True),  # equal to a removed word (as before)
        ("RuthOkonkwo", True),  # glued to the next word
        ("Okonkwo's", True),  # possessive
        ("Lee's", True),  # possessive of a short word
        ("(Ruth)", True),  # punctuation around it
        ("AB123456C", True),  # the number's digits
        ("Annual", False),  # a short removed word is not matched inside another word
        ("Leeds", False),
        ("truthful", True),  # a 4+ letter removed word inside a longer word: over-blacking, on a failed page
        ("Barn", False),  # a part of a removed word is not the removed word
        ("Report", False),
    ],
)
def test_located_words(word, expected):
    assert _located(word, TARGETS, INSIDE) is expected


def _bundle(*parts: bytes) -> bytes:
    doc = pymupdf.open()
    for part in parts:
        doc.insert_pdf(pymupdf.open(stream=part, filetype="pdf"))
    return doc.tobytes()


@needs_tesseract
@pytest.mark.parametrize("shown", ["CharlieFletcher visited", "Fletcher's visit"])
def test_a_scan_showing_a_glued_or_possessive_name_is_repaired_not_withheld(shown):
    name = "Charlie Fletcher"
    data = _bundle(F.scanned(shown), F.scanned("Sam Example"))
    result = pdf.burn_in_report(data, [], removed_strings=[name], people=[name])
    assert result.withheld_pages == ()
    assert 0 in result.rasterised_pages  # the page is a picture of itself with the word blacked out
    assert pdf.verify(result.data, [name], people=[name], ocr=True) == []
    assert "visit" in pymupdf.open(stream=result.data, filetype="pdf")[0].get_text().lower()
