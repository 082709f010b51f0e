"""The PDF layer: read text and boxes out of a PDF, burn redactions in, and check the result.

This is the only module in SAR Desk that imports PyMuPDF. Everything here takes and returns bytes,
so callers never hand us file paths and never see a ``pymupdf`` object (``open_checked`` is the one
exception and is meant for this package only).

Contracts the rest of the project relies on:

* Coordinates are PDF points in the **unrotated** page space (what ``add_redact_annot`` expects),
  see ``redaction.types``. ``render_page_png`` renders in the same space, so boxes overlay the image
  directly; the UI rotates the finished picture by ``pdf_info()["rotation"][page]``.
* ``extract`` and ``burn_in`` prepare the document the same way (apply pre-existing redaction
  marks, switch every optional-content layer on, bake annotations and form fields), so the boxes
  found by one are valid in the other.
* ``burn_in`` follows the tested recipe in redaction-notes §2.6 and refuses to return a PDF that
  fails ``verify`` (§3.3). A redaction that leaves recoverable text is a data breach, so every
  doubtful case fails closed: it raises or reports a problem rather than passing silently.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pymupdf

from redaction.errors import EncryptedPdfError, NotAPdfError, VerificationError
from redaction.types import Box, BurnInBox, ExtractedDocument, PageText

__all__ = [
    "boxes_for_span",
    "burn_in",
    "extract",
    "merge",
    "open_checked",
    "page_count",
    "page_size",
    "pdf_info",
    "render_page_png",
    "stamp_pages",
    "verify",
]

# Whitespace kept so offsets match what a reader sees; ligatures kept as single glyphs so that
# one glyph is one box (we expand them ourselves, see _normalise_char); clipped to the MediaBox
# because text outside it is handled separately as "off-page" text (notes §2.3.7).
_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_MEDIABOX_CLIP
# verify() must see everything, including text outside the MediaBox.
_VERIFY_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_PRESERVE_LIGATURES

_OCR_DPI = 300
# From this many text-less pages up, OCR runs in worker processes (see _ocr_pages).
_PARALLEL_OCR_MIN = 4
_CHILD_TIMEOUT = 3600  # seconds; an OCR child that takes longer is killed and the work redone here
_FOOTER_FONT = "sarhelv"

# Characters that carry no visible text but would split a name in two for a detector
# ("Char\u200blie"). They are dropped from the analysed text; neighbouring boxes still cover them.
_INVISIBLE_CHARS = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")

# Minimum normalised length for plain substring search in verify(); shorter strings are matched
# as whole tokens only. Short first names ("Sam", "Eve") occur inside ordinary words ("Sample",
# "every"), and a verifier that cries wolf on every page blocks releases for no reason.
_SUBSTRING_MIN = 5
# Whitespace-insensitive matching catches a name split across lines or text spans, but is only
# safe for strings long enough not to occur by accident once spaces are gone.
_NOSPACE_MIN = 6

_NO_PAGES: Mapping[int, str] = MappingProxyType({})

_Quad = tuple[float, float, float, float]

# Coordinates beyond this (points; about 35 km) come from broken font metrics, not real glyphs.
_FAR = 1e5

_CATALOG_KEYS_TO_DROP = (
    # Each can carry text that page redaction never touches: bookmarks (Outlines), tagged-PDF
    # alternate text (StructTreeRoot), scripts and attachments (Names, OpenAction, AA), form data
    # incl. XFA (AcroForm), XMP (Metadata), application private data (PieceInfo), article threads.
    "Outlines",
    "StructTreeRoot",
    "MarkInfo",
    "Names",
    "Dests",
    "OpenAction",
    "AA",
    "AcroForm",
    "Metadata",
    "PieceInfo",
    "Threads",
    "SpiderInfo",
    "Collection",
    "URI",
)
_PAGE_KEYS_TO_DROP = ("Annots", "AA", "PieceInfo", "Metadata", "Thumb", "B")


# --------------------------------------------------------------------------------------------
# Opening


def _configure() -> None:
    # Process-wide MuPDF switch (we are its only user). Glyph boxes of font-size height rather
    # than ascender-to-descender (notes §2.1) keep extracted boxes, and so the painted boxes and
    # the blanked image pixels, within their own line. Text removal itself does not rely on it:
    # see _removal_rects. Every entry point sets it, so extract, burn_in and verify agree.
    pymupdf.TOOLS.set_small_glyph_heights(True)


def open_checked(data: bytes, name: str) -> pymupdf.Document:
    """Open PDF bytes for this package, refusing anything we cannot process safely.

    Internal to ``redaction``: the returned object is a PyMuPDF document, which no other package
    may touch.

    :param data: the file content.
    :param name: the file's name, used only in error messages.
    :returns: an open document (a private in-memory copy; changes never affect ``data``).
    :raises NotAPdfError: empty, not a PDF, damaged beyond repair, or no pages.
    :raises EncryptedPdfError: the PDF needs a password to open.
    """
    _configure()
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"expected PDF bytes for {name}, got {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise NotAPdfError(f"{name} is empty (0 bytes), not a PDF")
    # The header may follow some junk, but must be within the first 1024 bytes (PDF spec 7.5.2).
    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError(f"{name} is not a PDF (no %PDF- header)")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError) as exc:
        raise NotAPdfError(f"{name} is damaged and could not be opened as a PDF: {exc}") from exc
    if not doc.is_pdf:
        doc.close()
        raise NotAPdfError(f"{name} is not a PDF")
    if doc.needs_pass:
        doc.close()
        raise EncryptedPdfError(
            f"{name} is password-protected; ask the sender for a copy without a password"
        )
    if doc.page_count == 0:
        doc.close()
        raise NotAPdfError(f"{name} has no pages")
    return doc


def _all_layers_on(doc: pymupdf.Document) -> tuple[pymupdf.Document, int]:
    """Make every optional-content layer visible; return the document to use and how many were off.

    Text in a switched-off layer is invisible to extraction but still in the file. MuPDF only
    honours a changed default configuration after a reload, so in that case the document is
    saved to memory and reopened (and the passed-in document closed).
    """
    try:
        ocgs = doc.get_ocgs()
    except (RuntimeError, ValueError):  # pragma: no cover - damaged OCProperties
        return doc, 0
    off = sum(1 for info in ocgs.values() if not info.get("on", True))
    if not off:
        return doc, 0
    doc.set_layer(-1, basestate="ON", on=list(ocgs), off=[])
    reloaded = pymupdf.open(stream=doc.tobytes(garbage=0), filetype="pdf")
    doc.close()
    return reloaded, off


def _open_prepared(data: bytes, name: str) -> tuple[pymupdf.Document, list[str]]:
    """Open ``data`` and bring it into the state both extract and burn_in work on.

    Returns the document and notes for the reviewer. Steps, in order:

    1. Apply redaction marks already in the file: baking them would only *draw* their overlay
       over text that is still there, so a reviewer would see black where text survives.
    2. Switch every optional-content layer on, so text in a hidden layer is extracted, analysed
       and removable instead of lingering unseen in the content stream. MuPDF only honours a
       changed default configuration after a reload, so the file is saved and reopened then.
    3. Bake annotations and form fields into page content (notes §2.6 step 1), so FreeText and
       field values become ordinary, redactable text.

    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    doc = open_checked(data, name)
    # Pop-up note text is not page text and disappears when baked: show it to the reviewer.
    notes = [note for page in doc for note in _sticky_notes(page)]
    for page in doc:
        marks = [a for a in page.annots() if a.type[0] == pymupdf.PDF_ANNOT_REDACT]
        if marks:
            notes.append(
                f"page {page.number + 1}: {len(marks)} unapplied redaction mark(s) found in the original; "
                "they are applied before analysis"
            )
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
    doc, off = _all_layers_on(doc)
    if off:
        notes.append(f"{off} hidden layer(s) switched on so that their text is analysed and redacted")
    doc.bake(annots=True, widgets=True)
    return doc, notes


