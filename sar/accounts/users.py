"""Accounts: creation, sign-in checks, session stamps and API tokens.

Passwords are hashed with argon2id and checked against the policy in :mod:`sar.accounts.passwords`;
sign-in throttling is in :mod:`sar.accounts.throttle`; staff administration in :mod:`sar.accounts.admin`;
two-factor in :mod:`sar.accounts.totp`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sar.accounts.passwords import check_policy, hash_secret, verify_secret
from sar.core import audit
from sar.core.errors import NotPermitted, ValidationError
from sar.core.settings import Settings
from sar.models import ApiToken, Role, User

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: The prefix of every API token, so leaked ones are recognisable (secret scanners).
TOKEN_PREFIX = "sar_"


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password``."""
    return hash_secret(password)


def check_password(user: User | None, password: str) -> bool:
    """Return whether ``password`` matches ``user``'s hash; for no user, take as long and say no."""
    return verify_secret(user.password_hash if user is not None else None, password)


def new_stamp() -> str:
    """A fresh session stamp (see ``User.security_stamp``)."""
    return secrets.token_hex(16)


def normalise_email(email: str) -> str:
    """Lower-case and strip an e-mail address; raise ValidationError if it is not one."""
    email = (email or "").strip().lower()
    if not EMAIL_RE.match(email) or len(email) > 320:
        raise ValidationError(f"not a valid e-mail address: {email!r}")
    return email


def find_user(session: Session, email: str) -> User | None:
    """Return the user with this e-mail (case-insensitive), or None."""
    return session.scalars(select(User).where(func.lower(User.email) == (email or "").strip().lower())).first()


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
    settings: Settings | None = None,
    email_verified: bool | None = None,
) -> User:
    """Create an account.

    Anyone may register as a requester (the portal); creating staff accounts needs an admin actor,
    or ``actor=None`` for the command line, which runs with the server's own authority.

    :param email_verified: whether the address is taken as checked; by default yes for accounts an
        admin or the command line creates, no for self-registration (the portal sends a check link).
    :raises ValidationError: bad e-mail, a password the policy refuses, unknown role or e-mail already
        registered (callers facing the public must not show that last one: :mod:`sar.accounts.admin`).
    :raises NotPermitted: a non-admin tried to create a staff account.
    """
    settings = settings or Settings.from_env()
    email = normalise_email(email)
    if role not in Role.__members__:
        raise ValidationError(f"unknown role {role!r}; choose one of {', '.join(Role.__members__)}")
    if not name or not name.strip():
        raise ValidationError("a name is required")
    if role != Role.requester and actor is not None and actor.role != Role.admin:
        raise NotPermitted("only an admin can create staff accounts")
    check_policy(password, role=role, settings=settings, email=email, name=name)
    if find_user(session, email) is not None:
        raise ValidationError(f"an account for {email} already exists")
    if email_verified is None:
        email_verified = actor is None or actor.role == Role.admin
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        password_hash=hash_password(password),
        job_title=job_title,
        created_at=now,
        is_active=True,
        security_stamp=new_stamp(),
        password_changed_at=now,
        email_verified_at=now if email_verified else None,
    )
    session.add(user)
    session.flush()
    audit.record(session, "user.create", actor=actor, now=now, target=f"user:{user.id}",
                 detail={"email": email, "role": role})
    return user


def authenticate(session: Session, email: str, password: str, *, now: datetime) -> User | None:
    """Check an e-mail address and password, in the same time whether or not the account exists.

    Throttling is the caller's job (:mod:`sar.accounts.throttle`); this only checks and audits.

    :return: the user on success, None on any failure (unknown e-mail, wrong password, disabled) so
        callers cannot tell which.
    """
    user = find_user(session, email or "")
    ok = check_password(user, password or "")  # a dummy hash is checked for an unknown address
    if user is None or not ok or not user.is_active:
        audit.record(session, "login.failed", actor=None, now=now,
                     target=f"user:{user.id}" if user is not None else "",
                     detail=None if user is not None else {"email": (email or "")[:320]})
        return None
    user.last_login_at = now
    audit.record(session, "login.password_ok", actor=user, now=now, target=f"user:{user.id}")
    return user


def needs_second_factor(user: User) -> bool:
    """Whether ``user`` must give a TOTP or recovery code after the password."""
    return user.totp_enabled_at is not None


def must_enrol_second_factor(user: User, settings: Settings) -> bool:
    """Whether ``user`` is staff without two-factor where the settings require it (may only enrol)."""
    return settings.staff_two_factor_required and user.is_staff and user.totp_enabled_at is None


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user: User, *, now: datetime, label: str = "cli",
                 days: int | None = None, settings: Settings | None = None) -> str:
    """Create an API bearer token for ``user``; return the token (shown once, stored hashed).

    :param days: lifetime; ``settings.api_token_days`` by default.
    :raises ValidationError: the account is disabled or the lifetime is not positive.
    """
    if not user.is_active:
        raise ValidationError(f"{user.email} is disabled")
    days = days if days is not None else (settings or Settings.from_env()).api_token_days
    if days < 1:
        raise ValidationError("a token must last at least one day")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_sha256=_sha(token), label=(label or "")[:100], created_at=now,
                   expires_at=now + timedelta(days=days))
    session.add(row)
    session.flush()
    audit.record(session, "token.create", actor=user, now=now, target=f"user:{user.id}",
                 detail={"label": label, "token_id": row.id, "expires_at": row.expires_at.isoformat()})
    return token


def token_usable(row: ApiToken, now: datetime) -> bool:
    """Whether ``row`` is unrevoked, unexpired and its owner active."""
    return (row.revoked_at is None and row.user.is_active
            and (row.expires_at is None or row.expires_at > now))


def user_for_token(session: Session, token: str, *, now: datetime, settings: Settings | None = None) -> User | None:
    """Return the active user owning an unrevoked, unexpired ``token``, or None.

    Staff without two-factor get None where the settings require it (a token must not bypass it).
    """
    if not token:
        return None
    row = session.scalars(select(ApiToken).where(ApiToken.token_sha256 == _sha(token))).first()
    if row is None or not token_usable(row, now):
        return None
    if must_enrol_second_factor(row.user, settings or Settings.from_env()):
        return None
    row.last_used_at = now
    return row.user
