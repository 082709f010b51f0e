"""Issue 17: uploads in any format are received, converted by a background job, linked and released.

Real files are built in the tests (tests/formats_factory.py), converted by the real converters
(LibreOffice, Pillow, Tesseract), stored in a real database, proposed, redacted and verified clean.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from redaction import pdf
from sar.bundle import conversion, documents, jobs, redactions
from sar.core.errors import NotPermitted, ValidationError
from sar.core.storage import FileStore
from sar.models import AuditEvent, BundleItem, Document, Job
from sar.release import packs
from tests import formats_factory as ff
from tests.sar._docs import make_team, pdf_bytes, propose, sar_request

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
THIRD = "Marcus Pemberton"


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def req(session, settings, now, team):
    return sar_request(session, settings, team, now)


@pytest.fixture
def factory(session):
    """The job's short transactions run as savepoints inside the test's rolled-back transaction."""
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


def _receive(session, req, team, now, settings, data, filename, **kw):
    return conversion.receive_upload(session, req, data, filename, actor=team.officer, now=now, settings=settings,
                                     **kw)


def _run(session, factory, settings, now, job):
    session.flush()
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=lambda: now) in ("done", "failed")
    session.expire_all()
    return session.get(Job, job.id)


def _items(session, req):
    return documents.list_bundle(session, req)


def _text(settings, item) -> str:
    return " ".join(" ".join(p.text for p in documents.extracted_text(settings, item, ocr=True).pages).split())


@needs_office
def test_docx_is_queued_then_converted_in_the_background_with_the_original_kept(session, factory, settings, now,
                                                                               team, req):
    data = ff.docx_with_revisions(kept="The plan was agreed.", inserted="Grandmother attended.",
                                  deleted="Uncle refused.", commented="Contact was arranged.",
                                  comment=f"Ask {THIRD} about this")
    received = _receive(session, req, team, now, settings, data, "case note.docx", title="Case note")
    assert received.item is None and received.job.kind == conversion.CONVERT_JOB
    assert received.job.status == "queued" and _items(session, req) == []  # nothing converted in the request
    job = _run(session, factory, settings, now, received.job)
    assert job.status == "done" and job.result["failed"] == []
    [item] = _items(session, req)
    assert (item.filename, item.title) == ("case note.docx", "Case note")
    doc = item.document
    assert doc.media_type == "application/pdf" and doc.source_media_type.endswith("wordprocessingml.document")
    original, media_type = documents.original_bytes(settings, item)
    assert original == data and doc.source_sha256 == hashlib.sha256(data).hexdigest()  # kept unchanged
    text = _text(settings, item)
    assert "Uncle refused." in text and f"Ask {THIRD} about this" in text
    events = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.request_id == req.id))]
    assert {"document.receive", "document.add", "document.convert"} <= set(events)


@needs_office
def test_docx_comment_naming_a_third_party_is_proposed_redacted_and_verified_clean(session, factory, settings,
                                                                                     now, team, req):
    data = ff.docx_with_revisions(kept="Plan agreed.", inserted="Added.", deleted="Removed.",
                                  commented="Contact was arranged.", comment=f"Ask {THIRD} about this")
    _run(session, factory, settings, now, _receive(session, req, team, now, settings, data, "note.docx").job)
    [item] = _items(session, req)
    reds = propose(session, settings, item, THIRD, now=now)
    assert reds
    for red in reds:
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    bundle = packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-bundle.pdf"]
    released = " ".join(p.text for p in pdf.extract(bundle, "b.pdf", ocr=False).pages)
    assert THIRD not in released and "Contact was arranged." in released
    assert b"Secret Author Name" not in bundle


def test_eml_attachments_become_documents_linked_to_their_email(session, factory, settings, now, team, req):
    png = ff.text_image(["Photo of the letter"])
    data = ff.eml(sender="duty@council.example", to="team@council.example", cc="", subject="Referral",
                  body=f"See attached, from {THIRD}.",
                  attachments=[("photo.png", "image/png", png),
                               ("notes.txt", "text/plain", b"plain notes are not a supported format")])
    job = _run(session, factory, settings, now, _receive(session, req, team, now, settings, data, "referral.eml").job)
    mail, photo = _items(session, req)
    assert (mail.filename, photo.filename) == ("referral.eml", "photo.png")
    assert photo.attached_to_id == mail.id and mail.attached_to_id is None
    assert photo.document.source_media_type == "image/png" and mail.document.source_media_type == "message/rfc822"
    assert job.status == "done"
    [failed] = job.result["failed"]
    assert failed["filename"] == "notes.txt" and "attached to referral.eml" in failed["reason"]
    assert "not supported" in failed["reason"]
    assert [a["attached_to"] for a in job.result["added"]] == [None, mail.id]


@needs_office
def test_eml_with_two_attachments_converts_each_in_turn(session, factory, settings, now, team, req):
    data = ff.eml(sender="a@council.example", to="b@council.example", cc="", subject="Two files", body="Both.",
                  attachments=[("scan.tif", "image/tiff", ff.multipage_tiff([["Page one"], ["Page two"]])),
                               ("letter.rtf", "application/rtf", ff.rtf("Letter text."))])
    job = _run(session, factory, settings, now, _receive(session, req, team, now, settings, data, "two.eml").job)
    mail, tiff, letter = _items(session, req)
    assert job.result["failed"] == []
    assert tiff.attached_to_id == letter.attached_to_id == mail.id
    assert (tiff.document.page_count, letter.document.source_media_type) == (2, "application/rtf")


def test_a_zip_of_mixed_files_keeps_the_good_ones_and_names_the_bad(session, factory, settings, now, team, req):
    png = ff.text_image(["x"])
    data = ff.zip_of([("../../etc/evil/photo.png", png), ("folder/broken.png", png[:100]),
                      ("unknown.xyz", b"what is this"), ("__MACOSX/._photo.png", b"junk"), ("folder/", b"")])
    received = _receive(session, req, team, now, settings, data, "records.zip")
    assert [f["filename"] for f in received.job.params["files"]] == ["photo.png", "broken.png", "unknown.xyz"]
    job = _run(session, factory, settings, now, received.job)
    [item] = _items(session, req)
    assert item.filename == "photo.png"  # no path from inside the zip is ever used
    assert {f["filename"] for f in job.result["failed"]} == {"broken.png", "unknown.xyz"}
    assert job.status == "done" and "1 document added; 2 could not be added" in job.message


def test_a_batch_where_every_file_fails_is_a_failed_job_with_the_reasons(session, factory, settings, now, team,
                                                                        req):
    data = ff.zip_of([("a.xyz", b"one"), ("b.png", b"\x89PNG\r\n\x1a\n broken")])
    job = _run(session, factory, settings, now, _receive(session, req, team, now, settings, data, "bad.zip").job)
    assert job.status == "failed" and "a.xyz" in job.message and "b.png" in job.message
    assert _items(session, req) == []


@pytest.mark.parametrize("limit,error", [
    ("MAX_ZIP_FILES", "holds 3 files; at most 2 can be uploaded"),
    ("MAX_ZIP_TOTAL", "would unpack to"),
])
def test_unsafe_zips_are_refused_before_anything_is_stored(session, settings, now, team, req, monkeypatch, limit,
                                                           error):
    monkeypatch.setattr(conversion, limit, 2 if limit == "MAX_ZIP_FILES" else 1000)
    data = ff.zip_of([("a.png", ff.text_image(["a"])), ("b.png", ff.text_image(["b"])), ("c.png", b"x" * 2000)])
    with pytest.raises(ValidationError, match=error):
        _receive(session, req, team, now, settings, data, "many.zip")
    assert session.scalar(select(func.count()).select_from(Job)) == 0
    assert not (settings.storage_dir).exists() or not any(settings.storage_dir.rglob("*"))


def test_zip_bomb_is_refused(session, settings, now, team, req):
    data = ff.zip_of([("bomb.csv", b"0" * (50 * 1024 * 1024))])  # compresses about 1000:1
    with pytest.raises(ValidationError, match="zip bomb"):
        _receive(session, req, team, now, settings, data, "bomb.zip")
    small = ff.zip_of([("fine.csv", b"a,b\n" * 1000)])  # highly compressible but small: accepted
    assert _receive(session, req, team, now, settings, small, "fine.zip").job is not None


def test_unknown_single_file_is_refused_with_nothing_stored(session, settings, now, team, req):
    with pytest.raises(ValidationError, match=r"notes\.txt: this type of file is not supported"):
        _receive(session, req, team, now, settings, b"plain text", "notes.txt")
    with pytest.raises(ValidationError, match="empty"):
        _receive(session, req, team, now, settings, b"", "empty.docx")
    assert session.scalar(select(func.count()).select_from(Job)) == 0
    assert session.scalar(select(func.count()).select_from(BundleItem)) == 0


def test_pdf_upload_is_still_added_at_once(session, settings, now, team, req):
    received = _receive(session, req, team, now, settings, pdf_bytes("A page."), "page.pdf")
    assert received.job is None and received.item.document.source_sha256 is None


def test_same_original_again_reuses_the_first_conversion(session, factory, settings, now, team, req):
    png = ff.text_image(["Same photo"])
    _run(session, factory, settings, now, _receive(session, req, team, now, settings, png, "one.png").job)
    other = sar_request(session, settings, team, now)
    _run(session, factory, settings, now, _receive(session, other, team, now, settings, png, "two.png").job)
    assert _items(session, req)[0].document_id == _items(session, other)[0].document_id
    assert session.scalar(select(func.count()).select_from(Document)) == 1
    job = _run(session, factory, settings, now, _receive(session, req, team, now, settings, png, "again.png").job)
    assert "already in this bundle" in job.result["failed"][0]["reason"]


def test_requester_cannot_queue_conversions(session, settings, now, team, req):
    with pytest.raises(NotPermitted):
        conversion.receive_upload(session, req, ff.text_image(["x"]), "id.png", actor=team.requester, now=now,
                                  settings=settings, purpose="identity_evidence")


def test_worker_claims_conversion_jobs(session, factory, settings, now, team, req):
    received = _receive(session, req, team, now, settings, ff.text_image(["x"]), "p.png")
    session.flush()
    assert jobs.run_next_job(factory, settings=settings, now_fn=lambda: now) == received.job.id
    assert len(_items(session, req)) == 1
    assert FileStore(settings.storage_dir).exists(_items(session, req)[0].document.source_sha256)


def test_a_pdf_inside_a_zip_is_stored_as_itself_without_a_separate_original(session, factory, settings, now, team,
                                                                            req):
    data = ff.zip_of([("letter.pdf", pdf_bytes("A letter."))])
    _run(session, factory, settings, now, _receive(session, req, team, now, settings, data, "letters.zip").job)
    [item] = _items(session, req)
    assert (item.document.source_sha256, item.document.source_media_type) == (None, None)
