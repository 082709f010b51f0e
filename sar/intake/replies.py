"""The requester's side of the conversation, and staff-only case notes.

A requester answers through the portal or the API (:func:`reply`): a message, and files that go into
the request's evidence (identity or authority), never into the bundle. A reply answers the
outstanding asks it can (clarification by a message, ID or authority by a file, a fee notice by
accepting it) and records the matching clock event, which restarts or resumes the clock as the
rules say (G-2: ID and authority move the relevant time; G-5, F-4: clarification; F-5: fee). The
assigned officer is e-mailed. A requester may also withdraw the request (:func:`withdraw`).

Notes (:func:`add_note`) are for staff only: never shown to the requester, never in a pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.db import LONDON
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.core.settings import Settings
from sar.intake import clock, parties
from sar.messaging import notifications
from sar.models import CaseMessage, Outcome, Request, Role, User
from sar.release import closure
from sar.workflow.approval_state import lock_request, standing_approval, void_standing
from sar.workflow.status import FINISHED_STATUSES, RequestStatus
from sar.workflow.transitions import transition

MAX_MESSAGE = 10_000
#: What a requester's file is evidence of -> bundle purpose and the ask it answers.
EVIDENCE = {"identity": ("identity_evidence", "id_requested"), "authority": ("authority_evidence",
                                                                            "authority_requested")}
#: What each ask needs from the requester, for the portal's "we are waiting for you" panel.
WAITING_FOR = {
    "id_requested": "proof of your identity (upload a document)",
    "authority_requested": "evidence of your authority to act for the person concerned (upload a document)",
    "clarification_requested": "more detail about what you are asking for (reply with a message)",
    "fee_notice": "your acceptance of the fee notice",
}


@dataclass(frozen=True)
class Upload:
    """A file sent with a reply: its name, bytes and what it is evidence of (``identity`` or ``authority``)."""

    filename: str
    data: bytes
    evidence: str


def waiting_for(request: Request) -> list[dict]:
    """What the council is waiting for from the requester: ``[{"kind", "asked_on", "what"}]``."""
    return [{"kind": a.kind, "asked_on": a.occurred_on.isoformat(), "what": WAITING_FOR[a.kind]}
            for a in clock.outstanding_asks(request)]


def _notify_officer(session: Session, request: Request, *, now: datetime, settings: Settings, what: str) -> None:
    officer = session.get(User, request.assigned_officer_id) if request.assigned_officer_id else None
    if officer is None or not officer.email:
        return
    notifications.queue_email(session, to=officer.email, subject=f"{request.reference}: the requester replied",
                              template="generic", kind="requester_reply", request_id=request.id, now=now,
                              settings=settings,
                              context={"recipient_name": officer.name,
                                       "body": f"The requester {what} on {request.reference}. Open the case to "
                                               "see it."})


def reply(session: Session, request: Request, *, actor: User, now: datetime, settings: Settings, body: str = "",
          uploads: Sequence[Upload] = (), accept_fee: bool = False) -> CaseMessage:
    """Record a requester's reply and the clock events it settles.

    :raises NotFound: not the requester's own request. :raises NotPermitted: staff (they add notes).
    :raises ValidationError: empty, too long, an unknown evidence kind, or not a PDF.
    :raises Conflict: the request is finished.
    """
    require_view(actor, request)
    if actor.role != Role.requester:
        raise NotPermitted("staff add case notes; replies come from the requester")
    body = (body or "").replace("\r\n", "\n").strip()
    if len(body) > MAX_MESSAGE:
        raise ValidationError(f"the message is longer than {MAX_MESSAGE} characters")
    if not body and not uploads and not accept_fee:
        raise ValidationError("write a message, attach a file or accept the fee")
    if RequestStatus(request.status) in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {RequestStatus(request.status).title.lower()}; "
                       "contact the council if you need to")
    lock_request(session, request)
    items = []
    answered: set[str] = set()
    for up in uploads:
        if up.evidence not in EVIDENCE:
            raise ValidationError(f"say what the file {up.filename} shows: identity or authority")
        _, ask = EVIDENCE[up.evidence]
        # Into the evidence (never the bundle), marked received on the party it is for (audited).
        item = parties.attach_evidence(session, request, up.data, up.filename, up.evidence, actor=actor, now=now,
                                       settings=settings)
        items.append(item.id)
        answered.add(ask)
    if body:
        answered.add("clarification_requested")
    if accept_fee:
        answered.add("fee_notice")
    today = now.astimezone(LONDON).date()
    events = []
    for ask in clock.outstanding_asks(request):
        if ask.kind in answered and clock.ANSWERS[ask.kind] not in {e.kind for e in events}:
            events.append(clock.record_reply_event(session, request, clock.ANSWERS[ask.kind], today, actor=actor,
                                                   now=now, settings=settings,
                                                   reason="the requester replied through the portal"))
    message = CaseMessage(request_id=request.id, visibility="requester", author_id=actor.id, body=body,
                          item_ids=items, clock_event_ids=[e.id for e in events], created_at=now)
    session.add(message)
    request.updated_at = now
    session.flush()
    audit.record(session, "message.reply", actor=actor, now=now, request_id=request.id, target=f"message:{message.id}",
                 detail={"items": items, "clock_events": [e.kind for e in events], "accept_fee": accept_fee,
                         "chars": len(body)})
    _notify_officer(session, request, now=now, settings=settings, what="replied through the portal")
    return message


def withdraw(session: Session, request: Request, *, actor: User, now: datetime, settings: Settings,
             reason: str = "") -> Outcome:
    """Withdraw the request (the requester, or staff on their word); any pending approval is voided.

    :return: the closure record. :raises Conflict: already finished (released, refused, closed, withdrawn).
    :raises NotFound: a requester withdrawing someone else's request.
    """
    require_view(actor, request)
    reason = (reason or "").strip()[:MAX_MESSAGE]
    if actor.role != Role.requester and not reason:
        raise ValidationError("say how the requester withdrew the request")
    lock_request(session, request)
    if RequestStatus(request.status) in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {RequestStatus(request.status).title.lower()}; "
                       "it can no longer be withdrawn")
    approval = standing_approval(session, request)
    if approval is not None:
        void_standing(session, request, approval, actor=actor, now=now, reason="the request was withdrawn")
    transition(session, request, RequestStatus.withdrawn, actor=actor, now=now,
               reason=reason or "withdrawn by the requester")
    outcome = closure.record_withdrawal(session, request, actor=actor, now=now, reason=reason)
    if actor.role == Role.requester:
        _notify_officer(session, request, now=now, settings=settings, what="withdrew the request")
    return outcome


def add_note(session: Session, request: Request, *, actor: User, body: str, now: datetime) -> CaseMessage:
    """Add an internal case note (staff only; never shown to the requester or put in a pack)."""
    require_staff(actor)
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError("the note is empty")
    if len(body) > MAX_MESSAGE:
        raise ValidationError(f"the note is longer than {MAX_MESSAGE} characters")
    note = CaseMessage(request_id=request.id, visibility="staff", author_id=actor.id, body=body, item_ids=[],
                       clock_event_ids=[], created_at=now)
    session.add(note)
    session.flush()
    audit.record(session, "note.add", actor=actor, now=now, request_id=request.id, target=f"note:{note.id}",
                 detail={"chars": len(body)})
    return note


def messages(session: Session, request: Request, *, actor: User, notes: bool = False) -> list[CaseMessage]:
    """The requester's replies (anyone who may see the request), or staff notes (staff only), oldest first."""
    require_view(actor, request)
    if notes:
        require_staff(actor)
    visibility = "staff" if notes else "requester"
    return list(session.scalars(select(CaseMessage).where(CaseMessage.request_id == request.id,
                                                          CaseMessage.visibility == visibility)
                                .order_by(CaseMessage.id)))
