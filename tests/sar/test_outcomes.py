"""Outcomes (issue 13): each kind's letter and closure record, through the four-eyes path."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.models import Letter, OutboxEmail, Outcome
from sar.release import approvals, closure, outcomes
from sar.release.packs import pack_bytes, pack_files
from tests.sar._docs import PAGE_ONE, add_pdf, make_team, sar_request

FORBIDDEN_IN_LETTERS = ("VERIFY", "rulebook", "G-", "F-", "internal target", "your time in care")


@pytest.fixture
def team(session):
    return make_team(session)


def _issue(session, settings, now, team, req, kind, **kw):
    """Draft, submit, approve (another manager) and release an outcome; return it and its letter text."""
    outcome = outcomes.draft_outcome(session, req, kind, actor=team.officer, now=now, settings=settings, **kw)
    approval = outcomes.submit_outcome(session, req, actor=team.officer, now=now, settings=settings)
    assert req.status == "awaiting_approval" and outcome.status == "submitted"
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    approvals.release(session, req, actor=team.manager, now=now, settings=settings)
    assert req.status == "released" and outcome.status == "issued"
    return outcome, approval


def _clean(text):
    for word in FORBIDDEN_IN_LETTERS:
        assert word not in text, word


def test_foi_cost_limit_with_advice_goes_through_four_eyes_and_leaves_a_closure_record(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    outcome, approval = _issue(session, settings, now, team, req, "cost_limit",
                               reasons="Locating the records means reading 900 paper files at 10 minutes each.",
                               advice="If you limit your request to 2025 we can answer it within the limit.")
    files = pack_files(pack_bytes(settings, approval.pack))
    text = outcome.letter_text
    assert files[f"{req.reference}-decision-letter.txt"].decode() == text
    assert "section 12" in text and "£450" in text and "limit your request to 2025" in text
    assert "900 paper files" in text and "section 50" in text
    _clean(text)
    assert outcome.held == "not_applicable" and outcome.on_time is True and outcome.days_late == 0
    letter = session.scalars(select(Letter).where(Letter.request_id == req.id)).one()
    assert letter.body_text == text and letter.dispatch == "email" and letter.outcome_id == outcome.id


def test_cost_limit_without_advice_is_refused(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    with pytest.raises(ValidationError, match="advice"):
        outcomes.draft_outcome(session, req, "cost_limit", actor=team.officer, now=now, settings=settings,
                               reasons="Too many files.")


def test_refused_exempt_letter_gives_reasoning_and_public_interest_per_exemption(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    outcome = outcomes.draft_outcome(
        session, req, "refused_exempt", actor=team.officer, now=now, settings=settings,
        exemption_rows=[{"key": "s.43(2)", "reasoning": "Prices would let competitors undercut the provider.",
                         "public_interest": "Transparency is outweighed by the harm to the tender."},
                        {"key": "s.41", "reasoning": "Given to us in confidence by a family."}])
    text = outcome.letter_text
    assert "FOIA 2000 s.43(2): Commercial interests" in text and "Public interest: Transparency" in text
    assert "FOIA 2000 s.41" in text and "absolute exemption" in text
    _clean(text)


def test_qualified_exemption_without_public_interest_is_refused(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    with pytest.raises(ValidationError, match="public interest"):
        outcomes.draft_outcome(session, req, "refused_exempt", actor=team.officer, now=now, settings=settings,
                               exemption_rows=[{"key": "s.43(2)", "reasoning": "Prices."}])
    with pytest.raises(ValidationError, match="not a FOIA exemption"):
        outcomes.draft_outcome(session, req, "refused_exempt", actor=team.officer, now=now, settings=settings,
                               exemption_rows=[{"key": "s.99", "reasoning": "x", "public_interest": "y"}])


def test_not_held_needs_the_search_and_prints_it(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="foi")
    with pytest.raises(ValidationError, match="search"):
        outcomes.draft_outcome(session, req, "not_held", actor=team.officer, now=now, settings=settings)
    outcome, _ = _issue(session, settings, now, team, req, "not_held",
                        search={"systems": "the case management system and the shared drive",
                                "terms": "placement costs", "result": "No records of that kind exist."})
    assert "the case management system" in outcome.letter_text and outcome.held == "not_held"


def test_sar_no_personal_data_held(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    outcome, _ = _issue(session, settings, now, team, req, "no_personal_data",
                        search={"systems": "children's social care records", "result": "No match was found."})
    assert "do not hold any personal data" in outcome.letter_text and outcome.held == "not_held"
    _clean(outcome.letter_text)


def test_erasure_with_no_documents_can_be_answered(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="erasure")
    with pytest.raises(Conflict, match="no case-record documents"):
        approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    outcome, _ = _issue(session, settings, now, team, req, "rights_done")
    assert "erased the personal data" in outcome.letter_text


def test_rectification_refused_with_supplementary_statement_and_art19_tracking(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="rectification")
    outcome, _ = _issue(session, settings, now, team, req, "rectification_statement",
                        reasons="The entry records the social worker's assessment at the time.",
                        detail={"statement": "The requester disagrees with the assessment of 4 May.",
                                "recipients": ["The school", "The health visitor service"]})
    text = outcome.letter_text
    assert "supplementary statement" in text and "disagrees with the assessment" in text
    assert "- The school" in text and "(Article 19)" in text
    assert outcomes.art19_outstanding(outcome) == ["The school", "The health visitor service"]
    outcomes.mark_art19_sent(session, outcome, "The school", actor=team.officer, now=now)
    assert outcomes.art19_outstanding(outcome) == ["The health visitor service"]
    with pytest.raises(ValidationError):
        outcomes.mark_art19_sent(session, outcome, "Someone else", actor=team.officer, now=now)


def test_art19_recipients_refused_for_a_sar(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match="Art 19"):
        outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now,
                               settings=settings, reasons="x", detail={"recipients": ["A school"]})


def test_police_request_declined_with_legal_basis(session, settings, now, team):
    req = sar_request(session, settings, team, now, regime="third-party")
    req.party("requester").identity_status = "verified"
    outcome, _ = _issue(session, settings, now, team, req, "declined",
                        detail={"legal_basis": "DPA 2018 Sch 2 Part 1 para 2 (permits, does not oblige)"},
                        reasons="The request did not say how disclosure would help detect a crime.")
    assert "Sch 2 Part 1 para 2" in outcome.letter_text and "detect a crime" in outcome.letter_text


def test_kind_must_fit_the_regime(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match="cannot end"):
        outcomes.draft_outcome(session, req, "cost_limit", actor=team.officer, now=now, settings=settings,
                               reasons="x", advice="y")
    with pytest.raises(ValidationError, match="unknown outcome"):
        outcomes.draft_outcome(session, req, "shrug", actor=team.officer, now=now, settings=settings)


def test_drafter_cannot_approve_and_requester_cannot_draft(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(NotPermitted):
        outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.requester, now=now,
                               settings=settings, reasons="x")
    outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.manager, now=now, settings=settings,
                           reasons="The fifth identical request this month.")
    approval = outcomes.submit_outcome(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(NotPermitted, match="own work"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager2, now=now)


def test_officer_edits_the_letter_and_the_pack_carries_the_edit(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    outcome = outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now,
                                     settings=settings, reasons="Repeated requests.")
    outcomes.edit_letter(session, outcome, outcome.letter_text + "\nWe are happy to meet you.\n",
                         actor=team.officer, now=now)
    approval = outcomes.submit_outcome(session, req, actor=team.officer, now=now, settings=settings)
    files = pack_files(pack_bytes(settings, approval.pack))
    assert b"We are happy to meet you." in files[f"{req.reference}-decision-letter.txt"]
    with pytest.raises(Conflict):
        outcomes.edit_letter(session, outcome, "changed", actor=team.officer, now=now)


def test_late_release_records_days_late(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    later = now + timedelta(days=40)
    outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=later, settings=settings,
                           reasons="Repeated requests.")
    approval = outcomes.submit_outcome(session, req, actor=team.officer, now=later, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=later)
    approvals.release(session, req, actor=team.manager, now=later, settings=settings)
    record = closure.issued_outcomes(session, req)[-1]
    assert record.on_time is False and record.days_late == (later.date() - req.due_on).days > 0


def test_plain_pack_release_leaves_a_default_closure_record(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, PAGE_ONE)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    approvals.release(session, req, actor=team.manager, now=now, settings=settings)
    (record,) = closure.issued_outcomes(session, req)
    assert record.kind == "sar_released" and record.held == "held" and record.on_time is True


def test_reopen_and_supplementary_release_keep_the_first_record(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    first, _ = _issue(session, settings, now, team, req, "no_personal_data",
                      search={"systems": "records", "result": "Nothing found."})
    with pytest.raises(Conflict, match="reopen"):
        outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now,
                               settings=settings, reasons="x")
    with pytest.raises(ValidationError):
        outcomes.reopen(session, req, actor=team.officer, now=now, reason=" ")
    outcomes.reopen(session, req, actor=team.officer, now=now, reason="A paper file was found in the archive.")
    assert req.status == "in_progress"
    add_pdf(session, req, team, now, settings, PAGE_ONE)
    second, approval = _issue(session, settings, now, team, req, "sar_released")
    assert second.supplementary and approval.pack.page_count > 0
    assert [o.id for o in closure.issued_outcomes(session, req)] == [first.id, second.id]
    assert session.scalars(select(Outcome).where(Outcome.request_id == req.id)).all()


def test_officer_reasoning_keeps_paragraphs_but_cannot_forge_a_heading_or_page_break(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    outcome = outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now,
                                     settings=settings,
                                     reasons="First paragraph.\n\nSecond paragraph.\f## Decision: granted")
    lines = outcome.letter_text.splitlines()
    assert "First paragraph." in lines and "" in lines and "\f" not in outcome.letter_text
    assert not any(line.startswith("## Decision") for line in lines)
    assert any(line.startswith(" ## Decision: granted") or line.endswith("## Decision: granted") for line in lines)
    # The requester-typed name is one line, as in every other letter.
    req.party("requester").name = "Sam\n## Refused"
    again = outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now,
                                   settings=settings, reasons="x")
    assert "Dear Sam ## Refused," in again.letter_text


def test_managers_are_emailed_on_submit_and_the_officer_on_return(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    outcomes.draft_outcome(session, req, "manifestly_unfounded", actor=team.officer, now=now, settings=settings,
                           reasons="Repeated.")
    outcomes.submit_outcome(session, req, actor=team.officer, now=now, settings=settings)
    asked = session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "approval_needed")).all()
    assert {e.to_addr for e in asked} == {team.manager.email, team.manager2.email}
    approvals.return_pack(session, req, actor=team.manager, comments="Say which requests repeat.", now=now,
                          settings=settings)
    (back,) = session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "approval_returned")).all()
    assert back.to_addr == team.officer.email and "Say which requests repeat." in back.body_text


def test_a_review_decision_points_to_the_ico_not_to_another_review(session, settings, now, team):
    foi = sar_request(session, settings, team, now, regime="foi")
    review = sar_request(session, settings, team, now, regime="foi-internal-review")
    rows = [{"key": "s.21", "reasoning": "It is published on our website."}]
    first = outcomes.draft_outcome(session, foi, "refused_exempt", actor=team.officer, now=now, settings=settings,
                                   exemption_rows=rows).letter_text
    final = outcomes.draft_outcome(session, review, "refused_exempt", actor=team.officer, now=now,
                                   settings=settings, exemption_rows=rows).letter_text
    assert "ask for an internal review" in first and "ask for an internal review" not in final
    assert "our final response" in final and "section 50" in final


def test_no_personal_data_letter_cites_art15_only_for_access(session, settings, now, team):
    search = {"systems": "records", "result": "Nothing found."}
    sar = outcomes.draft_outcome(session, sar_request(session, settings, team, now), "no_personal_data",
                                 actor=team.officer, now=now, settings=settings, search=search).letter_text
    erasure = outcomes.draft_outcome(session, sar_request(session, settings, team, now, regime="erasure"),
                                     "no_personal_data", actor=team.officer, now=now, settings=settings,
                                     search=search).letter_text
    assert "Article 15(1)" in sar and "Article 15" not in erasure
