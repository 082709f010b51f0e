"""Table columns read by position: dates under a "DOB" column header are dates of birth.

Household and nominal tables ("Name | DOB | Relationship") put the label once, in the header row,
and the dates below it, where no cue word sits next to them. A reader knows each of them is a date of
birth because it stands under that header; the text layer alone does not say so (a table is often
extracted cell by cell, or row by row with the header far above). So the rule reads geometry:

Rule ``dob-column``: a date that starts where a column header reading "DOB", "D.O.B.", "Date of
birth" or "Born" starts (within two character widths: cells are left-aligned under their header),
and that lies below it on the same page, is a date of birth. The header must be a cell of a header
row: nothing follows it on its line but another cell (a gap of at least 1.5 character widths), so
"DOB: <date>" on a form is not a column header, and at least two other cells share its row.
The column ends at the next header row or after ``MAX_ROWS`` lines. Whose date of birth it is,
and so whether it stays, is decided as for any date of birth (rule date-of-birth in the engine's
identifier rules).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.detectors.uk import DATE
from redaction.types import Box

_HEADER = re.compile(r"(?<![\w.])(?:D\.?O\.?B\.?|Date\s+of\s+birth|Born)(?![\w])", re.IGNORECASE)
_DATE = re.compile(DATE, re.IGNORECASE)
#: Rows below the header a column is followed for (a household or nominal table is short).
MAX_ROWS = 25


def _box(boxes: Sequence[Box | None], index: Sequence[int], i: int) -> Box | None:
    j = index[i] if i < len(index) else None
    return boxes[j] if j is not None and j < len(boxes) else None


def dob_column_dates(text: str, index: Sequence[int], boxes: Sequence[Box | None]) -> list[tuple[int, int]]:
    """Spans of ``text`` (normalised page text) that are dates under a date-of-birth column header.

    :param index: ``index[i]`` is the original offset of ``text[i]`` (:func:`redaction.text.normalise`).
    :param boxes: the original page's character boxes (``None`` for separators).
    """
    chars = [(b, i) for i in range(len(text)) if (b := _box(boxes, index, i)) is not None and not text[i].isspace()]
    if not chars:
        return []
    height = sorted(b.y1 - b.y0 for b, _ in chars)[len(chars) // 2] or 1.0
    width = sorted(b.x1 - b.x0 for b, _ in chars)[len(chars) // 2] or 1.0

    def row(y: float) -> list[tuple[Box, int]]:
        return sorted(((b, i) for b, i in chars if abs(b.y0 - y) < height * 0.5), key=lambda c: c[0].x0)

    def cells(items: list[tuple[Box, int]]) -> int:
        n, last = 0, None
        for b, _i in items:
            if last is None or b.x0 - last > width * 1.5:
                n += 1
            last = b.x1
        return n

    headers: list[tuple[float, float, float]] = []  # (y, x0, x1)
    for m in _HEADER.finditer(text):
        first, last = _box(boxes, index, m.start()), _box(boxes, index, m.end() - 1)
        if first is None or last is None:
            continue
        same = row(first.y0)
        after = [b for b, _i in same if b.x0 > last.x1 - 0.1]
        if after and after[0].x0 - last.x1 < width * 1.5:
            continue  # "DOB: <date>" or "DOB 12/..." on one line: a label, not a column header
        if cells(same) < 3:
            continue
        headers.append((first.y0, first.x0, last.x1))
    if not headers:
        return []
    out = []
    for m in _DATE.finditer(text):
        first, last = _box(boxes, index, m.start()), _box(boxes, index, m.end() - 1)
        if first is None or last is None:
            continue
        for y, x0, _x1 in headers:
            below = first.y0 - y
            if not (height * 0.5 < below <= height * 1.6 * MAX_ROWS):
                continue
            if abs(first.x0 - x0) > width * 2:
                continue  # not aligned with the header cell: running text under the table
            if any(y < hy < first.y0 - height * 0.5 for hy, _a, _b in headers):
                continue  # a later header row starts another table
            out.append((m.start(), m.end()))
            break
    return out
