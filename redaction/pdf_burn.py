"""Burn-in: remove boxes, hidden text and withheld pages, sanitise, save and verify."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pymupdf

from redaction.errors import VerificationError
from redaction.pdf_core import (
    _NO_PAGES,
    _dark_covers,
    _drawn_glyphs,
    _insert_display_text,
    _not_drawn,
    _open_prepared,
    _overlaps,
    _Quad,
    _sane,
    _save,
    _tessdata,
    _under,
    _union,
    _unrotated_rect,
    open_checked,
)
from redaction.pdf_masks import has_soft_masks
from redaction.pdf_raster import rasterise_pages
from redaction.pdf_sanitise import (
    keep_only_allowed,
    reencode_images,
    strip_accessibility_text,
    strip_pattern_text,
)
from redaction.pdf_shown import visual_check_reasons
from redaction.pdf_verify import OCR_PROBLEM, person_variants, verify
from redaction.types import BurnInBox

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



def _withhold_page(doc: pymupdf.Document, page: pymupdf.Page, label: str) -> None:
    """Replace everything on a page by a centred 'Page withheld' notice.

    Rather than redacting the whole area (which can leave glyph fragments, PyMuPDF #4944), the
    page keeps only its boxes and rotation: contents and resources are emptied, and garbage
    collection on save drops every object the page used to reference.
    """
    for key in ("Contents", "Resources"):
        doc.xref_set_key(page.xref, key, "null")
    doc.xref_set_key(page.xref, "Resources", "<<>>")
    text = f"Page withheld: {label}" if label else "Page withheld"
    _insert_display_text(page, text, 14, where="centre")


def _strip_document(doc: pymupdf.Document) -> None:
    """Remove every place where text can hide that page redaction never sees.

    Annotations and widgets are deleted (they were baked into page content), then the catalog,
    page tree, pages, resources, images and forms are cut down to an allow-list of keys
    (``pdf_sanitise.keep_only_allowed``): bookmarks, names trees, page labels, thumbnails,
    structure tree, scripts, private ``/PieceInfo`` data and any key not yet invented all go.
    """
    for page in doc:
        for annot in list(page.annots()):
            page.delete_annot(annot)
        for widget in list(page.widgets()):
            page.delete_widget(widget)
    keep_only_allowed(doc)


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


@dataclass(frozen=True)
class BurnInResult:
    """What ``burn_in_report`` produced: the verified PDF and what the schedule must tell.

    :ivar data: the redacted, verified PDF.
    :ivar rasterised_pages: 0-based pages replaced by a picture of themselves (with an OCR text
        layer) because what they show could not be matched to their text layer.
    :ivar notes: one plain sentence per page-level event the reviewer and the schedule must
        state (rasterised pages, removed optional content, stripped accessibility text).
    """

    data: bytes
    rasterised_pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()


def burn_in(
    data: bytes,
    boxes: Sequence[BurnInBox],
    *,
    withheld_pages: Mapping[int, str] = _NO_PAGES,
    removed_strings: Sequence[str] = (),
    label_boxes: bool = False,
    name: str = "document.pdf",
    ocr_check: bool = True,
    people: Sequence[str] = (),
    kept_text: str = "",
    rasterise: bool = True,
) -> bytes:
    """``burn_in_report`` returning only the PDF bytes (same arguments, same errors)."""
    return burn_in_report(
        data,
        boxes,
        withheld_pages=withheld_pages,
        removed_strings=removed_strings,
        label_boxes=label_boxes,
        name=name,
        ocr_check=ocr_check,
        people=people,
        kept_text=kept_text,
        rasterise=rasterise,
    ).data


def burn_in_report(
    data: bytes,
    boxes: Sequence[BurnInBox],
    *,
    withheld_pages: Mapping[int, str] = _NO_PAGES,
    removed_strings: Sequence[str] = (),
    label_boxes: bool = False,
    name: str = "document.pdf",
    ocr_check: bool = True,
    people: Sequence[str] = (),
    kept_text: str = "",
    rasterise: bool = True,
) -> BurnInResult:
    """Permanently remove the given areas and pages and return a sanitised, verified PDF.

    Follows redaction-notes §2.6: optional content flattened to what is shown on screen *and* in
    print, layers removed; bake; one black redaction per box (with its ``label`` in small white
    type when ``label_boxes``); withheld pages replaced by a "Page withheld: <label>" notice;
    off-page, invisible and transparent text removed; one redaction pass per page that removes
    text, blanks image pixels and removes touched line art; ``scrub`` of metadata, XMP,
    attachments, JavaScript, links, thumbnails and hidden text; marked-content replacement text
    (ActualText, Alt, E) stripped; every image re-encoded from its pixels; the structure cut down
    to an allow-list (``pdf_sanitise``); a full (never incremental) save with garbage collection.
    The output is then checked with :func:`verify` against ``removed_strings`` and ``people``.

    :param data: original PDF. :param boxes: areas to remove (unrotated page coordinates, as
        produced by ``extract``/``boxes_for_span``).
    :param withheld_pages: 0-based page index -> label shown on the blanked page.
    :param removed_strings: every string the boxes are meant to remove; none may survive.
    :param label_boxes: print each box's label inside it.
    :param name: file name for messages.
    :param people: names of the people redacted: verification also looks for every variant of
        each (surname, first name, initials, reversed; ``pdf_verify.person_variants``).
    :param kept_text: text deliberately kept; a person variant occurring in it is not looked for.
    :param rasterise: when OCR of the output still reads a removed string or person variant on a
        page (its text layer could not locate it), black out the words OCR locates and replace the
        page by its picture with an OCR text layer (``pdf_raster``), listed in the result's
        ``rasterised_pages`` and ``notes``; with False such a page fails verification instead.
    :param ocr_check: also OCR the output's scanned pages and fail if a removed string can still
        be read in the picture (only when Tesseract is installed; about 1 s per scanned page).
    :returns: the redacted PDF.
    :raises ValueError: a box or withheld page refers to a page that does not exist.
    :raises VerificationError: the output still contains a removed string or other hidden data.
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    doc, prepared = _open_prepared(data, name, release=True)
    notes = [n for n in prepared if "optional-content" in n]
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
        patterned = strip_pattern_text(doc)
        if patterned:
            notes.append(f"{patterned} text object(s) painted as pattern texture (never in the text layer) removed")
        masked: list[int] = []
        for page in doc:
            pno = page.number
            if pno in withheld_pages:
                _withhold_page(doc, page, withheld_pages[pno])
            else:
                if by_page.get(pno) and has_soft_masks(page):
                    masked.append(pno)
                _redact_page(page, by_page.get(pno, ()), label_boxes)
            # MuPDF's object store keeps every object the edits touched, and each later edit scans it:
            # without emptying it per page burn-in grows faster than linearly with the page count
            # (issue 11: about half the burn-in time at 1,440 pages). Only a cache; output unchanged.
            _shrink_store()
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
        stripped = strip_accessibility_text(doc)
        if stripped:
            notes.append(
                f"{stripped} accessibility text entr(y/ies) (ActualText, Alt, E) removed: they are not "
                "what the page shows and were never analysed"
            )
        reencode_images(doc)
        _strip_document(doc)
        out = _save(doc)
    tessdata = _tessdata() if ocr_check else None
    rasterised: tuple[int, ...] = ()
    if masked:
        # Redaction does not reach into soft-mask groups: text there survives under the box
        # although its lettering is covered. The page as it now looks becomes a picture.
        out, mask_notes = rasterise_pages(
            out, masked, [], tessdata, name=name,
            reason="a redaction covers lettering drawn through a soft mask, whose text redaction cannot reach",
        )
        notes.extend(mask_notes)
        rasterised = tuple(masked)
    problems = verify(out, removed_strings, people=people, kept_text=kept_text, name=name, ocr=ocr_check)
    shown = sorted({int(m.group(1)) - 1 for p in problems if (m := OCR_PROBLEM.match(p))})
    if shown and tessdata and rasterise:
        # The picture still shows what the text layer no longer holds: locate it by OCR, black
        # it out and replace those pages by pictures of themselves (pdf_raster), then check again.
        targets = [*removed_strings, *(v for person in people for v in person_variants(person))]
        out, raster_notes = rasterise_pages(out, shown, targets, tessdata, name=name)
        notes.extend(raster_notes)
        rasterised = tuple(sorted({*rasterised, *shown}))
        problems = verify(out, removed_strings, people=people, kept_text=kept_text, name=name, ocr=ocr_check)
    if problems:
        raise VerificationError(problems)
    if not tessdata:
        notes.extend(_unverified_pages(out, name))
    return BurnInResult(out, rasterised_pages=rasterised, notes=tuple(notes))


def _shrink_store() -> None:
    """Empty PyMuPDF's cache of parsed objects (``Tools.store_shrink``); it refills on demand."""
    pymupdf.TOOLS.store_shrink(100)


def _unverified_pages(data: bytes, name: str) -> list[str]:
    """Pages whose picture verification could not read (no OCR): one note each, for a human check."""
    notes = []
    with open_checked(data, name) as doc:
        for page in doc:
            reasons = visual_check_reasons(page)
            if reasons:
                notes.append(
                    f"page {page.number + 1}: could not be verified by OCR ({', '.join(reasons)}); "
                    "check by eye that no redacted text is still shown"
                )
    return notes