# --------------------------------------------------------------------------------------------
# Small read-only queries


def page_count(data: bytes) -> int:
    """Number of pages.

    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    with open_checked(data, "document.pdf") as doc:
        return doc.page_count


def pdf_info(data: bytes) -> dict[str, Any]:
    """Facts about a PDF for intake screening, without raising on encryption.

    :returns: ``{"pages": int, "encrypted": bool, "needs_password": bool,
        "has_text_layer": list[bool], "rotation": list[int], "sizes": list[tuple[float, float]]}``.
        ``encrypted`` is true for any encrypted file, including ones that open without a password.
        For a file that needs a password the per-page lists are empty.
    :raises NotAPdfError: not a PDF, damaged or no pages.
    """
    try:
        doc = open_checked(data, "document.pdf")
    except EncryptedPdfError:
        doc = pymupdf.open(stream=bytes(data), filetype="pdf")
        with doc:
            return {
                "pages": doc.page_count,
                "encrypted": True,
                "needs_password": True,
                "has_text_layer": [],
                "rotation": [],
                "sizes": [],
            }
    with doc:
        has_text, rotation, sizes = [], [], []
        for page in doc:
            has_text.append(bool(page.get_text("text", flags=_TEXT_FLAGS).strip()))
            rotation.append(page.rotation)
            r = _unrotated_rect(page)
            sizes.append((r.width, r.height))
        return {
            "pages": doc.page_count,
            "encrypted": bool(doc.is_encrypted or doc.metadata.get("encryption")),
            "needs_password": False,
            "has_text_layer": has_text,
            "rotation": rotation,
            "sizes": sizes,
        }


def page_size(data: bytes, page: int) -> tuple[float, float]:
    """Width and height in points of the **unrotated** page, the space boxes are expressed in.

    :raises IndexError: no such page. :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    with open_checked(data, "document.pdf") as doc:
        r = _unrotated_rect(_page(doc, page))
        return (r.width, r.height)


