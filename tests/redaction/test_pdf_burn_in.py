"""burn_in against adversarial PDFs: each secret must be unrecoverable from the output.

Every case is built in-test (pdf_factory). For each: verify() must flag the *original* (so the
check has teeth), burn_in of the boxes found through extract() must pass verify(), and the
secret must be absent from every text extraction, the text trace, every raw object and stream,
and the metadata of the output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from redaction import pdf, pdf_core
from redaction.errors import VerificationError
from redaction.types import BurnInBox
from tests.redaction import pdf_factory as F

S = F.SECRET
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "redaction-sample"
FIXTURE = SAMPLES / "case00_visit_1.pdf"
needs_tesseract = pytest.mark.skipif(not pdf.ocr_available(), reason="tesseract not installed")


def secret_boxes(data: bytes, secret: str = S, label: str | None = "S40") -> list[BurnInBox]:
    doc = pdf.extract(data)
    out = []
    for page in doc.pages:
        for m in re.finditer(re.escape(secret), page.text, re.IGNORECASE):
            boxes = pdf.boxes_for_span(page, m.start(), m.end())
            out += [BurnInBox(page.page_index, b, label) for b in boxes]
    return out


def recoverable(data: bytes, secret: str = S) -> list[str]:
    """Every place the secret can still be read from, by any means we know."""
    needle = secret.lower()
    compact = needle.replace(" ", "")
    found = []
    doc = pymupdf.open(stream=data, filetype="pdf")
    for page in doc:
        for flags in (0, pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES):
            text = page.get_text("text", flags=flags).lower()
            if needle in " ".join(text.split()) or compact in "".join(text.split()):
                found.append(f"page {page.number} text")
        traced = "".join(chr(c[0]) for s in page.get_texttrace() for c in s["chars"]).lower()
        if compact in "".join(traced.split()):
            found.append(f"page {page.number} trace")
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref, compressed=True).lower()
        if needle in obj or compact in obj:
            found.append(f"object {xref}")
        if doc.xref_is_stream(xref):
            raw = (doc.xref_stream(xref) or b"").lower()
            if needle.encode() in raw or compact.encode() in raw:
                found.append(f"stream {xref}")
            # Undecoded bytes too: a JPEG's comment and EXIF segments are not in its pixels.
            undecoded = (doc.xref_stream_raw(xref) or b"").lower()
            if needle.encode() in undecoded or compact.encode() in undecoded:
                found.append(f"raw stream {xref}")
            if needle.encode("utf-16-be") in (doc.xref_stream(xref) or b""):
                found.append(f"stream {xref} utf-16")
    meta = " ".join(v or "" for v in doc.metadata.values()).lower()
    if needle in meta or compact in meta:
        found.append("metadata")
    if needle in doc.get_xml_metadata().lower():
        found.append("xmp")
    if doc.embfile_count():
        found.append("embedded files")
    if data.count(b"%%EOF") != 1:
        found.append("more than one revision")
    return found


CASES = {
    "body_text": F.body_text,
    "under_image": F.under_image,
    "white_text": F.white_text,
    "tiny_text": F.tiny_text,
    "freetext_annot": F.freetext_annot,
    "sticky_note": F.sticky_note,
    "form_field": F.form_field,
    "metadata": F.metadata,
    "xmp": F.xmp,
    "attachment": F.attachment,
    "javascript": F.javascript,
    "link": F.link,
    "off_page": F.off_page,
    "invisible_3tr": F.invisible_text,
    "transparent": F.transparent_text,
    "rotated_90": F.rotated,
    "rotated_180": lambda: F.rotated(rotation=180),
    "rotated_270": lambda: F.rotated(rotation=270),
    "hidden_layer": F.hidden_layer,
    "scanned_with_ocr_layer": F.scanned_with_ocr_layer,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_secret_is_unrecoverable_after_burn_in(case):
    data = CASES[case]()
    assert pdf.verify(data, [S]), "the original must fail verification, or the check proves nothing"

    out = pdf.burn_in(data, secret_boxes(data), removed_strings=[S])

    assert pdf.verify(out, [S]) == []
    assert recoverable(out) == []


def test_incremental_update_original_revision_does_not_survive(tmp_path):
    data = F.incremental(S, tmp_path)
    # The naive fix (a black box saved incrementally) leaves revision 1 readable by truncation.
    first_revision = data[: data.index(b"%%EOF") + 5]
    assert S in pymupdf.open(stream=first_revision, filetype="pdf")[0].get_text()
    assert any("%%EOF" in p for p in pdf.verify(data, [S]))

    out = pdf.burn_in(data, secret_boxes(data), removed_strings=[S])

    assert out.count(b"%%EOF") == 1
    assert pdf.verify(out, [S]) == []
    assert recoverable(out) == []


def test_neighbouring_text_survives_tight_line_spacing():
    # Lines 12 pt apart in 10 pt type: a redaction rectangle round one line touches the
    # full-height glyph boxes of the lines above and below, and MuPDF would remove their letters.
    data = F.body_text()
    out = pdf.burn_in(data, secret_boxes(data), removed_strings=[S])
    text = " ".join(pymupdf.open(stream=out, filetype="pdf")[0].get_text().split())
    assert "Present: the mother and (partner)." in text
    assert "He said he had been staying most nights." in text
    assert "Observations were recorded during the visit." in text
    assert F.FILLER in text


def test_real_fixture_removes_exactly_the_redacted_strings():
    if not FIXTURE.exists():
        pytest.skip("shared fixtures not present")
    data = FIXTURE.read_bytes()
    secrets = ["Charlie Fletcher", "07585 830901", "Charlie", "03/02/1983"]
    before = pdf.extract(data).pages[0].text
    boxes = [b for s in secrets for b in secret_boxes(data, s, "SCH2-P16")]

    out = pdf.burn_in(data, boxes, removed_strings=secrets, label_boxes=True)

    after = pdf.extract(out).pages[0].text
    expected = before
    for s in secrets:
        expected = re.sub(re.escape(s), " ", expected, flags=re.IGNORECASE)
    kept = " ".join(expected.split()).split(" ")
    remaining = " ".join(after.split())
    # Every word not redacted is still there, in order (labels are appended at the end).
    pos = 0
    for word in kept:
        nxt = remaining.find(word, pos)
        assert nxt >= 0, f"over-redaction: {word!r} is missing"
        pos = nxt + len(word)
    assert "SCH2-P16" in remaining
    for s in secrets:
        assert s.lower() not in remaining.lower()


def test_scanned_page_pixels_under_box_are_blanked():
    data = F.scanned_with_ocr_layer()
    boxes = secret_boxes(data)
    assert boxes
    out = pdf.burn_in(data, boxes, removed_strings=[S])
    doc = pymupdf.open(stream=out, filetype="pdf")
    page = doc[0]
    (xref, *_), = page.get_images(full=True)
    pix = pymupdf.Pixmap(doc, xref)
    # Map the box (points) onto the image (which fills the page) and count colours inside it.
    sx, sy = pix.width / page.rect.width, pix.height / page.rect.height
    b = boxes[0].box
    clip = pymupdf.IRect(int(b.x0 * sx) + 1, int(b.y0 * sy) + 1, int(b.x1 * sx) - 1, int(b.y1 * sy) - 1)
    assert pix.color_count(clip=clip) == 1
    # ...while the rest of the scan (the second line) still has ink.
    rest = pymupdf.IRect(int(72 * sx), int(125 * sy), int(300 * sx), int(145 * sy))
    assert pix.color_count(clip=rest) > 1


@needs_tesseract
def test_scanned_page_without_text_layer_is_redacted_through_ocr():
    data = F.scanned()
    doc = pdf.extract(data)
    assert doc.pages[0].source == "ocr"
    boxes = secret_boxes(data)
    assert boxes, doc.pages[0].text
    out = pdf.burn_in(data, boxes, removed_strings=[S])
    # The only way to read a picture is to OCR it: the name must be gone from the pixels.
    assert S.lower() not in pdf.extract(out).pages[0].text.lower()
    assert "duty team" in pdf.extract(out).pages[0].text


def test_burn_in_refuses_when_a_removed_string_has_no_boxes():
    data = F.body_text()
    with pytest.raises(VerificationError) as err:
        pdf.burn_in(data, [], removed_strings=[S], name="visit.pdf")
    assert any(S in p for p in err.value.problems)
    assert "verification" in str(err.value)


def test_burn_in_refuses_boxes_on_missing_pages():
    data = F.body_text()
    with pytest.raises(ValueError, match="page 3"):
        pdf.burn_in(data, [BurnInBox(3, secret_boxes(data)[0].box)], removed_strings=[])
    with pytest.raises(ValueError, match="withheld page 5"):
        pdf.burn_in(data, [], withheld_pages={5: "LPP"})


def test_withheld_page_keeps_only_the_notice():
    data = F.body_text(pages=2)
    second = pymupdf.open(stream=data, filetype="pdf")
    second[1].insert_text((72, 100), f"Legal advice about {S}", fontsize=11)
    data = second.tobytes()

    out = pdf.burn_in(data, secret_boxes(data)[:1], withheld_pages={1: "Sch 2 para 19"}, removed_strings=[S])

    doc = pymupdf.open(stream=out, filetype="pdf")
    assert doc.page_count == 2
    assert doc[1].get_text().strip() == "Page withheld: Sch 2 para 19"
    assert doc[1].get_images() == []
    (x0, y0, x1, y1) = doc[1].get_text("words")[0][:4]
    assert 150 < y0 < 700  # centred, not at the top
    assert recoverable(out) == []


def test_labels_are_printed_in_white_inside_the_box():
    data = F.body_text()
    boxes = secret_boxes(data, label="SCH2-P16")
    out = pdf.burn_in(data, boxes, removed_strings=[S], label_boxes=True)
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    spans = [s for s in page.get_texttrace() if "".join(chr(c[0]) for c in s["chars"]) == "SCH2-P16"]
    assert spans and spans[0]["color"] == (1.0, 1.0, 1.0)
    assert pymupdf.Rect(boxes[0].box.as_tuple()).contains(pymupdf.Rect(spans[0]["bbox"]))
    # Without label_boxes the code is not printed.
    plain = pdf.burn_in(data, boxes, removed_strings=[S])
    assert "SCH2" not in pymupdf.open(stream=plain, filetype="pdf")[0].get_text()


def test_existing_unapplied_redaction_mark_is_applied():
    doc = pymupdf.open(stream=F.body_text(), filetype="pdf")
    page = doc[0]
    page.add_redact_annot(page.search_for(S)[0], fill=(0, 0, 0))
    data = doc.tobytes()

    extracted = pdf.extract(data)
    assert S not in extracted.pages[0].text
    assert any("unapplied redaction" in p for p in extracted.problems)
    out = pdf.burn_in(data, [], removed_strings=[S])
    assert recoverable(out) == []


def test_output_is_deterministic():
    data = F.body_text()
    boxes = secret_boxes(data)
    assert pdf.burn_in(data, boxes, removed_strings=[S]) == pdf.burn_in(data, boxes, removed_strings=[S])


def test_overlapping_boxes_print_one_label():
    data = F.body_text()
    outer = secret_boxes(data, S, "SCH2-P16")
    inner = secret_boxes(data, "Charlie", "SCH2-P16")
    out = pdf.burn_in(data, outer + inner, removed_strings=[S], label_boxes=True)
    assert pymupdf.open(stream=out, filetype="pdf")[0].get_text().count("SCH2-P16") == 1


def test_baked_annotation_text_outside_the_box_is_kept():
    # FreeText is baked into page content: the rest of the note stays readable, only the name goes.
    data = F.freetext_annot()
    out = pdf.burn_in(data, secret_boxes(data), removed_strings=[S])
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    assert "Call" in page.get_text() and page.first_annot is None


def test_text_under_a_drawn_black_box_is_removed():
    # A file that already had a fake (drawn-over) redaction: nobody can read the text on the page,
    # so it is removed without a box, and the output passes the check for covered text.
    data = F.naive_black_box()
    assert any("covered" in p for p in pdf.verify(data, []))
    out = pdf.burn_in(data, [], removed_strings=[S])
    assert recoverable(out) == []
    kept = pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert "He said he had been staying most nights." in kept


@needs_tesseract
def test_ocr_check_catches_a_name_left_in_the_picture():
    # Only "Charlie" is boxed on a scan, but "Fletcher" must go too: nothing in the text layer
    # can show it, only reading the picture again can.
    data = F.scanned()
    boxes = secret_boxes(data, "Charlie")
    # (rasterise=False: without the fallback that rasterises such pages, the leak is refused.)
    with pytest.raises(VerificationError) as err:
        pdf.burn_in(data, boxes, removed_strings=["Fletcher"], rasterise=False)
    assert any("OCR" in p and "Fletcher" in p for p in err.value.problems)
    # Without the OCR check the same leak passes: the check is what catches it.
    pdf.burn_in(data, boxes, removed_strings=["Fletcher"], ocr_check=False)


@needs_tesseract
def test_parallel_ocr_matches_serial(monkeypatch):
    scan = pymupdf.open(stream=F.scanned(), filetype="pdf")
    doc = pymupdf.open()
    for _ in range(4):
        doc.insert_pdf(scan)
    data = doc.tobytes()
    serial = pdf.extract(data)
    monkeypatch.setattr(pdf_core, "_PARALLEL_OCR_MIN", 2)
    monkeypatch.setattr(pdf_core, "_cpu_count", lambda: 2)
    calls = []
    real = pdf_core._in_children
    monkeypatch.setattr(pdf_core, "_in_children", lambda f, jobs: calls.append(f) or real(f, jobs))

    assert pdf.extract(data) == serial
    problems = pdf.verify(data, [S], ocr=True)

    assert calls == ["_ocr_chunk", "_ocr_text_chunk"]
    assert [p for p in problems if "OCR" in p] == [
        f"page {n}: the page image still reads {S!r} (OCR)" for n in range(1, 5)
    ]


def test_many_boxes_per_page():
    names = ["Charlie Fletcher", "Sara Wells"]
    data = F.many_pages(3, names)
    boxes = [b for n in names for b in secret_boxes(data, n, "S40")]
    assert len(boxes) == 90

    out = pdf.burn_in(data, boxes, removed_strings=names, label_boxes=True)

    for n in names:
        assert recoverable(out, n) == []
    text = pymupdf.open(stream=out, filetype="pdf")[2].get_text()
    assert text.count("was seen at home on visit") == 30 and text.count("S40") == 30


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_labels_are_upright_inside_the_box_on_rotated_pages(rotation):
    data = F.rotated(rotation=rotation)
    boxes = secret_boxes(data, label="SCH2-P16")
    out = pdf.burn_in(data, boxes, removed_strings=[S], label_boxes=True)
    page = pymupdf.open(stream=out, filetype="pdf")[0]
    (line,) = [
        ln for b in page.get_text("dict")["blocks"] for ln in b.get("lines", ())
        if "SCH2-P16" in "".join(s["text"] for s in ln["spans"])
    ]
    direction = pymupdf.Point(line["dir"]) * pymupdf.Matrix(page.rotation)
    assert direction.x == pytest.approx(1, abs=1e-3)
    # get_texttrace, not the dict bbox: MuPDF puts the latter on the wrong side of upside-down text.
    (label,) = [s for s in page.get_texttrace() if "".join(chr(c[0]) for c in s["chars"]) == "SCH2-P16"]
    assert pymupdf.Rect(boxes[0].box.as_tuple()).contains(pymupdf.Rect(label["bbox"]))
    # The box sits on the glyphs: the kept words of the same line are untouched.
    assert "Partner" in page.get_text() and "was present." in page.get_text()
