"""Parties after intake: adding and correcting people, evidence statuses (rulebook T-4, G-2), audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sar.bundle import jobs, redactions
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.intake import parties
from sar.models import AuditEvent, ClockEvent
from sar.release import approvals
from sar.workflow import approval_state
from sar.workflow.transitions import transition
from tests.factories import make_request, make_user
from tests.sar._docs import PAGE_ONE, THIRD_PARTY, add_pdf, make_team, pdf_bytes, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def _events(session, action):
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)))


def test_staff_add_a_third_party_and_the_engine_context_gets_the_decision(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    party = parties.add_party(session, req, role="third_party", name="  Charlie   Fletcher ",
                              relationship="mother's partner", disclose=False, phone="07585 830901",
                              actor=team.officer, now=now)
    assert party.name == "Charlie Fletcher" and party.role == "third_party" and party.disclose is False
    assert party in req.parties
    context = jobs.proposal_context(session, req)
    assert [(p.name, p.relationship, p.decision) for p in context.parties if p.name == "Charlie Fletcher"] == [
        ("Charlie Fletcher", "mother's partner", "redact")]
    event = _events(session, "party.add")[-1]
    assert event.request_id == req.id and event.target == f"party:{party.id}"
    assert event.detail["role"] == "third_party" and event.detail["disclose"] is False
    assert event.actor_id == team.officer.id


@pytest.mark.parametrize("kwargs, message", [
    ({"role": "requester", "name": "X"}, "must be one of"),
    ({"role": "owner", "name": "X"}, "must be one of"),
    ({"role": "third_party", "name": "   "}, "name is required"),
    ({"role": "third_party", "name": "X" * 201, "relationship": "aunt"}, "too long"),
    ({"role": "third_party", "name": "Pat Neighbour"}, "related to the subject"),
    ({"role": "third_party", "name": "brandon wells", "relationship": "self"}, "is the data subject"),
    ({"role": "representative", "name": "Sol Icitor"}, "capacity"),
    ({"role": "representative", "name": "Sol Icitor", "capacity": "solicitor", "disclose": True},
     "only a third party"),
    ({"role": "data_subject", "name": "Another Child"}, "already has a data subject"),
    ({"role": "third_party", "name": "Pat", "relationship": "aunt", "email": "not-an-email"},
     "not an e-mail address"),
    ({"role": "third_party", "name": "Pat", "relationship": "aunt", "dob": date(2099, 1, 1)}, "future"),
    ({"role": "third_party", "name": "Pat", "relationship": "aunt", "aliases": "Patty"}, "as a list"),
])
def test_add_party_refuses_bad_input_with_a_clear_message(session, settings, now, team, kwargs, message):
    req = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match=message):
        parties.add_party(session, req, actor=team.officer, now=now, **kwargs)


def test_a_third_party_cannot_be_added_twice(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    parties.add_party(session, req, role="third_party", name="Pat Neighbour", relationship="neighbour",
                      actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="already a third party"):
        parties.add_party(session, req, role="third_party", name="PAT NEIGHBOUR", relationship="neighbour",
                          actor=team.officer, now=now)


def test_only_staff_add_or_change_parties(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(NotPermitted):
        parties.add_party(session, req, role="third_party", name="Pat", relationship="aunt",
                          actor=team.requester, now=now)
    with pytest.raises(NotPermitted):
        parties.update_party(session, req.party("data_subject"), actor=team.requester, now=now, aliases=["B"])


def test_data_subject_added_when_none_and_representative_needs_authority(session, settings, now, team):
    req = make_request(session, settings, actor=team.officer, regime="foi", requester_name="Press Desk",
                       description="How many social workers do you employ?")
    assert req.party("data_subject") is None
    subject = parties.add_party(session, req, role="data_subject", name="Sam Child", dob=date(2014, 5, 6),
                                aliases=["Sammy", "sammy", "Sam Jones"], identifiers=["943 476 5919"],
                                actor=team.officer, now=now)
    assert subject.aliases == ["Sammy", "Sam Jones"] and subject.identifiers == ["943 476 5919"]
    rep = parties.add_party(session, req, role="representative", name="Sol Icitor", capacity="solicitor",
                            email="sol@example.org", actor=team.officer, now=now)
    assert rep.authority_status == "requested" and "T-4" in rep.authority_note


def test_update_party_changes_aliases_and_decision_and_audits_old_and_new(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    subject = req.party("data_subject")
    parties.update_party(session, subject, actor=team.officer, now=now, aliases=["Bran", "B. Wells"],
                         identifiers=["CR-1234"])
    context = jobs.proposal_context(session, req)
    assert context.subject.aliases == ("Bran", "B. Wells") and context.subject.identifiers == ("CR-1234",)
    tp = parties.add_party(session, req, role="third_party", name=THIRD_PARTY, relationship="partner",
                           actor=team.officer, now=now)
    parties.update_party(session, tp, actor=team.officer, now=now, disclose=True)
    assert tp.disclose is True
    event = _events(session, "party.update")[-1]
    assert event.detail["changes"] == {"disclose": [False, True]}
    before = len(_events(session, "party.update"))
    parties.update_party(session, tp, actor=team.officer, now=now, disclose=True)  # no change, no event
    assert len(_events(session, "party.update")) == before


@pytest.mark.parametrize("changes, message", [
    ({"role": "requester"}, "cannot change role"),
    ({"authority_status": "verified"}, "cannot change authority_status"),
    ({"name": ""}, "name is required"),
    ({"relationship": ""}, "relationship to the subject is required"),
    ({"disclose": "yes"}, "yes or no"),
])
def test_update_party_refuses_bad_changes(session, settings, now, team, changes, message):
    req = sar_request(session, settings, team, now)
    tp = parties.add_party(session, req, role="third_party", name="Pat", relationship="aunt",
                           actor=team.officer, now=now)
    with pytest.raises(ValidationError, match=message):
        parties.update_party(session, tp, actor=team.officer, now=now, **changes)


def test_disclose_decision_only_for_third_parties(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match="only a third party"):
        parties.update_party(session, req.party("data_subject"), actor=team.officer, now=now, disclose=True)


def _approved(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    assert req.status == "approved"
    return req, approval


def test_a_party_change_voids_the_standing_approval(session, settings, now, team):
    req, approval = _approved(session, settings, now, team)
    parties.add_party(session, req, role="third_party", name=THIRD_PARTY, relationship="mother's partner",
                      actor=team.officer, now=now)
    assert approval.status == "voided" and "third party Charlie Fletcher added" in approval.void_reason
    assert req.status == "in_review"
    assert approval_state.standing_approval(session, req) is None


def test_a_decision_change_voids_the_standing_approval(session, settings, now, team):
    req, approval = _approved(session, settings, now, team)
    subject = req.party("data_subject")
    parties.update_party(session, subject, actor=team.officer, now=now, aliases=["Bran"])
    assert approval.status == "voided" and "aliases" in approval.void_reason
    assert req.status == "in_review"


def test_parties_cannot_change_once_the_request_is_finished(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    transition(session, req, "withdrawn", actor=team.officer, reason="withdrawn by phone", now=now)
    with pytest.raises(Conflict):
        parties.add_party(session, req, role="third_party", name="Pat", relationship="aunt",
                          actor=team.officer, now=now)
    with pytest.raises(Conflict):
        parties.record_evidence(session, req.party("requester"), "identity", "requested", actor=team.officer,
                                now=now)


def test_evidence_status_moves_follow_the_table_and_are_audited(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    requester = req.party("requester")
    assert requester.identity_status == "not_required"
    parties.record_evidence(session, requester, "identity", "requested", note="two documents needed",
                            actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="can move only to"):
        parties.record_evidence(session, requester, "identity", "verified", actor=team.officer, now=now)
    parties.record_evidence(session, requester, "identity", "received", actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="already received"):
        parties.record_evidence(session, requester, "identity", "received", actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="why"):
        parties.record_evidence(session, requester, "identity", "rejected", note=" ", actor=team.officer, now=now)
    parties.record_evidence(session, requester, "identity", "rejected", note="photo does not match",
                            actor=team.officer, now=now)
    assert requester.identity_status == "rejected"
    assert parties.evidence_notes(session, req)[(requester.id, "identity")] == "photo does not match"
    events = _events(session, "party.evidence")
    assert [(e.detail["from"], e.detail["to"]) for e in events] == [
        ("not_required", "requested"), ("requested", "received"), ("received", "rejected")]
    with pytest.raises(ValidationError, match="unknown evidence kind"):
        parties.record_evidence(session, requester, "fee", "received", actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="unknown evidence status"):
        parties.record_evidence(session, requester, "identity", "lost", actor=team.officer, now=now)
    # G-2: the officer records the clock event; evidence statuses never do.
    assert session.scalars(select(ClockEvent).where(ClockEvent.request_id == req.id)).first() is None


def test_authority_rejection_keeps_the_note_and_voids_an_approval(session, settings, now, team):
    req, approval = _approved(session, settings, now, team)
    rep = parties.add_party(session, req, role="representative", name="Sol Icitor", capacity="solicitor",
                            actor=team.officer, now=now)  # voids the approval already
    parties.record_evidence(session, rep, "authority", "received", actor=team.officer, now=now)
    parties.record_evidence(session, rep, "authority", "rejected", note="signature missing", actor=team.officer,
                            now=now)
    assert rep.authority_status == "rejected" and rep.authority_note == "signature missing"
    assert approval.status == "voided"


def test_verified_and_rejected_need_staff(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    requester = req.party("requester")
    for status in ("verified", "rejected", "requested", "not_required"):
        with pytest.raises(NotPermitted):
            parties.record_evidence(session, requester, "identity", status, note="x", actor=team.requester, now=now)
    parties.record_evidence(session, requester, "identity", "received", actor=team.requester, now=now)
    parties.record_evidence(session, requester, "identity", "verified", actor=team.manager, now=now)
    assert requester.identity_status == "verified"


def test_requester_attaches_evidence_to_own_request_and_it_is_marked_received(session, settings, now, team):
    req = make_request(session, settings, owner=team.requester, requester_name=team.requester.name,
                       requester_email=team.requester.email, subject_name="Sam Child",
                       description="I am Sam's mother and have parental responsibility. Please send me "
                                   "Sam's social care records.")
    item = parties.attach_evidence(session, req, pdf_bytes("Passport of the parent"), "passport.pdf", "identity",
                                   actor=team.requester, now=now, settings=settings)
    assert item.purpose == "identity_evidence" and item.filename == "passport.pdf"
    requester = req.party("requester")
    assert requester.identity_status == "received" and requester.identity_document_id == item.document_id
    order = parties.attach_evidence(session, req, pdf_bytes("Child arrangements order"), "order.pdf", "authority",
                                    actor=team.requester, now=now, settings=settings)
    holder = parties.evidence_party(req, "authority")
    assert order.purpose == "authority_evidence"
    assert holder.authority_status == "received" and holder.authority_document_id == order.document_id
    with pytest.raises(ValidationError, match="is not a PDF"):
        parties.attach_evidence(session, req, b"GIF89a", "photo.gif", "identity", actor=team.requester, now=now,
                                settings=settings)


def test_requester_cannot_attach_evidence_to_someone_elses_request(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    stranger = make_user(session, "requester")
    with pytest.raises(NotFound):
        parties.attach_evidence(session, req, pdf_bytes("my passport"), "passport.pdf", "identity",
                                actor=stranger, now=now, settings=settings)
    assert req.party("requester").identity_status == "not_required"
    with pytest.raises(NotFound):
        parties.get_party(session, req, req.party("requester").id, actor=stranger)


def test_staff_attach_evidence_for_a_chosen_party(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    rep = parties.add_party(session, req, role="representative", name="Sol Icitor", capacity="solicitor",
                            actor=team.officer, now=now)
    item = parties.attach_evidence(session, req, pdf_bytes("Signed authority"), "authority.pdf", "authority",
                                   actor=team.officer, now=now, settings=settings, party=rep)
    assert rep.authority_status == "received" and rep.authority_document_id == item.document_id
    other = sar_request(session, settings, team, now)
    with pytest.raises(NotFound):
        parties.attach_evidence(session, other, pdf_bytes("x"), "x.pdf", "identity", actor=team.officer, now=now,
                                settings=settings, party=rep)
