"""Page-range steps: a large document's work split into jobs of a few pages, and put back together (issue 11).

Both phases of a bundle's jobs split a document longer than ``Settings.job_range_pages`` into page
ranges, one step job each (``sar.bundle.steps``), so the cores of every worker share even a bundle
that is one large document:

* **extract + detect**: each range is read and analysed on its own (``pdf.extract(pages=...)`` keeps
  the whole document's page numbers, and detection is per page), and :func:`join_detected` puts the
  ranges end to end, so the cast is decided once on exactly what one unsplit job would have read.
* **burn in + verify**: each range is burned in, de-duplicated and verified on its own
  (``pdf.burn_range``) and :func:`join_burnt` joins them without de-duplicating again, verifying the
  joined document once more (``pdf.join_ranges``): the dedupe's cost stays linear in the page count.

A detection step's output is stored as JSON (:func:`encode_detected`), not pickled: the file store
is trusted, but reading JSON back cannot run code, whatever the file holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from redaction import pdf
from redaction.types import Box, ExtractedDocument, PageText


def detect_params(base: dict[str, Any], page_count: int, range_pages: int) -> list[dict[str, Any]]:
    """The detection steps of one document: one, or one per page range when it is long."""
    if page_count <= range_pages:
        return [base]
    return [base | {"pages": [start, stop]} for start, stop in pdf.ranges(page_count, range_pages)]


def burn_params(spec: dict[str, Any], page_count: int, range_pages: int) -> list[dict[str, Any]]:
    """The burn-in steps of one document's spec: the spec itself, or one per page range when it is long.

    A range's step carries only the boxes and withheld pages on its pages (the strings and people
    to verify are the whole document's); its ``spec_key`` stays the document's.
    """
    if page_count <= range_pages:
        return [spec]
    out = []
    for start, stop in pdf.ranges(page_count, range_pages):
        out.append(spec | {"pages": [start, stop],
                           "boxes": [b for b in spec["boxes"] if start <= b[0] < stop],
                           "withheld": {p: v for p, v in spec["withheld"].items() if start <= int(p) < stop}})
    return out


def encode_detected(job_id: int, document: ExtractedDocument, findings: list | None) -> bytes:
    """A detection step's output as JSON bytes (the job id makes every blob unique)."""
    return json.dumps({
        "job": job_id, "name": document.name, "problems": list(document.problems),
        "pages": [[p.page_index, p.text, [None if b is None else [b.x0, b.y0, b.x1, b.y1] for b in p.char_boxes],
                   p.width, p.height, p.source] for p in document.pages],
        "findings": findings}, separators=(",", ":")).encode()


def decode_detected(blob: bytes) -> tuple[ExtractedDocument, list | None]:
    """The document (or page range) and findings :func:`encode_detected` stored."""
    item = json.loads(blob)
    pages = tuple(PageText(i, text, tuple(None if b is None else Box(*b) for b in boxes), w, h, source)
                  for i, text, boxes, w, h, source in item["pages"])
    return ExtractedDocument(item["name"], pages, tuple(item["problems"])), item["findings"]


def join_detected(parts: Sequence[tuple[ExtractedDocument, list | None]]) -> tuple[ExtractedDocument, list | None]:
    """One document's page ranges (in page order) put end to end, with their findings."""
    if len(parts) == 1:
        return parts[0]
    first = parts[0][0]
    document = ExtractedDocument(first.name, tuple(p for doc, _ in parts for p in doc.pages),
                                 tuple(problem for doc, _ in parts for problem in doc.problems))
    findings = None if any(f is None for _, f in parts) else [page for _, f in parts for page in f]
    return document, findings


def group(keys: Sequence[Any], values: Sequence[Any]) -> list[tuple[Any, list[Any]]]:
    """Consecutive values with the same key, in order (the ranges of one document are spawned together)."""
    out: list[tuple[Any, list[Any]]] = []
    for key, value in zip(keys, values, strict=True):
        if out and out[-1][0] == key:
            out[-1][1].append(value)
        else:
            out.append((key, [value]))
    return out


def join_burnt(spec: dict[str, Any], parts: Sequence[pdf.BurnInResult]) -> pdf.BurnInResult:
    """One document's burned-in ranges joined and verified again (``pdf.join_ranges``).

    :raises VerificationError: the joined document fails verification.
    """
    return pdf.join_ranges(parts, removed_strings=spec["removed_strings"], people=spec["people"],
                           kept_text=spec["kept_text"], name=spec["filename"])
