"""Consulting the originator (or a third party, or another agency) before confidential information goes out.

Seed policy: "Before sharing any information previously deemed to be confidential, the manager must take all
reasonable steps to consult the originator and take account of their views and wishes." and, among the
grounds to withhold, "The information relates to a third party who expressly indicated the information should
not be disclosed". A consultation is open until its reply is recorded (with how it was taken into account)
or a manager overrides it with a reason; :mod:`sar.confidentiality.gate` keeps the pack back meanwhile.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.confidentiality import parent_contact
from sar.core import audit
from sar.core.dates import london_date
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import can_view, require_role, require_view
from sar.core.settings import Settings
from sar.messaging import notifications
from sar.messaging.reminders import staff_request_url
from sar.models import (
    CONSULTATION_REPLIES,
    CONSULTEE_KINDS,
    BundleItem,
    ConfidentialityMark,
    Consultation,
    Request,
    User,
)

#: How a consultation may be sent (recorded, not sent by SAR Desk itself).
MEANS = ("email", "letter", "phone", "meeting", "secure_email")
#: Working days are not assumed here: the officer sets the reply date; the default offered is this many days.
DEFAULT_REPLY_DAYS = 10


def is_open(c: Consultation) -> bool:
    """Open: no reply recorded and not overridden."""
    return c.reply is None and c.overridden_at is None


def open_consultation(session: Session, request: Request, *, consultee_name: str, consultee_kind: str,
                      means: str, due_on: date, actor: User, now: datetime, consultee_contact: str = "",
                      about_items: list[int] | None = None, about_marks: list[int] | None = None,
                      about_text: str = "", settings: Settings | None = None) -> Consultation:
    """Record that a consultation was sent: to whom, about which documents or passages, how and reply-by.

    :param settings: for the child's request that the parents are not consulted
        (:mod:`sar.confidentiality.parent_contact`); default :meth:`Settings.from_env`.
    :raises ValidationError: unknown kind or means, nothing it is about, a reply date before today,
        or documents/passages not on this request.
    :raises Conflict: the consultee is a parent of a competent child who asked that their parents are not
        consulted, and no manager has overridden it (issue 16).
    """
    require_role(actor, "officer", "manager")
    require_view(actor, request)
    name = (consultee_name or "").strip()
    if not name:
        raise ValidationError("say who is being consulted")
    if consultee_kind not in CONSULTEE_KINDS:
        raise ValidationError(f"unknown consultee kind {consultee_kind!r}; choose one of {', '.join(CONSULTEE_KINDS)}")
    if means not in MEANS:
        raise ValidationError(f"unknown means {means!r}; choose one of {', '.join(MEANS)}")
    if due_on < now.date():
        raise ValidationError("the reply date cannot be in the past")
    items, marks = sorted(set(about_items or [])), sorted(set(about_marks or []))
    if not (items or marks or about_text.strip()):
        raise ValidationError("say which documents or passages the consultation is about")
    parent_contact.require_not_parent(session, request, name, settings=settings or Settings.from_env())
    own_items = set(session.scalars(select(BundleItem.id).where(BundleItem.request_id == request.id)))
    if set(items) - own_items:
        raise ValidationError("some of those documents are not on this request")
    if marks:
        mark_items = set(session.scalars(select(ConfidentialityMark.bundle_item_id)
                                         .where(ConfidentialityMark.id.in_(marks))))
        found = len(list(session.scalars(select(ConfidentialityMark.id).where(ConfidentialityMark.id.in_(marks)))))
        if found != len(marks) or mark_items - own_items:
            raise ValidationError("some of those passages are not on this request")
    c = Consultation(request_id=request.id, consultee_name=name, consultee_kind=consultee_kind,
                     consultee_contact=(consultee_contact or "").strip() or None, about_items=items,
                     about_marks=marks, about_text=about_text.strip(), means=means, sent_at=now, due_on=due_on,
                     created_by_id=actor.id, created_at=now)
    session.add(c)
    session.flush()
    audit.record(session, "consultation.open", actor=actor, now=now, request_id=request.id,
                 target=f"consultation:{c.id}", detail={"kind": consultee_kind, "means": means,
                                                        "due_on": due_on.isoformat(), "items": items,
                                                        "marks": marks})
    return c


def _get(session: Session, request: Request, consultation_id: int) -> Consultation:
    c = session.get(Consultation, consultation_id)
    if c is None or c.request_id != request.id:
        raise NotFound("no such consultation on this request")
    return c


def record_reply(session: Session, request: Request, consultation_id: int, *, reply: str, reply_text: str,
                 taken_into_account: str, actor: User, now: datetime) -> Consultation:
    """Record the consultee's reply (agrees, objects, conditions) and how it was taken into account.

    Seed: "take account of their views and wishes" -- so saying how is required, not optional.
    """
    require_role(actor, "officer", "manager")
    require_view(actor, request)
    c = _get(session, request, consultation_id)
    if not is_open(c):
        raise Conflict("this consultation is already settled")
    if reply not in CONSULTATION_REPLIES:
        raise ValidationError(f"unknown reply {reply!r}; choose one of {', '.join(CONSULTATION_REPLIES)}")
    if not (taken_into_account or "").strip():
        raise ValidationError("say how the reply was taken into account")
    c.reply, c.reply_text, c.replied_at = reply, (reply_text or "").strip(), now
    c.taken_into_account = taken_into_account.strip()
    session.flush()
    audit.record(session, "consultation.reply", actor=actor, now=now, request_id=request.id,
                 target=f"consultation:{c.id}", detail={"reply": reply, "taken_into_account": c.taken_into_account})
    return c


def override(session: Session, request: Request, consultation_id: int, *, reason: str, actor: User,
             now: datetime) -> Consultation:
    """A manager lets the pack go on while the consultation is unanswered, recording why (audited)."""
    require_role(actor, "manager")
    require_view(actor, request)
    c = _get(session, request, consultation_id)
    if not is_open(c):
        raise Conflict("this consultation is already settled")
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValidationError("record why the pack may go on without a reply (at least 10 characters)")
    c.override_reason, c.overridden_by_id, c.overridden_at = reason, actor.id, now
    session.flush()
    audit.record(session, "consultation.override", actor=actor, now=now, request_id=request.id,
                 target=f"consultation:{c.id}", detail={"reason": reason})
    return c


def list_consultations(session: Session, request: Request, *, actor: User, now: datetime) -> list[Consultation]:
    """The request's consultations, oldest first (the read is audited)."""
    require_view(actor, request)
    audit.record(session, "consultation.view", actor=actor, now=now, request_id=request.id, target=request.reference)
    return list(session.scalars(select(Consultation).where(Consultation.request_id == request.id)
                                .order_by(Consultation.id)))


