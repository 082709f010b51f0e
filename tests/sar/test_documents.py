"""Documents: PDF-only intake, content-addressed storage, bundle order and soft removal."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from sar.bundle import documents
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.core.storage import FileStore
from sar.models import AuditEvent, Document
from tests.sar._docs import PAGE_ONE, PAGE_TWO, add_pdf, make_team, pdf_bytes, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def test_add_document_stores_once_and_appends_to_the_bundle(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    data = pdf_bytes(PAGE_ONE, PAGE_TWO)
    item = documents.add_document(session, req, data, "visit.pdf", actor=team.officer, now=now,
                                  settings=settings)
    assert item.position == 1 and item.document.page_count == 2 and item.purpose == "case_record"
    sha = hashlib.sha256(data).hexdigest()
    assert item.document.sha256 == sha
    assert FileStore(settings.storage_dir).get(sha) == data
    assert documents.document_bytes(settings, item) == data
    second = add_pdf(session, req, team, now, settings, "another page", filename="notes.pdf")
    assert second.position == 2
    assert [i.id for i in documents.list_bundle(session, req)] == [item.id, second.id]
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "document.add")
                            .order_by(AuditEvent.seq.desc())).first()
    assert event.request_id == req.id and event.detail["filename"] == "notes.pdf"


def test_same_bytes_uploaded_twice_reuse_one_document_row(session, settings, now, team):
    data = pdf_bytes(PAGE_ONE)
    first = sar_request(session, settings, team, now)
    other = sar_request(session, settings, team, now)
    a = documents.add_document(session, first, data, "a.pdf", actor=team.officer, now=now, settings=settings)
    b = documents.add_document(session, other, data, "b.pdf", actor=team.officer, now=now, settings=settings)
    assert a.document_id == b.document_id
    sha = hashlib.sha256(data).hexdigest()
    assert session.scalar(select(func.count(Document.id)).where(Document.sha256 == sha)) == 1
    # In the same bundle a second copy is refused, naming the first.
    with pytest.raises(ValidationError, match="already in this bundle"):
        documents.add_document(session, first, data, "copy.pdf", actor=team.officer, now=now,
                               settings=settings)


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"PK\x03\x04 this is a docx really", "notes.docx is not a PDF. Only PDF files are supported for now"),
    (b"%PDF-1.7\n garbage that is not a pdf", "damaged"),
])
def test_non_pdf_empty_and_corrupt_files_are_refused_with_the_file_name(session, settings, now, team, data,
                                                                        message):
    req = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match=message):
        documents.add_document(session, req, data, "notes.docx", actor=team.officer, now=now,
                               settings=settings)


def test_encrypted_pdf_is_refused(session, settings, now, team):
    import pymupdf  # test-only: build an encrypted PDF

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="u")
    req = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match="password-protected"):
        documents.add_document(session, req, data, "locked.pdf", actor=team.officer, now=now,
                               settings=settings)


def test_requester_adds_only_evidence_to_their_own_request(session, settings, now, team):
    from tests.factories import make_user

    req = sar_request(session, settings, team, now)
    with pytest.raises(NotPermitted):
        documents.add_document(session, req, pdf_bytes("x"), "x.pdf", actor=team.requester, now=now,
                               settings=settings)
    item = documents.add_document(session, req, pdf_bytes("passport"), "id.pdf", actor=team.requester, now=now,
                                  settings=settings, purpose="identity_evidence")
    assert item.purpose == "identity_evidence" and item.uploaded_by_id == team.requester.id
    with pytest.raises(NotFound):
        documents.add_document(session, req, pdf_bytes("other"), "id.pdf", actor=make_user(session, "requester"),
                               now=now, settings=settings, purpose="identity_evidence")
    with pytest.raises(ValidationError, match="unknown document purpose"):
        documents.add_document(session, req, pdf_bytes("y"), "y.pdf", actor=team.officer, now=now,
                               settings=settings, purpose="misc")


def test_reorder_must_be_a_permutation(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    a = add_pdf(session, req, team, now, settings, "one", filename="a.pdf")
    b = add_pdf(session, req, team, now, settings, "two", filename="b.pdf")
    c = add_pdf(session, req, team, now, settings, "three", filename="c.pdf")
    for bad in ([a.id, b.id], [a.id, b.id, b.id], [a.id, b.id, c.id, 999999], ["x", a.id, b.id]):
        with pytest.raises(ValidationError):
            documents.reorder_bundle(session, req, bad, actor=team.officer, now=now)
    ordered = documents.reorder_bundle(session, req, [c.id, a.id, b.id], actor=team.officer, now=now)
    assert [i.filename for i in ordered] == ["c.pdf", "a.pdf", "b.pdf"]
    assert [i.filename for i in documents.list_bundle(session, req)] == ["c.pdf", "a.pdf", "b.pdf"]


def test_remove_is_soft_needs_a_reason_and_keeps_the_file(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, "one")
    with pytest.raises(ValidationError, match="reason"):
        documents.remove_from_bundle(session, item, actor=team.officer, now=now, reason="  ")
    documents.remove_from_bundle(session, item, actor=team.officer, now=now, reason="wrong child's file")
    assert documents.list_bundle(session, req) == []
    assert documents.list_bundle(session, req, include_removed=True) == [item]
    assert item.removed_reason == "wrong child's file"
    assert FileStore(settings.storage_dir).exists(item.document.sha256)
    # Re-adding the same file after removal is allowed and appends at the end.
    again = documents.add_document(session, req, documents.document_bytes(settings, item), "one.pdf",
                                   actor=team.officer, now=now, settings=settings)
    assert again.position == 2 and again.document_id == item.document_id


def test_bundle_cannot_change_after_release(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    req.status = "closed"
    with pytest.raises(Conflict, match="can no longer change"):
        add_pdf(session, req, team, now, settings, "late page")


def test_page_images_and_sizes_for_the_review_screen(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    assert documents.page_png(settings, item, 1, zoom=0.5).startswith(b"\x89PNG")
    assert documents.page_size(settings, item, 0) == (595.0, 842.0)
    with pytest.raises(NotFound):
        documents.page_png(settings, item, 2)
    text = documents.extracted_text(settings, item)
    assert "Charlie Fletcher" in text.pages[0].text
    assert documents.extracted_text(settings, item) is text  # cached per document
