"""Background jobs with pollable progress: proposals, pack builds, conversions and duplicate searches.

A large bundle takes minutes to propose, burn in and verify, and a Word file seconds to convert, which must
never run inside an HTTP request: :func:`start_proposal_job` and :func:`start_pack_job` queue the work, and
``sar.bundle.conversion`` / ``sar.bundle.duplicates`` queue theirs (issue 17); this module claims,
heartbeats and finishes every kind.

A job row is queued by a use case in the caller's transaction (:func:`start_proposal_job`) and run
later by the worker (:func:`run_next_job`) or directly (:func:`run_job`). Running is split into
short transactions: claim (an atomic ``UPDATE ... WHERE status='queued'``, so two workers never run
the same job), read inputs, progress updates a page can poll, and one final transaction that
stores the proposals and marks the job done. Any exception marks the job failed with a message;
a job is never left ``running`` by an error.

A process that dies (killed, out of memory, power cut) cannot mark its job failed, so a running job
carries a heartbeat (``heartbeat_at``), beaten by a thread beside the work every
``Settings.job_heartbeat_seconds``. A running job whose heartbeat is older than
``Settings.job_stale_seconds`` is failed with a message saying its worker stopped, both by the
worker's sweep (:func:`fail_stale_jobs`) and when someone asks for the job again
(:func:`start_proposal_job`), so it can be re-run at once.

Issue 11: a proposal run and a pack build are split into one job per document (``sar.bundle.steps``:
extract+detect, then the cast decided once for the bundle; burn in+verify, then the pack assembled),
which any number of workers claim. Those steps and the pack build are retryable: a lease instead of
the stale rule, retries with backoff and a dead letter (``sar.bundle.queue``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Protocol

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from redaction.detectors.bundle import bundle_names
from sar.bundle import conversion, duplicates, queue, redactions, steps
from sar.bundle.context import PLACEHOLDER_SUBJECT, proposal_context  # noqa: F401 - re-exported
from sar.bundle.heartbeat import STALE_AFTER, Heartbeat, beat  # noqa: F401 - beat re-exported
from sar.confidentiality import levels
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.models import BundleItem, Job, Request, User
from sar.release import approvals, outcomes, packs
from sar.workflow import approval_state
from sar.workflow.status import EDITABLE_STATUSES

log = logging.getLogger(__name__)

PROPOSAL_JOB = "redaction_proposals"
PACK_JOB = "pack_submission"
CONVERT_JOB = conversion.CONVERT_JOB
DUPLICATE_JOB = duplicates.DUPLICATE_JOB
DETECT_JOB, BURN_JOB = steps.DETECT_JOB, steps.BURN_JOB
#: Every kind of job a worker runs (the per-document steps of issue 11 included).
JOB_KINDS = (PROPOSAL_JOB, PACK_JOB, CONVERT_JOB, DUPLICATE_JOB, DETECT_JOB, BURN_JOB)
#: The function that runs each kind that reports its own progress.
_RUNNERS = {CONVERT_JOB: conversion.run_conversion, DUPLICATE_JOB: duplicates.run_duplicate_job}
ACTIVE_STATUSES = ("queued", "running")
STALE_MESSAGE = ("stopped: the process running it gave no sign of life for {seconds} seconds (it was "
                 "probably restarted or killed); nothing was saved, run it again")


class Engine(Protocol):
    """What a job needs from ``redaction.engine.RedactionEngine`` (tests pass a fake)."""

    def propose(self, documents, context, *, progress=None, workers=1):  # noqa: D102
        ...


_default_engine: Engine | None = None


def default_engine() -> Engine:
    """The process-wide engine, built on first use (loading spaCy takes seconds, so it is reused)."""
    global _default_engine
    if _default_engine is None:
        # Imported here, not at module level: the web process imports this module to queue jobs
        # and must not load spaCy and Presidio for that.
        from redaction.engine import RedactionEngine

        _default_engine = RedactionEngine()
    return _default_engine


def stale_after(settings: Settings) -> timedelta:
    """How old a running job's heartbeat may get before the job is taken to be dead."""
    return timedelta(seconds=settings.job_stale_seconds)


