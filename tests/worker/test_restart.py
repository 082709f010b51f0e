"""The worker as a real process, killed mid-send or mid-sweep and restarted: every reminder goes once."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from sar.core.db import make_engine, make_session_factory
from sar.models import OutboxEmail, Reminder
from tests.smtp_sink import SmtpSink
from tests.worker.helpers import Worker, seed_overdue, sent_count, worker_env

REQUESTS, MANAGERS = 6, 2
#: One escalation per request per manager, and one digest per manager.
EXPECTED = REQUESTS * MANAGERS + MANAGERS


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def factory(fresh_db_url) -> Iterator[sessionmaker]:
    engine = make_engine(fresh_db_url)
    yield make_session_factory(engine)
    engine.dispose()


def _assert_each_sent_exactly_once(factory, smtp: SmtpSink) -> None:
    got = smtp.wait_for(EXPECTED, timeout=5)
    assert len(got) == EXPECTED
    ids = Counter(m.message["Message-ID"] for m in got)
    assert all(n == 1 for n in ids.values()), ids
    pairs = Counter((m.rcpt_tos[0], m.subject) for m in got)
    assert all(n == 1 for n in pairs.values()), pairs
    assert sum(1 for m in got if m.subject.startswith("Overdue since")) == REQUESTS * MANAGERS
    assert sum(1 for m in got if m.subject.startswith("Daily summary")) == MANAGERS
    with factory() as session:
        rows = list(session.scalars(select(OutboxEmail)))
        assert len(rows) == EXPECTED and all(r.sent_at is not None for r in rows)
        reminders = list(session.scalars(select(Reminder)))
        assert len(reminders) == EXPECTED and all(r.sent_at is not None for r in reminders)
        assert {r.outbox_id for r in reminders} == {r.id for r in rows}


def test_killed_mid_send_and_restarted_sends_each_reminder_exactly_once(fresh_db_url, factory, smtp):
    seed_overdue(factory, fresh_db_url, requests=REQUESTS, managers=MANAGERS)
    first = Worker(worker_env(fresh_db_url, smtp.port, SAR_WORKER_SLOW_SEND_SECONDS="0.5"), "--once")
    try:
        deadline = time.monotonic() + 60
        while sent_count(factory) < 3 and time.monotonic() < deadline and first.proc.poll() is None:
            time.sleep(0.02)
        # Kill while it sleeps between two messages: the third has been sent and marked sent.
        first.kill()
    finally:
        first.kill()
    killed_at = sent_count(factory)
    assert 3 <= killed_at < EXPECTED, first.log
    assert len(smtp.messages) == killed_at
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Reminder)) == EXPECTED  # the sweeps committed

    second = Worker(worker_env(fresh_db_url, smtp.port), "--once")
    assert second.wait(90) == 0, second.log
    _assert_each_sent_exactly_once(factory, smtp)
    # A third run finds nothing to do.
    third = Worker(worker_env(fresh_db_url, smtp.port), "--once")
    assert third.wait(90) == 0, third.log
    assert len(smtp.messages) == EXPECTED


def test_killed_mid_sweep_commits_nothing_and_the_restart_sends_everything_once(fresh_db_url, factory, smtp):
    seed_overdue(factory, fresh_db_url, requests=REQUESTS, managers=MANAGERS)
    first = Worker(worker_env(fresh_db_url, smtp.port, SAR_WORKER_PAUSE_BEFORE_COMMIT_SECONDS="60"), "--once")
    try:
        assert first.wait_for_line("escalate_overdue queued 12 e-mail(s); committing", timeout=60), first.log
    finally:
        first.kill()
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Reminder)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEmail)) == 0
    assert smtp.messages == []

    second = Worker(worker_env(fresh_db_url, smtp.port), "--once")
    assert second.wait(90) == 0, second.log
    _assert_each_sent_exactly_once(factory, smtp)
