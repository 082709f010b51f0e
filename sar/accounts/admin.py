"""Account administration: disable and enable, roles, API tokens, passwords, resets and address checks.

Every change is made by an ``actor`` (an admin; ``None`` is the command line, which runs with the server's
own authority), is audited, and ends the sessions it should at once by replacing the account's
``security_stamp`` (sessions carry it) and, for disable and password changes, revoking API tokens or making
them unusable. Public entry points (registration, reset requests) answer the same whether or not an
address has an account: they return nothing and send the mail that fits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sar.accounts import users
from sar.accounts.passwords import check_policy
from sar.core import audit
from sar.core.errors import NotFound, NotPermitted, ValidationError
from sar.core.permissions import require_role
from sar.core.settings import Settings
from sar.messaging import account_links
from sar.messaging.notifications import queue_email
from sar.models import AccountLink, ApiToken, Role, User


def _require_admin(actor: User | None) -> None:
    if actor is not None:
        require_role(actor, Role.admin)


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"no user {user_id}")
    return user


def list_users(session: Session, *, actor: User | None, now: datetime) -> list[User]:
    """Every account, staff first then by e-mail address (admins only; audited)."""
    _require_admin(actor)
    audit.record(session, "user.list", actor=actor, now=now)
    return list(session.scalars(select(User).order_by((User.role == Role.requester).asc(), User.email)))


def _revoke_all_tokens(session: Session, user: User, now: datetime) -> int:
    result = session.execute(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                             .values(revoked_at=now).execution_options(synchronize_session="fetch"))
    return result.rowcount or 0


def set_active(session: Session, user: User, active: bool, *, actor: User | None, now: datetime) -> User:
    """Disable or enable ``user`` (flushes). Disabling ends their sessions and tokens at once.

    Tokens are revoked on disable, so enabling the account again does not revive them.

    :raises NotPermitted: the actor is not an admin, or an admin tried to disable themselves.
    """
    _require_admin(actor)
    if actor is not None and actor.id == user.id and not active:
        raise NotPermitted("you cannot disable your own account; ask another admin")
    if user.is_active == active:
        return user
    user.is_active = active
    user.security_stamp = users.new_stamp()
    revoked = 0 if active else _revoke_all_tokens(session, user, now)
    session.flush()
    audit.record(session, "user.enable" if active else "user.disable", actor=actor, now=now,
                 target=f"user:{user.id}", detail={"email": user.email, "tokens_revoked": revoked})
    return user


def set_role(session: Session, user: User, role: str, *, actor: User | None, now: datetime) -> User:
    """Change ``user``'s role (flushes); their sessions end so the new role applies from the next sign-in.

    :raises ValidationError: unknown role. :raises NotPermitted: not an admin, or an admin demoting themselves
        (so there is always an admin who can undo a change).
    """
    _require_admin(actor)
    if role not in Role.__members__:
        raise ValidationError(f"unknown role {role!r}; choose one of {', '.join(Role.__members__)}")
    if actor is not None and actor.id == user.id and role != Role.admin:
        raise NotPermitted("you cannot take away your own admin role; ask another admin")
    if user.role == role:
        return user
    old = user.role
    user.role = role
    user.security_stamp = users.new_stamp()
    session.flush()
    audit.record(session, "user.role", actor=actor, now=now, target=f"user:{user.id}",
                 detail={"email": user.email, "from": old, "to": role})
    return user


def list_tokens(session: Session, user: User, *, actor: User | None, now: datetime) -> list[ApiToken]:
    """``user``'s API tokens, newest first (the owner or an admin; audited). Only ids and labels, no secrets."""
    if actor is not None and actor.id != user.id:
        require_role(actor, Role.admin)
    audit.record(session, "token.list", actor=actor, now=now, target=f"user:{user.id}")
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())))


