"""Per-document steps of a bundle's jobs: extract+detect, and burn-in+verify (issue 11).

A proposal run or a pack build over a large bundle is split into one child job per document
(``jobs.parent_id``), so any number of workers share it: the parent spawns its children
(:func:`spawn`), then :func:`drive` works through them beside the other workers (claiming one at a
time with :func:`sar.bundle.queue.claim`) and waits for those running elsewhere. The children are
retryable (lease, backoff, dead letter: :mod:`sar.bundle.queue`); one that ends ``dead`` or ``failed``
fails its parent with that document's error. Between the two proposal phases the parent resolves the
bundle's cast in one step (``RedactionEngine.decide``).

A document longer than ``Settings.job_range_pages`` is split further, into one step per page range
in both phases (:mod:`sar.bundle.ranges`: the ranges put back together read exactly as one step).

A step's output goes to the file store (per-document results on disk, encrypted at rest like every
other file when that is on), and only its hash into the job's ``result``; the parent deletes the
files when it is done with them (:func:`discard`), and the worker's sweep (:func:`sweep_orphans`)
deletes those of a parent that stopped before it could. The detection output is JSON
(``ranges.encode_detected``): nothing read back from the store is unpickled.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from redaction import pdf
from redaction.errors import VerificationError
from sar.bundle import queue, ranges
from sar.core.errors import SarError
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.models import BundleItem, Job
from sar.release import burning

log = logging.getLogger(__name__)

DETECT_JOB = "detect_document"
BURN_JOB = "burn_document"
STEP_KINDS = (DETECT_JOB, BURN_JOB)
#: How often a parent looks again at children running on other workers (seconds).
POLL_SECONDS = 0.5


class StepFailed(RuntimeError):
    """A child step ended dead or failed; its parent cannot finish.

    Permanent for the parent: the step itself was retried as often as it may be, or refused for good
    (a verification failure), so retrying the parent would only find the same step again.
    """


#: Errors that a retry cannot mend: the use case refused, the output failed verification, or a step
#: of the job already gave up.
PERMANENT_ERRORS: tuple[type[BaseException], ...] = (SarError, VerificationError, ValueError, StepFailed)


def spawn(session: Session, parent: Job, kind: str, params: list[dict[str, Any]], *, now: datetime,
          max_attempts: int = queue.DEFAULT_MAX_ATTEMPTS) -> list[Job]:
    """Queue one child job of ``kind`` per entry of ``params`` (in order) under ``parent``. Flushes."""
    children = [Job(kind=kind, parent_id=parent.id, request_id=parent.request_id, status="queued",
                    progress_done=0, progress_total=1, message="waiting for a worker", params=p,
                    max_attempts=max_attempts, created_by_id=parent.created_by_id, created_at=now)
                for p in params]
    session.add_all(children)
    session.flush()
    return children


def drive(session_factory: sessionmaker, parent_id: int, kind: str, *, run: Callable[[int], object],
          worker: str, lease: timedelta, now_fn: Callable[[], datetime],
          progress: Callable[[int, int], None] | None = None, should_stop: Callable[[], bool] = lambda: False,
          poll: float = POLL_SECONDS) -> list[dict[str, Any]]:
    """Run ``parent_id``'s children here while any is claimable, wait for the rest; their results in order.

    :param run: runs one claimed child to its end (:func:`run_step` with this process's settings).
    :raises StepFailed: a child is dead or failed (its error is in the message).
    """
    while True:
        if should_stop():
            raise RuntimeError("the worker is stopping")
        child = queue.claim(session_factory, kinds=(kind,), now_fn=now_fn, worker=worker, lease=lease,
                            parent_id=parent_id)
        if child is not None:
            run(child)
            continue
        with session_factory() as session:
            rows = session.execute(select(Job.id, Job.status, Job.params, Job.last_error, Job.message,
                                          Job.result).where(Job.parent_id == parent_id, Job.kind == kind)
                                   .order_by(Job.id)).all()
        done = sum(1 for r in rows if r.status == "done")
        if progress:
            progress(done, len(rows))
        for r in rows:
            if r.status in ("dead", "failed"):
                name = (r.params or {}).get("filename", f"job {r.id}")
                raise StepFailed(f"{name}: {r.last_error or r.message}")
        if done == len(rows):
            return [r.result or {} for r in rows]
        time.sleep(poll)


def run_step(session_factory: sessionmaker, job_id: int, *, worker: str, settings: Settings,
             now_fn: Callable[[], datetime], engine=None) -> str:
    """Run one claimed step to its end under a renewed lease; return the job's new status.

    The output is stored and the job completed in one transaction only while this worker still
    holds the lease (:func:`sar.bundle.queue.complete`), so a step is completed exactly once. A
    failure is recorded with :func:`sar.bundle.queue.fail`: retried with backoff, or dead letter.
    """
    lease = timedelta(seconds=settings.job_stale_seconds)
    with session_factory() as session:
        job = session.get(Job, job_id)
        kind, params = job.kind, dict(job.params or {})
    try:
        with queue.LeaseKeeper(session_factory, job_id, worker=worker, interval=settings.job_heartbeat_seconds,
                               lease=lease, now_fn=now_fn):
            result, message = _RUNNERS[kind](params, settings=settings, engine=engine, job_id=job_id)
        with session_factory.begin() as session:
            if not queue.complete(session, job_id, worker=worker, now=now_fn(), message=message, result=result):
                log.warning("job %s: lease lost before it finished; its result is dropped", job_id)
                return "lost"
        return "done"
    except Exception as exc:  # noqa: BLE001 - every failure is recorded against the job
        log.warning("job %s (%s) failed: %s", job_id, kind, exc, exc_info=not isinstance(exc, PERMANENT_ERRORS))
        status = queue.fail(session_factory, job_id, worker=worker, now=now_fn(),
                            error=str(exc) or type(exc).__name__, permanent=isinstance(exc, PERMANENT_ERRORS))
        return status or "lost"


def _detect(params: dict, *, settings: Settings, engine, job_id: int) -> tuple[dict, str]:
    """Extract one document or page range (OCR included) and, when the engine splits its phases, detect on it."""
    store = FileStore.for_settings(settings)
    pages = range(*params["pages"]) if params.get("pages") else None
    document = pdf.extract(store.get(params["sha256"]), params["filename"], pages=pages)
    detect = getattr(engine, "detect_document", None) if engine is not None else None
    subject_names, party_names = params.get("names") or ([], [])
    names = (tuple(subject_names), tuple(party_names))
    findings = [[list(f) for f in page] for page in detect(document, names)] if detect else None
    # The job id makes every blob unique, so deleting one never removes another run's.
    blob = store.put(ranges.encode_detected(job_id, document, findings))
    return ({"work_sha256": blob, "pages": len(document.pages), "item_id": params.get("item_id")},
            f"read {len(document.pages)} page(s)")


def detect_steps(session: Session, inputs: list[dict[str, Any]], settings: Settings) -> list[dict[str, Any]]:
    """The DETECT_JOB params of a bundle: one per document, or per page range of a long one (in order)."""
    out: list[dict[str, Any]] = []
    for base in inputs:
        item = session.get(BundleItem, base["item_id"])
        out += ranges.detect_params(base, item.document.page_count or 0, settings.job_range_pages)
    return out


def load_detected(settings: Settings, results: list[dict]) -> tuple[list, list | None]:
    """The documents and (if detected) findings that :func:`drive` returned for DETECT_JOB children.

    The page ranges of one document (consecutive results with its item id) are put end to end.
    """
    store = FileStore.for_settings(settings)
    loaded = [ranges.decode_detected(store.get(r["work_sha256"])) for r in results]
    joined = [ranges.join_detected(parts) for _, parts in
              ranges.group([r.get("item_id", i) for i, r in enumerate(results)], loaded)]
    documents = [document for document, _ in joined]
    findings = [f for _, f in joined]
    return documents, (None if any(f is None for f in findings) else findings)


def _burn(params: dict, *, settings: Settings, engine, job_id: int) -> tuple[dict, str]:
    """Burn in and verify one document of a pack from its spec (``sar.release.packs.burn_specs``)."""
    store = FileStore.for_settings(settings)
    burnt = burning.burn_from_spec(params, store.get(params["sha256"]))
    sha = store.put(burnt.data)
    # "held": pages withheld for a manual check (issue 10); the message says so, so the job's log does too.
    message = "burned in and verified" + (f"; {len(burnt.withheld_pages)} page(s) withheld for a manual check"
                                          if burnt.withheld_pages else "")
    return ({"burnt_sha256": sha, "rasterised": list(burnt.rasterised_pages), "notes": list(burnt.notes),
             "text_layer": list(burnt.text_layer_pages), "held": list(burnt.withheld_pages),
             "spec_key": params["spec_key"]}, message)


def burn_steps(session: Session, specs: list[dict[str, Any]], settings: Settings) -> list[dict[str, Any]]:
    """The BURN_JOB params of a pack: one per document's spec, or per page range of a long one (in order)."""
    out: list[dict[str, Any]] = []
    for spec in specs:
        item = session.get(BundleItem, spec["item_id"])
        out += ranges.burn_params(spec, item.document.page_count or 0, settings.job_range_pages)
    return out


def load_burnt(settings: Settings, results: list[dict], params: list[dict]) -> dict[int, tuple[str, Any]]:
    """Item id -> (spec key, BurnInResult) for BURN_JOB children's results and params (in spawn order).

    The page ranges of one document are joined and verified again (``ranges.join_burnt``).

    :raises VerificationError: a joined document fails verification.
    """
    store = FileStore.for_settings(settings)
    parts = [pdf.BurnInResult(store.get(r["burnt_sha256"]), rasterised_pages=tuple(r["rasterised"]),
                              notes=tuple(r["notes"]), text_layer_pages=tuple(r.get("text_layer", ())),
                              withheld_pages=tuple(r.get("held", ())))
             for r in results]
    out: dict[int, tuple[str, Any]] = {}
    for item_id, pairs in ranges.group([p["item_id"] for p in params], list(zip(params, results, parts,
                                                                                  strict=True))):
        spec, result, _ = pairs[0]
        burnt = ranges.join_burnt(spec, [part for _, _, part in pairs]) if len(pairs) > 1 else pairs[0][2]
        out[item_id] = (result["spec_key"], burnt)
    return out


def discard(settings: Settings, results: list[dict]) -> None:
    """Delete the steps' files from the store once the parent has used them (best effort)."""
    store = FileStore.for_settings(settings)
    for r in results:
        for key in BLOB_KEYS:
            if r.get(key):
                try:
                    store.delete(r[key])
                except OSError:  # pragma: no cover - a leftover file is harmless
                    log.warning("could not delete step output %s", r[key])


#: Result keys of a step that name a file in the store.
BLOB_KEYS = ("work_sha256", "burnt_sha256")


def sweep_orphans(session_factory: sessionmaker, settings: Settings, *, now: datetime) -> int:
    """Delete the stored outputs of steps whose parent job is over but did not delete them; return how many.

    A parent deletes its steps' files once it has used them (:func:`discard`); one that failed, went
    to the dead letter, or died between its last commit and the deletion leaves them in the store.
    Run by the worker's scheduler. A step's file is kept while its parent may still use it (queued
    for a retry, or running), and while any step of an unfinished parent names the same file (a
    burned-in document is stored by its hash, so two runs can share one). The step's result then
    says ``"swept"`` so it is not looked at again. Each step is cleared in its own transaction.
    """
    store = FileStore.for_settings(settings)
    with session_factory() as session:
        parents = {pid: status for pid, status in session.execute(
            select(Job.id, Job.status).where(Job.id.in_(select(Job.parent_id).where(
                Job.kind.in_(STEP_KINDS), Job.parent_id.is_not(None)))))}
        steps = session.execute(select(Job.id, Job.parent_id, Job.result).where(
            Job.kind.in_(STEP_KINDS), Job.parent_id.is_not(None))).all()
    live = {r[key] for _, parent_id, r in steps if parents.get(parent_id) not in queue.FINISHED
            for key in BLOB_KEYS if r and r.get(key)}
    swept = 0
    for step_id, parent_id, result in steps:
        if parents.get(parent_id) not in queue.FINISHED or not result or result.get("swept"):
            continue
        blobs = [result[key] for key in BLOB_KEYS if result.get(key)]
        if not blobs:
            continue
        for sha in blobs:
            if sha not in live:
                try:
                    swept += store.delete(sha)
                except OSError:  # pragma: no cover - tried again on the next sweep
                    log.warning("could not delete step output %s", sha)
                    break
        else:
            with session_factory.begin() as session:
                job = session.get(Job, step_id)
                job.result = {**(job.result or {}), "swept": now.isoformat()}
    if swept:
        log.info("deleted %d stored step output(s) left by finished jobs", swept)
    return swept


_RUNNERS: dict[str, Callable[..., tuple[dict, str]]] = {DETECT_JOB: _detect, BURN_JOB: _burn}
