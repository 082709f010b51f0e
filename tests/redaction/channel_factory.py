"""Builders for the held-out hiding channels of issue 8, written as raw PDF objects where PyMuPDF
has no builder. Each returns PDF bytes in which SECRET hides in one particular way.
"""

from __future__ import annotations

import pymupdf

from tests.redaction.pdf_factory import A4, SECRET, _bytes, _new

# ----------------------------------------------------------------------------------------------
# Held-out hiding channels (issue 8), written as raw PDF objects where PyMuPDF has no builder.


def _append_content(doc: pymupdf.Document, page: pymupdf.Page, content: bytes) -> None:
    """Add a raw content stream after the page's own (the page's /helv font is in its resources)."""
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, content)
    refs = " ".join(f"{x} 0 R" for x in [*page.get_contents(), xref])
    doc.xref_set_key(page.xref, "Contents", f"[{refs}]")


def _new_object(doc: pymupdf.Document, source: str, stream: bytes | None = None) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, source)
    if stream is not None:
        doc.update_stream(xref, stream)
    return xref


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def actual_text(secret: str = SECRET) -> bytes:
    """Marked content whose /ActualText replacement names someone the glyphs do not show."""
    doc, page = _new()
    _append_content(
        doc, page, f"/Span <</ActualText {_pdf_string(secret)}>> BDC BT /helv 11 Tf 72 500 Td (the visitor) Tj ET EMC"
        .encode("latin-1"),
    )
    return _bytes(doc)


def private_structure(secret: str = SECRET) -> bytes:
    """The name in places a deny-list misses: page labels, a private page key, a layer's name."""
    doc, page = _new()
    cat = doc.pdf_catalog()
    doc.xref_set_key(cat, "PageLabels", f"<</Nums[0 <</S/D/P {_pdf_string(secret + ' ')}>>]>>")
    doc.xref_set_key(page.xref, "SARPrivateNote", _pdf_string(secret))
    ocg = doc.add_ocg(f"Notes by {secret}", on=True)
    page.insert_text((72, 650), "Layered remark", fontsize=11, oc=ocg)
    return _bytes(doc)


def _layered(secret: str, ocg_source: str, *, membership: str | None = None) -> bytes:
    """Text in a marked section governed by an OCG (or a membership dictionary over it)."""
    doc, page = _new()
    ocg = doc.add_ocg("Base layer", on=True)  # creates /OCProperties
    target = _new_object(doc, ocg_source)
    ocgs = doc.xref_get_key(doc.pdf_catalog(), "OCProperties/OCGs")[1].strip("[]")
    doc.xref_set_key(doc.pdf_catalog(), "OCProperties/OCGs", f"[{ocgs} {target} 0 R]")
    governing = target
    if membership is not None:
        governing = _new_object(doc, membership.replace("TARGET", f"{ocg} 0 R"))
    kind, res = doc.xref_get_key(page.xref, "Resources")
    holder = int(res.split()[0]) if kind == "xref" else page.xref
    key = "Properties" if kind == "xref" else "Resources/Properties"
    props = doc.xref_get_key(holder, key)
    entries = props[1].strip("<>") if props[0] == "dict" else ""
    doc.xref_set_key(holder, key, f"<<{entries}/MCX {governing} 0 R>>")
    _append_content(doc, page, f"/OC /MCX BDC BT /helv 11 Tf 72 600 Td (Layer note {secret}) Tj ET EMC".encode())
    return _bytes(doc)


def print_only_layer(secret: str = SECRET) -> bytes:
    """A layer that is on, but whose usage says: printed, not viewed."""
    return _layered(
        secret, "<</Type/OCG/Name(Print)/Usage<</View<</ViewState/OFF>>/Print<</PrintState/ON>>>>>>"
    )


def shown_when_other_layer_off(secret: str = SECRET) -> bytes:
    """Content shown only while another (default-on) layer is switched off (OCMD /AllOff)."""
    return _layered(secret, "<</Type/OCG/Name(Other)>>", membership="<</Type/OCMD/OCGs[TARGET]/P/AllOff>>")


def jpeg_with_comment(secret: str = SECRET) -> bytes:
    """A JPEG photo whose comment (COM) and EXIF-style APP1 segments hold the name."""
    doc, page = _new()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.clear_with(180)
    jpeg = pix.tobytes("jpg")
    payload = secret.encode("latin-1")
    com = b"\xff\xfe" + (len(payload) + 2).to_bytes(2, "big") + payload
    exif = b"Exif\x00\x00" + b"ImageDescription=" + payload
    app1 = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
    page.insert_image(pymupdf.Rect(300, 100, 400, 175), stream=jpeg[:2] + app1 + com + jpeg[2:])
    return _bytes(doc)


