"""Convert records as councils hold them (Word, OpenDocument, RTF, e-mail, images, spreadsheets) to PDF.

Issue 17. Every reviewable document in SAR Desk is a PDF (review, burn-in and verification work on
PDFs only), so other formats are converted once, on arrival, and the original is kept unchanged by
the caller. Everything here takes and returns bytes; nothing touches a database.

Contracts:

* :func:`detect` names a file's format from its content first (magic bytes), its extension second;
  a file whose content contradicts a known type, or that no converter reads, raises
  :class:`~redaction.errors.UnsupportedFormatError` naming the file.
* :func:`convert` returns a PDF that carries **no document metadata** (title, author, creator,
  producer, dates, XMP) from the original: only the content pages. Word processing documents are
  converted by LibreOffice in headless mode with tracked changes shown (insertions and deletions
  marked, never silently accepted or rejected) and comments printed in the page margin, because
  both are part of the record and can hold third-party data.
* E-mails are rendered with their headers (From, To, Cc, Sent, Subject) and body as plain text
  (HTML bodies are reduced to text: no remote content is ever fetched); their attachments are
  returned, unconverted, for the caller to store and convert as documents of their own.
* Images become one PDF page per frame (multi-page TIFF), orientation applied, with no EXIF (which
  may hold a location) carried over; their text is read later by OCR, like any scanned page.
* Bad input raises a :class:`~redaction.errors.ConversionError` whose message names the file and
  says what is wrong (damaged, password-protected, too large, unknown type).
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import warnings
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pillow_heif
import pymupdf
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from redaction import office_safety, pdf_render
from redaction.errors import ConversionError, UnsupportedFormatError
from redaction.pdf_render import Attachment

__all__ = ["Attachment", "Converted", "FORMATS", "convert", "detect", "libreoffice_available"]

#: Format name → (media type, what reviewers call it). The names are what :func:`detect` returns.
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "PDF"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
    "doc": ("application/msword", "Word 97-2003 document"),
    "odt": ("application/vnd.oasis.opendocument.text", "OpenDocument text"),
    "rtf": ("application/rtf", "Rich Text document"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
    "csv": ("text/csv", "CSV table"),
    "eml": ("message/rfc822", "e-mail"),
    "msg": ("application/vnd.ms-outlook", "Outlook e-mail"),
    "jpeg": ("image/jpeg", "JPEG image"),
    "png": ("image/png", "PNG image"),
    "tiff": ("image/tiff", "TIFF image"),
    "heic": ("image/heic", "HEIC photo"),
}
#: Formats LibreOffice converts, and the export filter used for each (writer or calc).
_OFFICE = {"docx": "writer", "doc": "writer", "odt": "writer", "rtf": "writer", "ods": "calc"}
#: Formats rendered as HTML tables here rather than by LibreOffice: Calc's print layout cuts a cell's
#: text at the column's width and leaves hidden sheets, rows and columns out, so a reviewer would not
#: see the whole record (and what is not seen is not redacted).
_TABLES = frozenset({"xlsx", "csv"})
_IMAGES = frozenset({"jpeg", "png", "tiff", "heic"})
#: A LibreOffice conversion that takes longer than this is killed and reported (seconds).
OFFICE_TIMEOUT = 300
#: An image with more pixels than this (per frame) is refused as a possible decompression bomb.
MAX_IMAGE_PIXELS = 120_000_000
#: At most this many frames (pages) are read from one multi-page image.
MAX_IMAGE_FRAMES = 500
#: Resolution assumed for an image that does not state one (a typical scan).
_DEFAULT_DPI = 150

@dataclass(frozen=True)
class Converted:
    """The result of :func:`convert`.

    ``pdf`` is the reviewable PDF (metadata-free), ``kind`` the detected format (a key of
    :data:`FORMATS`), ``attachments`` any files carried inside it (e-mail attachments), ``notes``
    things the reviewer should know (e.g. an attachment that could not be read).
    """

    pdf: bytes
    kind: str
    page_count: int
    attachments: tuple[Attachment, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def media_type(self) -> str:
        """The original's media type."""
        return FORMATS[self.kind][0]


# --- detection --------------------------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EXTENSIONS = {
    "pdf": "pdf", "docx": "docx", "docm": "docx", "doc": "doc", "odt": "odt", "rtf": "rtf", "xlsx": "xlsx",
    "xlsm": "xlsx", "ods": "ods", "csv": "csv", "eml": "eml", "msg": "msg", "jpg": "jpeg", "jpeg": "jpeg",
    "png": "png", "tif": "tiff", "tiff": "tiff", "heic": "heic", "heif": "heic",
}


