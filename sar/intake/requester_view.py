"""What a requester may see of their own requests: an allow-list, built by its own queries.

A request's record holds much a requester must never read: the other parties (a confidential
referrer, people marked not to be disclosed), staff notes, the documents and the redactions. So the
requester's view is not the staff view with fields taken out; it is built here, column by column,
from queries that select only what it shows (issue 8, "Disclosure to the requester"):

* their own request text, its reference, regime, status (and the history of statuses) and dates;
* the due date (or that the clock is stopped while we wait for them);
* the letters sent to them about it (the e-mails of :data:`REQUESTER_LETTER_KINDS`, once sent);
* whether the response pack has been released to them (the zip is served by
  :func:`sar.release.approvals.pack_for_download`).

Every query is limited to requests the actor owns (``Request.owner_id``), so another requester's
reference is NotFound, exactly like one that does not exist. Every read is audited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import NotFound, ValidationError
from sar.core.permissions import require_role
from sar.messaging.download_links import LINK_SLOT
from sar.models import OutboxEmail, Request, ResponsePack, Role, StatusChange, User
from sar.workflow.status import RequestStatus

#: Outbox kinds written to the requester about their request; nothing else (reminders and digests go
#: to staff and name officers and other cases) is ever shown to them.
REQUESTER_LETTER_KINDS = ("acknowledgement", "pack_released")
#: Statuses in which the statutory clock is stopped waiting for the requester (rulebook §1).
CLOCK_STOPPED_STATUSES = (RequestStatus.awaiting_verification, RequestStatus.on_hold)
#: What the requester reads where a sent e-mail carried their download link (the token is not kept).
LINK_SHOWN_AS = "[the download link was in the e-mail we sent you; you can also download your response here]"
#: The keys of :meth:`RequesterView.as_dict`, in order: the whole allow-list.
REQUESTER_VIEW_FIELDS = ("reference", "regime", "status", "received", "due", "clock_stopped", "description",
                         "released", "pack_released", "parts", "letters", "history")
#: The keys of :meth:`RequesterListItem.as_dict`.
REQUESTER_LIST_FIELDS = ("reference", "regime", "status", "received", "due", "clock_stopped")

_COLUMNS = (Request.id, Request.reference, Request.regime, Request.status, Request.received_on,
            Request.due_on, Request.description, Request.released_at, Request.parent_id)


@dataclass(frozen=True)
class RequesterLetter:
    """A letter (e-mail) sent to the requester about their request."""

    subject: str
    sent_at: datetime
    body: str


@dataclass(frozen=True)
class RequesterStatusEntry:
    """One step in the request's status history (status and time only: no reasons, no actors)."""

    status: str
    at: datetime


