"""The checks before disclosing to an agency, and the Guardian legal-advice rule (issue 14, rulebook §1.4, T-5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sar.bundle import redactions
from sar.confidentiality import access, agency, gate, register
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.models import AuditEvent
from sar.release import approvals
from tests.factories import make_user
from tests.sar._docs import PAGE_ONE, add_pdf, make_team, propose, sar_request

LEGAL = "Legal advice\nCounsel advised that the threshold is met.\n"


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def police(session, settings, now, team):
    """A police request made by telephone, with the production order in its bundle."""
    req = sar_request(session, settings, team, now, owner=False, regime="third-party")
    req.requester_type, req.channel = "police", "phone"
    order = add_pdf(session, req, team, now, settings, "Production order\n", filename="order.pdf")
    return req, order


def _core(session, req, order, who, now):
    agency.record_check(session, req, "entitlement", how="production order under PACE Sch 1", actor=who, now=now,
                        evidence_item_id=order.id)
    agency.record_check(session, req, "identity", how="called back through the force switchboard", actor=who,
                        now=now)
    agency.record_check(session, req, "ethics", how="secure e-mail; officer confirmed handling", actor=who, now=now)
    agency.record_check(session, req, "minimum_necessary", how="only the 2024 contact notes", actor=who, now=now)


def test_the_checklist_applies_to_agencies_only(session, settings, now, team, police):
    req, _ = police
    state = agency.checklist(session, req)
    assert state.applies and state.manager_needed
    assert state.missing == ["entitlement", "identity", "ethics", "minimum_necessary", "subject_told",
                             "manager_approval"]
    own = sar_request(session, settings, team, now)
    assert not agency.checklist(session, own).applies and not gate.blockers(session, own)


def test_every_item_is_recorded_with_who_and_how_and_a_phone_request_needs_a_manager(session, now, team, police):
    req, order = police
    with pytest.raises(ValidationError, match="copy of the statutory power"):
        agency.record_check(session, req, "entitlement", how="officer said so", actor=team.officer, now=now)
    _core(session, req, order, team.officer, now)
    assert gate.blockers(session, req, step="submitted") == []  # nothing is handed over on submission
    assert any("data subject" in b for b in gate.blockers(session, req, step="approved"))
    agency.record_check(session, req, "subject_not_told", how="telling him would prejudice the investigation",
                        actor=team.officer, now=now)
    blocking = gate.blockers(session, req, step="approved")
    assert len(blocking) == 1 and "Team Manager" in blocking[0]
    with pytest.raises(NotPermitted):
        agency.record_check(session, req, "manager_approval", how="approved", actor=team.officer, now=now)
    agency.record_check(session, req, "manager_approval", how="identity and order checked", actor=team.manager,
                        now=now)
    assert gate.blockers(session, req, step="released") == []
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "agency_check.record")).all()
    assert {e.detail["item"] for e in events} >= {"entitlement", "identity", "manager_approval"}


def test_a_written_request_needs_a_manager_only_when_there_is_doubt(session, now, team, police):
    req, order = police
    req.channel = "letter"
    _core(session, req, order, team.officer, now)
    agency.record_check(session, req, "subject_told", how="letter sent to the subject", actor=team.officer, now=now)
    assert gate.blockers(session, req, step="approved") == []
    agency.record_check(session, req, "identity", how="letterhead differs from the force's", actor=team.officer,
                        now=now, doubt=True)
    assert any("Team Manager" in b for b in gate.blockers(session, req, step="approved"))


@pytest.mark.parametrize(("requester_type", "decision", "blocked"), [
    ("childrens_guardian", "rejected", True),
    ("childrens_guardian", "accepted", False),
    ("police", "rejected", False),
])
def test_legal_advice_is_never_disclosed_to_a_childrens_guardian(session, settings, now, team, requester_type,
                                                                 decision, blocked):
    req = sar_request(session, settings, team, now, owner=False, regime="sar")
    req.requester_type = requester_type
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, LEGAL)
    for red in propose(session, settings, item, "Counsel advised that the threshold is met.", now=now,
                       code="SCH2-P19-LPP"):
        red.entity_type = "LEGAL_ADVICE"
        redactions.decide_redaction(session, red, decision, now=now, actor=team.officer,
                                    reason="reviewer's choice" if decision == "rejected" else None)
    found = [b for b in gate.blockers(session, req) if "Children's Guardian" in b]
    assert bool(found) is blocked


def test_an_agency_release_is_noted_in_the_register_and_confirmed_in_writing(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    req.requester_type, req.channel = "police", "letter"
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    order = add_pdf(session, req, team, now, settings, "Production order\n", filename="order.pdf")
    for red in propose(session, settings, item, "Charlie Fletcher", now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(Conflict, match="agency checklist"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now,
                          comments="checked every page")
    _core(session, req, order, team.officer, now)
    agency.record_check(session, req, "subject_told", how="letter to the subject", actor=team.officer, now=now)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now,
                      comments="checked every page")
    approvals.release(session, req, actor=team.officer, now=now, settings=settings)
    rows = register.search(session, actor=team.officer, now=now, person="Brandon")
    assert [r.request_id for r in rows] == [req.id]
    row = rows[0]
    assert row.power == "production order under PACE Sch 1" and row.pack_sha256 == approval.pack_sha256
    assert "Confirmation of disclosure" in row.confirmation_text
    assert "called back through the force switchboard" in row.confirmation_text
    assert register.search(session, actor=team.officer, now=now, person="Nobody Else") == []
    assert register.search(session, actor=team.officer, now=now, agency_name=row.recipient[:4]) == rows
    # A staff member without need to know finds nothing in the register either.
    team_row = access.create_team(session, "Other team", actor=team.manager, now=now)
    access.set_team(session, req, team_row, actor=team.manager, now=now)
    outsider = make_user(session, "officer")
    assert register.search(session, actor=outsider, now=now, person="Brandon") == []


def test_a_non_agency_release_is_not_in_the_register(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    for red in propose(session, settings, item, "Charlie Fletcher", now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now, comments="ok")
    approvals.release(session, req, actor=team.officer, now=now, settings=settings)
    assert register.search(session, actor=team.officer, now=now) == []


def test_a_decision_that_hands_over_no_record_needs_no_agency_checklist(session, settings, now, team):
    """The seed's checks guard a disclosure: with no case-record document in the bundle nothing is handed over."""
    from sar.confidentiality import gate
    from sar.intake.requests import open_request  # noqa: F401  (the factory below opens through it)
    from tests.sar._docs import add_pdf, sar_request

    req = sar_request(session, settings, team, now, regime="third-party")
    assert not any(b.startswith("agency checklist") for b in gate.blockers(session, req, step="approved"))
    add_pdf(session, req, team, now, settings, "A case note.")
    assert any(b.startswith("agency checklist") for b in gate.blockers(session, req, step="approved"))
