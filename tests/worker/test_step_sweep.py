"""The scheduler's sweep deletes step outputs that a stopped parent job left in the file store (issue 11)."""

from __future__ import annotations

from sqlalchemy.orm import sessionmaker

from sar.core.storage import FileStore
from sar.models import Job
from worker import jobs as worker_jobs


def _job(session, kind, status, now, parent=None, result=None):
    job = Job(kind=kind, status=status, parent_id=parent.id if parent else None, progress_done=0,
              progress_total=1, message="", result=result, max_attempts=3, created_at=now)
    session.add(job)
    session.flush()
    return job


def test_sweep_deletes_outputs_of_finished_parents_only(session, settings, now):
    factory = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    store = FileStore.for_settings(settings)
    failed_blob, dead_blob, live_blob = (store.put(f"step output {i}".encode()) for i in range(3))
    failed = _job(session, "redaction_proposals", "failed", now)
    dead = _job(session, "pack_submission", "dead", now)
    retrying = _job(session, "pack_submission", "queued", now)  # waiting for its retry: still needs its files
    a = _job(session, "detect_document", "done", now, failed, {"work_sha256": failed_blob})
    b = _job(session, "burn_document", "done", now, dead, {"burnt_sha256": dead_blob, "spec_key": "k"})
    # The same burned-in file is named by a step of a parent still in use: the file is kept (that
    # step's own parent deletes it), though this step is done with it.
    c = _job(session, "burn_document", "done", now, dead, {"burnt_sha256": live_blob, "spec_key": "k"})
    d = _job(session, "burn_document", "done", now, retrying, {"burnt_sha256": live_blob, "spec_key": "k"})
    session.commit()

    worker_jobs.configure(settings, factory)
    assert worker_jobs.sweep_step_outputs() == 2
    assert not store.exists(failed_blob) and not store.exists(dead_blob) and store.exists(live_blob)
    session.expire_all()
    assert session.get(Job, a.id).result["swept"] and session.get(Job, b.id).result["spec_key"] == "k"
    assert session.get(Job, c.id).result["swept"] and session.get(Job, d.id).result.get("swept") is None
    assert worker_jobs.sweep_step_outputs() == 0  # nothing left to do; a second run is harmless


def test_the_sweep_is_a_scheduled_job():
    assert worker_jobs.STEP_SWEEP in worker_jobs.JOB_IDS
