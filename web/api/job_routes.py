"""JSON API for the job queue's dead letter (issue 11): jobs that failed every attempt.

``GET /api/jobs/dead`` lists them with their last error (staff, need-to-know applies);
``POST /api/jobs/{id}/requeue`` puts one back on the queue with fresh attempts (managers).
"""

from __future__ import annotations

from flask import Response, g, jsonify

from sar.bundle import queue
from sar.core.errors import NotFound
from sar.models import Job
from web.api import bp, now
from web.db import get_session


@bp.get("/jobs/dead")
def dead_jobs() -> Response:
    """Every job in the dead letter the caller may see, newest first."""
    session = get_session()
    rows = [queue.dead_view(job) for job in queue.dead_jobs(session, actor=g.api_user, now=now())]
    session.commit()
    return jsonify({"items": rows, "total": len(rows)})


@bp.post("/jobs/<int:job_id>/requeue")
def requeue_job(job_id: int) -> Response:
    """Re-queue a dead job (managers): it is claimed again with a fresh set of attempts."""
    session = get_session()
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound("no such job")
    queue.requeue(session, job, actor=g.api_user, now=now())
    out = queue.dead_view(job) | {"status": job.status}
    session.commit()
    return jsonify(out)
