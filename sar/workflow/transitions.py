"""The one function that changes a request's status, against the table in :mod:`sar.workflow.status`.

Every use case that moves a request (clock events, approval, release, withdrawal ...) calls
:func:`transition`; it flushes and never commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import InvalidTransition
from sar.core.permissions import require_staff
from sar.models import Request, Role, StatusChange, User
from sar.workflow.status import ALLOWED_TRANSITIONS, RequestStatus


def transition(
    session: Session,
    request: Request,
    to: RequestStatus | str,
    *,
    actor: User | None,
    reason: str,
    now: datetime,
) -> StatusChange:
    """Move ``request`` to status ``to`` if the transition table allows it; record who, when and why.

    :raises InvalidTransition: the move is not in :data:`sar.workflow.status.ALLOWED_TRANSITIONS`.
    :raises NotPermitted: a requester tried to change a status (only withdrawal is theirs).
    """
    to = RequestStatus(to)
    current = RequestStatus(request.status)
    if actor is not None and actor.role == Role.requester and to != RequestStatus.withdrawn:
        require_staff(actor)
    if to not in ALLOWED_TRANSITIONS[current]:
        raise InvalidTransition(current.value, to.value)
    change = StatusChange(request_id=request.id, from_status=current.value, to_status=to.value,
                          actor_id=actor.id if actor else None, reason=reason or "", at=now)
    session.add(change)
    request.status = to.value
    request.updated_at = now
    if to == RequestStatus.released:
        request.released_at = now
    if to in (RequestStatus.closed, RequestStatus.withdrawn):
        request.closed_at = now
    session.flush()
    audit.record(session, "request.transition", actor=actor, now=now, request_id=request.id,
                 target=request.reference, detail={"from": current.value, "to": to.value, "reason": reason})
    return change
