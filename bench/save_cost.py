"""The final save's duplicate-object removal (issue 11): CPU-seconds before and after, at several sizes.

usage: .venv/bin/python bench/save_cost.py [--sizes 360,1440] [--burn-sizes 360]

For each size, one PDF of that many distinct synthetic pages (``bench/redaction_speed.build_bundle``):

* **pack merge + page stamps**, as ``sar.release.packs.build_pack`` does them: before, each save
  de-duplicated every object of the bundle (``garbage=4``, MuPDF compares objects in pairs); after,
  ``pdf.merge`` and ``pdf.stamp_pages`` save without a second dedupe (``pdf_ranges.save_joined``),
  since every document was de-duplicated at its burn-in. Output bytes and ``verify`` are shown.
* **burn-in + verify** (``--burn-sizes``, with no boxes: the save and verification dominate): in one
  piece (one de-duplicating save of every page) against page ranges joined without a second dedupe
  (``pdf.burn_in_ranges``); the pages' text is compared.

CPU-seconds of this process (``time.process_time``): the figure that load on a shared machine does
not distort much.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _timed(fn):
    c0 = time.process_time()
    out = fn()
    return out, time.process_time() - c0


def main() -> None:
    import pymupdf
    from redaction_speed import build_bundle

    from redaction import pdf
    from redaction.pdf_core import _insert_display_text, _save, open_checked

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="360,1440")
    ap.add_argument("--burn-sizes", default="360")
    args = ap.parse_args()

    def old_merge_and_stamp(data: bytes) -> bytes:
        out = pymupdf.open()
        with out:
            with open_checked(data, "bundle.pdf") as src:
                out.insert_pdf(src, links=False, annots=True)
            merged = _save(out)
        with open_checked(merged, "bundle.pdf") as doc:
            for page in doc:
                _insert_display_text(page, f"REF — Page {page.number + 1} of {doc.page_count}", 8, where="footer")
            return _save(doc)

    def new_merge_and_stamp(data: bytes) -> bytes:
        merged = pdf.merge([("bundle.pdf", data)])
        return pdf.stamp_pages(merged, lambda n, total: f"REF — Page {n} of {total}")

    print(f"{'step':34} {'pages':>6} {'before CPU-s':>12} {'after CPU-s':>12} {'before KB':>10} {'after KB':>9} "
          f"{'verified':>9}", flush=True)
    for pages in (int(s) for s in args.sizes.split(",") if s.strip()):
        data, _ = build_bundle(pages)
        old, t_old = _timed(lambda d=data: old_merge_and_stamp(d))
        new, t_new = _timed(lambda d=data: new_merge_and_stamp(d))
        ok = not pdf.verify(new, [])
        print(f"{'pack merge + page stamps':34} {pages:6d} {t_old:12.1f} {t_new:12.1f} {len(old) / 1024:10.0f} "
              f"{len(new) / 1024:9.0f} {'yes' if ok else 'NO':>9}", flush=True)
    for pages in (int(s) for s in args.burn_sizes.split(",") if s.strip()):
        data, _ = build_bundle(pages)
        whole, t_whole = _timed(lambda d=data: pdf.burn_in_report(d, [], name="bundle.pdf"))
        split, t_split = _timed(lambda d=data: pdf.burn_in_ranges(d, [], name="bundle.pdf"))
        same = [p.text for p in pdf.extract(whole.data, "w.pdf", ocr=False).pages] == \
            [p.text for p in pdf.extract(split.data, "s.pdf", ocr=False).pages]
        print(f"{'burn-in + verify (whole / ranges)':34} {pages:6d} {t_whole:12.1f} {t_split:12.1f} "
              f"{len(whole.data) / 1024:10.0f} {len(split.data) / 1024:9.0f} "
              f"{'yes, same text' if same else 'TEXT DIFFERS':>9}", flush=True)


if __name__ == "__main__":
    main()