def _fail_stale(session: Session, *, now: datetime, older_than: timedelta,
                request_id: int | None = None) -> int:
    """Fail running jobs (of one request, if given) whose heartbeat is older than ``older_than``.

    Each is failed by a conditional update, so a job that beat in the meantime is left alone, and
    each failure is audited. Flushes, never commits.
    """
    last_sign = func.coalesce(Job.heartbeat_at, Job.started_at, Job.created_at)
    # Retryable jobs (pack builds, per-document steps) are not failed: another worker reclaims them
    # once their lease expires (sar.bundle.queue), until their attempts run out.
    query = select(Job.id, Job.request_id).where(Job.status == "running", Job.max_attempts <= 1,
                                                 last_sign < now - older_than)
    if request_id is not None:
        query = query.where(Job.request_id == request_id)
    failed = 0
    message = STALE_MESSAGE.format(seconds=int(older_than.total_seconds()))
    for job_id, job_request in session.execute(query.order_by(Job.id)).all():
        result = session.execute(update(Job).where(Job.id == job_id, Job.status == "running",
                                                   last_sign < now - older_than)
                                 .values(status="failed", finished_at=now, message=message)
                                 .execution_options(synchronize_session="fetch"))
        if result.rowcount == 1:
            failed += 1
            # Its steps still waiting would only be done for nobody: they stop with it.
            session.execute(update(Job).where(Job.parent_id == job_id, Job.status == "queued")
                            .values(status="failed", finished_at=now, message="its parent job stopped")
                            .execution_options(synchronize_session="fetch"))
            audit.record(session, "job.stale", actor=None, now=now, request_id=job_request,
                         target=f"job:{job_id}", detail={"stale_after_seconds": older_than.total_seconds()})
    return failed


def start_proposal_job(session: Session, request: Request, *, actor: User, now: datetime,
                       stale: timedelta = STALE_AFTER) -> Job:
    """Queue a job that proposes redactions for the request's whole bundle.

    A running job for the request whose heartbeat is older than ``stale`` is failed first (its
    worker died), so asking again succeeds at once.

    :return: the queued job (poll it with :func:`job_progress`).
    :raises NotPermitted: the actor is not staff.
    :raises Conflict: a proposal job for this request is already queued or running (with a live
        heartbeat), or the request can no longer change.
    :raises ValidationError: the bundle has no case-record documents.
    """
    require_staff(actor)
    _fail_stale(session, now=now, older_than=stale, request_id=request.id)
    active = session.scalars(select(Job).where(Job.request_id == request.id, Job.kind == PROPOSAL_JOB,
                                               Job.status.in_(ACTIVE_STATUSES))).first()
    if active is not None:
        raise Conflict("redaction proposals are already being computed for this request")
    if not packs.release_items(session, request):
        raise ValidationError("add the case-record documents before proposing redactions")
    approval_state.prepare_change(session, request, actor=actor, now=now, what="redaction proposals re-run")
    job = Job(kind=PROPOSAL_JOB, request_id=request.id, status="queued", progress_done=0, progress_total=0,
              message="waiting for the worker", created_by_id=actor.id, created_at=now)
    session.add(job)
    session.flush()
    audit.record(session, "job.start", actor=actor, now=now, request_id=request.id, target=f"job:{job.id}",
                 detail={"kind": PROPOSAL_JOB})
    return job


