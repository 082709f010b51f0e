"""The standing approval of a request and what every change to its pack does to it.

Low-level pieces called by intake (clock events, triage overrides, parties), bundle (documents,
redactions, jobs) and release (approvals): a change to anything a pack shows voids the standing
approval and sends the request back to review (rulebook §3 "second-person QA", §5.1 item 6 "sign-off").
The approval use cases themselves (submit, approve, return, release) live in :mod:`sar.release.approvals`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.db import LockNotAcquired, lock_for_update
from sar.core.errors import Conflict
from sar.models import Approval, Request, User
from sar.workflow.status import EDITABLE_STATUSES, FINISHED_STATUSES, RequestStatus
from sar.workflow.transitions import transition

#: Approval statuses that still stand (not voided, returned or superseded).
STANDING_STATUSES = ("pending", "approved")


def lock_request(session: Session, request: Request) -> Request:
    """Lock ``request`` for the rest of the transaction and refresh it (see :func:`sar.core.db.lock_for_update`).

    Every use case that releases, approves, submits or voids an approval calls this before it
    reads the status or the standing approval, so those decisions are made on current data and
    one at a time per request.

    :raises Conflict: the lock could not be taken (someone else changed the request at the same
        moment): nothing was changed, and trying again will see their change.
    """
    try:
        return lock_for_update(session, Request, request.id)
    except LockNotAcquired:
        raise Conflict(f"request {request.reference} was being changed by someone else at the same moment; "
                       "reload it and try again") from None


def standing_approval(session: Session, request: Request) -> Approval | None:
    """The request's pending or approved approval that has not been voided or returned, if any.

    Re-read from the database (not the session's cache), so a caller holding
    :func:`lock_request` sees another transaction's committed void.
    """
    return session.scalars(
        select(Approval)
        .where(Approval.request_id == request.id, Approval.status.in_(STANDING_STATUSES),
               Approval.voided_at.is_(None))
        .order_by(Approval.id.desc())
        .execution_options(populate_existing=True)
    ).first()


def void_approval_if_any(session: Session, request: Request, *, actor: User | None, now: datetime,
                         reason: str) -> Approval | None:
    """Void the standing approval (pending or approved) after a change, and return the request to review.

    :param reason: what changed, recorded on the approval and in the audit log.
    :return: the voided approval, or None when there was none.
    :raises Conflict: the request lock could not be taken (:func:`lock_request`).
    """
    lock_request(session, request)
    if RequestStatus(request.status) in FINISHED_STATUSES:
        # Re-read inside the lock: a release (or closure) that committed meanwhile stands.
        raise Conflict(f"request {request.reference} is {RequestStatus(request.status).title.lower()}; "
                       "it can no longer change")
    approval = standing_approval(session, request)
    if approval is not None:
        void_standing(session, request, approval, actor=actor, now=now, reason=reason)
    if request.status in (RequestStatus.awaiting_approval, RequestStatus.approved):
        transition(session, request, RequestStatus.in_review, actor=actor, now=now,
                   reason=f"approval voided: {reason}")
    return approval


def void_standing(session: Session, request: Request, approval: Approval, *, actor: User | None, now: datetime,
                  reason: str) -> None:
    """Void ``approval`` (the standing one, found under :func:`lock_request`) and audit it; no status change."""
    approval.status = "voided"
    approval.voided_at = now
    approval.void_reason = reason or "changed after submission"
    session.flush()
    audit.record(session, "approval.void", actor=actor, now=now, request_id=request.id,
                 target=f"approval:{approval.id}", detail={"reason": approval.void_reason,
                                                            "pack_sha256": approval.pack_sha256})


def prepare_change(session: Session, request: Request, *, actor: User | None, now: datetime,
                   what: str) -> None:
    """Check that ``request``'s documents and redactions may change now, voiding any approval.

    Called first by every use case that changes the bundle, a redaction or a page mark.
    Editable statuses (:data:`sar.workflow.status.EDITABLE_STATUSES`) pass; awaiting approval or approved
    void the approval and go back to ``in_review``; anything else (released, closed ...) refuses.

    :param what: a short description of the change, for the void reason.
    :raises Conflict: the request is released, closed, withdrawn or refused.
    """
    # Locked before the status is read: a release committing meanwhile must be seen here.
    lock_request(session, request)
    status = RequestStatus(request.status)
    if status in EDITABLE_STATUSES:
        return
    if status in (RequestStatus.awaiting_approval, RequestStatus.approved):
        void_approval_if_any(session, request, actor=actor, now=now, reason=what)
        return
    raise Conflict(f"request {request.reference} is {status.title.lower()}; its documents and "
                   "redactions can no longer change")
