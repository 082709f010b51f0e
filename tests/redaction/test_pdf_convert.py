"""Issue 17: converting records as councils hold them to PDF (real files built here, real LibreOffice,
real Tesseract), then extracting, redacting and verifying the result like any uploaded PDF."""

from __future__ import annotations

import io
import shutil

import pillow_heif
import pymupdf
import pytest

from redaction import pdf, pdf_convert
from redaction.errors import ConversionError, UnsupportedFormatError
from redaction.types import BurnInBox
from tests import formats_factory as ff

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed "
                                  "(make system-deps)")
needs_ocr = pytest.mark.skipif(not pdf.ocr_available(), reason="Tesseract not installed (make system-deps)")

THIRD = "Marcus Pemberton"


def _text(data: bytes) -> str:
    """The text the review and redaction pipeline sees (ligatures expanded)."""
    return "\n".join(page.text for page in pdf.extract(data, "converted.pdf", ocr=False).pages)


def _no_metadata(data: bytes) -> None:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert not any(doc.metadata.get(k) for k in ("title", "author", "subject", "keywords", "creator",
                                                     "producer", "creationDate", "modDate"))
        assert not doc.get_xml_metadata()
    assert b"Secret" not in data


# --- detection ---------------------------------------------------------------------------------------------


def test_detect_by_content_not_name():
    assert pdf_convert.detect(ff.text_image(["x"]), "scan.pdf") == "png"
    assert pdf_convert.detect(ff.rtf("hello"), "notes.doc") == "rtf"
    assert pdf_convert.detect(b"a,b\n1,2\n", "table.csv") == "csv"


def test_unknown_or_mislabelled_files_are_named_with_the_reason():
    with pytest.raises(UnsupportedFormatError, match=r"notes\.txt: this type of file is not supported"):
        pdf_convert.detect(b"just some text\n", "notes.txt")
    with pytest.raises(UnsupportedFormatError, match=r"letter\.docx is named as a Word document but"):
        pdf_convert.detect(b"PK\x03\x04 not really a zip", "letter.docx")
    with pytest.raises(UnsupportedFormatError, match=r"photo\.jpg is named as a JPEG image"):
        pdf_convert.detect(b"\x00\x01garbage", "photo.jpg")


def test_password_protected_office_file_is_refused_before_conversion():
    # MS-OFFCRYPTO: an encrypted .docx is an OLE compound file with an "EncryptionInfo" stream.
    encrypted = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptionInfo".encode("utf-16-le")
                 + b"\x00" * 600)
    with pytest.raises(ConversionError, match=r"locked\.docx is password-protected"):
        pdf_convert.convert(encrypted, "locked.docx")
    plain_ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1200
    with pytest.raises(UnsupportedFormatError, match="Office 97-2003 file of a kind"):
        pdf_convert.convert(plain_ole, "mystery.xls")


# --- word processing ---------------------------------------------------------------------------------------


@needs_office
@pytest.mark.parametrize("hide_markup", [False, True], ids=["markup-shown", "author-hid-markup"])
def test_docx_tracked_changes_and_comments_are_visible_and_metadata_dropped(hide_markup):
    data = ff.docx_with_revisions(kept="The plan was agreed.", inserted="Grandmother attended.",
                                  deleted="Uncle refused to attend.", commented="Contact was arranged.",
                                  comment=f"Check with {THIRD} first", hide_markup=hide_markup)
    out = pdf_convert.convert(data, "case note.docx")
    text = _text(out.pdf)
    assert out.kind == "docx" and out.media_type.endswith("wordprocessingml.document")
    assert "Grandmother attended." in text
    assert "Uncle refused to attend." in text  # a deletion is part of the record: shown, struck through
    assert f"Check with {THIRD} first" in text  # the comment is page content, not a pop-up note
    assert "[C1]" in text and "Comments in this document" in text
    with pymupdf.open(stream=out.pdf, filetype="pdf") as doc:
        assert not any(list(page.annots()) for page in doc)
    _no_metadata(out.pdf)


@needs_office
def test_odt_and_rtf_convert_with_their_annotations_and_without_metadata():
    out = pdf_convert.convert(ff.odt("Visit notes for the week.", annotation=f"{THIRD} phoned"), "notes.odt")
    assert out.kind == "odt"
    assert "Visit notes for the week." in _text(out.pdf) and f"{THIRD} phoned" in _text(out.pdf)
    _no_metadata(out.pdf)
    out = pdf_convert.convert(ff.rtf("Letter to the school."), "letter.rtf")
    assert out.kind == "rtf" and "Letter to the school." in _text(out.pdf)
    _no_metadata(out.pdf)


