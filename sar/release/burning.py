"""What one document of a response pack is burned in with, as a JSON-ready spec (issue 11).

A pack build over a large bundle burns in and verifies each document in its own job
(``sar.bundle.steps``), possibly on another machine, and then assembles the pack from the results.
The spec holds everything the burn-in of one document depends on, and its ``spec_key`` (a hash of
it) lets the final build use a pre-burned document only when nothing it depends on changed in the
meantime (a decision taken while the jobs ran): otherwise that document is burned in again there.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from redaction import pdf
from redaction.types import Box, BurnInBox
from sar.models import Redaction

#: Page marks whose pages are taken out of the bundle (and listed in the schedule).
REMOVED_MARKS = ("duplicate", "not_relevant")


def is_whole_page(red: Redaction) -> bool:
    """Whether a redaction is the engine's "withhold this whole page" proposal (one page-sized box)."""
    if red.entity_type != "LEGAL_ADVICE" or (red.start or 0) != 0 or len(red.boxes or []) != 1:
        return False
    x0, y0, _, _ = red.boxes[0]
    return x0 <= 0.5 and y0 <= 0.5


def layout(plan, n_pages: int) -> tuple[set[int], dict[int, str], dict[int, str], list[BurnInBox]]:
    """Pages left out, pages withheld (page -> code), pages blanked, and the boxes of one document.

    The engine proposes withholding a whole page (legal advice) as one page-sized box; it is
    released as a "Page withheld" page like a reviewer's page mark, which takes precedence. Pages to
    leave out are blanked as well before they are dropped, so nothing of them survives in objects
    shared with kept pages.
    """
    removed = {p for p, m in plan.marks.items() if m.mark in REMOVED_MARKS and p < n_pages}
    withheld = {r.page: r.code for r in plan.redactions if is_whole_page(r) and r.page < n_pages}
    withheld.update({p: m.code or "WITHHELD" for p, m in plan.marks.items()
                     if m.mark == "withheld" and p < n_pages})
    boxes = [BurnInBox(page=r.page, box=Box(*b), label=r.code)
             for r in plan.redactions if r.page not in withheld and r.page not in removed
             for b in r.boxes]
    blank = {**withheld, **{p: "removed" for p in removed}}
    return removed, withheld, blank, boxes


def people(plan, withheld: dict[int, str]) -> list[str]:
    """The people redacted in one document, for the burn-in's search for every form of their name.

    A name redacted on a page released whole stands for a person; one on a withheld page does not
    need searching for, since that page is blanked entirely.
    """
    return sorted({" ".join(r.text.split()) for r in plan.redactions
                   if r.entity_type == "PERSON" and r.text and r.text.strip() and r.page not in withheld})


def spec(plan, boxes: Sequence[BurnInBox], blank: dict[int, str], removed_strings: Sequence[str],
         kept_text: str, *, ocr_text_layer: bool = True, withhold_unverifiable: bool = True) -> dict[str, Any]:
    """The JSON-ready burn-in spec of one document, with its ``spec_key``.

    ``ocr_text_layer`` (``Settings.ocr_text_layer``) and ``withhold_unverifiable`` (not
    ``Settings.refuse_unverifiable``) are part of the spec, so changing a setting burns the document
    in again rather than reusing a burn made with the other choice.
    """
    item = plan.item
    out: dict[str, Any] = {
        "item_id": item.id, "sha256": item.document.sha256, "filename": item.filename,
        "boxes": [[b.page, b.box.x0, b.box.y0, b.box.x1, b.box.y1, b.label] for b in boxes],
        "withheld": {str(p): v for p, v in sorted(blank.items())},
        "removed_strings": list(removed_strings), "people": people(plan, blank), "kept_text": kept_text,
        "ocr_text_layer": ocr_text_layer,
    }
    if not withhold_unverifiable:  # only when off, so the keys of specs made before issue 10 still match
        out["withhold_unverifiable"] = False
    out["spec_key"] = hashlib.sha256(json.dumps(out, sort_keys=True).encode()).hexdigest()
    return out


def burn_from_spec(burn: dict[str, Any], original: bytes) -> pdf.BurnInResult:
    """Burn in and verify one document exactly as a pack build does, from its spec.

    A spec with ``pages`` (``[start, stop)``, a page-range step of ``sar.bundle.ranges``) burns in
    and verifies those pages only, as a PDF of them, with the whole document's page numbers in its notes.

    :raises VerificationError: the output still contains removed text (a page whose picture alone
        still fails is withheld instead unless the spec says ``withhold_unverifiable: false``).
    """
    boxes = [BurnInBox(page=b[0], box=Box(*b[1:5]), label=b[5]) for b in burn["boxes"]]
    if burn.get("pages"):
        start, stop = burn["pages"]
        return pdf.burn_range(original, start, stop, boxes,
                              withheld_pages={int(p): v for p, v in burn["withheld"].items()},
                              removed_strings=burn["removed_strings"], label_boxes=True, name=burn["filename"],
                              people=burn["people"], kept_text=burn["kept_text"],
                              ocr_text_layer=burn.get("ocr_text_layer", True),
                              withhold_unverifiable=burn.get("withhold_unverifiable", True))
    return pdf.burn_in_report(original, boxes, withheld_pages={int(p): v for p, v in burn["withheld"].items()},
                              removed_strings=burn["removed_strings"], label_boxes=True, name=burn["filename"],
                              people=burn["people"], kept_text=burn["kept_text"],
                              ocr_text_layer=burn.get("ocr_text_layer", True),
                              withhold_unverifiable=burn.get("withhold_unverifiable", True))


def page_events(burnt: pdf.BurnInResult, numbering: dict[int, int], label: str) -> tuple[list[dict], list[dict]]:
    """The pages of one burned-in document the schedule must name: pictures of themselves, and held back.

    Returns ``(image_pages, held_pages)``, each ``{"page", "document", "document_page"}`` with the
    bundle's page number: pages released as a picture of themselves (issue 8), and pages burn-in
    withheld for a manual check because OCR still read redacted text in their picture (issue 10).
    """
    def rows(pages):
        return [{"page": numbering[p], "document": label, "document_page": p + 1} for p in pages if p in numbering]
    return rows(burnt.rasterised_pages), rows(burnt.withheld_pages)