@dataclass(frozen=True)
class RequesterListItem:
    """One of the requester's requests, as a row of their list."""

    reference: str
    regime: str
    status: str
    received: date
    due: date | None
    clock_stopped: bool

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with exactly :data:`REQUESTER_LIST_FIELDS`."""
        return {"reference": self.reference, "regime": self.regime, "status": self.status,
                "received": self.received.isoformat(), "due": self.due.isoformat() if self.due else None,
                "clock_stopped": self.clock_stopped}


@dataclass(frozen=True)
class RequesterView:
    """One of the requester's own requests, as they may see it."""

    reference: str
    regime: str
    status: str
    received: date
    due: date | None
    clock_stopped: bool
    description: str
    released: datetime | None
    pack_released: bool
    #: References of the other parts of the same request that the requester owns.
    parts: tuple[str, ...]
    letters: tuple[RequesterLetter, ...]
    history: tuple[RequesterStatusEntry, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with exactly :data:`REQUESTER_VIEW_FIELDS`."""
        return {
            "reference": self.reference, "regime": self.regime, "status": self.status,
            "received": self.received.isoformat(), "due": self.due.isoformat() if self.due else None,
            "clock_stopped": self.clock_stopped, "description": self.description,
            "released": self.released.isoformat() if self.released else None,
            "pack_released": self.pack_released, "parts": list(self.parts),
            "letters": [{**asdict(x), "sent_at": x.sent_at.isoformat()} for x in self.letters],
            "history": [{"status": h.status, "at": h.at.isoformat()} for h in self.history],
        }


def _require_requester(actor: User | None) -> User:
    return require_role(actor, Role.requester)


def _stopped(status: str, due: date | None) -> bool:
    return due is None and status in CLOCK_STOPPED_STATUSES


def requester_view(session: Session, reference: str, *, actor: User, now: datetime,
                   audit_read: bool = True) -> RequesterView:
    """The requester's view of their own request ``reference`` (an audited read).

    :raises NotPermitted: the actor is not a requester (staff use the staff view).
    :raises NotFound: no such request, or not the actor's own.
    """
    _require_requester(actor)
    row = session.execute(select(*_COLUMNS).where(
        Request.reference == (reference or "").strip().upper(), Request.owner_id == actor.id)).first()
    if row is None:
        raise NotFound("no such request")
    root = row.parent_id or row.id
    parts = tuple(session.scalars(select(Request.reference).where(
        or_(Request.id == root, Request.parent_id == root), Request.owner_id == actor.id,
        Request.id != row.id).order_by(Request.id)))
    released = session.scalar(select(func.count(ResponsePack.id)).where(
        ResponsePack.request_id == row.id, ResponsePack.released_at.is_not(None))) or 0
    letters = tuple(RequesterLetter(s, at, body.replace(LINK_SLOT, LINK_SHOWN_AS)) for s, at, body in session.execute(
        select(OutboxEmail.subject, OutboxEmail.sent_at, OutboxEmail.body_text).where(
            OutboxEmail.request_id == row.id, OutboxEmail.kind.in_(REQUESTER_LETTER_KINDS),
            OutboxEmail.sent_at.is_not(None)).order_by(OutboxEmail.id)))
    history = tuple(RequesterStatusEntry(s, at) for s, at in session.execute(
        select(StatusChange.to_status, StatusChange.at).where(StatusChange.request_id == row.id)
        .order_by(StatusChange.id)))
    if audit_read:
        audit.record(session, "request.view", actor=actor, now=now, request_id=row.id, target=row.reference,
                     detail={"view": "requester"})
    return RequesterView(
        reference=row.reference, regime=row.regime, status=row.status, received=row.received_on,
        due=row.due_on, clock_stopped=_stopped(row.status, row.due_on), description=row.description,
        released=row.released_at, pack_released=released > 0, parts=parts, letters=letters, history=history)


@dataclass(frozen=True)
class RequesterPage:
    """One page of a requester's own requests, newest first."""

    items: list[RequesterListItem]
    total: int
    page: int
    per_page: int


def requester_list(session: Session, *, actor: User, page: int = 1, per_page: int = 20,
                   status: str | None = None) -> RequesterPage:
    """One page of the actor's own requests, newest first.

    :raises NotPermitted: the actor is not a requester. :raises ValidationError: unknown status.
    """
    _require_requester(actor)
    where = [Request.owner_id == actor.id]
    if status is not None:
        if status not in RequestStatus.__members__:
            raise ValidationError(f"unknown status {status!r}; choose one of {', '.join(RequestStatus)}")
        where.append(Request.status == status)
    total = session.scalar(select(func.count(Request.id)).where(*where)) or 0
    rows = session.execute(
        select(Request.reference, Request.regime, Request.status, Request.received_on, Request.due_on)
        .where(*where).order_by(Request.received_at.desc(), Request.id.desc())
        .offset((page - 1) * per_page).limit(per_page))
    items = [RequesterListItem(ref, regime, st, rec, due, _stopped(st, due)) for ref, regime, st, rec, due in rows]
    return RequesterPage(items=items, total=total, page=page, per_page=per_page)
