"""Accounts: creation, password hashing (argon2id), login throttling and API tokens."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import NotPermitted, ValidationError
from sar.models import ApiToken, Role, User


def _make_hasher() -> PasswordHasher:
    # argon2id with the library's RFC 9106 defaults. SAR_PASSWORD_HASH_COST=fast is for test suites
    # only (thousands of accounts are created); hashes made that way still verify normally.
    if os.environ.get("SAR_PASSWORD_HASH_COST") == "fast":
        return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    return PasswordHasher()


_hasher = _make_hasher()
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 10
#: Login throttling: after this many failures the account is locked for LOCK_MINUTES.
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password``."""
    return _hasher.hash(password)


def check_password(user: User, password: str) -> bool:
    """Return whether ``password`` matches ``user``'s hash (constant time)."""
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def normalise_email(email: str) -> str:
    """Lower-case and strip an e-mail address; raise ValidationError if it is not one."""
    email = (email or "").strip().lower()
    if not EMAIL_RE.match(email):
        raise ValidationError(f"not a valid e-mail address: {email!r}")
    return email


def find_user(session: Session, email: str) -> User | None:
    """Return the user with this e-mail (case-insensitive), or None."""
    return session.scalars(select(User).where(func.lower(User.email) == email.strip().lower())).first()


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    password: str,
    role: str,
    now: datetime,
    actor: User | None = None,
    job_title: str | None = None,
) -> User:
    """Create an account.

    Anyone may register as a requester (the portal); creating staff accounts needs an admin actor,
    or ``actor=None`` for the command line, which runs with the server's own authority.

    :raises ValidationError: bad e-mail, short password, unknown role or e-mail already registered.
    :raises NotPermitted: a non-admin tried to create a staff account.
    """
    email = normalise_email(email)
    if role not in Role.__members__:
        raise ValidationError(f"unknown role {role!r}; choose one of {', '.join(Role.__members__)}")
    if not name or not name.strip():
        raise ValidationError("a name is required")
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(f"the password must have at least {MIN_PASSWORD} characters")
    if role != Role.requester and actor is not None and actor.role != Role.admin:
        raise NotPermitted("only an admin can create staff accounts")
    if find_user(session, email) is not None:
        raise ValidationError(f"an account for {email} already exists")
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        password_hash=hash_password(password),
        job_title=job_title,
        created_at=now,
        is_active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    audit.record(session, "user.create", actor=actor, now=now, target=f"user:{user.id}",
                 detail={"email": email, "role": role})
    return user


def authenticate(session: Session, email: str, password: str, *, now: datetime) -> User | None:
    """Check a login; count failures and lock the account after repeated ones.

    :return: the user on success, None on any failure (unknown e-mail, wrong password, locked,
        inactive) so callers cannot tell which.
    """
    user = find_user(session, email or "")
    if user is None:
        _hasher.hash(password or "x")  # spend the same time as a real check
        audit.record(session, "login.failed", actor=None, now=now, detail={"email": (email or "")[:320]})
        return None
    if user.locked_until_at is not None and user.locked_until_at > now:
        audit.record(session, "login.locked", actor=None, now=now, target=f"user:{user.id}")
        return None
    if not user.is_active or not check_password(user, password or ""):
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until_at = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
        audit.record(session, "login.failed", actor=None, now=now, target=f"user:{user.id}")
        return None
    user.failed_logins = 0
    user.locked_until_at = None
    user.last_login_at = now
    audit.record(session, "login.ok", actor=user, now=now, target=f"user:{user.id}")
    return user


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user: User, *, now: datetime, label: str = "cli") -> str:
    """Create an API bearer token for ``user``; return the token (shown once, stored hashed)."""
    token = "sar_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_sha256=_sha(token), label=label, created_at=now))
    session.flush()
    audit.record(session, "token.create", actor=user, now=now, target=f"user:{user.id}", detail={"label": label})
    return token


def user_for_token(session: Session, token: str, *, now: datetime) -> User | None:
    """Return the active user owning an unrevoked ``token``, or None."""
    if not token:
        return None
    row = session.scalars(select(ApiToken).where(ApiToken.token_sha256 == _sha(token))).first()
    if row is None or row.revoked_at is not None or not row.user.is_active:
        return None
    row.last_used_at = now
    return row.user
