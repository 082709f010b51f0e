"""Append-only, tamper-evident audit log, keyed so it holds against the database's own users.

Every read of a case, every change and every download calls :func:`record`. Each row's MAC is
``HMAC-SHA256(key, prev_mac + canonical payload)`` with a key from configuration
(``SAR_AUDIT_KEY``), never from the database, and the row records the id of the key that signed it,
so keys can be rotated (old rows verify with their own key id's key from the keyring). Someone who
can write to the database but does not hold the key cannot re-sign a row they altered.
:class:`~sar.models.AuditHead` holds the last sequence number and MAC; a truncation that also
rewinds the head is caught against the anchors the worker writes outside the database
(:mod:`sar.core.audit_anchor`).

Rows written before the chain was keyed (migration ``h_auditops``) have ``key_id`` NULL and are
checked by their plain SHA-256 hash only; they must form an unbroken prefix of the chain: a legacy
row after the first keyed row is reported as tampering (otherwise anyone could append or rewrite rows
as "legacy"). The number of legacy rows is pinned in every anchor, too.

Each event also records the client's IP address and user agent when the adapter supplied them
(:func:`set_client`).

Minimisation (issue 18: disposal keeps the audit events "with personal data in them minimised").
From chain format 2 (:data:`FORMAT`, recorded per row in ``fmt``) the MAC covers a keyed digest of
the row's personal details (:data:`PERSONAL_FIELDS`: the actor label, which names a requester by
e-mail, the detail, the client IP and user agent) instead of the details themselves.
:func:`minimise_request` replaces those details with a tombstone and stamps ``minimised_at``; the
MAC, the link and the digest stay, so the chain still verifies, and :func:`verify` counts such rows
as minimised. A row as written must match its digest; a minimised row is accepted only when its
request has a disposal certificate (otherwise "minimising" could hide an edit). Format-1 rows (MAC
over every field, written before format 2) cannot be minimised without breaking the chain and keep
their details; disposal reports how many.

Appends are serialised: :func:`record` first takes the chain's writer lock for the rest of the
caller's transaction (a PostgreSQL advisory transaction lock; on SQLite the database's single write
lock), then reads the head. Reading the head before holding the lock let two concurrent staff
sessions take the same sequence number (``UNIQUE constraint failed: audit_events.seq``).
"""

from __future__ import annotations

import hashlib
import hmac
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

from sar.core.settings import ConfigError, Settings
from sar.models import AuditEvent, AuditHead, DisposalCertificate, User

GENESIS = "0" * 64
#: PostgreSQL advisory lock key held while appending (any fixed 64-bit number: "SARAUDIT" in ASCII).
CHAIN_LOCK_KEY = int.from_bytes(b"SARAUDIT", "big")
#: Tries at taking SQLite's write lock; each try already waits up to the busy timeout.
LOCK_ATTEMPTS = 3

#: Longest client IP / user agent kept (the column sizes).
MAX_IP = 64
MAX_USER_AGENT = 400
#: ``session.info`` key under which the adapter puts the client of the current HTTP request.
CLIENT_INFO = "sar_audit_client"

#: The chain format written by :func:`record`; rows keep the format they were written in.
FORMAT = 2
#: Fields a format-2 MAC covers only through ``personal_digest`` (the ones minimisation replaces).
PERSONAL_FIELDS = ("actor_label", "detail", "client_ip", "user_agent")
#: What replaces a minimised row's detail.
MINIMISED_DETAIL = {"minimised": "personal details removed under the retention schedule"}

log = logging.getLogger(__name__)

_keyring: tuple[tuple[str, str], ...] | None = None


def use_keys(keys: tuple[tuple[str, str], ...]) -> None:
    """Set this process's audit keyring (current key first); adapters call it with their settings."""
    global _keyring
    _keyring = tuple(keys)


