"""Look-ups of staff accounts: who may be assigned work, names beside ids, and sign-outs.

Every function only reads.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from sar.core.permissions import require_staff
from sar.models import CASEWORK_ROLES, AuditEvent, User


def logged_out_since(session: Session, user_id: int, since: datetime) -> bool:
    """Return whether ``user_id`` signed out (a ``logout`` audit event) at or after ``since``.

    The web session cookie records when it was issued; a later sign-out anywhere ends it.
    """
    return bool(
        session.scalar(
            select(
                exists().where(
                    AuditEvent.actor_id == user_id, AuditEvent.action == "logout", AuditEvent.at >= since
                )
            )
        )
    )


def staff_users(session: Session, *, actor: User) -> list[User]:
    """Officers and managers who can be assigned requests, by name."""
    require_staff(actor)
    return list(
        session.scalars(
            select(User)
            .where(User.role.in_([r.value for r in CASEWORK_ROLES]), User.is_active.is_(True))
            .order_by(User.name)
        )
    )


def users_by_id(session: Session, ids: set[int]) -> dict[int, User]:
    """The users with these ids, for showing names next to ids."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(ids)))}
