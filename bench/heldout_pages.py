"""Page rendering and truth checks for the blind corpora heldout_safeguarding.py and heldout_careleaver.py.

A document is written from case mark-up (``{r:CAT:text}`` must go, ``{k:CAT:text}`` must stay, see
heldout_common.parse) in one of a few house styles. Source lines:

- ``## text``: a bold heading;
- ``>> text``: a line set flush right (letterhead, sender block);
- a line holding `` | `` (no more cells than the style has columns): a table row, each cell wrapped
  inside its column (so a long cell splits over lines), ruled when the style asks for a grid; a line
  with more cells (an e-mail signature) is plain text;
- an empty line: a half-line gap;
- ``%%PAGE text%%`` / ``%%PAGE ocr%%`` / ``%%PAGE image%%``: start a new page written as text, as a
  scanned page (a grey JPEG of the rendered page under an invisible OCR text layer, as a scanner with OCR
  writes it) or as an image-only scan (a grey JPEG and no text at all).

Labels written on image-only pages cannot be scored by the text scorer; they go to the document's
``ocr_only`` map (as in the shared development set), and ``report`` checks them with Tesseract.
Running headers and footers are written before the body or after it (``furniture_first``), as
different producers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf
from heldout_common import load_scorer, ocr, parse, wrap, write_corpus

PAGE_MARK = re.compile(r"^%%PAGE (text|ocr|image)%%$")
TOP, BOTTOM, LEFT, RIGHT = 72.0, 780.0, 56.0, 540.0


@dataclass
class Style:
    """A house style: base-14 fonts, size, table columns and page furniture (``{p}``/``{n}`` page numbers)."""

    font: str = "tiro"
    bold: str = "tibo"
    size: float = 10.0
    cols: tuple[float, ...] = (LEFT, 160.0)
    grid: bool = False
    header: str = ""
    footer: str = ""
    furniture_first: bool = True
    metadata: dict = field(default_factory=dict)

    @property
    def lead(self) -> float:
        return self.size * 1.3


def _layout(text: str, st: Style, mode: str, pages: list) -> None:
    """Append pages of (mode, ops) for ``text``; ops are ("text", x, y, s, font) and ("rect", rect)."""
    ops: list | None = None
    y = 0.0
    bounds = list(st.cols) + [RIGHT]
    for para in text.split("\n"):
        if not para.strip():
            y += st.lead / 2
            continue
        font = st.font
        if para.startswith("## "):
            para, font = para[3:], st.bold
        right = para.startswith(">> ")
        if right:
            para = para[3:]
        cells = [c.strip() for c in para.split(" | ")]
        if 1 < len(cells) <= len(st.cols):
            wrapped = [wrap(c, bounds[i + 1] - bounds[i] - 8, font, st.size) for i, c in enumerate(cells)]
            rows = max(len(w) for w in wrapped)
        else:
            wrapped, rows = [wrap(para, RIGHT - LEFT, font, st.size)], 0
        height = max(rows, len(wrapped[0])) * st.lead
        if ops is None or y + height > BOTTOM:
            ops = []
            pages.append((mode, ops))
            y = TOP + st.lead
        if rows:
            if st.grid:
                for i in range(len(cells)):
                    ops.append(("rect", pymupdf.Rect(bounds[i] - 3, y - st.lead + 2, bounds[i + 1] - 3,
                                                     y + (rows - 1) * st.lead + 4)))
            for i, lines in enumerate(wrapped):
                for j, line in enumerate(lines):
                    ops.append(("text", bounds[i], y + j * st.lead, line, font))
            y += height + 4
        else:
            for j, line in enumerate(wrapped[0]):
                x = RIGHT - pymupdf.get_text_length(line, fontname=font, fontsize=st.size) if right else LEFT
                ops.append(("text", x, y + j * st.lead, line, font))
            y += height + 2


def _draw(page, ops, st: Style, number: int, total: int, render_mode: int) -> None:
    def furniture():
        if st.header:
            page.insert_text((LEFT, 40), st.header.format(p=number, n=total), fontname=st.font,
                             fontsize=7.5, render_mode=render_mode)
        if st.footer:
            page.insert_text((LEFT, 815), st.footer.format(p=number, n=total), fontname=st.font,
                             fontsize=7.5, render_mode=render_mode)

    if st.furniture_first:
        furniture()
    for op in ops:
        if op[0] == "rect" and render_mode == 0:
            page.draw_rect(op[1], color=(0.3, 0.3, 0.3), width=0.5)
        elif op[0] == "text":
            page.insert_text((op[1], op[2]), op[3], fontname=op[4], fontsize=st.size, render_mode=render_mode)
    if not st.furniture_first:
        furniture()


def _raster(ops, st: Style, number: int, total: int) -> bytes:
    tmp = pymupdf.open()
    src = tmp.new_page(width=595, height=842)
    _draw(src, ops, st, number, total, 0)
    jpeg = src.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=60)
    tmp.close()
    return jpeg


def make(d: Path, file: str, title: str, src: str, st: Style) -> dict:
    """Write one PDF from mark-up; return its truth entry (labels of image-only pages in ``ocr_only``)."""
    redact: dict[str, str] = {}
    keep: dict[str, str] = {}
    ocr_redact: dict[str, str] = {}
    ocr_keep: dict[str, str] = {}
    pages: list = []
    mode = "text"
    part: list[str] = []

    def flush():
        text, r, k = parse("\n".join(part).strip("\n"))
        if mode == "image":
            ocr_redact.update(r)
            ocr_keep.update(k)
        else:
            redact.update(r)
            keep.update(k)
        if text.strip():
            _layout(text, st, mode, pages)

    for line in src.strip("\n").split("\n"):
        m = PAGE_MARK.match(line.strip())
        if m:
            flush()
            mode, part = m.group(1), []
        else:
            part.append(line)
    flush()
    doc = pymupdf.open()
    for i, (pmode, ops) in enumerate(pages):
        page = doc.new_page(width=595, height=842)
        if pmode == "text":
            _draw(page, ops, st, i + 1, len(pages), 0)
            continue
        page.insert_image(page.rect, stream=_raster(ops, st, i + 1, len(pages)))
        if pmode == "ocr":
            _draw(page, ops, st, i + 1, len(pages), 3)
    doc.set_metadata({"producer": "", "creator": "", **st.metadata})
    doc.save(str(d / file), garbage=3, deflate=True)
    doc.close()
    entry = {"file": file, "title": title, "pages": len(pages), "must_redact": sorted(redact),
             "must_keep": sorted(keep), "category": {**keep, **redact, **ocr_keep, **ocr_redact}}
    scanned = [i for i, (pmode, _) in enumerate(pages) if pmode != "text"]
    if scanned:
        entry["scanned_pages"] = scanned
    if ocr_redact or ocr_keep:
        entry["ocr_only"] = {"must_redact": sorted(ocr_redact), "must_keep": sorted(ocr_keep)}
    return entry


def check_labels(corpus: Path, truth: dict, sc) -> list[str]:
    """The labelling rules of the shared development set that can be checked mechanically.

    Masking a must_redact string must leave every must_keep string whole (neither contains the other),
    and no scoring window of a long must_redact string may occur in the text outside that string.
    """
    bad = []
    for case in truth["cases"]:
        for doc in case["documents"]:
            text, _ = sc.text_of(corpus / doc["file"])
            for r in doc["must_redact"]:
                bad += [f"{doc['file']}: {r!r} overlaps keep {k!r}" for k in doc["must_keep"]
                        if sc.count(r, k) or sc.count(k, r)]
                n = sc.count(r, text)
                for w in sc.windows(r):
                    if w != r and sc.count(w, text) > n * sc.count(w, r):
                        bad.append(f"{doc['file']}: window {w!r} of {r!r} occurs elsewhere")
    return bad


def _page_text(path: Path, pages: set[int], keep: bool) -> str:
    """Folded text of the pages in ``pages`` (``keep``) or of all the others (not ``keep``)."""
    if not path.exists():
        return ""
    with pymupdf.open(path) as doc:
        text = " ".join(p.get_text() for i, p in enumerate(doc) if (i in pages) == keep)
    return re.sub(r"\s+", " ", text)


def _tally(table: dict, fam: str, hits: int, total: int) -> None:
    row = table.setdefault(fam, [0, 0])
    row[0] += hits
    row[1] += total


def report(corpus: Path, out: Path, truth: dict, sc) -> None:
    """Every text-scored leak and over-redaction per document with its category, then image-adjusted rates.

    The text scorer reads text layers only, so a scanned page whose text layer the engine drops (after
    re-OCR) counts as over-redacted whatever its pixels show, and an image-only page is never scored.
    The image-adjusted figures score text pages on their text and scanned pages on Tesseract's reading:
    a must_redact string (text-layer or ``ocr_only``) counts there when Tesseract reads it, or one of its
    scoring windows, on the source page, and leaks when it can still be read on the output page; a
    must_keep string is kept when it can still be read.
    """
    from redaction_quality import family

    adjusted: dict[str, dict[str, list[int]]] = {"redact": {}, "keep": {}}
    for case in truth["cases"]:
        for doc in case["documents"]:
            src, _ = sc.text_of(corpus / doc["file"])
            path = out / doc["file"]
            got = sc.text_of(path)[0] if path.exists() else ""
            cat = doc["category"]
            lines = [f"  LEAK [{cat[s]}] {s!r}" for s in doc["must_redact"] if sc.leaked(s, sc.count(s, src), got)]
            lines += [f"  OVER [{cat[s]}] {s!r}" for s in doc["must_keep"] if sc.count(s, got) < sc.count(s, src)]
            scans = set(doc.get("scanned_pages", []))
            src_t, got_t = _page_text(corpus / doc["file"], scans, False), _page_text(path, scans, False)
            for s in doc["must_redact"]:
                n = sc.count(s, src_t)
                _tally(adjusted["redact"], family(cat[s]), sc.leaked(s, n, got_t) if path.exists() else n, n)
            for s in doc["must_keep"]:
                n = sc.count(s, src_t)
                _tally(adjusted["keep"], family(cat[s]), min(sc.count(s, got_t), n), n)
            if scans:
                seen = ocr(corpus / doc["file"], sorted(scans))
                shown = ocr(path, sorted(scans)) if path.exists() else ""
                extra = doc.get("ocr_only", {})
                for s in doc["must_redact"] + extra.get("must_redact", []):
                    n = sc.count(s, seen) or (1 if any(sc.count(w, seen) for w in sc.windows(s)) else 0)
                    hit = sc.leaked(s, n, shown) if n else 0
                    _tally(adjusted["redact"], family(cat[s]), hit, n)
                    if hit:
                        lines.append(f"  OCR-LEAK [{cat[s]}] {s!r}")
                for s in doc["must_keep"] + extra.get("must_keep", []):
                    n = sc.count(s, seen)
                    k = min(sc.count(s, shown), n)
                    _tally(adjusted["keep"], family(cat[s]), k, n)
                    if k < n:
                        lines.append(f"  OCR-OVER [{cat[s]}] {s!r}")
            print(f"{doc['file']} [{doc['title']}]" + ("" if path.exists() else " MISSING"))
            print("\n".join(lines) if lines else "  clean")
    for kind, what in (("redact", "leaked"), ("keep", "kept")):
        hits = sum(v[0] for v in adjusted[kind].values())
        total = sum(v[1] for v in adjusted[kind].values())
        print(f"IMAGE-ADJUSTED must_{kind}: {what} {hits}/{total} = {hits / total if total else 0:.4f}")
        for fam, (h, t) in sorted(adjusted[kind].items()):
            print(f"  must_{kind:6} {fam:34} {what} {h:>4}/{t:<4}")


def write_labelled_corpus(corpus: Path, cases: list) -> dict:
    """``write_corpus`` then :func:`check_labels`: a corpus whose labels break the rules is not written silently.

    :raises SystemExit: listing every label error.
    """
    truth = write_corpus(corpus, cases)
    bad = check_labels(corpus, truth, load_scorer())
    if bad:
        raise SystemExit("LABEL ERRORS:\n" + "\n".join(bad))
    return truth
