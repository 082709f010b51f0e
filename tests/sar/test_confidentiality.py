"""Confidentiality levels, harm review, consultations and the release gate (issue 14), on real PDFs."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from redaction.engine import DocumentPlan
from redaction.text import boxes_for_span
from redaction.types import Proposal
from sar.bundle import documents, jobs, redactions
from sar.confidentiality import consultations, gate, levels
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.models import AuditEvent, ConfidentialityMark, OutboxEmail
from sar.release import approvals
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request

PLACEMENT = "Placement note\nThe foster carers live at 4 Mill Lane, Sometown SO1 2AB.\nPlan reviewed.\n"


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def ready(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    return req, item


def _placement(session, settings, now, team, req):
    """A placement note whose carers' address the engine found (stored as an engine proposal would be)."""
    item = add_pdf(session, req, team, now, settings, PLACEMENT, filename="placement.pdf")
    for red in propose(session, settings, item, "4 Mill Lane, Sometown SO1 2AB", now=now):
        red.entity_type = "UK_ADDRESS"
    session.flush()
    return item


def _propose_levels(session, settings, item, now):
    pages = [p.text for p in documents.extracted_text(settings, item).pages]
    return levels.store_proposals(session, item, pages, now=now)


def test_levels_are_proposed_per_passage_and_document_and_default_to_confidential(session, settings, now, team,
                                                                                 ready):
    req, item = ready
    placement = _placement(session, settings, now, team, req)
    _propose_levels(session, settings, item, now)
    _propose_levels(session, settings, placement, now)
    by_doc = levels.document_levels(session, req)
    assert by_doc[placement.id] == "highly_sensitive"
    assert by_doc[item.id] in ("confidential", "sensitive")  # no locating detail with a risk cue
    marks = levels.request_marks(session, req, actor=team.officer, now=now)
    passage = next(m for m in marks if m.bundle_item_id == placement.id and m.page == 0)
    assert "foster carers" in passage.excerpt and "risk:placement" in passage.cues
    # A re-run supersedes unconfirmed proposals instead of piling them up.
    before = len(marks)
    _propose_levels(session, settings, placement, now)
    assert len(levels.request_marks(session, req, actor=team.officer, now=now)) == before


def test_the_officer_confirms_and_lowering_needs_a_note(session, settings, now, team, ready):
    req, _ = ready
    placement = _placement(session, settings, now, team, req)
    _propose_levels(session, settings, placement, now)
    mark = next(m for m in levels.highly_sensitive_marks(session, req) if m.page == 0)
    with pytest.raises(ValidationError, match="say why"):
        levels.confirm_level(session, req, mark.id, "sensitive", actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="unknown level"):
        levels.confirm_level(session, req, mark.id, "secret", actor=team.officer, now=now)
    with pytest.raises(NotPermitted):
        levels.confirm_level(session, req, mark.id, "sensitive", actor=team.requester, now=now, note="x")
    levels.confirm_level(session, req, mark.id, "sensitive", actor=team.officer, now=now,
                         note="the carers' address is already known to the requester")
    assert mark.level == "sensitive" and mark.confirmed_by_id == team.officer.id
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "confidentiality.confirm")).one()
    # A confirmed level survives a re-run of the proposals.
    _propose_levels(session, settings, placement, now)
    assert session.get(ConfidentialityMark, mark.id).superseded_at is None


def test_highly_sensitive_material_needs_a_managers_harm_review_before_approval(session, settings, now, team,
                                                                             ready):
    req, _ = ready
    placement = _placement(session, settings, now, team, req)
    _propose_levels(session, settings, placement, now)
    assert not gate.blockers(session, req, step="submitted")
    assert any("harm review" in b for b in gate.blockers(session, req, step="approved"))
    with pytest.raises(NotPermitted):
        levels.record_harm_review(session, req, serious_harm=False, reasons="no risk now", actor=team.officer,
                                  now=now)
    with pytest.raises(ValidationError):
        levels.record_harm_review(session, req, serious_harm=False, reasons="ok", actor=team.manager, now=now)
    levels.record_harm_review(session, req, serious_harm=False, actor=team.manager, now=now,
                              reasons="carers' address is redacted; nothing else locates them")
    assert not gate.blockers(session, req, step="approved")
    # A later HIGHLY SENSITIVE confirmation needs a fresh review.
    mark = levels.highly_sensitive_marks(session, req)[0]
    levels.confirm_level(session, req, mark.id, "highly_sensitive", actor=team.officer,
                         now=now + timedelta(minutes=5))
    assert any("harm review" in b for b in gate.blockers(session, req, step="released"))


def test_a_document_without_cues_needs_no_harm_review(session, settings, now, team, ready):
    req, item = ready
    _propose_levels(session, settings, item, now)
    assert not any("harm review" in b for b in gate.blockers(session, req, step="approved"))


def _consult(session, req, item, team, now, **kw):
    return consultations.open_consultation(
        session, req, consultee_name="The referrer", consultee_kind="third_party", means="letter",
        due_on=now.date() + timedelta(days=10), actor=team.officer, now=now, about_items=[item.id], **kw)


