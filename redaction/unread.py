"""Fail closed on pages nobody could read: a page with no text layer and no OCR is withheld whole.

A scanned page is read by OCR (:func:`redaction.pdf_extract.extract`). Where Tesseract is not
installed, the page comes back with ``source == "none"``: the engine has seen none of its words, so
it cannot know whether a third party's name, address or health is on it. Releasing it as it is
would disclose whatever it shows; a redactor who cannot read a page does not send it. Rule
``unread-page``: such a page is proposed for redaction whole (one page-sized box, so burn-in
blanks its pixels), coded as third-party information pending a human reading, and the reason says
so. The officer can release it after reading it by eye.
"""

from __future__ import annotations

from redaction.codes import code_for_regime
from redaction.types import Box, ExtractedDocument, Proposal

UNREAD_PAGE = "UNREAD_PAGE"
#: An unread page may hold anyone's data; the third-party code is the fail-closed default (Sch 2 para 16).
UNREAD_CODE = "SCH2-P16-THIRD-PARTY"
UNREAD_REASON = (
    "Page has no text layer and could not be read by OCR here (Tesseract is not installed): withheld "
    "whole until a person has read it."
)


def unread_page_proposals(document: ExtractedDocument, regime: str) -> list[Proposal]:
    """One whole-page proposal for every page of ``document`` whose text nobody could read."""
    return [
        Proposal(page=page.page_index, start=0, end=len(page.text), text=page.text, entity_type=UNREAD_PAGE,
                 code=code_for_regime(UNREAD_CODE, regime), reason=UNREAD_REASON, score=1.0,
                 recognizer="UnreadPageRule", boxes=(Box(0.0, 0.0, page.width, page.height),))
        for page in document.pages
        if page.source == "none"
    ]
