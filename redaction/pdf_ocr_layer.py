"""A searchable, invisible text layer for released scanned pages (issue 10).

A page with no text layer is read by OCR to find what to redact (``pdf_extract``), and burn-in
blanks the boxes in its pixels; but the released page is then a picture only, so a reader can
neither search nor copy the words that were kept. Commercial redaction tools release searchable
PDFs; so does SAR Desk, without weakening the redaction:

* the words come from OCR of the **released** picture (after burn-in), never of the original, so
  the layer can only say what the released page already shows;
* a word whose box touches a redaction box (closer than ``_TOUCH`` points) is dropped whole, so
  a fragment of a redacted word that the picture still shows at a box's edge is never spelled out;
* the words are written in reading order (Tesseract's blocks, lines, words) as invisible text
  (text render mode 3) in the base-14 Helvetica, each sized to its OCR word box, so selection
  lines up with the picture and no font program is embedded;
* fail closed: each page's layer is checked by the release verification (``pdf_verify.verify``,
  the removed strings, every variant of each redacted person and every removed number) before it
  is added; a page whose layer fails is released as a picture only, with a note saying why.
  ``pdf_burn`` then verifies the whole document with the layers and withdraws every layer if
  that fails where the document without them passes.

``pdf_verify`` treats invisible Helvetica text over a page that is one full-page picture as this
layer (burn-in removes every invisible span of the original, so any invisible text there was
added after redaction); its text is searched for removed strings like any other page text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pymupdf

from redaction.pdf_core import _OCR_DPI, _TEXT_FLAGS, _save, open_checked
from redaction.pdf_verify import verify
from redaction.types import Box

#: PyMuPDF's name of the base-14 Helvetica (no font program embedded); MuPDF reports it as
#: "Helvetica", one of ``pdf_verify._OCR_LAYER_FONTS``.
LAYER_FONT = "helv"
#: Text render mode 3: neither filled nor stroked, so the text is searchable but never shown.
_INVISIBLE = 3
#: A word nearer than this (points) to a redaction box counts as touching it and is dropped.
_TOUCH = 1.0
#: Smallest font size written; a word box lower than this is OCR noise.
_MIN_SIZE = 2.0
# Helvetica's descender, as a fraction of the font size: the baseline sits this far above the
# bottom of a word box that includes descenders.
_DESCENT = 0.21


def needs_layer(page: pymupdf.Page) -> bool:
    """True for a page ``extract`` reads by OCR: its prepared form has no text at all.

    The same test as ``pdf_extract.extract`` (text with ``_TEXT_FLAGS`` empty), made on the page
    as burn-in prepared it and before any redaction, so it names exactly the pages whose text came
    from OCR.
    """
    return not page.get_text("text", flags=_TEXT_FLAGS).strip()


def _encodable(word: str) -> str:
    # Base-14 fonts use a single-byte encoding: characters outside Latin-1 cannot be written.
    return "".join(c if ord(c) < 256 else "?" for c in word)


def _touches(rect: pymupdf.Rect, boxes: Sequence[Box]) -> bool:
    return any(
        rect.x0 < b.x1 + _TOUCH and b.x0 - _TOUCH < rect.x1 and rect.y0 < b.y1 + _TOUCH and b.y0 - _TOUCH < rect.y1
        for b in boxes
    )


def kept_words(page: pymupdf.Page, boxes: Sequence[Box], tessdata: str) -> list[tuple[pymupdf.Rect, str]]:
    """The words OCR reads on ``page`` that lie wholly outside every box, in reading order.

    The page must be unrotated (``/Rotate 0``) so OCR coordinates are the boxes' coordinates.
    """
    tp = page.get_textpage_ocr(flags=0, language="eng", dpi=_OCR_DPI, full=True, tessdata=tessdata)
    words = page.get_text("words", textpage=tp)
    out: list[tuple[pymupdf.Rect, str]] = []
    for x0, y0, x1, y1, word, *_ in sorted(words, key=lambda w: (w[5], w[6], w[7])):
        rect = pymupdf.Rect(x0, y0, x1, y1)
        word = _encodable(word.strip())
        if word and not rect.is_empty and not _touches(rect, boxes):
            out.append((rect, word))
    return out


def write_words(page: pymupdf.Page, words: Iterable[tuple[pymupdf.Rect, str]], render_mode: int = _INVISIBLE) -> int:
    """Write each word at its box in Helvetica sized to the box; returns how many were written."""
    shape = page.new_shape()
    written = 0
    for rect, word in words:
        width_at_1 = pymupdf.get_text_length(word, fontname=LAYER_FONT, fontsize=1)
        if width_at_1 <= 0:
            continue
        size = min(rect.height, rect.width / width_at_1)
        if size < _MIN_SIZE:
            continue
        baseline = rect.y1 - (rect.height - size) / 2 - _DESCENT * size
        shape.insert_text(
            pymupdf.Point(rect.x0, baseline), word, fontname=LAYER_FONT, fontsize=size, render_mode=render_mode
        )
        written += 1
    if written:
        shape.commit(overlay=True)
    return written


def _layer_problems(
    width: float, height: float, words: Sequence[tuple[pymupdf.Rect, str]], removed_strings: Sequence[str],
    people: Sequence[str], kept_text: str, name: str,
) -> list[str]:
    """``verify`` of the layer's text alone, on a page of its own.

    Written visibly there, so only the checks for recoverable removed text can object.
    """
    probe = pymupdf.open()
    with probe:
        write_words(probe.new_page(width=width, height=height), words, render_mode=0)
        data = probe.tobytes(garbage=1, no_new_id=True)
    return verify(data, removed_strings, people=people, kept_text=kept_text, name=name, ocr=False)


def add_text_layers(
    data: bytes,
    pages: Sequence[int],
    boxes: Mapping[int, Sequence[Box]],
    tessdata: str,
    *,
    removed_strings: Sequence[str] = (),
    people: Sequence[str] = (),
    kept_text: str = "",
    name: str = "document.pdf",
) -> tuple[bytes, tuple[int, ...], list[str]]:
    """Add an invisible OCR text layer of the kept words to each of ``pages`` of burned-in ``data``.

    :param pages: 0-based pages whose text came from OCR (``needs_layer`` before redaction) and
        that burn-in did not withhold or rasterise.
    :param boxes: the redaction boxes of each page (unrotated page coordinates).
    :param removed_strings: as for ``verify``: none may be recoverable from a page's layer.
    :returns: the new PDF (``data`` unchanged when no layer was added), the pages that got a layer,
        and one note per page whose layer was refused by verification (it never quotes the text).
    """
    if not pages:
        return data, (), []
    added: list[int] = []
    notes: list[str] = []
    with open_checked(data, name) as doc:
        for index in sorted(set(pages)):
            page = doc[index]
            rotation = page.rotation
            page.set_rotation(0)
            words = kept_words(page, boxes.get(index, ()), tessdata)
            if words:
                problems = _layer_problems(page.rect.width, page.rect.height, words, removed_strings, people,
                                           kept_text, name)
                if problems:
                    notes.append(
                        f"page {index + 1}: no searchable text layer was added: verification found "
                        f"{len(problems)} problem(s) in the text OCR read outside the redactions; the page "
                        "is released as a picture only"
                    )
                elif write_words(page, words):
                    added.append(index)
            page.set_rotation(rotation)
        if not added:
            return data, (), notes
        return _save(doc), tuple(added), notes
