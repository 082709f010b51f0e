"""Entitlement before release (rulebook G-2, T-4; §1.4/T-5): nothing goes to a manager, let alone out,
while the requester's identity or a representative's authority is unverified, and letters claim only
what was verified."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from redaction import pdf
from sar.core.errors import Conflict, NotFound, NotPermitted
from sar.core.storage import FileStore
from sar.intake import parties
from sar.intake import requests as req_uc
from sar.models import AuditEvent
from sar.release import approvals, entitlement
from sar.release.packs import pack_files
from sar.workflow.transitions import transition
from tests.sar._docs import add_pdf, make_team, pdf_bytes

PARENT_TEXT = "I am the mother of Riley Example and I want a copy of his social care records."
AGENCY_TEXT = ("We request disclosure of records about the child for a criminal investigation under "
               "Schedule 2 paragraph 2.")


@pytest.fixture
def team(session):
    return make_team(session)

#: The data subject's recorded age in these tests (an adult: the child gate is tested elsewhere).
ADULT_SUBJECT_AGE = 19


def _open(session, settings, team, now, *, text=PARENT_TEXT, requester="Jordan Example", subject="Riley Example",
          rtype="parent", channel="letter", regime=None):
    req = req_uc.open_request(
        session, actor=team.officer, now=now, settings=settings, description=text,
        requester=req_uc.PersonIn(name=requester, email="jordan@example.org", type=rtype),
        subject=req_uc.PersonIn(name=subject) if subject else None, channel=channel, regime=regime)
    transition(session, req, "in_progress", actor=team.officer, reason="started", now=now)
    add_pdf(session, req, team, now, settings, "Visit record.\nRiley Example was seen at home.\n")
    if subject and req.party("data_subject") is not None:
        # An adult subject: with no age recorded a parent's request fails closed at the child gate (T-4),
        # which tests/sar/test_child_evidence.py covers.
        parties.update_party(session, req.party("data_subject"), age=ADULT_SUBJECT_AGE, actor=team.officer, now=now)
    return req


def _verify(session, settings, team, now, req, party, kind):
    parties.attach_evidence(session, req, pdf_bytes(f"{kind} evidence for {party.name}"), f"{kind}.pdf", kind,
                            actor=team.officer, now=now, settings=settings, party=party)
    parties.record_evidence(session, party, kind, "verified", note="checked against the original", actor=team.officer,
                            now=now)


def _submit(session, settings, team, now, req):
    return approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)


def test_parent_with_authority_only_requested_cannot_submit(session, settings, now, team):
    req = _open(session, settings, team, now)
    rep = req.party("representative")
    assert rep is not None and rep.capacity == "parent" and rep.authority_status == "requested"
    with pytest.raises(Conflict, match="authority of Jordan Example to act as parent is requested"):
        _submit(session, settings, team, now, req)
    assert req.status == "in_progress"


@pytest.mark.parametrize("status", ["received", "rejected", "not_required"])
def test_authority_received_rejected_or_waived_is_not_enough(session, settings, now, team, status):
    req = _open(session, settings, team, now)
    rep = req.party("representative")
    if status in ("received", "rejected"):
        parties.attach_evidence(session, req, pdf_bytes("a letter"), "pr.pdf", "authority", actor=team.officer,
                                now=now, settings=settings, party=rep)
    if status != "received":
        parties.record_evidence(session, rep, "authority", status, note="not adequate", actor=team.officer, now=now)
    with pytest.raises(Conflict, match=f"is {status.replace('_', ' ')}, not verified"):
        _submit(session, settings, team, now, req)


def test_verified_authority_submits_and_the_letter_says_what_was_verified(session, settings, now, team):
    req = _open(session, settings, team, now)
    later = now + timedelta(days=3)
    _verify(session, settings, team, later, req, req.party("representative"), "authority")
    approval = _submit(session, settings, team, later, req)
    letter = _letter_text(approval, settings, req)
    assert "as their parent" in letter
    assert "We verified your authority to do so on 5 March 2026, from evidence of parental responsibility" in letter
    assert "we have seen your authority" not in letter


def _letter_text(approval, settings, req) -> str:
    data = pack_files(FileStore(settings.storage_dir).get(approval.pack_sha256))[f"{req.reference}-cover-letter.pdf"]
    return " ".join(" ".join(p.text for p in pdf.extract(data, "letter.pdf", ocr=False).pages).split())


def test_requester_naming_someone_else_is_always_a_representative(session, settings, now, team):
    """No capacity recognised by the triage: still a representative whose authority is needed (T-4)."""
    req = _open(session, settings, team, now, text="Please send me a copy of the social care file.", rtype=None,
                regime="sar")
    rep = req.party("representative")
    assert rep is not None and rep.name == "Jordan Example" and rep.authority_status == "requested"
    assert rep.capacity == entitlement.UNSTATED_CAPACITY
    with pytest.raises(Conflict, match="authority of Jordan Example"):
        _submit(session, settings, team, now, req)


def test_subject_changed_to_someone_else_needs_a_representative(session, settings, now, team):
    req = _open(session, settings, team, now, text="Please send me a copy of my social care file.", rtype=None,
                subject=None)
    assert req.party("representative") is None
    parties.update_party(session, req.party("data_subject"), name="Riley Example", age=ADULT_SUBJECT_AGE,
                         actor=team.officer, now=now)
    with pytest.raises(Conflict, match="Jordan Example is not the data subject"):
        _submit(session, settings, team, now, req)
    rep = parties.add_party(session, req, role="representative", name="Jordan Example", capacity="parent",
                            actor=team.officer, now=now)
    _verify(session, settings, team, now, req, rep, "authority")
    assert _submit(session, settings, team, now, req).status == "pending"


def test_own_request_with_identity_not_asked_for_submits(session, settings, now, team):
    """G-2: identity is asked for only on reasonable doubt; nobody asked, nothing blocks."""
    req = _open(session, settings, team, now, text="Please send me a copy of my social care file.", rtype=None,
                subject=None)
    assert _submit(session, settings, team, now, req).status == "pending"


def test_identity_asked_for_must_be_verified(session, settings, now, team):
    req = _open(session, settings, team, now, text="Please send me a copy of my social care file.", rtype=None,
                subject=None)
    me = req.party("requester")
    parties.record_evidence(session, me, "identity", "requested", actor=team.officer, now=now)
    with pytest.raises(Conflict, match="identity of Jordan Example \\(requester\\) is requested"):
        _submit(session, settings, team, now, req)
    _verify(session, settings, team, now, req, me, "identity")
    approval = _submit(session, settings, team, now, req)
    assert approval.status == "pending"
    assert "We confirmed your identity on 2 March 2026" in _letter_text(approval, settings, req)


def test_foi_needs_no_identity(session, settings, now, team):
    req = _open(session, settings, team, now, text="How much did the council spend on agency social workers?",
                rtype=None, subject=None, regime="foi")
    parties.record_evidence(session, req.party("requester"), "identity", "requested", actor=team.officer, now=now)
    assert _submit(session, settings, team, now, req).status == "pending"


@pytest.mark.parametrize("channel", ["phone", "email"])
def test_agency_request_by_phone_or_email_opens_an_identity_check(session, settings, now, team, channel):
    req = _open(session, settings, team, now, text=AGENCY_TEXT, requester="DC Sam Example", subject=None,
                rtype="police", channel=channel)
    assert req.regime == "third-party"
    agency = req.party("requester")
    assert agency.identity_status == "requested"
    assert parties.evidence_notes(session, req)[(agency.id, "identity")] == entitlement.AGENCY_CHECK_NOTE
    with pytest.raises(Conflict, match="established without doubt"):
        _submit(session, settings, team, now, req)
    # Waiving it is not verifying it.
    parties.record_evidence(session, agency, "identity", "not_required", actor=team.officer, now=now)
    with pytest.raises(Conflict, match="established without doubt"):
        _submit(session, settings, team, now, req)
    _verify(session, settings, team, now, req, agency, "identity")
    assert _submit(session, settings, team, now, req).status == "pending"


def test_agency_request_by_letter_has_no_automatic_check(session, settings, now, team):
    req = _open(session, settings, team, now, text=AGENCY_TEXT, requester="DC Sam Example", subject=None,
                rtype="police", channel="letter")
    assert req.party("requester").identity_status == "not_required"
    assert _submit(session, settings, team, now, req).status == "pending"


def test_verifications_name_who_when_and_which_document(session, settings, now, team):
    req = _open(session, settings, team, now)
    rep = req.party("representative")
    assert entitlement.verifications(session, req) == []
    _verify(session, settings, team, now, req, rep, "authority")
    [found] = entitlement.verifications(session, req)
    assert (found.kind, found.party_id, found.by_id, found.at) == ("authority", rep.id, team.officer.id, now)
    assert found.document_id == rep.authority_document_id is not None
    assert found.note == "checked against the original"
    # Going back to requested withdraws the verification.
    parties.record_evidence(session, rep, "authority", "requested", actor=team.officer, now=now)
    assert entitlement.verifications(session, req) == []


def test_withdrawing_a_verification_voids_the_approval_and_blocks_release(session, settings, now, team):
    req = _open(session, settings, team, now)
    rep = req.party("representative")
    _verify(session, settings, team, now, req, rep, "authority")
    approval = _submit(session, settings, team, now, req)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    parties.record_evidence(session, rep, "authority", "requested", note="signature doubtful", actor=team.officer,
                            now=now)
    assert approval.status == "voided" and req.status == "in_review"
    with pytest.raises(Conflict):
        approvals.release(session, req, actor=team.officer, now=now, settings=settings)


def test_evidence_documents_open_for_caseworkers_only_and_the_read_is_audited(session, settings, now, team):
    req = _open(session, settings, team, now)
    rep = req.party("representative")
    with pytest.raises(NotFound, match="no authority document"):
        parties.open_evidence(session, req, rep, "authority", actor=team.officer, now=now, settings=settings)
    parties.attach_evidence(session, req, pdf_bytes("Order of the court"), "order.pdf", "authority",
                            actor=team.officer, now=now, settings=settings, party=rep)
    for who in (team.officer, team.manager):
        item, data = parties.open_evidence(session, req, rep, "authority", actor=who, now=now, settings=settings)
        assert data.startswith(b"%PDF") and item.purpose == "authority_evidence"
    for who in (team.admin, team.requester):
        with pytest.raises(NotPermitted):
            parties.open_evidence(session, req, rep, "authority", actor=who, now=now, settings=settings)
    reads = session.scalars(select(AuditEvent).where(AuditEvent.action == "evidence.view",
                                                     AuditEvent.request_id == req.id)).all()
    assert [r.actor_id for r in reads] == [team.officer.id, team.manager.id]


def test_letters_mention_identity_only_once_it_was_verified(session, settings, now, team):
    req = _open(session, settings, team, now, text=AGENCY_TEXT, requester="DC Sam Example", subject=None,
                rtype="police", channel="phone")
    _verify(session, settings, team, now, req, req.party("requester"), "identity")
    letter = _letter_text(_submit(session, settings, team, now, req), settings, req)
    assert "We established your identity and that of your organisation on 2 March 2026" in letter

    own = _open(session, settings, team, now, text="Please send me a copy of my social care file.", rtype=None,
                subject=None)
    letter = _letter_text(_submit(session, settings, team, now, own), settings, own)
    assert "confirmed your identity" not in letter and "authority to do so" not in letter