def keyring() -> tuple[tuple[str, str], ...]:
    """Return this process's keyring: as set by :func:`use_keys`, else ``SAR_AUDIT_KEY`` from the environment.

    :raises ConfigError: no key is configured (production without ``SAR_AUDIT_KEY``).
    """
    global _keyring
    if _keyring is None:
        _keyring = Settings.from_env().audit_keys
    if not _keyring:
        raise ConfigError("SAR_AUDIT_KEY is not set: the audit log cannot be signed or verified")
    return _keyring


def set_client(session: Session, ip: str | None, user_agent: str | None) -> None:
    """Record, for the rest of this session, the client whose HTTP request it serves (web adapter)."""
    session.info[CLIENT_INFO] = ((ip or "")[:MAX_IP], (user_agent or "")[:MAX_USER_AGENT])


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
    payload = {
        "seq": row.seq,
        "at": at,
        "actor_id": row.actor_id,
        "actor_label": row.actor_label,
        "action": row.action,
        "request_id": row.request_id,
        "target": row.target,
        "detail": row.detail,
    }
    if row.key_id is not None:
        # Keyed rows also sign who signed them and the client; legacy rows keep their old payload.
        payload.update(key_id=row.key_id, client_ip=row.client_ip or "", user_agent=row.user_agent or "")
    if row.key_id is not None and (row.fmt or 1) >= 2:
        # Format 2: the personal details enter only through their digest (so they can be minimised).
        for field in PERSONAL_FIELDS:
            payload.pop(field)
        payload.update(fmt=row.fmt, personal=row.personal_digest)
    return payload


def _personal_digest(secret: str, row: AuditEvent) -> str:
    """Keyed digest of a row's personal details (keyed, so a short e-mail cannot be guessed from it)."""
    personal = {"actor_label": row.actor_label, "detail": row.detail, "client_ip": row.client_ip or "",
                "user_agent": row.user_agent or ""}
    message = ("personal\n" + _canonical(personal)).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _legacy_hash(prev_hash: str, row: AuditEvent) -> str:
    """The unkeyed SHA-256 of rows written before the chain was keyed."""
    return hashlib.sha256((prev_hash + _canonical(_payload(row))).encode()).hexdigest()


def _mac(secret: str, prev_hash: str, row: AuditEvent) -> str:
    message = (prev_hash + _canonical(_payload(row))).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _hash(prev_hash: str, row: AuditEvent) -> str:
    """The MAC (keyed rows, with the key named by ``row.key_id``) or legacy hash a row should carry.

    :raises KeyError: the row's key id is not in the keyring.
    """
    if row.key_id is None:
        return _legacy_hash(prev_hash, row)
    return _mac(dict(keyring())[row.key_id], prev_hash, row)


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
    key_id, secret = keyring()[0]
    client_ip, user_agent = session.info.get(CLIENT_INFO, ("", ""))
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
        key_id=key_id,
        client_ip=client_ip,
        user_agent=user_agent,
        fmt=FORMAT,
    )
    row.personal_digest = _personal_digest(secret, row)
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
    #: rows before the first keyed row, checked by hash only (written before the chain was keyed).
    legacy: int = 0
    last_hash: str = GENESIS
    #: rows whose personal details were minimised on disposal (their MAC and digest still checked).
    minimised: int = 0


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


