"""Reminders, escalations, acknowledgements and the daily digest: idempotent sweeps over due rows.

Each sweep has the shape ``sweep(session, *, now, settings) -> int`` (how many e-mails it queued). It finds
every request that needs the message *now*, and for each recipient writes a :class:`~sar.models.Reminder`
and an :class:`~sar.models.OutboxEmail` in the caller's transaction (it flushes, never commits; the worker
commits one transaction per run and :func:`sar.messaging.mailer.send_pending` sends the outbox later).

Exactly once, even across restarts and racing workers:

- a reminder is identified by ``(request_id, kind, key)``, unique in the database; the key names what
  the reminder is about and who gets it, e.g. ``2026-04-02/17`` (due date / user id). A due date that
  moves (a new clock event) gives a new key, so a new reminder is legitimate;
- each sweep checks for an existing reminder, then inserts inside a SAVEPOINT; if another transaction
  inserted the same key meanwhile the unique constraint fails, only the savepoint is rolled back, and the
  reminder is skipped. Digests (no request) are unique on ``(kind, key)`` through a partial index;
- "once per request per due date" kinds (due soon, notices, escalations) are skipped entirely once any
  recipient has had one for that date, so an officer assigned later does not get a stale copy.

"Due soon" and "overdue" are derived here from ``due_on`` (and the working calendar); they are never
stored on the request (architecture §8.5).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import deadlines
from deadlines.rules import DATA_RIGHTS_REGIMES as _DATA_RIGHTS
from deadlines.rules import REGIME_LABELS
from sar.core.dates import london_date
from sar.core.errors import ValidationError
from sar.core.permissions import can_view, visibility_clause
from sar.core.settings import Settings
from sar.messaging.notifications import queue_email
from sar.models import HolidayOverride, Party, Reminder, Request, Role, User
from sar.workflow.status import OPEN_STATUSES, RequestStatus

log = logging.getLogger(__name__)

#: Acknowledge requests logged within this long; older ones (e.g. imported) are not acknowledged late.
ACK_WINDOW = timedelta(days=14)
#: Working days before the end of the first month (SAR) or day 20 (FOIA/EIR) at which officers are
#: reminded that any extension or refusal notice must reach the requester by then.
NOTICE_DECISION_WORKING_DAYS = 10

DATA_RIGHTS_REGIMES = frozenset(_DATA_RIGHTS)
_OPEN = sorted(s.value for s in OPEN_STATUSES)

#: How a regime is named to the requester ("We are treating it as ...").
REQUESTER_LABELS = {
    "foi": "a Freedom of Information request",
    "eir": "a request under the Environmental Information Regulations",
    "sar": "a subject access request (a request for your own personal information)",
    "rectification": "a request to correct personal information",
    "erasure": "a request to erase personal information",
    "restriction": "a request to restrict the use of personal information",
    "objection": "an objection to the use of personal information",
    "portability": "a data portability request",
    "foi-internal-review": "a request for an internal review of our Freedom of Information response",
    "eir-reconsideration": "a request for reconsideration under the Environmental Information Regulations",
    "third-party": "a request for disclosure",
}


# --- helpers --------------------------------------------------------------------------------------------


def staff_request_url(settings: Settings, reference: str) -> str:
    """Where staff open a request in the web app."""
    return f"{settings.base_url.rstrip('/')}/staff/requests/{reference}"


def _staff_label(regime: str) -> str:
    return REGIME_LABELS.get(regime, regime)


def working_calendar(session: Session) -> deadlines.WorkingCalendar:
    """The FOIA/EIR working calendar (UK union, C2) plus the council's recorded holiday overrides (H-1).

    "Due soon" is counted in this calendar for every regime, as on the dashboard.
    """
    extra = tuple(
        deadlines.HolidayOverride(on=row.on, nations=row.nation, name=row.name, reference=row.reference)
        for row in session.scalars(select(HolidayOverride).order_by(HolidayOverride.on))
    )
    return deadlines.WorkingCalendar.uk(extra)


def _active(session: Session, *roles: str) -> list[User]:
    return list(session.scalars(
        select(User).where(User.role.in_(roles), User.is_active.is_(True)).order_by(User.id)))


def _officers_for(session: Session, request: Request) -> tuple[list[User], bool]:
    """The assigned officer, else every active officer (else every manager); and whether it was assigned."""
    if request.assigned_officer_id is not None:
        officer = session.get(User, request.assigned_officer_id)
        if officer is not None and officer.is_active:
            return [officer], True
    return _active(session, Role.officer) or _active(session, Role.manager), False


def _managers(session: Session) -> list[User]:
    return _active(session, Role.manager) or _active(session, Role.admin)


def _open_requests(session: Session, *conditions) -> Sequence[Request]:
    return session.scalars(
        select(Request).where(Request.status.in_(_OPEN), *conditions).order_by(Request.due_on, Request.id)
    ).all()


def _already(session: Session, request_id: int | None, kind: str, stem: str) -> bool:
    """Whether any reminder of ``kind`` about ``request_id`` has a key starting ``stem/``."""
    owner = Reminder.request_id.is_(None) if request_id is None else Reminder.request_id == request_id
    return session.scalar(select(exists().where(
        owner, Reminder.kind == kind, Reminder.key.startswith(f"{stem}/", autoescape=True)))) or False


def _begin_for_savepoints(session: Session) -> None:
    """Make sure a SQLite connection is inside a real transaction before a SAVEPOINT.

    The sqlite3 driver only opens a transaction before INSERT/UPDATE/DELETE, and a SAVEPOINT issued
    outside one starts its own transaction that its RELEASE commits, which would commit half a sweep.
    (PostgreSQL needs nothing: SQLAlchemy has already begun the transaction.)
    """
    conn = session.connection()
    if conn.dialect.name == "sqlite" and not conn.connection.dbapi_connection.in_transaction:
        conn.exec_driver_sql("BEGIN")


def _send_once(
    session: Session,
    *,
    request_id: int | None,
    kind: str,
    key: str,
    recipient: User | None,
    to: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    now: datetime,
    settings: Settings,
) -> bool:
    """Write reminder ``(request_id, kind, key)`` and its e-mail unless it exists; return whether it did."""
    owner = Reminder.request_id.is_(None) if request_id is None else Reminder.request_id == request_id
    if session.scalar(select(exists().where(owner, Reminder.kind == kind, Reminder.key == key))):
        return False
    _begin_for_savepoints(session)
    try:
        with session.begin_nested():
            reminder = Reminder(request_id=request_id, kind=kind, key=key,
                                recipient_id=recipient.id if recipient else None, created_at=now)
            session.add(reminder)
            session.flush()  # the unique constraint decides here if another worker got in first
            email = queue_email(session, to=to, subject=subject, template=template, context=context,
                                kind=kind, request_id=request_id, now=now, settings=settings)
            reminder.outbox_id = email.id
            session.flush()
    except IntegrityError:
        log.info("reminder %s %s %s already written by another transaction", request_id, kind, key)
        return False
    except ValidationError as exc:
        # e.g. a malformed address on a user record: skip this one, keep the sweep going.
        log.warning("reminder %s %s %s not queued: %s", request_id, kind, key, exc)
        return False
    return True


def _to_each(session: Session, request: Request, kind: str, stem: str, recipients: Iterable[User], *,
             subject: str, template: str, context: dict[str, Any], now: datetime, settings: Settings) -> int:
    """One reminder per recipient for ``(request, kind, stem)``, unless any was already sent for ``stem``."""
    if _already(session, request.id, kind, stem):
        return 0
    queued = 0
    # Need to know (issue 14): nobody is told about a request they may not see (a restricted request, another
    # team's request).
    for user in (u for u in recipients if can_view(u, request)):
        queued += _send_once(session, request_id=request.id, kind=kind, key=f"{stem}/{user.id}",
                             recipient=user, to=user.email, subject=subject, template=template,
                             context={**context, "recipient_name": user.name}, now=now, settings=settings)
    return queued


def _requester_contact(session: Session, request: Request) -> tuple[str | None, str | None]:
    """(name, e-mail) of whoever made the request: requester party, representative, or portal owner."""
    for role in ("requester", "representative"):
        party: Party | None = request.party(role)
        if party is not None and party.email:
            return party.name, party.email
    if request.owner_id is not None:
        owner = session.get(User, request.owner_id)
        if owner is not None:
            party = request.party("requester")
            return (party.name if party else owner.name), owner.email
    return None, None


# --- sweeps ---------------------------------------------------------------------------------------------


def acknowledge_new_requests(session: Session, *, now: datetime, settings: Settings) -> int:
    """Acknowledge each new request to its requester: reference, regime, due date and how it was computed.

    One e-mail per request as received (a mixed request's parts are listed in one e-mail, sent with the
    first part). Requests logged more than :data:`ACK_WINDOW` ago, closed ones and those with no e-mail
    address (a letter or phone call: staff reply by post) are left alone.

    :return: how many acknowledgements were queued.
    """
    queued = 0
    for req in _open_requests(session, Request.parent_id.is_(None), Request.created_at >= now - ACK_WINDOW):
        name, email = _requester_contact(session, req)
        if not email:
            continue
        parts = []
        for part in [req, *req.parts]:
            parts.append({
                "reference": part.reference,
                "regime_label": REQUESTER_LABELS.get(part.regime, part.regime),
                "due_on": part.due_on,
                "stopped": part.due_on is None,
                # The clock's explanation (rule codes, outer limits) is for staff, never the requester.
                "personal": part.regime in DATA_RIGHTS_REGIMES,
            })
        queued += _send_once(
            session, request_id=req.id, kind="acknowledgement", key="received", recipient=None, to=email,
            subject=f"We have received your request ({req.reference})", template="acknowledgement",
            context={"requester_name": name or "Sir or Madam", "reference": req.reference,
                     "received_on": req.received_on, "parts": parts},
            now=now, settings=settings)
    return queued


def _extension_hint(req: Request) -> str:
    if req.extended:
        return ""
    if req.regime in DATA_RIGHTS_REGIMES:
        return ("This is also the end of the first month: if the request needs the two-month extension, the "
                "requester must be told, with reasons, by this date (rulebook G-4).")
    if req.regime == "foi":
        return ("This is working day 20: any refusal notice, or a section 17 notice extending the time to "
                "consider the public interest, must reach the requester by this date (rulebook F-3).")
    if req.regime == "eir":
        return ("This is working day 20: a regulation 7 extension must be notified, with reasons, by this "
                "date (rulebook E-2).")
    return ""


def remind_due_soon(session: Session, *, now: datetime, settings: Settings) -> int:
    """Remind the assigned officer (or every officer, if unassigned) once a request is due soon.

    "Due soon" is ``deadlines.deadline_state(...) == "due_soon"``: the due date is at most
    ``settings.due_soon_working_days`` working days away, counting weekends and bank holidays as not
    working (UK union plus recorded overrides). Once per request per due date.

    :return: how many e-mails were queued.
    """
    today = london_date(now)
    cal = working_calendar(session)
    horizon = today + timedelta(days=settings.due_soon_working_days * 2 + 14)
    queued = 0
    for req in _open_requests(session, Request.due_on.is_not(None), Request.due_on >= today,
                              Request.due_on <= horizon):
        state = deadlines.deadline_state(req.due_on, today, soon_working_days=settings.due_soon_working_days,
                                         calendar=cal)
        if state != "due_soon":
            continue
        recipients, assigned = _officers_for(session, req)
        left = cal.working_days_between(today, req.due_on)
        queued += _to_each(
            session, req, "due_soon", req.due_on.isoformat(), recipients,
            subject=f"Due {'today' if left == 0 else f'in {left} working day' + ('s' if left != 1 else '')}: "
                    f"{req.reference}",
            template="due_soon",
            context={"reference": req.reference, "regime_label": _staff_label(req.regime),
                     "status_title": RequestStatus(req.status).title, "due_on": req.due_on,
                     "working_days_left": left, "assigned": assigned,
                     "url": staff_request_url(settings, req.reference),
                     "extension_hint": _extension_hint(req)},
            now=now, settings=settings)
    return queued


def notice_deadline(req: Request) -> tuple[str, date, int] | None:
    """The statutory notice an officer must watch on ``req``: (kind, date, warning in working days).

    - data rights, not extended: ``extension_decision`` by the end of the first month (= the due date), G-4;
    - data rights, extended: ``extension_notice`` by the end of the first month, G-4;
    - FOIA, not extended: ``pit_decision`` by working day 20 (= the due date), F-3;
    - FOIA, public interest extension: ``refusal_notice`` (s.17) by working day 20, F-3;
    - EIR, not extended / extended: ``eir_extension_decision`` / ``eir_extension_notice`` by day 20, E-2.

    :return: ``None`` for other regimes or while the clock is stopped.
    """
    if req.due_on is None:
        return None
    secondary = (req.due_detail or {}).get("secondary") or {}

    def recorded(name: str) -> date | None:
        value = secondary.get(name)
        return date.fromisoformat(value) if value else None

    if req.regime in DATA_RIGHTS_REGIMES:
        if req.extended:
            on = recorded("extension_notice_due")
            return ("extension_notice", on, 0) if on else None
        return "extension_decision", req.due_on, NOTICE_DECISION_WORKING_DAYS
    if req.regime == "foi":
        if req.extended:
            on = recorded("refusal_notice_due")
            return ("refusal_notice", on, 0) if on else None
        return "pit_decision", req.due_on, NOTICE_DECISION_WORKING_DAYS
    if req.regime == "eir":
        if req.extended:
            on = recorded("extension_notice_due")
            return ("eir_extension_notice", on, 0) if on else None
        return "eir_extension_decision", req.due_on, NOTICE_DECISION_WORKING_DAYS
    return None


def remind_extension_notice(session: Session, *, now: datetime, settings: Settings) -> int:
    """Remind officers of an extension or refusal notice deadline that is approaching or today.

    See :func:`notice_deadline` for which notice applies. A decision reminder (not yet extended) goes
    :data:`NOTICE_DECISION_WORKING_DAYS` working days ahead, so there is time to decide; a reminder that a
    recorded extension's notice is due goes ``settings.due_soon_working_days`` ahead. Once per request per
    notice and date.

    :return: how many e-mails were queued.
    """
    today = london_date(now)
    cal = working_calendar(session)
    queued = 0
    for req in _open_requests(session, Request.due_on.is_not(None), Request.due_on >= today,
                              Request.regime.in_(sorted(DATA_RIGHTS_REGIMES | {"foi", "eir"}))):
        found = notice_deadline(req)
        if found is None:
            continue
        notice_kind, on, ahead = found
        ahead = ahead or settings.due_soon_working_days
        if on < today or cal.working_days_between(today, on) > ahead:
            continue
        recipients, _assigned = _officers_for(session, req)
        left = cal.working_days_between(today, on)
        queued += _to_each(
            session, req, "extension_notice", f"{notice_kind}:{on.isoformat()}", recipients,
            subject=f"Notice deadline {on:%d %b %Y}: {req.reference}",
            template="extension_notice_due",
            context={"reference": req.reference, "regime_label": _staff_label(req.regime),
                     "notice_kind": notice_kind, "notice_on": on, "due_on": req.due_on,
                     "working_days_left": left, "url": staff_request_url(settings, req.reference)},
            now=now, settings=settings)
    return queued


def escalate_overdue(session: Session, *, now: datetime, settings: Settings) -> int:
    """Tell every manager (else admin) once a request passes its due date; once per request per due date.

    :return: how many e-mails were queued.
    """
    today = london_date(now)
    managers = _managers(session)
    queued = 0
    for req in _open_requests(session, Request.due_on.is_not(None), Request.due_on < today):
        assigned = session.get(User, req.assigned_officer_id) if req.assigned_officer_id else None
        queued += _to_each(
            session, req, "overdue_escalation", req.due_on.isoformat(), managers,
            subject=f"Overdue since {req.due_on:%d %b %Y}: {req.reference}",
            template="overdue_escalation",
            context={"reference": req.reference, "regime_label": _staff_label(req.regime),
                     "status_title": RequestStatus(req.status).title, "due_on": req.due_on,
                     "days_overdue": (today - req.due_on).days,
                     "assigned_name": assigned.name if assigned else None,
                     "url": staff_request_url(settings, req.reference)},
            now=now, settings=settings)
    return queued


def digest_summary(session: Session, *, today: date, settings: Settings,
                   viewer: User | None = None) -> dict[str, Any]:
    """The figures in the daily digest (also useful for a dashboard): counts, due soon, overdue, approvals.

    :param viewer: count only the requests this user may see (need to know, issue 14); None: all.
    """
    cal = working_calendar(session)
    requests = _open_requests(session, *([visibility_clause(viewer)] if viewer is not None else []))
    names = {u.id: u.name for u in session.scalars(select(User).where(
        User.id.in_({r.assigned_officer_id for r in requests if r.assigned_officer_id})))}

    def item(req: Request) -> dict[str, Any]:
        return {"reference": req.reference, "regime_label": _staff_label(req.regime), "due_on": req.due_on,
                "assigned_name": names.get(req.assigned_officer_id)}

    due_soon, overdue = [], []
    for req in requests:
        state = deadlines.deadline_state(req.due_on, today, soon_working_days=settings.due_soon_working_days,
                                         calendar=cal)
        if state == "overdue":
            overdue.append(item(req))
        elif state == "due_soon":
            due_soon.append(item(req))
    counts = Counter(req.status for req in requests)
    return {
        "today": today,
        "open_count": len(requests),
        "by_status": [(s.title, counts[s.value]) for s in RequestStatus if counts[s.value]],
        "due_soon": due_soon,
        "overdue": overdue,
        "awaiting_approval": [item(r) for r in requests if r.status == RequestStatus.awaiting_approval],
    }


def send_daily_digest(session: Session, *, now: datetime, settings: Settings) -> int:
    """Queue one digest per active manager per London day (key ``<date>/<user id>``, no request).

    :return: how many digests were queued (0 if today's have gone already).
    """
    today = london_date(now)
    queued = 0
    for manager in _active(session, Role.manager):
        # Each manager's digest covers only what they need to know about (issue 14).
        summary = digest_summary(session, today=today, settings=settings, viewer=manager)
        # Short enough not to be folded (some mail clients then show a leading space).
        subject = (f"Daily summary {today:%d %b %Y}: {len(summary['overdue'])} overdue, "
                   f"{len(summary['due_soon'])} due soon, {len(summary['awaiting_approval'])} to approve")
        queued += _send_once(
            session, request_id=None, kind="daily_digest", key=f"{today.isoformat()}/{manager.id}",
            recipient=manager, to=manager.email, subject=subject, template="daily_digest",
            context={**summary, "recipient_name": manager.name,
                     "url": f"{settings.base_url.rstrip('/')}/staff/"},
            now=now, settings=settings)
    return queued


#: Every sweep, in the order the worker's one-shot run uses.
SWEEPS = (acknowledge_new_requests, remind_due_soon, remind_extension_notice, escalate_overdue,
          send_daily_digest)
