"""Extraction: analysable text with one box per character, and read-only page queries."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pymupdf

from redaction import pdf_core
from redaction.errors import EncryptedPdfError, NotAPdfError
from redaction.pdf_core import (
    _FAR,
    _OCR_DPI,
    _TEXT_FLAGS,
    _dark_covers,
    _drawn_glyphs,
    _hidden_spans,
    _is_scan,
    _normalise_char,
    _open_prepared,
    _page,
    _sane,
    _tessdata,
    _unrotated_rect,
    open_checked,
)
from redaction.pdf_shown import disagreements, visual_check_reasons, word_boxes
from redaction.types import Box, ExtractedDocument, PageText

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



# --------------------------------------------------------------------------------------------
# Extraction



def _split_box(bbox: tuple[float, float, float, float], n: int, horizontal: bool) -> list[Box]:
    x0, y0, x1, y1 = bbox
    if horizontal:
        step = (x1 - x0) / n
        return [Box(x0 + i * step, y0, x0 + (i + 1) * step if i < n - 1 else x1, y1) for i in range(n)]
    step = (y1 - y0) / n
    return [Box(x0, y0 + i * step, x1, y0 + (i + 1) * step if i < n - 1 else y1) for i in range(n)]



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



def _page_notes(
    page: pymupdf.Page, trace: list[dict[str, Any]], drawn: set[tuple[int, int]] | None = None
) -> list[str]:
    """Reviewer notes about text that exists but is not what a reader sees."""
    n = page.number + 1
    notes: list[str] = []
    counts: dict[str, int] = defaultdict(int)
    for reason, _ in _hidden_spans(page, trace, _dark_covers(page), drawn):
        counts[reason] += 1
    for reason, label in (
        ("off-page", "lie outside the visible page"),
        ("invisible", "are invisible (3 Tr, e.g. an OCR layer)"),
        ("transparent", "are fully transparent"),
        ("clipped", "are clipped away or squashed to zero width"),
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



def extract(
    data: bytes, name: str = "document.pdf", *, ocr: bool = True, pages: range | None = None
) -> ExtractedDocument:
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
    :param pages: only these 0-based pages (a page-range job, issue 11): page indexes and messages
        stay those of the whole document, and the document-level problems (from opening it) come
        with the range that starts at page 0 only, so the ranges' results put end to end equal the
        whole document's.
    :returns: the document's pages in order, boxes in unrotated page coordinates.
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    doc, problems = _open_prepared(data, name, pages=pages)
    with doc:
        wanted = range(doc.page_count) if pages is None else range(pages.start, min(pages.stop, doc.page_count))
        if pages is not None and (pages.step != 1 or not 0 <= pages.start < doc.page_count):
            raise ValueError(f"{name}: page range {pages} is outside its {doc.page_count} pages")
        if wanted.start:
            problems = []
        tessdata = _tessdata() if ocr else None
        out: list[PageText] = []
        page_problems: dict[int, list[str]] = defaultdict(list)
        to_ocr: list[int] = []
        for pno in wanted:
            page = doc[pno]
            n = page.number + 1
            notes = page_problems[page.number]
            rect = _unrotated_rect(page)
            try:
                tp = page.get_textpage(flags=_TEXT_FLAGS)
                raw = page.get_text("rawdict", textpage=tp)
                text, boxes, unmapped = _text_from_rawdict(raw)
                trace = page.get_texttrace()
            except RuntimeError as exc:
                raise NotAPdfError(f"{name}: page {n} could not be read: {exc}") from exc
            notes.extend(_page_notes(page, trace, _drawn_glyphs(page, raw)))
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
            else:
                reasons = visual_check_reasons(page, trace, raw)
                if reasons and tessdata:
                    text, boxes = _add_shown_words(page, text, boxes, tessdata, notes)
                elif reasons:
                    notes.append(
                        f"page {n} may show text that is not in its text layer ({', '.join(reasons)}) "
                        "and OCR is not installed; review the page visually"
                    )
                if _is_scan(page, text):
                    notes.append(
                        f"page {n}: images cover most of the page and may contain text that is not in "
                        "the text layer; review the page visually"
                    )
            out.append(PageText(page.number, text, boxes, rect.width, rect.height, source))
        if to_ocr and tessdata:
            for index, (text, boxes) in _ocr_pages(doc, data, name, to_ocr, tessdata).items():
                # Fax strips and stamps may run sideways: read the picture turned too.
                text, boxes = _add_shown_words(
                    doc[index], text, boxes, tessdata, page_problems[index], rotations=(90, 180, 270)
                )
                old = out[index - wanted.start]
                out[index - wanted.start] = PageText(index, text, boxes, old.width, old.height, "ocr")
                page_problems[index].append(
                    f"page {index + 1} has no text layer; its text was read by OCR and may contain errors"
                    if text.strip()
                    else f"page {index + 1}: OCR found no text; review the page manually"
                )
        problems.extend(p for index in sorted(page_problems) for p in page_problems[index])
        return ExtractedDocument(name=name, pages=tuple(out), problems=tuple(problems))


def _add_shown_words(
    page: pymupdf.Page,
    text: str,
    boxes: tuple[Box | None, ...],
    tessdata: str,
    notes: list[str],
    rotations: tuple[int, ...] = (0, 90, 180, 270),
) -> tuple[str, tuple[Box | None, ...]]:
    """Append the words the page shows but its text layer lacks (``pdf_shown``) as a new block.

    The words get boxes over where they are drawn, so detection and review treat them like any
    other text and burn-in removes them with their glyphs, pixels and line art.
    """
    layer = None
    if rotations != (0, 90, 180, 270):  # an OCR'd page: compare with its upright reading
        layer = _layer_from(text, boxes)
    found = disagreements(page, tessdata, layer, rotations)
    if not found:
        return text, boxes
    notes.append(
        f"page {page.number + 1}: {len(found)} word(s) shown on the page are not in its text layer "
        "(drawn as outlines or pictures, or mapped to other letters); they were read by OCR and added "
        "to the analysed text"
    )
    parts, out = [text], list(boxes)
    for word, rect in found:
        parts.append(("\n\n" if len(parts) == 1 else "\n") + word)
        out.extend([None, None] if len(parts) == 2 else [None])
        out.extend(word_boxes(word, rect))
    return "".join(parts), tuple(out)


def _layer_from(text: str, boxes: tuple[Box | None, ...]) -> dict[str, Any]:
    """A minimal rawdict holding ``text`` with its boxes, for comparison in ``pdf_shown``."""
    chars = [
        {"c": c, "bbox": (b.x0, b.y0, b.x1, b.y1)} for c, b in zip(text, boxes, strict=True) if b is not None
    ]
    return {"blocks": [{"lines": [{"spans": [{"chars": chars}]}]}]}


def _ocr_pages(
    doc: pymupdf.Document, data: bytes, name: str, indices: list[int], tessdata: str
) -> dict[int, tuple[str, tuple[Box | None, ...]]]:
    """OCR the given pages of the prepared ``doc``, on several cores when that pays.

    Tesseract takes about a second a page and a child process about half a second to start, so
    from ``pdf_core._PARALLEL_OCR_MIN`` pages up the pages are shared out between child processes. Each
    child re-opens and prepares the same bytes (``_open_prepared`` is deterministic), so its
    pages are identical to ours. Falls back to OCR in this process if a child fails.
    """
    workers = min(pdf_core._cpu_count(), len(indices) // 2)
    if len(indices) >= pdf_core._PARALLEL_OCR_MIN and workers >= 2:
        chunks = [indices[k::workers] for k in range(workers)]
        parts = pdf_core._in_children("_ocr_chunk", [(data, name, chunk, tessdata) for chunk in chunks])
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


