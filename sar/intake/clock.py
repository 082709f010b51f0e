"""Keep each request's due date in step with its clock events, through the pure ``deadlines`` package.

The due date is stored (so it can be indexed and sorted) but always recomputed from the receipt
date and the clock events, never edited by hand. "Due soon" / "overdue" are derived on read.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import deadlines
import deadlines.rules
from deadlines.rules import EVENT_PAIRS
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.core.settings import Settings
from sar.models import ClockEvent, HolidayOverride, Request, User
from sar.workflow.approval_state import void_approval_if_any
from sar.workflow.status import FINISHED_STATUSES, RequestStatus, can_transition
from sar.workflow.transitions import transition

#: Status a request moves to when an event of this kind is recorded (if the table allows it).
_STATUS_AFTER = {
    "id_requested": RequestStatus.awaiting_verification,
    "authority_requested": RequestStatus.awaiting_verification,
    "clarification_requested": RequestStatus.on_hold,
    "fee_notice": RequestStatus.on_hold,
    "id_received": RequestStatus.in_progress,
    "authority_received": RequestStatus.in_progress,
    "clarification_received": RequestStatus.in_progress,
    "fee_paid": RequestStatus.in_progress,
}

#: "Asked" event kind -> the "received" kind that answers it (``deadlines.rules.EVENT_PAIRS``).
ANSWERS = dict(EVENT_PAIRS)


def clock_config(session: Session | None, settings: Settings) -> deadlines.ClockConfig:
    """Build the clock configuration: the council's nation, SLAs and holiday overrides (H-1)."""
    extra: tuple[deadlines.HolidayOverride, ...] = ()
    if session is not None:
        extra = tuple(
            deadlines.HolidayOverride(on=row.on, nations=(row.nation,), name=row.name, reference=row.reference)
            for row in session.scalars(select(HolidayOverride).order_by(HolidayOverride.on))
        )
    return deadlines.ClockConfig(
        sar_nation=settings.council_nation,
        third_party_sla_working_days=settings.third_party_sla_working_days,
        extra_holidays=extra,
    )


def _events(request: Request) -> list[deadlines.ClockEvent]:
    return [deadlines.ClockEvent(kind=e.kind, on=e.occurred_on) for e in request.clock_events
            if e.voided_at is None]


def compute(session: Session | None, request: Request, settings: Settings,
            extra_event: deadlines.ClockEvent | None = None) -> deadlines.Computation:
    """Compute the request's clock from its receipt date and live events (plus ``extra_event``).

    :raises deadlines.DeadlineError: the events are in an impossible order.
    """
    events = _events(request) + ([extra_event] if extra_event else [])
    events.sort(key=lambda e: e.on)
    return deadlines.compute(request.regime, request.received_on, events, extended=request.extended,
                             config=clock_config(session, settings))


def recompute_due(session: Session, request: Request, *, settings: Settings) -> deadlines.Computation:
    """Recompute and store ``due_on`` and its explanation for ``request``.

    A standing FOIA public-interest extension with an estimate (``ClockEvent.until``, rulebook F-3)
    makes the due date that estimate when it is earlier than the clock's cap; the cap is kept in the
    explanation as ``pit_cap``.
    """
    result = compute(session, request, settings)
    request.due_on = result.due
    request.due_detail = result.to_dict()
    estimate = next((e.until for e in request.clock_events
                     if e.kind == "extended" and e.voided_at is None and e.until is not None), None)
    if estimate is not None and result.due is not None and estimate < result.due:
        request.due_on = estimate
        request.due_detail = {**request.due_detail, "due": estimate.isoformat(), "pit_cap": result.due.isoformat(),
                              "explanation": [*request.due_detail.get("explanation", []),
                                              f"public-interest extension (F-3): decision estimated by "
                                              f"{estimate.isoformat()}; the most allowed is {result.due.isoformat()}"]}
    return result


def pit_cap(session: Session | None, request: Request, on: date, settings: Settings) -> date | None:
    """The latest due date a FOIA public-interest extension recorded ``on`` allows (F-3: 20 more working days)."""
    try:
        return compute(session, request, settings, extra_event=deadlines.ClockEvent("extended", on)).due
    except deadlines.DeadlineError as exc:
        raise ValidationError(str(exc)) from None


def record_clock_event(
    session: Session,
    request: Request,
    kind: str,
    on: date,
    *,
    actor: User,
    reason: str,
    now: datetime,
    settings: Settings,
    until: date | None = None,
) -> ClockEvent:
    """Record a clock event, recompute the due date and move the status where the event implies it.

    :param kind: one of ``deadlines.EVENT_KINDS`` (``id_requested``, ``clarification_received``,
        ``fee_paid``, ``extended`` ...).
    :param on: the calendar date the event happened (not the date it was typed in).
    :param until: for a FOIA public-interest extension (``extended`` on a FOIA request), the estimated
        decision date (F-3), after the current due date and no later than :func:`pit_cap`.
    :raises ValidationError: unknown kind, a date in the future or before receipt, or an impossible
        order (e.g. "received" with no "requested"), with the clock's own explanation.
    :raises Conflict: the request is closed.
    :raises NotPermitted: the actor is not staff.
    """
    require_staff(actor)
    if until is not None:
        if kind != "extended" or request.regime not in deadlines.rules.FOI_REGIMES:
            raise ValidationError("an estimated date applies only to a FOIA public-interest extension (F-3)")
        cap = pit_cap(session, request, on, settings)
        if cap is not None and until > cap:
            raise ValidationError(f"the estimated date cannot be later than {cap.isoformat()}, 20 working days "
                                  "after the original due date (F-3)")
        if request.due_on is not None and until <= request.due_on:
            raise ValidationError("the estimated date must be after the current due date")
    return _record(session, request, kind, on, actor=actor, reason=reason, now=now, settings=settings,
                   status_actor=actor, until=until)


