"""extract(), boxes_for_span() and opening errors."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pymupdf
import pytest

from redaction import pdf
from redaction.errors import EncryptedPdfError, NotAPdfError, PdfError
from redaction.types import Box, PageText
from tests.redaction import pdf_factory as F

S = F.SECRET
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "redaction-sample"


def _span_boxes(page: PageText, needle: str) -> tuple[Box, ...]:
    m = re.search(re.escape(needle), page.text, re.IGNORECASE)
    assert m, f"{needle!r} not in {page.text!r}"
    return pdf.boxes_for_span(page, m.start(), m.end())


def test_real_fixture_text_and_boxes_inside_page():
    path = SAMPLES / "case00_visit_1.pdf"
    if not path.exists():
        pytest.skip("shared fixtures not present")
    doc = pdf.extract(path.read_bytes(), path.name)
    assert doc.name == "case00_visit_1.pdf"
    page = doc.pages[0]
    assert "Charlie Fletcher" in page.text
    assert page.source == "text"
    assert len(page.text) == len(page.char_boxes)
    for b in page.char_boxes:
        if b is not None:
            assert 0 <= b.x0 <= b.x1 <= page.width and 0 <= b.y0 <= b.y1 <= page.height
    # Ligature glyphs in the file reach detectors as plain letters.
    assert "first" in page.text and "charlie.fletcher86@gmail.com" in page.text
    assert "\ufb01" not in page.text and "\ufb02" not in page.text
    (box,) = _span_boxes(page, "Charlie Fletcher")
    assert box.x1 - box.x0 > 50 and 5 < box.y1 - box.y0 < 20


def test_ligatures_expand_with_one_box_per_letter():
    page = pdf.extract(F.ligatures()).pages[0]
    assert "Mr Clifford confirmed the visit." in page.text
    i = page.text.index("ff")
    first, second = page.char_boxes[i], page.char_boxes[i + 1]
    # The ligature glyph's box is shared out: adjacent, same line, no overlap.
    assert first.x1 == pytest.approx(second.x0) and first.y0 == second.y0
    assert len(page.text) == len(page.char_boxes)


def test_separators_have_no_boxes_and_lines_split_boxes():
    page = pdf.extract(F.body_text()).pages[0]
    for ch, box in zip(page.text, page.char_boxes, strict=True):
        if ch == "\n":
            assert box is None
    assert "\n\n" in page.text  # blocks are separated by a blank line
    start = page.text.index("(partner)")
    end = page.text.index("most nights") + len("most nights")
    boxes = pdf.boxes_for_span(page, start, end)
    assert len(boxes) == 2 and boxes[0].y1 < boxes[1].y1


def test_boxes_for_span_pads_and_validates():
    page = pdf.extract(F.body_text()).pages[0]
    i = page.text.index(S)
    (tight,) = pdf.boxes_for_span(page, i, i + len(S), pad=0)
    (padded,) = pdf.boxes_for_span(page, i, i + len(S))
    assert padded.x0 == pytest.approx(tight.x0 - 0.5) and padded.y1 == pytest.approx(tight.y1 + 0.5)
    assert pdf.boxes_for_span(page, i, i) == ()
    with pytest.raises(ValueError):
        pdf.boxes_for_span(page, 0, len(page.text) + 1)
    with pytest.raises(ValueError):
        pdf.boxes_for_span(page, 0, 1, pad=-1)


@pytest.mark.parametrize(
    ("builder", "needle"),
    [(F.freetext_annot, f"Call {S}"), (F.form_field, S), (F.white_text, S), (F.tiny_text, S),
     (F.under_image, S), (F.invisible_text, S), (F.transparent_text, S), (F.hidden_layer, S)],
    ids=["freetext", "form_field", "white", "tiny", "under_image", "3tr", "transparent", "hidden_layer"],
)
def test_text_a_reader_may_not_see_is_still_analysed(builder, needle):
    page = pdf.extract(builder()).pages[0]
    assert needle in " ".join(page.text.split())


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        (F.sticky_note, f"Check with {S} first"),
        (F.off_page, "outside the visible page"),
        (F.invisible_text, "invisible"),
        (F.transparent_text, "transparent"),
        (F.white_text, "white"),
        (F.tiny_text, "very small type"),
        (F.hidden_layer, "hidden layer"),
        (F.naive_black_box, "hidden under black boxes"),
    ],
    ids=["sticky_note", "off_page", "3tr", "transparent", "white", "tiny", "hidden_layer", "black_box"],
)
def test_hidden_content_is_reported_to_the_reviewer(builder, expected):
    problems = pdf.extract(builder()).problems
    assert any(expected in p for p in problems), problems


def test_rotated_page_boxes_are_in_unrotated_space():
    data = F.rotated()
    page = pdf.extract(data).pages[0]
    assert (page.width, page.height) == (595, 842)  # unrotated size, not 842 x 595
    (box,) = _span_boxes(page, S)
    # On a 90° page a displayed line runs down the unrotated page: tall and narrow.
    assert box.y1 - box.y0 > 3 * (box.x1 - box.x0)
    assert 0 <= box.x0 and box.x1 <= page.width and 0 <= box.y0 and box.y1 <= page.height
    # And it is exactly where PyMuPDF itself finds the words.
    (found,) = pymupdf.open(stream=data, filetype="pdf")[0].search_for(S)
    assert abs(pymupdf.Rect(box.as_tuple()) & found) > 0.8 * abs(found)


def test_page_without_text_layer_is_never_silently_passed():
    data = F.scanned()
    doc = pdf.extract(data, "scan.pdf", ocr=False)
    assert doc.pages[0].source == "none"
    assert doc.pages[0].text == ""
    assert "page 1 has no text layer and needs OCR or manual review" in doc.problems


def test_page_without_text_layer_is_ocrd_when_tesseract_is_installed():
    if not pdf.ocr_available():
        pytest.skip("tesseract not installed")
    page = pdf.extract(F.scanned()).pages[0]
    assert page.source == "ocr"
    assert S in page.text and "duty team" in page.text
    (box,) = _span_boxes(page, S)
    # OCR boxes are page coordinates: the name was drawn at x=72, baseline y=100, 16 pt.
    assert 60 < box.x0 < 200 and 80 < box.y0 < 100 and 90 < box.y1 < 110


def test_normalisation_keeps_one_box_per_character():
    doc = pymupdf.open()
    page = doc.new_page()
    tw = pymupdf.TextWriter(page.rect)
    # no-break space, zero-width space inside a name, and a full-width digit
    tw.append((72, 100), "Sara\u00a0Wells Char\u200blie \uff17", font=pymupdf.Font("helv"), fontsize=11)
    tw.write_text(page)
    text = pdf.extract(doc.tobytes()).pages[0]
    assert "Sara Wells Charlie 7" in text.text
    assert len(text.text) == len(text.char_boxes)
    assert unicodedata.is_normalized("NFKC", text.text)


def test_encrypted_pdf_is_refused_with_its_name():
    with pytest.raises(EncryptedPdfError, match="secret-case.pdf"):
        pdf.extract(F.encrypted(), "secret-case.pdf")
    info = pdf.pdf_info(F.encrypted())
    assert info["encrypted"] and info["needs_password"]


@pytest.mark.parametrize(
    "data",
    [b"", b"Hello, this is a Word document", b"%PDF-1.7\n this is not really a pdf \x00\x01", b"\x89PNG\r\n"],
    ids=["empty", "text", "broken", "png"],
)
def test_non_pdf_is_refused_with_its_name(data):
    with pytest.raises(NotAPdfError, match="upload.pdf"):
        pdf.extract(data, "upload.pdf")
    with pytest.raises(PdfError):
        pdf.burn_in(data, [], name="upload.pdf")


def test_pdf_with_no_pages_is_refused():
    empty = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R/Size 3>>\n%%EOF\n"
    )
    with pytest.raises(NotAPdfError, match="no pages"):
        pdf.extract(empty, "empty.pdf")


def test_extract_does_not_change_the_input():
    data = F.freetext_annot()
    copy = bytes(data)
    pdf.extract(data)
    assert data == copy
