"""The scheduler process: stable job ids in the database job store, clean SIGTERM, jobs in-process."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import func, select, text
from sqlalchemy.orm import sessionmaker

from sar.core.db import make_engine, make_session_factory, utcnow
from sar.core.settings import REPO_ROOT, Settings
from sar.models import OutboxEmail
from tests.factories import make_request, make_user
from tests.smtp_sink import SmtpSink
from tests.worker.helpers import Worker, seed_overdue, worker_env
from worker import jobs
from worker.__main__ import JOB_DEFAULTS, build_scheduler


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def engine(fresh_db_url):
    eng = make_engine(fresh_db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def factory(engine) -> sessionmaker:
    return make_session_factory(engine)


@pytest.fixture
def worker_settings(fresh_db_url, smtp, tmp_path) -> Iterator[Settings]:
    settings = replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path, smtp_port=smtp.port)
    yield settings
    jobs._runtime = None  # do not leak this test's database into other tests' jobs


def _stored_job_ids(engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(text("SELECT id FROM apscheduler_jobs")).scalars())


def test_registering_twice_keeps_one_job_per_stable_id(engine, factory, worker_settings):
    for _ in range(2):  # two worker starts on the same database
        scheduler = build_scheduler(engine, BackgroundScheduler)
        jobs.register_jobs(scheduler, factory, worker_settings)
        scheduler.start(paused=True)
        jobs.register_jobs(scheduler, factory, worker_settings)  # and again while running
        scheduler.shutdown(wait=False)
    assert _stored_job_ids(engine) == sorted(jobs.JOB_IDS)

    scheduler = build_scheduler(engine, BackgroundScheduler)
    scheduler.start(paused=True)  # a scheduler that registers nothing still sees the stored jobs
    try:
        stored = {job.id: job for job in scheduler.get_jobs()}
        assert sorted(stored) == sorted(jobs.JOB_IDS)
        assert stored[jobs.OUTBOX].trigger.interval == timedelta(seconds=30)
        assert stored[jobs.ACKNOWLEDGEMENTS].trigger.interval == timedelta(seconds=60)
        assert stored[jobs.REMINDERS].trigger.interval == timedelta(minutes=15)
        assert stored[jobs.BACKGROUND_JOBS].trigger.interval == timedelta(seconds=5)
        digest = stored[jobs.DAILY_DIGEST].trigger
        assert isinstance(digest, CronTrigger) and str(digest.timezone) == "Europe/London"
        assert str(digest) == "cron[hour='7', minute='0']"
        retention = stored[jobs.RETENTION_REVIEW].trigger
        assert isinstance(retention, CronTrigger) and str(retention.timezone) == "Europe/London"
        assert str(retention) == "cron[day_of_week='mon', hour='7', minute='30']"
        intervals = [i for i in jobs.JOB_IDS if i not in (jobs.DAILY_DIGEST, jobs.RETENTION_REVIEW)]
        assert all(isinstance(stored[i].trigger, IntervalTrigger) for i in intervals)
        for job in stored.values():
            assert job.coalesce is True and job.max_instances == 1 and job.misfire_grace_time == 300
            assert job.args == () and job.kwargs == {}  # nothing (no password) pickled with the job
            assert job.func.__module__ == "worker.jobs"
    finally:
        scheduler.shutdown(wait=False)
    assert JOB_DEFAULTS == {"coalesce": True, "max_instances": 1, "misfire_grace_time": 300}


def test_jobs_run_in_process_against_the_configured_database(fresh_db_url, factory, worker_settings, smtp):
    seed_overdue(factory, fresh_db_url, requests=2, managers=1)
    jobs.configure(worker_settings, factory)
    assert jobs.send_reminders() == 2  # two escalations, sent straight away
    assert len(smtp.wait_for(2)) == 2
    assert jobs.send_reminders() == 0
    assert jobs.send_daily_digest() == 1
    assert jobs.send_outbox() == 0
    assert len(smtp.wait_for(3)) == 3


def test_sigterm_stops_the_scheduler_cleanly(fresh_db_url, engine, factory, smtp):
    settings = replace(Settings(), database_url=fresh_db_url)
    with factory.begin() as session:
        make_request(session, settings, actor=make_user(session, "officer"), regime="foi",
                     description="How many foster carers did the council approve in 2025?",
                     now=utcnow() - timedelta(minutes=5))
    worker = Worker(worker_env(fresh_db_url, smtp.port))
    try:
        got = smtp.wait_for(1, timeout=60)  # the acknowledgement, sent by the running scheduler
        assert len(got) == 1 and got[0].subject.startswith("We have received your request (FOI-"), worker.log
        assert _stored_job_ids(engine) == sorted(jobs.JOB_IDS)
        worker.proc.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0, worker.log
    finally:
        worker.kill()
    assert "received SIGTERM; stopping" in worker.log and "worker stopped" in worker.log
    assert "Traceback" not in worker.log
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEmail)
                              .where(OutboxEmail.sent_at.is_(None))) == 0


def test_worker_imports_no_flask():
    code = ("import sys, worker.__main__, worker.jobs; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'flask', 'werkzeug', 'web'}); "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("utc", "expected"), [
    (datetime(2026, 1, 12, 6, 59, tzinfo=UTC), False),  # GMT: 06:59 in London
    (datetime(2026, 1, 12, 7, 0, tzinfo=UTC), True),
    (datetime(2026, 7, 13, 6, 30, tzinfo=UTC), True),  # BST: 07:30 in London
    (datetime(2026, 7, 13, 11, 0, tzinfo=UTC), False),  # BST: noon
])
def test_a_worker_started_in_the_morning_catches_up_on_the_digest(utc, expected):
    assert jobs.digest_catch_up(utc) is expected
