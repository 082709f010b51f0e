"""Redacting one page: remove the glyphs, pixels and line art under the boxes, then paint them black.

Split out of ``pdf_burn`` (which orchestrates the whole document: withheld pages, sanitising, saving
and verification). The geometry here decides which glyphs go (``_removal_rects``), marks them in
one redaction annotation per pass (``_mark``) and paints and labels the boxes (``_paint_boxes``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pymupdf

from redaction.pdf_core import (
    _dark_covers,
    _drawn_glyphs,
    _not_drawn,
    _overlaps,
    _Quad,
    _sane,
    _under,
    _union,
    _unrotated_rect,
)
from redaction.types import BurnInBox


def _label_fontsize(label: str, rect: pymupdf.Rect, rotation: int = 0) -> float:
    """Largest size (max 6 pt) at which ``label`` fits inside ``rect`` upright, or 0 if below 3 pt."""
    width_at_1 = pymupdf.get_text_length(label, fontname="helv", fontsize=1)
    if width_at_1 <= 0:
        return 0.0
    along, across = (rect.height, rect.width) if rotation % 180 else (rect.width, rect.height)
    size = min(6.0, across * 0.75, (along - 1) / width_at_1)
    return size if size >= 3.0 else 0.0


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
    fully transparent, outside the visible page, clipped away or squashed to zero width, see
    ``_drawn_glyphs``, or under one of the dark ``covers``). MuPDF
    removes every glyph whose full line-height box *touches* a redaction rectangle, so redacting
    with the boxes themselves also takes letters of the lines above and below whenever lines are
    tight (measured on the sample case files: "He g[ave his] mobile"). Thin bands through the
    middle of each run of doomed glyphs remove those glyphs and nothing else. Plain tuples, not
    ``pymupdf.Rect``: this loop sees every glyph near a box and Rect arithmetic is ten times slower.
    """
    vx0, vy0, vx1, vy1 = _unrotated_rect(page)
    drawn = _drawn_glyphs(page)
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
        clipped = not hidden and any(_not_drawn(c, drawn) for c in chars)
        if not (hidden or near or off_page or over or clipped):
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
            elif clipped and _not_drawn(ch, drawn):
                key = "clipped"
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
