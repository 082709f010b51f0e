"""The job queue's lease, retry and dead-letter rules (issue 11: jobs that survive failure).

Every background job is a row of ``jobs`` (:class:`~sar.models.Job`) claimed from the database by any
number of worker processes, on any number of machines:

* **claim**: :func:`claim` takes the oldest claimable row with ``SELECT ... FOR UPDATE SKIP LOCKED``
  on PostgreSQL (each worker takes a different row in one round trip; SQLite, one writer at a time,
  ignores the clause) and then moves it with a conditional ``UPDATE`` that only succeeds if the row is
  still claimable, so a claim is exactly-once on both databases. Claimable means *queued and due*
  (``run_after`` passed), or *running with an expired lease* for a retryable job (its worker died).
* **lease and heartbeat**: a claim gives the worker a lease until ``now + lease``; :class:`LeaseKeeper`
  renews it from a thread beside the work. A worker killed mid-task stops renewing and, once the lease
  expires, another worker reclaims the job. Only the lease holder (``locked_by``) can finish a job
  (:func:`complete`, :func:`fail`), so a worker that lost its lease (paused, partitioned) cannot finish
  it a second time: each job is completed exactly once.
* **retries**: a retryable job (``max_attempts > 1``) that fails with a transient error goes back to
  ``queued`` with ``run_after = now + backoff``, doubling from :data:`BACKOFF_BASE` up to
  :data:`BACKOFF_CAP`; attempts are counted at the claim, so a killed worker's attempt counts too.
* **dead letter**: after ``max_attempts`` the job is ``dead`` with its last error, listed for staff
  (:func:`dead_jobs`); a manager re-queues it (:func:`requeue`), audited. A permanent error (a
  refusal the use case raised: nothing to retry) fails the job at once.

Jobs with ``max_attempts == 1`` (a bundle's proposal run and the conversions, which staff start and
re-run by hand) keep the older rule of ``sar.bundle.jobs``: a stale heartbeat fails them.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import and_, case, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from sar.core import audit
from sar.core.errors import Conflict, NotFound
from sar.core.permissions import can_view, require_role, require_staff
from sar.models import Job, Request, User

log = logging.getLogger(__name__)

#: Attempts a retryable job gets before the dead letter.
DEFAULT_MAX_ATTEMPTS = 3
#: The first retry waits this long; each further one twice as long, up to the cap.
BACKOFF_BASE = timedelta(seconds=5)
BACKOFF_CAP = timedelta(minutes=10)
#: Shown for a retryable job whose worker stopped renewing its lease.
LOST_LEASE = "the worker running it stopped (its lease expired)"
#: Statuses a job is over in.
FINISHED = ("done", "failed", "dead")


def worker_id() -> str:
    """A name for this worker process that no other process on any machine shares."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def backoff(attempt: int, base: timedelta = BACKOFF_BASE, cap: timedelta = BACKOFF_CAP) -> timedelta:
    """How long to wait before retrying after failed attempt number ``attempt`` (1-based)."""
    return min(base * (2 ** max(attempt - 1, 0)), cap)


def _claimable(now: datetime):
    due = and_(Job.status == "queued", or_(Job.run_after.is_(None), Job.run_after <= now))
    lost = and_(Job.status == "running", Job.max_attempts > 1, Job.lease_until.is_not(None),
                Job.lease_until < now)
    return or_(due, lost)


def claim(session_factory: sessionmaker, *, kinds: tuple[str, ...], now_fn: Callable[[], datetime],
          worker: str, lease: timedelta, parent_id: int | None = None, tries: int = 5) -> int | None:
    """Claim the oldest claimable job of ``kinds`` (children of ``parent_id`` only, if given).

    A lost job (expired lease) that has used all its attempts is moved to the dead letter instead
    and the search goes on. Commits its own short transactions.

    :return: the claimed job's id, or None when nothing is claimable now.
    """
    for _ in range(tries):  # SQLite only: another worker may win the race for a row; try the next
        with session_factory.begin() as session:
            now = now_fn()
            query = select(Job.id, Job.status, Job.attempts, Job.max_attempts).where(
                Job.kind.in_(kinds), _claimable(now))
            if parent_id is not None:
                query = query.where(Job.parent_id == parent_id)
            row = session.execute(query.order_by(Job.id).limit(1).with_for_update(skip_locked=True)).first()
            if row is None:
                return None
            job_id, status, attempts, max_attempts = row
            guard = and_(Job.id == job_id, Job.status == status, Job.attempts == attempts, _claimable(now))
            if status == "running" and attempts >= max_attempts:
                session.execute(update(Job).where(guard).values(
                    status="dead", finished_at=now, lease_until=None, locked_by=None,
                    last_error=LOST_LEASE, message=f"gave up after {attempts} attempts: {LOST_LEASE}"))
                _audit_dead(session, job_id, now)
                continue
            won = session.execute(update(Job).where(guard).values(
                status="running", attempts=Job.attempts + 1, started_at=now, heartbeat_at=now,
                lease_until=now + lease, locked_by=worker, run_after=None,
                message=case((Job.attempts > 0, f"retrying (attempt {attempts + 1} of {max_attempts})"),
                             else_="started"))).rowcount == 1
        if won:
            return job_id
    return None


def renew(session_factory: sessionmaker, job_id: int, *, worker: str, now: datetime, lease: timedelta) -> bool:
    """Extend ``worker``'s lease on a running job; False once it no longer holds it."""
    with session_factory.begin() as session:
        return session.execute(update(Job).where(Job.id == job_id, Job.status == "running",
                                                 Job.locked_by == worker)
                               .values(heartbeat_at=now, lease_until=now + lease)).rowcount == 1


