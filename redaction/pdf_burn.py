"""Burn-in: remove boxes, hidden text and withheld pages, sanitise, save and verify.

One page's redaction (which glyphs, pixels and line art go, and the black boxes) is
``pdf_redact_page``; this module runs it over the document and owns everything document-wide.

Fail closed, page by page (issue 10): the output is verified (``pdf_verify``) before it is returned.
A page whose picture OCR still reads a removed string on is first repaired (``pdf_raster``); if
after that the *only* problems left are such pictures, those pages are withheld for a manual check
(``pdf_withhold``: each replaced by a notice, listed in ``BurnInResult.withheld_pages`` with a
note) and the whole output is verified again, so the requester does not lose every other page for
one. Any other problem (text layer, annotations, metadata, strings in the file), or anything left
after withholding, raises ``VerificationError`` and nothing is returned.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pymupdf

from redaction.errors import VerificationError
from redaction.pdf_core import (
    _NO_PAGES,
    _open_prepared,
    _save,
    _tessdata,
    open_checked,
)
from redaction.pdf_masks import has_soft_masks
from redaction.pdf_ocr_layer import add_text_layers, needs_layer
from redaction.pdf_raster import rasterise_pages
from redaction.pdf_redact_page import _redact_page
from redaction.pdf_sanitise import (
    keep_only_allowed,
    reencode_images,
    strip_accessibility_text,
    strip_pattern_text,
)
from redaction.pdf_shown import visual_check_reasons
from redaction.pdf_verify import OCR_PROBLEM, person_variants, verify
from redaction.pdf_withhold import withhold_page, withhold_unverified
from redaction.types import BurnInBox

# --------------------------------------------------------------------------------------------
# Burn-in


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


@dataclass(frozen=True)
class BurnInResult:
    """What ``burn_in_report`` produced: the verified PDF and what the schedule must tell.

    :ivar data: the redacted, verified PDF.
    :ivar rasterised_pages: 0-based pages replaced by a picture of themselves (with an OCR text
        layer) because what they show could not be matched to their text layer.
    :ivar notes: one plain sentence per page-level event the reviewer and the schedule must
        state (rasterised pages, removed optional content, stripped accessibility text).
    :ivar text_layer_pages: 0-based scanned pages (text read by OCR) released with an invisible,
        searchable text layer of the words kept (``pdf_ocr_layer``); a scanned page missing here
        is released as a picture only (setting off, no OCR, or its layer failed verification: the
        notes say which).
    """

    data: bytes
    rasterised_pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    text_layer_pages: tuple[int, ...] = ()
    withheld_pages: tuple[int, ...] = ()


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
    ocr_text_layer: bool = True,
    withhold_unverifiable: bool = True,
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
        ocr_text_layer=ocr_text_layer,
        withhold_unverifiable=withhold_unverifiable,
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
    ocr_text_layer: bool = True,
    withhold_unverifiable: bool = True,
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
    The output is then checked with :func:`verify` against ``removed_strings`` and ``people``; a page
    whose picture still fails after the repair pass is withheld (``withhold_unverifiable``) and the
    output checked again.

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
    :param ocr_text_layer: give every page whose text came from OCR (no text layer in the
        original) an invisible text layer of the words OCR reads in the released picture outside
        every box, so the kept words can be searched and copied (``pdf_ocr_layer``; about 1 s more
        per scanned page). Needs Tesseract and ``ocr_check``; a page whose layer fails
        verification is released without it (noted). Pages are listed in ``text_layer_pages``.
    :param withhold_unverifiable: when, after the ``rasterise`` repair pass, the only problems left
        are pictures of pages that OCR still reads a removed string or person in
        (:func:`picture_only_pages`), replace each such page by a "Page withheld ... held back for a
        manual check" notice (``pdf_withhold``), verify the whole output again and list the pages in
        the result's ``withheld_pages`` with a note each (a page's earlier notes, e.g. that it was
        rasterised, give way to it). Any other problem, or a problem left after withholding, still
        raises. With False (or ``rasterise`` False) such a document is refused whole, as before.
    :returns: the redacted PDF.
    :raises ValueError: a box or withheld page refers to a page that does not exist.
    :raises VerificationError: the output still contains a removed string or other hidden data
        (beyond pictures of pages it could withhold, see ``withhold_unverifiable``).
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
        scanned: list[int] = []
        layer = ocr_text_layer and ocr_check
        for page in doc:
            pno = page.number
            if layer and pno not in withheld_pages and needs_layer(page):
                scanned.append(pno)
            if pno in withheld_pages:
                withhold_page(doc, page, withheld_pages[pno])
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
    layered: tuple[int, ...] = ()
    plain = out
    if scanned and tessdata:
        out, layered, layer_notes = add_text_layers(
            out, [p for p in scanned if p not in rasterised],
            {p: [b.box for b in by_page.get(p, ())] for p in scanned}, tessdata,
            removed_strings=removed_strings, people=people, kept_text=kept_text, name=name,
        )
        notes.extend(layer_notes)
    problems = verify(out, removed_strings, people=people, kept_text=kept_text, name=name, ocr=ocr_check)
    if layered and any(not OCR_PROBLEM.match(p) for p in problems):
        # Fail closed: the document fails with its text layers; release its pictures without them.
        out, layered = plain, ()
        notes.append("no searchable text layer was added to the scanned pages: the document failed "
                     "verification with it; they are released as pictures only")
        problems = verify(out, removed_strings, people=people, kept_text=kept_text, name=name, ocr=ocr_check)
    shown = sorted({int(m.group(1)) - 1 for p in problems if (m := OCR_PROBLEM.match(p))})
    held: tuple[int, ...] = ()
    if shown and tessdata and rasterise:
        # The picture still shows what the text layer no longer holds: locate it by OCR, black
        # it out and replace those pages by pictures of themselves (pdf_raster), then check again.
        targets = [*removed_strings, *(v for person in people for v in person_variants(person))]
        before_repair = out
        out, raster_notes = rasterise_pages(out, shown, targets, tessdata, name=name)
        notes.extend(raster_notes)
        rasterised = tuple(sorted({*rasterised, *shown}))
        layered = tuple(p for p in layered if p not in shown)  # the picture replaced its layer
        problems = verify(out, removed_strings, people=people, kept_text=kept_text, name=name, ocr=ocr_check)
        unverifiable = picture_only_pages(problems, shown)
        if problems and withhold_unverifiable and unverifiable:
            # Only pictures still read removed text after the repair: hold those pages back for a
            # manual check (pdf_withhold) instead of refusing every page, and verify it all again.
            out, held_notes = withhold_unverified(out, unverifiable, name=name, sizes_from=before_repair)
            held = tuple(unverifiable)
            notes = [n for n in notes if not any(n.startswith(f"page {p + 1}: ") for p in held)] + held_notes
            rasterised = tuple(p for p in rasterised if p not in held)
            problems = verify(out, removed_strings, people=people, kept_text=kept_text, name=name, ocr=ocr_check)
    if problems:
        raise VerificationError(problems)
    if not tessdata:
        notes.extend(_unverified_pages(out, name))
    return BurnInResult(out, rasterised_pages=rasterised, notes=tuple(notes), text_layer_pages=layered,
                        withheld_pages=held)


#: A problem ``verify`` reports about one page ("page 3: ..."), as opposed to the whole file.
_PAGE_PROBLEM = re.compile(r"^page (\d+): ")


def picture_only_pages(problems: Sequence[str], repaired: Sequence[int]) -> list[int]:
    """The 0-based pages to withhold when every problem is one page's picture still reading removed text.

    A problem counts as the picture's when OCR read it in the page image (``OCR_PROBLEM``), or when
    it is any problem of a page the repair pass turned into a picture of itself (``repaired``): such
    a page holds its picture and the OCR text layer made from it, nothing else, so whatever is found
    on it comes from the picture. Any other problem (another page's text layer, an annotation,
    metadata, a string in the file's objects) makes the result empty: the document is refused as
    before. Empty too when there are no problems.
    """
    pages: set[int] = set()
    repaired_set = set(repaired)
    for problem in problems:
        ocr = OCR_PROBLEM.match(problem)
        page = _PAGE_PROBLEM.match(problem)
        if ocr is not None:
            pages.add(int(ocr.group(1)) - 1)
        elif page is not None and int(page.group(1)) - 1 in repaired_set:
            pages.add(int(page.group(1)) - 1)
        else:
            return []
    return sorted(pages)


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