def _extension(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].casefold() if "." in name else ""


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
                return {"application/vnd.oasis.opendocument.text": "odt",
                        "application/vnd.oasis.opendocument.spreadsheet": "ods"}.get(mimetype)
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _looks_like_email(data: bytes) -> bool:
    head = data[:4096].decode("latin-1")
    return bool(re.match(r"(?:[A-Za-z-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)+", head)) and bool(
        re.search(r"(?im)^(from|date|subject|message-id):", head))


def detect(data: bytes, filename: str) -> str:
    """The format of ``data`` (a key of :data:`FORMATS`), from its content and then its extension.

    :raises UnsupportedFormatError: an unknown type, or content that is not what the name says
        (a ``.docx`` that is not a Word document) — named in the message.
    """
    ext = _EXTENSIONS.get(_extension(filename))
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypheif"):
        return "heic"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind is not None:
            return kind
    if data.startswith(_OLE_MAGIC):
        if _office_encrypted(data, "ole"):
            # A password-protected .docx/.xlsx is an OLE file holding the encrypted package (MS-OFFCRYPTO).
            raise ConversionError(f"{filename} is password-protected; ask the sender for a copy without a password")
        legacy = office_safety.legacy_encrypted(data)
        if legacy is not None:
            raise ConversionError(f"{filename} is {legacy}; ask the sender for a copy without a password")
        # Word 97-2003 and Outlook both use OLE compound files; an Outlook message has property streams.
        if b"_\x00_\x00s\x00u\x00b\x00s\x00t\x00g\x001\x00" in data or ext == "msg":
            return "msg"
        if ext == "doc":
            return "doc"
        raise UnsupportedFormatError(f"{filename} is an Office 97-2003 file of a kind SAR Desk does not convert "
                                     "(only Word .doc and Outlook .msg); save it as PDF and upload that")
    if ext == "csv" and _is_text(data):
        return "csv"
    if ext == "eml" or (ext is None and _looks_like_email(data)):
        if _is_text(data, strict=False) and _looks_like_email(data):
            return "eml"
    if ext is not None:
        raise UnsupportedFormatError(f"{filename} is named as a {FORMATS[ext][1]} but its content is not one; "
                                     "it may be damaged or mislabelled")
    raise UnsupportedFormatError(f"{filename}: this type of file is not supported. SAR Desk reads PDF, Word "
                                 "(.docx, .doc), OpenDocument (.odt, .ods), RTF, e-mail (.eml, .msg), images "
                                 "(JPEG, PNG, TIFF, HEIC), spreadsheets (.xlsx, .csv) and zip files of these")


def _is_text(data: bytes, *, strict: bool = True) -> bool:
    if b"\x00" in data[:8192]:
        return False
    if not strict:
        return True
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > 65530  # a multi-byte character cut at the sample's end
    return True


# --- the converters ---------------------------------------------------------------------------------------


def convert(data: bytes, filename: str) -> Converted:
    """Convert one file to a metadata-free PDF (a PDF is returned as it is, only checked to open).

    :param data: the file's bytes. :param filename: its name (for detection by extension and messages).
    :raises ConversionError: unknown type, damaged, password-protected or unreadable; the message
        names the file and the reason.
    """
    kind = detect(data, filename)
    if kind == "pdf":
        return Converted(pdf=data, kind="pdf", page_count=_page_count(data, filename))
    if kind in _OFFICE:
        out, notes = _office_to_pdf(data, filename, kind)
        return Converted(pdf=out, kind=kind, page_count=_page_count(out, filename), notes=notes)
    if kind in _TABLES:
        out = _clean_pdf(pdf_render.table_pdf(data, filename, kind))
        return Converted(pdf=out, kind=kind, page_count=_page_count(out, filename))
    if kind in _IMAGES:
        out = _image_to_pdf(data, filename, kind)
        return Converted(pdf=out, kind=kind, page_count=_page_count(out, filename))
    mail = pdf_render.render_eml(data, filename) if kind == "eml" else pdf_render.render_msg(data, filename)
    out = _clean_pdf(mail.pdf)
    return Converted(pdf=out, kind=kind, page_count=_page_count(out, filename), attachments=mail.attachments,
                     notes=mail.notes)


def _page_count(data: bytes, filename: str) -> int:
    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.needs_pass:
                raise ConversionError(f"{filename} is password-protected; ask the sender for a copy without a password")
            if doc.page_count == 0:
                raise ConversionError(f"{filename} has no pages")
            return doc.page_count
    except (RuntimeError, ValueError) as exc:
        raise ConversionError(f"{filename} is damaged and cannot be read as a PDF ({exc})") from None


