"""Builders for small adversarial PDFs, made in-test with PyMuPDF.

Each builder returns PDF bytes in which SECRET is hidden in one particular way (redaction-notes
§2.3). Every page also carries ordinary filler text so that over-redaction would be visible.
"""

from __future__ import annotations

import pymupdf

SECRET = "Charlie Fletcher"
FILLER = "The visit took place at the family home and the child was seen alone."
A4 = (595, 842)


def _new(pages: int = 1) -> tuple[pymupdf.Document, pymupdf.Page]:
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=A4[0], height=A4[1])
    page = doc[0]
    page.insert_text((72, 72), "Case record", fontsize=14)
    page.insert_text((72, 400), FILLER, fontsize=11)
    return doc, page


def _bytes(doc: pymupdf.Document) -> bytes:
    return doc.tobytes(garbage=3, deflate=True)


def body_text(secret: str = SECRET, *, pages: int = 1) -> bytes:
    doc, page = _new(pages)
    # 10 pt type on a 12 pt pitch, as in the council's case records: tight enough that the
    # full-height glyph boxes of neighbouring lines overlap.
    page.insert_text((72, 108), "Observations were recorded during the visit.", fontsize=10)
    page.insert_text((72, 120), f"Present: the mother and {secret} (partner).", fontsize=10)
    page.insert_text((72, 132), "He said he had been staying most nights.", fontsize=10)
    return _bytes(doc)


def under_image(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.insert_text((72, 200), f"Referrer: {secret}", fontsize=11)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 20), False)
    pix.set_rect(pix.irect, (200, 30, 30))
    page.insert_image(pymupdf.Rect(60, 180, 320, 215), pixmap=pix)
    return _bytes(doc)


