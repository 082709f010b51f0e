"""Issue 10: a page whose picture still reads removed text after the repair pass is withheld, not the document.

The failing page is a scan of a name with each word broken in two (``SHOWN``, as a bad scan or
a spaced-out heading reads): verification finds the removed "Charlie Fletcher" in it (spaces
ignored), but the repair pass (``pdf_raster``) blacks out OCR words that show a word of a removed
string, and the words read there are fragments, so after the repair the picture still shows the
name. Before issue 10 the whole document was refused. (Until wave 7 the fixture was the name
without its space; the repair pass now blacks that out, see tests/redaction/test_pdf_raster_located.py.)
"""

from __future__ import annotations

import pymupdf
import pytest

from redaction import pdf
from redaction.errors import VerificationError
from redaction.pdf_burn import picture_only_pages
from redaction.pdf_withhold import UNVERIFIED_NOTICE
from tests.redaction import pdf_factory as F
from tests.redaction.test_pdf_burn_in import needs_tesseract

NAME = "Charlie Fletcher"
CLEAN = "The duty team met on Monday to plan the visit."
SHOWN = "Cha rlie Flet cher"  # what the scan shows: the name, each word broken in two


def _page(text: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page(width=F.A4[0], height=F.A4[1]).insert_text((72, 100), text, fontsize=11)
    return doc.tobytes()


def _bundle(*parts: bytes) -> bytes:
    doc = pymupdf.open()
    for part in parts:
        doc.insert_pdf(pymupdf.open(stream=part, filetype="pdf"))
    return doc.tobytes()


def glued_bundle() -> bytes:
    """Page 1 plain text, page 2 a scan showing the name broken into fragments, page 3 an unrelated scan."""
    return _bundle(_page(CLEAN), F.scanned(SHOWN), F.scanned("Sam Example"))


def _ocr(data: bytes, index: int) -> str:
    page = pymupdf.open(stream=data, filetype="pdf")[index]
    tp = page.get_textpage_ocr(language="eng", dpi=300, full=True, tessdata=pymupdf.get_tessdata())
    return page.get_text("text", textpage=tp)


@pytest.fixture(scope="module")
def withheld():
    data = glued_bundle()
    return data, pdf.burn_in_report(data, [], removed_strings=[NAME])


@needs_tesseract
def test_page_whose_picture_still_shows_the_name_is_withheld_and_the_rest_kept(withheld):
    data, result = withheld
    assert result.withheld_pages == (1,)
    out = pymupdf.open(stream=result.data, filetype="pdf")
    assert out.page_count == 3
    # The notice and nothing else: no picture, no text of the page, the original page size.
    assert out[1].get_text().split() == " ".join(UNVERIFIED_NOTICE).split()
    assert out[1].get_images() == []
    original = pymupdf.open(stream=data, filetype="pdf")
    assert out[1].rect == original[1].rect
    assert "charlie" not in _ocr(result.data, 1).lower()
    # The other pages are released and verified (the scan keeps its searchable layer).
    assert CLEAN in out[0].get_text()
    assert "Sam Example" in out[2].get_text()
    assert pdf.verify(result.data, [NAME], ocr=True) == []
    # The officer is told which page and what to do, without the removed text.
    (note,) = [n for n in result.notes if n.startswith("page 2:")]
    assert "manual check" in note and "Charlie" not in note and "Fletcher" not in note
    assert 1 not in result.rasterised_pages  # a notice, not a picture of the page


@needs_tesseract
def test_without_withholding_the_document_is_refused_as_before():
    with pytest.raises(VerificationError) as err:
        pdf.burn_in_report(glued_bundle(), [], removed_strings=[NAME], withhold_unverifiable=False)
    assert any("(OCR)" in p and "page 2" in p for p in err.value.problems)


@needs_tesseract
def test_a_text_layer_problem_still_refuses_the_whole_document():
    # Page 1's text layer still holds the name (no box): not a picture problem, so no page is
    # withheld to hide it and nothing is returned.
    data = _bundle(_page(f"Referral for {NAME} from the school."), F.scanned(SHOWN))
    with pytest.raises(VerificationError) as err:
        pdf.burn_in_report(data, [], removed_strings=[NAME])
    assert any(p.startswith("page 1: text still contains") for p in err.value.problems)


@needs_tesseract
def test_a_clean_document_has_no_withheld_pages():
    data = _bundle(_page(CLEAN), F.scanned("Sam Example"))
    result = pdf.burn_in_report(data, [], removed_strings=[NAME])
    assert result.withheld_pages == ()
    assert not any("manual check" in n for n in result.notes)


@needs_tesseract
def test_range_burn_in_withholds_the_page_with_whole_document_numbers():
    result = pdf.burn_in_ranges(glued_bundle(), [], range_pages=2, removed_strings=[NAME])
    assert result.withheld_pages == (1,)
    assert any(n.startswith("page 2:") and "manual check" in n for n in result.notes)
    out = pymupdf.open(stream=result.data, filetype="pdf")
    assert out[1].get_text().split() == " ".join(UNVERIFIED_NOTICE).split()
    assert "Sam Example" in out[2].get_text()
    # The second range (page 3 alone) is clean; its page number stays the document's.
    late = pdf.burn_range(glued_bundle(), 1, 3, [], removed_strings=[NAME])
    assert late.withheld_pages == (1,)


@pytest.mark.parametrize(
    ("problems", "repaired", "expected"),
    [
        # Positive: OCR problems, and any problem of a page the repair pass made a picture of.
        (["page 2: the page image still reads 'X Y' (OCR)", "page 2: text still contains 'X Y'"], [1], [1]),
        (["page 3: the page image still reads 'X Y' (OCR)"], [], [2]),
        # Negative: a text problem of a page that is not the repair's picture, a whole-file problem.
        (["page 2: the page image still reads 'X Y' (OCR)", "page 1: text still contains 'X Y'"], [1], []),
        (["page 2: the page image still reads 'X Y' (OCR)", "metadata field 'title' is not empty"], [1], []),
        (["page 2: the page image still reads 'X Y' (OCR)", "stream 9 still contains 'X Y'"], [1], []),
        ([], [1], []),
    ],
)
def test_only_picture_problems_make_pages_to_withhold(problems, repaired, expected):
    assert picture_only_pages(problems, repaired) == expected
