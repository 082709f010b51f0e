"""Make Office files safe to hand to LibreOffice (issue 17): nothing is fetched, encryption is named.

Contracts:

* :func:`block_external` rewrites a Word, OpenDocument or RTF file so that converting it cannot fetch
  anything: every external relationship of a DOCX part (linked pictures, an attached template, linked
  OLE objects, frames, sub-documents) except hyperlinks is pointed at a local name that does not exist;
  ``INCLUDEPICTURE``, ``INCLUDETEXT`` and ``LINK`` field instructions lose their source; an ODT's linked
  images and objects lose their ``xlink:href``. Hyperlinks stay: they are printed text, never followed.
  It returns the file and notes for the reviewer saying what was blocked (the missing picture shows as
  an empty frame in the PDF, so the reviewer knows something was there).
* :func:`legacy_encrypted` says whether a Word 97-2003 (.doc) or Excel 97-2003 (.xls) file is
  password-protected, from its own flags (the FIB's ``fEncrypted`` bit, MS-DOC 2.5.2; a ``FILEPASS``
  record in the workbook globals, MS-XLS 2.4.117), read with olefile.

Why: a linked resource is fetched by LibreOffice when it lays the page out, which would let a document
call out to any address from the server (a tracking pixel, a request into the council's network).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

import olefile

#: What an external target is replaced with: a name that resolves to nothing inside the package.
BLOCKED_TARGET = "blocked-external-resource"
#: External relationship types that are only printed, never fetched on conversion.
_PRINTED_ONLY = ("/hyperlink",)
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*?/?>", re.S)
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
#: Field instructions that make Word (and LibreOffice) load a resource named in the field.
_FIELD_SOURCE = re.compile(rb'(\b(?:INCLUDEPICTURE|INCLUDETEXT|LINK)\s+(?:\\[a-z]\s+)*)(&quot;|")?'
                           rb'(?:\\\\[^"&\s<}]*|[^"&\s<}\\][^"&\s<}]*)(?:[^"&<}]*?)(?=&quot;|"|\s\\|<|}|$)')
#: Where field instructions live: Word's ``w:instrText`` runs and ``w:fldSimple/@w:instr``; RTF's ``\fldinst``.
#: Only these are rewritten, so ordinary text that happens to say "LINK" is never touched.
_DOCX_INSTR = re.compile(rb'(<w:instrText\b[^>]*>)([^<]*)(</w:instrText>)|(\bw:instr=")([^"]*)(")')
_RTF_INSTR = re.compile(rb"(\\fldinst\b)([^}]*)()")
_ODF_LINK = re.compile(rb'(<(?:draw:image|draw:object|draw:object-ole|text:section-source|draw:fill-image)\b[^>]*?)'
                       rb'\sxlink:href="(?!\./|Pictures/|Object)[^"]*"')
#: FIB (MS-DOC 2.5.2): wIdent at 0, flags at 0x0A; fEncrypted is bit 8 of the flags.
_WORD_MAGIC, _F_ENCRYPTED = 0xA5EC, 0x0100
#: MS-XLS record types: FILEPASS (the workbook is encrypted or obfuscated), EOF (end of a substream).
_FILEPASS, _EOF = 0x002F, 0x000A


def block_external(data: bytes, kind: str) -> tuple[bytes, tuple[str, ...]]:
    """The file with every fetchable external resource neutralised, and notes naming what was blocked.

    :param kind: ``docx``, ``odt`` or ``rtf`` (anything else is returned as it is, with no notes).
    """
    if kind == "rtf":
        out, count = _fields(data, _RTF_INSTR)
        return out, _notes(count)
    if kind not in ("docx", "odt"):
        return data, ()
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data, ()
    count = 0
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if kind == "docx" and info.filename.endswith(".rels"):
                before = _blocked(body)
                body = _RELATIONSHIP.sub(_neutralise_relationship, body)
                count += _blocked(body) - before
            elif kind == "docx" and info.filename.startswith("word/") and info.filename.endswith(".xml"):
                body, n = _fields(body, _DOCX_INSTR)
                count += n
            elif kind == "odt" and info.filename in ("content.xml", "styles.xml"):
                body, n = _ODF_LINK.subn(rb"\1", body)
                count += n
            dst.writestr(info, body)
    return (out.getvalue(), _notes(count)) if count else (data, ())


def _fields(data: bytes, where: re.Pattern[bytes]) -> tuple[bytes, int]:
    """``data`` with the source of every loading field instruction found by ``where`` blanked, and how many."""
    count = 0

    def source(m: re.Match[bytes]) -> bytes:
        return m.group(1) + (m.group(2) or b"") + BLOCKED_TARGET.encode()

    def instruction(m: re.Match[bytes]) -> bytes:
        nonlocal count
        groups = (*m.groups(), None)
        head, text, tail = groups[0:3] if groups[0] is not None else groups[3:6]
        text, n = _FIELD_SOURCE.subn(source, text)
        count += n
        return head + text + (tail or b"")
    return where.sub(instruction, data), count


def _blocked(body: bytes) -> int:
    return body.count(b'Target="' + BLOCKED_TARGET.encode() + b'"')


def _neutralise_relationship(match: re.Match[bytes]) -> bytes:
    element = match.group(0)
    attrs = dict(_ATTR.findall(element))
    if attrs.get(b"TargetMode", b"").lower() != b"external":
        return element
    if attrs.get(b"Type", b"").decode("ascii", "replace").endswith(_PRINTED_ONLY):
        return element
    element = re.sub(rb'\sTargetMode="[^"]*"', b"", element)
    return re.sub(rb'Target="[^"]*"', b'Target="' + BLOCKED_TARGET.encode() + b'"', element)


def _notes(count: int) -> tuple[str, ...]:
    if not count:
        return ()
    return (f"{count} linked picture(s) or resource(s) outside the document were blocked during conversion "
            "(nothing is fetched from the network); an empty frame may show where each was",)


def legacy_encrypted(data: bytes) -> str | None:
    """Why a Word or Excel 97-2003 file cannot be read, if it is password-protected, else None.

    :return: e.g. ``"a password-protected Word 97-2003 document"``; None for anything else (including
        an OLE file olefile cannot open, which the converter then names as damaged).
    """
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError):
        return None
    with ole:
        if ole.exists("WordDocument"):
            fib = ole.openstream("WordDocument").read(0x0C)
            if len(fib) == 0x0C:
                ident, flags = struct.unpack_from("<H", fib, 0)[0], struct.unpack_from("<H", fib, 0x0A)[0]
                if ident == _WORD_MAGIC and flags & _F_ENCRYPTED:
                    return "a password-protected Word 97-2003 document"
        for name in ("Workbook", "Book"):
            if ole.exists(name) and _xls_filepass(ole.openstream(name).read()):
                return "a password-protected Excel 97-2003 workbook"
    return None


def _xls_filepass(stream: bytes) -> bool:
    """Whether the workbook globals substream (up to its first EOF) holds a FILEPASS record."""
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        if kind == _FILEPASS:
            return True
        if kind == _EOF:
            return False
        pos += 4 + size
    return False