def image_with_alternate(secret: str = SECRET) -> bytes:
    """An image with a print-only /Alternates version (here carrying the name in its comment)."""
    data = jpeg_with_comment(secret)
    doc = pymupdf.open("pdf", data)
    page = doc[0]
    main = page.get_images()[0][0]
    alternate = _new_object(doc, doc.xref_object(main), doc.xref_stream_raw(main))
    doc.xref_set_key(main, "Alternates", f"[<</Image {alternate} 0 R/DefaultForPrinting true>>]")
    doc.xref_set_key(main, "Name", _pdf_string(secret))
    return _bytes(doc)


def clipped_variant(secret: str = SECRET) -> bytes:
    """The name shown in the body, plus its surname and initial clipped away and at zero scale."""
    first, last = secret.split()[0], secret.split()[-1]
    doc, page = _new()
    page.insert_text((72, 120), f"Present: {secret}.", fontsize=10)
    _append_content(
        doc,
        page,
        (
            f"q 0 0 1 1 re W n BT /helv 11 Tf 72 300 Td ({last.upper()}, {first[0]}.) Tj ET Q "
            f"BT /helv 11 Tf 0 Tz 72 320 Td ({first[0]}. {last}) Tj ET"
        ).encode("latin-1"),
    )
    return _bytes(doc)


def word_page() -> bytes:
    """A page whose text never says the PDF keywords it is built from (Page, Type, Font ...)."""
    doc, page = _new()
    page.insert_text((72, 120), "Nothing here names anyone.", fontsize=10)
    return _bytes(doc)


# Drawn but not in the text layer.


def _lettering_page(text: str, fontsize: float = 24) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_text((72, 200), text, fontsize=fontsize)
    return doc


def vector_outlines(secret: str = SECRET) -> bytes:
    """The name drawn as vector outlines (no text layer for it), beside ordinary text."""
    svg = _lettering_page(secret)[0].get_svg_image(text_as_path=True)
    outlines = pymupdf.open("svg", svg.encode())
    pdf = pymupdf.open("pdf", outlines.convert_to_pdf())
    doc, page = _new()
    page.show_pdf_page(page.rect, pdf, 0)
    return _bytes(doc)


def rotated_image_text(secret: str = SECRET, angle: int = 90) -> bytes:
    """A picture of the name, turned sideways (a fax strip or stamp), on a born-digital page."""
    lettering = _lettering_page(secret, 28)[0]
    pix = lettering.get_pixmap(dpi=150, clip=pymupdf.Rect(60, 160, 400, 215))
    doc, page = _new()
    page.insert_image(pymupdf.Rect(450, 200, 520, 700), pixmap=pix, rotate=angle)
    return _bytes(doc)


def lying_tounicode(secret: str = SECRET) -> bytes:
    """An embedded font whose ToUnicode map gives every glyph of the name the same letter."""
    doc, page = _new()
    page.insert_font(fontname="Fx", fontbuffer=pymupdf.Font("helv").buffer)
    page.insert_text((72, 200), secret, fontname="Fx", fontsize=20)
    for xref, _ext, _type, _base, name, *_ in page.get_fonts(full=True):
        if name == "Fx":
            kind, value = doc.xref_get_key(xref, "ToUnicode")
            cmap_xref = int(value.split()[0])
            gids = sorted({c[1] for s in page.get_texttrace() for c in s["chars"]})
            entries = "\n".join(f"<{g:04x}> <0078>" for g in gids)
            doc.update_stream(
                cmap_xref,
                (
                    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                    "1 begincodespacerange <0000> <ffff> endcodespacerange\n"
                    f"{len(gids)} beginbfchar\n{entries}\nendbfchar\nendcmap end end\n"
                ).encode(),
            )
    return _bytes(doc)


def out_of_order_glyphs(secret: str = SECRET) -> bytes:
    """The name's glyphs shown in a scrambled order, each placed where it belongs."""
    doc, page = _new()
    font = pymupdf.Font("helv")
    x, placed = 72.0, []
    for ch in secret:
        placed.append((ch, x))
        x += font.text_length(ch, fontsize=20)
    order = placed[1::2] + placed[0::2]  # every other glyph first
    ops = " ".join(f"1 0 0 1 {px:.2f} 250 Tm ({ch}) Tj" for ch, px in order)
    _append_content(doc, page, f"BT /helv 20 Tf {ops} ET".encode("latin-1"))
    return _bytes(doc)


