"""Retention: the dry-run list, legal holds, complaints, and disposal that keeps statistics and removes files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from sar.core import audit
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.core.storage import FileStore
from sar.models import AuditEvent, BundleItem, DisposalCertificate, Document, OutboxEmail, Party, ResponsePack
from sar.reports import closure, run_report
from sar.retention import TOMBSTONE, dispose, dispose_due, lift_hold, load_schedule, place_hold, review, weekly_review
from tests.factories import make_user
from tests.reports import dataset
from tests.reports.test_reports import Q1

# A was released on Fri 30 Jan 2026; FOI files are kept 2 years after closure (packaged schedule).
A_DUE = date(2028, 1, 30)
LATER = datetime(2028, 2, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def quarter(session, settings):
    q = dataset.build(session, settings)
    store = FileStore(settings.storage_dir)
    a = q.requests["A"]
    for n, data in enumerate((b"only in A's bundle", b"also in F's bundle")):
        doc = Document(sha256=store.put(data), size_bytes=len(data), page_count=1, created_at=dataset.NOW)
        session.add(doc)
        session.flush()
        session.add(BundleItem(request_id=a.id, document_id=doc.id, filename=f"named-{n}.pdf", position=n,
                               uploaded_at=dataset.NOW))
        if n == 1:
            session.add(BundleItem(request_id=q.requests["F"].id, document_id=doc.id, filename="f.pdf", position=1,
                                   uploaded_at=dataset.NOW))
    pack = store.put(b"A's released pack")
    session.add(ResponsePack(request_id=a.id, sha256=pack, size_bytes=17, manifest={"items": ["named-0.pdf"]},
                             built_at=dataset.NOW))
    session.flush()
    return q


def _refs(items):
    return {i.reference for i in items}


def test_due_only_when_the_period_has_run(session, settings, quarter):
    a = quarter.requests["A"]
    assert a.reference not in _refs(review(session, settings=settings, today=date(2028, 1, 29)))
    due = {i.reference: i for i in review(session, settings=settings, today=A_DUE)}
    assert due[a.reference].dispose_after == A_DUE and due[a.reference].rule == "foi-eir-request-file"
    # Open requests are never listed; the SAR (6 years) is not due yet.
    assert quarter.requests["F"].reference not in due and quarter.requests["D"].reference not in due


def test_disposal_keeps_statistics_and_removes_documents(session, settings, quarter):
    a = quarter.requests["A"]
    store = FileStore(settings.storage_dir)
    shas = [d.sha256 for d in session.scalars(select(Document).join(BundleItem).where(BundleItem.request_id == a.id))]
    pack_sha = session.scalar(select(ResponsePack.sha256).where(ResponsePack.request_id == a.id))
    before = run_report(session, "timeliness", Q1, actor=quarter.manager, now=dataset.NOW).table("timeliness").rows
    before_outcomes = run_report(session, "outcomes", Q1, actor=quarter.manager, now=dataset.NOW).table("outcomes")

    manager = make_user(session, "manager")
    cert = dispose(session, a, approved_by=manager, settings=settings, now=LATER)

    assert (cert.documents_removed, cert.packs_removed, cert.approved_by_id) == (1, 1, manager.id)
    assert not store.exists(shas[0]) and not store.exists(pack_sha)
    assert store.exists(shas[1])  # F, still live, uses the same bytes
    session.refresh(a)
    assert a.description == TOMBSTONE
    parties = session.scalars(select(Party).filter_by(request_id=a.id)).all()
    assert parties and all(p.name == TOMBSTONE and p.email is None for p in parties)
    assert {b.filename for b in session.scalars(select(BundleItem).filter_by(request_id=a.id))} == {TOMBSTONE}
    assert "named" not in json.dumps(cert.detail)
    after = run_report(session, "timeliness", Q1, actor=quarter.manager, now=dataset.NOW).table("timeliness").rows
    assert after == before
    assert run_report(session, "outcomes", Q1, actor=quarter.manager,
                      now=dataset.NOW).table("outcomes").rows == before_outcomes.rows
    event = session.scalars(select(AuditEvent).filter_by(action="retention.dispose", request_id=a.id)).one()
    assert event.detail["certificate"] == cert.id
    assert audit.verify(session).ok
    with pytest.raises(Conflict, match="already"):
        dispose(session, a, approved_by=manager, settings=settings, now=LATER)


def test_only_a_manager_approves_and_only_what_is_due(session, settings, quarter):
    with pytest.raises(NotPermitted):
        dispose(session, quarter.requests["A"], approved_by=quarter.officer1, settings=settings, now=LATER)
    with pytest.raises(Conflict, match="not due"):
        dispose(session, quarter.requests["A"], approved_by=quarter.manager, settings=settings,
                now=datetime(2027, 6, 1, tzinfo=UTC))
    with pytest.raises(Conflict, match="not due"):
        dispose(session, quarter.requests["F"], approved_by=quarter.manager, settings=settings, now=LATER)
    assert session.scalar(select(DisposalCertificate.id)) is None


def test_a_legal_hold_stops_disposal_until_lifted(session, settings, quarter):
    a = quarter.requests["A"]
    hold = place_hold(session, a, "pre-action letter received", actor=quarter.manager, now=LATER)
    item = next(i for i in review(session, settings=settings, today=A_DUE) if i.reference == a.reference)
    assert not item.disposable and "legal hold" in item.blocked_by
    with pytest.raises(Conflict, match="legal hold"):
        dispose(session, a, approved_by=quarter.manager, settings=settings, now=LATER)
    with pytest.raises(ValidationError):
        place_hold(session, a, "  ", actor=quarter.manager, now=LATER)
    lift_hold(session, hold, "claim settled", actor=quarter.manager, now=LATER)
    assert dispose(session, a, approved_by=quarter.manager, settings=settings, now=LATER).id


def test_a_complaint_keeps_the_file_longer(session, settings, quarter):
    a = quarter.requests["A"]
    case = closure.record_complaint(session, a, "ico_complaint", opened_on=date(2026, 3, 1),
                                    actor=quarter.officer1, now=dataset.NOW)
    pending = next(i for i in review(session, settings=settings, today=A_DUE) if i.reference == a.reference)
    assert "complaint" in pending.blocked_by
    closure.decide_complaint(session, case, "not_upheld", closed_on=date(2026, 9, 1), actor=quarter.officer1,
                             now=dataset.NOW)
    assert a.reference not in _refs(review(session, settings=settings, today=A_DUE))
    due = {i.reference: i for i in review(session, settings=settings, today=date(2032, 9, 1))}
    assert due[a.reference].dispose_after == date(2032, 9, 1)
    assert due[a.reference].rule == "linked-complaint-or-ico-case"


def test_unsent_mail_blocks_disposal(session, settings, quarter):
    a = quarter.requests["A"]
    session.add(OutboxEmail(to_addr="x@example.org", subject="s", body_text="b", request_id=a.id, created_at=LATER))
    session.flush()
    with pytest.raises(Conflict, match="waiting to be sent"):
        dispose(session, a, approved_by=quarter.manager, settings=settings, now=LATER)


def test_dispose_due_takes_only_listed_references(session, settings, quarter):
    with pytest.raises(ValidationError, match="not in today's disposal list"):
        dispose_due(session, approved_by=quarter.manager, settings=settings, now=LATER,
                    references=[quarter.requests["F"].reference])
    certs = dispose_due(session, approved_by=quarter.manager, settings=settings, now=LATER)
    # On 1 Feb 2028: A (released 30 Jan 2026) and G (withdrawn 15 Jan 2026); not C (refused 9 Feb 2026),
    # B (released 2 Mar 2026), the SARs (6 years) or open F.
    assert {c.reference for c in certs} == {quarter.requests[k].reference for k in "AG"}


def test_weekly_review_emails_managers_and_deletes_nothing(session, settings, quarter):
    sent = weekly_review(session, now=LATER, settings=settings)
    assert sent >= 1
    mail = session.scalars(select(OutboxEmail).filter_by(kind="retention_due")).first()
    assert quarter.requests["A"].reference in mail.body_text
    assert session.scalar(select(DisposalCertificate.id)) is None
    assert session.scalars(select(AuditEvent).filter_by(action="retention.review")).first() is not None
    assert weekly_review(session, now=datetime(2026, 6, 1, tzinfo=UTC), settings=settings) == 0


def test_the_schedule_is_configuration(session, settings, quarter, tmp_path):
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps({
        "rules": [{"name": "refusals-1y", "regimes": ["foi"], "outcomes": ["refused"], "years_after_closure": 1},
                  {"name": "foi-3y", "regimes": ["foi"], "years_after_closure": 3}],
        "complaint": {"name": "complaint", "years_after_complaint_closed": 6}}))
    custom = replace(settings, retention_schedule=path)
    due = _refs(review(session, settings=custom, today=date(2027, 3, 1)))
    assert due == {quarter.requests["C"].reference}  # refused 9 Feb 2026 + 1 year; A/B need 3 years
    path.write_text(json.dumps({"rules": [{"name": "x", "regimes": ["martian"], "years_after_closure": 1}],
                                "complaint": {"years_after_complaint_closed": 6}}))
    with pytest.raises(ValidationError, match="unknown"):
        load_schedule(path)
    path.write_text(json.dumps({"rules": [{"name": "x", "regimes": ["foi"], "years_after_closure": 0}],
                                "complaint": {"years_after_complaint_closed": 6}}))
    with pytest.raises(ValidationError, match="whole number"):
        load_schedule(path)


def _requester_trail(session, a, email="wil.testperson@example.net"):
    """Audit rows about ``a`` carrying the requester's name, e-mail, words, IP and browser."""
    requester = make_user(session, "requester", email=email, name="Wilhelmina Testperson")
    session.info[audit.CLIENT_INFO] = ("198.51.100.7", "TestBrowser/1.0")
    audit.record(session, "request.create", actor=requester, now=dataset.NOW, request_id=a.id, target=a.reference,
                 detail={"name": "Wilhelmina Testperson", "text": "please send my files about the quarry move"})
    audit.record(session, "request.view", actor=requester, now=dataset.NOW, request_id=a.id, target=a.reference)
    session.info.pop(audit.CLIENT_INFO)
    return requester


