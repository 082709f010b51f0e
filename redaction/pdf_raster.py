"""Last resort of burn-in: a page whose picture still shows a removed name becomes a picture.

When verification's OCR still reads a removed string or a variant of a redacted person on a
page, the text layer cannot say where it is drawn (outlines inside a pattern, a lying font, a
soft mask ...). The words Tesseract reads there, at every rotation, locate it instead: those
areas are redacted (glyphs, pixels, line art) and painted black, and the page is replaced by a
picture of itself with an invisible OCR text layer for accessibility and search. The caller
reports every such page (``BurnInResult.rasterised_pages``) so the schedule can say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pymupdf

from redaction.pdf_core import _normalise_char, _save, open_checked
from redaction.pdf_sanitise import keep_only_allowed
from redaction.pdf_shown import shown_words

_DPI = 200
_PAD = 2.0  # points around each located word
_TOKEN_MIN = 3
_INSIDE_MIN = 4  # shorter targets only match whole words ("Ann" is in "annual")


def _fold(word: str) -> str:
    return "".join(c for c in "".join(_normalise_char(ch) for ch in word).casefold() if c.isalnum())


def _tokens(strings: Iterable[str]) -> set[str]:
    out = set()
    for s in strings:
        digits = re.sub(r"\D", "", s)
        if len(digits) >= 6:
            out.add(digits)
        out.update(_fold(w) for w in re.findall(r"[^\W_]+", s) if len(_fold(w)) >= _TOKEN_MIN)
    return out


def _located(word: str, targets: set[str], inside: tuple[str, ...]) -> bool:
    """True when an OCR-read ``word`` shows a removed word, so its area is blacked out.

    Verification finds a removed string in the page's OCR text even when the picture shows it glued
    to the next word ("JaneDoe") or with a possessive ("Doe's"), so the repair must black out such a
    word too, or the page fails again: a word matches when it equals a target, is a target plus a
    final "s", or contains a target of :data:`_INSIDE_MIN`+ letters. Over-matching only blacks out
    more of a page that already failed verification.
    """
    folded = _fold(word)
    if folded in targets or (folded.endswith("s") and folded[:-1] in targets):
        return True
    if re.sub(r"\D", "", word) in targets:
        return True
    return any(t in folded for t in inside)


def rasterise_pages(
    data: bytes,
    pages: Sequence[int],
    strings: Iterable[str],
    tessdata: str | None,
    *,
    name: str = "document.pdf",
    reason: str | None = None,
) -> tuple[bytes, list[str]]:
    """Redact the located words of ``strings`` on ``pages`` and replace each page by its picture.

    :param strings: removed strings and person variants; a word read on the page that shows one
        of their words (3+ letters, or a number's 6+ digits; see :func:`_located`) is blacked out.
        Empty: nothing is located, the page is only turned into a picture.
    :param tessdata: Tesseract data for locating words and the OCR text layer; None gives a
        picture without a text layer.
    :param reason: the note's explanation instead of the default (OCR still read removed text).
    :returns: the new PDF and one note per page for the reviewer and the schedule.
    """
    targets = _tokens(strings)
    inside = tuple(t for t in targets if len(t) >= _INSIDE_MIN and not t.isdigit())
    notes: list[str] = []
    with open_checked(data, name) as doc:
        for index in sorted(set(pages)):
            page = doc[index]
            rects = [
                r + (-_PAD, -_PAD, _PAD, _PAD)
                for word, r, _ in (shown_words(page, tessdata) if targets and tessdata else ())
                if _located(word, targets, inside)
            ]
            for r in rects:
                page.add_redact_annot(r, fill=(0, 0, 0), cross_out=False)
            if rects:
                page.apply_redactions(
                    images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                    graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                    text=pymupdf.PDF_REDACT_TEXT_REMOVE,
                )
            rotation = page.rotation
            page.set_rotation(0)
            pix = page.get_pixmap(dpi=_DPI, alpha=False, annots=False)
            pix.set_dpi(_DPI, _DPI)
            if tessdata:
                picture = pymupdf.open("pdf", pix.pdfocr_tobytes(language="eng", tessdata=tessdata))
            else:
                picture = pymupdf.open()
                picture.new_page(width=page.rect.width, height=page.rect.height).insert_image(
                    pymupdf.Rect(0, 0, page.rect.width, page.rect.height), pixmap=pix
                )
            with picture:
                doc.insert_pdf(picture, start_at=index)
            doc.delete_page(index + 1)
            doc[index].set_rotation(rotation)
            layer = "with an OCR text layer" if tessdata else "without a text layer (OCR is not installed)"
            why = reason or (
                f"still showed redacted text that its text layer did not locate; {len(rects)} area(s) "
                "found by OCR were blacked out"
            )
            notes.append(f"page {index + 1}: {why}; the page was replaced by a picture of itself {layer}")
        keep_only_allowed(doc)  # insert_pdf brings page labels along
        return _save(doc), notes
