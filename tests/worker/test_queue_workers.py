"""Three real worker processes share one queue on PostgreSQL: every task is done exactly once, also
after one worker is SIGKILLed mid-task (its lease expires and another worker completes the task).

Issue 11. The workers (``tests/worker/queue_probe.py``) claim with ``FOR UPDATE SKIP LOCKED`` and run
each task through ``sar.bundle.steps.run_step``, the code that runs the per-document jobs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from sar.core.db import make_engine, make_session_factory, utcnow
from sar.core.settings import REPO_ROOT
from sar.models import Job

TASKS = 30
LEASE_SECONDS = 2.0


def _lines(log_dir: Path) -> list[tuple[int, str, int]]:
    out = []
    for path in log_dir.glob("*.log"):
        for line in path.read_text().splitlines():
            what, job_id = line.split()
            out.append((int(path.stem), what, int(job_id)))
    return out


def test_three_workers_do_every_task_exactly_once_even_when_one_is_killed(fresh_db_url, tmp_path):
    if not fresh_db_url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL (set DATABASE_URL): several worker processes claiming with "
                    "FOR UPDATE SKIP LOCKED; SQLite serialises writers and is run by one worker")
    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    now = utcnow()
    with factory.begin() as session:
        rows = [Job(kind="probe", status="queued", max_attempts=3, created_at=now, message="",
                    params={"slow": i == 3, "seconds": 0.05}) for i in range(TASKS)]
        session.add_all(rows)
        session.flush()
        ids = [j.id for j in rows]
    slow_id = ids[3]
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAR_")}
    env.update(SAR_DATABASE_URL=fresh_db_url, SAR_ENV="test", SAR_STORAGE_DIR=str(tmp_path / "storage"),
               SAR_JOB_STALE_SECONDS=str(LEASE_SECONDS), SAR_JOB_HEARTBEAT_SECONDS="0.3", PYTHONUNBUFFERED="1")
    procs = [subprocess.Popen([sys.executable, "-m", "tests.worker.queue_probe", str(log_dir)], cwd=REPO_ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    try:
        deadline = time.monotonic() + 60
        victim = None
        while victim is None and time.monotonic() < deadline:
            victim = next((pid for pid, what, job in _lines(log_dir) if what == "start" and job == slow_id), None)
            time.sleep(0.05)
        assert victim is not None, "no worker started the slow task"
        os.kill(victim, signal.SIGKILL)  # mid-task: it holds the lease and never finishes
        killed = next(p for p in procs if p.pid == victim)
        assert killed.wait(10) == -signal.SIGKILL
        for proc in procs:
            if proc is not killed:
                assert proc.wait(120) == 0, proc.stderr.read()[-3000:]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)

    lines = _lines(log_dir)
    done = Counter(job for _, what, job in lines if what == "done")
    assert set(done) == set(ids) and set(done.values()) == {1}, done  # every task, exactly once
    starts = Counter(job for _, what, job in lines if what == "start")
    assert starts[slow_id] == 2  # started by the killed worker, then reclaimed once
    assert all(starts[i] == 1 for i in ids if i != slow_id)
    assert next(pid for pid, what, job in lines if what == "done" and job == slow_id) != victim
    with factory() as session:
        jobs = {j.id: j for j in session.scalars(select(Job).where(Job.id.in_(ids)))}
    assert all(j.status == "done" and j.lease_until is None for j in jobs.values())
    assert jobs[slow_id].attempts == 2 and jobs[slow_id].result["by"] != victim
    by = {job: pid for pid, what, job in lines if what == "done"}
    assert all(jobs[i].result["by"] == by[i] for i in ids)
    engine.dispose()


def test_a_jobs_only_worker_retries_with_backoff_then_dead_letters(fresh_db_url, tmp_path):
    """``python -m worker --jobs-only`` (no scheduler): a job that keeps failing is retried after a
    backoff and, out of attempts, left in the dead letter with its error; SIGTERM stops it cleanly."""
    from tests.worker.helpers import Worker, worker_env

    engine = make_engine(fresh_db_url)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        job = Job(kind="burn_document", status="queued", max_attempts=2, created_at=utcnow(), message="",
                  params={"filename": "missing.pdf", "sha256": "0" * 64})
        session.add(job)
        session.flush()
        job_id = job.id
    worker = Worker(worker_env(fresh_db_url, 1, SAR_STORAGE_DIR=str(tmp_path / "storage")), "--jobs-only")
    try:
        deadline = time.monotonic() + 60
        seen = set()
        while time.monotonic() < deadline:
            with factory() as session:
                row = session.get(Job, job_id)
                seen.add((row.status, row.attempts))
                if row.status == "dead":
                    break
            time.sleep(0.2)
        assert row.status == "dead", (seen, worker.log[-3000:])
        assert ("queued", 1) in seen  # waiting for its retry after the first failure
        assert row.attempts == 2 and row.last_error and "gave up after 2 attempts" in row.message
        worker.proc.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0, worker.log[-3000:]
    finally:
        worker.kill()
    assert "job runner starting (no scheduler)" in worker.log and "worker stopped" in worker.log
    assert "worker starting with jobs" not in worker.log  # no scheduler in this mode
    engine.dispose()
