"""Role checks used by every use case. Views may check too, but these are the ones that count."""

from __future__ import annotations

from sqlalchemy import Select, select

from sar.core.errors import NotFound, NotPermitted
from sar.models import STAFF_ROLES, Request, Role, User


def require_staff(actor: User | None) -> User:
    """Return ``actor`` if it is an officer, manager or admin.

    :raises NotPermitted: otherwise.
    """
    if actor is None or not actor.is_active or actor.role not in STAFF_ROLES:
        raise NotPermitted("this needs a council officer or manager")
    return actor


def require_role(actor: User | None, *roles: str) -> User:
    """Return ``actor`` if its role is one of ``roles``.

    :raises NotPermitted: otherwise, naming the roles that may.
    """
    if actor is None or not actor.is_active or actor.role not in roles:
        raise NotPermitted(f"this needs one of the roles: {', '.join(roles)}")
    return actor


def can_view(actor: User | None, request: Request) -> bool:
    """Staff see every request; a requester sees only the requests they own."""
    if actor is None or not actor.is_active:
        return False
    if actor.role in STAFF_ROLES:
        return True
    return request.owner_id is not None and request.owner_id == actor.id


def require_view(actor: User | None, request: Request | None) -> Request:
    """Return ``request`` if ``actor`` may see it.

    :raises NotFound: if it does not exist or is not the requester's own (existence is not revealed).
    """
    if request is None or not can_view(actor, request):
        raise NotFound("no such request")
    return request


def visible_requests(actor: User) -> Select:
    """A SELECT of the requests ``actor`` may see (all for staff, own for requesters)."""
    stmt = select(Request)
    if actor.role == Role.requester:
        stmt = stmt.where(Request.owner_id == actor.id)
    return stmt
