"""A redaction job whose worker is killed (SIGKILL) part-way is failed as soon as its heartbeat is
stale, by the next worker's sweep, and can be run again at once (issue 8: it used to stay "running"
and refuse re-runs with 409 for about two hours)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy.orm import sessionmaker

from sar.bundle import jobs
from sar.core.db import engine_for, make_session_factory, utcnow
from sar.core.errors import Conflict
from sar.core.settings import Settings
from sar.models import Job, Request, User
from tests.sar._docs import PAGE_ONE, add_pdf, make_team, sar_request
from tests.smtp_sink import SmtpSink
from tests.worker.helpers import Worker, worker_env

STALE_SECONDS = 2.0
BEAT_SECONDS = 0.2


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def cfg(fresh_db_url, tmp_path) -> Settings:
    return replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path / "storage",
                   job_stale_seconds=STALE_SECONDS, job_heartbeat_seconds=BEAT_SECONDS)


@pytest.fixture
def factory(cfg) -> Iterator[sessionmaker]:
    engine = engine_for(cfg)
    yield make_session_factory(engine)
    engine.dispose()


def _job(factory, job_id: int) -> Job:
    with factory() as session:
        return session.get(Job, job_id)


def _wait_for(predicate, timeout: float, worker: Worker) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        assert worker.proc.poll() is None or predicate(), worker.log[-3000:]
        time.sleep(0.05)
    return False


def _ask_again(factory, cfg, request_id: int, officer_id: int) -> Job:
    with factory.begin() as session:
        return jobs.start_proposal_job(session, session.get(Request, request_id),
                                       actor=session.get(User, officer_id), now=utcnow(),
                                       stale=jobs.stale_after(cfg))


def test_killed_worker_job_is_failed_by_the_next_sweep_and_can_be_rerun(cfg, factory, smtp):
    now = utcnow()
    with factory.begin() as session:
        team = make_team(session)
        req = sar_request(session, cfg, team, now)
        add_pdf(session, req, team, now, cfg, PAGE_ONE, filename="visit.pdf")
        job_id = jobs.start_proposal_job(session, req, actor=team.officer, now=now).id
        request_id, officer_id = req.id, team.officer.id
    env = worker_env(cfg.database_url, smtp.port, SAR_STORAGE_DIR=str(cfg.storage_dir),
                     SAR_JOB_STALE_SECONDS=str(STALE_SECONDS), SAR_JOB_HEARTBEAT_SECONDS=str(BEAT_SECONDS),
                     SAR_WORKER_PAUSE_IN_JOB_SECONDS="300")
    first = Worker(env)
    try:
        assert first.wait_for_line("background job pausing", timeout=60), first.log[-3000:]
        assert _job(factory, job_id).status == "running"
        started = _job(factory, job_id).started_at
        # Alive: the heartbeat moves on past the stale limit, so the job is neither failed nor re-runnable.
        assert _wait_for(lambda: _job(factory, job_id).heartbeat_at > started + timedelta(seconds=STALE_SECONDS),
                         30, first), first.log[-3000:]
        with pytest.raises(Conflict, match="already being computed"):
            _ask_again(factory, cfg, request_id, officer_id)
        assert _job(factory, job_id).status == "running"
    finally:
        first.kill()  # SIGKILL: no chance to mark the job failed
    assert first.proc.returncode == -9
    assert _job(factory, job_id).status == "running"

    time.sleep(STALE_SECONDS + 0.5)
    second = Worker(worker_env(cfg.database_url, smtp.port, SAR_STORAGE_DIR=str(cfg.storage_dir),
                               SAR_JOB_STALE_SECONDS=str(STALE_SECONDS)), "--once")
    try:
        assert second.wait(120) == 0, second.log[-3000:]
    finally:
        second.kill()
    dead = _job(factory, job_id)
    assert dead.status == "failed", (dead.status, second.log[-3000:])
    assert "no sign of life" in dead.message and "run it again" in dead.message
    assert "marked 1 background job(s) failed" in second.log

    again = _ask_again(factory, cfg, request_id, officer_id)
    assert again.status == "queued" and again.id != job_id
