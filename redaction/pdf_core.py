"""Shared ground of the PDF modules.

Opening and preparing a document, hidden-text geometry, Tesseract discovery, child processes
for OCR, saving.

Only ``redaction.pdf*`` modules import PyMuPDF (import-linter contract); nothing here is public
outside ``redaction``: the public API is re-exported by ``redaction.pdf``.
"""

from __future__ import annotations

import importlib
import os
import pickle
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pymupdf

from redaction.errors import EncryptedPdfError, NotAPdfError
from redaction.pdf_masks import _drawings_outside_masks
from redaction.pdf_sanitise import expose_optional_content, flatten_optional_content

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

_NO_PAGES: Mapping[int, str] = MappingProxyType({})

_Quad = tuple[float, float, float, float]

# Coordinates beyond this (points; about 35 km) come from broken font metrics, not real glyphs.
_FAR = 1e5


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
    """Make all optional content visible; return the document to use and how many layers were off.

    Used by ``verify``: every layer's content is shown, including content shown only while
    another layer is off (see ``pdf_sanitise.expose_optional_content``).
    """
    try:
        ocgs = doc.get_ocgs()
    except (RuntimeError, ValueError):  # pragma: no cover - damaged OCProperties
        ocgs = {}
    off = sum(1 for info in ocgs.values() if not info.get("on", True))
    doc, _ = expose_optional_content(doc)
    return doc, off


