"""Issue 10: a page the burn-in withheld for a manual check reaches the pack's schedule, manifest and warnings.

The bundle's first page is a scan showing a redacted person's name broken into fragments, which
the burn-in's repair pass cannot black out (tests/redaction/test_pdf_withhold_unverified.py); the
second page is plain text. The pack is built with that page replaced by a notice, and nothing about
it is silently dropped: the requester's schedule names it, the officer's warnings say why.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from redaction import pdf
from sar.bundle import documents, jobs
from sar.models import Job, Redaction, ResponsePack
from sar.release import burning, letters, packs
from tests.redaction import pdf_factory as F
from tests.redaction.test_pdf_withhold_unverified import CLEAN, NAME, SHOWN, _bundle, _page
from tests.sar._docs import make_team, sar_request

needs_tesseract = pytest.mark.skipif(not pdf.ocr_available(), reason="tesseract not installed")


def _request_with_unverifiable_page(session, settings, now):
    team = make_team(session)
    req = sar_request(session, settings, team, now)
    data = _bundle(F.scanned(SHOWN), _page(CLEAN))
    item = documents.add_document(session, req, data, "visit.pdf", actor=team.officer, now=now, settings=settings,
                                  title="Visit notes")
    # An accepted redaction of the person whose boxes were never found on the scan (no boxes).
    session.add(Redaction(bundle_item_id=item.id, page=0, start=0, end=len(NAME), boxes=[], text=NAME,
                          entity_type="PERSON", code="SCH2-P16-THIRD-PARTY", reason="third party", source="manual",
                          recognizer="test", score=1.0, status="accepted", created_at=now))
    session.flush()
    return team, req


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.text for p in pdf.extract(data, "x.pdf", ocr=False).pages).split())


@needs_tesseract
def test_withheld_page_is_in_the_schedule_manifest_and_warnings(session, settings, now):
    team, req = _request_with_unverifiable_page(session, settings, now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert pack.manifest["held_pages"] == [{"page": 1, "document": "Visit notes", "document_page": 1}]
    assert any(w.startswith("Visit notes: page 1: withheld for a manual check") for w in pack.manifest["warnings"])
    assert NAME not in " ".join(pack.manifest["warnings"])
    files = packs.pack_files(packs.pack_bytes(settings, pack))
    schedule = _text(files[f"{req.reference}-redaction-schedule.pdf"])
    assert "Pages held back for a manual check" in schedule
    assert "Page 1 (Visit notes, page 1) has been held back" in schedule
    rows = list(csv.DictReader(io.StringIO(files[f"{req.reference}-redaction-schedule.csv"].decode())))
    held = [r for r in rows if r["kind"] == letters.HELD_KIND]
    assert [(r["page"], r["document"], r["document_page"]) for r in held] == [("1", "Visit notes", "1")]
    assert NAME not in files[f"{req.reference}-redaction-schedule.csv"].decode()
    bundle = files[f"{req.reference}-bundle.pdf"]
    pages = pdf.extract(bundle, "b.pdf", ocr=False).pages
    assert "Page withheld:" in pages[0].text and "manual check" in pages[0].text
    assert CLEAN in " ".join(pages[1].text.split())  # the rest of the document is released
    assert pdf.verify(bundle, [NAME], people=[NAME], ocr=True) == []


@needs_tesseract
def test_refuse_unverifiable_setting_fails_the_pack_as_before(session, settings, now):
    team, req = _request_with_unverifiable_page(session, settings, now)
    with pytest.raises(packs.PackVerificationFailed) as err:
        packs.build_pack(session, req, actor=team.officer, now=now,
                         settings=replace(settings, refuse_unverifiable=True))
    assert any("(OCR)" in p for p in err.value.problems)


def test_page_events_name_pictures_and_held_pages_with_bundle_numbers():
    # Negative row for page_events: a clean burn names no page; positive: withheld pages are named.
    clean = pdf.BurnInResult(b"", rasterised_pages=(2,))
    held = pdf.BurnInResult(b"", withheld_pages=(0, 3))
    numbering = {0: 5, 2: 7, 3: 8}
    assert burning.page_events(clean, numbering, "Doc") == (
        [{"page": 7, "document": "Doc", "document_page": 3}], [])
    assert burning.page_events(held, numbering, "Doc")[1] == [
        {"page": 5, "document": "Doc", "document_page": 1}, {"page": 8, "document": "Doc", "document_page": 4}]


@needs_tesseract
def test_the_burn_job_by_page_ranges_records_the_held_page_for_the_pack(session, settings, now):
    # The pack job burns each page range in its own step (sar.bundle.steps): the held page travels
    # with the step's result into the pack, numbered as in the whole document.
    team, req = _request_with_unverifiable_page(session, settings, now)
    factory = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    job = jobs.start_pack_job(session, req, actor=team.officer, now=now)
    session.flush()
    assert jobs.run_job(factory, job.id, settings=replace(settings, job_range_pages=1), now_fn=lambda: now) == "done"
    session.expire_all()
    steps = session.scalars(select(Job).where(Job.parent_id == job.id, Job.kind == jobs.BURN_JOB)).all()
    assert sorted(s.result.get("held", []) for s in steps) == [[], [0]]
    sha = session.get(Job, job.id).result["pack_sha256"]
    pack = session.scalars(select(ResponsePack).where(ResponsePack.sha256 == sha)).one()
    assert pack.manifest["held_pages"] == [{"page": 1, "document": "Visit notes", "document_page": 1}]


def test_schedule_csv_lists_held_pages_after_the_redactions():
    # Negative row: without held pages the CSV has only the header and the redaction rows.
    assert letters.schedule_csv([]).decode().strip().splitlines() == [",".join(letters.SCHEDULE_CSV_COLUMNS)]
    held = [{"page": 4, "document": "=Visit notes", "document_page": 2}]
    rows = list(csv.DictReader(io.StringIO(letters.schedule_csv([], held).decode())))
    assert rows == [{"page": "4", "document": "'=Visit notes", "document_page": "2", "kind": letters.HELD_KIND,
                     "code": "", "legal_basis": "", "title": "", "reason": letters.HELD_REASON}]
