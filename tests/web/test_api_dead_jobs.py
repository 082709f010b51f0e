"""API for the job queue's dead letter (issue 11): staff see dead jobs with their error; managers re-queue."""

from __future__ import annotations

import pytest

from sar.core.db import make_session_factory, utcnow
from sar.models import Job
from tests.web.test_api_helpers import make_api


@pytest.fixture
def api(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    yield api
    api.join_threads()
    api.app.extensions["sar_engine"].dispose()


def test_dead_jobs_are_listed_with_their_error_and_requeued_by_a_manager(api):
    factory = make_session_factory(api.app.extensions["sar_engine"])
    with factory.begin() as session:
        dead = Job(kind="burn_document", status="dead", created_at=utcnow(), message="gave up after 3 attempts",
                   attempts=3, max_attempts=3, last_error="disk full", params={"filename": "notes.pdf"})
        alive = Job(kind="burn_document", status="done", created_at=utcnow(), message="")
        session.add_all([dead, alive])
        session.flush()
        dead_id, alive_id = dead.id, alive.id
    listed = api.get("/api/jobs/dead").get_json()
    assert listed["total"] == 1
    row = listed["items"][0]
    assert (row["id"], row["error"], row["attempts"], row["document"]) == (dead_id, "disk full", 3, "notes.pdf")
    assert api.get("/api/jobs/dead", "alice").status_code == 403
    assert api.post(f"/api/jobs/{dead_id}/requeue").status_code == 403  # an officer may not
    again = api.post(f"/api/jobs/{dead_id}/requeue", "manager")
    assert again.status_code == 200 and again.get_json()["status"] == "queued"
    assert api.post(f"/api/jobs/{alive_id}/requeue", "manager").status_code == 409
    assert api.post("/api/jobs/999999/requeue", "manager").status_code == 404
    assert api.get("/api/jobs/dead").get_json()["total"] == 0
    paths = api.get("/api/openapi.json", None).get_json()["paths"]
    assert "get" in paths["/api/jobs/dead"] and "post" in paths["/api/jobs/{job_id}/requeue"]