def start_pack_job(session: Session, request: Request, *, actor: User, now: datetime, note: str = "",
                   stale: timedelta = STALE_AFTER, outcome: bool = False) -> Job:
    """Queue a job that builds the response pack and submits it for approval (as ``actor``).

    The quick checks run now (:func:`sar.release.approvals.check_submittable`), so a request that
    cannot be submitted is refused at once; the job re-checks everything under the request's lock.
    With ``outcome`` the job submits the drafted outcome instead (:func:`sar.release.outcomes.submit_outcome`:
    its decision pack, or the redacted pack for an outcome that releases documents).

    :raises NotPermitted: the actor is not an officer or manager.
    :raises Conflict: a pack job for this request is already queued or running, or the request
        cannot be submitted (state, entitlement, no documents, undecided proposals).
    """
    if outcome:
        outcomes.check_outcome_submittable(session, request, actor=actor)
    else:
        approvals.check_submittable(session, request, actor=actor)
    _fail_stale(session, now=now, older_than=stale, request_id=request.id)
    active = session.scalars(select(Job).where(Job.request_id == request.id, Job.kind == PACK_JOB,
                                               Job.status.in_(ACTIVE_STATUSES))).first()
    if active is not None:
        raise Conflict("the response pack is already being built for this request")
    job = Job(kind=PACK_JOB, request_id=request.id, status="queued", progress_done=0, progress_total=0,
              message="waiting for the worker",
              result={"note": (note or "").strip()[:5000]} | ({"outcome": True} if outcome else {}),
              max_attempts=queue.DEFAULT_MAX_ATTEMPTS, created_by_id=actor.id, created_at=now)
    session.add(job)
    session.flush()
    audit.record(session, "job.start", actor=actor, now=now, request_id=request.id, target=f"job:{job.id}",
                 detail={"kind": PACK_JOB})
    return job


def get_job(session: Session, job_id: int, *, request: Request | None = None) -> Job:
    """Return a job by id (optionally checking it belongs to ``request``).

    :raises NotFound: no such job (on that request).
    """
    job = session.get(Job, job_id)
    if job is None or (request is not None and job.request_id != request.id):
        raise NotFound("no such job")
    return job


def latest_job(session: Session, request: Request, kind: str = PROPOSAL_JOB) -> Job | None:
    """The most recent job of ``kind`` for ``request``, if any."""
    return session.scalars(select(Job).where(Job.request_id == request.id, Job.kind == kind)
                           .order_by(Job.id.desc())).first()


def job_progress(job: Job) -> dict[str, Any]:
    """A JSON-ready view of a job for polling: status, done/total, percent, message and result."""
    percent = int(100 * job.progress_done / job.progress_total) if job.progress_total else 0
    if job.status == "done":
        percent = 100
    return {"id": job.id, "kind": job.kind, "status": job.status, "done": job.progress_done,
            "total": job.progress_total, "percent": percent, "message": job.message, "result": job.result,
            "finished": job.status in queue.FINISHED, "attempts": job.attempts,
            "error": job.last_error if job.status in ("dead", "failed") or job.attempts > 1 else None}


def claim_job(session_factory: sessionmaker, job_id: int, *, now: datetime) -> bool:
    """Atomically move a queued job to running; return False if someone else has it (or it is not queued)."""
    with session_factory.begin() as session:
        # A job waiting for its retry (backoff) is not claimed before its time.
        due = or_(Job.run_after.is_(None), Job.run_after <= now)
        result = session.execute(update(Job).where(Job.id == job_id, Job.status == "queued", due)
                                 .values(status="running", started_at=now, heartbeat_at=now, message="started",
                                         attempts=Job.attempts + 1, locked_by=worker_name(),
                                         lease_until=now + STALE_AFTER))
        return result.rowcount == 1


def claim_next_job(session_factory: sessionmaker, *, now_fn: Callable[[], datetime],
                   kinds: tuple[str, ...] = JOB_KINDS, lease: timedelta = STALE_AFTER) -> int | None:
    """Claim the oldest claimable job of ``kinds``; return its id, or None when there is nothing to do.

    On PostgreSQL the row is locked with ``FOR UPDATE SKIP LOCKED``, so any number of workers on any
    number of machines each take a different job in one round trip (issue 11); the conditional update
    keeps the claim exactly-once on SQLite too. A retryable job whose lease expired (its worker died)
    is claimable again (:func:`sar.bundle.queue.claim`).
    """
    return queue.claim(session_factory, kinds=kinds, now_fn=now_fn, worker=worker_name(), lease=lease)


_worker_name: tuple[int, str] | None = None


def worker_name() -> str:
    """Name this process as a lease holder (new after a fork, so a child never shares it)."""
    global _worker_name
    if _worker_name is None or _worker_name[0] != os.getpid():
        _worker_name = (os.getpid(), queue.worker_id())
    return _worker_name[1]


def _set_progress(session_factory: sessionmaker, job_id: int, done: int, total: int, message: str) -> None:
    with session_factory.begin() as session:
        session.execute(update(Job).where(Job.id == job_id, Job.status == "running")
                        .values(progress_done=done, progress_total=total, message=message))