def render_page_png(data: bytes, page: int, zoom: float = 1.5) -> bytes:
    """Render one page to PNG for the review screen.

    The page is drawn **unrotated**, so a box ``b`` overlays the image at ``b * zoom`` pixels; the UI
    then rotates image and overlay together by the page's rotation (``pdf_info``). Annotations
    and form fields are baked first, so the reviewer sees the same content that is analysed.

    :param page: 0-based page index. :param zoom: pixels per point (1.5 ≈ 108 dpi).
    :returns: PNG bytes.
    :raises IndexError: no such page. :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    if not 0 < zoom <= 10:
        raise ValueError(f"zoom must be within (0, 10], got {zoom}")
    doc, _ = _open_prepared(data, "document.pdf")
    with doc:
        p = _page(doc, page)
        p.set_rotation(0)
        return p.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), annots=False).tobytes("png")


def _page(doc: pymupdf.Document, index: int) -> pymupdf.Page:
    if not 0 <= index < doc.page_count:
        raise IndexError(f"page {index} out of range (document has {doc.page_count} pages)")
    return doc[index]


def _unrotated_rect(page: pymupdf.Page) -> pymupdf.Rect:
    # page.rect is the visible (rotated) rectangle; boxes live in the unrotated space.
    r = page.rect * page.derotation_matrix
    r.normalize()
    return r


# --------------------------------------------------------------------------------------------
# Extraction


@lru_cache(maxsize=4096)
def _normalise_char(c: str) -> str:
    """What detectors should see for one extracted glyph ('' to drop it).

    NFKC turns ligatures into their letters ("ﬁ" -> "fi"), no-break spaces into spaces and
    full-width letters into ASCII, so names and numbers match plain patterns.
    """
    if c.isascii():
        return c
    if c in _INVISIBLE_CHARS:
        return ""
    out = unicodedata.normalize("NFKC", c)
    # NFKC never yields line breaks from a single glyph, but guard the separator contract anyway.
    return out.replace("\n", " ").replace("\r", " ")


def _split_box(bbox: tuple[float, float, float, float], n: int, horizontal: bool) -> list[Box]:
    x0, y0, x1, y1 = bbox
    if horizontal:
        step = (x1 - x0) / n
        return [Box(x0 + i * step, y0, x0 + (i + 1) * step if i < n - 1 else x1, y1) for i in range(n)]
    step = (y1 - y0) / n
    return [Box(x0, y0 + i * step, x1, y0 + (i + 1) * step if i < n - 1 else y1) for i in range(n)]


def _sane(x0: float, y0: float, x1: float, y1: float) -> bool:
    # Chained comparisons are false for NaN too.
    return -_FAR < x0 < _FAR and -_FAR < y0 < _FAR and -_FAR < x1 < _FAR and -_FAR < y1 < _FAR


def _char_bbox(ch: dict[str, Any], span: dict[str, Any]) -> tuple[float, float, float, float] | None:
    x0, y0, x1, y1 = ch["bbox"]
    if not _sane(x0, y0, x1, y1):
        # Broken font metrics: fall back to the span, which over-covers rather than misses.
        x0, y0, x1, y1 = span["bbox"]
        if not _sane(x0, y0, x1, y1):
            return None
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _text_from_rawdict(raw: dict[str, Any]) -> tuple[str, tuple[Box | None, ...], int]:
    r"""Concatenate rawdict characters into analysable text with one box per character.

    Lines are joined by one ``"\\n"`` and blocks by two, all with ``None`` boxes. Returns the text,
    the boxes and how many glyphs had no Unicode mapping (U+FFFD).
    """
    parts: list[str] = []
    boxes: list[Box | None] = []
    unmapped = 0
    for block in raw.get("blocks", ()):
        if block.get("type", 0) != 0:
            continue
        block_started = False
        for line in block.get("lines", ()):
            horizontal = abs(line["dir"][0]) >= abs(line["dir"][1])
            # MuPDF 1.28.2 with small glyph heights puts the box of upside-down text (writing
            # direction (-1, 0), e.g. on a page displayed at 180°) on the wrong side of the
            # baseline; mirror it back so it covers the glyph (measured against get_texttrace).
            upside_down = line["dir"][0] < -0.99
            line_parts: list[str] = []
            line_boxes: list[Box | None] = []
            for span in line.get("spans", ()):
                for ch in span.get("chars", ()):
                    c = ch["c"]
                    x0, y0, x1, y1 = ch["bbox"]
                    if upside_down:
                        oy = ch["origin"][1]
                        y0, y1 = 2 * oy - y1, 2 * oy - y0
                        ch = {**ch, "bbox": (x0, y0, x1, y1)}
                    # Fast path for the common case: ASCII glyph with a sane box (also rejects NaN).
                    if c.isascii() and -_FAR < x0 <= x1 < _FAR and -_FAR < y0 <= y1 < _FAR:
                        line_parts.append(c)
                        line_boxes.append(Box(x0, y0, x1, y1))
                        continue
                    if c == "\ufffd":
                        unmapped += 1
                    norm = _normalise_char(c)
                    if not norm:
                        continue
                    bbox = _char_bbox(ch, span)
                    if bbox is None:
                        continue
                    if len(norm) == 1:
                        line_parts.append(norm)
                        line_boxes.append(Box(*bbox))
                    else:
                        # Ligature or other expansion: keep len(text) == len(boxes) by sharing
                        # the glyph's box out between the letters it stands for.
                        line_parts.extend(norm)
                        line_boxes.extend(_split_box(bbox, len(norm), horizontal))
            if not line_parts:
                continue
            if block_started:
                parts.append("\n")
                boxes.append(None)
            elif parts:
                parts.append("\n\n")
                boxes.extend((None, None))
            block_started = True
            parts.extend(line_parts)
            boxes.extend(line_boxes)
    return "".join(parts), tuple(boxes), unmapped


@lru_cache(maxsize=1)
def _tessdata() -> str | None:
    """Tesseract's language data directory, or None when OCR is unavailable here."""
    if not shutil.which("tesseract"):
        return None
    try:
        path = pymupdf.get_tessdata()
    except (RuntimeError, ValueError, OSError):
        return None
    return path or None


def ocr_available() -> bool:
    """True when Tesseract and its English data are installed, so scanned pages can be read."""
    return _tessdata() is not None


def _dark_covers(page: pymupdf.Page) -> list[tuple[int, _Quad]]:
    """Opaque dark rectangles painted over earlier content: ``(seqno, rect)`` each.

    Text under one of these cannot be read on the page but can be copied out of it: the classic
    black-box "redaction" (notes §3.1). Only near-black fills count: whatever the blend mode,
    nothing shows through them, whereas a light fill may be a highlighter (blend mode Multiply).
    """
    # Cheap pre-check in C: is any filled path painted after some text at all?
    seen_text = False
    for kind, _ in page.get_bboxlog():
        if kind.endswith("-text"):
            seen_text = True
        elif kind == "fill-path" and seen_text:
            break
    else:
        return []
    covers = []
    for d in page.get_drawings():
        fill = d.get("fill")
        if fill is None or (d.get("fill_opacity") or 0) < 0.99 or max(fill) > 0.2:
            continue
        if not d["items"] or not all(item[0] in ("re", "qu") for item in d["items"]):
            continue  # only rectangles: the bounding box of a curve over-states what it covers
        # One path may hold many rectangles (ours does): each covers only its own area.
        for item in d["items"]:
            r = item[1] if item[0] == "re" else item[1].rect
            covers.append((d["seqno"], (r.x0, r.y0, r.x1, r.y1)))
    return covers


def _centre(r: _Quad) -> tuple[float, float]:
    return (r[0] + r[2]) / 2, (r[1] + r[3]) / 2


def _union(rects: Sequence[_Quad]) -> pymupdf.Rect:
    out = pymupdf.Rect(rects[0])
    for r in rects[1:]:
        out |= r
    return out


def _overlaps(a: _Quad, b: _Quad) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _under(cx: float, cy: float, seqno: int, covers: Sequence[tuple[int, _Quad]]) -> bool:
    return any(seq > seqno and r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for seq, r in covers)


