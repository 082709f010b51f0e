"""Stage letters and requester replies (issue 13): each letter logged, its clock event recorded, and
the requester's portal reply restarting the clock as the rulebook says."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.intake import clock, linked_cases, replies, stage_letters
from sar.models import ClockEvent, Letter, OutboxEmail
from sar.release import approvals, closure, correspondence, outcomes
from tests.factories import make_user
from tests.sar._docs import make_team, pdf_bytes, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def _events(req):
    return [(e.kind, e.occurred_on) for e in req.clock_events if e.voided_at is None]


@pytest.mark.parametrize("regime", ["foi", "eir", "sar", "third-party"])
def test_acknowledgement_is_one_text_per_regime_without_internal_text(session, settings, now, team, regime):
    req = sar_request(session, settings, team, now, regime=regime)
    letter = stage_letters.send(session, req, "acknowledgement", actor=team.officer, now=now, settings=settings)
    text = letter.body_text
    for internal in ("VERIFY", "rulebook", "target", "outer limit", "time in care", "G-2", "F-1"):
        assert internal not in text
    assert ("Freedom of Information" in text) == (regime == "foi")
    assert ("Environmental Information" in text) == (regime == "eir")
    assert ("General Data Protection" in text) == (regime == "sar")
    assert letter.clock_event_id is None and letter.email_id is not None
    email = session.get(OutboxEmail, letter.email_id)
    assert email.to_addr == "brandon@example.org" and email.body_text.strip() == text.strip()


def test_id_request_stops_the_sar_clock_and_the_portal_upload_restarts_it(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    due_before = req.due_on
    assert req.party("requester").identity_status == "not_required"
    letter = stage_letters.send(session, req, "id_request", actor=team.officer, now=now, settings=settings,
                                fields={"what_we_need": "A copy of your passport or driving licence."})
    assert letter.clock_event_id is not None and req.status == "awaiting_verification"
    # Having asked, the council must verify it before releasing anything (G-2, T-4).
    assert req.party("requester").identity_status == "requested"
    assert _events(req) == [("id_requested", now.date())]
    assert [w["kind"] for w in replies.waiting_for(req)] == ["id_requested"]
    later = now + timedelta(days=10)
    message = replies.reply(session, req, actor=team.requester, now=later, settings=settings,
                            uploads=[replies.Upload("passport.pdf", pdf_bytes("passport"), "identity")])
    # G-2: the month runs again from the receipt of the ID.
    assert ("id_received", later.date()) in _events(req) and req.status == "in_progress"
    assert req.due_on > due_before and req.due_on == date(2026, 4, 13)
    assert message.item_ids and req.party("requester").identity_status == "received"
    assert replies.waiting_for(req) == []
    with pytest.raises(Conflict, match="identity"):
        outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=later,
                               settings=settings, reasons="Repeated.")
        outcomes.submit_outcome(session, req, actor=team.officer, now=later, settings=settings)


def test_clarification_reply_restarts_the_foi_clock(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    stage_letters.send(session, req, "clarification", actor=team.officer, now=now, settings=settings,
                       fields={"question": "Which years do you want?"})
    assert req.status == "on_hold"
    later = now + timedelta(days=7)
    replies.reply(session, req, actor=team.requester, now=later, settings=settings, body="2024 and 2025 please.")
    assert ("clarification_received", later.date()) in _events(req) and req.status == "in_progress"
    # F-4: the clarified request is a new request; 20 working days from the reply (Mon 9 March), not
    # counting St Patrick's Day (C2: UK-wide), Good Friday or Easter Monday.
    assert req.due_on == date(2026, 4, 9)


def test_a_reply_with_nothing_asked_moves_no_clock(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    due = req.due_on
    replies.reply(session, req, actor=team.requester, now=now, settings=settings, body="Any news?")
    assert _events(req) == [] and req.due_on == due
    with pytest.raises(ValidationError, match="does not answer"):
        clock.record_reply_event(session, req, "fee_paid", now.date(), actor=team.requester, now=now,
                                 settings=settings, reason="x")


def test_fee_notice_accepted_through_the_portal(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    stage_letters.send(session, req, "fee_notice", actor=team.officer, now=now, settings=settings,
                       fields={"amount": "£12.40", "fee_basis": "Photocopying and postage of 124 pages."})
    replies.reply(session, req, actor=team.requester, now=now + timedelta(days=3), settings=settings,
                  accept_fee=True)
    assert [k for k, _ in _events(req)] == ["fee_notice", "fee_paid"] and req.status == "in_progress"


def test_only_the_owner_replies_and_staff_cannot_reply(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    stranger = make_user(session, "requester")
    with pytest.raises(NotFound):
        replies.reply(session, req, actor=stranger, now=now, settings=settings, body="hello")
    with pytest.raises(NotPermitted):
        replies.reply(session, req, actor=team.officer, now=now, settings=settings, body="hello")
    with pytest.raises(ValidationError):
        replies.reply(session, req, actor=team.requester, now=now, settings=settings)


def test_sar_extension_letter_extends_to_three_months_and_can_be_withdrawn(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    due = req.due_on
    letter = stage_letters.send(session, req, "extension", actor=team.officer, now=now, settings=settings,
                                fields={"reasons": "the number of requests you have made together"})
    assert req.extended and req.due_on > due and "by " + str(req.due_on.day) in letter.body_text
    event = session.get(ClockEvent, letter.clock_event_id)
    with pytest.raises(ValidationError, match="why"):
        clock.void_clock_event(session, req, event.id, actor=team.officer, reason="", now=now, settings=settings)
    clock.void_clock_event(session, req, event.id, actor=team.officer, reason="sent by mistake", now=now,
                           settings=settings)
    assert not req.extended and req.due_on == due and event.voided_at is not None


def test_foi_pit_extension_estimate_is_capped(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    with pytest.raises(ValidationError, match="exemption"):
        stage_letters.draft(session, req, "extension", actor=team.officer, now=now, settings=settings,
                            fields={"reasons": "x"})
    with pytest.raises(ValidationError, match="cannot be later"):
        stage_letters.draft(session, req, "extension", actor=team.officer, now=now, settings=settings,
                            fields={"reasons": "x", "exemption": "s.43(2)", "new_due": "2026-12-31"})
    d = stage_letters.draft(session, req, "extension", actor=team.officer, now=now, settings=settings,
                            fields={"reasons": "x", "exemption": "s.43(2)", "new_due": "2026-04-10"})
    assert "10 April 2026" in d.text and "section 17(2)" in d.text


def test_letter_edited_by_the_officer_is_stored_and_posted(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    d = stage_letters.draft(session, req, "clarification", actor=team.officer, now=now, settings=settings,
                            fields={"question": "Which placements?"})
    edited = d.text.replace("Which placements?", "Which placements, and which years?")
    letter = stage_letters.send(session, req, "clarification", actor=team.officer, now=now, settings=settings,
                                fields={"question": "Which placements?"}, text=edited, dispatch="post",
                                posted_on=now.date())
    assert letter.edited and letter.email_id is None and letter.posted_on == now.date()
    assert "and which years?" in letter.body_text
    assert correspondence.letter_pdf(session, req, letter.id, actor=team.requester, settings=settings)[:4] == b"%PDF"
    with pytest.raises(ValidationError, match="posted"):
        stage_letters.send(session, req, "reminder", actor=team.officer, now=now, settings=settings,
                           fields={"what_we_need": "x"}, dispatch="post")
    assert [x.kind for x in correspondence.list_letters(session, req, actor=team.requester)] == ["clarification"]


def test_stage_letter_refused_for_the_wrong_regime(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    with pytest.raises(ValidationError, match="does not take"):
        stage_letters.draft(session, req, "id_request", actor=team.officer, now=now, settings=settings,
                            fields={"what_we_need": "ID"})
    assert session.scalars(select(Letter).where(Letter.request_id == req.id)).all() == []


def test_withdrawal_by_the_requester_voids_the_pending_approval_and_closes(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now, settings=settings,
                           reasons="Repeated.")
    approval = outcomes.submit_outcome(session, req, actor=team.officer, now=now, settings=settings)
    record = replies.withdraw(session, req, actor=team.requester, now=now, settings=settings)
    assert req.status == "withdrawn" and approval.status == "voided"
    assert record.kind == "withdrawn" and record.status == "issued" and record.on_time is None
    assert [o.kind for o in closure.issued_outcomes(session, req)] == ["withdrawn"]
    with pytest.raises(Conflict):
        replies.withdraw(session, req, actor=team.requester, now=now, settings=settings)
    with pytest.raises(Conflict):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)


def test_notes_are_staff_only(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    replies.add_note(session, req, actor=team.officer, body="Spoke to the team manager.", now=now)
    with pytest.raises(NotPermitted):
        replies.add_note(session, req, actor=team.requester, body="hi", now=now)
    with pytest.raises(NotPermitted):
        replies.messages(session, req, actor=team.requester, notes=True)
    assert replies.messages(session, req, actor=team.requester) == []
    assert [n.body for n in replies.messages(session, req, actor=team.manager, notes=True)] == [
        "Spoke to the team manager."]


def test_internal_review_is_a_linked_case_with_its_own_clock_leading_to_a_supplementary_release(
        session, settings, now, team):
    foi = sar_request(session, settings, team, now, regime="foi")
    outcomes.draft_outcome(session, foi, "not_held", actor=team.officer, now=now, settings=settings,
                           search={"systems": "finance ledgers", "result": "Nothing found."})
    approval = outcomes.submit_outcome(session, foi, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, foi, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    approvals.release(session, foi, actor=team.manager, now=now, settings=settings)
    later = now + timedelta(days=14)
    with pytest.raises(ValidationError, match="does not follow"):
        linked_cases.open_linked_case(session, foi, "reconsideration", actor=team.officer, now=later,
                                      settings=settings, received_at=later, description="Please look again.")
    link = linked_cases.open_linked_case(session, foi, "internal_review", actor=team.officer, now=later,
                                         settings=settings, received_at=later, description="Please look again.")
    review = session.get(type(foi), link.linked_request_id)
    assert review.regime == "foi-internal-review" and link.due_on == review.due_on > foi.due_on
    assert [x.id for x in linked_cases.links_for(session, review, actor=team.officer)] == [link.id]
    assert [x.id for x in linked_cases.links_for(session, foi, actor=team.officer)] == [link.id]
    with pytest.raises(ValidationError, match="ICO set"):
        linked_cases.open_linked_case(session, foi, "ico_complaint", actor=team.officer, now=later,
                                      settings=settings, received_at=later, description="Complaint.")
    outcomes.reopen(session, foi, actor=team.officer, now=later, reason="The review found the ledgers.")
    second = outcomes.draft_outcome(session, foi, "refused_exempt", actor=team.officer, now=later,
                                    settings=settings, exemption_rows=[{"key": "s.21", "reasoning": "Published."}])
    assert second.supplementary and "supplementary" in second.letter_text


def test_foi_pit_extension_due_date_is_the_chosen_estimate_within_the_cap(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    due = req.due_on
    cap = clock.pit_cap(session, req, now.date(), settings)
    assert cap > due
    letter = stage_letters.send(session, req, "extension", actor=team.officer, now=now, settings=settings,
                                fields={"reasons": "x", "exemption": "s.43(2)", "new_due": "2026-04-10"})
    assert req.due_on == date(2026, 4, 10) and req.due_detail["pit_cap"] == cap.isoformat()
    event = session.get(ClockEvent, letter.clock_event_id)
    assert event.until == date(2026, 4, 10)
    clock.void_clock_event(session, req, event.id, actor=team.officer, reason="wrong exemption", now=now,
                           settings=settings)
    assert req.due_on == due
    with pytest.raises(ValidationError, match="only to a FOIA"):
        sar = sar_request(session, settings, team, now)
        clock.record_clock_event(session, sar, "extended", now.date(), actor=team.officer, reason="x", now=now,
                                 settings=settings, until=date(2026, 5, 1))


def test_clarification_letter_promises_a_pause_only_for_access_requests(session, settings, now, team):
    pause = "does not count towards the time"
    sar = sar_request(session, settings, team, now)
    erasure = sar_request(session, settings, team, now, regime="erasure")
    text = {r.regime: stage_letters.draft(session, r, "clarification", actor=team.officer, now=now,
                                          settings=settings, fields={"question": "Which records?"}).text
            for r in (sar, erasure)}
    # G-5: the Art 12A stop-the-clock applies to Art 15 requests only.
    assert pause in text["sar"] and pause not in text["erasure"]