def _finish(session_factory: sessionmaker, job_id: int, status: str, message: str, now: datetime,
            result: dict[str, Any] | None = None) -> None:
    # Only a running job is finished here: one already failed as stale keeps its own message.
    with session_factory.begin() as session:
        values: dict[str, Any] = {"status": status, "message": message[:2000], "finished_at": now}
        if result is not None:
            values["result"] = result
        session.execute(update(Job).where(Job.id == job_id, Job.status == "running").values(**values))


def run_job(session_factory: sessionmaker, job_id: int, *, settings: Settings, now_fn: Callable[[], datetime],
            engine: Engine | None = None, claimed: bool = False) -> str:
    """Claim (unless ``claimed``) and run one job to the end.

    :param session_factory: a ``sessionmaker``; each step runs in its own ``begin()`` transaction.
    :param now_fn: the clock (called at each step).
    :param engine: the redaction engine; the process-wide default when None.
    :param claimed: the caller already claimed the job (:func:`claim_next_job`).
    :return: ``"done"``, ``"failed"``, or ``"skipped"`` when the job was not queued (someone else
        claimed it first); for a retryable job also ``"queued"`` (to be retried), ``"dead"`` or
        ``"lost"`` (its lease was taken by another worker).
    """
    if not claimed and not claim_job(session_factory, job_id, now=now_fn()):
        return "skipped"
    kind, retryable = _kind(session_factory, job_id)
    if kind in steps.STEP_KINDS:
        return steps.run_step(session_factory, job_id, worker=worker_name(), settings=settings, now_fn=now_fn,
                              engine=(engine or default_engine()) if kind == DETECT_JOB else None)
    worker = worker_name()
    keeper = (queue.LeaseKeeper(session_factory, job_id, worker=worker, interval=settings.job_heartbeat_seconds,
                                lease=stale_after(settings), now_fn=now_fn) if retryable
              else Heartbeat(session_factory, job_id, interval=settings.job_heartbeat_seconds, now_fn=now_fn))
    try:
        with keeper:
            runner = _RUNNERS.get(kind)
            if kind == PACK_JOB:
                result, message = _run_pack(session_factory, job_id, settings=settings, now_fn=now_fn,
                                            engine=engine)
            elif runner is not None:
                result, message = runner(
                    session_factory, job_id, settings=settings, now_fn=now_fn,
                    progress=lambda done, total, text: _set_progress(session_factory, job_id, done, total, text))
            else:
                result, message = _run_proposals(session_factory, job_id, settings=settings, now_fn=now_fn,
                                                 engine=engine)
    except Exception as exc:  # noqa: BLE001 - any failure must end the job, with its reason
        log.exception("job %s failed", job_id)
        if retryable:
            return queue.fail(session_factory, job_id, worker=worker, now=now_fn(),
                              error=str(exc) or type(exc).__name__,
                              permanent=isinstance(exc, steps.PERMANENT_ERRORS)) or "lost"
        _finish(session_factory, job_id, "failed", str(exc) or type(exc).__name__, now_fn())
        return "failed"
    except BaseException:
        if retryable:  # stopped, not broken: hand it back to the queue for another worker
            queue.fail(session_factory, job_id, worker=worker, now=now_fn(), error="interrupted: the worker stopped")
        else:
            _finish(session_factory, job_id, "failed", "interrupted", now_fn())
        raise
    return "done" if result else "failed"


def _kind(session_factory: sessionmaker, job_id: int) -> tuple[str | None, bool]:
    with session_factory.begin() as session:
        row = session.execute(select(Job.kind, Job.max_attempts).where(Job.id == job_id)).first()
        return (row[0], row[1] > 1) if row else (None, False)


def run_next_job(session_factory: sessionmaker, *, settings: Settings, now_fn: Callable[[], datetime],
                 engine: Engine | None = None) -> int | None:
    """Worker sweep step: claim and run the oldest queued job; return its id or None if idle."""
    job_id = claim_next_job(session_factory, now_fn=now_fn)
    if job_id is not None:
        run_job(session_factory, job_id, settings=settings, now_fn=now_fn, engine=engine, claimed=True)
    return job_id


