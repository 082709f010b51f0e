"""Scanned (image-only) pages end to end, on real rasterised PDFs (issue 10).

* With OCR: the words only the picture shows are read once, analysed by the same engine as any text
  page, and burned out of the pixels by their OCR boxes; the output is then read back by OCR and a
  third party's number or name is no longer recoverable, while the subject's name still is.
* Verification reads what OCR can recover from the output's pictures, not only its text layer.
* Without OCR (rule ``unread-page``): a page nobody could read is withheld whole (fail closed).

Pages are small (a postcard) and rendered at 200 dpi so Tesseract reads them in about a second.
"""

import pymupdf
import pytest

from redaction import pdf, pdf_shown
from redaction.types import Box, BurnInBox
from redaction.unread import UNREAD_PAGE
from tests.redaction.engine_support import context, propose

pytestmark = pytest.mark.slow

LINES = ("CASE NOTE", "Lorcan Halloran attended with Doran Vesk.", "Doran Vesk is the mother's partner.",
         "Doran Vesk's mobile is 07700 900123.")


def scanned_pdf(lines=LINES) -> bytes:
    """A one-page PDF whose only content is a grey picture of ``lines`` (no text layer)."""
    src = pymupdf.open()
    page = src.new_page(width=420, height=160)
    for i, line in enumerate(lines):
        page.insert_text((20, 30 + 28 * i), line, fontname="helv", fontsize=13)
    pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    out = pymupdf.open()
    scan = out.new_page(width=420, height=160)
    scan.insert_image(scan.rect, stream=pix.tobytes("png"))
    data = out.tobytes()
    assert not pymupdf.open(stream=data).load_page(0).get_text().strip()
    return data


def ocr_text(data: bytes) -> str:
    with pymupdf.open(stream=data) as doc:
        page = doc.load_page(0)
        tp = page.get_textpage_ocr(language="eng", dpi=200, full=True)
        return " ".join(page.get_text("text", textpage=tp).split())


def burn(data: bytes, plan, **kw) -> bytes:
    boxes = [BurnInBox(p.page, b) for p in plan.proposals for b in p.boxes]
    strings = sorted({" ".join(p.text.split()) for p in plan.proposals if p.text.strip()})
    return pdf.burn_in_report(data, boxes, removed_strings=strings, **kw).data


needs_ocr = pytest.mark.skipif(not pdf.ocr_available(), reason="Tesseract is installed by `make system-deps`")


@needs_ocr
def test_words_only_ocr_sees_are_detected_and_burned_out_of_the_pixels(monkeypatch):
    data = scanned_pdf()
    # Count the OCR passes extraction makes (calls go through to the real OCR): the upright picture
    # is read once (MuPDF's OCR text page); Tesseract then reads only the three turned renderings.
    calls = {"upright": 0, "turned": 0}
    real_page_ocr, real_words = pymupdf.Page.get_textpage_ocr, pdf_shown._tesseract_words

    def page_ocr(self, *a, **k):
        calls["upright"] += 1
        return real_page_ocr(self, *a, **k)

    def words(png, tessdata):
        calls["turned"] += 1
        return real_words(png, tessdata)

    monkeypatch.setattr(pymupdf.Page, "get_textpage_ocr", page_ocr)
    monkeypatch.setattr(pdf_shown, "_tesseract_words", words)
    doc = pdf.extract(data, "scan.pdf")
    assert calls == {"upright": 1, "turned": 3}, calls
    monkeypatch.undo()
    assert doc.pages[0].source == "ocr"
    assert "07700 900123" in doc.pages[0].text
    plan = propose(doc, ctx=context())[0]
    texts = {" ".join(p.text.split()) for p in plan.proposals}
    assert "07700 900123" in texts and "Doran Vesk" in texts, texts
    assert not any(p.entity_type == UNREAD_PAGE for p in plan.proposals)
    out = burn(data, plan, ocr_check=True)
    after = ocr_text(out)
    assert "900123" not in after and "Vesk" not in after, after
    assert "Lorcan" in after, after  # the subject's own name is kept, and still readable


@needs_ocr
def test_verification_reads_what_ocr_recovers_from_the_picture():
    data = scanned_pdf()
    problems = pdf.verify(data, ["Doran Vesk"], ocr=True)
    assert any("OCR" in p and "doran vesk" in p.lower() for p in problems), problems
    assert not [p for p in pdf.verify(data, ["Tamsin Baptiste"], ocr=True) if "OCR" in p]


def test_a_page_nobody_could_read_is_withheld_whole():
    data = scanned_pdf()
    doc = pdf.extract(data, "scan.pdf", ocr=False)  # as on a machine without Tesseract
    assert doc.pages[0].source == "none"
    plan = propose(doc, ctx=context())[0]
    unread = [p for p in plan.proposals if p.entity_type == UNREAD_PAGE]
    assert len(unread) == 1 and unread[0].boxes == (Box(0.0, 0.0, 420.0, 160.0),)
    out = burn(data, plan, ocr_check=False)
    with pymupdf.open(stream=out) as d:
        pix = d.load_page(0).get_pixmap(dpi=50, colorspace=pymupdf.csGRAY)
    w, h = pix.width, pix.height
    # every pixel blanked (the last column and row are the page edge, part-covered at this resolution)
    assert max(pix.samples[y * w + x] for y in range(h - 1) for x in range(w - 1)) < 40


def test_a_page_with_a_text_layer_is_not_withheld_for_want_of_ocr():
    src = pymupdf.open()
    page = src.new_page(width=420, height=160)
    page.insert_text((20, 30), "Lorcan Halloran attended.", fontname="helv", fontsize=13)
    doc = pdf.extract(src.tobytes(), "typed.pdf", ocr=False)
    plan = propose(doc, ctx=context())[0]
    assert not any(p.entity_type == UNREAD_PAGE for p in plan.proposals)