def revoke_token(session: Session, token_id: int, *, actor: User | None, now: datetime) -> ApiToken:
    """Revoke API token ``token_id`` (its owner or an admin; flushes; revoking twice is harmless).

    :raises NotFound: no such token (also for someone else's token when the actor may not see it).
    """
    row = session.get(ApiToken, token_id)
    if row is None or (actor is not None and actor.id != row.user_id and actor.role != Role.admin):
        raise NotFound(f"no API token {token_id}")
    if row.revoked_at is None:
        row.revoked_at = now
        session.flush()
        audit.record(session, "token.revoke", actor=actor, now=now, target=f"user:{row.user_id}",
                     detail={"token_id": row.id, "label": row.label})
    return row


def _set_password(session: Session, user: User, new_password: str, *, settings: Settings, now: datetime) -> int:
    check_policy(new_password, role=user.role, settings=settings, email=user.email, name=user.name)
    user.password_hash = users.hash_password(new_password)
    user.password_changed_at = now
    user.security_stamp = users.new_stamp()
    revoked = _revoke_all_tokens(session, user, now)
    session.execute(update(AccountLink).where(AccountLink.user_id == user.id, AccountLink.purpose == "reset",
                                              AccountLink.used_at.is_(None))
                    .values(used_at=now).execution_options(synchronize_session="fetch"))
    session.flush()
    return revoked


def change_password(session: Session, user: User, current: str, new_password: str, *,
                    settings: Settings, now: datetime) -> None:
    """The user changes their own password (flushes): every other session and every API token ends.

    :raises ValidationError: the current password is wrong or the new one breaks the policy.
    """
    if not users.check_password(user, current or ""):
        audit.record(session, "password.change_failed", actor=user, now=now, target=f"user:{user.id}")
        raise ValidationError("the current password is not right")
    revoked = _set_password(session, user, new_password, settings=settings, now=now)
    audit.record(session, "password.change", actor=user, now=now, target=f"user:{user.id}",
                 detail={"tokens_revoked": revoked})


