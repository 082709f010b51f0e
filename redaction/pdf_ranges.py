"""Burning in a large document by page ranges, and joining the ranges without a second dedupe (issue 11).

A saved PDF is de-duplicated (``garbage=4``: identical fonts, images and streams kept once), and
MuPDF compares objects in pairs, so one save of a bundle of thousands of pages costs time that grows
with the square of its object count. Here the dedupe runs where it is cheap: each page range is
burned in, de-duplicated and verified on its own (``burn_in_report`` on a PDF of those pages only),
and the ranges are then joined with a save that drops unused objects but does not compare objects
again (``garbage=2``). What is left duplicated is at most one copy per range of what several
ranges share (a font), so the output stays small and the cost linear.

Fail closed: every range is verified in full (OCR included) by ``burn_in_report`` before it is
joined, and the joined document is verified again from its text layer and structure (``verify``
without OCR: the joined pages are the verified ones, copied unchanged), so a join that brought back
anything is refused.

Page numbers in notes, ``rasterised_pages``, ``text_layer_pages`` and ``withheld_pages`` are the whole
document's, as for one burn-in. A range whose only failure is the picture of some pages after the repair
pass withholds those pages for a manual check, as one burn-in does (``withhold_unverifiable``,
``pdf_withhold``); the joined document lists them all. Scanned pages get their invisible OCR text
layer in their range's burn-in (``pdf_ocr_layer``), before the range is verified; the join copies it
unchanged and verifies it again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pymupdf

from redaction.errors import VerificationError
from redaction.pdf_burn import BurnInResult, burn_in_report
from redaction.pdf_core import open_checked
from redaction.pdf_verify import verify
from redaction.types import BurnInBox

#: Pages per range when a caller does not say (``Settings.job_range_pages`` for the job queue).
DEFAULT_RANGE_PAGES = 120
_PAGE_IN_NOTE = re.compile(r"\bpage (\d+)\b")
#: A count note: a whole-document note that starts with how many of something a burn-in found
#: ("3 text object(s) ... removed"); a range's count is part of the document's, so ranges' counts add up.
_COUNT_NOTE = re.compile(r"^(\d+) (\S.*)$", re.DOTALL)


def ranges(page_count: int, size: int) -> list[tuple[int, int]]:
    """``[start, stop)`` page ranges of at most ``size`` pages covering ``page_count`` pages, in order."""
    size = max(1, int(size))
    return [(start, min(start + size, page_count)) for start in range(0, page_count, size)]


def save_joined(doc: pymupdf.Document) -> bytes:
    """Save a document made of parts that were each de-duplicated already, without a second dedupe.

    For joined ranges, a pack's documents and their page stamps: unused objects are dropped and the
    table compacted (``garbage=2``), but every object is not compared with every other again. Never
    incremental; ``no_new_id`` keeps it deterministic.
    """
    return doc.tobytes(garbage=2, deflate=True, clean=True, no_new_id=True)


def page_slice(data: bytes, start: int, stop: int, *, name: str = "document.pdf") -> bytes:
    """A PDF of pages ``[start, stop)`` of ``data`` only (nothing else changed; no dedupe).

    Saved with unused objects dropped and the object table compacted (``garbage=2``), so a later
    de-duplicating save of the slice compares only the slice's own objects.

    :raises ValueError: the range is empty or outside the document.
    """
    with open_checked(data, name) as doc:
        if not 0 <= start < stop <= doc.page_count:
            raise ValueError(f"{name}: page range {start + 1}-{stop} is outside its {doc.page_count} pages")
        if (start, stop) != (0, doc.page_count):
            doc.select(list(range(start, stop)))
        return doc.tobytes(garbage=2, no_new_id=True)


def renumber(note: str, offset: int) -> str:
    """A burn-in note about a range, with its page numbers made the whole document's."""
    return _PAGE_IN_NOTE.sub(lambda m: f"page {int(m.group(1)) + offset}", note) if offset else note


def burn_range(
    data: bytes,
    start: int,
    stop: int,
    boxes: Sequence[BurnInBox],
    *,
    withheld_pages: Mapping[int, str] = {},  # noqa: B006 - never mutated
    removed_strings: Sequence[str] = (),
    label_boxes: bool = False,
    name: str = "document.pdf",
    people: Sequence[str] = (),
    kept_text: str = "",
    ocr_check: bool = True,
    ocr_text_layer: bool = True,
    withhold_unverifiable: bool = True,
) -> BurnInResult:
    """Burn in and verify pages ``[start, stop)`` of ``data`` (``burn_in_report`` on that slice).

    ``boxes`` and ``withheld_pages`` use the whole document's page numbers; those outside the range
    are ignored. Every removed string and person is looked for in the range (they need only be absent).

    :raises VerificationError: the range still contains a removed string or other hidden data (a page
        whose picture alone still fails after the repair pass is withheld instead, as in ``burn_in_report``).
    """
    local = [BurnInBox(b.page - start, b.box, b.label) for b in boxes if start <= b.page < stop]
    withheld = {p - start: label for p, label in withheld_pages.items() if start <= p < stop}
    result = burn_in_report(page_slice(data, start, stop, name=name), local, withheld_pages=withheld,
                            removed_strings=removed_strings, label_boxes=label_boxes, name=name,
                            people=people, kept_text=kept_text, ocr_check=ocr_check, ocr_text_layer=ocr_text_layer,
                            withhold_unverifiable=withhold_unverifiable)
    return BurnInResult(result.data, rasterised_pages=tuple(p + start for p in result.rasterised_pages),
                        notes=tuple(renumber(n, start) for n in result.notes),
                        text_layer_pages=tuple(p + start for p in result.text_layer_pages),
                        withheld_pages=tuple(p + start for p in result.withheld_pages))


