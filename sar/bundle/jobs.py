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
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from redaction import pdf
from redaction.cast import apply_cast, parse_cast
from redaction.context import KnownParty, RedactionContext, StaffMember, Subject
from sar.bundle import conversion, duplicates, redactions
from sar.confidentiality import levels
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import STAFF_ROLES, BundleItem, Job, Request, RequestCast, User
from sar.models import StaffMember as StaffRow
from sar.release import approvals, outcomes, packs
from sar.workflow import approval_state
from sar.workflow.status import EDITABLE_STATUSES

log = logging.getLogger(__name__)

PROPOSAL_JOB = "redaction_proposals"
PACK_JOB = "pack_submission"
CONVERT_JOB = conversion.CONVERT_JOB
DUPLICATE_JOB = duplicates.DUPLICATE_JOB
#: Every kind of job a worker runs.
JOB_KINDS = (PROPOSAL_JOB, PACK_JOB, CONVERT_JOB, DUPLICATE_JOB)
#: The function that runs each kind that reports its own progress.
_RUNNERS = {CONVERT_JOB: conversion.run_conversion, DUPLICATE_JOB: duplicates.run_duplicate_job}
ACTIVE_STATUSES = ("queued", "running")
#: A running job whose heartbeat is older than this is assumed to belong to a dead worker.
STALE_AFTER = timedelta(seconds=Settings.job_stale_seconds)
STALE_MESSAGE = ("stopped: the process running it gave no sign of life for {seconds} seconds (it was "
                 "probably restarted or killed); nothing was saved, run it again")
#: Name given to the subject of FOI/EIR requests, which have no data subject; chosen so that it
#: never matches a name in a document (the engine treats the subject's names as disclosable).
PLACEHOLDER_SUBJECT = "Zzq Placeholder-Subject"


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


def _dob(value) -> str | None:
    return value.strftime("%d/%m/%Y") if value is not None else None


def proposal_context(session: Session, request: Request) -> RedactionContext:
    """What the engine is told about ``request``: subject, classified parties and the staff directory.

    * the data subject becomes the :class:`~redaction.context.Subject` (a placeholder for FOI/EIR);
    * third parties become :class:`~redaction.context.KnownParty` with the caseworker's decision;
    * the requester and a representative (parent, solicitor) are disclosed to themselves;
    * the staff directory and staff users with a job title are professionals (Sch 2 para 17);
    * the officer's confirmed cast, if any, is folded in last (``redaction.cast.apply_cast``).
    """
    subject_party = request.party("data_subject")
    if subject_party is not None:
        subject = Subject(subject_party.name, aliases=tuple(subject_party.aliases or ()),
                          dob=_dob(subject_party.dob), identifiers=tuple(subject_party.identifiers or ()))
    else:
        subject = Subject(PLACEHOLDER_SUBJECT)
    parties: list[KnownParty] = []
    subject_key = subject.name.casefold()
    for p in request.parties:
        if p.role == "third_party":
            parties.append(KnownParty(p.name, p.relationship_to_subject or "",
                                      "disclose" if p.disclose else "redact"))
        elif p.role in ("requester", "representative") and p.name.casefold() != subject_key \
                and redactions.code_regime(request.regime) == "sar":
            parties.append(KnownParty(p.name, p.capacity or p.role, "disclose"))
    staff: list[StaffMember] = []
    seen: set[str] = set()
    rows = [(s.name, s.role, s.org, s.email) for s in session.scalars(select(StaffRow).order_by(StaffRow.id))]
    rows += [(u.name, u.job_title, None, u.email) for u in session.scalars(
        select(User).where(User.role.in_(sorted(STAFF_ROLES)), User.is_active.is_(True),
                           User.job_title.is_not(None)).order_by(User.id))]
    for name, role, org, email in rows:
        if not name or not role or name.casefold() in seen:
            continue
        try:
            staff.append(StaffMember(name, role, org, email if email and "@" in email else None))
        except ValueError:  # a malformed directory entry must not stop the whole run
            continue
        seen.add(name.casefold())
    rep = request.party("representative")
    is_parent = ((rep is not None and (rep.capacity or "") == "parent")
                 or (request.requester_type or "") == "parent")
    context = RedactionContext(subject=subject, parties=tuple(parties), staff=tuple(staff),
                               requester_is_parent=is_parent, regime=redactions.code_regime(request.regime))
    # The officer's confirmed cast (sar.bundle.cast) wins over the engine's own resolution (issue 11).
    confirmed = session.scalars(select(RequestCast).where(RequestCast.request_id == request.id,
                                                          RequestCast.confirmed_at.is_not(None))).first()
    return apply_cast(context, parse_cast({"people": confirmed.people})) if confirmed is not None else context


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
    query = select(Job.id, Job.request_id).where(Job.status == "running", last_sign < now - older_than)
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
              created_by_id=actor.id, created_at=now)
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
            "finished": job.status in ("done", "failed")}


def claim_job(session_factory: sessionmaker, job_id: int, *, now: datetime) -> bool:
    """Atomically move a queued job to running; return False if someone else has it (or it is not queued)."""
    with session_factory.begin() as session:
        result = session.execute(update(Job).where(Job.id == job_id, Job.status == "queued")
                                 .values(status="running", started_at=now, heartbeat_at=now, message="started"))
        return result.rowcount == 1