def _hidden_spans(
    page: pymupdf.Page, trace: list[dict[str, Any]], covers: Sequence[tuple[int, _Quad]] = ()
) -> list[tuple[str, pymupdf.Rect]]:
    """Text a reader cannot see but a machine can.

    Kinds: ``off-page``, ``invisible`` (``3 Tr``), ``transparent`` (opacity 0) and ``covered``
    (under a later dark rectangle, see ``_dark_covers``). Returns ``(kind, rect)`` per offending
    span, ``rect`` in unrotated page coordinates covering only the offending characters.
    """
    visible = _unrotated_rect(page)
    found: list[tuple[str, pymupdf.Rect]] = []
    for span in trace:
        if not span["chars"]:
            continue
        rect = pymupdf.Rect(span["bbox"])
        if span["type"] == 3:
            found.append(("invisible", rect))
            continue
        if span["opacity"] == 0:
            found.append(("transparent", rect))
            continue
        off = [] if visible.contains(rect) else [c[3] for c in span["chars"] if not visible.contains(c[3])]
        if off:
            found.append(("off-page", _union(off)))
        over = [c for c in covers if c[0] > span["seqno"] and _overlaps(c[1], span["bbox"])]
        if over:
            under = [c[3] for c in span["chars"] if _under(*_centre(c[3]), -1, over)]
            if under:
                found.append(("covered", _union(under)))
    return found


def _page_notes(page: pymupdf.Page, trace: list[dict[str, Any]]) -> list[str]:
    """Reviewer notes about text that exists but is not what a reader sees."""
    n = page.number + 1
    notes: list[str] = []
    counts: dict[str, int] = defaultdict(int)
    for reason, _ in _hidden_spans(page, trace, _dark_covers(page)):
        counts[reason] += 1
    for reason, label in (
        ("off-page", "lie outside the visible page"),
        ("invisible", "are invisible (3 Tr, e.g. an OCR layer)"),
        ("transparent", "are fully transparent"),
        ("covered", "are hidden under black boxes drawn over them (not a real redaction)"),
    ):
        if counts[reason]:
            notes.append(f"page {n}: {counts[reason]} text span(s) {label}; they are removed at burn-in")
    tiny = sum(1 for s in trace if s["chars"] and s["type"] != 3 and 0 < s["size"] < 3)
    if tiny:
        notes.append(
            f"page {n}: {tiny} text span(s) are in very small type (< 3 pt); check them in the text view"
        )
    white = sum(
        1
        for s in trace
        if s["chars"] and s["type"] == 0 and s["opacity"] > 0 and s["color"] and min(s["color"]) >= 0.95
    )
    if white:
        notes.append(f"page {n}: {white} text span(s) are white and may be invisible on the page")
    return notes


def _sticky_notes(page: pymupdf.Page) -> list[str]:
    """Text of pop-up notes: it is not page text, so it is shown to the reviewer as a problem."""
    out = []
    for annot in page.annots():
        if annot.type[0] == pymupdf.PDF_ANNOT_FREE_TEXT:
            continue  # baked into page text, analysed like any other text
        content = (annot.info.get("content") or "").strip()
        if content:
            out.append(
                f"page {page.number + 1}: {annot.type[1]} annotation note (removed at burn-in): {content!r}"
            )
    return out