def _clean_pdf(data: bytes, *, comments: bool = False) -> bytes:
    """Drop every piece of document-level metadata (Info dictionary, XMP, outline, embedded files).

    :param comments: turn the comment annotations LibreOffice exported into page content (see
        :func:`_comments_to_pages`).
    """
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        if comments:
            _comments_to_pages(doc)
        doc.set_metadata({})
        doc.del_xml_metadata()
        doc.set_toc([])
        for name in doc.embfile_names():
            doc.embfile_del(name)
        return doc.tobytes(garbage=4, deflate=True, no_new_id=False)


def _comments_to_pages(doc: pymupdf.Document) -> int:
    """Print the document's comments as page content instead of pop-up notes.

    A marker ``[C1]`` goes where each was anchored and a "Comments" page at the end lists each
    comment's page, author and text; the note annotations themselves are removed.

    Comments are part of the record and can hold third-party data, so they must be reviewed and
    redacted like the text; pop-up notes would be invisible on paper and are stripped at burn-in.
    (LibreOffice 7.5+ can print comments in the margin itself; Debian 12 ships 7.4.)

    :return: how many comments were found.
    """
    found: list[tuple[int, str, str]] = []
    for page in doc:
        notes = [a for a in page.annots() if a.type[0] == pymupdf.PDF_ANNOT_TEXT]
        for annot in notes:
            info, rect = annot.info, annot.rect
            found.append((page.number + 1, info.get("title", "").strip(" ,"), info.get("content", "")))
            page.delete_annot(annot)
            x = min(max(rect.x0, page.rect.x0 + 2), page.rect.x1 - 24)
            page.insert_text((x, min(rect.y1, page.rect.y1 - 2)), f"[C{len(found)}]", fontsize=7,
                             color=(0.7, 0, 0))
    if found:
        rows = "".join(f"<p><b>[C{n}] page {page}, {html.escape(author) or 'unknown author'}:</b> "
                       f"{html.escape(text)}</p>" for n, (page, author, text) in enumerate(found, start=1))
        with pymupdf.open(stream=pdf_render.story_pdf(f"<body><h3>Comments in this document</h3>{rows}</body>"),
                          filetype="pdf") as extra:
            doc.insert_pdf(extra)
    return len(found)


# LibreOffice -----------------------------------------------------------------------------------------------


def libreoffice_available() -> bool:
    """Whether the LibreOffice command (``soffice``) is installed."""
    return _soffice() is not None


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


#: PDF export options (LibreOffice's writer_pdf_Export / calc_pdf_Export filter data): comments exported as
#: notes, then printed as page content by _comments_to_pages, so they are reviewed and redacted like the
#: rest; no bookmarks (the
#: headings can hold names and would survive as an outline); PDF/A off so no XMP is required.
_EXPORT_OPTIONS = {
    "writer": {"ExportNotes": True, "ExportBookmarks": False,
               "ExportFormFields": False, "UseTaggedPDF": False},
    "calc": {"ExportNotes": False, "ExportBookmarks": False, "ExportFormFields": False, "UseTaggedPDF": False},
}
_EXTENSION_FOR_OFFICE = {"docx": "docx", "doc": "doc", "odt": "odt", "rtf": "rtf", "ods": "ods"}


def _filter_arg(app: str) -> str:
    options = {key: {"type": "boolean", "value": "true" if value else "false"}
               for key, value in _EXPORT_OPTIONS[app].items()}
    return f"pdf:{app}_pdf_Export:{json.dumps(options, separators=(',', ':'))}"


def _show_revisions_docx(data: bytes) -> bytes:
    """Make Word's tracked changes and comments visible however the author left the view.

    ``w:revisionView`` in ``word/settings.xml`` can hide the markup (LibreOffice honours it); we drop
    it so insertions and deletions are shown, never silently accepted.
    """
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/settings.xml":
                body = re.sub(rb"<w:revisionView\b[^>]*/>", b"", body)
            dst.writestr(info, body)
    return out.getvalue()