def white_text(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.insert_text((72, 250), f"Hidden note {secret}", fontsize=11, color=(1, 1, 1))
    return _bytes(doc)


def tiny_text(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.insert_text((300, 700), secret, fontsize=1)
    return _bytes(doc)


def freetext_annot(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.add_freetext_annot(pymupdf.Rect(72, 500, 400, 530), f"Call {secret}", fontsize=11)
    return _bytes(doc)


def sticky_note(secret: str = SECRET) -> bytes:
    doc, page = _new()
    annot = page.add_text_annot((500, 100), f"Check with {secret} first")
    annot.set_info(title="Reviewer")
    annot.update()
    return _bytes(doc)


def form_field(secret: str = SECRET) -> bytes:
    doc, page = _new()
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "partner_name"
    widget.field_value = secret
    widget.rect = pymupdf.Rect(72, 560, 400, 585)
    widget.text_fontsize = 11
    page.add_widget(widget)
    return _bytes(doc)


def metadata(secret: str = SECRET) -> bytes:
    doc, page = _new()
    doc.set_metadata({"title": f"Case of {secret}", "author": secret, "subject": "visit"})
    # A custom Info key that doc.metadata does not show.
    info = doc.xref_get_key(-1, "Info")[1]
    doc.xref_set_key(int(info.split()[0]), "CaseName", pymupdf.get_pdf_str(secret))
    return _bytes(doc)


def xmp(secret: str = SECRET) -> bytes:
    doc, page = _new()
    doc.set_xml_metadata(
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{secret}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return _bytes(doc)


def attachment(secret: str = SECRET) -> bytes:
    doc, page = _new()
    doc.embfile_add("notes.txt", f"Partner: {secret}".encode(), filename="notes.txt", desc=secret)
    page.add_file_annot((500, 700), f"{secret} letter".encode(), "letter.txt")
    return _bytes(doc)


def javascript(secret: str = SECRET) -> bytes:
    doc, page = _new()
    xref = doc.get_new_xref()
    doc.update_object(xref, f"<</S/JavaScript/JS(app.alert('{secret}');)>>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{xref} 0 R")
    return _bytes(doc)


def link(secret: str = SECRET) -> bytes:
    doc, page = _new()
    uri = "https://example.org/case?partner=" + secret.replace(" ", "")
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 600, 300, 615), "uri": uri})
    page.insert_text((72, 612), "Open the case file", fontsize=11)
    return _bytes(doc)


def off_page(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.insert_text((72, -40), f"Off page {secret}", fontsize=11)
    return _bytes(doc)


def invisible_text(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.insert_text((72, 300), f"Invisible {secret}", fontsize=11, render_mode=3)
    return _bytes(doc)


def transparent_text(secret: str = SECRET) -> bytes:
    doc, page = _new()
    page.insert_text((72, 320), f"Transparent {secret}", fontsize=11, fill_opacity=0)
    return _bytes(doc)


def rotated(secret: str = SECRET, rotation: int = 90) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.set_rotation(rotation)
    # Write upright as displayed: point given in display coordinates, mapped to unrotated space.
    for y, text in ((80, "Rotated record"), (120, f"Partner {secret} was present."), (160, FILLER)):
        point = pymupdf.Point(72, y) * page.derotation_matrix
        page.insert_text(point, text, fontsize=11, rotate=rotation)
    return _bytes(doc)


def incremental(secret: str, tmp_path) -> bytes:
    """Revision 1 has the secret in clear; revision 2 (saved incrementally) only draws over it."""
    path = tmp_path / "incremental.pdf"
    path.write_bytes(body_text(secret))
    doc = pymupdf.open(path)
    page = doc[0]
    page.draw_rect(page.search_for(secret)[0], color=(0, 0, 0), fill=(0, 0, 0))
    page.insert_text((72, 450), "Amended after review.", fontsize=11)
    doc.saveIncr()
    doc.close()
    return path.read_bytes()


def naive_black_box(secret: str = SECRET) -> bytes:
    """The Manafort mistake: a black rectangle drawn over text that is still there."""
    doc = pymupdf.open("pdf", body_text(secret))
    page = doc[0]
    for rect in page.search_for(secret):
        page.draw_rect(rect, color=(0, 0, 0), fill=(0, 0, 0))
    return doc.tobytes(garbage=4, deflate=True)


def ligatures() -> bytes:
    """Text with real ligature glyphs (U+FB01, U+FB00) as some PDF producers emit them."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    font = pymupdf.Font("helv")
    tw = pymupdf.TextWriter(page.rect)
    tw.append((72, 100), "Mr Cli\ufb00ord con\ufb01rmed the visit.", font=font, fontsize=11)
    tw.write_text(page)
    return _bytes(doc)


def scanned(secret: str = SECRET, *, dpi: int = 150) -> bytes:
    """A page that is only a picture of text: no text layer at all."""
    src = pymupdf.open()
    sp = src.new_page(width=A4[0], height=A4[1])
    sp.insert_text((72, 100), f"Referral from {secret}", fontsize=16)
    sp.insert_text((72, 140), "Please call the duty team today", fontsize=16)
    pix = sp.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_image(page.rect, pixmap=pix)
    return _bytes(doc)


def scanned_with_ocr_layer(secret: str = SECRET) -> bytes:
    """A scanned page whose invisible OCR layer (3 Tr) lies over the picture."""
    doc = pymupdf.open("pdf", scanned(secret))
    page = doc[0]
    page.insert_text((72, 100), f"Referral from {secret}", fontsize=16, render_mode=3)
    page.insert_text((72, 140), "Please call the duty team today", fontsize=16, render_mode=3)
    return _bytes(doc)


def hidden_layer(secret: str = SECRET) -> bytes:
    """Text in an optional-content layer that is switched off."""
    doc, page = _new()
    ocg = doc.add_ocg("Reviewer notes", on=False)
    page.insert_text((72, 650), f"Layer note {secret}", fontsize=11, oc=ocg)
    return _bytes(doc)


def encrypted() -> bytes:
    doc = pymupdf.open("pdf", body_text())
    return doc.tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user-secret", owner_pw="owner-secret"
    )


def many_pages(pages: int = 20, names: tuple[str, ...] = ("Charlie Fletcher", "Sara Wells")) -> bytes:
    """A text-heavy multi-page document for speed measurements: 30 lines per page, a name in each."""
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        y = 60
        for i in range(30):
            name = names[(p + i) % len(names)]
            line = f"{i + 1}. {name} was seen at home on visit {p}-{i}; notes recorded."
            page.insert_text((60, y), line, fontsize=10)
            y += 24
    return _bytes(doc)

