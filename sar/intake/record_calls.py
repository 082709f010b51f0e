"""Calls for records (issue 17): the officer asks another team or service for a request's records.

A call names the team, what is asked for and an internal due date before the response is due.
The team is e-mailed when the call is made (if an address is given) and chased by the worker
(:func:`chase_record_calls`) once a working day after the internal date passes, until it is
answered. The answer is the records themselves, uploaded through the ordinary upload
(``sar.bundle.conversion.receive_upload``, so every format is converted and lands in the bundle),
or a note that the team holds nothing; either way the answer is logged in the search on record
(``sar.searching.searches``), so the letters' "reasonable and proportionate search" includes it.
Calls are never deleted: a call no longer needed is withdrawn with a reason.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.db import LONDON
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff
from sar.core.plain_text import one_line
from sar.core.settings import Settings
from sar.messaging.notifications import queue_email
from sar.models import RecordCall, Request, User
from sar.searching import searches
from sar.workflow.status import FINISHED_STATUSES

STATUSES = ("open", "answered", "withdrawn")
MAX_TEAM = 200
MAX_TEXT = 5000


def _today(now: datetime) -> date:
    return now.astimezone(LONDON).date()


def create_call(session: Session, request: Request, *, team: str, what: str, due_on: date, actor: User,
                now: datetime, settings: Settings, contact_email: str = "") -> RecordCall:
    """Ask ``team`` for records for ``request`` by ``due_on``; e-mails ``contact_email`` if given; audited.

    :raises ValidationError: no team or description, a due date in the past or not before the
        response is due, a malformed address. :raises NotPermitted: not staff.
    :raises Conflict: the request is finished.
    """
    require_staff(actor)
    if request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; no more records can be asked for")
    team, what = one_line(team or "").strip(), (what or "").strip()
    if not team or len(team) > MAX_TEAM:
        raise ValidationError(f"name the team or service asked (at most {MAX_TEAM} characters)")
    if not what or len(what) > MAX_TEXT:
        raise ValidationError("say which records are asked for")
    if not isinstance(due_on, date):
        raise ValidationError("give the internal due date (YYYY-MM-DD)")
    if due_on < _today(now):
        raise ValidationError("the internal due date is in the past")
    # Before the response is due, so the records can still be reviewed in time. A request already
    # overdue still needs its records: any future date is then accepted (the case page shows it late).
    if request.due_on is not None and request.due_on > _today(now) and due_on >= request.due_on:
        raise ValidationError(f"the internal due date must be before the response is due ({request.due_on})")
    call = RecordCall(request_id=request.id, team=team, what=what, due_on=due_on,
                      contact_email=(contact_email or "").strip(), status="open", created_by_id=actor.id,
                      created_at=now, chase_count=0)
    session.add(call)
    session.flush()
    if call.contact_email:
        _email(session, call, request, settings=settings, now=now, chase=False, actor=actor)
    audit.record(session, "record_call.create", actor=actor, now=now, request_id=request.id,
                 target=f"record_call:{call.id}", detail={"team": team, "due_on": due_on.isoformat()})
    return call


def _email(session: Session, call: RecordCall, request: Request, *, settings: Settings, now: datetime, chase: bool,
           actor: User | None) -> None:
    opening = "This is a reminder: we" if chase else "We"
    body = (f"{opening} need records for an information request ({request.reference}) by "
            f"{call.due_on.strftime('%d %B %Y').lstrip('0')}.\n\nRecords asked for:\n{call.what}\n\n"
            "Please reply with the records, or tell us that your team holds none. The statutory time limit "
            "for the response cannot be extended for an internal search, so please reply by the date above.")
    queue_email(session, to=call.contact_email,
                subject=f"{'Reminder: ' if chase else ''}Call for records for {request.reference}",
                template="generic", context={"body": body, "recipient_name": call.team}, kind="record_call",
                request_id=request.id, now=now, settings=settings)


def get_call(session: Session, request: Request, call_id: int) -> RecordCall:
    """One of the request's calls. :raises NotFound: no such call on this request."""
    call = session.get(RecordCall, call_id)
    if call is None or call.request_id != request.id:
        raise NotFound("no such call for records on this request")
    return call