def test_disposal_minimises_the_audit_rows_and_the_chain_still_verifies(session, settings, quarter):
    """Issue 18: the audit events stay, with the requester's personal data gone, and `sar audit verify` passes."""
    a = quarter.requests["A"]
    _requester_trail(session, a)
    before = session.scalar(select(AuditEvent.id).where(AuditEvent.request_id == a.id).order_by(AuditEvent.id))
    cert = dispose(session, a, approved_by=make_user(session, "manager"), settings=settings, now=LATER)
    rows = session.scalars(select(AuditEvent).where(AuditEvent.request_id == a.id)).all()
    assert any(r.id == before for r in rows) and {"request.create", "request.view"} <= {r.action for r in rows}
    text_of_rows = json.dumps([[r.actor_label, r.detail, r.client_ip, r.user_agent] for r in rows])
    for personal in ("Wilhelmina", "Testperson", "wil.testperson@example.net", "quarry", "198.51.100.7",
                     "TestBrowser"):
        assert personal not in text_of_rows
    assert cert.detail["audit_rows_minimised"] >= 2 and cert.detail["audit_rows_kept_old_format"] == 0
    result = audit.verify(session)
    assert result.ok, result.problem
    assert result.minimised == cert.detail["audit_rows_minimised"]


def test_a_tampered_row_still_fails_after_minimisation(session, settings, quarter):
    a, f = quarter.requests["A"], quarter.requests["F"]
    _requester_trail(session, a)
    _requester_trail(session, f, email="other.person@example.net")
    dispose(session, a, approved_by=make_user(session, "manager"), settings=settings, now=LATER)
    assert audit.verify(session).ok
    row = session.scalars(select(AuditEvent).where(AuditEvent.request_id == f.id,
                                                   AuditEvent.action == "request.create")).one()
    row.detail = {"name": "Someone Else", "text": "please send my files about the quarry move"}
    session.flush()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == row.seq and "personal details" in result.problem
    # "Minimising" a live request's row to hide the edit is refused too: F was never disposed of.
    row = session.get(AuditEvent, row.id)  # verify() detached the rows it read
    row.minimised_at = LATER
    session.flush()
    result = audit.verify(session)
    assert not result.ok and result.first_bad_seq == row.seq and "never disposed" in result.problem
def test_disposal_blanks_the_params_and_errors_of_the_requests_jobs(session, settings, quarter):
    """Issue 11: a per-document burn-in job's params hold the document's kept text and the redacted names."""
    from sar.models import Job

    a = quarter.requests["A"]
    job = Job(kind="burn_document", request_id=a.id, status="dead", created_at=dataset.NOW, message="gave up",
              params={"kept_text": "named person lives here", "people": ["named person"]},
              last_error="named person still visible")
    session.add(job)
    session.flush()
    dispose(session, a, approved_by=make_user(session, "manager"), settings=settings, now=LATER)
    session.refresh(job)
    assert (job.params, job.last_error, job.message) == (None, None, "")
