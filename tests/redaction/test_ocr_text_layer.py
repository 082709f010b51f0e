"""Released scanned pages carry an invisible, searchable text layer of the words kept (issue 10).

Each test builds an image-only page inside the test (text rendered to a picture, the picture put
on a page of its own), runs the real path: extract (OCR) -> engine proposals and their boxes ->
burn-in, and reads the result back the way a reader or the text-based scorer does.
"""

import pymupdf
import pytest

from redaction import pdf, pdf_ocr_layer
from redaction.pdf_core import _tessdata
from redaction.types import Box, BurnInBox
from tests.redaction.engine_support import context, propose
from tests.redaction.test_pdf_burn_in import recoverable

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not pdf.ocr_available(), reason="Tesseract is installed by `make system-deps`"),
]

# Invented wording: the subject (kept), a third party (redacted) and ordinary words (kept).
LINES = ("VISIT RECORD", "Lorcan Halloran walked to the library with Perpetua Wrenfield.",
         "The weather stayed bright and cold all afternoon.")
THIRD_PARTY = "Perpetua Wrenfield"


def scanned_pdf(lines=LINES, pages: int = 1, typed_first: bool = False) -> bytes:
    """A PDF of ``pages`` image-only pages showing ``lines`` (no text layer), after an optional typed page."""
    src = pymupdf.open()
    page = src.new_page(width=460, height=140)
    for i, line in enumerate(lines):
        page.insert_text((20, 30 + 30 * i), line, fontname="helv", fontsize=13)
    png = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    out = pymupdf.open()
    if typed_first:
        out.new_page(width=460, height=140).insert_text((20, 30), "A typed cover sheet.", fontname="helv")
    for _ in range(pages):
        scan = out.new_page(width=460, height=140)
        scan.insert_image(scan.rect, stream=png)
    return out.tobytes()


def plan_for(data: bytes):
    doc = pdf.extract(data, "scan.pdf")
    plan = propose(doc, ctx=context())[0]
    boxes = [BurnInBox(p.page, b) for p in plan.proposals for b in p.boxes]
    strings = sorted({" ".join(p.text.split()) for p in plan.proposals if p.text.strip()})
    people = sorted({p.text for p in plan.proposals if p.entity_type == "PERSON"})
    return doc, boxes, strings, people


def page_texts(data: bytes) -> list[str]:
    with pymupdf.open(stream=data) as doc:
        return [" ".join(page.get_text().split()) for page in doc]


@pytest.fixture(scope="module")
def scan():
    data = scanned_pdf()
    doc, boxes, strings, people = plan_for(data)
    assert doc.pages[0].source == "ocr"
    assert THIRD_PARTY in strings, strings  # the engine boxes the third party on the scanned page
    return data, boxes, strings, people


def test_kept_words_are_searchable_and_the_redacted_name_is_not(scan):
    data, boxes, strings, people = scan
    result = pdf.burn_in_report(data, boxes, removed_strings=strings, people=people, name="scan.pdf")
    assert result.text_layer_pages == (0,)
    text = page_texts(result.data)[0]
    for kept in ("Lorcan", "library", "weather", "afternoon"):
        assert kept in text, text
    # In reading order: the second line's words come after the first line's.
    assert text.index("library") < text.index("weather") < text.index("afternoon"), text
    assert "Wrenfield" not in text and "Perpetua" not in text, text
    assert recoverable(result.data, "Wrenfield") == []
    assert recoverable(result.data, "Perpetua") == []
    with pymupdf.open(stream=result.data) as out:  # the layer is invisible: text render mode 3
        spans = [s for s in out[0].get_texttrace() if s["chars"]]
        assert spans and all(s["type"] == 3 and s["font"] == "Helvetica" for s in spans)


def test_setting_off_releases_the_picture_without_text(scan):
    data, boxes, strings, people = scan
    result = pdf.burn_in_report(data, boxes, removed_strings=strings, people=people, ocr_text_layer=False)
    assert result.text_layer_pages == ()
    assert page_texts(result.data) == [""]


def test_a_word_touching_a_box_is_left_out_of_the_layer(scan):
    data, boxes, strings, people = scan
    with pymupdf.open(stream=data) as doc:
        page = doc[0]
        words = pdf_ocr_layer.kept_words(page, (), _tessdata())
        library = next(r for r, w in words if w.startswith("library"))
        # A box over the first half of the word only: the whole word goes from the layer.
        half = Box(library.x0, library.y0, (library.x0 + library.x1) / 2, library.y1)
        kept = [w for _, w in pdf_ocr_layer.kept_words(page, (half,), _tessdata())]
    assert not any(w.startswith("library") for w in kept), kept
    assert "weather" in kept and any(w.startswith("Halloran") for w in kept), kept


def test_a_layer_that_fails_verification_is_dropped_and_the_picture_released(scan, monkeypatch):
    data, boxes, strings, people = scan
    real = pdf_ocr_layer.kept_words

    def leaky(page, page_boxes, tessdata):
        # As if OCR read the redacted name somewhere outside every box.
        return [*real(page, page_boxes, tessdata), (pymupdf.Rect(20, 120, 140, 134), "Wrenfield")]

    monkeypatch.setattr(pdf_ocr_layer, "kept_words", leaky)
    result = pdf.burn_in_report(data, boxes, removed_strings=strings, people=people, name="scan.pdf")
    assert result.text_layer_pages == ()
    assert page_texts(result.data) == [""]
    assert recoverable(result.data, "Wrenfield") == []
    # Refused by the page's own check (not by the document-wide one after it).
    assert any(n.startswith("page 1: no searchable text layer was added") for n in result.notes), result.notes
    assert not any("failed verification with it" in n for n in result.notes), result.notes
    assert not any("Wrenfield" in n for n in result.notes)  # the note never quotes the text


def test_a_document_that_fails_verification_with_its_layers_is_released_without_them(scan, monkeypatch):
    data, boxes, strings, people = scan
    real = pdf_ocr_layer.kept_words

    def leaky(page, page_boxes, tessdata):
        return [*real(page, page_boxes, tessdata), (pymupdf.Rect(20, 120, 140, 134), "Wrenfield")]

    monkeypatch.setattr(pdf_ocr_layer, "kept_words", leaky)
    monkeypatch.setattr(pdf_ocr_layer, "_layer_problems", lambda *a, **k: [])  # the per-page check misses it
    result = pdf.burn_in_report(data, boxes, removed_strings=strings, people=people, name="scan.pdf")
    assert result.text_layer_pages == ()
    assert page_texts(result.data) == [""]
    assert any("failed verification with it" in n for n in result.notes), result.notes


def test_page_range_burn_in_adds_the_layer_with_whole_document_page_numbers():
    data = scanned_pdf(typed_first=True)
    _, boxes, strings, people = plan_for(data)
    result = pdf.burn_in_ranges(data, boxes, range_pages=1, removed_strings=strings, people=people)
    assert result.text_layer_pages == (1,)
    texts = page_texts(result.data)
    assert texts[0] == "A typed cover sheet."
    assert "library" in texts[1] and "Wrenfield" not in texts[1], texts
    assert recoverable(result.data, "Wrenfield") == []