def fail_stale_jobs(session_factory: sessionmaker, *, now: datetime,
                    older_than: timedelta = STALE_AFTER) -> int:
    """Fail running jobs whose heartbeat is older than ``older_than`` (their worker died); audited.

    :return: how many jobs were marked failed.
    """
    with session_factory.begin() as session:
        return _fail_stale(session, now=now, older_than=older_than)


def _run_proposals(session_factory: sessionmaker, job_id: int, *, settings: Settings,
                   now_fn: Callable[[], datetime], engine: Engine | None) -> tuple[bool, str]:
    with session_factory.begin() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise NotFound(f"job {job_id} does not exist")
        request = session.get(Request, job.request_id)
        inputs = [(item.id, item.filename, item.document.sha256) for item in packs.release_items(session,
                                                                                                 request)]
        context = proposal_context(session, request)
        if not inputs:
            raise ValidationError("the bundle has no case-record documents")
        # Issue 11: one extract+detect job per document, shared with every other worker.
        # The bundle's names go with each step, for the per-bundle ad-hoc recognizers (issue 10).
        subject_names, party_names = bundle_names(context)
        steps.spawn(session, job, DETECT_JOB, steps.detect_steps(session, [
            {"item_id": i, "filename": n, "sha256": sha, "names": [list(subject_names), list(party_names)]}
            for i, n, sha in inputs], settings), now=now_fn())
    n_docs = len(inputs)
    _set_progress(session_factory, job_id, 0, 2 * n_docs, "reading the documents")
    engine = engine or default_engine()
    results = steps.drive(
        session_factory, job_id, DETECT_JOB, worker=worker_name(), lease=stale_after(settings), now_fn=now_fn,
        run=lambda child: run_job(session_factory, child, settings=settings, now_fn=now_fn, engine=engine,
                                  claimed=True),
        progress=lambda done, total: _set_progress(session_factory, job_id, done, 2 * n_docs,
                                                   f"read and analysed {done} of {total} parts"))
    extracted, findings = steps.load_detected(settings, results)

    def progress(done: int, total: int) -> None:
        _set_progress(session_factory, job_id, n_docs + done, n_docs + total,
                      f"looking for personal data: page {done} of {total}")

    _set_progress(session_factory, job_id, n_docs, 2 * n_docs, "deciding: who is who across the bundle")
    if findings is not None and hasattr(engine, "decide"):
        # Between the two phases the bundle's cast is resolved in one step, from every document.
        plans = engine.decide(extracted, findings, context)
    else:  # an engine that does not split its phases (a test fake) proposes in one go
        plans = engine.propose(extracted, context, progress=progress)
    if len(plans) != n_docs:
        raise RuntimeError(f"the engine returned {len(plans)} plans for {n_docs} documents")
    now = now_fn()
    with session_factory.begin() as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job.status != "running":
            # Failed as stale (its heartbeat stopped for too long) and perhaps already re-run.
            raise Conflict("this job was stopped before it finished; its proposals were not stored")
        request = session.get(Request, job.request_id)
        if request.status not in EDITABLE_STATUSES:
            raise Conflict(f"the request moved to {request.status} while proposals were computed; "
                           "run them again")
        pairs = []
        for (item_id, _, _), plan in zip(inputs, plans, strict=True):
            item = session.get(BundleItem, item_id)
            if item is not None and item.removed_at is None:
                pairs.append((item, plan))
        stored = redactions.store_proposals(session, request, pairs, now=now)
        # Issue 14: propose each document's and passage's confidentiality level from the same text and findings.
        texts = {iid: doc for (iid, _, _), doc in zip(inputs, extracted, strict=True)}
        for item, _plan in pairs:
            doc = texts[item.id]
            levels.store_proposals(session, item, [p.text for p in doc.pages], now=now)
        problems = [f"{plan.name}: {problem}" for _, plan in pairs for problem in plan.problems]
        # The bundle's cast (who is who, with evidence; "unresolved" people need a decision) is the
        # same on every plan; engines that do not resolve one (test fakes) give none.
        cast = list(getattr(plans[0], "cast", ()) or ()) if plans else []
        result = {**stored, "documents": len(pairs), "problems": problems, "cast": cast}
        message = f"{stored['stored']} redaction{'s' if stored['stored'] != 1 else ''} proposed"
        if problems:
            message += f"; {len(problems)} problem{'s' if len(problems) != 1 else ''} to check by hand"
        job.status = "done"
        job.finished_at = now
        job.progress_done = job.progress_total = max(job.progress_total, 1)
        job.message = message
        job.result = result
        creator = session.get(User, job.created_by_id) if job.created_by_id else None
        audit.record(session, "redaction.propose", actor=creator, now=now, request_id=request.id,
                     target=f"job:{job.id}",
                     detail={k: v for k, v in result.items() if k not in ("problems", "cast")}
                     | {"problems": len(problems), "people": len(cast)})
    steps.discard(settings, results)
    return True, message