def join_ranges(
    parts: Sequence[BurnInResult],
    *,
    removed_strings: Sequence[str] = (),
    people: Sequence[str] = (),
    kept_text: str = "",
    name: str = "document.pdf",
) -> BurnInResult:
    """Join burned-in ranges (in page order) into one document, then verify it again; no second dedupe.

    :raises ValueError: no parts.
    :raises VerificationError: the joined document fails ``verify`` (text layer and structure).
    """
    if not parts:
        raise ValueError(f"{name}: nothing to join")
    if len(parts) == 1:
        return parts[0]
    out = pymupdf.open()
    with out:
        for part in parts:
            with open_checked(part.data, name) as src:
                out.insert_pdf(src, links=False, annots=False)
            pymupdf.TOOLS.store_shrink(100)  # as in burn-in: keep each copy's cost flat
        out.set_metadata({})
        out.del_xml_metadata()
        # Each range was de-duplicated when it was burned in: do not compare every object again.
        data = save_joined(out)
    problems = verify(data, removed_strings, people=people, kept_text=kept_text, name=name, ocr=False)
    if problems:
        raise VerificationError(problems)
    return BurnInResult(data, rasterised_pages=tuple(p for part in parts for p in part.rasterised_pages),
                        notes=join_notes([part.notes for part in parts]),
                        text_layer_pages=tuple(p for part in parts for p in part.text_layer_pages),
                        withheld_pages=tuple(p for part in parts for p in part.withheld_pages))


def join_notes(parts: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The notes of a document's ranges (in page order) as the whole document's notes.

    A count note (a number first and no page named, e.g. "2 accessibility text entr(y/ies) ...
    removed") is summed over the ranges into one note, at the place of its first occurrence: the
    officer reads one document, so one count. Any other note is kept once, in order (a page note
    names its own page already; a document-wide note without a count says the same thing per range).
    An object that pages of several ranges share (a form drawn on every page) is counted once per
    range that holds it, so a summed count is at most that many more than one burn-in's: never fewer.
    """
    out: list[str] = []
    totals: dict[str, int] = {}
    where: dict[str, int] = {}
    for notes in parts:
        for note in notes:
            m = _COUNT_NOTE.match(note)
            if m is not None and not _PAGE_IN_NOTE.search(note):
                rest = m.group(2)
                if rest not in where:
                    where[rest] = len(out)
                    out.append(note)
                totals[rest] = totals.get(rest, 0) + int(m.group(1))
            elif note not in out:
                out.append(note)
    for rest, index in where.items():
        out[index] = f"{totals[rest]} {rest}"
    return tuple(out)


def burn_in_ranges(
    data: bytes,
    boxes: Sequence[BurnInBox],
    *,
    range_pages: int = DEFAULT_RANGE_PAGES,
    withheld_pages: Mapping[int, str] = {},  # noqa: B006 - never mutated
    removed_strings: Sequence[str] = (),
    label_boxes: bool = False,
    name: str = "document.pdf",
    people: Sequence[str] = (),
    kept_text: str = "",
    ocr_check: bool = True,
    ocr_text_layer: bool = True,
    withhold_unverifiable: bool = True,
) -> BurnInResult:
    """``burn_in_report`` for a document of any size, range by range in this process, then joined.

    The pages read the same as ``burn_in_report``'s; the job queue runs the ranges on several
    workers instead (``sar.bundle.steps``). Same errors as ``burn_in_report``.
    """
    with open_checked(data, name) as doc:
        pages = doc.page_count
    for b in boxes:
        if not 0 <= b.page < pages:
            raise ValueError(f"{name}: redaction box on page {b.page} but the document has {pages} pages")
    for p in withheld_pages:
        if not 0 <= p < pages:
            raise ValueError(f"{name}: withheld page {p} but the document has {pages} pages")
    if pages <= range_pages:
        return burn_in_report(data, boxes, withheld_pages=withheld_pages, removed_strings=removed_strings,
                              label_boxes=label_boxes, name=name, people=people, kept_text=kept_text,
                              ocr_check=ocr_check, ocr_text_layer=ocr_text_layer,
                              withhold_unverifiable=withhold_unverifiable)
    parts = [burn_range(data, start, stop, boxes, withheld_pages=withheld_pages, removed_strings=removed_strings,
                        label_boxes=label_boxes, name=name, people=people, kept_text=kept_text,
                        ocr_check=ocr_check, ocr_text_layer=ocr_text_layer,
                        withhold_unverifiable=withhold_unverifiable)
             for start, stop in ranges(pages, range_pages)]
    return join_ranges(parts, removed_strings=removed_strings, people=people, kept_text=kept_text, name=name)
