"""Send the outbox over SMTP: each row at most once, retried with backoff, given up after a limit.

The worker calls :func:`send_pending` every 30 seconds. Each row goes through three short transactions:

1. **claim**: ``UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now + lease WHERE id = :id
   AND sent_at IS NULL AND attempts = :seen AND (next_attempt_at IS NULL OR next_attempt_at <= now)``,
   committed. A row carrying a download link gets that link's token minted in the same transaction (only
   its hash is stored; the URL goes into the message in memory: :mod:`sar.messaging.download_links`). Only one
   sender can win that compare-and-set, so two workers racing never both send a row
   (on PostgreSQL the loser's UPDATE waits for the winner's commit and then no longer matches; SQLite
   serialises writers). The lease means a sender that died mid-send does not block the row for ever.
2. **send** over SMTP, outside any transaction.
3. **mark sent** (``sent_at``, and ``sent_at`` of the reminder that queued it) right after the server
   accepted the message; or, on failure, record ``last_error`` and the backoff time.

The one window SMTP cannot close is a crash after the server accepted a message and before step 3
commits; the row would then be sent again when its lease expires. Each message carries a stable
``Message-ID`` derived from the row, so a duplicate from that window is recognisable downstream.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from sar.core.errors import Conflict, NotFound
from sar.core.settings import Settings
from sar.messaging import account_links, download_links
from sar.models import OutboxEmail, Reminder

log = logging.getLogger(__name__)

#: After this many attempts a row is left unsent, with its last error, for an admin to look at.
MAX_ATTEMPTS = 8
#: How long a claim stops other senders from picking the row up (far longer than one SMTP send).
CLAIM_LEASE = timedelta(minutes=10)
#: Seconds to wait for the SMTP server on connect and on each command.
SMTP_TIMEOUT = 30
_FIRST_BACKOFF = timedelta(minutes=1)
_MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt: 1, 2, 4 ... minutes, at most 6 hours."""
    return min(_FIRST_BACKOFF * (2 ** max(attempts - 1, 0)), _MAX_BACKOFF)


@dataclass(frozen=True)
class _Claimed:
    """A snapshot of a claimed row, read in the claim transaction."""

    id: int
    attempts: int
    to_addr: str
    subject: str
    body_text: str
    created_at: datetime


class _Transient(Exception):
    """The server or connection failed; the row is retried later and the batch stops."""


class _Permanent(Exception):
    """The server refused this message for good (5xx for this recipient or content)."""


def _due(now: datetime, max_attempts: int):
    return (
        OutboxEmail.sent_at.is_(None),
        OutboxEmail.attempts < max_attempts,
        or_(OutboxEmail.next_attempt_at.is_(None), OutboxEmail.next_attempt_at <= now),
    )


def pending_count(session: Session, *, now: datetime, max_attempts: int = MAX_ATTEMPTS) -> int:
    """How many rows :func:`send_pending` would try now."""
    return session.scalar(select(func.count()).select_from(OutboxEmail).where(*_due(now, max_attempts))) or 0


