"""Run background jobs (redaction proposals) in a thread with its own database session.

The thread calls ``sar.bundle.jobs.run_job`` with the app's session factory, then sweeps any other jobs
still queued (for example ones left behind by a restart). The worker process sweeps queued jobs
too; ``run_job`` is safe to call for a job another runner has already taken.
"""

from __future__ import annotations

import logging
import threading

from sar.bundle import jobs
from sar.bundle import queries as bundle_queries
from sar.core.db import utcnow

log = logging.getLogger(__name__)
_running: set[int] = set()
_lock = threading.Lock()


def _run(session_factory, job_id: int, settings) -> None:
    with _lock:
        if job_id in _running:
            return
        _running.add(job_id)
    try:
        jobs.run_job(session_factory, job_id, settings=settings, now_fn=utcnow)
    except Exception:  # the job records its own failure; never let a thread die silently
        log.exception("background job %s failed", job_id)
    finally:
        with _lock:
            _running.discard(job_id)


def _work(session_factory, job_id: int, settings) -> None:
    _run(session_factory, job_id, settings)
    try:
        with session_factory() as session:
            queued = bundle_queries.queued_job_ids(session)
    except Exception:
        log.exception("could not sweep queued jobs")
        return
    for other in queued:
        _run(session_factory, other, settings)


def run_in_background(app, session_factory, job_id: int, settings) -> threading.Thread:
    """Start a daemon thread that runs ``job_id`` and then any other queued jobs."""
    if app.config.get("SAR_RUN_JOBS_INLINE"):
        _work(session_factory, job_id, settings)
        return threading.current_thread()
    thread = threading.Thread(
        target=_work, args=(session_factory, job_id, settings), name=f"sar-job-{job_id}", daemon=True
    )
    thread.start()
    return thread
