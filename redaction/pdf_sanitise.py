"""Sanitising steps of burn-in that work on PDF structure rather than on page areas.

Each closes one channel a PDF can hide text in (issue 8), at its root:

* **optional content** (``expose_optional_content``, ``flatten_optional_content``): analysis sees
  the content of every layer, whatever its state; the released file keeps only what is shown
  both on screen and in print in the document's default state, and has no layers left;
* **marked-content properties** (``strip_accessibility_text``): ``/ActualText``, ``/Alt`` and
  ``/E`` replacement text in content streams and property lists is never analysed (extraction
  reads the glyphs), so it is removed from every page;
* **image internals** (``reencode_images``): every kept image is decoded and written again from
  its pixels, so EXIF, XMP, comment segments and JPX/JPEG metadata boxes do not survive, and
  alternate (e.g. print-only) versions of an image are dropped;
* **structure** (``keep_only_allowed``): the catalog, page tree, pages, resources, images and
  forms keep only an allow-list of keys; anything else (page labels, names trees, thumbnails,
  private ``/PieceInfo`` data, structure tree, layer names, ...) goes, and garbage collection on
  save drops the objects it referenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pymupdf

from redaction.pdf_syntax import marked_sections, tokens

# What a released PDF may contain (ISO 32000-1 §7.7.2, §7.7.3, §8.9.5, §8.10). Everything else
# is dropped: a deny-list always misses the next private key.
_ALLOWED = {
    "catalog": frozenset({"Type", "Pages"}),
    "pages": frozenset({"Type", "Kids", "Count", "Parent", "MediaBox", "CropBox", "Resources", "Rotate"}),
    "page": frozenset(
        {"Type", "Parent", "MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox", "Contents", "Resources",
         "Rotate", "UserUnit", "Group"}
    ),
    "resources": frozenset({"Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "ProcSet"}),
    "image": frozenset(
        {"Type", "Subtype", "Width", "Height", "ColorSpace", "BitsPerComponent", "Filter", "DecodeParms",
         "Decode", "ImageMask", "Mask", "SMask", "SMaskInData", "Intent", "Interpolate", "Length", "Matte"}
    ),
    "form": frozenset(
        {"Type", "Subtype", "FormType", "BBox", "Matrix", "Resources", "Group", "Length", "Filter", "DecodeParms"}
    ),
}
# Replacement and alternate text of marked content (§14.9.3, §14.9.4, §14.9.5).
_ACCESSIBILITY_KEYS = ("ActualText", "Alt", "E")
_PROPERTY_TEXT = re.compile(rb"/(?:ActualText|Alt|E)\s*$")
_JPEG_QUALITY = 90


def _keys(doc: pymupdf.Document, xref: int) -> list[str]:
    try:
        return list(doc.xref_get_keys(xref))
    except RuntimeError:  # pragma: no cover - free or broken entries
        return []


def _drop_keys_outside(doc: pymupdf.Document, xref: int, allowed: frozenset[str]) -> list[str]:
    dropped = [k for k in _keys(doc, xref) if k not in allowed and doc.xref_get_key(xref, k)[0] != "null"]
    for key in dropped:
        doc.xref_set_key(xref, key, "null")
    return dropped


def _kind(doc: pymupdf.Document, xref: int) -> str | None:
    obj_type = doc.xref_get_key(xref, "Type")[1]
    subtype = doc.xref_get_key(xref, "Subtype")[1]
    if obj_type == "/Catalog":
        return "catalog"
    if obj_type == "/Pages":
        return "pages"
    if obj_type == "/Page":
        return "page"
    if subtype == "/Image":
        return "image"
    if subtype == "/Form" and doc.xref_is_stream(xref):
        return "form"
    return None


def keep_only_allowed(doc: pymupdf.Document) -> None:
    """Reduce the catalog, page tree, pages, their resources, images and forms to ``_ALLOWED``.

    Also empties the trailer's Info dictionary reference. Call after redaction, marked-content
    stripping and optional-content flattening, just before the final save.
    """
    for xref in range(1, doc.xref_length()):
        kind = _kind(doc, xref)
        if kind is None:
            continue
        _drop_keys_outside(doc, xref, _ALLOWED[kind])
        if kind in ("page", "pages", "form"):
            res = doc.xref_get_key(xref, "Resources")
            if res[0] == "xref":
                _drop_keys_outside(doc, int(res[1].split()[0]), _ALLOWED["resources"])
            elif res[0] == "dict":
                for key in _inline_keys(res[1]):
                    if key not in _ALLOWED["resources"]:
                        doc.xref_set_key(xref, f"Resources/{key}", "null")
    if doc.xref_get_key(-1, "Info")[0] != "null":
        doc.xref_set_key(-1, "Info", "null")


def _inline_keys(source: str) -> list[str]:
    """Top-level keys of a dictionary written as source text."""
    out: list[str] = []
    depth = 0
    expect_key = False
    for tok in tokens(source.encode("latin-1", "replace")):
        if tok.kind == "<<":
            depth += 1
            expect_key = depth == 1
            continue
        if tok.kind == ">>":
            depth -= 1
            expect_key = depth == 1
            continue
        if depth == 1:
            if expect_key and tok.kind == "name":
                out.append(tok.value.decode("latin-1"))
                expect_key = False
            elif tok.kind in ("[",):
                continue
            else:
                expect_key = tok.kind not in ("[",)
    return out


def disallowed_structure(doc: pymupdf.Document) -> list[str]:
    """Keys outside the allow-list, as ``"<kind> <xref>: /Key"`` (used by ``verify``)."""
    out: list[str] = []
    for xref in range(1, doc.xref_length()):
        kind = _kind(doc, xref)
        if kind is None:
            continue
        for k in _keys(doc, xref):
            value = doc.xref_get_key(xref, k)
            if k in _ALLOWED[kind] or value[0] == "null":  # null means absent (§7.3.7)
                continue
            if kind == "catalog" and k == "Info" and _inline_keys(value[1]) == ["Producer"]:
                continue  # MuPDF writes its own name here in every new file: no document content
            out.append(f"{kind} object {xref} holds /{k}")
    return out


# --------------------------------------------------------------------------------------------
# Content streams


def _content_streams(doc: pymupdf.Document) -> Iterable[tuple[int, int]]:
    """``(stream xref, owner xref)`` for every page content stream and every form XObject."""
    for page in doc:
        for xref in page.get_contents():
            yield xref, page.xref
    for xref in range(1, doc.xref_length()):
        if doc.xref_is_stream(xref) and _kind(doc, xref) == "form":
            yield xref, xref


def _merge_contents(doc: pymupdf.Document) -> None:
    """One content stream per page, so a marked section never spans two streams."""
    for page in doc:
        xrefs = page.get_contents()
        if len(xrefs) > 1:
            data = page.read_contents()
            doc.update_stream(xrefs[0], data)
            doc.xref_set_key(page.xref, "Contents", f"{xrefs[0]} 0 R")


def _cut(data: bytes, ranges: list[tuple[int, int]]) -> bytes:
    out, pos = [], 0
    for start, end in sorted(ranges):
        if start < pos:
            start = pos
        if end <= start:
            continue
        out.append(data[pos:start])
        out.append(b" ")
        pos = end
    out.append(data[pos:])
    return b"".join(out)


def strip_accessibility_text(doc: pymupdf.Document) -> int:
    """Remove ``/ActualText``, ``/Alt`` and ``/E`` from marked content everywhere; return how many.

    Covers inline property dictionaries (``/Span <</ActualText (...)>> BDC``) in page and form
    content streams and property lists referenced from resources (``/Span /P0 BDC``), plus any
    object carrying those keys (structure elements, should the structure tree survive). The
    marked sections themselves stay, so the page draws exactly as before.
    """
    removed = 0
    for xref, _owner in list(_content_streams(doc)):
        data = doc.xref_stream(xref) or b""
        if b"/ActualText" not in data and b"/Alt" not in data and b"/E" not in data:
            continue
        cuts: list[tuple[int, int]] = []
        for sec in marked_sections(data):
            if sec.inline is None:
                continue
            cuts += _value_ranges(data, *sec.inline)
        if cuts:
            removed += len(cuts)
            doc.update_stream(xref, _cut(data, cuts))
    for xref in range(1, doc.xref_length()):
        for key in _ACCESSIBILITY_KEYS:
            try:
                kind = doc.xref_get_key(xref, key)[0]
            except RuntimeError:  # pragma: no cover - free entries
                break
            if kind in ("string", "xref", "unknown") and not doc.xref_is_stream(xref):
                doc.xref_set_key(xref, key, "null")
                removed += 1
    return removed


def _value_ranges(data: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """Byte ranges of ``/Key value`` pairs with an accessibility key in the dictionary ``data[start:end]``."""
    out: list[tuple[int, int]] = []
    pending: tuple[int, bytes] | None = None
    depth = 0
    for tok in tokens(data[start:end]):
        if tok.kind == "<<":
            depth += 1
            continue
        if tok.kind == ">>":
            depth -= 1
            continue
        if depth != 1:
            continue
        if pending is not None:
            out.append((start + pending[0], start + tok.end))
            pending = None
            continue
        if tok.kind == "name" and tok.value.decode("latin-1") in _ACCESSIBILITY_KEYS:
            pending = (tok.start, tok.value)
    return out


def strip_pattern_text(doc: pymupdf.Document) -> int:
    """Remove text objects (``BT`` ... ``ET``) from tiling-pattern cells; return how many.

    Text in a pattern cell is painted as a fill texture: it is not in the text layer, so it is
    never analysed, and area redaction does not reach into patterns. It is never content a
    reader needs, so burn-in removes it everywhere (the page's own text is untouched).
    """
    removed = 0
    for xref in range(1, doc.xref_length()):
        if not doc.xref_is_stream(xref) or doc.xref_get_key(xref, "PatternType")[1] != "1":
            continue
        data = doc.xref_stream(xref) or b""
        cuts, start = [], None
        for tok in tokens(data):
            if tok.kind != "num_or_op":
                continue
            if tok.value == b"BT" and start is None:
                start = tok.start
            elif tok.value == b"ET" and start is not None:
                cuts.append((start, tok.end))
                start = None
        if start is not None:
            cuts.append((start, len(data)))
        if cuts:
            removed += len(cuts)
            doc.update_stream(xref, _cut(data, cuts))
    return removed


# --------------------------------------------------------------------------------------------
# Optional content


def _ref(value: str) -> int | None:
    m = re.match(r"\s*(\d+)\s+0\s+R", value)
    return int(m.group(1)) if m else None


def _refs(value: str) -> list[int]:
    return [int(m) for m in re.findall(r"(\d+)\s+0\s+R", value)]


def _has_optional_content(doc: pymupdf.Document) -> bool:
    return doc.xref_get_key(doc.pdf_catalog(), "OCProperties")[0] != "null"


def expose_optional_content(doc: pymupdf.Document) -> tuple[pymupdf.Document, int]:
    """For analysis: a document in which the content of every layer is visible, whatever its state.

    Removing ``/OCProperties`` makes MuPDF treat all optional content as shown, including content
    shown only when another layer is *off* (which switching every layer on would hide). Returns
    the document to use (reloaded; ``doc`` is closed) and how many layers are not shown both on
    screen and in print by default (their content is analysed, and removed at burn-in).
    """
    if not _has_optional_content(doc):
        return doc, 0
    states = _ocg_states(doc)
    hidden = sum(1 for shown in states.values() if not shown)
    hidden += sum(
        1
        for xref in range(1, doc.xref_length())
        if doc.xref_get_key(xref, "Type")[1] == "/OCMD" and not _shown(doc, xref, states)
    )
    doc.xref_set_key(doc.pdf_catalog(), "OCProperties", "null")
    reloaded = pymupdf.open(stream=doc.tobytes(garbage=0), filetype="pdf")
    doc.close()
    return reloaded, hidden


def _ocg_states(doc: pymupdf.Document) -> dict[int, bool]:
    """OCG xref -> shown both on screen and in print in the default configuration (§8.11.4.3).

    Fail-closed reading of the default configuration ``/D``: a layer counts as shown only when
    its default state is ON and neither its ``/Usage /View /ViewState`` nor its ``/Usage /Print
    /PrintState`` is OFF (a print-only or view-only layer is not "printed *and* viewed").
    """
    cat = doc.pdf_catalog()
    ocgs = _refs(doc.xref_get_key(cat, "OCProperties/OCGs")[1])
    base = doc.xref_get_key(cat, "OCProperties/D/BaseState")[1] != "/OFF"
    on = set(_refs(doc.xref_get_key(cat, "OCProperties/D/ON")[1]))
    off = set(_refs(doc.xref_get_key(cat, "OCProperties/D/OFF")[1]))
    states: dict[int, bool] = {}
    for x in ocgs:
        state = True if x in on else False if x in off else base
        view = doc.xref_get_key(x, "Usage/View/ViewState")[1]
        printed = doc.xref_get_key(x, "Usage/Print/PrintState")[1]
        states[x] = state and view != "/OFF" and printed != "/OFF"
    return states


def _shown(doc: pymupdf.Document, xref: int, states: dict[int, bool], depth: int = 0) -> bool:
    """Whether an OCG or OCMD (membership dictionary, §8.11.2.2) is shown; unknown means hidden."""
    if depth > 20:
        return False
    if doc.xref_get_key(xref, "Type")[1] != "/OCMD":
        return states.get(xref, False)
    ve = doc.xref_get_key(xref, "VE")
    if ve[0] == "array":
        return _visibility(doc, ve[1], states, depth)
    members = _refs(doc.xref_get_key(xref, "OCGs")[1])
    if not members:
        return True
    values = [states.get(m, False) for m in members]
    policy = doc.xref_get_key(xref, "P")[1] or "/AnyOn"
    return {
        "/AllOn": all(values),
        "/AnyOff": not all(values),
        "/AllOff": not any(values),
    }.get(policy, any(values))


def _visibility(doc: pymupdf.Document, expr: str, states: dict[int, bool], depth: int) -> bool:
    """Evaluate a visibility expression ``[/And|/Or|/Not operand...]`` written as source text."""
    toks = list(tokens(expr.encode("latin-1", "replace")))

    def parse(i: int) -> tuple[bool, int]:
        tok = toks[i]
        if tok.kind == "[":
            op = toks[i + 1].value.decode("latin-1")
            i += 2
            values = []
            while i < len(toks) and toks[i].kind != "]":
                value, i = parse(i)
                values.append(value)
            result = all(values) if op == "And" else (not values[0] if op == "Not" and values else any(values))
            return result, i + 1
        if tok.kind == "num_or_op" and i + 2 < len(toks):  # "12 0 R"
            return states.get(int(tok.value), False), i + 3
        return False, i + 1

    try:
        return parse(0)[0]
    except (IndexError, ValueError):
        return False


def flatten_optional_content(doc: pymupdf.Document) -> tuple[pymupdf.Document, int]:
    """For release: keep only optional content shown on screen *and* in print; drop all layers.

    Marked sections ``/OC /name BDC ... EMC`` whose layer (or membership dictionary) is not shown
    are cut out of page and form content streams; XObjects whose ``/OC`` is not shown become
    empty forms. Then ``/OCProperties`` and every ``/OC`` entry go, so the file has no layers
    left and every reader shows and prints the same thing. Returns the reloaded document (``doc``
    is closed) and how many sections and XObjects were removed.
    """
    if not _has_optional_content(doc):
        return doc, 0
    states = _ocg_states(doc)
    _merge_contents(doc)
    removed = 0
    for xref, owner in list(_content_streams(doc)):
        data = doc.xref_stream(xref) or b""
        if b"/OC" not in data:
            continue
        cuts = []
        for sec in marked_sections(data):
            if sec.tag != b"OC" or sec.props is None:
                continue
            kind, value = doc.xref_get_key(owner, f"Resources/Properties/{sec.props.decode('latin-1')}")
            target = _ref(value) if kind == "xref" else None
            if target is None or not _shown(doc, target, states):
                cuts.append((sec.start, sec.end))
        if cuts:
            removed += len(cuts)
            doc.update_stream(xref, _cut(data, cuts))
    for xref in range(1, doc.xref_length()):
        if not doc.xref_is_stream(xref) or doc.xref_get_key(xref, "OC")[0] == "null":
            continue
        target = _ref(doc.xref_get_key(xref, "OC")[1])
        if target is None or not _shown(doc, target, states):
            doc.update_object(xref, "<</Type/XObject/Subtype/Form/BBox[0 0 1 1]>>")
            doc.update_stream(xref, b" ")
            removed += 1
        else:
            doc.xref_set_key(xref, "OC", "null")
    doc.xref_set_key(doc.pdf_catalog(), "OCProperties", "null")
    reloaded = pymupdf.open(stream=doc.tobytes(garbage=0), filetype="pdf")
    doc.close()
    return reloaded, removed


# --------------------------------------------------------------------------------------------
# Images


def reencode_images(doc: pymupdf.Document) -> int:
    """Write every image again from its decoded pixels; return how many were re-encoded.

    JPEG images (``DCTDecode``) are written as fresh baseline JPEGs, everything else as Flate;
    either way nothing but pixels survives (no EXIF, XMP, comment or application segments).
    Stencil masks (``/ImageMask``) are one-bit pixels with no room for metadata and stay.
    """
    count = 0
    for xref in range(1, doc.xref_length()):
        if _kind(doc, xref) != "image" or doc.xref_get_key(xref, "ImageMask")[1] == "true":
            continue
        try:
            pix = pymupdf.Pixmap(doc, xref)
        except (RuntimeError, ValueError):
            # Undecodable: replace by an empty form rather than ship bytes we cannot inspect.
            doc.update_object(xref, "<</Type/XObject/Subtype/Form/BBox[0 0 1 1]>>")
            doc.update_stream(xref, b" ")
            count += 1
            continue
        if pix.alpha:
            pix = pymupdf.Pixmap(pix, 0)
        if pix.colorspace is None or pix.n not in (1, 3, 4):
            pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        space = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[pix.n]
        smask = doc.xref_get_key(xref, "SMask")
        jpeg = "DCTDecode" in doc.xref_get_key(xref, "Filter")[1] and pix.n in (1, 3)
        if jpeg:
            stream, compress, flt = pix.tobytes("jpg", jpg_quality=_JPEG_QUALITY), False, "/DCTDecode"
        else:
            stream, compress, flt = pix.samples, True, None
        parts = [f"/Type/XObject/Subtype/Image/Width {pix.width}/Height {pix.height}",
                 f"/ColorSpace {space}/BitsPerComponent 8"]
        if smask[0] == "xref":
            parts.append(f"/SMask {smask[1]}")
        doc.update_object(xref, "<<" + "".join(parts) + ">>")
        doc.update_stream(xref, stream, compress=compress)
        if flt:  # update_stream without compression drops /Filter: the JPEG's must follow it
            doc.xref_set_key(xref, "Filter", flt)
        count += 1
    return count