def complete(session: Session, job_id: int, *, worker: str, now: datetime, message: str,
             result: dict | None = None) -> bool:
    """Mark a job done, in the caller's transaction, if ``worker`` still holds its lease.

    Put the job's own writes in the same transaction: when this returns False (the lease was lost and
    the job reclaimed), roll them back, so the job's effects happen exactly once.
    """
    values: dict = {"status": "done", "finished_at": now, "message": message[:2000], "lease_until": None}
    if result is not None:
        values["result"] = result
    return session.execute(update(Job).where(Job.id == job_id, Job.status == "running",
                                             Job.locked_by == worker).values(**values)).rowcount == 1


def fail(session_factory: sessionmaker, job_id: int, *, worker: str, now: datetime, error: str,
         permanent: bool = False, base: timedelta = BACKOFF_BASE) -> str | None:
    """Record a failed attempt: retry later with backoff, or dead letter, or failed if ``permanent``.

    :return: the job's new status (``queued``, ``dead`` or ``failed``), or None if ``worker`` no
        longer held the lease (the job is someone else's now).
    """
    error = (error or "error")[:2000]
    with session_factory.begin() as session:
        job = session.scalars(select(Job).where(Job.id == job_id).with_for_update()).first()
        if job is None or job.status != "running" or job.locked_by != worker:
            return None
        job.last_error, job.lease_until, job.locked_by = error, None, None
        if permanent or job.max_attempts <= 1:
            job.status, job.finished_at, job.message = "failed", now, error
        elif job.attempts >= job.max_attempts:
            job.status, job.finished_at = "dead", now
            job.message = f"gave up after {job.attempts} attempts: {error}"
            _audit_dead(session, job.id, now)
        else:
            wait = backoff(job.attempts, base)
            job.status, job.run_after = "queued", now + wait
            job.message = f"attempt {job.attempts} of {job.max_attempts} failed; retrying in " \
                          f"{int(wait.total_seconds())} s: {error}"
        return job.status


def _audit_dead(session: Session, job_id: int, now: datetime) -> None:
    job = session.get(Job, job_id)
    audit.record(session, "job.dead", actor=None, now=now, request_id=job.request_id if job else None,
                 target=f"job:{job_id}", detail={"kind": job.kind if job else None,
                                                 "attempts": job.attempts if job else None})


def dead_jobs(session: Session, *, actor: User, now: datetime, request: Request | None = None) -> list[Job]:
    """Jobs in the dead letter (newest first), with their last error, for staff to see; the read is audited.

    :raises NotPermitted: the actor is not staff.
    """
    require_staff(actor)
    query = select(Job).where(Job.status == "dead")
    if request is not None:
        query = query.where(Job.request_id == request.id)
    # Need-to-know: a job on a request the actor may not see is not listed.
    rows = [job for job in session.scalars(query.order_by(Job.id.desc()))
            if job.request_id is None or can_view(actor, session.get(Request, job.request_id))]
    audit.record(session, "job.dead_list", actor=actor, now=now, request_id=request.id if request else None,
                 target="jobs:dead", detail={"count": len(rows)})
    return rows


def dead_view(job: Job) -> dict:
    """A JSON-ready row of the dead letter: what, on which request, how often tried and the last error."""
    return {"id": job.id, "kind": job.kind, "request_id": job.request_id, "parent_id": job.parent_id,
            "attempts": job.attempts, "max_attempts": job.max_attempts, "error": job.last_error,
            "message": job.message, "document": (job.params or {}).get("filename"),
            "finished_at": job.finished_at.isoformat() if job.finished_at else None}


def requeue(session: Session, job: Job, *, actor: User, now: datetime) -> Job:
    """Put a dead job back on the queue with a fresh set of attempts (a manager's decision); audited.

    :raises NotPermitted: the actor is not a manager.
    :raises Conflict: the job is not in the dead letter.
    """
    require_role(actor, "manager")
    if job.request_id is not None and not can_view(actor, session.get(Request, job.request_id)):
        raise NotFound("no such job")
    if job.status != "dead":
        raise Conflict("only a job in the dead letter can be re-queued")
    job.status, job.attempts, job.run_after, job.finished_at = "queued", 0, None, None
    job.message = "re-queued by a manager"
    session.flush()
    audit.record(session, "job.requeue", actor=actor, now=now, request_id=job.request_id,
                 target=f"job:{job.id}", detail={"kind": job.kind, "last_error": (job.last_error or "")[:200]})
    return job


class LeaseKeeper:
    """Renews a claimed job's lease from a daemon thread every ``interval`` seconds until stopped.

    A thread rather than progress callbacks: one step (loading the language model, OCR of a page)
    can outlast the lease while the process is alive. Use as a context manager around the work;
    :attr:`lost` is set once the lease is found taken (the work should stop).
    """

    def __init__(self, session_factory: sessionmaker, job_id: int, *, worker: str, interval: float,
                 lease: timedelta, now_fn: Callable[[], datetime]) -> None:
        self._factory, self._job_id, self._worker = session_factory, job_id, worker
        self._interval, self._lease, self._now_fn = interval, lease, now_fn
        self._stop = threading.Event()
        self.lost = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"job-{job_id}-lease", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not renew(self._factory, self._job_id, worker=self._worker, now=self._now_fn(),
                             lease=self._lease):
                    self.lost.set()
                    return
            except Exception:  # noqa: BLE001 - a missed renewal is retried; the lease has slack
                log.warning("job %s: could not renew its lease", self._job_id, exc_info=True)

    def __enter__(self) -> LeaseKeeper:
        if self._interval > 0:
            self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
