"""Jobs that survive failure (issue 11): lease, reclaim after expiry, retries with exponential backoff,
dead letter after N attempts (visible to staff, re-queued by a manager), completion fenced by the lease,
and a bundle's proposals split into one extract+detect job per document with the cast decided once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from redaction.detectors.bundle import bundle_names
from sar.bundle import jobs, queue, steps
from sar.core.errors import Conflict, NotPermitted
from sar.core.storage import FileStore
from sar.models import AuditEvent, Job
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, sar_request
from tests.sar.test_jobs import FakeEngine, _clock

LEASE = timedelta(seconds=30)


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def factory(session):
    """Short transactions as savepoints of the test's transaction (as in test_jobs)."""
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


@pytest.fixture
def case(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    add_pdf(session, req, team, now, settings, f"Referral from {THIRD_PARTY}.", filename="referral.pdf")
    return req


def _task(session, now, *, max_attempts=3, kind="probe"):
    job = Job(kind=kind, status="queued", created_at=now, message="", max_attempts=max_attempts, params={})
    session.add(job)
    session.flush()
    return job


def _claim(factory, now, worker="w1", kinds=("probe",)):
    return queue.claim(factory, kinds=kinds, now_fn=_clock(now), worker=worker, lease=LEASE)


def test_backoff_doubles_up_to_the_cap():
    assert [queue.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert queue.backoff(30) == queue.BACKOFF_CAP


def test_a_failed_attempt_is_retried_after_backoff_then_dead_lettered(session, now, factory, team):
    job = _task(session, now, max_attempts=3)
    assert _claim(factory, now) == job.id
    assert queue.fail(factory, job.id, worker="w1", now=now, error="disk full") == "queued"
    session.expire_all()
    assert session.get(Job, job.id).run_after == now + timedelta(seconds=5)
    # Not due yet: nobody claims it; due: claimed again, attempt 2.
    assert _claim(factory, now + timedelta(seconds=4)) is None
    assert _claim(factory, now + timedelta(seconds=5), worker="w2") == job.id
    assert queue.fail(factory, job.id, worker="w2", now=now, error="disk full") == "queued"
    session.expire_all()
    assert session.get(Job, job.id).run_after == now + timedelta(seconds=10)
    later = now + timedelta(minutes=1)
    assert _claim(factory, later) == job.id
    assert queue.fail(factory, job.id, worker="w1", now=later, error="disk still full") == "dead"
    session.expire_all()
    dead = session.get(Job, job.id)
    assert (dead.status, dead.attempts, dead.last_error) == ("dead", 3, "disk still full")
    assert "gave up after 3 attempts" in dead.message and jobs.job_progress(dead)["finished"]
    assert _claim(factory, later + timedelta(hours=1)) is None
    # Visible to staff with its error; re-queued by a manager only, audited.
    assert [j.id for j in queue.dead_jobs(session, actor=team.officer, now=later)] == [job.id]
    with pytest.raises(NotPermitted):
        queue.requeue(session, dead, actor=team.officer, now=later)
    queue.requeue(session, dead, actor=team.manager, now=later)
    assert (dead.status, dead.attempts) == ("queued", 0)
    with pytest.raises(Conflict):
        queue.requeue(session, dead, actor=team.manager, now=later)
    assert _claim(factory, later) == job.id
    actions = set(session.scalars(select(AuditEvent.action).where(AuditEvent.target == f"job:{job.id}")))
    assert {"job.dead", "job.requeue"} <= actions


def test_a_permanent_error_fails_at_once(session, now, factory):
    job = _task(session, now, max_attempts=3)
    _claim(factory, now)
    assert queue.fail(factory, job.id, worker="w1", now=now, error="refused", permanent=True) == "failed"


def test_an_expired_lease_is_reclaimed_and_only_the_holder_may_finish(session, now, factory):
    job = _task(session, now, max_attempts=2)
    assert _claim(factory, now, "w1") == job.id
    assert _claim(factory, now + LEASE - timedelta(seconds=1), "w2") is None  # lease still held
    assert queue.renew(factory, job.id, worker="w1", now=now + timedelta(seconds=20), lease=LEASE)
    assert _claim(factory, now + LEASE + timedelta(seconds=1), "w2") is None  # renewed: still held
    after = now + timedelta(seconds=20) + LEASE + timedelta(seconds=1)
    assert _claim(factory, after, "w2") == job.id  # w1 died: its lease expired
    # The old holder can neither renew, fail nor complete the job any more.
    assert not queue.renew(factory, job.id, worker="w1", now=after, lease=LEASE)
    assert queue.fail(factory, job.id, worker="w1", now=after, error="late") is None
    with factory.begin() as s:
        assert not queue.complete(s, job.id, worker="w1", now=after, message="late")
    with factory.begin() as s:
        assert queue.complete(s, job.id, worker="w2", now=after, message="ok", result={"n": 1})
    session.expire_all()
    assert (session.get(Job, job.id).status, session.get(Job, job.id).attempts) == ("done", 2)


def test_a_lost_job_out_of_attempts_goes_to_the_dead_letter(session, now, factory):
    job = _task(session, now, max_attempts=1 + 1)
    _claim(factory, now, "w1")
    _claim(factory, now + LEASE * 2, "w2")
    assert _claim(factory, now + LEASE * 4, "w3") is None
    session.expire_all()
    dead = session.get(Job, job.id)
    assert dead.status == "dead" and dead.last_error == queue.LOST_LEASE


def test_jobs_run_once_by_hand_keep_the_old_stale_rule(session, settings, now, team, case, factory):
    """A proposal run (max_attempts 1) is not reclaimed by lease: a stale one is failed, as before."""
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    assert job.max_attempts == 1
    assert jobs.claim_next_job(factory, now_fn=_clock(now)) == job.id
    assert jobs.claim_next_job(factory, now_fn=_clock(now + timedelta(hours=1))) is None


class SplitEngine(FakeEngine):
    """The fake engine with the real engine's two phases: detect per document, decide per bundle."""

    def __init__(self) -> None:
        super().__init__()
        self.detected, self.decided, self.names = [], 0, []

    def detect_document(self, document, names=((), ())):
        self.detected.append(document.name)
        self.names.append(names)
        return [[("PERSON", 0, 1, 0.5, "fake")] for _ in document.pages]

    def decide(self, documents, findings, context):
        self.decided += 1
        assert [len(f) for f in findings] == [len(d.pages) for d in documents]
        return self.propose(documents, context)


def test_proposals_run_one_job_per_document_and_decide_once(session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    engine = SplitEngine()
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(now), engine=engine) == "done"
    session.expire_all()
    children = session.scalars(select(Job).where(Job.parent_id == job.id).order_by(Job.id)).all()
    assert [c.kind for c in children] == [steps.DETECT_JOB] * 2
    assert all(c.status == "done" and c.attempts == 1 and c.max_attempts > 1 for c in children)
    assert sorted(engine.detected) == ["referral.pdf", "visit.pdf"] and engine.decided == 1
    # Each step gets the bundle's names for the per-bundle recognizers (issue 10): the subject's at least.
    expected = bundle_names(jobs.proposal_context(session, case))
    assert expected[0] and engine.names == [expected, expected]
    assert session.get(Job, job.id).result["stored"] == 4
    # The per-document results on disk are removed once used.
    store = FileStore.for_settings(settings)
    assert all(not store.exists(c.result["work_sha256"]) for c in children)


def test_a_document_step_that_keeps_failing_is_dead_lettered_and_fails_its_parent(
        session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)

    class Broken(SplitEngine):
        def detect_document(self, document, names=((), ())):
            raise RuntimeError(f"cannot read {document.name}")

    ticks = iter(range(10_000))
    clock = lambda: now + timedelta(seconds=30 * next(ticks))  # noqa: E731 - each call half a minute on
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=clock, engine=Broken()) == "failed"
    session.expire_all()
    parent = session.get(Job, job.id)
    first = session.scalars(select(Job).where(Job.parent_id == job.id).order_by(Job.id)).first()
    assert (first.status, first.attempts, first.last_error) == ("dead", 3, "cannot read visit.pdf")
    assert parent.status == "failed" and "visit.pdf: cannot read visit.pdf" in parent.message


def test_claiming_a_job_by_id_waits_for_its_backoff(session, now, factory):
    job = _task(session, now)
    job.run_after = now + timedelta(seconds=10)
    session.flush()
    assert jobs.claim_job(factory, job.id, now=now + timedelta(seconds=9)) is False
    assert jobs.claim_job(factory, job.id, now=now + timedelta(seconds=10)) is True


def test_a_stale_parent_takes_its_waiting_steps_with_it(session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    jobs.claim_job(factory, job.id, now=now)
    waiting, running = steps.spawn(session, session.get(Job, job.id), steps.DETECT_JOB, [{}, {}], now=now)
    running.status = "running"
    session.flush()
    assert jobs.fail_stale_jobs(factory, now=now + timedelta(hours=1)) == 1
    session.expire_all()
    assert session.get(Job, waiting.id).status == "failed"
    assert session.get(Job, running.id).status == "running"  # its own lease decides
