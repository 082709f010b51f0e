"""Small queries, rendering, merge and footer stamping."""

from __future__ import annotations

import pymupdf
import pytest

from redaction import pdf
from redaction.errors import NotAPdfError
from tests.redaction import pdf_factory as F


def test_page_count_and_info():
    data = F.body_text(pages=3)
    assert pdf.page_count(data) == 3
    info = pdf.pdf_info(data)
    assert info["pages"] == 3 and info["encrypted"] is False and info["needs_password"] is False
    assert info["has_text_layer"] == [True, False, False]
    assert pdf.pdf_info(F.scanned())["has_text_layer"] == [False]
    assert pdf.pdf_info(F.rotated())["rotation"] == [90]


def test_page_size_is_unrotated():
    assert pdf.page_size(F.rotated(), 0) == (595, 842)
    with pytest.raises(IndexError):
        pdf.page_size(F.body_text(), 1)


def test_render_page_png_matches_box_space():
    png = pdf.render_page_png(F.rotated(), 0, zoom=2)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pix = pymupdf.Pixmap(png)
    assert (pix.width, pix.height) == (1190, 1684)  # unrotated, so boxes * zoom overlay directly


def test_render_shows_baked_annotations():
    plain = pymupdf.Pixmap(pdf.render_page_png(F.body_text(), 0))
    with_note = pymupdf.Pixmap(pdf.render_page_png(F.freetext_annot(), 0))
    assert with_note.digest != plain.digest


def test_merge_keeps_order_and_only_pages():
    a = pdf.burn_in(F.body_text("Alpha Person"), [], removed_strings=[])
    b = pdf.burn_in(F.rotated("Beta Person"), [], removed_strings=[])
    merged = pdf.merge([("a.pdf", a), ("b.pdf", b), ("a-again.pdf", a)])
    doc = pymupdf.open(stream=merged, filetype="pdf")
    assert doc.page_count == 3
    texts = [p.get_text() for p in doc]
    assert "Alpha Person" in texts[0] and "Beta Person" in texts[1] and "Alpha Person" in texts[2]
    assert doc[1].rotation == 90
    assert merged.count(b"%%EOF") == 1 and doc.get_toc() == []


def test_merge_names_the_bad_part():
    with pytest.raises(NotAPdfError, match="two.pdf"):
        pdf.merge([("one.pdf", F.body_text()), ("two.pdf", b"not a pdf")])
    with pytest.raises(ValueError):
        pdf.merge([])


def test_stamp_pages_adds_upright_footer_at_the_bottom():
    parts = [("a", F.body_text(pages=2)), ("b", F.rotated()), ("c", F.rotated(rotation=270))]
    bundle = pdf.merge(parts)

    stamped = pdf.stamp_pages(bundle, lambda n, total: f"SAR-2026-0007 — Page {n} of {total}")

    doc = pymupdf.open(stream=stamped, filetype="pdf")
    assert stamped.count(b"%%EOF") == 1
    for page in doc:
        expected = f"SAR-2026-0007 — Page {page.number + 1} of 4"
        assert expected in page.get_text()  # the em dash survives (Unicode font)
        lines = [
            (pymupdf.Rect(b[:4]) * page.rotation_matrix, b[4])
            for b in page.get_text("blocks")
            if "SAR-2026-0007" in b[4]
        ]
        (rect, _), = lines
        # In display coordinates the footer is near the bottom edge and runs left to right.
        assert page.rect.height - 40 < rect.y0 < rect.y1 <= page.rect.height
        assert rect.width > rect.height
        # Upright: the text's writing direction, mapped to display space, points right.
        line = page.get_text("dict")["blocks"][-1]["lines"][0]
        direction = pymupdf.Point(line["dir"]) * pymupdf.Matrix(page.rotation)
        assert direction.x == pytest.approx(1, abs=1e-3)