def _claim(session_factory: sessionmaker, row_id: int, seen: int, now: datetime,
           max_attempts: int, base_url: str) -> _Claimed | None:
    # A row that carries a download link gets its token minted here, in the claim's transaction: the
    # token is written into the message in memory and only its hash is stored (sar.messaging.download_links).
    with session_factory.begin() as session:
        result = session.execute(
            update(OutboxEmail)
            .where(OutboxEmail.id == row_id, OutboxEmail.attempts == seen, *_due(now, max_attempts))
            .values(attempts=OutboxEmail.attempts + 1, next_attempt_at=now + CLAIM_LEASE)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return None
        row = session.execute(
            select(OutboxEmail.to_addr, OutboxEmail.subject, OutboxEmail.body_text, OutboxEmail.created_at,
                   OutboxEmail.download_link_id, OutboxEmail.account_link_id)
            .where(OutboxEmail.id == row_id)
        ).one()
        body = row.body_text
        if row.download_link_id is not None:
            token = download_links.mint_token(session, row.download_link_id)
            body = download_links.fill_slot(body, download_links.link_url(base_url, token))
        if row.account_link_id is not None:
            token, purpose = account_links.mint_token(session, row.account_link_id)
            body = account_links.fill_slot(body, account_links.link_url(base_url, purpose, token))
        return _Claimed(row_id, seen + 1, row.to_addr, row.subject, body, row.created_at)


def message_id(row_id: int, created_at: datetime, mail_from: str) -> str:
    """The stable Message-ID of an outbox row: the same on every attempt."""
    domain = mail_from.rpartition("@")[2] or "sar-desk.invalid"
    return f"<sar-outbox-{row_id}-{int(created_at.timestamp())}@{domain}>"


def _build(row: _Claimed, settings: Settings, now: datetime) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = row.to_addr
    msg["Subject"] = row.subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id(row.id, row.created_at, settings.mail_from)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office loops
    msg["X-SAR-Outbox-Id"] = str(row.id)
    msg.set_content(row.body_text)
    return msg


class _Connection:
    """One SMTP connection, opened on first use and reused for the batch."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def send(self, msg: EmailMessage, to_addr: str) -> None:
        try:
            if self.smtp is None:
                smtp = smtplib.SMTP(self.settings.smtp_host, self.settings.smtp_port, timeout=SMTP_TIMEOUT)
                self.smtp = smtp
                if self.settings.smtp_starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.settings.smtp_user:
                    smtp.login(self.settings.smtp_user, self.settings.smtp_password or "")
            self.smtp.send_message(msg, from_addr=self.settings.mail_from, to_addrs=[to_addr])
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if codes and all(code >= 500 for code in codes):
                raise _Permanent(f"recipient refused: {exc.recipients}") from exc
            raise _Transient(f"recipient deferred: {exc.recipients}") from exc
        except smtplib.SMTPDataError as exc:
            if exc.smtp_code >= 500:
                raise _Permanent(f"message refused: {exc.smtp_code} {exc.smtp_error!r}") from exc
            self.close()
            raise _Transient(f"message deferred: {exc.smtp_code} {exc.smtp_error!r}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise _Transient(f"{type(exc).__name__}: {exc}") from exc

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None


def _mark_sent(session_factory: sessionmaker, row_id: int, now: datetime) -> None:
    # The server has the message: record it now, retrying briefly, because a failure here is the one
    # way a row gets sent twice (after its lease runs out).
    for attempt in range(3):
        try:
            with session_factory.begin() as session:
                session.execute(update(OutboxEmail).where(OutboxEmail.id == row_id)
                                .values(sent_at=now, next_attempt_at=None, last_error=None)
                                .execution_options(synchronize_session=False))
                session.execute(update(Reminder).where(Reminder.outbox_id == row_id).values(sent_at=now)
                                .execution_options(synchronize_session=False))
            return
        except Exception:
            if attempt == 2:
                log.exception("outbox %s was sent but could not be marked sent; it may be sent again", row_id)
                raise
            time.sleep(0.5 * (attempt + 1))


def _mark_failed(session_factory: sessionmaker, row: _Claimed, error: str, now: datetime, *,
                 give_up: bool, max_attempts: int) -> None:
    values: dict = {"last_error": error[:2000]}
    if give_up or row.attempts >= max_attempts:
        values.update(attempts=max(row.attempts, max_attempts), next_attempt_at=None)
    else:
        values["next_attempt_at"] = now + backoff(row.attempts)
    with session_factory.begin() as session:
        session.execute(update(OutboxEmail).where(OutboxEmail.id == row.id).values(**values)
                        .execution_options(synchronize_session=False))


def send_pending(
    session_factory: sessionmaker,
    *,
    settings: Settings,
    now_fn: Callable[[], datetime],
    limit: int = 100,
    max_attempts: int = MAX_ATTEMPTS,
    pause_seconds: float = 0.0,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Send up to ``limit`` due outbox rows over SMTP, oldest first; commits per row.

    :param session_factory: builds sessions on the database (each step is its own transaction).
    :param settings: ``smtp_host``, ``smtp_port``, ``smtp_starttls``, ``smtp_user``/``smtp_password``,
        ``mail_from``.
    :param now_fn: returns the current aware UTC time (called at each step).
    :param limit: most rows to try in this call.
    :param max_attempts: attempts after which a row is left for an admin (see :func:`requeue`).
    :param pause_seconds: wait between messages (rate limit for a smarthost; tests use it to stop the
        worker mid-batch).
    :param should_stop: polled between messages; return True to stop early (worker shutdown).
    :return: how many rows were sent.
    """
    with session_factory() as session:
        candidates = session.execute(
            select(OutboxEmail.id, OutboxEmail.attempts).where(*_due(now_fn(), max_attempts))
            .order_by(OutboxEmail.id).limit(limit)
        ).all()
    conn = _Connection(settings)
    sent = 0
    try:
        for row_id, seen in candidates:
            if should_stop is not None and should_stop():
                break
            now = now_fn()
            row = _claim(session_factory, row_id, seen, now, max_attempts, settings.base_url)
            if row is None:
                continue  # another sender has it, or it was sent meanwhile
            try:
                conn.send(_build(row, settings, now), row.to_addr)
            except _Permanent as exc:
                log.warning("outbox %s refused permanently: %s", row.id, exc)
                _mark_failed(session_factory, row, str(exc), now_fn(), give_up=True,
                             max_attempts=max_attempts)
                continue
            except _Transient as exc:
                log.warning("outbox %s not sent (attempt %s): %s", row.id, row.attempts, exc)
                _mark_failed(session_factory, row, str(exc), now_fn(), give_up=False,
                             max_attempts=max_attempts)
                break  # the server is unwell: leave the rest for the next run
            _mark_sent(session_factory, row.id, now_fn())
            sent += 1
            log.info("outbox %s sent (attempt %s)", row.id, row.attempts)
            if pause_seconds:
                time.sleep(pause_seconds)
    finally:
        conn.close()
    return sent


def requeue(session: Session, outbox_id: int) -> OutboxEmail:
    """Let an unsent row that was given up be tried again at once (an admin's action; flushes).

    :raises NotFound: no such row. :raises Conflict: it has been sent.
    """
    email = session.get(OutboxEmail, outbox_id)
    if email is None:
        raise NotFound(f"no outbox e-mail {outbox_id}")
    if email.sent_at is not None:
        raise Conflict(f"outbox e-mail {outbox_id} has already been sent")
    email.attempts = 0
    email.next_attempt_at = None
    session.flush()
    return email
