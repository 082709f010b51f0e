"""The staff page of the job queue's dead letter (issue 11): staff read the error, a manager re-queues."""

from __future__ import annotations

from sar.core.db import utcnow
from sar.models import Job
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def test_dead_jobs_page_shows_the_error_and_a_manager_requeues(web):
    officer, manager = web.user("officer"), web.user("manager")
    with web.factory.begin() as session:
        job = Job(kind="burn_document", status="dead", created_at=utcnow(), finished_at=utcnow(),
                  message="gave up after 3 attempts: disk full", attempts=3, max_attempts=3,
                  last_error="disk full", params={"filename": "notes.pdf"})
        session.add(job)
        session.flush()
        job_id = job.id
    as_officer = web.login(officer)
    page = as_officer.get("/staff/jobs/dead").get_data(as_text=True)
    assert "disk full" in page and "notes.pdf" in page and "3 of 3" in page
    assert "Queue job" not in page  # only a manager may re-queue
    assert post(as_officer, f"/staff/jobs/{job_id}/requeue").status_code == 403
    as_manager = web.login(manager)
    assert "Failed jobs" in as_manager.get("/staff/").get_data(as_text=True)
    done = post(as_manager, f"/staff/jobs/{job_id}/requeue", follow_redirects=True)
    assert f"Job {job_id} is queued again." in flashes(done)
    with web.factory() as session:
        assert session.get(Job, job_id).status == "queued"
    assert "No background job has failed every attempt." in as_manager.get("/staff/jobs/dead").get_data(as_text=True)