@needs_office
def test_damaged_word_file_is_a_clear_error():
    data = ff.docx_with_revisions(kept="a", inserted="b", deleted="c", commented="d", comment="e")
    broken = data[: len(data) // 2]
    with pytest.raises(ConversionError, match=r"broken\.docx"):
        pdf_convert.convert(broken, "broken.docx")


# --- spreadsheets ------------------------------------------------------------------------------------------


def test_xlsx_and_csv_become_readable_tables_with_every_cell_in_full():
    long_note = "Father called twice asking about contact arrangements for the weekend"
    data = ff.xlsx([["Date", "Contact", "Outcome"], ["2026-01-05", THIRD, long_note]],
                   hidden_sheet=[["Private column", "Kept aside by the author"]])
    out = pdf_convert.convert(data, "contacts.xlsx")
    text = " ".join(_text(out.pdf).split())
    assert out.kind == "xlsx" and "Outcome" in text and THIRD in text
    assert long_note in text  # not cut at the column's width
    assert "Kept aside by the author" in text and "this sheet is hidden" in text
    _no_metadata(out.pdf)
    out = pdf_convert.convert(f"Date;Contact\n2026-01-06;{THIRD}\n".encode(), "log.csv")
    text = _text(out.pdf)
    assert out.kind == "csv" and THIRD in text and "2026-01-06" in text
    assert ";" not in text  # the sniffed separator split the columns


# --- images ------------------------------------------------------------------------------------------------


@needs_ocr
def test_photo_of_text_becomes_a_page_that_is_ocrd_redacted_and_verified():
    photo = ff.text_image(["Handwritten note copy", f"Seen with {THIRD} today"], fmt="JPEG", rotate_exif=True)
    out = pdf_convert.convert(photo, "IMG_0001.jpg")
    assert out.kind == "jpeg" and out.page_count == 1
    assert b"Secret Camera Maker" not in out.pdf  # EXIF (camera, location) is not carried over
    with pymupdf.open(stream=out.pdf, filetype="pdf") as doc:
        assert doc[0].rect.height > doc[0].rect.width  # EXIF orientation applied: upright portrait page
    extracted = pdf.extract(out.pdf, "IMG_0001.jpg")
    page = extracted.pages[0]
    assert page.source == "ocr" and THIRD in page.text
    start = page.text.index(THIRD)
    boxes = pdf.boxes_for_span(page, start, start + len(THIRD))
    redacted = pdf.burn_in(out.pdf, [BurnInBox(page=0, box=b, label="S40") for b in boxes],
                           removed_strings=[THIRD])
    assert THIRD not in " ".join(p.text for p in pdf.extract(redacted, "r.pdf").pages)


@needs_ocr
def test_multipage_tiff_gives_one_ocrd_page_per_frame():
    data = ff.multipage_tiff([["First scanned page"], ["Second scanned page"], ["Third scanned page"]])
    out = pdf_convert.convert(data, "scan.tif")
    assert (out.kind, out.page_count) == ("tiff", 3)
    texts = [p.text for p in pdf.extract(out.pdf, "scan.tif").pages]
    assert [("First" in t, "Second" in t, "Third" in t) for t in texts] == [
        (True, False, False), (False, True, False), (False, False, True)]


def test_png_is_one_page_the_size_of_the_image_at_its_resolution():
    out = pdf_convert.convert(ff.text_image(["x"], size=(600, 300), dpi=150), "chart.png")
    with pymupdf.open(stream=out.pdf, filetype="pdf") as doc:
        assert (round(doc[0].rect.width), round(doc[0].rect.height)) == (288, 144)


def test_heic_photos_are_read():
    img = ff._text_page(["HEIC page"], (400, 300)).convert("RGB")
    buf = io.BytesIO()
    pillow_heif.from_pillow(img).save(buf, quality=90)
    out = pdf_convert.convert(buf.getvalue(), "IMG_0002.HEIC")
    assert (out.kind, out.page_count) == ("heic", 1)


def test_damaged_and_oversize_images_are_clear_errors(monkeypatch):
    data = ff.text_image(["x"])
    with pytest.raises(ConversionError, match=r"cut\.png is damaged"):
        pdf_convert.convert(data[:200], "cut.png")
    monkeypatch.setattr(pdf_convert, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ConversionError, match=r"big\.png is too large an image"):
        pdf_convert.convert(data, "big.png")


# --- e-mail ------------------------------------------------------------------------------------------------


def test_eml_is_rendered_with_its_headers_and_returns_its_attachments():
    photo = ff.text_image(["Attached photo"])
    note = ff.rtf("Attached letter.")
    data = ff.eml(sender="Duty Desk <duty@council.example>", to="Team <team@council.example>",
                  cc=f"{THIRD} <mp@example.org>", subject="Visit on Monday", body=f"Please note {THIRD} called.",
                  attachments=[("photo.png", "image/png", photo), ("letter.rtf", "application/rtf", note)])
    out = pdf_convert.convert(data, "visit.eml")
    text = _text(out.pdf)
    for label in ("From:", "To:", "Cc:", "Sent:", "Subject:", "Attachments:"):
        assert label in text
    assert "duty@council.example" in text and "Visit on Monday" in text and "03 Mar 2026" in text
    assert f"Please note {THIRD} called." in text
    assert [(a.filename, a.data) for a in out.attachments] == [("photo.png", photo), ("letter.rtf", note)]
    _no_metadata(out.pdf)


def test_html_only_eml_body_is_reduced_to_text_without_scripts_or_remote_content():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.org", "b@example.org", "s"
    msg.set_content("<html><head><style>p{}</style><script>alert(1)</script></head><body><p>HTML body text</p>"
                    "<img src='http://tracker.example/x.png'><p>Second paragraph</p></body></html>", subtype="html")
    text = _text(pdf_convert.convert(msg.as_bytes(), "h.eml").pdf)
    assert "HTML body text" in text and "Second paragraph" in text
    assert "alert(1)" not in text and "tracker.example" not in text and "<p>" not in text


def test_not_an_email_is_refused():
    with pytest.raises(ConversionError, match=r"x\.eml"):
        pdf_convert.convert(b"\x00\x01\x02 binary", "x.eml")


def test_damaged_outlook_message_is_a_clear_error():
    # No Outlook writer exists to build a real .msg in a test; the damaged path is checked against the real reader.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
    with pytest.raises(ConversionError, match=r"mail\.msg is damaged or password-protected"):
        pdf_convert.convert(data, "mail.msg")
