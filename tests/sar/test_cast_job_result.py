"""The proposal job's result carries the bundle's cast from the real engine (issue 10: the cast is exposed
in the job's result, ready for review): people with status, forms (aliases), evidence and mentions."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from sar.bundle import jobs
from sar.models import Job
from tests.redaction.engine_support import shared_engine
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, sar_request
from tests.sar.test_jobs import _clock


def test_proposal_job_result_lists_the_cast_with_roles_evidence_and_mentions(session, settings, now):
    team = make_team(session)
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    factory = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    job = jobs.start_proposal_job(session, req, actor=team.officer, now=now)
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(now), engine=shared_engine()) == "done"
    session.expire_all()
    cast = session.get(Job, job.id).result["cast"]
    assert cast[0]["status"] == "subject" and "Brandon" in cast[0]["name"]  # the child of tests.sar._docs
    third = next(p for p in cast if p["name"] == THIRD_PARTY)
    assert third["status"] == "third_party" and third["evidence"] and third["mentions"]
    assert all({"name", "status", "forms", "evidence", "mentions"} <= set(p) for p in cast)
