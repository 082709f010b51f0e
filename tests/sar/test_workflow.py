"""Status changes by hand (sar.workflow): never into or out of approval, and a withdrawal voids a standing
approval (rulebook §3 second-person QA, §5.1 item 6)."""

from __future__ import annotations

import pytest

from sar.bundle import redactions
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.release import approvals
from sar.workflow import approval_state, manual
from tests.sar._docs import PAGE_ONE, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def _approved(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    return req, approval


@pytest.mark.parametrize("to", ["released", "in_review"])
def test_an_approved_request_is_not_released_or_reopened_by_hand(session, settings, now, team, to):
    req, approval = _approved(session, settings, now, team)
    with pytest.raises(Conflict, match="never by hand"):
        manual.set_status_by_hand(session, req, to, actor=team.manager2, reason="skip", now=now)
    assert req.status == "approved" and approval.status == "approved"


def test_withdrawing_an_approved_request_voids_its_approval(session, settings, now, team):
    req, approval = _approved(session, settings, now, team)
    manual.set_status_by_hand(session, req, "withdrawn", actor=team.officer, reason="requester withdrew", now=now)
    assert req.status == "withdrawn" and approval.status == "voided"
    assert approval_state.standing_approval(session, req) is None
    with pytest.raises(Conflict):
        approvals.release(session, req, actor=team.officer, now=now, settings=settings)


def test_by_hand_needs_a_caseworker_a_known_status_and_a_reason(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(NotPermitted):
        manual.set_status_by_hand(session, req, "on_hold", actor=team.admin, reason="x", now=now)
    with pytest.raises(ValidationError, match="unknown status"):
        manual.set_status_by_hand(session, req, "shipped", actor=team.officer, reason="x", now=now)
    with pytest.raises(ValidationError, match="reason"):
        manual.set_status_by_hand(session, req, "on_hold", actor=team.officer, reason=" ", now=now)
    manual.set_status_by_hand(session, req, "on_hold", actor=team.officer, reason="fee asked", now=now)
    assert req.status == "on_hold"
