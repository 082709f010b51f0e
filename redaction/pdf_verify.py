"""Verification of a redacted PDF before release (redaction-notes §3.3)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pymupdf

from redaction import pdf_core
from redaction.pdf_core import (
    _OCR_DPI,
    _VERIFY_FLAGS,
    _all_layers_on,
    _dark_covers,
    _hidden_spans,
    _is_scan,
    _normalise_char,
    _tessdata,
    open_checked,
)

# Minimum normalised length for plain substring search in verify(); shorter strings are matched
# as whole tokens only. Short first names ("Sam", "Eve") occur inside ordinary words ("Sample",
# "every"), and a verifier that cries wolf on every page blocks releases for no reason.
_SUBSTRING_MIN = 5
# Whitespace-insensitive matching catches a name split across lines or text spans, but is only
# safe for strings long enough not to occur by accident once spaces are gone.
_NOSPACE_MIN = 6

# --------------------------------------------------------------------------------------------
# Verification


def _normalise(text: str) -> str:
    """Case-folded NFKC text with all whitespace runs collapsed to one space."""
    out = text if text.isascii() else "".join(_normalise_char(c) for c in text)
    return " ".join(out.casefold().split())


class _Needles:
    """The removed strings, prepared for fast repeated searching."""

    def __init__(self, strings: Iterable[str]) -> None:
        self.substr: list[tuple[str, str]] = []
        self.nospace: list[tuple[str, str]] = []
        short: list[tuple[str, str]] = []
        for s in dict.fromkeys(strings):
            n = _normalise(s)
            if not n:
                continue
            if len(n) >= _SUBSTRING_MIN:
                self.substr.append((s, n))
            else:
                short.append((s, n))
            compact = n.replace(" ", "")
            if len(compact) >= _NOSPACE_MIN and compact != n:
                self.nospace.append((s, compact))
        self.short = [(s, re.compile(rf"(?<!\w){re.escape(n)}(?!\w)")) for s, n in short]

    def __bool__(self) -> bool:
        return bool(self.substr or self.short)

    def find(self, text: str) -> list[str]:
        """Original strings found in ``text`` (any case, any whitespace)."""
        hay = _normalise(text)
        found = [s for s, n in self.substr if n in hay]
        found += [s for s, rx in self.short if rx.search(hay)]
        if self.nospace:
            compact = hay.replace(" ", "")
            found += [s for s, n in self.nospace if n in compact and s not in found]
        return list(dict.fromkeys(found))


_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]{4,})>")
_JS_KEY = re.compile(r"/(JS|JavaScript)\b")


def _decoded_strings(obj: str) -> str:
    """PDF hex strings in an object's source, decoded, so a UTF-16 title can be searched too."""
    out = []
    for m in _HEX_STRING.finditer(obj.encode("latin-1", "replace")):
        digits = re.sub(rb"\s", b"", m.group(1)).decode()
        # An odd final digit is followed by an implied 0 (PDF 32000 7.3.4.3).
        raw = bytes.fromhex(digits + "0" * (len(digits) % 2))
        if raw.startswith(b"\xfe\xff"):
            out.append(raw[2:].decode("utf-16-be", "replace"))
        else:
            out.append(raw.decode("latin-1"))
    return " ".join(out)


def _decode_literal(obj: str) -> str:
    # UTF-16BE literal strings carry a BOM and NULs between ASCII letters; dropping NULs makes
    # "(\xfe\xff\x00C\x00h...)" searchable as "Ch...". Escapes are left as they are.
    return obj.replace("\x00", "")


