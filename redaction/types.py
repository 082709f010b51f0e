"""Value objects shared by the detection engine and the PDF layer.

These are the seam between ``redaction.engine`` (what to redact) and ``redaction.pdf`` (how to
remove it from a PDF). Both sides depend on this module only, never on each other's internals.
All coordinates are PDF points in the *unrotated* page space that PyMuPDF uses.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload


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


class CharBoxes(Sequence):
    """The boxes of a page's characters, packed: four floats a character, NaN for ``None``.

    Reads like the ``tuple[Box | None, ...]`` it replaces (index, slice, iterate, compare with any
    sequence of boxes), but holds 32 bytes a character instead of a ``Box`` object and four float
    objects (about 200 bytes): a bundle's extracted pages are held whole while its cast is decided,
    so this is most of the memory a large bundle costs (issue 11). Coordinates are kept exactly
    (double precision); a ``Box`` is made afresh on each access.
    """

    __slots__ = ("_xy",)

    def __init__(self, boxes: Iterable[Box | None] = ()) -> None:
        xy = array("d")
        nan = math.nan
        for b in boxes:
            xy.extend((nan, nan, nan, nan) if b is None else (b.x0, b.y0, b.x1, b.y1))
        self._xy = xy

    def __len__(self) -> int:
        return len(self._xy) // 4

    @overload
    def __getitem__(self, i: int) -> Box | None: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Box | None, ...]: ...
    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._box(k) for k in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("char box index out of range")
        return self._box(i)

    def _box(self, i: int) -> Box | None:
        x0, y0, x1, y1 = self._xy[4 * i : 4 * i + 4]
        return None if x0 != x0 else Box(x0, y0, x1, y1)  # NaN marks an inserted character

    def __iter__(self) -> Iterator[Box | None]:
        return (self._box(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CharBoxes):
            return self._xy.tobytes() == other._xy.tobytes()  # NaN != NaN, its bytes are equal
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"CharBoxes({list(self)!r})"

    def __reduce__(self):
        return (_char_boxes_from_array, (self._xy,))


def _char_boxes_from_array(xy: array) -> CharBoxes:
    out = CharBoxes()
    out._xy = xy
    return out


@dataclass(frozen=True)
class PageText:
    """The analysable text of one page and where each character sits.

    ``text`` is what detectors analyse. ``char_boxes[i]`` is the box of ``text[i]``, or ``None``
    for characters that the extractor inserted (line and block separators); any sequence given is
    packed into a :class:`CharBoxes` (issue 11: memory). ``source`` says where
    the text came from: ``"text"`` (the PDF text layer), ``"ocr"`` (Tesseract) or ``"none"``
    (no text layer and no OCR available: the page needs manual review).
    """

    page_index: int
    text: str
    char_boxes: Sequence[Box | None]
    width: float
    height: float
    source: str = "text"

    def __post_init__(self) -> None:
        if not isinstance(self.char_boxes, CharBoxes):
            object.__setattr__(self, "char_boxes", CharBoxes(self.char_boxes))
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