def test_an_open_consultation_blocks_submission_until_answered(session, settings, now, team, ready):
    req, item = ready
    c = _consult(session, req, item, team, now)
    with pytest.raises(Conflict, match="consultation with The referrer"):
        approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(ValidationError, match="taken into account"):
        consultations.record_reply(session, req, c.id, reply="objects", reply_text="please withhold my letter",
                                   taken_into_account="", actor=team.officer, now=now)
    consultations.record_reply(session, req, c.id, reply="objects", reply_text="please withhold my letter",
                               taken_into_account="their letter is withheld under Sch 2 para 16",
                               actor=team.officer, now=now)
    with pytest.raises(Conflict, match="already settled"):
        consultations.override(session, req, c.id, reason="no reply after two chasers", actor=team.manager,
                               now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    assert approval.status == "pending"


def test_only_a_manager_with_reasons_overrides_an_unanswered_consultation(session, settings, now, team, ready):
    req, item = ready
    c = _consult(session, req, item, team, now)
    with pytest.raises(NotPermitted):
        consultations.override(session, req, c.id, reason="no reply after two chasers", actor=team.officer,
                               now=now)
    with pytest.raises(ValidationError):
        consultations.override(session, req, c.id, reason="", actor=team.manager, now=now)
    consultations.override(session, req, c.id, reason="no reply after two chasers", actor=team.manager, now=now)
    assert not gate.blockers(session, req)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "consultation.override")).one()
    assert event.detail["reason"] == "no reply after two chasers"


def test_consultation_input_is_checked_and_overdue_ones_are_chased_once_a_day(session, settings, now, team, ready):
    req, item = ready
    with pytest.raises(ValidationError, match="which documents"):
        consultations.open_consultation(session, req, consultee_name="GP", consultee_kind="originator",
                                        means="letter", due_on=now.date(), actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="past"):
        consultations.open_consultation(session, req, consultee_name="GP", consultee_kind="originator",
                                        means="letter", due_on=now.date() - timedelta(days=1), actor=team.officer,
                                        now=now, about_items=[item.id])
    with pytest.raises(ValidationError, match="consultee kind"):
        consultations.open_consultation(session, req, consultee_name="GP", consultee_kind="friend",
                                        means="letter", due_on=now.date(), actor=team.officer, now=now,
                                        about_text="page 2")
    c = _consult(session, req, item, team, now)
    assert consultations.due_for_chase(session, today=c.due_on) == []
    late = c.due_on + timedelta(days=1)
    assert consultations.due_for_chase(session, today=late) == [c]
    consultations.mark_chased(session, c, now=now.replace(year=late.year, month=late.month, day=late.day))
    assert consultations.due_for_chase(session, today=late) == []


def test_the_worker_chases_an_overdue_consultation_once_a_day_to_someone_who_needs_to_know(session, settings, now,
                                                                                          team, ready):
    req, item = ready
    c = _consult(session, req, item, team, now)
    assert consultations.chase_overdue_consultations(session, now=now, settings=settings) == 0  # not due yet
    late = now + timedelta(days=11)
    assert consultations.chase_overdue_consultations(session, now=late, settings=settings) == 1
    assert consultations.chase_overdue_consultations(session, now=late + timedelta(hours=1), settings=settings) == 0
    mail = session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "consultation_chase")).one()
    assert mail.to_addr == team.officer.email
    assert "The referrer" in mail.body_text and req.reference in mail.subject
    consultations.record_reply(session, req, c.id, reply="agrees", reply_text="", actor=team.officer, now=late,
                               taken_into_account="released as planned")
    assert consultations.chase_overdue_consultations(session, now=late + timedelta(days=1), settings=settings) == 0


class _AddressEngine:
    """Stands in for the engine: proposes the carers' address as UK_ADDRESS (what its detectors find)."""

    needle = "4 Mill Lane, Sometown SO1 2AB"

    def propose(self, documents, context, *, progress=None, workers=1):
        plans = []
        for doc in documents:
            props = [Proposal(page=p.page_index, start=m.start(), end=m.end(), text=m.group(0),
                              entity_type="UK_ADDRESS", code="SCH2-P16-THIRD-PARTY", reason="address", score=0.9,
                              recognizer="fake", boxes=boxes_for_span(p, m.start(), m.end()))
                     for p in doc.pages for m in re.finditer(re.escape(self.needle), p.text)]
            plans.append(DocumentPlan(doc.name, tuple(props), ()))
        return plans


def test_the_proposal_job_proposes_levels_from_the_engines_findings(session, settings, now, team, ready):
    req, item = ready
    placement = add_pdf(session, req, team, now, settings, PLACEMENT, filename="placement.pdf")
    factory = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    job = jobs.start_proposal_job(session, req, actor=team.officer, now=now)
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=lambda: now, engine=_AddressEngine()) == "done"
    session.expire_all()
    by_doc = levels.document_levels(session, req)
    assert by_doc[placement.id] == "highly_sensitive" and by_doc[item.id] != "highly_sensitive"


def test_where_the_manager_finds_serious_harm_the_passages_must_be_withheld(session, settings, now, team, ready):
    req, _ = ready
    placement = _placement(session, settings, now, team, req)
    _propose_levels(session, settings, placement, now)
    levels.record_harm_review(session, req, serious_harm=True, actor=team.manager, now=now,
                              reasons="the carers' address would let the father find the child")
    assert any("serious harm" in b for b in gate.blockers(session, req, step="approved"))
    for red in redactions.list_redactions(session, req, "proposed"):
        if red.bundle_item_id == placement.id:
            redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    assert not any("serious harm" in b for b in gate.blockers(session, req, step="approved"))