def _office_to_pdf(data: bytes, filename: str, kind: str) -> tuple[bytes, tuple[str, ...]]:
    """The PDF LibreOffice makes of ``data``, and notes for the reviewer (external resources blocked)."""
    soffice = _soffice()
    if soffice is None:
        raise ConversionError(f"{filename} cannot be converted: LibreOffice is not installed on the server "
                              "(run `make system-deps`)")
    if _office_encrypted(data, kind):
        # Checked before LibreOffice runs: headless, it would only fail (or wait) on the password.
        raise ConversionError(f"{filename} is password-protected; ask the sender for a copy without a password")
    if kind == "docx":
        data = _show_revisions_docx(data)
    # Nothing may be fetched while LibreOffice lays the pages out (linked pictures, templates, fields).
    data, notes = office_safety.block_external(data, kind)
    app = _OFFICE[kind]
    with tempfile.TemporaryDirectory(prefix="sar-convert-") as tmp:
        work = Path(tmp)
        # A neutral file name: LibreOffice may use the name as the PDF's title, and the title is metadata.
        source = work / f"document.{_EXTENSION_FOR_OFFICE[kind]}"
        source.write_bytes(data)
        out_dir = work / "out"
        # A private, throw-away profile: concurrent conversions never share one, and no user settings leak in.
        cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--nologo"]
        cmd += ["--convert-to", _filter_arg(app), "--outdir", str(out_dir), str(source)]
        env = {**os.environ, "HOME": str(work), "SAL_USE_VCLPLUGIN": "svp"}
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=OFFICE_TIMEOUT, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"{filename} took longer than {OFFICE_TIMEOUT} seconds to convert and was "
                                  "stopped; it may be damaged, or too large to convert") from None
        result = out_dir / "document.pdf"
        if not result.exists() or result.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            raise ConversionError(f"{filename} could not be converted to PDF: it is damaged or not readable"
                                  + (f" ({detail[-1][:200]})" if detail else ""))
        return _clean_pdf(result.read_bytes(), comments=app == "writer"), notes


def _office_encrypted(data: bytes, kind: str) -> bool:
    """Whether an Office file is password-protected (encrypted OOXML is an OLE file with an EncryptionInfo)."""
    if data.startswith(_OLE_MAGIC):
        return "EncryptionInfo".encode("utf-16-le") in data
    if kind in ("odt", "ods"):
        return b"manifest:encryption-data" in _zip_member(data, "META-INF/manifest.xml")
    return False


def _zip_member(data: bytes, name: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.read(name)
    except (zipfile.BadZipFile, KeyError, OSError):
        return b""


# Images ----------------------------------------------------------------------------------------------------


def _image_to_pdf(data: bytes, filename: str, kind: str) -> bytes:
    if kind == "heic":
        _register_heif()
    out = pymupdf.open()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            old_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, MAX_IMAGE_PIXELS
            try:
                with Image.open(io.BytesIO(data)) as img:
                    for n, frame in enumerate(ImageSequence.Iterator(img), start=1):
                        if n > MAX_IMAGE_FRAMES:
                            raise ConversionError(f"{filename} has more than {MAX_IMAGE_FRAMES} pages; split it "
                                                  "and upload the parts")
                        _add_image_page(out, ImageOps.exif_transpose(frame.copy()), img.info.get("dpi"))
            finally:
                Image.MAX_IMAGE_PIXELS = old_limit
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ConversionError(f"{filename} is too large an image (over {MAX_IMAGE_PIXELS:,} pixels) to convert "
                              "safely") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ConversionError(f"{filename} is damaged and cannot be read as an image ({exc})") from None
    if out.page_count == 0:
        raise ConversionError(f"{filename} has no pages")
    return out.tobytes(garbage=4, deflate=True)


@lru_cache(maxsize=1)
def _register_heif() -> None:
    """Teach Pillow to open HEIC/HEIF photos (pillow-heif, which bundles libheif: no network needed)."""
    pillow_heif.register_heif_opener()


def _add_image_page(doc: pymupdf.Document, frame, dpi) -> None:
    """One page the size of the image at its resolution (A4-ish when none is given); no EXIF kept."""
    if frame.mode not in ("1", "L", "RGB"):
        frame = frame.convert("RGB")
    try:
        xdpi, ydpi = (float(dpi[0]) or _DEFAULT_DPI, float(dpi[1]) or _DEFAULT_DPI) if dpi else (_DEFAULT_DPI,) * 2
    except (TypeError, ValueError, IndexError):
        xdpi = ydpi = _DEFAULT_DPI
    if not (30 <= xdpi <= 2400 and 30 <= ydpi <= 2400):
        xdpi = ydpi = _DEFAULT_DPI
    width, height = frame.width * 72 / xdpi, frame.height * 72 / ydpi
    buf = io.BytesIO()
    # PNG keeps scans lossless for OCR; photographs are kept as JPEG to stay a sensible size.
    if frame.mode == "RGB" and frame.width * frame.height > 4_000_000:
        frame.save(buf, format="JPEG", quality=90)
    else:
        frame.save(buf, format="PNG")
    page = doc.new_page(width=width, height=height)
    page.insert_image(page.rect, stream=buf.getvalue())

