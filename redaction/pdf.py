"""The PDF layer: read text and boxes out of a PDF, burn redactions in, and check the result.

This module and its siblings ``redaction.pdf_*`` are the only ones in SAR Desk that import PyMuPDF;
this one is the public face (the work is done in ``pdf_core``, ``pdf_extract``, ``pdf_burn``,
``pdf_sanitise``, ``pdf_shown`` and ``pdf_verify``). Everything here takes and returns bytes, so
callers never hand us file paths and never see a ``pymupdf`` object (``open_checked`` is the one
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
* Failing closed costs one page, not the document, when that is all that fails (issue 10): if after
  burn-in's repair pass OCR still reads removed text in the *picture* of some pages and nothing else
  is wrong, those pages are withheld for a manual check (a notice page each, ``pdf_withhold``), the
  whole output is verified again, and ``BurnInResult.withheld_pages`` and its notes name them; with
  ``withhold_unverifiable=False`` the document is refused whole. Anything else still raises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pymupdf

from redaction.pdf_burn import BurnInResult, burn_in, burn_in_report
from redaction.pdf_core import _insert_display_text, ocr_available, open_checked
from redaction.pdf_extract import boxes_for_span, extract, page_count, page_size, pdf_info, render_page_png
from redaction.pdf_ranges import burn_in_ranges, burn_range, join_ranges, ranges, save_joined
from redaction.pdf_verify import person_variants, verify

__all__ = [
    "BurnInResult",
    "boxes_for_span",
    "burn_in_ranges",
    "burn_range",
    "join_ranges",
    "ranges",
    "burn_in_report",
    "ocr_available",
    "burn_in",
    "extract",
    "merge",
    "open_checked",
    "page_count",
    "page_size",
    "pdf_info",
    "person_variants",
    "render_page_png",
    "stamp_pages",
    "verify",
]


# --------------------------------------------------------------------------------------------
# Bundles


def merge(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """Concatenate PDFs in order into one bundle.

    Only page content and page annotations are copied: document metadata, bookmarks and
    attachments of the parts are not. Parts are expected to be ``burn_in`` output, each de-duplicated
    already, so the merge does not compare every object again (``pdf_ranges.save_joined``, issue 11).

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
        return save_joined(out)


def stamp_pages(data: bytes, footer: Callable[[int, int], str]) -> bytes:
    """Add a footer line to every page, upright at the bottom of the page as displayed.

    :param footer: called as ``footer(page_number, page_total)`` with a 1-based page number;
        returns the text, e.g. "SAR-2026-0007 — Page 3 of 12". Any Unicode text Helvetica covers.
    :returns: the stamped PDF, fully saved (never incremental; the footer font is inserted once and
        shared, and the pages were de-duplicated before, so no second dedupe: ``save_joined``).
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    with open_checked(data, "document.pdf") as doc:
        total = doc.page_count
        for page in doc:
            text = footer(page.number + 1, total)
            if text:
                _insert_display_text(page, text, 8, where="footer")
        return save_joined(doc)

