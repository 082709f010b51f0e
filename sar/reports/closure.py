"""Recording what reports are built on: a request's outcome and complaints (teams: sar.confidentiality.access).

Use cases take ``session``, ``actor`` and ``now``, flush and never commit; each change is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.confidentiality.access import home_team
from sar.core import audit
from sar.core.errors import Conflict, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.models import (
    COMPLAINT_KINDS,
    COMPLAINT_OUTCOMES,
    OUTCOMES,
    ClosureRecord,
    ComplaintCase,
    LegalHold,
    Request,
    Team,
    User,
)
from sar.workflow.status import FINISHED_STATUSES, RequestStatus


def team_of(session: Session, request: Request, officer_id: int | None) -> str | None:
    """The team ``request`` counts under now: its own team (``requests.team_id``), else ``officer_id``'s home team."""
    if request.team_id is not None:
        team = session.get(Team, request.team_id)
        if team is not None:
            return team.name
    return home_team(session, officer_id)


def record_closure(session: Session, request: Request, outcome: str, *, actor: User, now: datetime,
                   codes: Sequence[str] = (), note: str = "") -> ClosureRecord:
    """Record how ``request`` ended; staff only.

    The request must be finished (released, refused, withdrawn or closed). Recording again replaces
    the outcome, and the audit log keeps the old one.

    :raises ValidationError: unknown outcome, or the request is still open.
    :raises NotFound: ``actor`` has no need to know (:func:`sar.core.permissions.require_view`).
    """
    require_staff(actor)
    require_view(actor, request)
    if outcome not in OUTCOMES:
        raise ValidationError(f"unknown outcome {outcome!r}; one of {', '.join(OUTCOMES)}")
    if RequestStatus(request.status) not in FINISHED_STATUSES:
        raise ValidationError("record the outcome when the request has been answered, withdrawn or closed")
    clean_codes = sorted({c.strip() for c in codes if c and c.strip()})
    row = session.scalar(select(ClosureRecord).where(ClosureRecord.request_id == request.id))
    old = {"outcome": row.outcome, "codes": row.codes} if row else None
    team = team_of(session, request, request.assigned_officer_id or actor.id)
    if row is None:
        row = ClosureRecord(request_id=request.id, outcome=outcome, codes=clean_codes, team=team,
                            recorded_by_id=actor.id, recorded_at=now, note=note or "")
        session.add(row)
    else:
        row.outcome, row.codes, row.note = outcome, clean_codes, note or ""
        row.recorded_by_id, row.recorded_at = actor.id, now
    session.flush()
    audit.record(session, "closure.record", actor=actor, now=now, request_id=request.id,
                 target=request.reference, detail={"outcome": outcome, "codes": clean_codes, "previous": old})
    return row


def record_complaint(session: Session, request: Request, kind: str, *, opened_on: date, actor: User,
                     now: datetime) -> ComplaintCase:
    """Open an internal review or ICO complaint about how ``request`` was answered. Staff with need to know."""
    require_staff(actor)
    require_view(actor, request)
    if kind not in COMPLAINT_KINDS:
        raise ValidationError(f"unknown complaint kind {kind!r}; one of {', '.join(COMPLAINT_KINDS)}")
    if opened_on < request.received_on:
        raise ValidationError("a complaint cannot open before the request was received")
    case = ComplaintCase(request_id=request.id, kind=kind, opened_on=opened_on, outcome="pending",
                         recorded_by_id=actor.id, recorded_at=now)
    session.add(case)
    session.flush()
    audit.record(session, "complaint.open", actor=actor, now=now, request_id=request.id,
                 target=f"complaint:{case.id}", detail={"kind": kind, "opened_on": opened_on.isoformat()})
    return case


def decide_complaint(session: Session, case: ComplaintCase, outcome: str, *, closed_on: date, actor: User,
                     now: datetime) -> ComplaintCase:
    """Record the outcome of an internal review or ICO complaint. Staff with need to know; decided once."""
    require_staff(actor)
    require_view(actor, session.get(Request, case.request_id))
    if outcome not in COMPLAINT_OUTCOMES or outcome == "pending":
        raise ValidationError(f"unknown complaint outcome {outcome!r}")
    if case.outcome != "pending":
        raise Conflict("this complaint already has an outcome")
    if closed_on < case.opened_on:
        raise ValidationError("a complaint cannot close before it opened")
    case.outcome, case.closed_on = outcome, closed_on
    session.flush()
    audit.record(session, "complaint.decide", actor=actor, now=now, request_id=case.request_id,
                 target=f"complaint:{case.id}", detail={"outcome": outcome, "closed_on": closed_on.isoformat()})
    return case


def closure_summary(session: Session, request: Request) -> dict:
    """What the case page shows about a request's ending: its closure record, complaints and legal holds."""
    from_db = session.scalar(select(ClosureRecord).where(ClosureRecord.request_id == request.id))
    complaints = list(session.scalars(select(ComplaintCase).where(ComplaintCase.request_id == request.id)
                                      .order_by(ComplaintCase.id)))
    holds = list(session.scalars(select(LegalHold).where(LegalHold.request_id == request.id)
                                 .order_by(LegalHold.id)))
    return {"record": from_db, "complaints": complaints, "holds": holds,
            "finished": RequestStatus(request.status) in FINISHED_STATUSES,
            "outcomes": OUTCOMES, "complaint_kinds": COMPLAINT_KINDS,
            "complaint_outcomes": [o for o in COMPLAINT_OUTCOMES if o != "pending"]}