def _queue_link(session: Session, user: User, purpose: str, *, lifetime: timedelta, template: str,
                subject: str, settings: Settings, now: datetime) -> AccountLink:
    link = AccountLink(user_id=user.id, purpose=purpose, token_sha256=account_links.unusable_sha(),
                       created_at=now, expires_at=now + lifetime)
    session.add(link)
    session.flush()
    queue_email(session, to=user.email, subject=subject, template=template, kind=f"account_{purpose}",
                request_id=None, now=now, settings=settings, account_link_id=link.id,
                context={"name": user.name, "link": account_links.LINK_SLOT, "expires_at": link.expires_at,
                         "minutes": int(lifetime.total_seconds() // 60)})
    return link


def request_password_reset(session: Session, email: str, *, actor: User | None, settings: Settings,
                           now: datetime) -> None:
    """Send a single-use, expiring reset link to ``email`` if it belongs to an active account (flushes).

    Says nothing either way (no enumeration). ``actor`` is an admin resetting someone's password, or None
    for the person themselves (the public form) and the command line.

    :raises NotPermitted: a non-admin actor.
    """
    _require_admin(actor)
    user = users.find_user(session, email or "")
    if user is None or not user.is_active:
        audit.record(session, "password.reset_requested", actor=actor, now=now,
                     detail={"email": (email or "")[:320], "account": False})
        return
    _queue_link(session, user, "reset", lifetime=timedelta(minutes=settings.reset_link_minutes),
                template="password_reset.txt", subject="Reset your SAR Desk password", settings=settings, now=now)
    audit.record(session, "password.reset_requested", actor=actor, now=now, target=f"user:{user.id}",
                 detail={"account": True})


def _live_link(session: Session, token: str, purpose: str, now: datetime) -> AccountLink:
    link = session.scalars(select(AccountLink).where(
        AccountLink.token_sha256 == account_links.token_sha(token or ""), AccountLink.purpose == purpose)).first()
    if link is None or link.used_at is not None or link.expires_at <= now:
        raise ValidationError("this link has expired or has already been used; ask for a new one")
    return link


def check_reset_token(session: Session, token: str, *, now: datetime) -> User:
    """The user a live reset token is for, without using it. :raises ValidationError: used, expired or unknown."""
    return _user(session, _live_link(session, token, "reset", now).user_id)


def reset_password(session: Session, token: str, new_password: str, *, settings: Settings, now: datetime) -> User:
    """Set a new password with a reset link (flushes): the link is used up, sessions and tokens end.

    A reset also proves the address receives mail, so it counts as a check of it.

    :raises ValidationError: the link is used, expired or unknown, or the password breaks the policy.
    """
    link = _live_link(session, token, "reset", now)
    user = _user(session, link.user_id)
    if not user.is_active:
        raise ValidationError("this link has expired or has already been used; ask for a new one")
    revoked = _set_password(session, user, new_password, settings=settings, now=now)
    link.used_at = now
    user.email_verified_at = user.email_verified_at or now
    session.flush()
    audit.record(session, "password.reset", actor=user, now=now, target=f"user:{user.id}",
                 detail={"tokens_revoked": revoked})
    return user


def send_verification(session: Session, user: User, *, settings: Settings, now: datetime) -> None:
    """Send ``user`` a link that proves they receive mail at their address (flushes)."""
    if user.email_verified_at is not None:
        return
    _queue_link(session, user, "verify", lifetime=timedelta(hours=settings.verify_link_hours),
                template="verify_email.txt", subject="Confirm your e-mail address for SAR Desk",
                settings=settings, now=now)
    audit.record(session, "email.verify_sent", actor=user, now=now, target=f"user:{user.id}")


def verify_email(session: Session, token: str, *, now: datetime) -> User:
    """Mark an address checked with a verify link (flushes). :raises ValidationError: used, expired or unknown."""
    link = _live_link(session, token, "verify", now)
    user = _user(session, link.user_id)
    link.used_at = now
    user.email_verified_at = user.email_verified_at or now
    session.flush()
    audit.record(session, "email.verified", actor=user, now=now, target=f"user:{user.id}")
    return user


def register_requester(session: Session, *, email: str, name: str, password: str, settings: Settings,
                       now: datetime) -> User | None:
    """Self-registration on the portal, answering the same whether or not the address has an account.

    A new address gets an account and an address-check link; an address that already has one (requester or
    staff) gets an e-mail saying so, with the way to reset the password, and no account is made. The caller
    shows one message for both ("check your e-mail").

    :return: the new user, or None when the address was taken (callers must not reveal which).
    :raises ValidationError: a malformed address, no name or a password the policy refuses (said before the
        address is looked up, so the answer does not depend on it).
    """
    email = users.normalise_email(email)
    if not name or not name.strip():
        raise ValidationError("a name is required")
    check_policy(password, role=Role.requester, settings=settings, email=email, name=name)
    existing = users.find_user(session, email)
    if existing is not None:
        users.hash_password(password)  # spend the time an account creation would
        queue_email(session, to=existing.email, subject="You already have a SAR Desk account",
                    template="account_exists.txt", kind="account_exists", request_id=None, now=now,
                    settings=settings, context={"name": existing.name,
                                                "reset_url": settings.base_url.rstrip("/") + "/password/forgot"})
        audit.record(session, "user.register_existing", actor=None, now=now, target=f"user:{existing.id}")
        return None
    user = users.create_user(session, email=email, name=name, password=password, role=Role.requester,
                             now=now, actor=None, settings=settings, email_verified=False)
    send_verification(session, user, settings=settings, now=now)
    return user


def find_by_email_or_fail(session: Session, email: str) -> User:
    """The account for ``email`` (command line). :raises NotFound: none."""
    user = users.find_user(session, email)
    if user is None:
        raise NotFound(f"no user with e-mail {email}")
    return user