def extract(data: bytes, name: str = "document.pdf", *, ocr: bool = True) -> ExtractedDocument:
    """Extract analysable text and one box per character from every page.

    Annotations and form fields are baked first (in a private copy), so FreeText and field
    values are analysed like page text; pop-up note contents, hidden/off-page text, very small or
    white text, and pages that could not be read are reported in ``problems`` for the reviewer.
    Pages without a text layer are OCR'd at 300 dpi when ``ocr`` is true and Tesseract is
    installed (``source="ocr"``); otherwise they get ``source="none"`` and a problem saying they
    need OCR or manual review. Ligatures and other compatibility characters are normalised
    (NFKC) with ``len(text) == len(char_boxes)`` kept.

    :param data: the PDF. :param name: file name for messages and the result.
    :param ocr: allow OCR of pages with no text layer.
    :returns: the document's pages in order, boxes in unrotated page coordinates.
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    doc, problems = _open_prepared(data, name)
    with doc:
        tessdata = _tessdata() if ocr else None
        pages: list[PageText] = []
        page_problems: dict[int, list[str]] = defaultdict(list)
        to_ocr: list[int] = []
        for page in doc:
            n = page.number + 1
            notes = page_problems[page.number]
            rect = _unrotated_rect(page)
            try:
                tp = page.get_textpage(flags=_TEXT_FLAGS)
                text, boxes, unmapped = _text_from_rawdict(page.get_text("rawdict", textpage=tp))
                trace = page.get_texttrace()
            except RuntimeError as exc:
                raise NotAPdfError(f"{name}: page {n} could not be read: {exc}") from exc
            notes.extend(_page_notes(page, trace))
            source = "text"
            if unmapped and unmapped >= 0.2 * max(1, len(text.strip())):
                notes.append(
                    f"page {n}: {unmapped} characters have no Unicode mapping, so the text layer is "
                    "unreliable; review the page visually"
                )
            if not text.strip():
                if tessdata:
                    to_ocr.append(page.number)
                else:
                    source = "none"
                    notes.append(f"page {n} has no text layer and needs OCR or manual review")
            elif _is_scan(page, text):
                notes.append(
                    f"page {n}: images cover most of the page and may contain text that is not in "
                    "the text layer; review the page visually"
                )
            pages.append(PageText(page.number, text, boxes, rect.width, rect.height, source))
        if to_ocr and tessdata:
            for index, (text, boxes) in _ocr_pages(doc, data, name, to_ocr, tessdata).items():
                old = pages[index]
                pages[index] = PageText(index, text, boxes, old.width, old.height, "ocr")
                page_problems[index].append(
                    f"page {index + 1} has no text layer; its text was read by OCR and may contain errors"
                    if text.strip()
                    else f"page {index + 1}: OCR found no text; review the page manually"
                )
        problems.extend(p for index in sorted(page_problems) for p in page_problems[index])
        return ExtractedDocument(name=name, pages=tuple(pages), problems=tuple(problems))


def _ocr_pages(
    doc: pymupdf.Document, data: bytes, name: str, indices: list[int], tessdata: str
) -> dict[int, tuple[str, tuple[Box | None, ...]]]:
    """OCR the given pages of the prepared ``doc``, on several cores when that pays.

    Tesseract takes about a second a page and a child process about half a second to start, so
    from ``_PARALLEL_OCR_MIN`` pages up the pages are shared out between child processes. Each
    child re-opens and prepares the same bytes (``_open_prepared`` is deterministic), so its
    pages are identical to ours. Falls back to OCR in this process if a child fails.
    """
    workers = min(_cpu_count(), len(indices) // 2)
    if len(indices) >= _PARALLEL_OCR_MIN and workers >= 2:
        chunks = [indices[k::workers] for k in range(workers)]
        parts = _in_children("_ocr_chunk", [(data, name, chunk, tessdata) for chunk in chunks])
        if parts is not None:
            return {i: result for part in parts for i, result in part.items()}
    return {i: _ocr_page(doc[i], tessdata) for i in indices}


def _ocr_chunk(
    data: bytes, name: str, indices: list[int], tessdata: str
) -> dict[int, tuple[str, tuple[Box | None, ...]]]:
    """Child-process side of ``_ocr_pages``."""
    doc, _ = _open_prepared(data, name)
    with doc:
        return {i: _ocr_page(doc[i], tessdata) for i in indices}


# Child processes are started as fresh interpreters running this module, not with
# multiprocessing: fork is unsafe in a threaded web or worker process, and spawn/forkserver
# re-import the caller's __main__, which re-runs any script that lacks a __main__ guard.
_CHILD_CODE = "import redaction.pdf as m; m._child_main()"
_CHILD_FUNCTIONS = frozenset({"_ocr_chunk", "_ocr_text_chunk"})


def _in_children(function: str, jobs: list[tuple[Any, ...]]) -> list[Any] | None:
    """Run ``function(*job)`` for each job in its own child process; None if any child failed."""
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for _ in jobs:
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-c", _CHILD_CODE],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=env,
                )
            )
    except OSError:  # no usable interpreter (embedded Python): the caller works serially
        for proc in procs:
            proc.kill()
            proc.wait()
        return None
    # Pickle is safe here: both ends are this module, talking over private pipes.
    payloads = [pickle.dumps((function, job)) for job in jobs]

    def talk(pair: tuple[subprocess.Popen[bytes], bytes]) -> tuple[bytes, bytes]:
        # One thread per child, so every child gets its input at once and they all run together.
        return pair[0].communicate(pair[1], timeout=_CHILD_TIMEOUT)

    try:
        with ThreadPoolExecutor(max_workers=len(procs)) as pool:
            outputs = list(pool.map(talk, zip(procs, payloads, strict=True)))
    except subprocess.TimeoutExpired:
        for proc in procs:
            proc.kill()
            proc.wait()
        return None
    if any(proc.returncode != 0 for proc in procs):
        return None
    return [pickle.loads(out) for out, _ in outputs]


def _child_main() -> None:
    """Entry point of a child process started by ``_in_children``."""
    function, job = pickle.loads(sys.stdin.buffer.read())
    if function not in _CHILD_FUNCTIONS:
        raise SystemExit(f"redaction.pdf child: unknown function {function!r}")
    result = globals()[function](*job)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _image_cover(page: pymupdf.Page) -> float:
    area = abs(_unrotated_rect(page))
    if not area:
        return 0.0
    covered = 0.0
    for info in page.get_image_info():
        covered += abs(pymupdf.Rect(info["bbox"]) & _unrotated_rect(page))
    return min(1.0, covered / area)


def _ocr_page(page: pymupdf.Page, tessdata: str) -> tuple[str, tuple[Box | None, ...]]:
    tp = page.get_textpage_ocr(flags=_TEXT_FLAGS, language="eng", dpi=_OCR_DPI, full=True, tessdata=tessdata)
    text, boxes, _ = _text_from_rawdict(page.get_text("rawdict", textpage=tp))
    return text, boxes


def boxes_for_span(page: PageText, start: int, end: int, pad: float = 0.5) -> tuple[Box, ...]:
    """Boxes covering ``page.text[start:end]``: the union of its character boxes per visual line.

    A new visual line starts at every extractor-inserted separator (``None`` box). Each union is
    grown by ``pad`` points on every side, so anti-aliased glyph edges are covered too.

    :param page: extracted page. :param start: first index (inclusive). :param end: last (exclusive).
    :param pad: margin in points, >= 0.
    :returns: one box per line touched, in text order; empty when the span holds no boxed characters.
    :raises ValueError: the span is outside the text or ``pad`` is negative.
    """
    if not 0 <= start <= end <= len(page.text):
        raise ValueError(f"span {start}..{end} outside page text of length {len(page.text)}")
    if pad < 0:
        raise ValueError("pad must be >= 0")
    out: list[Box] = []
    cur: list[float] | None = None
    for b in page.char_boxes[start:end]:
        if b is None:
            if cur is not None:
                out.append(Box(cur[0] - pad, cur[1] - pad, cur[2] + pad, cur[3] + pad))
                cur = None
            continue
        if cur is None:
            cur = [b.x0, b.y0, b.x1, b.y1]
        else:
            cur[0] = min(cur[0], b.x0)
            cur[1] = min(cur[1], b.y0)
            cur[2] = max(cur[2], b.x1)
            cur[3] = max(cur[3], b.y1)
    if cur is not None:
        out.append(Box(cur[0] - pad, cur[1] - pad, cur[2] + pad, cur[3] + pad))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Burn-in


def _label_fontsize(label: str, rect: pymupdf.Rect, rotation: int = 0) -> float:
    """Largest size (max 6 pt) at which ``label`` fits inside ``rect`` upright, or 0 if below 3 pt."""
    width_at_1 = pymupdf.get_text_length(label, fontname="helv", fontsize=1)
    if width_at_1 <= 0:
        return 0.0
    along, across = (rect.height, rect.width) if rotation % 180 else (rect.width, rect.height)
    size = min(6.0, across * 0.75, (along - 1) / width_at_1)
    return size if size >= 3.0 else 0.0


def _ensure_font(page: pymupdf.Page) -> None:
    # Base-14 Helvetica through the simple encoding turns "—" and other non-Latin-1 characters
    # into "·"; embedding the same font as a Unicode font keeps footers and labels as written.
    # garbage=4 on save de-duplicates the identical font streams of all pages.
    page.insert_font(fontname=_FOOTER_FONT, fontbuffer=_helv_buffer())


@lru_cache(maxsize=1)
def _helv_buffer() -> bytes:
    return pymupdf.Font("helv").buffer


@lru_cache(maxsize=1)
def _helv_font() -> pymupdf.Font:
    return pymupdf.Font("helv")


def _insert_display_text(
    page: pymupdf.Page,
    text: str,
    fontsize: float,
    *,
    where: str,
    color: tuple[float, float, float] = (0, 0, 0),
) -> None:
    """Write one line of text upright as the page is displayed, centred or at the bottom margin."""
    _ensure_font(page)
    disp = page.rect  # the displayed (rotated) page
    width = _helv_font().text_length(text, fontsize=fontsize)
    if where == "centre":
        x = max(disp.x0 + 10, disp.x0 + (disp.width - width) / 2)
        y = disp.y0 + disp.height / 2
    else:  # footer
        x = max(disp.x0 + 10, disp.x0 + (disp.width - width) / 2)
        y = disp.y1 - max(12.0, min(24.0, disp.height * 0.025))
    # Insertion coordinates are unrotated; rotating the text by the page rotation makes it upright.
    point = pymupdf.Point(x, y) * page.derotation_matrix
    page.insert_text(point, text, fontname=_FOOTER_FONT, fontsize=fontsize, rotate=page.rotation, color=color)


def _withhold_page(doc: pymupdf.Document, page: pymupdf.Page, label: str) -> None:
    """Replace everything on a page by a centred 'Page withheld' notice.

    Rather than redacting the whole area (which can leave glyph fragments, PyMuPDF #4944), the
    page keeps only its boxes and rotation: contents and resources are emptied, and garbage
    collection on save drops every object the page used to reference.
    """
    for key in ("Contents", "Resources", *_PAGE_KEYS_TO_DROP):
        doc.xref_set_key(page.xref, key, "null")
    doc.xref_set_key(page.xref, "Resources", "<<>>")
    text = f"Page withheld: {label}" if label else "Page withheld"
    _insert_display_text(page, text, 14, where="centre")


def _strip_document(doc: pymupdf.Document) -> None:
    """Remove document-level places where text can hide and that page redaction never sees."""
    cat = doc.pdf_catalog()
    for key in _CATALOG_KEYS_TO_DROP:
        if doc.xref_get_key(cat, key)[0] != "null":
            doc.xref_set_key(cat, key, "null")
    for page in doc:
        for annot in list(page.annots()):
            page.delete_annot(annot)
        for widget in list(page.widgets()):
            page.delete_widget(widget)
        for key in _PAGE_KEYS_TO_DROP:
            if doc.xref_get_key(page.xref, key)[0] != "null":
                doc.xref_set_key(page.xref, key, "null")


def _strip_object_metadata(doc: pymupdf.Document) -> None:
    """Drop XMP and application data hanging off any object (images, fonts, form XObjects).

    Done before redaction, while the file holds only its own objects: afterwards it also holds
    every redaction annotation, and this loop touches each object.
    """
    for xref in range(1, doc.xref_length()):
        try:
            if doc.xref_get_key(xref, "Metadata")[0] == "xref":
                doc.xref_set_key(xref, "Metadata", "null")
            if doc.xref_get_key(xref, "PieceInfo")[0] != "null":
                doc.xref_set_key(xref, "PieceInfo", "null")
        except RuntimeError:  # pragma: no cover - free or broken xref entries
            continue


def _bands(run: list[_Quad], direction: tuple[float, float]) -> list[pymupdf.Rect]:
    """Thin rectangles through the middle of a run of glyphs of one span (see ``_removal_rects``)."""
    cos, sin = abs(direction[0]), abs(direction[1])
    if min(cos, sin) > 0.05:
        # Slanted text: an axis-aligned band would clip neighbours, so mark each glyph's centre.
        return [_centre_mark(r) for r in run]
    ux0 = min(r[0] for r in run)
    uy0 = min(r[1] for r in run)
    ux1 = max(r[2] for r in run)
    uy1 = max(r[3] for r in run)
    horizontal = cos >= sin
    # Along the writing direction shrink a little, so the band does not touch the next glyph;
    # across it keep only the middle 40%, clear of the lines above and below.
    along = [(r[2] - r[0]) if horizontal else (r[3] - r[1]) for r in run]
    positive = [a for a in along if a > 0]
    inset = min(0.3, 0.2 * min(positive)) if positive else 0.0
    if horizontal:
        cy, half = (uy0 + uy1) / 2, max(0.05, 0.2 * (uy1 - uy0))
        x0, x1 = ux0 + inset, ux1 - inset
        if x1 - x0 < 0.1:
            x0 = x1 = (ux0 + ux1) / 2
        return [pymupdf.Rect(x0 - 0.05, cy - half, x1 + 0.05, cy + half)]
    cx, half = (ux0 + ux1) / 2, max(0.05, 0.2 * (ux1 - ux0))
    y0, y1 = uy0 + inset, uy1 - inset
    if y1 - y0 < 0.1:
        y0 = y1 = (uy0 + uy1) / 2
    return [pymupdf.Rect(cx - half, y0 - 0.05, cx + half, y1 + 0.05)]


def _centre_mark(r: _Quad) -> pymupdf.Rect:
    cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
    return pymupdf.Rect(cx - 0.05, cy - 0.05, cx + 0.05, cy + 0.05)


def _removal_rects(
    page: pymupdf.Page,
    trace: list[dict[str, Any]],
    boxes: Sequence[_Quad],
    covers: Sequence[tuple[int, _Quad]] = (),
) -> list[pymupdf.Rect]:
    """Rectangles that remove exactly the glyphs that must go, and as little else as possible.

    A glyph goes when its centre lies inside one of ``boxes``, or when it is hidden (``3 Tr``,
    fully transparent, outside the visible page, or under one of the dark ``covers``). MuPDF
    removes every glyph whose full line-height box *touches* a redaction rectangle, so redacting
    with the boxes themselves also takes letters of the lines above and below whenever lines are
    tight (measured on the sample case files: "He g[ave his] mobile"). Thin bands through the
    middle of each run of doomed glyphs remove those glyphs and nothing else. Plain tuples, not
    ``pymupdf.Rect``: this loop sees every glyph near a box and Rect arithmetic is ten times slower.
    """
    vx0, vy0, vx1, vy1 = _unrotated_rect(page)
    out: list[pymupdf.Rect] = []
    for span in trace:
        chars = span["chars"]
        if not chars:
            continue
        sx0, sy0, sx1, sy1 = span["bbox"]
        hidden = span["type"] == 3 or span["opacity"] == 0
        off_page = not (vx0 <= sx0 and sx1 <= vx1 and vy0 <= sy0 and sy1 <= vy1)
        sbox = (sx0, sy0, sx1, sy1)
        near = [b for b in boxes if _overlaps(b, sbox)]
        over = [c for c in covers if c[0] > span["seqno"] and _overlaps(c[1], sbox)]
        if not (hidden or near or off_page or over):
            continue
        run: list[_Quad] = []
        run_key: object = None
        for ch in chars:
            cb = ch[3]
            x0, y0, x1, y1 = cb
            if not _sane(x0, y0, x1, y1):
                cb = x0, y0, x1, y1 = sx0, sy0, sx1, sy1
            elif x0 > x1 or y0 > y1:  # right-to-left or upside-down glyphs
                cb = x0, y0, x1, y1 = min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            key: object = None
            if hidden:
                key = "hidden"
            elif off_page and not (vx0 <= x0 and x1 <= vx1 and vy0 <= y0 and y1 <= vy1):
                key = "off-page"
            elif over and _under(cx, cy, span["seqno"], over):
                key = "covered"
            else:
                for i, b in enumerate(near):
                    if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                        key = i
                        break
            if key != run_key and run:
                out.extend(_bands(run, span["dir"]))
                run = []
            run_key = key
            if key is not None:
                run.append(cb)
        if run:
            out.extend(_bands(run, span["dir"]))
    return out


def _mark(page: pymupdf.Page, rects: Sequence[pymupdf.Rect]) -> None:
    """Add one unpainted redaction annotation covering exactly ``rects`` (via QuadPoints).

    MuPDF redacts the QuadPoints of a Redact annotation, not its bounding Rect, so a single
    annotation can carry every area of a page. That matters for speed: PyMuPDF's cost per added
    annotation grows with the number already on the page. The mapping from PyMuPDF's page space
    to PDF space is read off the first rectangle's stored /Rect; if it is not the expected
    translation-plus-flip, every rectangle gets its own annotation instead.
    """
    doc = page.parent
    first = rects[0]
    annot = page.add_redact_annot(first, fill=False, cross_out=False)
    if len(rects) == 1:
        return
    kind, value = doc.xref_get_key(annot.xref, "Rect")
    try:
        x0, y0, x1, y1 = (float(v) for v in value.strip("[]").split())
    except ValueError:
        x0 = y0 = x1 = y1 = math.nan
    ax, by = x0 - first.x0, y1 + first.y0
    if not (
        kind == "array"
        and abs((x1 - x0) - first.width) < 0.01
        and abs((y1 - y0) - first.height) < 0.01
        and abs((by - first.y1) - y0) < 0.01
    ):
        for r in rects[1:]:
            page.add_redact_annot(r, fill=False, cross_out=False)
        return
    quads: list[str] = []
    for r in rects:
        left, right, top, bottom = r.x0 + ax, r.x1 + ax, by - r.y0, by - r.y1
        corners = (left, top, right, top, left, bottom, right, bottom)  # UL, UR, LL, LR
        quads.append(" ".join(f"{v:.3f}" for v in corners))
    u = _union([tuple(r) for r in rects])
    doc.xref_set_key(annot.xref, "QuadPoints", "[" + " ".join(quads) + "]")
    bbox = (u.x0 + ax, by - u.y1, u.x1 + ax, by - u.y0)
    doc.xref_set_key(annot.xref, "Rect", "[" + " ".join(f"{v:.3f}" for v in bbox) + "]")


def _paint_boxes(
    page: pymupdf.Page, boxes: Sequence[BurnInBox], rects: Sequence[pymupdf.Rect], labels: bool
) -> None:
    """Paint the redacted areas black, with their label in small white type when asked."""
    shape = page.new_shape()
    for rect in rects:
        shape.draw_rect(rect)
    shape.finish(fill=(0, 0, 0), color=None, width=0)
    shape.commit(overlay=True)
    if not labels:
        return
    # A Shape writes its text before its drawings, so labels need their own, later Shape.
    text = page.new_shape()
    labelled: list[pymupdf.Rect] = []
    # Largest first, so where boxes overlap (a name inside a longer match) the outer box
    # carries the label and the inner one does not print a second label over it.
    for i in sorted(range(len(boxes)), key=lambda k: -abs(rects[k])):
        label, rect = boxes[i].label, rects[i]
        if not label or any(abs(rect & other) > 0.5 * abs(rect) for other in labelled):
            continue
        size = _label_fontsize(label, rect, page.rotation)
        if size:
            labelled.append(rect)
            _label(text, rect, label, size, page.rotation)
    text.commit(overlay=True)


def _label(shape: pymupdf.Shape, rect: pymupdf.Rect, label: str, size: float, rotation: int) -> None:
    # One line, centred in the box and upright as the page is displayed.
    width = pymupdf.get_text_length(label, fontname="helv", fontsize=size)
    c = pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2)
    # Offsets in display space: half the width back, about a third of the size down (baseline).
    offset = pymupdf.Point(-width / 2, size * 0.35) * pymupdf.Matrix(-rotation)
    shape.insert_text(c + offset, label, fontname="helv", fontsize=size, color=(1, 1, 1), rotate=rotation)


def _redact_page(page: pymupdf.Page, boxes: Sequence[BurnInBox], label_boxes: bool) -> None:
    """Remove the boxes' content and all hidden text from one page.

    Two ``apply_redactions`` calls, each with all of the page's areas in one annotation (never
    one call per hit, notes §2.3.9):

    1. text: thin bands from ``_removal_rects`` remove the glyphs inside the boxes plus all
       invisible, transparent, off-page and covered text; images and drawings are left alone
       here, because invisible OCR text lies over the scanned picture, which must not be blanked
       wholesale.
    2. picture: the boxes themselves blank the image pixels under them and remove line art they
       touch (text is no longer there to remove); then they are painted black, with labels.
    """
    rects = [pymupdf.Rect(b.box.as_tuple()) for b in boxes]
    quads = [b.box.as_tuple() for b in boxes]
    removal = _removal_rects(page, page.get_texttrace(), quads, _dark_covers(page))
    if removal:
        _mark(page, removal)
        page.apply_redactions(
            images=pymupdf.PDF_REDACT_IMAGE_NONE,
            graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
            text=pymupdf.PDF_REDACT_TEXT_REMOVE,
        )
    if rects:
        _mark(page, rects)
        page.apply_redactions(
            images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
            graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
            text=pymupdf.PDF_REDACT_TEXT_NONE,
        )
        _paint_boxes(page, boxes, rects, label_boxes)


def burn_in(
    data: bytes,
    boxes: Sequence[BurnInBox],
    *,
    withheld_pages: Mapping[int, str] = _NO_PAGES,
    removed_strings: Sequence[str] = (),
    label_boxes: bool = False,
    name: str = "document.pdf",
    ocr_check: bool = True,
) -> bytes:
    """Permanently remove the given areas and pages and return a sanitised, verified PDF.

    Follows redaction-notes §2.6: bake; one black redaction per box (with its ``label`` in small
    white type when ``label_boxes``); withheld pages replaced by a "Page withheld: <label>" notice;
    off-page, invisible and transparent text removed; one redaction pass per page that removes
    text, blanks image pixels and removes touched line art; ``scrub`` of metadata, XMP,
    attachments, JavaScript, links, thumbnails and hidden text; remaining annotations, bookmarks
    and tagged-PDF structure dropped; a full (never incremental) save with garbage collection.
    The output is then checked with :func:`verify` against ``removed_strings``.

    :param data: original PDF. :param boxes: areas to remove (unrotated page coordinates, as
        produced by ``extract``/``boxes_for_span``).
    :param withheld_pages: 0-based page index -> label shown on the blanked page.
    :param removed_strings: every string the boxes are meant to remove; none may survive.
    :param label_boxes: print each box's label inside it.
    :param name: file name for messages.
    :param ocr_check: also OCR the output's scanned pages and fail if a removed string can still
        be read in the picture (only when Tesseract is installed; about 1 s per scanned page).
    :returns: the redacted PDF.
    :raises ValueError: a box or withheld page refers to a page that does not exist.
    :raises VerificationError: the output still contains a removed string or other hidden data.
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    doc, _ = _open_prepared(data, name)
    with doc:
        pages = doc.page_count
        by_page: dict[int, list[BurnInBox]] = defaultdict(list)
        for b in boxes:
            if not 0 <= b.page < pages:
                raise ValueError(f"{name}: redaction box on page {b.page} but the document has {pages} pages")
            by_page[b.page].append(b)
        for p in withheld_pages:
            if not 0 <= p < pages:
                raise ValueError(f"{name}: withheld page {p} but the document has {pages} pages")
        _strip_object_metadata(doc)
        for page in doc:
            pno = page.number
            if pno in withheld_pages:
                _withhold_page(doc, page, withheld_pages[pno])
            else:
                _redact_page(page, by_page.get(pno, ()), label_boxes)
        doc.scrub(
            attached_files=True,
            clean_pages=True,
            embedded_files=True,
            hidden_text=True,
            javascript=True,
            metadata=True,
            redactions=True,
            redact_images=1,
            remove_links=True,
            reset_fields=True,
            reset_responses=True,
            thumbnails=True,
            xml_metadata=True,
        )
        doc.set_metadata({})
        doc.del_xml_metadata()
        _strip_document(doc)
        out = _save(doc)
    problems = verify(out, removed_strings, name=name, ocr=ocr_check)
    if problems:
        raise VerificationError(problems)
    return out


