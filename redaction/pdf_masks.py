"""Soft masks (ISO 32000-1 §11.6.5): which pages use them, and which drawings are really painted.

A soft mask's group is drawn into the mask, not onto the page, yet MuPDF lists its paths among
the page's drawings and its text in the page's text trace. These helpers keep the mask's black
background from being taken for a black box painted over the page's text.
"""

from __future__ import annotations

import re
from typing import Any

import pymupdf

__all__ = ["has_soft_masks"]


def has_soft_masks(page: pymupdf.Page) -> bool:
    """True when the page's graphics states use a soft mask (``/SMask`` other than ``/None``)."""
    doc = page.parent
    kind, value = doc.xref_get_key(page.xref, "Resources/ExtGState")
    if kind == "null":
        return False
    if kind == "xref":
        value = doc.xref_object(int(value.split()[0]), compressed=True)
    for ref in re.findall(r"(\d+)\s+0\s+R", value):
        smask = doc.xref_get_key(int(ref), "SMask")
        if smask[0] not in ("null", "name"):
            return True
    return "/SMask" in value and "/SMask /None" not in value and "/SMask/None" not in value


def _drawings_outside_masks(page: pymupdf.Page) -> list[dict[str, Any]]:
    """The page's drawings, without those inside transparency groups when the page uses soft masks.

    MuPDF reports the content of a soft mask's group (typically a black background with white
    lettering) among the page's drawings; painted as a mask it covers nothing, and the fill
    that follows it is painted through the mask (it *is* the lettering). On pages that use soft
    masks only drawings outside every group, and not the first paint after a group, count. This
    is conservative in one direction only: such a page's black box right after a transparency
    group is not treated as a cover (its text is still analysed and verified like any text).
    """
    if not has_soft_masks(page):
        return page.get_drawings()
    out, groups = [], []
    after_group = False
    for d in page.get_drawings(extended=True):
        level = d.get("level", 0)
        while groups and level <= groups[-1]:
            groups.pop()
            after_group = not groups
        if d.get("type") == "group":
            groups.append(level)
        elif d.get("type") not in ("clip",) and not groups and "items" in d:
            if not after_group:  # the first paint after a mask group is painted *through* it
                out.append(d)
            after_group = False
    return out