def verify(
    data: bytes, removed_strings: Sequence[str], *, name: str = "document.pdf", ocr: bool = False
) -> list[str]:
    """Independently check a redacted PDF before release (redaction-notes §3.3).

    Re-opens ``data`` from scratch and reports, in plain words:

    * any removed string found in the page text, in the low-level text trace (which includes
      off-page and invisible text), in bookmarks, or in the raw source of any object or
      non-image, non-font stream. Matching is case-insensitive and whitespace-normalised;
      strings of 5 or more characters match anywhere, shorter ones only as whole tokens (so
      "Sam" is not "found" in "Sample");
    * invisible, transparent or off-page text, or text under a drawn black box, still present;
    * switched-off optional-content layers;
    * any annotation, form field or link;
    * non-empty Info metadata, XMP, embedded files or JavaScript;
    * more than one ``%%EOF`` (an incremental update or linearisation: an earlier revision may
      still hold the original text);
    * with ``ocr`` (and Tesseract installed), any removed string that OCR still reads in the
      picture of a scanned page (no text layer, or mostly covered by images).

    :param data: the PDF to check (normally ``burn_in`` output).
    :param removed_strings: every string that must no longer be recoverable.
    :param name: file name for messages.
    :param ocr: also OCR scanned pages (about 1 s a page); silently skipped without Tesseract.
    :returns: problems; ``[]`` means clean. Problem strings may quote removed text.
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    needles = _Needles(removed_strings)
    problems: list[str] = []
    eofs = bytes(data).count(b"%%EOF")
    if eofs > 1:
        problems.append(
            f"file has {eofs} %%EOF markers (incremental update or linearised): an earlier revision "
            "may still hold the original content"
        )
    doc, off = _all_layers_on(open_checked(data, name))
    if off:
        problems.append(f"{off} optional-content layer(s) are switched off, hiding their content")
    tessdata = _tessdata() if ocr else None
    scans: list[int] = []
    with doc:
        for key, value in doc.metadata.items():
            if key not in ("format", "encryption") and value:
                problems.append(f"metadata field {key!r} is not empty")
        info = doc.xref_get_key(-1, "Info")
        if info[0] == "xref":
            info_obj = doc.xref_object(int(info[1].split()[0]), compressed=True)
            if info_obj.strip() not in ("<<>>", "null", ""):
                problems.append("document Info dictionary still holds entries")
        if doc.get_xml_metadata().strip() or doc.xref_get_key(doc.pdf_catalog(), "Metadata")[0] != "null":
            problems.append("XMP metadata is present")
        if doc.embfile_count():
            problems.append(f"{doc.embfile_count()} embedded file(s) present")
        toc = " \n ".join(entry[1] for entry in doc.get_toc(simple=True))
        for s in needles.find(toc) if toc else ():
            problems.append(f"bookmarks still contain {s!r}")
        for page in doc:
            n = page.number + 1
            if page.first_annot is not None:
                problems.append(f"page {n}: annotations remain")
            if page.first_widget is not None:
                problems.append(f"page {n}: form fields remain")
            if page.first_link is not None:
                problems.append(f"page {n}: links remain")
            trace = page.get_texttrace()
            hidden = _hidden_spans(page, trace, _dark_covers(page))
            if hidden:
                kinds = sorted({reason for reason, _ in hidden})
                problems.append(f"page {n}: {len(hidden)} {'/'.join(kinds)} text span(s) remain")
            if needles:
                text = page.get_text("text", flags=_VERIFY_FLAGS)
                for s in needles.find(text):
                    problems.append(f"page {n}: text still contains {s!r}")
                traced = " ".join("".join(chr(c[0]) for c in span["chars"]) for span in trace)
                for s in needles.find(traced):
                    if f"page {n}: text still contains {s!r}" not in problems:
                        problems.append(f"page {n}: hidden or low-level text still contains {s!r}")
                if tessdata and _is_scan(page, text):
                    scans.append(page.number)
        if scans and tessdata:
            for index, text in sorted(_ocr_texts(doc, data, name, scans, tessdata).items()):
                for s in needles.find(text):
                    problems.append(f"page {index + 1}: the page image still reads {s!r} (OCR)")
        problems.extend(_scan_objects(doc, needles))
    return problems



def _ocr_texts(
    doc: pymupdf.Document, data: bytes, name: str, indices: list[int], tessdata: str
) -> dict[int, str]:
    """Plain OCR text of the given pages of ``doc`` as ``verify`` opened it (see ``_ocr_pages``)."""
    workers = min(pdf_core._cpu_count(), len(indices) // 2)
    if len(indices) >= pdf_core._PARALLEL_OCR_MIN and workers >= 2:
        chunks = [indices[k::workers] for k in range(workers)]
        parts = pdf_core._in_children("_ocr_text_chunk", [(data, name, chunk, tessdata) for chunk in chunks])
        if parts is not None:
            return {i: text for part in parts for i, text in part.items()}
    return {i: _ocr_text(doc[i], tessdata) for i in indices}


def _ocr_text_chunk(data: bytes, name: str, indices: list[int], tessdata: str) -> dict[int, str]:
    """Child-process side of ``_ocr_texts``: open the bytes exactly as ``verify`` does."""
    doc, _ = _all_layers_on(open_checked(data, name))
    with doc:
        return {i: _ocr_text(doc[i], tessdata) for i in indices}


def _ocr_text(page: pymupdf.Page, tessdata: str) -> str:
    tp = page.get_textpage_ocr(
        flags=_VERIFY_FLAGS, language="eng", dpi=_OCR_DPI, full=True, tessdata=tessdata
    )
    return page.get_text("text", textpage=tp)


def _scan_objects(doc: pymupdf.Document, needles: _Needles) -> list[str]:
    """Search the source of every object and non-image, non-font stream for leftovers."""
    problems: list[str] = []
    js = embedded = xmp = False
    for xref in range(1, doc.xref_length()):
        try:
            obj = doc.xref_object(xref, compressed=True)
        except RuntimeError:  # pragma: no cover - free entries in damaged files
            continue
        if not js and _JS_KEY.search(obj):
            js = True
            problems.append(f"JavaScript present (object {xref})")
        if not embedded and "/EmbeddedFile" in obj:
            embedded = True
            problems.append(f"embedded file stream present (object {xref})")
        if not xmp and re.search(r"/Type\s*/Metadata\b", obj):
            xmp = True
            problems.append(f"XMP metadata stream present (object {xref})")
        if not needles:
            continue
        haystack = obj + " " + _decoded_strings(obj) + " " + _decode_literal(obj)
        for s in needles.find(haystack):
            problems.append(f"object {xref} still contains {s!r}")
        if doc.xref_is_stream(xref) and not _is_binary_stream(obj):
            try:
                raw = doc.xref_stream(xref)
            except RuntimeError:  # pragma: no cover - undecodable filter
                continue
            if raw:
                source = raw.decode("latin-1")
                # Hex strings too: simple fonts' <48656c6c6f> Tj is plain Latin-1 in disguise.
                for s in needles.find(_decode_literal(source) + " " + _decoded_strings(source)):
                    problems.append(f"stream {xref} still contains {s!r}")
    return problems


def _is_binary_stream(obj: str) -> bool:
    # Image samples and font programs are binary: searching them only produces false alarms.
    return bool(
        re.search(r"/Subtype\s*/Image\b", obj)
        or re.search(r"/Length[123]\b", obj)
        or re.search(r"/Subtype\s*/(Type1C|CIDFontType0C|OpenType)\b", obj)
    )


