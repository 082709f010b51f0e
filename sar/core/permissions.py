"""Role and need-to-know checks used by every use case and query. Views may check too; these are the ones that count.

Need to know (issue 14). Seed policy: "CONFIDENTIAL INFORMATION is ALL INFORMATION which Social Care and
Supported Housing holds on a service user/child/young person. This information must be kept confidential to
the Department, and only accessed on a need to know basis." So a staff member sees a request when:

* it is **restricted** (live rows in ``request_restrictions``): only if they are named, or it is assigned to
  them. Nobody else can find, open or count it, and a recorded reason does not open it;
* otherwise: if it is assigned to them, belongs to one of their teams, is still unallocated (no team yet:
  the intake pool every officer triages from), or they opened it with a recorded reason
  (``access_grants``, written by :func:`sar.confidentiality.access.open_with_reason` and audited).

Admins run accounts and settings and never read case content. Requesters see only their own requests.
:func:`can_view` (one request) and :func:`visibility_clause` (SQL, for every list and count) encode the
same rules and are tested against each other.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, exists, false, or_, select
from sqlalchemy.orm import object_session

from sar.core.errors import NotFound, NotPermitted
from sar.models import STAFF_ROLES, AccessGrant, Request, RequestRestriction, Role, TeamMember, User

#: Roles that may be given need-to-know access to case content.
CASEWORK_ROLES = frozenset({Role.officer, Role.manager})


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


def _live_restriction(request_id: ColumnElement | int) -> ColumnElement:
    return and_(RequestRestriction.request_id == request_id, RequestRestriction.removed_at.is_(None))


def visibility_clause(actor: User) -> ColumnElement[bool]:
    """A WHERE clause over ``Request`` selecting the requests ``actor`` may see (see the module docstring)."""
    if not actor.is_active:
        return false()
    if actor.role == Role.requester:
        return Request.owner_id == actor.id
    if actor.role not in CASEWORK_ROLES:
        return false()
    assigned = Request.assigned_officer_id == actor.id
    named = exists().where(_live_restriction(Request.id), RequestRestriction.user_id == actor.id)
    restricted = exists().where(_live_restriction(Request.id))
    in_team = Request.team_id.in_(select(TeamMember.team_id).where(TeamMember.user_id == actor.id))
    granted = exists().where(AccessGrant.request_id == Request.id, AccessGrant.user_id == actor.id)
    return or_(assigned, named, and_(~restricted, or_(Request.team_id.is_(None), in_team, granted)))


def can_view(actor: User | None, request: Request) -> bool:
    """Whether ``actor`` may see ``request``: the rules of :func:`visibility_clause`, for one loaded request."""
    if actor is None or not actor.is_active:
        return False
    if actor.role == Role.requester:
        return request.owner_id is not None and request.owner_id == actor.id
    if actor.role not in CASEWORK_ROLES:
        return False
    if request.assigned_officer_id == actor.id:
        return True
    session = object_session(request)
    if session is None or request.id is None:
        return False
    restricted_to = set(session.scalars(select(RequestRestriction.user_id).where(_live_restriction(request.id))))
    if restricted_to:
        return actor.id in restricted_to
    if request.team_id is None:
        return True
    in_team = session.scalar(select(exists().where(TeamMember.team_id == request.team_id,
                                                   TeamMember.user_id == actor.id)))
    granted = session.scalar(select(exists().where(AccessGrant.request_id == request.id,
                                                   AccessGrant.user_id == actor.id)))
    return bool(in_team or granted)


def require_view(actor: User | None, request: Request | None) -> Request:
    """Return ``request`` if ``actor`` may see it.

    :raises NotFound: if it does not exist or the actor has no need to know (existence is not revealed).
    """
    if request is None or not can_view(actor, request):
        raise NotFound("no such request")
    return request


def visible_requests(actor: User) -> Select:
    """A SELECT of the requests ``actor`` may see (need to know for staff, own for requesters)."""
    return select(Request).where(visibility_clause(actor))
