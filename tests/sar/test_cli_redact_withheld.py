"""Issue 10: ``sar redact`` writes a file with an unverifiable page withheld, and its schedule JSON lists it.

``_write`` is the step of ``sar redact`` that burns one file in and writes it with its schedule; the
proposals are given here (the engine is not under test). The file's second page is a scan showing
the proposed person's name broken into fragments, which burn-in's repair pass cannot black out
(tests/redaction/test_pdf_withhold_unverified.py).
"""

from __future__ import annotations

import json

import pymupdf
import pytest

from cli.commands.redact import _write
from redaction import pdf
from redaction.errors import VerificationError
from redaction.types import Proposal
from tests.redaction.test_pdf_withhold_unverified import CLEAN, NAME, SHOWN, glued_bundle

needs_tesseract = pytest.mark.skipif(not pdf.ocr_available(), reason="tesseract not installed")


def _setup(tmp_path):
    data = glued_bundle()
    path = tmp_path / "visit.pdf"
    path.write_bytes(data)
    document = pdf.extract(data, path.name)
    text = document.pages[1].text
    start = text.index(SHOWN)
    # The engine proposed the person; the boxes it found missed the scan (none).
    proposal = Proposal(1, start, start + len(SHOWN), NAME, "PERSON", "SCH2-P16-THIRD-PARTY",
                        "third party", 1.0, "test")
    out = tmp_path / "out"
    out.mkdir()
    return path, data, document, [proposal], out


@needs_tesseract
def test_the_schedule_json_lists_the_withheld_page_and_the_notes_warn(tmp_path):
    path, data, document, proposals, out = _setup(tmp_path)
    notes = _write(path, data, document, proposals, out, False)
    schedule = json.loads((out / "visit.pdf.redactions.json").read_text())
    (held,) = schedule["pages_withheld_for_manual_check"]
    assert held["page"] == 2 and "manual check" in held["note"]
    assert notes[0].startswith("1 page(s) withheld for a manual check (page 2)")
    written = pymupdf.open(stream=(out / "visit.pdf").read_bytes(), filetype="pdf")
    assert written.page_count == 3 and CLEAN in written[0].get_text()
    assert "Page withheld:" in written[1].get_text()
    assert pdf.verify((out / "visit.pdf").read_bytes(), [NAME], ocr=True) == []


@needs_tesseract
def test_refuse_unverifiable_writes_nothing(tmp_path):
    path, data, document, proposals, out = _setup(tmp_path)
    with pytest.raises(VerificationError):
        _write(path, data, document, proposals, out, False, withhold_unverifiable=False)
    assert not (out / "visit.pdf").exists()
