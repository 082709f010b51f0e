"""verify(): the independent check that gates every release."""

from __future__ import annotations

import pymupdf
import pytest

from redaction import pdf
from tests.redaction import pdf_factory as F

S = F.SECRET


def test_naive_black_rectangle_is_caught():
    problems = pdf.verify(F.naive_black_box(), [S])
    assert any(S in p and "page 1" in p for p in problems), problems


def test_incremental_save_is_caught(tmp_path):
    problems = pdf.verify(F.incremental(S, tmp_path), ["nothing to find here"])
    assert any("%%EOF" in p for p in problems), problems


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        (F.metadata, "metadata field"),
        (F.metadata, "Info dictionary"),
        (F.xmp, "XMP"),
        (F.attachment, "embedded file"),
        (F.javascript, "JavaScript"),
        (F.link, "links remain"),
        (F.sticky_note, "annotations remain"),
        (F.form_field, "form fields remain"),
        (F.off_page, "off-page text"),
        (F.invisible_text, "invisible text"),
        (F.transparent_text, "transparent text"),
        (F.hidden_layer, "switched off"),
    ],
)
def test_hidden_data_is_reported_even_without_strings(builder, expected):
    problems = pdf.verify(builder(), [])
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("builder", [F.off_page, F.invisible_text, F.hidden_layer, F.metadata, F.xmp])
def test_removed_string_is_found_wherever_it_hides(builder):
    assert any(S in p for p in pdf.verify(builder(), [S]))


def test_matching_ignores_case_and_spacing():
    data = F.body_text("CHARLIE   fletcher")
    assert pdf.verify(data, ["charlie fletcher"])
    assert pdf.verify(F.body_text("Charlie\u00a0Fletcher"), ["Charlie Fletcher"])


def test_name_split_across_lines_is_found():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "seen with Charlie", fontsize=11)
    page.insert_text((72, 114), "Fletcher at home", fontsize=11)
    assert pdf.verify(doc.tobytes(), [S])


def test_short_strings_match_whole_tokens_only():
    data = F.body_text("Sam Ng")
    assert pdf.verify(data, ["Ng"])  # a whole word
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "A sample of the angle data", fontsize=11)
    assert pdf.verify(doc.tobytes(), ["Sam", "ng"]) == []


def test_utf16_metadata_is_decoded():
    doc = pymupdf.open(stream=F.body_text("someone"), filetype="pdf")
    doc.set_metadata({"title": "Zoë Fletcher’s file"})  # non-Latin-1 -> UTF-16 in the file
    assert any("Zoë" in p for p in pdf.verify(doc.tobytes(), ["Zoë Fletcher"]))


def test_clean_document_passes():
    data = pdf.burn_in(F.body_text("nobody"), [], removed_strings=[])
    assert pdf.verify(data, [S, "Ng"]) == []


def test_naive_black_rectangle_is_caught_without_knowing_the_text():
    problems = pdf.verify(F.naive_black_box(), [])
    assert any("covered text" in p for p in problems), problems
    # A black rectangle that covers no text is not a problem.
    doc = pymupdf.open(stream=F.body_text(), filetype="pdf")
    doc[0].draw_rect(pymupdf.Rect(72, 700, 200, 720), color=(0, 0, 0), fill=(0, 0, 0))
    assert pdf.verify(doc.tobytes(), []) == []
