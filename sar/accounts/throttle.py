"""Sign-in throttling by progressive delays and soft locks (OWASP ASVS 4.0 V2.2.1), never a hard lock.

Two counters are kept, in the database so every web process shares them:

* per account **and** client address (``acct-ip``): after :data:`ACCOUNT_IP_FREE` failures each further one
  doubles the wait before the next try from that address for that account, up to :data:`ACCOUNT_IP_MAX_WAIT`.
  Someone guessing at a colleague's password from elsewhere does not stop that colleague signing in from
  their own desk, because the key includes the address;
* per client address (``ip``): catches one address trying many accounts (password spraying). A council
  office puts many people behind one address, so it starts only after :data:`IP_FREE` failures, waits at most
  :data:`IP_MAX_WAIT`, and does not apply to a browser that has signed in to the same account before
  (``trusted_device``: the web layer's signed device cookie, as OWASP's "device cookies" describe).

A wait is a soft lock: it ends by itself, nothing needs an administrator, and a correct password during a
wait is not even checked (so the wait cannot be probed). A success clears the ``acct-ip`` counter. Counters
whose last failure is older than :data:`FORGET_AFTER` start again from zero.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sar.models import LoginThrottle

ACCOUNT_IP_FREE = 3
ACCOUNT_IP_MAX_WAIT = timedelta(minutes=15)
IP_FREE = 50
IP_MAX_WAIT = timedelta(minutes=1)
FORGET_AFTER = timedelta(hours=24)


def keys(email: str, ip: str) -> tuple[str, str]:
    """The ``(acct-ip, ip)`` counter keys for a sign-in to ``email`` from ``ip``."""
    return f"acct-ip:{(email or '').strip().lower()[:320]}|{ip[:60]}", f"ip:{ip[:60]}"


def _row(session: Session, key: str) -> LoginThrottle | None:
    return session.scalars(select(LoginThrottle).where(LoginThrottle.key == key)).first()


def wait_seconds(session: Session, email: str, ip: str, *, now: datetime, trusted_device: bool = False) -> int:
    """How many seconds this sign-in must wait before it is tried (0: go ahead)."""
    acct_key, ip_key = keys(email, ip)
    checked = [acct_key] if trusted_device else [acct_key, ip_key]
    wait = 0
    for key in checked:
        row = _row(session, key)
        if row is not None and row.blocked_until is not None and row.blocked_until > now:
            wait = max(wait, int((row.blocked_until - now).total_seconds()) + 1)
    return wait


def _delay(failures: int, free: int, cap: timedelta) -> timedelta | None:
    if failures <= free:
        return None
    return min(timedelta(seconds=2 ** min(failures - free - 1, 20)), cap)


def _insert(session: Session, key: str, now: datetime) -> LoginThrottle:
    # Two first failures for one key at once: the loser of the unique key reads the winner's row.
    try:
        with session.begin_nested():
            row = LoginThrottle(key=key, failures=0, last_failure_at=now)
            session.add(row)
            session.flush()
        return row
    except IntegrityError:
        return _row(session, key)


def record_failure(session: Session, email: str, ip: str, *, now: datetime) -> None:
    """Count a failed sign-in against both counters and set their waits (flushes)."""
    acct_key, ip_key = keys(email, ip)
    for key, free, cap in ((acct_key, ACCOUNT_IP_FREE, ACCOUNT_IP_MAX_WAIT), (ip_key, IP_FREE, IP_MAX_WAIT)):
        row = _row(session, key) or _insert(session, key, now)
        if now - row.last_failure_at > FORGET_AFTER:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        delay = _delay(row.failures, free, cap)
        row.blocked_until = now + delay if delay else None
    session.flush()


def record_success(session: Session, email: str, ip: str) -> None:
    """Clear the account+address counter after a successful sign-in (flushes)."""
    row = _row(session, keys(email, ip)[0])
    if row is not None:
        session.delete(row)
        session.flush()
