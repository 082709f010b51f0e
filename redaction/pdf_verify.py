"""Verification of a redacted PDF before release (redaction-notes §3.3)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pymupdf

from redaction import pdf_core
from redaction.names import name_tokens
from redaction.pdf_core import (
    _OCR_DPI,
    _TEXT_FLAGS,
    _VERIFY_FLAGS,
    _all_layers_on,
    _dark_covers,
    _drawn_glyphs,
    _hidden_spans,
    _image_cover,
    _is_scan,
    _normalise_char,
    _tessdata,
    open_checked,
)
from redaction.pdf_sanitise import disallowed_structure
from redaction.pdf_shown import shown_words, visual_check_reasons
from redaction.pdf_syntax import readable_strings
from redaction.substrings import PrefixIndex

# Minimum normalised length for plain substring search in verify(); shorter strings are matched
# as whole tokens only. Short first names ("Sam", "Eve") occur inside ordinary words ("Sample",
# "every"), and a verifier that cries wolf on every page blocks releases for no reason.
_SUBSTRING_MIN = 5
# Whitespace-insensitive matching catches a name split across lines or text spans, but is only
# safe for strings long enough not to occur by accident once spaces are gone.
_NOSPACE_MIN = 6
# A number is also looked for as its bare digits from this many digits up (fewer would match dates,
# page numbers and amounts by accident).
_DIGITS_MIN = 6

# --------------------------------------------------------------------------------------------
# Verification


def _normalise(text: str) -> str:
    """Case-folded NFKC text with all whitespace runs collapsed to one space."""
    out = text if text.isascii() else "".join(_normalise_char(c) for c in text)
    return " ".join(out.casefold().split())


class _Needles:
    """The removed strings and the people behind them, prepared for fast repeated searching.

    Besides each removed string (as before: 5+ characters anywhere, shorter ones as whole
    tokens, 6+ also with spaces ignored), the verifier looks for the *person*: every variant of
    each name in ``people`` (see ``person_variants``) as a whole word, and the bare digits of
    every removed number of 6+ digits with its separators ignored ("07700 900481" is found as
    "07700-900-481" or "07700900481"). A variant that also occurs in ``kept_text`` (text the
    reviewer deliberately keeps, e.g. a shared surname) cannot be absent and is not looked for.

    Bare digits are not reported when, at every place they occur, they begin *and* end inside
    longer digit groups: "23 26 40" is not recoverable from "923 264 0856", a different number
    whose groups it cuts on both sides (a large bundle holds many numbers, and such a false alarm
    blocks its release). Wherever the digits start or end at a group's edge (a separator, a letter,
    a line break, the end of the text) they are reported, so a number run into a longer one on one
    side only ("2023" then "07700900481" with no gap) still is: fail closed. A removed string that
    is a number alone (6+ digits and separators only) is searched for this way only; any other
    string (with letters, "+44 ...") is also searched for as written, and with spaces ignored,
    anywhere.
    """

    def __init__(self, strings: Iterable[str], people: Iterable[str] = (), kept_text: str = "") -> None:
        self.substr: list[tuple[str, str]] = []
        self.nospace: list[tuple[str, str]] = []
        short: list[tuple[str, str]] = []
        strings = list(dict.fromkeys(strings))
        for s in strings:
            n = _normalise(s)
            if not n or _is_long_number(n):
                continue  # a number alone: its digits are searched for (below), by the same rule everywhere
            if len(n) >= _SUBSTRING_MIN:
                self.substr.append((s, n))
            else:
                short.append((s, n))
            compact = n.replace(" ", "")
            if len(compact) >= _NOSPACE_MIN and compact != n:
                self.nospace.append((s, compact))
        kept = _normalise(kept_text)
        known = {n for _, n in self.substr} | {n for _, n in short}
        words: list[tuple[str, str]] = []
        for person in dict.fromkeys(people):
            for v in person_variants(person):
                n = _normalise(v)
                if n and n not in known and not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", kept):
                    known.add(n)
                    words.append((f"{v} (a form of {person!r})", n))
        self.short = [(s, re.compile(rf"(?<!\w){re.escape(n)}(?!\w)")) for s, n in short + words]
        # Only the strings whose first characters occur in a text are tested against it: the same
        # matches, at a cost that does not grow with the number of strings (issue 11).
        self._substr_ix = PrefixIndex([n for _, n in self.substr])
        self._short_ix = PrefixIndex([n for _, n in short + words])
        self._nospace_ix = PrefixIndex([n for _, n in self.nospace])
        self.digits: list[tuple[str, str]] = []
        self._digits_at_edge: list[re.Pattern[str]] = []
        for s in strings:
            d = re.sub(r"\D", "", s)
            if len(d) >= _DIGITS_MIN and len(d) * 2 >= len(re.sub(r"\s", "", s)):
                self.digits.append((s, d))
                self._digits_at_edge.append(_digits_at_edge(d))
        self._digits_ix = PrefixIndex([d for _, d in self.digits])

    def __bool__(self) -> bool:
        return bool(self.substr or self.short or self.digits)

    def find(self, text: str) -> list[str]:
        """Original strings (or person variants) found in ``text`` (any case, any whitespace)."""
        hay = _normalise(text)
        substr, short, nospace, digits = self.substr, self.short, self.nospace, self.digits
        found = [substr[i][0] for i in self._substr_ix.candidates(hay) if substr[i][1] in hay]
        found += [short[i][0] for i in self._short_ix.candidates(hay) if short[i][1].search(hay)]
        if nospace:
            compact = hay.replace(" ", "")
            found += [nospace[i][0] for i in self._nospace_ix.candidates(compact)
                      if nospace[i][1] in compact and nospace[i][0] not in found]
        if digits:
            # Separators between digits go, letters stay: "0770 0900 481" is the number again,
            # "page 1 of 2" next to "34" is not glued into a longer number.
            runs = re.sub(r"(?<=\d)" + _DIGIT_SEPARATORS + r"+(?=\d)", "", hay)
            found += [digits[i][0] for i in self._digits_ix.candidates(runs)
                      if digits[i][1] in runs and digits[i][0] not in found
                      and self._digits_at_edge[i].search(hay)]
        return list(dict.fromkeys(found))


#: What may stand between the digits of a number as printed ("0770 0900 481", "07700-900-481").
_DIGIT_SEPARATORS = r"[\s\-./()]"


def _is_long_number(normalised: str) -> bool:
    """A removed string that is only a number of ``_DIGITS_MIN``+ digits and separators ("07700 900481")."""
    return re.fullmatch(r"(?:\d|" + _DIGIT_SEPARATORS + r")+", normalised) is not None and \
        sum(c.isdigit() for c in normalised) >= _DIGITS_MIN


def _digits_at_edge(digits: str) -> re.Pattern[str]:
    """Matches ``digits`` (separators allowed between them) unless digits touch the match on both sides.

    See ``_Needles``: only a match cut out of the middle of longer digit groups is not recoverable.
    """
    number = (_DIGIT_SEPARATORS + "*").join(digits)
    return re.compile(rf"(?<!\d){number}|{number}(?!\d)")


def person_variants(name: str) -> list[str]:
    """The forms a person's name can take on a page: full, each part, reversed, initials.

    ``"Mrs Jo-Anne Smith"`` -> "Jo-Anne Smith", "Smith Jo-Anne", "Smith, Jo-Anne", "Jo-Anne",
    "Smith", "J Smith", "J. Smith", "JS", "J.S.", "J S". Titles and possessives are dropped
    (``names.name_tokens``); one-letter parts are never looked for on their own.
    """
    tokens = name_tokens(name) or tuple(name.split())
    tokens = tuple(t for t in tokens if t)
    if not tokens:
        return []
    out = [" ".join(tokens)]
    out += [t for t in tokens if len(t.strip(".")) >= 2]
    if len(tokens) >= 2:
        first, last = tokens[0], tokens[-1]
        out += [f"{last} {first}", f"{last}, {first}", f"{first[0]} {last}", f"{first[0]}. {last}"]
        initials = [t[0] for t in tokens]
        out += ["".join(initials), ".".join(initials) + ".", " ".join(initials)]
    return list(dict.fromkeys(out))


#: Fonts of the invisible OCR layers burn-in writes itself (``_is_own_ocr_layer``).
_OCR_LAYER_FONTS = frozenset({"GlyphLessFont", "Helvetica"})

_JS_KEY = re.compile(r"/(JS|JavaScript)\b")


def verify(
    data: bytes,
    removed_strings: Sequence[str],
    *,
    people: Sequence[str] = (),
    kept_text: str = "",
    name: str = "document.pdf",
    ocr: bool = False,
) -> list[str]:
    """Independently check a redacted PDF before release (redaction-notes §3.3).

    Re-opens ``data`` from scratch and reports, in plain words:

    * any removed string, any variant of a person in ``people`` and the bare digits of any
      removed number (see ``_Needles``) found in what a reader can recover: the page text, the
      low-level text trace (which includes off-page, clipped and invisible text), bookmarks,
      and the decoded *strings* of every object and non-image, non-font stream. PDF syntax
      itself (operators, type names such as ``/Page``) is never searched, so an ordinary word
      that happens to be a PDF keyword does not block a release. Matching is case-insensitive
      and whitespace-normalised; strings of 5 or more characters match anywhere, shorter ones
      and person variants only as whole tokens (so "Sam" is not "found" in "Sample"); bare
      digits are not reported where they only occur cut out of the middle of a longer number;
    * invisible, transparent or off-page text, or text under a drawn black box, still present;
    * switched-off optional-content layers;
    * any annotation, form field or link;
    * non-empty Info metadata, XMP, embedded files or JavaScript;
    * any key of the catalog, page tree, pages, resources, images or forms outside the release
      allow-list (``pdf_sanitise``): page labels, names trees, thumbnails, private data ...;
    * more than one ``%%EOF`` (an incremental update or linearisation: an earlier revision may
      still hold the original text);
    * with ``ocr`` (and Tesseract installed), any removed string or person variant that OCR
      still reads in the picture of a page: scanned pages (no text layer, or mostly covered by
      images) are read upright and turned 90, 180 and 270 degrees; pages that can show text
      their text layer lacks (``pdf_shown.visual_check_reasons``: images, Type3 or unmapped
      fonts, lettering in outlines, glyphs out of order) are read at all four rotations. Plain
      text pages are not rendered (about a second per rendering and rotation).

    :param data: the PDF to check (normally ``burn_in`` output).
    :param removed_strings: every string that must no longer be recoverable.
    :param people: names of the people redacted; every variant of each is looked for too.
    :param kept_text: text deliberately kept; person variants occurring in it are not looked for.
    :param name: file name for messages.
    :param ocr: also OCR scanned pages (about 1 s a page); silently skipped without Tesseract.
    :returns: problems; ``[]`` means clean. Problem strings may quote removed text.
    :raises NotAPdfError, EncryptedPdfError: see ``open_checked``.
    """
    needles = _Needles(removed_strings, people, kept_text)
    problems: list[str] = []
    eofs = bytes(data).count(b"%%EOF")
    if eofs > 1:
        problems.append(
            f"file has {eofs} %%EOF markers (incremental update or linearised): an earlier revision "
            "may still hold the original content"
        )
    doc, off = _all_layers_on(open_checked(data, name))
    if off:
        problems.append(f"{off} optional-content layer(s) are switched off, hiding their content")
    tessdata = _tessdata() if ocr else None
    scans: list[int] = []
    turned: list[tuple[int, tuple[int, ...]]] = []
    with doc:
        for key, value in doc.metadata.items():
            if key not in ("format", "encryption") and value:
                problems.append(f"metadata field {key!r} is not empty")
        info = doc.xref_get_key(-1, "Info")
        if info[0] == "xref":
            info_obj = doc.xref_object(int(info[1].split()[0]), compressed=True)
            if info_obj.strip() not in ("<<>>", "null", ""):
                problems.append("document Info dictionary still holds entries")
        if doc.get_xml_metadata().strip() or doc.xref_get_key(doc.pdf_catalog(), "Metadata")[0] != "null":
            problems.append("XMP metadata is present")
        for found in disallowed_structure(doc)[:5]:
            problems.append(f"structure outside the release allow-list: {found}")
        if doc.embfile_count():
            problems.append(f"{doc.embfile_count()} embedded file(s) present")
        toc = " \n ".join(entry[1] for entry in doc.get_toc(simple=True))
        for s in needles.find(toc) if toc else ():
            problems.append(f"bookmarks still contain {s!r}")
        for page in doc:
            # Reading pages fills MuPDF's object store, and each read scans it: empty it per page
            # (as burn-in does) so verification stays linear in the page count (issue 11).
            pymupdf.TOOLS.store_shrink(100)
            n = page.number + 1
            if page.first_annot is not None:
                problems.append(f"page {n}: annotations remain")
            if page.first_widget is not None:
                problems.append(f"page {n}: form fields remain")
            if page.first_link is not None:
                problems.append(f"page {n}: links remain")
            trace = page.get_texttrace()
            raw = page.get_text("rawdict", flags=_TEXT_FLAGS)
            hidden = _hidden_spans(page, trace, _dark_covers(page), _drawn_glyphs(page, raw))
            if _is_own_ocr_layer(page, trace):
                hidden = [h for h in hidden if h[0] != "invisible"]
            if hidden:
                kinds = sorted({reason for reason, _ in hidden})
                problems.append(f"page {n}: {len(hidden)} {'/'.join(kinds)} text span(s) remain")
            if needles:
                text = page.get_text("text", flags=_VERIFY_FLAGS)
                for s in needles.find(text):
                    problems.append(f"page {n}: text still contains {s!r}")
                traced = " ".join("".join(chr(c[0]) for c in span["chars"]) for span in trace)
                for s in needles.find(traced):
                    if f"page {n}: text still contains {s!r}" not in problems:
                        problems.append(f"page {n}: hidden or low-level text still contains {s!r}")
                if tessdata and _is_scan(page, text):
                    scans.append(page.number)
                    turned.append((page.number, (90, 180, 270)))
                elif tessdata and visual_check_reasons(page, trace, raw):
                    turned.append((page.number, (0, 90, 180, 270)))
        if scans and tessdata:
            for index, text in sorted(_ocr_texts(doc, data, name, scans, tessdata).items()):
                for s in needles.find(text):
                    problems.append(ocr_problem(index, s))
        for index, rotations in turned if tessdata else ():
            words = " ".join(w for w, _, _ in shown_words(doc[index], tessdata, rotations))
            for s in needles.find(words):
                problem = ocr_problem(index, s)
                if problem not in problems:
                    problems.append(problem)
        problems.extend(_scan_objects(doc, needles))
    return problems



OCR_PROBLEM = re.compile(r"^page (\d+): the page image still reads .* \(OCR\)$")


def ocr_problem(index: int, found: str) -> str:
    """The problem reported when OCR still reads ``found`` on 0-based page ``index`` (see ``OCR_PROBLEM``)."""
    return f"page {index + 1}: the page image still reads {found!r} (OCR)"


def _is_own_ocr_layer(page: pymupdf.Page, trace: list[dict]) -> bool:
    """True for a page burn-in gave an OCR layer: one picture over the whole page, under invisible text.

    Burn-in removes every invisible span of the original, so invisible text on such a page can
    only be an OCR layer made from the already-redacted picture: Tesseract's (``GlyphLessFont``)
    on a page burn-in rasterised (``pdf_raster``), or the Helvetica layer of a scanned page's kept
    words (``pdf_ocr_layer``). Its text is still searched for removed strings like any other page
    text.
    """
    invisible = [s for s in trace if s["chars"] and s["type"] == 3]
    return (
        bool(invisible)
        and all(s["font"] in _OCR_LAYER_FONTS for s in invisible)
        and len(page.get_images(full=False)) == 1
        and _image_cover(page) >= 0.99
    )


def _ocr_texts(
    doc: pymupdf.Document, data: bytes, name: str, indices: list[int], tessdata: str
) -> dict[int, str]:
    """Plain OCR text of the given pages of ``doc`` as ``verify`` opened it (see ``_ocr_pages``)."""
    workers = min(pdf_core._cpu_count(), len(indices) // 2)
    if len(indices) >= pdf_core._PARALLEL_OCR_MIN and workers >= 2:
        chunks = [indices[k::workers] for k in range(workers)]
        parts = pdf_core._in_children("_ocr_text_chunk", [(data, name, chunk, tessdata) for chunk in chunks])
        if parts is not None:
            return {i: text for part in parts for i, text in part.items()}
    return {i: _ocr_text(doc[i], tessdata) for i in indices}


def _ocr_text_chunk(data: bytes, name: str, indices: list[int], tessdata: str) -> dict[int, str]:
    """Child-process side of ``_ocr_texts``: open the bytes exactly as ``verify`` does."""
    doc, _ = _all_layers_on(open_checked(data, name))
    with doc:
        return {i: _ocr_text(doc[i], tessdata) for i in indices}


def _ocr_text(page: pymupdf.Page, tessdata: str) -> str:
    tp = page.get_textpage_ocr(
        flags=_VERIFY_FLAGS, language="eng", dpi=_OCR_DPI, full=True, tessdata=tessdata
    )
    return page.get_text("text", textpage=tp)


def _scan_objects(doc: pymupdf.Document, needles: _Needles) -> list[str]:
    """Search the source of every object and non-image, non-font stream for leftovers."""
    problems: list[str] = []
    js = embedded = xmp = False
    syntax = _syntax_streams(doc)
    for xref in range(1, doc.xref_length()):
        try:
            obj = doc.xref_object(xref, compressed=True)
        except RuntimeError:  # pragma: no cover - free entries in damaged files
            continue
        if not js and _JS_KEY.search(obj):
            js = True
            problems.append(f"JavaScript present (object {xref})")
        if not embedded and "/EmbeddedFile" in obj:
            embedded = True
            problems.append(f"embedded file stream present (object {xref})")
        if not xmp and re.search(r"/Type\s*/Metadata\b", obj):
            xmp = True
            problems.append(f"XMP metadata stream present (object {xref})")
        if not needles:
            continue
        for s in needles.find(readable_strings(obj.encode("latin-1", "replace"))):
            problems.append(f"object {xref} still contains {s!r}")
        if doc.xref_is_stream(xref) and not _is_binary_stream(obj):
            try:
                raw = doc.xref_stream(xref)
            except RuntimeError:  # pragma: no cover - undecodable filter
                continue
            if raw:
                # Content streams and CMaps are syntax: only their strings are readable (hex
                # strings too: simple fonts' <48656c6c6f> Tj is Latin-1 in disguise). Any other
                # stream (XMP, scripts, files) is read as text, the way a reader would.
                text = readable_strings(raw) if xref in syntax else raw.decode("latin-1").replace("\x00", "")
                for s in needles.find(text):
                    problems.append(f"stream {xref} still contains {s!r}")
    return problems


_SYNTAX_STREAM = re.compile(r"/Subtype\s*/Form\b|/PatternType\b|/Type\s*/CMap\b|/CMapName\b|/ShadingType\b")
_REF = re.compile(r"(\d+)\s+0\s+R")


def _syntax_streams(doc: pymupdf.Document) -> set[int]:
    """Streams written in PDF syntax: page contents, forms, patterns, CMaps, Type3 glyph procedures."""
    out: set[int] = set()
    for page in doc:
        out.update(page.get_contents())
    for xref in range(1, doc.xref_length()):
        try:
            obj = doc.xref_object(xref, compressed=True)
        except RuntimeError:  # pragma: no cover - free entries in damaged files
            continue
        if doc.xref_is_stream(xref) and _SYNTAX_STREAM.search(obj):
            out.add(xref)
        elif "/CharProcs" in obj:
            kind, value = doc.xref_get_key(xref, "CharProcs")
            if kind == "xref":
                value = doc.xref_object(int(value.split()[0]), compressed=True)
            out.update(int(m.group(1)) for m in _REF.finditer(value))
    return out


def _is_binary_stream(obj: str) -> bool:
    # Image samples and font programs are binary: searching them only produces false alarms.
    return bool(
        re.search(r"/Subtype\s*/Image\b", obj)
        or re.search(r"/Length[123]\b", obj)
        or re.search(r"/Subtype\s*/(Type1C|CIDFontType0C|OpenType)\b", obj)
    )


