"""Conversion throughput (issue 17): pages of reviewable PDF produced per second, for each format.

usage: .venv/bin/python bench/conversion_speed.py [--repeat 3]

Builds one file per format in memory (tests/formats_factory.py: a ten-paragraph DOCX with a tracked
change and a comment, an ODT, an RTF, an XLSX and a CSV of 400 rows, an e-mail with an image
attachment, a five-page TIFF, a JPEG and a PNG), converts each ``--repeat`` times with
``redaction.pdf_convert.convert`` and reports the median seconds per file and pages per second.
LibreOffice formats include its start-up (each conversion runs a fresh, isolated soffice). Images
are timed without their OCR, which happens later, at extraction, like any scanned PDF page
(bench/redaction_speed.py measures that path).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from redaction import pdf_convert  # noqa: E402
from tests import formats_factory as ff  # noqa: E402
from tests import msg_factory as mf  # noqa: E402

PARA = ("The social worker visited the family home on Tuesday afternoon and spoke with both parents about "
        "the plan agreed at the last review meeting, including school attendance and contact arrangements.")


def samples() -> list[tuple[str, bytes]]:
    rows = [["Date", "Worker", "Contact type", "Summary"]] + [
        [f"2025-01-{1 + i % 28:02d}", f"Worker {i % 7}", "home visit", PARA[: 60 + i % 40]] for i in range(400)]
    csv_text = "\n".join(",".join(f'"{c}"' for c in row) for row in rows).encode()
    docx = ff.docx_with_revisions(kept=" ".join([PARA] * 10), inserted="Added later.", deleted="Taken out.",
                                  commented=PARA, comment="Check this with the team manager")
    return [
        ("docx", docx), ("odt", ff.odt(" ".join([PARA] * 10))), ("rtf", ff.rtf(" ".join([PARA] * 10))),
        ("xlsx", ff.xlsx(rows)), ("csv", csv_text),
        ("eml", ff.eml(sender="a@council.example", to="b@council.example", cc="", subject="Visit",
                       body="\n\n".join([PARA] * 30),
                       attachments=[("photo.png", "image/png", ff.text_image(["Attached"]))])),
        ("msg", mf.outlook_msg(sender="A", sender_email="a@council.example", to=[("B", "b@council.example")],
                               cc=[], subject="Visit", body="\n\n".join([PARA] * 30),
                               sent=datetime(2025, 1, 2, tzinfo=UTC),
                               attachments=[("photo.png", ff.text_image(["Attached"]))])),
        ("tif", ff.multipage_tiff([[f"Scanned page {n}", PARA[:50]] for n in range(5)])),
        ("jpg", ff.text_image(["Photo of a note", PARA[:50]], fmt="JPEG")),
        ("png", ff.text_image(["Screenshot", PARA[:50]])),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'format':8} {'pages':>5} {'s/file':>8} {'pages/s':>8}")
    for ext, data in samples():
        times, pages = [], 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            out = pdf_convert.convert(data, f"sample.{ext}")
            times.append(time.perf_counter() - start)
            pages = out.page_count
        median = statistics.median(times)
        print(f"{ext:8} {pages:5d} {median:8.2f} {pages / median:8.1f}")


if __name__ == "__main__":
    main()
