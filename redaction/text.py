"""Pure text helpers for the engine: normalisation with an offset map, sentences, paragraphs, boxes.

Detection runs on a normalised copy of each page (ligatures expanded, curly apostrophes straightened)
so that a name set with an "ﬀ" ligature and one set without are the same name; every span is mapped
back to the original page text before it becomes a proposal.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence

from redaction.types import Box, PageText

_SIMPLE = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u00ad": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\t": " ",
    "\r": " ",
    "\f": " ",
    "\v": " ",
}


def normalise(text: str) -> tuple[str, Sequence[int]]:
    """Return ``(norm, index)`` where ``index[i]`` is the original offset of ``norm[i]``.

    ``index`` has one extra entry, ``len(text)``, so an end offset maps too. It is a ``range`` when
    every character maps to itself (the usual page), else a packed array: a bundle's pages are all
    held while its cast is decided, and a list of ints cost about 36 bytes a character (issue 11).
    """
    out: list[str] = []
    index = array("q")
    same = True
    for i, ch in enumerate(text):
        rep = _SIMPLE.get(ch)
        if rep is None:
            rep = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
            if not rep:
                rep = " "
        if same and rep == ch:
            out.append(rep)
            continue
        if same:
            same = False
            index.extend(range(i))
        out.append(rep)
        index.extend([i] * len(rep))
    if same:
        return text, range(len(text) + 1)
    index.append(len(text))
    return "".join(out), index


def to_original(index: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map a ``[start, end)`` span of normalised text to the original text."""
    if end <= start:
        return index[start], index[start]
    return index[start], index[end - 1] + 1


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Ref|Tel|Mob|approx|etc|e\.g|i\.e|vs|Cllr|Sgt|Prof)|\b[A-Z])$"
)
_LABEL_LINE = re.compile(r"^\s*[A-Z][A-Za-z'/ ()\-]{0,30}:")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence-like spans.

    A sentence ends at ``.``/``!``/``?`` followed by white space (not after an abbreviation or a
    title), and at a line break when the line before ends a clause, is short (a heading, a table
    cell, a header field) or the next line starts with a ``Label:``. Long lines that wrap into the
    next are joined, so a sentence that spans two lines stays one; so is a short line of prose (four
    words or more, no end mark) whose next line starts in lower case.
    """
    lines = text.split("\n")
    widths = [len(ln.rstrip()) for ln in lines]
    wide = max(widths) if widths else 0
    cuts: set[int] = set()
    for m in re.finditer(r"[.!?](?=[\"')\]]?\s)", text):
        if not _ABBREV.search(text[max(0, m.start() - 6) : m.start()]):
            cuts.add(m.end())
    pos = 0
    for i, ln in enumerate(lines[:-1]):
        end = pos + len(ln)
        nxt = lines[i + 1]
        stripped = ln.rstrip()
        # A line of prose with no end mark, followed by one starting in lower case, is one sentence
        # wrapped early (a narrow column, a text box): a short line does not end it.
        wrapped = len(stripped.split()) >= 4 and nxt.lstrip()[:1].islower()
        if (
            not stripped
            or stripped[-1] in ".:;!?"
            or (len(stripped) < 0.7 * wide and not wrapped)
            or _LABEL_LINE.match(nxt)
            or not nxt.strip()
        ):
            cuts.add(end)
        pos = end + 1
    bounds: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts):
        if cut > start:
            bounds.append((start, cut))
            start = cut
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without the white space at either end (``(start, start)`` when it is all space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into paragraphs: blank lines and short heading-like lines separate them."""
    lines = text.split("\n")
    widths = [len(ln.rstrip()) for ln in lines]
    wide = max(widths) if widths else 0
    bounds: list[tuple[int, int]] = []
    start = 0
    pos = 0
    for ln in lines:
        end = pos + len(ln)
        stripped = ln.strip()
        is_break = not stripped or (
            len(stripped) < 0.6 * wide and stripped[-1:] not in ".,;:!?\"')" and len(stripped.split()) <= 8
        )
        if is_break:
            if pos > start:
                bounds.append((start, pos))
            bounds.append((pos, end))
            start = end + 1
        pos = end + 1
    if start < len(text):
        bounds.append((start, len(text)))
    return [b for b in bounds if b[1] > b[0]]


def boxes_for_span(page: PageText, start: int, end: int, pad: float = 0.5) -> tuple[Box, ...]:
    """Union the character boxes of ``page.text[start:end]`` per visual line, padded by ``pad`` points.

    Characters without a box (separators the extractor inserted) are skipped; a new line starts
    whenever the next box is not on the same baseline band as the current one.
    """
    out: list[Box] = []
    cur: list[float] | None = None
    for i in range(max(0, start), min(end, len(page.char_boxes))):
        b = page.char_boxes[i]
        if b is None:
            continue
        if cur is not None:
            mid = (b.y0 + b.y1) / 2
            same_line = cur[1] <= mid <= cur[3] and b.x0 >= cur[0] - 1.0
            if same_line:
                cur = [min(cur[0], b.x0), min(cur[1], b.y0), max(cur[2], b.x1), max(cur[3], b.y1)]
                continue
            out.append(_padded(cur, pad, page))
        cur = [b.x0, b.y0, b.x1, b.y1]
    if cur is not None:
        out.append(_padded(cur, pad, page))
    return tuple(out)


def _padded(c: Sequence[float], pad: float, page: PageText) -> Box:
    # Not clamped to the page: off-page text must be covered too, and burn-in clips as needed.
    return Box(c[0] - pad, c[1] - pad, c[2] + pad, c[3] + pad)