def _record(session: Session, request: Request, kind: str, on: date, *, actor: User, reason: str, now: datetime,
            settings: Settings, status_actor: User | None, until: date | None = None) -> ClockEvent:
    """Record one clock event (see :func:`record_clock_event`); ``status_actor`` makes the status moves."""
    if kind not in deadlines.EVENT_KINDS:
        raise ValidationError(f"unknown clock event {kind!r}; choose one of {', '.join(deadlines.EVENT_KINDS)}")
    if request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; its clock can no longer change")
    if on > now.date():
        raise ValidationError("a clock event cannot be dated in the future")
    try:
        compute(session, request, settings, extra_event=deadlines.ClockEvent(kind=kind, on=on))
    except deadlines.DeadlineError as exc:
        raise ValidationError(str(exc)) from None
    # The cover letter states the dates, so a pack approved before this event no longer tells the truth.
    void_approval_if_any(session, request, actor=status_actor, now=now, reason=f"clock event {kind} recorded")
    event = ClockEvent(request_id=request.id, kind=kind, occurred_on=on, actor_id=actor.id,
                       reason=(reason or "").strip(), recorded_at=now, until=until)
    session.add(event)
    request.clock_events.append(event)
    if kind == "extended":
        request.extended = True
    old_due = request.due_on
    result = recompute_due(session, request, settings=settings)
    request.updated_at = now
    session.flush()
    audit.record(session, "clock.event", actor=actor, now=now, request_id=request.id, target=request.reference,
                 detail={"kind": kind, "on": on.isoformat(), "reason": event.reason,
                         "until": until.isoformat() if until else None,
                         "due_before": old_due.isoformat() if old_due else None,
                         "due_after": result.due.isoformat() if result.due else None})
    target = _STATUS_AFTER.get(kind)
    if target is not None and target.value != request.status:
        if can_transition(RequestStatus(request.status), target):
            transition(session, request, target, actor=status_actor, reason=f"clock event {kind}", now=now)
    return event


def outstanding_asks(request: Request) -> list[ClockEvent]:
    """The live "asked" events (ID, authority, clarification, fee) not yet answered, oldest first.

    An ask is answered by a live event of its pair's "received" kind on or after it (rulebook G-2,
    G-5, F-4, F-5; ``deadlines.rules.EVENT_PAIRS``).
    """
    live = [e for e in request.clock_events if e.voided_at is None]
    out = []
    for ask in live:
        answer = ANSWERS.get(ask.kind)
        if answer is None:
            continue
        if not any(e.kind == answer and (e.occurred_on, e.id) >= (ask.occurred_on, ask.id) for e in live):
            out.append(ask)
    return out


def record_reply_event(session: Session, request: Request, kind: str, on: date, *, actor: User, now: datetime,
                       settings: Settings, reason: str) -> ClockEvent:
    """Record the "received" event of a requester's own reply through the portal (e.g. ``clarification_received``).

    The requester may record only the answer to an outstanding ask on their own request; the status
    moves it implies are made by the system on their behalf (a requester cannot move statuses).

    :raises NotFound: not their request. :raises ValidationError: not an answer to an outstanding ask.
    """
    require_view(actor, request)
    if kind not in {ANSWERS[a.kind] for a in outstanding_asks(request)}:
        raise ValidationError(f"{kind.replace('_', ' ')} does not answer anything we asked for")
    return _record(session, request, kind, on, actor=actor, reason=reason, now=now, settings=settings,
                   status_actor=None)


def void_clock_event(session: Session, request: Request, event_id: int, *, actor: User, reason: str,
                     now: datetime, settings: Settings) -> ClockEvent:
    """Withdraw a mistaken clock event or extension with a reason; the due date is recomputed.

    The event is kept (``voided_at``, ``void_reason``) and audited; the clock ignores it from now on.

    :raises ValidationError: no reason, or the remaining events would be in an impossible order.
    :raises NotFound: no such live event on this request. :raises Conflict: the request is finished.
    """
    require_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("say why the clock event is being withdrawn")
    event = next((e for e in request.clock_events if e.id == event_id and e.voided_at is None), None)
    if event is None:
        raise NotFound(f"clock event {event_id} not found on {request.reference}")
    if request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; its clock can no longer change")
    event.voided_at, event.void_reason = now, reason
    try:
        old_due = request.due_on
        request.extended = any(e.kind == "extended" and e.voided_at is None for e in request.clock_events)
        result = recompute_due(session, request, settings=settings)
    except deadlines.DeadlineError as exc:
        event.voided_at, event.void_reason = None, None
        request.extended = any(e.kind == "extended" and e.voided_at is None for e in request.clock_events)
        raise ValidationError(f"withdrawing it would leave the clock impossible: {exc}") from None
    void_approval_if_any(session, request, actor=actor, now=now, reason=f"clock event {event.kind} withdrawn")
    request.updated_at = now
    session.flush()
    audit.record(session, "clock.void", actor=actor, now=now, request_id=request.id, target=f"clock_event:{event.id}",
                 detail={"kind": event.kind, "on": event.occurred_on.isoformat(), "reason": reason,
                         "due_before": old_due.isoformat() if old_due else None,
                         "due_after": result.due.isoformat() if result.due else None})
    return event


def deadline_state(request: Request, today: date, settings: Settings) -> str:
    """Derived state for lists: ``on_track``, ``due_soon``, ``overdue``, ``stopped`` or ``done``."""
    if request.status in FINISHED_STATUSES:
        return "done"
    return deadlines.deadline_state(request.due_on, today, soon_working_days=settings.due_soon_working_days)
