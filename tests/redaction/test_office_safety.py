"""Office files handed to LibreOffice cannot fetch anything, and 97-2003 password protection is named (issue 17).

Real files made in the test: a DOCX whose picture is linked to a local web server (as Word's "Link to file"
writes it), Word and Excel 97-2003 files saved by LibreOffice and then flagged as encrypted the way Word and
Excel flag them."""

from __future__ import annotations

import http.server
import io
import shutil
import threading
import zipfile

import msoffcrypto
import pymupdf
import pytest

from redaction import office_safety, pdf_convert
from redaction.errors import ConversionError, UnsupportedFormatError
from tests import formats_factory as ff

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed "
                                  "(make system-deps)")


@pytest.fixture
def web_server():
    """A local HTTP server recording every path asked of it: (url, hits)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/pixel.png", hits
    server.shutdown()


def _text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return " ".join(page.get_text() for page in doc)


@needs_office
def test_linked_picture_is_not_fetched_and_the_notes_say_so(web_server):
    url, hits = web_server
    out = pdf_convert.convert(ff.docx_with_linked_picture("Notes of the home visit.", url), "visit.docx")
    assert hits == []
    assert "Notes of the home visit." in _text(out.pdf)
    assert len(out.notes) == 1 and "1 linked picture" in out.notes[0] and "blocked" in out.notes[0]


@needs_office
def test_without_the_block_libreoffice_would_fetch_it(web_server, monkeypatch):
    """Negative row: the test above can see a fetch (LibreOffice does fetch linked pictures when it lays out)."""
    url, hits = web_server
    monkeypatch.setattr(office_safety, "block_external", lambda data, kind: (data, ()))
    pdf_convert.convert(ff.docx_with_linked_picture("Notes of the home visit.", url), "visit.docx")
    assert "/pixel.png" in hits


def test_hyperlinks_are_kept_and_only_external_resources_are_rewritten():
    data = ff.docx_with_linked_picture("Text.", "https://tracker.invalid/p.png")
    out, notes = office_safety.block_external(data, "docx")
    rels = zipfile.ZipFile(io.BytesIO(out)).read("word/_rels/document.xml.rels")
    assert b"tracker.invalid/p.png\"" not in rels and office_safety.BLOCKED_TARGET.encode() in rels
    assert b"https://tracker.invalid/p.png/page" in rels  # the hyperlink: printed, never followed
    plain = ff.docx_with_revisions(kept="a", inserted="b", deleted="c", commented="d", comment="e")
    assert office_safety.block_external(plain, "docx") == (plain, ())


def test_field_and_odf_links_are_blocked():
    rtf = rb'{\rtf1 {\field{\*\fldinst INCLUDEPICTURE "http://x.invalid/a.png" \d}{\fldrslt }}Hello}'
    out, notes = office_safety.block_external(rtf, "rtf")
    assert b"x.invalid" not in out and notes and b'INCLUDEPICTURE "blocked-external-resource" \\d}' in out
    unquoted = rb"{\rtf1 {\field{\*\fldinst INCLUDETEXT \\\\server\\share\\a.doc}{\fldrslt }}Hi}"
    out, notes = office_safety.block_external(unquoted, "rtf")
    assert b"server" not in out and b'"' not in out and notes
    plain = rb"{\rtf1 Please LINK http://x.invalid/page in the text.}"  # prose, not a field: untouched
    assert office_safety.block_external(plain, "rtf") == (plain, ())
    field = ('<w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "http://x.invalid/p.png" \\* MERGEFORMATINET '
             '</w:instrText></w:r><w:fldSimple w:instr=" INCLUDETEXT &quot;http://x.invalid/t.docx&quot; "/>'
             '<w:r><w:t>See LINK http://x.invalid/prose here</w:t></w:r>')
    docx = ff._patch_zip(ff.docx_with_revisions(kept="a", inserted="b", deleted="c", commented="d", comment="e"),
                         "word/document.xml", lambda xml: xml.replace(b"</w:body>", f"<w:p>{field}</w:p></w:body>"
                                                                       .encode()))
    out, notes = office_safety.block_external(docx, "docx")
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml")
    assert b"p.png" not in xml and b"t.docx" not in xml and b"LINK http://x.invalid/prose" in xml
    assert "2 linked" in notes[0]
    odt = ff.odt("Linked.")
    linked = ff._patch_zip(odt, "content.xml", lambda xml: xml.replace(
        b"</office:text>", b'<text:p><draw:frame><draw:image xlink:href="http://x.invalid/a.png"/></draw:frame>'
                           b'</text:p></office:text>'))
    out, notes = office_safety.block_external(linked, "odt")
    assert b"x.invalid" not in zipfile.ZipFile(io.BytesIO(out)).read("content.xml") and notes
    assert office_safety.block_external(odt, "odt") == (odt, ())


@needs_office
def test_password_protected_word_97_2003_file_is_named_with_the_reason():
    doc = ff.legacy_office(ff.rtf("Letter to the school."), "letter.rtf", "doc")
    locked = ff.set_legacy_password_flag(doc)
    assert msoffcrypto.OfficeFile(io.BytesIO(locked)).is_encrypted()  # the flag Word sets, as msoffcrypto reads it
    with pytest.raises(ConversionError, match=r"letter\.doc is a password-protected Word 97-2003 document"):
        pdf_convert.convert(locked, "letter.doc")
    assert office_safety.legacy_encrypted(doc) is None
    assert "Letter to the school." in _text(pdf_convert.convert(doc, "letter.doc").pdf)


@needs_office
def test_password_protected_excel_97_2003_file_is_named_with_the_reason():
    xls = ff.legacy_office(b"name,count\nvisits,2\n", "table.csv", "xls")
    with pytest.raises(ConversionError, match=r"table\.xls is a password-protected Excel 97-2003 workbook"):
        pdf_convert.convert(ff.set_legacy_password_flag(xls), "table.xls")
    with pytest.raises(UnsupportedFormatError, match="Office 97-2003 file of a kind"):
        pdf_convert.convert(xls, "table.xls")
