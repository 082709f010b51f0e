"""Status changes made by hand: the use case behind the staff status form and ``POST /api/requests/<ref>/status``.

Only the moves in :data:`sar.workflow.status.MANUAL_TRANSITIONS` can be made here. Awaiting approval,
approved and released (and going back to review from them) belong to :mod:`sar.release.approvals`
(submit, approve, return, release, void), so four eyes cannot be stepped around by picking a
status from a list (rulebook §3 second-person QA, §5.1 item 6).

Use cases take ``session``, ``actor`` and ``now``; they flush and never commit.
"""

from __future__ import annotations

from datetime import datetime

from sar.core.errors import Conflict, InvalidTransition, ValidationError
from sar.core.permissions import require_role
from sar.models import CASEWORK_ROLES, Request, StatusChange, User
from sar.workflow import approval_state
from sar.workflow.status import WORKFLOW_ONLY_MOVES, RequestStatus, can_set_by_hand
from sar.workflow.transitions import transition

#: Who may change a status by hand: the caseworkers (requesters withdraw through their own route).
MANUAL_ROLES = CASEWORK_ROLES


def manual_choices(request: Request) -> list[RequestStatus]:
    """The statuses ``request`` may be moved to by hand now, in table order (for forms)."""
    return [s for s in RequestStatus if can_set_by_hand(request.status, s)]


def set_status_by_hand(session, request: Request, to: str, *, actor: User, reason: str,
                       now: datetime) -> StatusChange:
    """Move ``request`` to ``to`` by hand, with a reason.

    The request is locked first (:func:`sar.workflow.approval_state.lock_request`) and the move is checked on
    its current status. Withdrawing a request whose pack is awaiting approval or approved voids
    that approval first, so nothing stays releasable.

    :raises NotPermitted: the actor is not an officer or manager.
    :raises ValidationError: unknown status, or no reason.
    :raises Conflict: a move only the approval workflow makes (the message says which step makes
        it), or a move the transition table does not allow (:class:`InvalidTransition`).
    """
    require_role(actor, *MANUAL_ROLES)
    try:
        target = RequestStatus(to)
    except ValueError:
        raise ValidationError(f"unknown status {to!r}; choose one of {', '.join(s.value for s in RequestStatus)}")\
            from None
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("give a reason for the status change")
    approval_state.lock_request(session, request)
    current = RequestStatus(request.status)
    owner = WORKFLOW_ONLY_MOVES.get((current, target))
    if owner is not None:
        raise Conflict(f"a request moves from {current.title.lower()} to {target.title.lower()} only when "
                       f"{owner}, never by hand")
    if not can_set_by_hand(current, target):
        raise InvalidTransition(current.value, target.value)
    standing = approval_state.standing_approval(session, request)
    if standing is not None:
        approval_state.void_standing(session, request, standing, actor=actor, now=now,
                                reason=f"request {target.value} by hand: {reason}")
    return transition(session, request, target, actor=actor, reason=reason, now=now)
