"""TOTP two-factor sign-in (RFC 6238, 30-second steps, 6 digits) with hashed single-use recovery codes.

Enrolment is two steps so a mistyped authenticator never locks anyone out: :func:`begin_enrolment` stores a
new secret (not yet in force) and gives the ``otpauth://`` URI and its QR code as SVG (rendered here with
``segno``, no network); :func:`confirm_enrolment` checks one code from the app, puts two-factor in force and
returns :data:`RECOVERY_CODES` recovery codes, shown once and stored only as argon2id hashes. A code is
accepted within one step either side (clock drift) and never twice (``totp_last_step``).

The secret is stored encrypted (:mod:`sar.accounts.sealed_secrets`, AES-256-GCM under ``SAR_STORAGE_KEY``,
bound to the user's id); :func:`secret_of` reads it, sealed or (before the migration) plain.
"""

from __future__ import annotations

import io
import secrets
from datetime import datetime

import pyotp
import segno
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sar.accounts import sealed_secrets, users
from sar.accounts.passwords import hash_secret, verify_secret
from sar.core import audit
from sar.core.errors import NotPermitted, ValidationError
from sar.models import RecoveryCode, Role, User

ISSUER = "SAR Desk"
RECOVERY_CODES = 10
#: Accept the code of the step before and after the current one (ASVS V2.8.1 allows a short window).
VALID_WINDOW = 1
#: Recovery code alphabet: no 0/O or 1/l/I to confuse when typed from paper.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _purpose(user: User) -> str:
    return f"totp:{user.id}"


def secret_of(user: User) -> str | None:
    """``user``'s TOTP secret in plain base32 (for the authenticator app's manual entry), or None."""
    if not user.totp_secret:
        return None
    return sealed_secrets.open_text(user.totp_secret, _purpose(user))


def _step(now: datetime) -> int:
    return int(now.timestamp()) // 30


def begin_enrolment(session: Session, user: User, *, now: datetime) -> str:
    """Give ``user`` a new, not yet active, TOTP secret (flushes) and return its ``otpauth://`` URI.

    :raises ValidationError: two-factor is already in force (turn it off first).
    """
    if user.totp_enabled_at is not None:
        raise ValidationError("two-factor sign-in is already on")
    if user.id is None:
        session.flush()  # the sealed secret is bound to the user's id
    user.totp_secret = sealed_secrets.seal_text(pyotp.random_base32(), _purpose(user))
    session.flush()
    audit.record(session, "2fa.enrol_started", actor=user, now=now, target=f"user:{user.id}")
    return provisioning_uri(user)


def provisioning_uri(user: User) -> str:
    """The ``otpauth://`` URI of ``user``'s secret. :raises ValidationError: no secret yet."""
    if not user.totp_secret:
        raise ValidationError("start the two-factor enrolment first")
    return pyotp.TOTP(secret_of(user)).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """An SVG QR code of ``uri`` (inline-safe: no XML declaration, no scripts)."""
    out = io.BytesIO()
    segno.make(uri, error="m").save(out, kind="svg", scale=5, xmldecl=False, svgns=True, border=2)
    return out.getvalue().decode("utf-8")


def _check_code(user: User, code: str, now: datetime) -> bool:
    code = (code or "").replace(" ", "").strip()
    if not user.totp_secret or not code.isdigit() or len(code) != 6:
        return False
    totp = pyotp.TOTP(secret_of(user))
    current = _step(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if user.totp_last_step is not None and step <= user.totp_last_step:
            continue  # used already (or older than one used): replay
        if secrets.compare_digest(totp.at(step * 30), code):
            user.totp_last_step = step
            return True
    return False


def _new_recovery_codes(session: Session, user: User, now: datetime) -> list[str]:
    session.execute(update(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
                    .values(used_at=now).execution_options(synchronize_session="fetch"))
    codes = ["-".join("".join(secrets.choice(_ALPHABET) for _ in range(5)) for _ in range(2))
             for _ in range(RECOVERY_CODES)]
    for code in codes:
        session.add(RecoveryCode(user_id=user.id, code_hash=hash_secret(code), created_at=now))
    return codes


def confirm_enrolment(session: Session, user: User, code: str, *, now: datetime) -> list[str]:
    """Put two-factor in force if ``code`` is right (flushes); return the recovery codes (shown once).

    Other sessions end (the session stamp changes), so a session opened before enrolment cannot go on.

    :raises ValidationError: no enrolment started, or the code is wrong.
    """
    if not user.totp_secret or user.totp_enabled_at is not None:
        raise ValidationError("start the two-factor enrolment first")
    if not _check_code(user, code, now):
        audit.record(session, "2fa.enrol_failed", actor=user, now=now, target=f"user:{user.id}")
        raise ValidationError("that code is not right; check the time on your phone and try the next code")
    user.totp_enabled_at = now
    user.security_stamp = users.new_stamp()
    codes = _new_recovery_codes(session, user, now)
    session.flush()
    audit.record(session, "2fa.enabled", actor=user, now=now, target=f"user:{user.id}")
    return codes


def verify_second_factor(session: Session, user: User, code: str, *, now: datetime) -> bool:
    """Check a TOTP code or an unused recovery code at sign-in (flushes; audited). A recovery code is used up."""
    if user.totp_enabled_at is None:
        return False
    if _check_code(user, code, now):
        audit.record(session, "2fa.ok", actor=user, now=now, target=f"user:{user.id}")
        return True
    typed = (code or "").strip().lower()
    if len(typed) == 11 and "-" in typed:
        for row in session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id,
                                                              RecoveryCode.used_at.is_(None))):
            if verify_secret(row.code_hash, typed):
                row.used_at = now
                session.flush()
                left = session.query(RecoveryCode).filter_by(user_id=user.id, used_at=None).count()
                audit.record(session, "2fa.recovery_code_used", actor=user, now=now, target=f"user:{user.id}",
                             detail={"codes_left": left})
                return True
    session.flush()
    audit.record(session, "2fa.failed", actor=user, now=now, target=f"user:{user.id}")
    return False


def recovery_codes_left(session: Session, user: User) -> int:
    """How many unused recovery codes ``user`` has."""
    return session.query(RecoveryCode).filter_by(user_id=user.id, used_at=None).count()


def disable(session: Session, user: User, *, actor: User | None, now: datetime) -> None:
    """Turn two-factor off for ``user`` (flushes).

    The user themselves, or an admin for someone who lost their phone and codes (who must then enrol
    again at their next sign-in where two-factor is required).

    :raises NotPermitted: someone else who is not an admin.
    """
    if actor is not None and actor.id != user.id and actor.role != Role.admin:
        raise NotPermitted("only an admin can turn off someone else's two-factor sign-in")
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    user.security_stamp = users.new_stamp()
    session.execute(update(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
                    .values(used_at=now).execution_options(synchronize_session="fetch"))
    session.flush()
    audit.record(session, "2fa.disabled", actor=actor, now=now, target=f"user:{user.id}")