def list_calls(session: Session, request: Request, *, actor: User) -> list[RecordCall]:
    """The request's calls for records, oldest first (staff only)."""
    require_staff(actor)
    return list(session.scalars(select(RecordCall).where(RecordCall.request_id == request.id)
                                .order_by(RecordCall.id)))


def answer_call(session: Session, request: Request, call_id: int, *, found_count: int, note: str, actor: User,
                now: datetime, job_ids: tuple[int, ...] = ()) -> RecordCall:
    """Record the team's answer: how many records arrived (uploaded as ``job_ids``/documents) or none.

    The answer is logged in the search on record as a search of "other teams and services".

    :raises ValidationError: the call is not open, or a count that contradicts the note.
    """
    require_staff(actor)
    call = get_call(session, request, call_id)
    if call.status != "open":
        raise ValidationError(f"this call for records is already {call.status}")
    result = "found" if found_count else "none_found"
    searches.record_search(session, request, place="other_team", place_detail=call.team, terms=call.what,
                           result=result, found_count=found_count or 0, actor=actor, now=now,
                           notes=f"answer to call for records {call.id}" + (f": {note.strip()}" if note else ""))
    call.status, call.answered_at, call.answered_by_id = "answered", now, actor.id
    call.answer_note = (note or "").strip()[:MAX_TEXT]
    session.flush()
    audit.record(session, "record_call.answer", actor=actor, now=now, request_id=request.id,
                 target=f"record_call:{call.id}", detail={"found": found_count, "jobs": list(job_ids)})
    return call


def withdraw_call(session: Session, request: Request, call_id: int, *, reason: str, actor: User,
                  now: datetime) -> RecordCall:
    """Withdraw an open call that is no longer needed (kept, with the reason); audited."""
    require_staff(actor)
    call = get_call(session, request, call_id)
    if call.status != "open":
        raise ValidationError(f"this call for records is already {call.status}")
    if not (reason or "").strip():
        raise ValidationError("give a reason for withdrawing the call")
    call.status, call.answer_note, call.answered_at, call.answered_by_id = "withdrawn", reason.strip(), now, actor.id
    session.flush()
    audit.record(session, "record_call.withdraw", actor=actor, now=now, request_id=request.id,
                 target=f"record_call:{call.id}", detail={"reason": reason.strip()})
    return call


def chase_record_calls(session: Session, *, settings: Settings, now: datetime) -> int:
    """Worker sweep: chase each open call past its internal due date, at most once a day; return the e-mails queued.

    A call without a contact address is chased in the audit trail only (the case page shows it overdue).
    """
    today = _today(now)
    due = session.scalars(select(RecordCall).where(RecordCall.status == "open", RecordCall.due_on < today)
                          .order_by(RecordCall.id)).all()
    queued = 0
    for call in due:
        if call.last_chased_on is not None and call.last_chased_on >= today:
            continue
        request = session.get(Request, call.request_id)
        if request.status in FINISHED_STATUSES:
            continue
        if call.contact_email:
            _email(session, call, request, settings=settings, now=now, chase=True, actor=None)
            queued += 1
        call.last_chased_on, call.chase_count = today, call.chase_count + 1
        audit.record(session, "record_call.chase", actor=None, now=now, request_id=request.id,
                     target=f"record_call:{call.id}", detail={"chase": call.chase_count})
    session.flush()
    return queued


def call_out(call: RecordCall, today: date | None = None) -> dict[str, Any]:
    """A JSON-ready view of a call (staff only); ``overdue`` is derived, never stored."""
    return {"id": call.id, "team": call.team, "what": call.what, "due_on": call.due_on.isoformat(),
            "contact_email": call.contact_email, "status": call.status, "chase_count": call.chase_count,
            "overdue": bool(today and call.status == "open" and call.due_on < today),
            "answer_note": call.answer_note}
