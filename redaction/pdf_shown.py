"""What a page *shows* against what its text layer says (issue 8: "drawn but not in the text layer").

Text can be drawn without being in the text layer: vector outlines, Type3 bitmap fonts, a font
whose ToUnicode map lies, glyphs shown out of order, text inside (rotated) images and fax strips.
Extraction cannot see these, so the page is rendered and read by Tesseract at 0, 90, 180 and
270 degrees, and every word read in the picture that the text layer does not say at that place
(in the order the text layer gives its characters) is a *disagreement*. ``extract`` adds the
disagreeing words to the analysed text with their boxes, so detection and review see them and
burn-in removes them like any other text (glyphs, pixels and touched line art go).

Cost: about a second per orientation for a page at ``_DPI`` on our 2-core machines, so only pages
that can show text the text layer lacks are read (``visual_check_reasons``): pages with images,
Type3 fonts, fonts without a usable ToUnicode map or giving different glyphs one letter,
substantial curve drawing (text as outlines), soft masks, or glyphs laid out out of order.
Plain born-digital pages of ordinary fonts are never rendered.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from typing import Any

import pymupdf

from redaction.pdf_core import _TEXT_FLAGS, _normalise_char
from redaction.pdf_masks import has_soft_masks
from redaction.types import Box

_DPI = 150
_ROTATIONS = (0, 90, 180, 270)
# Curve segments on a page from which its drawing may be lettering: a name in outlines has
# five to ten per letter; rules, boxes and tables have none.
_CURVES_MIN = 40
# Tesseract's confidence (0-100) below which a word read in the picture is noise: text read at
# the wrong rotation comes back as low-confidence fragments ("Ajiwue").
_CONFIDENCE_MIN = 70
_OCR_TIMEOUT = 120  # seconds per rendering
# OCR words shorter than this are too often noise (specks, table rules read as "l" or "|").
_WORD_MIN = 3
_WORD = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*")


def _fonts_without_text(page: pymupdf.Page) -> list[str]:
    """Type3 fonts, and composite or symbolic fonts with no ToUnicode map."""
    doc = page.parent
    out = []
    for xref, _ext, ftype, basefont, resource, encoding, *_ in page.get_fonts(full=True):
        name = basefont or resource
        if ftype == "Type3":
            out.append(f"Type3 font {name}")
        elif xref and doc.xref_get_key(xref, "ToUnicode")[0] == "null" and (
            ftype == "Type0" or encoding in ("", "Identity-H", "Identity-V", "Custom")
        ):
            out.append(f"font {name} without a ToUnicode map")
    return out


def _out_of_order(page: pymupdf.Page, raw: dict[str, Any] | None = None) -> bool:
    """True when glyphs of one horizontal line are shown out of order.

    MuPDF starts a new extracted line whenever the next glyph is placed behind the previous one,
    so a scrambled word comes out as several lines on the same baseline whose extents interleave.
    """
    if raw is None:
        raw = page.get_text("rawdict", flags=_TEXT_FLAGS)
    lines = []
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            chars = [ch for span in line["spans"] for ch in span["chars"] if not ch["c"].isspace()]
            if chars and line["dir"][0] > 0.99:
                lines.append((round(chars[0]["origin"][1]), chars[0]["bbox"][0], chars[-1]["bbox"][2]))
    lines.sort()
    for (y, x0, x1), (y2, u0, u1) in zip(lines, lines[1:], strict=False):
        if y == y2 and u0 < x1 - 1.0 and x0 < u1 - 1.0:
            return True
    return False


def _same_letter_glyphs(page: pymupdf.Page, trace: list[dict[str, Any]] | None = None) -> list[str]:
    """Fonts whose text layer gives three or more different glyphs the same letter (a lying map)."""
    seen: dict[tuple[str, int], set[int]] = {}
    for span in page.get_texttrace() if trace is None else trace:
        for ch in span["chars"]:
            if ch[0] > 32 and ch[0] != 0xFFFD and ch[1] > 0:
                seen.setdefault((span["font"], ch[0]), set()).add(ch[1])
    return sorted({f"font {font} maps different glyphs to one letter" for (font, _), g in seen.items() if len(g) >= 3})


def _key(name: str) -> str:
    """A font name without subset prefix, spaces, hyphens or case ("ABCDEF+Nimbus Sans-Regular")."""
    return re.sub(r"[\s\-_]", "", name.split("+", 1)[-1]).casefold()


def _tounicode_disagrees(page: pymupdf.Page, trace: list[dict[str, Any]]) -> list[str]:
    """Embedded TrueType fonts whose ToUnicode map contradicts the font's own character map.

    The text trace gives, per glyph, the letter the ToUnicode map claims and the glyph drawn;
    the font program's cmap says which glyph that letter really is. When many disagree, the map
    lies (the page shows other letters than its text layer says). Fonts without a usable cmap
    (many subsets) cannot be checked this way and are skipped.
    """
    doc = page.parent
    fonts: dict[str, pymupdf.Font] = {}
    for xref, ext, _type, basefont, _resource, *_ in page.get_fonts(full=True):
        if ext not in ("ttf", "cid") or not xref:
            continue
        try:
            buffer = doc.extract_font(xref)[3]
            if buffer:
                fonts[_key(basefont)] = pymupdf.Font(fontbuffer=buffer)
        except (RuntimeError, ValueError):
            continue
    if not fonts:
        return []
    checked: dict[str, list[int]] = {}
    for span in trace:
        font = fonts.get(_key(span["font"]))
        if font is None:
            continue
        counts = checked.setdefault(span["font"], [0, 0])
        for ch in span["chars"]:
            if ch[0] <= 32 or ch[1] <= 0:
                continue
            real = font.has_glyph(ch[0])
            if real:
                counts[0] += 1
                counts[1] += real != ch[1]
    return [
        f"font {name} has a ToUnicode map that contradicts its glyphs"
        for name, (total, wrong) in checked.items()
        if wrong >= 3 and wrong >= 0.3 * total
    ]


def visual_check_reasons(
    page: pymupdf.Page, trace: list[dict[str, Any]] | None = None, raw: dict[str, Any] | None = None
) -> list[str]:
    """Why a page's picture may hold text its text layer lacks; ``[]`` means trust the text layer.

    ``trace`` and ``raw`` (``get_texttrace()`` and a ``_TEXT_FLAGS`` rawdict) are reused when given.
    """
    reasons = []
    if page.get_images(full=False):
        reasons.append("images")
    reasons += _fonts_without_text(page)
    trace = page.get_texttrace() if trace is None else trace
    reasons += _same_letter_glyphs(page, trace)
    reasons += _tounicode_disagrees(page, trace)
    if has_soft_masks(page):
        reasons.append("soft-mask groups (lettering can be drawn through a mask)")
    curves = 0
    for kind, _ in page.get_bboxlog():
        if kind in ("fill-path", "stroke-path"):
            curves += 1
    if curves:
        curves = sum(1 for d in page.get_drawings() for item in d["items"] if item[0] == "c")
        if curves >= _CURVES_MIN:
            reasons.append(f"{curves} curve segments (possibly text drawn as outlines)")
    if _out_of_order(page, raw):
        reasons.append("glyphs shown out of order")
    return reasons


def _fold(word: str) -> str:
    return "".join(_normalise_char(c) for c in word).casefold()


def shown_words(
    page: pymupdf.Page, tessdata: str, rotations: Sequence[int] = _ROTATIONS
) -> list[tuple[str, pymupdf.Rect, int]]:
    """Words Tesseract reads with confidence in the rendered page at each rotation.

    Boxes are in unrotated page space. Tesseract runs as its own process on a PNG (its TSV
    output carries a confidence per word, which MuPDF's built-in OCR does not expose).
    """
    out: list[tuple[str, pymupdf.Rect, int]] = []
    zoom = _DPI / 72
    for rotation in rotations:
        # Render as displayed, then turned by ``rotation``; boxes map back through the inverse of
        # the whole transform (unrotated page -> displayed -> zoomed and turned).
        m = page.rotation_matrix * pymupdf.Matrix(zoom, zoom).prerotate(rotation)
        pix = page.get_pixmap(matrix=m, alpha=False, annots=False)
        shift = (page.rect * page.derotation_matrix * m).irect.top_left
        back = ~m
        for word, (x0, y0, x1, y1) in _tesseract_words(pix.tobytes("png"), tessdata):
            r = pymupdf.Rect(x0 + shift.x, y0 + shift.y, x1 + shift.x, y1 + shift.y) * back
            r.normalize()
            out.append((word, r, rotation))
    return out


def _tesseract_words(png: bytes, tessdata: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """``(word, pixel box)`` for every word Tesseract reads with at least ``_CONFIDENCE_MIN``."""
    try:
        run = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "eng", "--tessdata-dir", tessdata, "tsv"],
            input=png,
            capture_output=True,
            timeout=_OCR_TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrError(f"Tesseract failed on a rendered page: {exc}") from exc
    words = []
    for row in run.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or not cols[11].strip():
            continue
        try:
            conf = float(cols[10])
            left, top, width, height = (float(v) for v in cols[6:10])
        except ValueError:
            continue
        if conf >= _CONFIDENCE_MIN:
            words.append((cols[11].strip(), (left, top, left + width, top + height)))
    return words


class OcrError(RuntimeError):
    """Tesseract could not read a rendered page (missing, crashed or timed out)."""


def _layer_text_in(chars: Sequence[tuple[str, float, float]], rect: pymupdf.Rect) -> str:
    """Text-layer characters whose centre lies in ``rect``, in the order the text layer gives them."""
    return "".join(c for c, cx, cy in chars if rect.x0 <= cx <= rect.x1 and rect.y0 <= cy <= rect.y1)


def disagreements(
    page: pymupdf.Page,
    tessdata: str,
    layer: dict[str, Any] | None = None,
    rotations: Sequence[int] = _ROTATIONS,
) -> list[tuple[str, pymupdf.Rect]]:
    """Words shown on the page that the text layer does not say at that place.

    A word read by OCR agrees when its letters (case-folded, NFKC) occur in the text-layer
    characters inside its box taken in text-layer order; glyphs shown out of order, lying
    ToUnicode maps and text with no text layer at all therefore disagree. Each disagreeing word
    is returned once (the first rotation that read it), with its box in unrotated page space.

    :param layer: the rawdict to compare with (default: the page's own text layer; an OCR'd
        scan passes its upright OCR result and ``rotations=(90, 180, 270)``).
    """
    raw: dict[str, Any] = layer if layer is not None else page.get_text("rawdict", flags=_TEXT_FLAGS)
    chars = [
        (ch["c"], (ch["bbox"][0] + ch["bbox"][2]) / 2, (ch["bbox"][1] + ch["bbox"][3]) / 2)
        for block in raw.get("blocks", ())
        for line in block.get("lines", ())
        for span in line.get("spans", ())
        for ch in span.get("chars", ())
    ]
    out: list[tuple[str, pymupdf.Rect]] = []
    for text, rect, rotation in shown_words(page, tessdata, rotations):
        for m in _WORD.finditer(text):
            word = m.group(0)
            if len(word) < _WORD_MIN or not any(c.isalpha() for c in word) and len(word) < 6:
                continue
            layer = _fold(_layer_text_in(chars, rect + (-2, -2, 2, 2)))
            if rotation and layer.strip():
                # Turned, the text layer's own upright lines read as confident nonsense ("SEM"
                # for "WES"); only places the text layer says nothing about are read sideways.
                continue
            if _fold(word) in layer.replace(" ", ""):
                continue
            if any(abs(r & rect) > 0.5 * min(abs(r), abs(rect)) and w == word for w, r in out):
                continue  # read again at another rotation
            out.append((word, rect))
    return out


def word_boxes(word: str, rect: pymupdf.Rect) -> list[Box]:
    """One box per letter of ``word``, sharing ``rect`` out along its longer side."""
    n = len(word)
    horizontal = rect.width >= rect.height
    step = (rect.width if horizontal else rect.height) / n
    if horizontal:
        return [Box(rect.x0 + i * step, rect.y0, rect.x0 + (i + 1) * step, rect.y1) for i in range(n)]
    return [Box(rect.x0, rect.y0 + i * step, rect.x1, rect.y0 + (i + 1) * step) for i in range(n)]