def _save(doc: pymupdf.Document) -> bytes:
    # Full rewrite: garbage=4 drops and de-duplicates unreferenced objects (the pre-redaction
    # image, baked annotations, earlier revisions); never incremental (notes §2.3.2). no_new_id
    # keeps output deterministic for the same input.
    return doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)


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


def _is_scan(page: pymupdf.Page, text: str) -> bool:
    """True when the page's content is mostly a picture, so its text layer says little."""
    return bool(page.get_images(full=False)) and (not text.strip() or _image_cover(page) >= 0.5)


def _ocr_texts(
    doc: pymupdf.Document, data: bytes, name: str, indices: list[int], tessdata: str
) -> dict[int, str]:
    """Plain OCR text of the given pages of ``doc`` as ``verify`` opened it (see ``_ocr_pages``)."""
    workers = min(_cpu_count(), len(indices) // 2)
    if len(indices) >= _PARALLEL_OCR_MIN and workers >= 2:
        chunks = [indices[k::workers] for k in range(workers)]
        parts = _in_children("_ocr_text_chunk", [(data, name, chunk, tessdata) for chunk in chunks])
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


# --------------------------------------------------------------------------------------------
# Bundles


def merge(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """Concatenate PDFs in order into one bundle.

    Only page content and page annotations are copied: document metadata, bookmarks and
    attachments of the parts are not. Parts are expected to be ``burn_in`` output.

    :param parts: ``(name, pdf_bytes)`` pairs; ``name`` is used in error messages only.
    :returns: the merged PDF, fully saved.
    :raises ValueError: no parts.
    :raises NotAPdfError, EncryptedPdfError: a part cannot be used (the message names it).
    """
    if not parts:
        raise ValueError("merge needs at least one part")
    out = pymupdf.open()
    with out:
        for part_name, part in parts:
            with open_checked(part, part_name) as src:
                out.insert_pdf(src, links=False, annots=True)
        return _save(out)


def stamp_pages(data: bytes, footer: Callable[[int, int], str]) -> bytes:
    """Add a footer line to every page, upright at the bottom of the page as displayed.

    :param footer: called as ``footer(page_number, page_total)`` with a 1-based page number;
        returns the text, e.g. "SAR-2026-0007 — Page 3 of 12". Any Unicode text Helvetica covers.
    :returns: the stamped PDF, fully saved (never incremental).
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    with open_checked(data, "document.pdf") as doc:
        total = doc.page_count
        for page in doc:
            text = footer(page.number + 1, total)
            if text:
                _insert_display_text(page, text, 8, where="footer")
        return _save(doc)