def verify(session: Session, pins: dict[int, str] | None = None) -> VerifyResult:
    """Re-check the whole chain from the first row.

    :param pins: MACs recorded outside the database (anchors) by sequence number; a row whose MAC
        differs from its pin was rewritten (even if re-signed by someone holding the key).
    :return: a :class:`VerifyResult` naming the first row whose MAC, link, key, format, personal
        digest or sequence is wrong, or the tail if rows after the last one were deleted; it counts
        the rows minimised on disposal.
    :raises ConfigError: no audit key is configured.
    """
    ring = dict(keyring())
    disposed = set(session.scalars(select(DisposalCertificate.request_id)))
    prev_hash = GENESIS
    expected_seq = 1
    checked = 0
    legacy = 0
    minimised = 0
    keyed_seen = False
    newest_fmt = 1
    pins = pins or {}
    for row in _rows(session):
        fmt = row.fmt or 1
        problem = _format_problem(row, fmt, newest_fmt, ring, disposed)
        if problem:
            return VerifyResult(False, checked, row.seq, row.id, problem, legacy, minimised=minimised)
        newest_fmt = max(newest_fmt, fmt)
        minimised += row.minimised_at is not None
        if row.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, None, f"row seq {expected_seq} is missing", legacy)
        if row.prev_hash != prev_hash:
            return VerifyResult(False, checked, row.seq, row.id, "link to the previous row is broken", legacy)
        if row.key_id is None:
            if keyed_seen:
                return VerifyResult(False, checked, row.seq, row.id,
                                    "unkeyed row after the chain was keyed (rewritten as legacy)", legacy)
            legacy += 1
        else:
            keyed_seen = True
            if row.key_id not in ring:
                return VerifyResult(False, checked, row.seq, row.id,
                                    f"signed with key id {row.key_id!r}, which is not in SAR_AUDIT_KEY", legacy)
        if _hash(prev_hash, row) != row.hash:
            return VerifyResult(False, checked, row.seq, row.id,
                                "row content does not match its MAC (keyed hash)", legacy)
        if row.seq in pins and pins[row.seq] != row.hash:
            return VerifyResult(False, checked, row.seq, row.id,
                                "row differs from the anchor recorded for it: the chain was rewritten", legacy)
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
            legacy,
        )
    return VerifyResult(True, checked, legacy=legacy, last_hash=prev_hash, minimised=minimised)


def _format_problem(row: AuditEvent, fmt: int, newest_fmt: int, ring: dict[str, str], disposed: set[int]) -> str:
    """What is wrong with a row's format, personal digest or minimisation ("" if nothing)."""
    if fmt < newest_fmt:
        return f"format {fmt} row after a format {newest_fmt} row (rewritten in an older format)"
    if fmt == 1:
        return "minimised row in format 1, whose MAC covers its details" if row.minimised_at is not None else ""
    if row.key_id is None or row.key_id not in ring or not row.personal_digest:
        return ""  # reported by the key checks (or the MAC check) that follow
    if row.minimised_at is not None:
        if row.request_id not in disposed:
            return "row marked minimised, but its request was never disposed of (details altered?)"
        return ""
    if not hmac.compare_digest(_personal_digest(ring[row.key_id], row), row.personal_digest):
        return "row's personal details do not match the digest its MAC covers (altered)"
    return ""


def minimise_request(session: Session, request_id: int, *, now: datetime) -> tuple[int, int]:
    """Replace the personal details of a disposed request's audit rows with a tombstone (flushes).

    The action, time, actor id, target, MAC and personal digest stay, so the chain still verifies
    and the events still say what happened and when. A requester's e-mail leaves the actor label;
    a member of staff's stays (accountability for who did what). The caller records the disposal
    certificate first (:func:`verify` accepts minimised rows only for a disposed request).

    :return: (rows minimised, format-1 rows left as written because their MAC covers the details).
    """
    done = kept = 0
    for row in session.scalars(select(AuditEvent).where(AuditEvent.request_id == request_id,
                                                        AuditEvent.minimised_at.is_(None))):
        if (row.fmt or 1) < 2:
            kept += 1
            continue
        row.detail = dict(MINIMISED_DETAIL)
        row.client_ip = row.user_agent = ""
        if row.actor_label.endswith("(requester)"):
            row.actor_label = f"user:{row.actor_id} (requester)"
        row.minimised_at = now
        done += 1
    session.flush()
    return done, kept


def legacy_rows(session: Session) -> int:
    """How many rows precede the first keyed row (checked by hash only)."""
    first_keyed = session.scalar(select(AuditEvent.seq).where(AuditEvent.key_id.is_not(None))
                                 .order_by(AuditEvent.seq).limit(1))
    if first_keyed is not None:
        return first_keyed - 1
    return session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1)) or 0


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
