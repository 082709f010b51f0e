"""The SMTP mailer against a real local SMTP server (aiosmtpd) and a database with real commits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from sar.core.db import make_engine, make_session_factory
from sar.core.errors import Conflict
from sar.core.settings import Settings
from sar.messaging import mailer
from sar.messaging.notifications import queue_email
from sar.models import OutboxEmail, Reminder
from tests.smtp_sink import SmtpSink, free_port

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


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


@pytest.fixture
def mail_settings(smtp, fresh_db_url, tmp_path) -> Settings:
    return replace(Settings(), database_url=fresh_db_url, storage_dir=tmp_path, smtp_port=smtp.port,
                   mail_from="information.rights@northshire.gov.uk")


def _queue(factory, *addresses: str, kind: str = "general") -> list[int]:
    with factory.begin() as session:
        ids = [queue_email(session, to=addr, subject=f"Message {i} for {addr}", template="generic",
                           context={"body": f"Body {i}"}, kind=kind, request_id=None, now=T0).id
               for i, addr in enumerate(addresses)]
    return ids


def _rows(factory) -> list[OutboxEmail]:
    with factory() as session:
        return list(session.scalars(select(OutboxEmail).order_by(OutboxEmail.id)))


def test_sends_each_pending_row_once_with_headers_and_marks_it_sent(factory, mail_settings, smtp):
    ids = _queue(factory, "a@example.org", "b@example.org", "c@example.org")
    clock = Clock(T0 + timedelta(seconds=5))
    with factory() as session:
        assert mailer.pending_count(session, now=clock.at) == 3
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=clock) == 3
    got = smtp.wait_for(3)
    assert [m.rcpt_tos for m in got] == [["a@example.org"], ["b@example.org"], ["c@example.org"]]
    first = got[0]
    assert first.mail_from == "information.rights@northshire.gov.uk"
    assert first.subject == "Message 0 for a@example.org"
    assert "Body 0" in first.body
    assert first.message["Message-ID"] == mailer.message_id(ids[0], T0, mail_settings.mail_from)
    assert first.message["Auto-Submitted"] == "auto-generated"
    assert all(r.sent_at == clock.at and r.attempts == 1 and r.last_error is None for r in _rows(factory))
    # Nothing left: a second run sends nothing.
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=clock) == 0
    assert len(smtp.messages) == 3
    with factory() as session:
        assert mailer.pending_count(session, now=clock.at) == 0


def test_marks_the_reminder_that_queued_the_row(factory, mail_settings, smtp):
    (outbox_id,) = _queue(factory, "officer@example.gov.uk", kind="due_soon")
    with factory.begin() as session:
        session.add(Reminder(request_id=None, kind="daily_digest", key="2026-03-02/1", outbox_id=outbox_id,
                             created_at=T0))
    mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0))
    with factory() as session:
        assert session.scalars(select(Reminder)).one().sent_at == T0


def test_server_down_records_error_and_backs_off(factory, mail_settings, smtp):
    _queue(factory, "a@example.org", "b@example.org")
    down = replace(mail_settings, smtp_port=free_port())
    clock = Clock(T0)
    assert mailer.send_pending(factory, settings=down, now_fn=clock) == 0
    first, second = _rows(factory)
    # The batch stops at the first connection failure, so the second row spends no attempt.
    assert first.attempts == 1 and first.sent_at is None and "Connection" in first.last_error
    assert first.next_attempt_at == T0 + mailer.backoff(1)
    assert second.attempts == 0
    # Within the backoff the first row is not tried; the second is.
    clock.at = T0 + timedelta(seconds=30)
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=clock) == 1
    assert [m.rcpt_tos for m in smtp.messages] == [["b@example.org"]]
    clock.at = T0 + timedelta(minutes=2)
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=clock) == 1
    first, _ = _rows(factory)
    assert first.sent_at == clock.at and first.attempts == 2 and first.last_error is None


def test_gives_up_after_max_attempts_and_an_admin_can_requeue(factory, mail_settings, smtp):
    _queue(factory, "a@example.org")
    down = replace(mail_settings, smtp_port=free_port())
    clock = Clock(T0)
    for _ in range(3):
        mailer.send_pending(factory, settings=down, now_fn=clock, max_attempts=3)
        clock.at += timedelta(hours=7)
    (row,) = _rows(factory)
    assert row.attempts == 3 and row.sent_at is None and row.next_attempt_at is None
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=clock, max_attempts=3) == 0
    with factory.begin() as session:
        mailer.requeue(session, row.id)
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=clock, max_attempts=3) == 1
    with factory.begin() as session, pytest.raises(Conflict):
        mailer.requeue(session, row.id)


def test_permanent_refusal_is_given_up_and_the_batch_goes_on(factory, mail_settings, smtp):
    smtp.handler.refuse.add("gone@example.org")
    _queue(factory, "gone@example.org", "b@example.org")
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0)) == 1
    gone, ok = _rows(factory)
    assert gone.sent_at is None and gone.attempts == mailer.MAX_ATTEMPTS and "550" in gone.last_error
    assert ok.sent_at is not None
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0 + timedelta(days=1))) == 0


def test_temporary_refusal_is_retried_later(factory, mail_settings, smtp):
    smtp.handler.defer.add("busy@example.org")
    _queue(factory, "busy@example.org")
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0)) == 0
    (row,) = _rows(factory)
    assert row.attempts == 1 and "451" in row.last_error and row.next_attempt_at == T0 + mailer.backoff(1)
    smtp.handler.defer.clear()
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0 + timedelta(minutes=1))) == 1


def test_a_row_claimed_by_another_sender_is_left_alone_until_its_lease_ends(factory, mail_settings, smtp):
    (row_id,) = _queue(factory, "a@example.org")
    # Another worker claimed it (and, say, died before sending).
    with factory.begin() as session:
        row = session.get(OutboxEmail, row_id)
        row.attempts, row.next_attempt_at = 1, T0 + mailer.CLAIM_LEASE
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0 + timedelta(minutes=1))) == 0
    assert smtp.messages == []
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0 + mailer.CLAIM_LEASE)) == 1
    assert len(smtp.wait_for(1)) == 1


def test_racing_senders_never_send_a_row_twice(factory, mail_settings, smtp):
    addresses = [f"person{i}@example.org" for i in range(20)]
    _queue(factory, *addresses)
    results: list[int] = []
    barrier = threading.Barrier(3)

    def run() -> None:
        barrier.wait()
        results.append(mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0)))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(results) == 20
    got = smtp.wait_for(20)
    assert sorted(m.rcpt_tos[0] for m in got) == sorted(addresses)
    assert all(r.sent_at is not None and r.attempts == 1 for r in _rows(factory))


def test_should_stop_ends_the_batch_between_messages(factory, mail_settings, smtp):
    _queue(factory, "a@example.org", "b@example.org", "c@example.org")
    calls = iter([False, True])
    assert mailer.send_pending(factory, settings=mail_settings, now_fn=Clock(T0),
                               should_stop=lambda: next(calls)) == 1


def test_backoff_doubles_up_to_six_hours():
    assert [mailer.backoff(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert mailer.backoff(20) == timedelta(hours=6)


# aiosmtpd warns that AUTH without TLS is unsafe; this local test server is meant to be.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_logs_in_when_a_user_is_configured(factory, mail_settings):
    sink = SmtpSink(credentials=("sar-desk", "s3cret")).start()
    try:
        _queue(factory, "a@example.org", "b@example.org")
        wrong = replace(mail_settings, smtp_port=sink.port, smtp_user="sar-desk", smtp_password="nope")
        assert mailer.send_pending(factory, settings=wrong, now_fn=Clock(T0)) == 0
        first, _ = _rows(factory)
        assert "SMTPAuthenticationError" in first.last_error and first.sent_at is None
        right = replace(wrong, smtp_password="s3cret")
        assert mailer.send_pending(factory, settings=right, now_fn=Clock(T0 + timedelta(minutes=5))) == 2
        assert len(sink.wait_for(2)) == 2
    finally:
        sink.stop()