def open_for(session: Session, request: Request) -> list[Consultation]:
    """Open consultations of a request (no permission check: for the gate)."""
    return [c for c in session.scalars(select(Consultation).where(Consultation.request_id == request.id)
                                       .order_by(Consultation.id)) if is_open(c)]


def due_for_chase(session: Session, *, today: date) -> list[Consultation]:
    """Open consultations past their reply date and not chased today (for the worker's chaser sweep)."""
    rows = session.scalars(select(Consultation).where(Consultation.reply.is_(None),
                                                      Consultation.overridden_at.is_(None),
                                                      Consultation.due_on < today).order_by(Consultation.id))
    return [c for c in rows if c.last_chased_at is None or c.last_chased_at.date() < today]


def mark_chased(session: Session, c: Consultation, *, now: datetime) -> None:
    """Record that a chaser was raised for ``c`` (system actor, audited)."""
    c.last_chased_at = now
    audit.record(session, "consultation.chase", actor=None, now=now, request_id=c.request_id,
                 target=f"consultation:{c.id}", detail={"due_on": c.due_on.isoformat()})


def _chase_recipient(session: Session, c: Consultation) -> User | None:
    """Whoever recorded the consultation, else the assigned officer -- only if they still need to know."""
    request = session.get(Request, c.request_id)
    for user_id in (c.created_by_id, request.assigned_officer_id):
        user = session.get(User, user_id) if user_id else None
        if user is not None and user.is_active and can_view(user, request):
            return user
    return None


def chase_overdue_consultations(session: Session, *, now: datetime, settings: Settings) -> int:
    """Worker sweep: e-mail a chaser, once a day, for each consultation whose reply is overdue.

    The chaser goes to the officer who recorded it (else the assigned officer), never to someone without
    need to know; the consultee is chased by that officer by the means they were consulted.
    :return: how many e-mails were queued.
    """
    today = london_date(now)
    queued = 0
    for c in due_for_chase(session, today=today):
        recipient = _chase_recipient(session, c)
        request = session.get(Request, c.request_id)
        if recipient is not None:
            notifications.queue_email(
                session, to=recipient.email, subject=f"Consultation reply overdue: {request.reference}",
                template="consultation_chase", kind="consultation_chase", request_id=request.id, now=now,
                settings=settings,
                context={"recipient_name": recipient.name, "reference": request.reference,
                         "consultee_name": c.consultee_name, "consultee_kind": c.consultee_kind.replace("_", " "),
                         "means": c.means.replace("_", " "), "sent_on": c.sent_at.date(), "due_on": c.due_on,
                         "url": staff_request_url(settings, request.reference)})
            queued += 1
        mark_chased(session, c, now=now)
    return queued
