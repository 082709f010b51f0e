"""Redaction review: decisions with reasons and codes (rulebook §3), manual boxes, bulk entity decisions,
page marks and re-running proposals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from redaction.engine import DocumentPlan
from redaction.types import Box, Proposal
from sar.bundle import redactions
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.models import AuditEvent, PageMark, Redaction, RedactionDecision
from tests.sar._docs import PAGE_ONE, PAGE_TWO, PHONE, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def case(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    return req, item


def test_accept_and_reject_record_who_when_why(session, settings, now, team, case):
    req, item = case
    first, second, third = propose(session, settings, item, THIRD_PARTY, now=now)
    redactions.decide_redaction(session, first, "accepted", reason=None, actor=team.officer, now=now)
    assert first.status == "accepted" and first.decided_by_id == team.officer.id and first.decided_at == now
    later = now + timedelta(minutes=5)
    redactions.decide_redaction(session, second, "rejected", reason="he is the requester's own partner and "
                                "consented", actor=team.officer, now=later)
    assert second.status == "rejected" and second.decision_reason.startswith("he is")
    # Changing one's mind appends to the history; nothing is overwritten there.
    redactions.decide_redaction(session, second, "accepted", reason="consent withdrawn",
                                code="SCH3-SERIOUS-HARM", actor=team.manager, now=later)
    history = session.scalars(select(RedactionDecision).where(RedactionDecision.redaction_id == second.id)
                              .order_by(RedactionDecision.id)).all()
    assert [(d.status, d.actor_id) for d in history] == [("rejected", team.officer.id),
                                                          ("accepted", team.manager.id)]
    assert second.code == "SCH3-SERIOUS-HARM"
    audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "redaction.decide")).all()
    assert len(audit) == 3 and audit[-1].detail["to"]["code"] == "SCH3-SERIOUS-HARM"
    assert redactions.review_counts(session, req) == {"proposed": 1, "accepted": 2, "rejected": 0}
    assert [r.id for r in redactions.list_redactions(session, req, "proposed")] == [third.id]


def test_rejecting_needs_a_reason(session, settings, now, team, case):
    _, item = case
    red = propose(session, settings, item, THIRD_PARTY, now=now)[0]
    for reason in (None, "", "   "):
        with pytest.raises(ValidationError, match="reason"):
            redactions.decide_redaction(session, red, "rejected", reason=reason, actor=team.officer, now=now)
    assert red.status == "proposed"


@pytest.mark.parametrize("code, message", [("NO-SUCH-CODE", "unknown exemption code"),
                                           ("FOIA-S40-2", "cannot be used for a SAR request")])
def test_codes_must_exist_and_fit_the_regime(session, settings, now, team, case, code, message):
    _, item = case
    red = propose(session, settings, item, THIRD_PARTY, now=now)[0]
    with pytest.raises(ValidationError, match=message):
        redactions.decide_redaction(session, red, "accepted", reason=None, code=code, actor=team.officer,
                                    now=now)


def test_decisions_need_staff_and_an_editable_request(session, settings, now, team, case):
    req, item = case
    red = propose(session, settings, item, THIRD_PARTY, now=now)[0]
    with pytest.raises(NotPermitted):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.requester, now=now)
    req.status, req.released_at = "released", now
    with pytest.raises(Conflict):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    with pytest.raises(Conflict):
        redactions.mark_page(session, item, 0, "withheld", code="SCH2-P19-LPP", actor=team.officer, now=now)


def test_manual_redaction_validates_page_boxes_and_code(session, settings, now, team, case):
    _, item = case
    kwargs = {"actor": team.officer, "now": now, "settings": settings}
    with pytest.raises(ValidationError, match="page 2 does not exist"):
        redactions.add_manual_redaction(session, item, 2, [[10, 10, 50, 50]], "SCH2-P16-THIRD-PARTY", "",
                                        **kwargs)
    with pytest.raises(ValidationError, match="outside the page"):
        redactions.add_manual_redaction(session, item, 0, [[500, 800, 700, 900]], "SCH2-P16-THIRD-PARTY", "",
                                        **kwargs)
    for bad in ([], [[10, 10, 5, 50]], [[1, 2, 3]], [["a", 1, 2, 3]]):
        with pytest.raises(ValidationError):
            redactions.add_manual_redaction(session, item, 0, bad, "SCH2-P16-THIRD-PARTY", "", **kwargs)
    with pytest.raises(ValidationError, match="unknown exemption code"):
        redactions.add_manual_redaction(session, item, 0, [[10, 10, 50, 50]], "BOGUS", "", **kwargs)
    # A box over the phone number: accepted at once, the text under it recorded for verification.
    from sar.bundle import documents
    page = documents.extracted_text(settings, item).pages[0]
    start = page.text.index(PHONE)
    xs = [b for b in page.char_boxes[start:start + len(PHONE)] if b is not None]
    box = [min(b.x0 for b in xs) - 1, min(b.y0 for b in xs) - 1, max(b.x1 for b in xs) + 1,
           max(b.y1 for b in xs) + 1]
    red = redactions.add_manual_redaction(session, item, 0, [box], "SCH2-P16-THIRD-PARTY", "", **kwargs)
    assert red.status == "accepted" and red.source == "manual" and red.text == PHONE
    assert red.reason.startswith("This is information about another person")  # the code's plain reason
    assert session.scalars(select(RedactionDecision).where(RedactionDecision.redaction_id == red.id)).one()


def test_bulk_entity_decision_covers_every_occurrence(session, settings, now, team, case):
    req, item = case
    second = add_pdf(session, req, team, now, settings, f"Letter copied to {THIRD_PARTY.upper()}.",
                     filename="b.pdf")
    proposals = propose(session, settings, item, THIRD_PARTY, now=now)
    # The engine missed one occurrence on page 2 and the upper-case one in the second document.
    session.delete(proposals[-1])
    session.flush()
    n = redactions.decide_entity(session, req, "charlie  fletcher", "accepted", code="SCH2-P16-THIRD-PARTY",
                                 reason="third party", actor=team.officer, now=now, settings=settings)
    assert n == 4
    live = redactions.list_redactions(session, req)
    assert {r.status for r in live} == {"accepted"}
    bulk = [r for r in live if r.source == "bulk"]
    assert sorted((r.bundle_item_id, r.page) for r in bulk) == [(item.id, 1), (second.id, 0)]
    assert all(r.boxes and r.decided_by_id == team.officer.id for r in bulk)
    # Running it again finds nothing new to create and re-decides the same four.
    assert redactions.decide_entity(session, req, THIRD_PARTY, "accepted", code=None, reason="",
                                    actor=team.officer, now=now, settings=settings) == 4
    assert len(redactions.list_redactions(session, req)) == 4
    # Rejecting everywhere needs a reason, then applies to all of them.
    with pytest.raises(ValidationError):
        redactions.decide_entity(session, req, THIRD_PARTY, "rejected", code=None, reason="",
                                 actor=team.officer,
                                 now=now, settings=settings)
    assert redactions.decide_entity(session, req, THIRD_PARTY, "rejected", code=None, reason="consented",
                                    actor=team.officer, now=now, settings=settings) == 4
    assert {r.status for r in redactions.list_redactions(session, req)} == {"rejected"}
    with pytest.raises(ValidationError, match="not found"):
        redactions.decide_entity(session, req, "Nobody Atall", "accepted", code="SCH2-P16-THIRD-PARTY",
                                 reason="",
                                 actor=team.officer, now=now, settings=settings)


def test_page_marks(session, settings, now, team, case):
    req, item = case
    with pytest.raises(ValidationError, match="choose an exemption code"):
        redactions.mark_page(session, item, 0, "withheld", actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="does not exist"):
        redactions.mark_page(session, item, 5, "duplicate", actor=team.officer, now=now)
    with pytest.raises(ValidationError):
        redactions.mark_page(session, item, 0, "shred", actor=team.officer, now=now)
    mark = redactions.mark_page(session, item, 1, "duplicate", actor=team.officer, now=now)
    assert (mark.mark, mark.code) == ("duplicate", "DUPLICATE") and mark.reason
    # Marking the same page again updates the one row (unique per page).
    redactions.mark_page(session, item, 1, "withheld", code="SCH3-SERIOUS-HARM", reason="placement address",
                         actor=team.manager, now=now)
    rows = session.scalars(select(PageMark).where(PageMark.bundle_item_id == item.id)).all()
    assert [(r.page, r.mark, r.code, r.decided_by_id) for r in rows] == [(1, "withheld", "SCH3-SERIOUS-HARM",
                                                                         team.manager.id)]
    with pytest.raises(NotPermitted):
        redactions.mark_page(session, item, 1, "disclose", actor=team.requester, now=now)
    redactions.mark_page(session, item, 1, "disclose", actor=team.manager, now=now)
    assert [(m.mark, m.code) for m in redactions.list_page_marks(session, req)] == [("disclose", None)]
    assert len(session.scalars(select(AuditEvent).where(AuditEvent.action == "page.mark")).all()) == 3


def _plan(name, *props):
    return DocumentPlan(name, tuple(props), ())


def _proposal(page, start, text):
    return Proposal(page=page, start=start, end=start + len(text), text=text, entity_type="PERSON",
                    code="SCH2-P16-THIRD-PARTY", reason="third party", score=0.8, recognizer="test",
                    boxes=(Box(10, 10, 60, 20),))


def test_store_proposals_supersedes_undecided_and_keeps_decided(session, settings, now, team, case):
    req, item = case
    first = redactions.store_proposals(session, req, [(item, _plan("a", _proposal(0, 5, "Ann"),
                                                                    _proposal(0, 20, "Bob")))], now=now)
    assert first == {"stored": 2, "superseded": 0, "skipped_decided": 0}
    ann, bob = redactions.list_redactions(session, req)
    redactions.decide_redaction(session, ann, "rejected", reason="the requester's sister, consented",
                                actor=team.officer, now=now)
    later = now + timedelta(hours=1)
    second = redactions.store_proposals(session, req, [(item, _plan("a", _proposal(0, 5, "Ann"),
                                                                     _proposal(0, 20, "Bob")))], now=later)
    # Bob (undecided) is superseded and proposed afresh; Ann's decision stands and is not re-proposed.
    assert second == {"stored": 1, "superseded": 1, "skipped_decided": 1}
    assert session.get(Redaction, bob.id).superseded_at == later
    assert [(r.text, r.status) for r in redactions.list_redactions(session, req)] == [("Ann", "rejected"),
                                                                                       ("Bob", "proposed")]
    assert len(redactions.list_redactions(session, req, include_superseded=True)) == 3
    with pytest.raises(Conflict, match="replaced"):
        redactions.decide_redaction(session, session.get(Redaction, bob.id), "accepted", reason=None,
                                    actor=team.officer, now=later)


def test_codes_needing_a_manager_are_flagged_for_the_approver(session, settings, now, team, case):
    """Serious harm, expectations, child abuse and adoption codes (codes.py needs_manager_decision):
    the officer decides, the decision is flagged, and the approving manager confirms it by approving."""
    req, item = case
    harm = propose(session, settings, item, THIRD_PARTY, code="SCH3-SERIOUS-HARM", now=now)
    red = harm[0]
    other = propose(session, settings, item, PHONE, now=now)[0]
    assert [r.id for r in redactions.flagged_for_manager(session, req)] == [r.id for r in harm]
    redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    redactions.decide_redaction(session, other, "accepted", reason=None, code="SCH3-P21-CHILD-ABUSE",
                                actor=team.officer, now=now)
    assert {r.id for r in redactions.flagged_for_manager(session, req)} == {r.id for r in harm} | {other.id}
    with pytest.raises(NotPermitted):
        redactions.decide_redaction(session, red, "rejected", reason="x", actor=team.requester, now=now)
    assert red.status == "accepted" and red.decided_by_id == team.officer.id
