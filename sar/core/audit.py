"""Append-only, tamper-evident audit log.

Every read of a case, every change and every download calls :func:`record`. Each row's hash covers
the previous row's hash and its own canonical payload, and :class:`~sar.models.AuditHead` holds the
last sequence number and hash, so altering, deleting or truncating rows is caught by :func:`verify`.

Appends are serialised: :func:`record` first takes the chain's writer lock for the rest of the
caller's transaction (a PostgreSQL advisory transaction lock; on SQLite the database's single write
lock), then reads the head. Reading the head before holding the lock let two concurrent staff
sessions take the same sequence number (``UNIQUE constraint failed: audit_events.seq``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sar.models import AuditEvent, AuditHead, User

GENESIS = "0" * 64
#: PostgreSQL advisory lock key held while appending (any fixed 64-bit number: "SARAUDIT" in ASCII).
CHAIN_LOCK_KEY = int.from_bytes(b"SARAUDIT", "big")
#: Tries at taking SQLite's write lock; each try already waits up to the busy timeout.
LOCK_ATTEMPTS = 3

log = logging.getLogger(__name__)


def _lock_chain(session: Session) -> None:
    """Hold the chain's writer lock until the caller's transaction ends.

    PostgreSQL: ``pg_advisory_xact_lock`` (also covers the very first append, when there is no head
    row to lock yet). SQLite: a no-op write to the head makes the transaction a write transaction,
    and SQLite grants that to one connection at a time, waiting up to the busy timeout; a wait that
    times out ("database is locked") is retried. A transaction that already wrote holds the lock.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    elif dialect == "sqlite":
        for attempt in range(1, LOCK_ATTEMPTS + 1):
            try:
                session.execute(text("UPDATE audit_head SET last_seq = last_seq WHERE id = 1"))
                return
            except OperationalError as exc:
                if "locked" not in str(exc.orig) or attempt == LOCK_ATTEMPTS:
                    raise
                log.warning("audit log busy (attempt %d of %d); retrying", attempt, LOCK_ATTEMPTS)
                time.sleep(0.05 * attempt)


def _canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def _payload(row: AuditEvent) -> dict[str, Any]:
    at = row.at.astimezone(UTC).isoformat(timespec="microseconds")
    return {
        "seq": row.seq,
        "at": at,
        "actor_id": row.actor_id,
        "actor_label": row.actor_label,
        "action": row.action,
        "request_id": row.request_id,
        "target": row.target,
        "detail": row.detail,
    }


def _hash(prev_hash: str, row: AuditEvent) -> str:
    return hashlib.sha256((prev_hash + _canonical(_payload(row))).encode()).hexdigest()


def actor_label(actor: User | None) -> str:
    """Describe an actor for the log: ``"user:3 jo@example.org (officer)"`` or ``"system"``."""
    if actor is None:
        return "system"
    return f"user:{actor.id} {actor.email} ({actor.role})"


def record(
    session: Session,
    action: str,
    *,
    actor: User | None,
    now: datetime,
    request_id: int | None = None,
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain.

    :param action: dotted verb such as ``request.view``, ``redaction.accept``, ``pack.download``.
    :param actor: who did it; None for the system (worker sweeps).
    :param now: aware UTC time of the event.
    :param request_id: the request concerned, if any.
    :param target: what inside the request (e.g. ``"redaction:17"``).
    :param detail: JSON-serialisable facts (reasons, old and new values).
    :return: the flushed row.
    """
    _lock_chain(session)
    # populate_existing: a head loaded earlier in this session (before the lock) may be stale.
    head = session.scalars(select(AuditHead).where(AuditHead.id == 1).with_for_update()
                           .execution_options(populate_existing=True)).first()
    if head is None:
        head = AuditHead(id=1, last_seq=0, last_hash=GENESIS)
        session.add(head)
    # Round-trip detail through JSON now so the hashed payload equals what the database returns.
    clean_detail = json.loads(_canonical(detail or {}))
    row = AuditEvent(
        seq=head.last_seq + 1,
        at=now.astimezone(UTC),
        actor_id=actor.id if actor is not None else None,
        actor_label=actor_label(actor),
        action=action,
        request_id=request_id,
        target=target,
        detail=clean_detail,
        prev_hash=head.last_hash,
    )
    row.hash = _hash(head.last_hash, row)
    session.add(row)
    head.last_seq = row.seq
    head.last_hash = row.hash
    session.flush()
    return row


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of :func:`verify`: ``ok`` and, if not, the first broken row and why."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    first_bad_id: int | None = None
    problem: str = ""


def _rows(session: Session, batch: int = 2000) -> Iterator[AuditEvent]:
    last = 0
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        session.expunge_all()


def verify(session: Session) -> VerifyResult:
    """Re-check the whole chain from the first row.

    :return: a :class:`VerifyResult` naming the first row whose hash, link or sequence is wrong,
        or the tail if rows after the last one were deleted.
    """
    prev_hash = GENESIS
    expected_seq = 1
    checked = 0
    for row in _rows(session):
        if row.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, None, f"row seq {expected_seq} is missing")
        if row.prev_hash != prev_hash:
            return VerifyResult(False, checked, row.seq, row.id, "link to the previous row is broken")
        if _hash(prev_hash, row) != row.hash:
            return VerifyResult(False, checked, row.seq, row.id, "row content does not match its hash")
        prev_hash = row.hash
        expected_seq += 1
        checked += 1
    head = session.get(AuditHead, 1)
    last_seq = head.last_seq if head else 0
    last_hash = head.last_hash if head else GENESIS
    if last_seq != checked or last_hash != prev_hash:
        return VerifyResult(
            False,
            checked,
            checked + 1,
            None,
            f"the log ends at seq {checked} but the head records seq {last_seq}: rows were removed",
        )
    return VerifyResult(True, checked)


def events_for_request(session: Session, request_id: int, limit: int = 500) -> list[AuditEvent]:
    """Return a request's audit trail, newest first."""
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.request_id == request_id)
            .order_by(AuditEvent.seq.desc())
            .limit(limit)
        )
    )