def _run_pack(session_factory: sessionmaker, job_id: int, *, settings: Settings,
              now_fn: Callable[[], datetime], engine: Engine | None = None) -> tuple[bool, str]:
    """Burn in each document in its own job, then build and submit the pack in one transaction.

    The pack is built all or nothing, as the job's creator, while this worker still holds the lease.

    A retry (the pack job is retryable) reuses the burn-in jobs of an earlier attempt; a document
    whose decisions changed since its burn-in job ran is burned in again by the final build.
    """
    _set_progress(session_factory, job_id, 0, 1, "burning in and verifying the documents")
    with session_factory.begin() as session:
        job = session.get(Job, job_id)
        request = session.get(Request, job.request_id)
        item_ids = [item.id for item in packs.release_items(session, request)]
        spawned = session.scalar(select(func.count(Job.id)).where(Job.parent_id == job_id, Job.kind == BURN_JOB))
        creator = session.get(User, job.created_by_id) if job.created_by_id else None
        is_outcome = bool((job.result or {}).get("outcome"))
        # A decision that sends a letter alone (refusal, not held) burns in nothing.
        wants_documents = outcomes.pending_releases_documents(session, request) if is_outcome else True
        if not spawned and item_ids and wants_documents:
            if is_outcome:
                outcomes.check_outcome_submittable(session, request, actor=creator)
            else:
                approvals.check_submittable(session, request, actor=creator)
            specs = steps.burn_steps(session, packs.burn_specs(session, request, settings=settings), settings)
            spawned = [c.params for c in steps.spawn(session, job, BURN_JOB, specs, now=now_fn())]
        else:
            spawned = [c.params for c in session.scalars(
                select(Job).where(Job.parent_id == job_id, Job.kind == BURN_JOB).order_by(Job.id))]
    results = steps.drive(
        session_factory, job_id, BURN_JOB, worker=worker_name(), lease=stale_after(settings), now_fn=now_fn,
        run=lambda child: run_job(session_factory, child, settings=settings, now_fn=now_fn, engine=engine,
                                  claimed=True),
        progress=lambda done, total: _set_progress(session_factory, job_id, done, total + 1,
                                                   f"burned in and verified {done} of {total} parts"))
    burnt = steps.load_burnt(settings, results, spawned)
    _set_progress(session_factory, job_id, len(results), len(results) + 1, "assembling the pack")
    now = now_fn()
    with session_factory.begin() as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job is None or job.status != "running" or job.locked_by != worker_name():
            raise Conflict("this job was stopped before it finished; no pack was submitted")
        request = session.get(Request, job.request_id)
        creator = session.get(User, job.created_by_id) if job.created_by_id else None
        note = (job.result or {}).get("note", "")
        build = partial(packs.build_pack, burnt=burnt)
        if (job.result or {}).get("outcome"):
            approval = outcomes.submit_outcome(session, request, actor=creator, now=now, settings=settings,
                                               note=note, documents_build=build)
        else:
            approval = approvals.submit_for_approval(session, request, actor=creator, now=now,
                                                     settings=settings, note=note, build=build)
        message = "pack built and submitted for approval"
        job.status = "done"
        job.finished_at = now
        job.lease_until = None
        job.progress_done = job.progress_total = 1
        job.message = message
        job.result = {**(job.result or {}), "approval_id": approval.id, "pack_sha256": approval.pack_sha256,
                      "status": request.status}
    steps.discard(settings, results)
    return True, message
