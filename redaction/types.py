"""Value objects shared by the detection engine and the PDF layer.

These are the seam between ``redaction.engine`` (what to redact) and ``redaction.pdf`` (how to
remove it from a PDF). Both sides depend on this module only, never on each other's internals.
All coordinates are PDF points in the *unrotated* page space that PyMuPDF uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    """A rectangle on a page, in PDF points of the unrotated page (x0 < x1, y0 < y1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        if not (self.x0 <= self.x1 and self.y0 <= self.y1):
            raise ValueError(f"Box corners out of order: {self}")

    def as_tuple(self) -> tuple[float, float, float, float]:
        """Return ``(x0, y0, x1, y1)``."""
        return (self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True)
class PageText:
    """The analysable text of one page and where each character sits.

    ``text`` is what detectors analyse. ``char_boxes[i]`` is the box of ``text[i]``, or ``None``
    for characters that the extractor inserted (line and block separators). ``source`` says where
    the text came from: ``"text"`` (the PDF text layer), ``"ocr"`` (Tesseract) or ``"none"``
    (no text layer and no OCR available: the page needs manual review).
    """

    page_index: int
    text: str
    char_boxes: tuple[Box | None, ...]
    width: float
    height: float
    source: str = "text"

    def __post_init__(self) -> None:
        if len(self.text) != len(self.char_boxes):
            raise ValueError("char_boxes must have one entry per character of text")
        if self.source not in {"text", "ocr", "none"}:
            raise ValueError(f"unknown text source {self.source!r}")


@dataclass(frozen=True)
class ExtractedDocument:
    """Text of a whole PDF, page by page, plus problems found while extracting."""

    name: str
    pages: tuple[PageText, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """One proposed redaction.

    ``start``/``end`` index ``PageText.text`` of page ``page``; ``boxes`` are the areas to burn in.
    A whole-page withholding has ``start == 0``, ``end == len(text)`` and one page-sized box.
    ``code`` is a key of ``redaction.codes.EXEMPTION_CODES``.
    """

    page: int
    start: int
    end: int
    text: str
    entity_type: str
    code: str
    reason: str
    score: float
    recognizer: str
    boxes: tuple[Box, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.page < 0 or self.start < 0 or self.end < self.start:
            raise ValueError(f"bad proposal span: page={self.page} {self.start}..{self.end}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be within 0..1, got {self.score}")


@dataclass(frozen=True)
class BurnInBox:
    """One area to remove from a page at burn-in, with an optional label printed in the box."""

    page: int
    box: Box
    label: str | None = None