def soft_mask_text(secret: str = SECRET) -> bytes:
    """The name as lettering made by a luminosity soft mask: white text on a black background in
    the mask group, through which a black rectangle is painted. The text is in the group only."""
    doc, page = _new()
    kind, res = doc.xref_get_key(page.xref, "Resources")
    font = doc.xref_get_key(int(res.split()[0]) if kind == "xref" else page.xref,
                            "Font/helv" if kind == "xref" else "Resources/Font/helv")[1]
    group = _new_object(
        doc,
        f"<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Group<</S/Transparency/CS/DeviceGray>>"
        f"/Resources<</Font<</helv {font}>>>>>>",
        f"0 g 0 0 595 842 re f 1 g BT /helv 24 Tf 72 500 Td ({secret}) Tj ET".encode("latin-1"),
    )
    gs = _new_object(doc, f"<</Type/ExtGState/SMask<</Type/Mask/S/Luminosity/G {group} 0 R>>>>")
    holder = int(res.split()[0]) if kind == "xref" else page.xref
    key = "ExtGState" if kind == "xref" else "Resources/ExtGState"
    existing = doc.xref_get_key(holder, key)
    entries = existing[1].strip("<>") if existing[0] == "dict" else ""
    doc.xref_set_key(holder, key, f"<<{entries}/GSmask {gs} 0 R>>")
    _append_content(doc, page, b"q /GSmask gs 0 g 60 485 420 45 re f Q")
    return _bytes(doc)


def type3_font() -> bytes:
    """Text in a Type3 font (glyphs are drawing procedures; here filled squares)."""
    doc, page = _new()
    proc = _new_object(doc, "<<>>", b"1000 0 0 0 1000 1000 d1 0 0 800 800 re f")
    font = _new_object(
        doc,
        f"<</Type/Font/Subtype/Type3/FontBBox[0 0 1000 1000]/FontMatrix[0.001 0 0 0.001 0 0]"
        f"/CharProcs<</a {proc} 0 R>>/Encoding<</Type/Encoding/Differences[97/a]>>"
        f"/FirstChar 97/LastChar 97/Widths[1000]/Resources<<>>>>",
    )
    kind, res = doc.xref_get_key(page.xref, "Resources")
    holder = int(res.split()[0]) if kind == "xref" else page.xref
    key = "Font/T3" if kind == "xref" else "Resources/Font/T3"
    fonts = doc.xref_get_key(holder, key.rsplit("/", 1)[0])
    entries = fonts[1].strip("<>") if fonts[0] == "dict" else ""
    doc.xref_set_key(holder, key.rsplit("/", 1)[0], f"<<{entries}/T3 {font} 0 R>>")
    _append_content(doc, page, b"BT /T3 20 Tf 72 300 Td (aaaa) Tj ET")
    return _bytes(doc)


def tiling_pattern_text(secret: str = SECRET) -> bytes:
    """The name shown in the body, and its surname inside a tiling pattern's cell."""
    last = secret.split()[-1]
    doc, page = _new()
    page.insert_text((72, 120), f"Present: {secret}.", fontsize=10)
    kind, res = doc.xref_get_key(page.xref, "Resources")
    holder = int(res.split()[0]) if kind == "xref" else page.xref
    prefix = "" if kind == "xref" else "Resources/"
    font = doc.xref_get_key(holder, f"{prefix}Font/helv")[1]
    pattern = _new_object(
        doc,
        f"<</Type/Pattern/PatternType 1/PaintType 1/TilingType 1/BBox[0 0 200 40]/XStep 200/YStep 40"
        f"/Resources<</Font<</helv {font}>>>>>>",
        f"0.9 g BT /helv 9 Tf 2 10 Td ({last.upper()}) Tj ET".encode("latin-1"),
    )
    doc.xref_set_key(holder, f"{prefix}Pattern", f"<</Pat {pattern} 0 R>>")
    _append_content(doc, page, b"q /Pattern cs /Pat scn 72 560 400 80 re f Q")
    return _bytes(doc)


def permuted_tounicode(secret: str = SECRET, decoy_shift: int = 1) -> bytes:
    """An embedded font whose ToUnicode map consistently names other letters (each one along)."""
    doc, page = _new()
    page.insert_font(fontname="Fx", fontbuffer=pymupdf.Font("helv").buffer)
    page.insert_text((72, 200), secret, fontname="Fx", fontsize=20)
    for xref, _ext, _type, _base, name, *_ in page.get_fonts(full=True):
        if name == "Fx":
            cmap_xref = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            pairs = {c[1]: c[0] for s in page.get_texttrace() if "Nimbus" in s["font"] for c in s["chars"]}
            entries = "\n".join(
                f"<{g:04x}> <{(u + decoy_shift if u > 32 else u):04x}>" for g, u in sorted(pairs.items())
            )
            doc.update_stream(
                cmap_xref,
                (
                    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                    "1 begincodespacerange <0000> <ffff> endcodespacerange\n"
                    f"{len(pairs)} beginbfchar\n{entries}\nendbfchar\nendcmap end end\n"
                ).encode(),
            )
    return _bytes(doc)
