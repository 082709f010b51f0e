"""The job queue's dead letter for staff (issue 11): jobs that failed every attempt, with their error.

Every member of staff sees the dead jobs of the requests they may see; a manager re-queues one
(``sar.bundle.queue.requeue``) with a fresh set of attempts.
"""

from __future__ import annotations

from flask import redirect, render_template, url_for

from sar.bundle import queue
from sar.core.db import utcnow
from sar.core.errors import NotFound
from sar.models import Job
from web.auth import current_user, role_required, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import form_post
from web.staff.forms import PostForm


@bp.route("/jobs/dead")
@staff_required
def dead_jobs():
    db = get_session()
    rows = queue.dead_jobs(db, actor=current_user(), now=utcnow())
    db.commit()
    return render_template("staff/dead_jobs.html", jobs=rows, form=PostForm())


@bp.route("/jobs/<int:job_id>/requeue", methods=["POST"])
@role_required("manager")
def requeue_job(job_id: int):
    def action(db):
        job = db.get(Job, job_id)
        if job is None:
            raise NotFound("no such job")
        return queue.requeue(db, job, actor=current_user(), now=utcnow())

    return form_post(PostForm(), action, req=None, back=lambda: redirect(url_for("staff.dead_jobs")),
                     success=lambda job: f"Job {job.id} is queued again.")
