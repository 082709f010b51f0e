"""Builders of real files in the formats councils hold (issue 17), made in the test, never checked in.

Word files are made with python-docx (tracked changes and comments written as the WordprocessingML
Word itself writes), OpenDocument by hand (the minimal package ODF 1.2 §3 requires), spreadsheets
with openpyxl, images with Pillow, e-mails with the standard library.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import olefile
from docx import Document
from docx.oxml import parse_xml
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def docx_with_revisions(*, kept: str, inserted: str, deleted: str, commented: str, comment: str,
                        author: str = "Secret Author Name", title: str = "Secret Title Words",
                        hide_markup: bool = False) -> bytes:
    """A DOCX with one tracked insertion, one tracked deletion and a comment, and metadata set.

    :param hide_markup: also set Word's "no markup" view (``w:revisionView``), which hides the changes.
    """
    doc = Document()
    doc.core_properties.author = author
    doc.core_properties.title = title
    doc.core_properties.comments = "metadata comment " + title
    para = doc.add_paragraph(commented)
    doc.add_comment([para.runs[0]], text=comment, author="Reviewer", initials="RV")
    para = doc.add_paragraph(kept + " ")
    para._p.append(parse_xml(f'<w:ins {_W} w:id="901" w:author="Editor" w:date="2024-01-01T00:00:00Z">'
                             f'<w:r><w:t xml:space="preserve">{inserted} </w:t></w:r></w:ins>'))
    para._p.append(parse_xml(f'<w:del {_W} w:id="902" w:author="Editor" w:date="2024-01-01T00:00:00Z">'
                             f'<w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    if hide_markup:
        data = _patch_zip(data, "word/settings.xml",
                          lambda xml: xml.replace(b"</w:settings>",
                                                  b'<w:revisionView w:markup="0" w:insDel="0"/></w:settings>'))
    return data


def _patch_zip(data: bytes, name: str, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, change(body) if info.filename == name else body)
    return out.getvalue()


def odt(text: str, *, annotation: str | None = None, creator: str = "Secret Author Name") -> bytes:
    """A minimal OpenDocument text file with one paragraph (and an annotation) and a creator in meta.xml."""
    note = (f'<office:annotation><dc:creator>Reviewer</dc:creator><text:p>{annotation}</text:p></office:annotation>'
            if annotation else "")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">'
               f'<office:body><office:text><text:p>{note}{text}</text:p></office:text></office:body>'
               '</office:document-content>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">'
            f'<office:meta><dc:creator>{creator}</dc:creator><dc:title>{creator} title</dc:title>'
            '</office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
        zf.writestr("meta.xml", meta)
        zf.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def rtf(text: str) -> bytes:
    """A Rich Text file with one paragraph (and an author in its info group)."""
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}{\\info{\\author Secret Author Name}}"
            f"\\f0\\fs24 {text}\\par}}").encode("ascii")


def text_image(lines: list[str], *, size: tuple[int, int] = (1240, 1754), fmt: str = "PNG",
               dpi: int = 150, rotate_exif: bool = False) -> bytes:
    """A white page with black text, like a scan or a photo of a typed note (big enough for OCR)."""
    img = _text_page(lines, size)
    buf = io.BytesIO()
    kwargs = {"dpi": (dpi, dpi)}
    if fmt == "JPEG":
        exif = Image.Exif()
        exif[0x010F] = "Secret Camera Maker"  # Make: must not reach the PDF
        if rotate_exif:
            img = img.rotate(90, expand=True)  # stored sideways, EXIF says turn it back
            exif[0x0112] = 6
        kwargs["exif"] = exif
    img.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def _text_page(lines: list[str], size: tuple[int, int]) -> Image.Image:
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 36)
    for n, line in enumerate(lines):
        draw.text((100, 150 + n * 70), line, fill=0, font=font)
    return img


def multipage_tiff(pages: list[list[str]]) -> bytes:
    """A multi-page TIFF (one frame per page), as a scanner writes one."""
    frames = [_text_page(lines, (1240, 1754)) for lines in pages]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], dpi=(150, 150),
                   compression="tiff_deflate")
    return buf.getvalue()


def xlsx(rows: list[list[object]], *, hidden_sheet: list[list[object]] | None = None) -> bytes:
    """An Excel workbook with one sheet of rows (and a hidden second sheet, if given)."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if hidden_sheet is not None:
        other = book.create_sheet("Aside")
        for row in hidden_sheet:
            other.append(row)
        other.sheet_state = "hidden"
    book.properties.creator = "Secret Author Name"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def eml(*, sender: str, to: str, cc: str, subject: str, body: str,
        attachments: list[tuple[str, str, bytes]] = (), html: str | None = None) -> bytes:
    """An RFC 5322 e-mail with attachments ``(filename, media type, bytes)``."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Cc"], msg["Subject"] = sender, to, cc, subject
    msg["Date"] = "Tue, 03 Mar 2026 09:15:00 +0000"
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, media_type, data in attachments:
        maintype, subtype = media_type.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def zip_of(files: list[tuple[str, bytes]]) -> bytes:
    """A zip archive of the given (name, bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(name, data)
    return buf.getvalue()


def docx_with_linked_picture(text: str, url: str) -> bytes:
    """A DOCX whose picture is linked (``r:link``, an external relationship to ``url``), not embedded,
    plus a hyperlink (printed only) — as Word writes "Insert picture > Link to file"."""
    img = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(img, format="PNG")
    doc = Document()
    doc.add_paragraph(text)
    doc.add_picture(io.BytesIO(img.getvalue()))
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    rid = re.search(r'Id="(rId\d+)"[^>]*Type="[^"]*/image"|Type="[^"]*/image"[^>]*Id="(rId\d+)"', rels)
    rid = rid.group(1) or rid.group(2)

    def link(xml: bytes) -> bytes:
        out = re.sub(rb'(<Relationship\b[^>]*Id="' + rid.encode() + rb'"[^>]*?)Target="[^"]*"',
                     rb'\1Target="' + url.encode() + rb'" TargetMode="External"', xml)
        return out.replace(b"</Relationships>", b'<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/'
                           b'officeDocument/2006/relationships/hyperlink" Target="' + url.encode() + b'/page" '
                           b'TargetMode="External"/></Relationships>')
    data = _patch_zip(data, "word/_rels/document.xml.rels", link)
    return _patch_zip(data, "word/document.xml", lambda xml: xml.replace(f'r:embed="{rid}"'.encode(),
                                                                          f'r:link="{rid}"'.encode()))


def legacy_office(data: bytes, source_name: str, target: str) -> bytes:
    """``data`` saved by LibreOffice as a 97-2003 file (``target`` is ``doc`` or ``xls``)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / source_name
        src.write_bytes(data)
        subprocess.run([shutil.which("soffice"), f"-env:UserInstallation={(Path(tmp) / 'p').as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", tmp, str(src)], check=True, capture_output=True,
                       timeout=300, env={**os.environ, "HOME": tmp})
        return (Path(tmp) / f"{src.stem}.{target}").read_bytes()


def set_legacy_password_flag(data: bytes) -> bytes:
    """The same 97-2003 file flagged as encrypted as Word/Excel flag it: the FIB's fEncrypted bit
    (MS-DOC 2.5.2) or a FILEPASS record (MS-XLS 2.4.117, here in place of the globals' first record after BOF,
    same length, so the compound file's streams keep their sizes)."""
    with tempfile.NamedTemporaryFile(suffix=".ole") as fh:
        fh.write(data)
        fh.flush()
        with olefile.OleFileIO(fh.name, write_mode=True) as ole:
            if ole.exists("WordDocument"):
                stream = bytearray(ole.openstream("WordDocument").read())
                stream[0x0B] |= 0x01
                ole.write_stream("WordDocument", bytes(stream))
            else:
                stream = bytearray(ole.openstream("Workbook").read())
                bof_size = struct.unpack_from("<H", stream, 2)[0]
                struct.pack_into("<H", stream, 4 + bof_size, 0x002F)
                ole.write_stream("Workbook", bytes(stream))
        return Path(fh.name).read_bytes()