def claim_next_job(session_factory: sessionmaker, *, now_fn: Callable[[], datetime],
                   kinds: tuple[str, ...] = JOB_KINDS) -> int | None:
    """Claim the oldest queued job of ``kinds``; return its id, or None when there is nothing to do.

    On PostgreSQL the oldest queued row is locked with ``FOR UPDATE SKIP LOCKED``, so any number of
    workers on any number of machines each take a different job in one round trip (issue 11); the
    conditional update keeps the claim exactly-once on SQLite too, which has no row locks.
    """
    for _ in range(5):  # SQLite only: another worker may win the race for the oldest job; try the next
        with session_factory.begin() as session:
            job_id = session.scalars(select(Job.id).where(Job.status == "queued", Job.kind.in_(kinds))
                                     .order_by(Job.id).limit(1).with_for_update(skip_locked=True)).first()
            if job_id is None:
                return None
            now = now_fn()
            won = session.execute(update(Job).where(Job.id == job_id, Job.status == "queued")
                                  .values(status="running", started_at=now, heartbeat_at=now,
                                          message="started")).rowcount == 1
        if won:
            return job_id
    return None


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


def beat(session_factory: sessionmaker, job_id: int, *, now: datetime) -> bool:
    """Record a sign of life for a running job; return False if it is no longer running."""
    with session_factory.begin() as session:
        result = session.execute(update(Job).where(Job.id == job_id, Job.status == "running")
                                 .values(heartbeat_at=now))
        return result.rowcount == 1


class Heartbeat:
    """Beats a running job's heartbeat from a daemon thread, every ``interval`` seconds, until stopped.

    A thread rather than the progress callbacks, because one step (loading the language model, a
    page that needs OCR) can take longer than the stale limit while the process is perfectly alive.
    Use as a context manager around the work.
    """

    def __init__(self, session_factory: sessionmaker, job_id: int, *, interval: float,
                 now_fn: Callable[[], datetime]) -> None:
        self._factory, self._job_id, self._interval, self._now_fn = session_factory, job_id, interval, now_fn
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"job-{job_id}-heartbeat", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not beat(self._factory, self._job_id, now=self._now_fn()):
                    return
            except Exception:  # noqa: BLE001 - a missed beat is retried; the work goes on
                log.warning("job %s: could not record its heartbeat", self._job_id, exc_info=True)

    def __enter__(self) -> Heartbeat:
        if self._interval > 0:
            self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def run_job(session_factory: sessionmaker, job_id: int, *, settings: Settings, now_fn: Callable[[], datetime],
            engine: Engine | None = None, claimed: bool = False) -> str:
    """Claim (unless ``claimed``) and run one job to the end.

    :param session_factory: a ``sessionmaker``; each step runs in its own ``begin()`` transaction.
    :param now_fn: the clock (called at each step).
    :param engine: the redaction engine; the process-wide default when None.
    :param claimed: the caller already claimed the job (:func:`claim_next_job`).
    :return: ``"done"``, ``"failed"``, or ``"skipped"`` when the job was not queued (someone else
        claimed it first).
    """
    if not claimed and not claim_job(session_factory, job_id, now=now_fn()):
        return "skipped"
    try:
        with Heartbeat(session_factory, job_id, interval=settings.job_heartbeat_seconds, now_fn=now_fn):
            kind = _kind(session_factory, job_id)
            runner = _RUNNERS.get(kind)
            if kind == PACK_JOB:
                result, message = _run_pack(session_factory, job_id, settings=settings, now_fn=now_fn)
            elif runner is not None:
                result, message = runner(
                    session_factory, job_id, settings=settings, now_fn=now_fn,
                    progress=lambda done, total, text: _set_progress(session_factory, job_id, done, total, text))
            else:
                result, message = _run_proposals(session_factory, job_id, settings=settings, now_fn=now_fn,
                                                 engine=engine)
    except Exception as exc:  # noqa: BLE001 - any failure must end the job, with its reason
        log.exception("job %s failed", job_id)
        _finish(session_factory, job_id, "failed", str(exc) or type(exc).__name__, now_fn())
        return "failed"
    except BaseException:
        _finish(session_factory, job_id, "failed", "interrupted", now_fn())
        raise
    return "done" if result else "failed"


def _kind(session_factory: sessionmaker, job_id: int) -> str | None:
    with session_factory.begin() as session:
        return session.scalar(select(Job.kind).where(Job.id == job_id))


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
    n_docs = len(inputs)
    _set_progress(session_factory, job_id, 0, 2 * n_docs, "reading the documents")
    store = FileStore.for_settings(settings)
    extracted = []
    for i, (_, name, sha) in enumerate(inputs, start=1):
        extracted.append(pdf.extract(store.get(sha), name))
        _set_progress(session_factory, job_id, i, 2 * n_docs, f"read {i} of {n_docs} documents")

    def progress(done: int, total: int) -> None:
        _set_progress(session_factory, job_id, n_docs + done, n_docs + total,
                      f"looking for personal data: page {done} of {total}")

    engine = engine or default_engine()
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
    return True, message


def _run_pack(session_factory: sessionmaker, job_id: int, *, settings: Settings,
              now_fn: Callable[[], datetime]) -> tuple[bool, str]:
    """Build and submit the pack in one transaction (all or nothing), as the job's creator."""
    _set_progress(session_factory, job_id, 0, 1, "building, burning in and verifying the pack")
    now = now_fn()
    with session_factory.begin() as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job is None or job.status != "running":
            raise Conflict("this job was stopped before it finished; no pack was submitted")
        request = session.get(Request, job.request_id)
        creator = session.get(User, job.created_by_id) if job.created_by_id else None
        note = (job.result or {}).get("note", "")
        submit = outcomes.submit_outcome if (job.result or {}).get("outcome") else approvals.submit_for_approval
        approval = submit(session, request, actor=creator, now=now, settings=settings, note=note)
        message = "pack built and submitted for approval"
        job.status = "done"
        job.finished_at = now
        job.progress_done = job.progress_total = 1
        job.message = message
        job.result = {**(job.result or {}), "approval_id": approval.id, "pack_sha256": approval.pack_sha256,
                      "status": request.status}
    return True, message
