"""Pack builds run as background jobs, never inside an HTTP request (issue 15, Operations).

``start_pack_job`` refuses at once what could not be submitted; the job builds, verifies and submits
the pack in one transaction, with its result (approval, pack hash) or failure on the job row.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from sar.bundle import jobs, redactions
from sar.core.errors import Conflict, NotPermitted
from sar.models import Approval, AuditEvent, Job
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def factory(session):
    """Each job transaction is a savepoint inside the test's rolled-back transaction."""
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


def _clock(now):
    return lambda: now


def _ready(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    return req


def test_queueing_does_not_build_and_the_job_builds_and_submits(session, factory, settings, now, team):
    req = _ready(session, settings, now, team)
    job = jobs.start_pack_job(session, req, actor=team.officer, now=now, note="ready for QA")
    session.flush()
    assert job.status == "queued" and req.status != "awaiting_approval"
    assert session.scalars(select(Approval).where(Approval.request_id == req.id)).first() is None
    with pytest.raises(Conflict, match="already being built"):
        jobs.start_pack_job(session, req, actor=team.officer, now=now)
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(now)) == "done"
    session.expire_all()
    done = session.get(Job, job.id)
    assert done.status == "done" and len(done.result["pack_sha256"]) == 64
    approval = session.get(Approval, done.result["approval_id"])
    assert approval.submit_note == "ready for QA" and approval.submitted_by_id == team.officer.id
    assert done.result["status"] == "awaiting_approval" == session.get(type(req), req.id).status
    submit = session.scalars(select(AuditEvent).where(AuditEvent.action == "approval.submit",
                                                      AuditEvent.request_id == req.id)).one()
    assert submit.actor_id == team.officer.id


def test_what_cannot_be_submitted_is_refused_at_once(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(Conflict, match="no case-record documents"):
        jobs.start_pack_job(session, req, actor=team.officer, now=now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    propose(session, settings, item, THIRD_PARTY, now=now)
    with pytest.raises(Conflict, match="still need"):
        jobs.start_pack_job(session, req, actor=team.officer, now=now)
    with pytest.raises(NotPermitted):
        jobs.start_pack_job(session, req, actor=team.requester, now=now)
    assert session.scalars(select(Job).where(Job.request_id == req.id, Job.kind == jobs.PACK_JOB)).first() is None


def test_a_build_that_fails_under_the_lock_fails_the_job_and_changes_nothing(session, factory, settings, now,
                                                                               team):
    """Proposals that arrive between queueing and running are caught by the job's own checks."""
    req = _ready(session, settings, now, team)
    job = jobs.start_pack_job(session, req, actor=team.officer, now=now)
    item = add_pdf(session, req, team, now, settings, PAGE_TWO, filename="later.pdf")
    propose(session, settings, item, THIRD_PARTY, now=now)
    session.flush()
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(now)) == "failed"
    session.expire_all()
    failed = session.get(Job, job.id)
    assert failed.status == "failed" and "still need" in failed.message
    assert session.get(type(req), req.id).status != "awaiting_approval"
    assert session.scalars(select(Approval).where(Approval.request_id == req.id)).first() is None