def _open_prepared(data: bytes, name: str, *, release: bool = False, pages: range | None = None
                   ) -> tuple[pymupdf.Document, list[str]]:
    """Open ``data`` and bring it into the state both extract and burn_in work on.

    Returns the document and notes for the reviewer. ``pages`` (a page-range extraction, issue 11):
    only those pages are read for notes and have their redaction marks applied, unless the range
    starts at page 0, which carries the document's notes and so reads every page; the other pages
    are left as they are and must not be used. Steps, in order:

    1. Apply redaction marks already in the file: baking them would only *draw* their overlay
       over text that is still there, so a reviewer would see black where text survives.
    2. Optional content. For analysis (``release=False``) the content of every layer is made
       visible, whatever its state, so text in a hidden, print-only or view-only layer, or shown
       only while another layer is off, is extracted and analysed. For burn-in (``release=True``)
       it is flattened to what is shown on screen *and* in print by default and the layers are
       removed (``pdf_sanitise.flatten_optional_content``). Removing content never moves other
       content, so boxes found in analysis stay valid.
    3. Bake annotations and form fields into page content (notes §2.6 step 1), so FreeText and
       field values become ordinary, redactable text.

    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    doc = open_checked(data, name)
    # Else every range of a long document would read every page (issue 11); clamped: extract refuses.
    scan = (range(doc.page_count) if pages is None or pages.start == 0
            else range(pages.start, min(pages.stop, doc.page_count)))
    # Pop-up note text is not page text and disappears when baked: show it to the reviewer.
    notes = [note for pno in scan for note in _sticky_notes(doc[pno])]
    for pno in scan:
        page = doc[pno]
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
    if release:
        doc, removed = flatten_optional_content(doc)
        if removed:
            notes.append(
                f"{removed} optional-content section(s) not shown both on screen and in print were removed"
            )
    else:
        doc, hidden = expose_optional_content(doc)
        if hidden:
            notes.append(
                f"{hidden} hidden layer(s) (switched off, print-only or view-only): their content is "
                "analysed here and removed at burn-in"
            )
    doc.bake(annots=True, widgets=True)
    return doc, notes


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


def _sane(x0: float, y0: float, x1: float, y1: float) -> bool:
    # Chained comparisons are false for NaN too.
    return -_FAR < x0 < _FAR and -_FAR < y0 < _FAR and -_FAR < x1 < _FAR and -_FAR < y1 < _FAR


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
    The black background of a soft mask's group is not painted on the page and never counts
    (see ``_drawings_outside_masks``).
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
    for d in _drawings_outside_masks(page):
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
    page: pymupdf.Page,
    trace: list[dict[str, Any]],
    covers: Sequence[tuple[int, _Quad]] = (),
    drawn: set[tuple[int, int]] | None = None,
) -> list[tuple[str, pymupdf.Rect]]:
    """Text a reader cannot see but a machine can.

    Kinds: ``off-page``, ``invisible`` (``3 Tr``), ``transparent`` (opacity 0), ``clipped``
    (clipped away or drawn at zero size or zero horizontal scale, see ``_drawn_glyphs``) and
    ``covered`` (under a later dark rectangle, see ``_dark_covers``). Returns ``(kind, rect)``
    per offending span, ``rect`` in unrotated page coordinates covering only the offending
    characters.
    """
    visible = _unrotated_rect(page)
    if drawn is None:
        drawn = _drawn_glyphs(page)
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
        clipped = [c[3] for c in span["chars"] if _not_drawn(c, drawn) and visible.contains(c[3])]
        if clipped:
            found.append(("clipped", _union(clipped)))
        over = [c for c in covers if c[0] > span["seqno"] and _overlaps(c[1], span["bbox"])]
        if over:
            under = [c[3] for c in span["chars"] if _under(*_centre(c[3]), -1, over)]
            if under:
                found.append(("covered", _union(under)))
    return found


def _drawn_glyphs(page: pymupdf.Page, raw: dict[str, Any] | None = None) -> set[tuple[int, int]]:
    """Origins (rounded to whole points) of the glyphs MuPDF's text device actually draws.

    Extraction with ``_TEXT_FLAGS`` honours the clipping path and drops glyphs of zero size or
    zero horizontal scale (``0 Tz``); the low-level text trace does not. A traced glyph that is
    not drawn is therefore text a reader cannot see: clipped away or squashed to nothing.
    """
    if raw is None:
        raw = page.get_text("rawdict", flags=_TEXT_FLAGS)
    return {
        (round(ch["origin"][0]), round(ch["origin"][1]))
        for block in raw.get("blocks", ())
        for line in block.get("lines", ())
        for span in line.get("spans", ())
        for ch in span.get("chars", ())
    }


def _not_drawn(ch: tuple[Any, ...], drawn: set[tuple[int, int]]) -> bool:
    """True for a traced non-space glyph with no drawn glyph at (or within a point of) its origin."""
    x, y = ch[2]
    if ch[0] <= 32 or not -_FAR < x < _FAR or not -_FAR < y < _FAR:
        return False
    rx, ry = round(x), round(y)
    if (rx, ry) in drawn:  # the common case, one lookup
        return False
    if chr(ch[0]).isspace():
        return False
    return not any((rx + dx, ry + dy) in drawn for dx in (-1, 0, 1) for dy in (-1, 0, 1))


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


# Child processes are started as fresh interpreters running this module, not with
# multiprocessing: fork is unsafe in a threaded web or worker process, and spawn/forkserver
# re-import the caller's __main__, which re-runs any script that lacks a __main__ guard.
_CHILD_CODE = "import redaction.pdf_core as m; m._child_main()"
# Function name -> the module that defines it; nothing else may be run in a child.
_CHILD_FUNCTIONS = MappingProxyType(
    {"_ocr_chunk": "redaction.pdf_extract", "_ocr_text_chunk": "redaction.pdf_verify"}
)


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
    result = getattr(importlib.import_module(_CHILD_FUNCTIONS[function]), function)(*job)
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


def _save(doc: pymupdf.Document) -> bytes:
    # Full rewrite: garbage=4 drops and de-duplicates unreferenced objects (the pre-redaction
    # image, baked annotations, earlier revisions); never incremental (notes §2.3.2). no_new_id
    # keeps output deterministic for the same input.
    return doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)


def _is_scan(page: pymupdf.Page, text: str) -> bool:
    """True when the page's content is mostly a picture, so its text layer says little."""
    return bool(page.get_images(full=False)) and (not text.strip() or _image_cover(page) >= 0.5)


