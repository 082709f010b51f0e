"""Timeliness by regime: received, closed, answered on time, days taken, lateness, extensions and clock stops.

Built on the status changes (when each request was answered or closed) and the clock events
(extensions and stops), never on a stored counter. "On time" compares the London date of the
response with the request's statutory due date, which ``sar.intake.clock`` computes from the
receipt date and the same clock events (rulebook §1, C1-C3, F-1/F-3, E-1/E-2, G-1..G-4).
Days are calendar days; a stop lasts from the day the question was asked to the day it was
answered (or the response, if it never was).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from deadlines.rules import EVENT_PAIRS
from sar.models import ClockEvent, Request, StatusChange
from sar.reports.common import (
    ALL_REGIMES,
    Answered,
    answered_ids,
    answered_in,
    london_date,
    median,
    pct,
    percentile,
    scoped,
)
from sar.reports.filters import Chart, Report, ReportFilter, Table
from sar.workflow.status import OPEN_STATUSES, RequestStatus

S = RequestStatus
#: Moves that finish a request: answered, withdrawn, or closed without an answer (e.g. ID never came).
_FINISH = or_(
    StatusChange.to_status.in_((S.released.value, S.refused.value, S.withdrawn.value)),
    and_(StatusChange.to_status == S.closed.value,
         StatusChange.from_status.notin_((S.released.value, S.refused.value))),
)
_STARTS = {start: end for start, end in EVENT_PAIRS}
_ENDS = {end: start for start, end in EVENT_PAIRS}
#: Age bands for open requests, in calendar days since receipt: (label, lowest, highest or None).
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-20 days", 0, 20), ("21-40 days", 21, 40), ("41-60 days", 41, 60), ("61-90 days", 61, 90),
    ("over 90 days", 91, None),
)

TIMELINESS_COLUMNS = (
    "regime", "received", "closed", "answered", "on time", "% on time", "median days taken",
    "90th percentile days taken", "late", "median days late", "max days late", "extensions used",
    "clock stops", "days stopped", "median stop length",
)


def _stops(session: Session, f: ReportFilter) -> tuple[dict[int, list[tuple[date, date | None]]], set[int]]:
    """The clock stops, as (asked, answered), and the set of extended requests, of the requests answered in ``f``."""
    stops: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    extended: set[int] = set()
    open_: dict[tuple[int, str], date] = {}
    rows = session.execute(
        select(ClockEvent.request_id, ClockEvent.kind, ClockEvent.occurred_on)
        .where(ClockEvent.request_id.in_(answered_ids(f)), ClockEvent.voided_at.is_(None))
        .order_by(ClockEvent.request_id, ClockEvent.occurred_on, ClockEvent.id))
    for rid, kind, on in rows:
        if kind == "extended":
            extended.add(rid)
        elif kind in _STARTS:
            open_[(rid, kind)] = on
        elif kind in _ENDS and (rid, _ENDS[kind]) in open_:
            stops[rid].append((open_.pop((rid, _ENDS[kind])), on))
    for (rid, _kind), asked in open_.items():
        stops[rid].append((asked, None))
    return stops, extended


def _row(label: str, received: int, closed: int, answered: list[Answered],
         stops: dict[int, list[tuple[date, date | None]]], extended: set[int]) -> tuple:
    with_due = [a for a in answered if a.due_on is not None]
    on_time = sum(1 for a in with_due if a.answered_on <= a.due_on)
    taken = [(a.answered_on - a.received_on).days for a in answered]
    late = [(a.answered_on - a.due_on).days for a in with_due if a.answered_on > a.due_on]
    lengths = [((end or a.answered_on) - start).days for a in answered for start, end in stops.get(a.request_id, ())]
    return (
        label, received, closed, len(answered), on_time, pct(on_time, len(with_due)), median(taken),
        percentile(taken, 90), len(late), median(late), max(late) if late else None,
        sum(1 for a in answered if a.request_id in extended), len(lengths), sum(lengths), median(lengths),
    )


def _open_now(session: Session, f: ReportFilter, today: date) -> Table:
    stmt = scoped(select(Request.regime, Request.received_on, Request.due_on).select_from(Request)
                  .where(Request.status.in_([s.value for s in OPEN_STATUSES])), f)
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * (2 + len(AGE_BANDS)))
    for regime, received_on, due_on in session.execute(stmt):
        for key in (regime, ALL_REGIMES):
            row = counts[key]
            row[0] += 1
            if due_on is not None and due_on < today:
                row[1] += 1
            age = (today - received_on).days
            for i, (_label, low, high) in enumerate(AGE_BANDS):
                if age >= low and (high is None or age <= high):
                    row[2 + i] += 1
    keys = sorted(k for k in counts if k != ALL_REGIMES) + ([ALL_REGIMES] if counts else [])
    columns = ("regime", "open", "overdue") + tuple(label for label, _, _ in AGE_BANDS)
    return Table("open_now", f"Open and overdue on {today.isoformat()}, by age", columns,
                 [(k, *counts[k]) for k in keys],
                 Chart("regime", tuple(label for label, _, _ in AGE_BANDS), stacked=True, y_label="requests"),
                 note="Open now, whatever the period; age is calendar days since receipt.")


def timeliness(session: Session, f: ReportFilter, *, now: datetime) -> Report:
    """The timeliness report for ``f`` (see the module docstring for every definition)."""
    received = dict(session.execute(
        scoped(select(Request.regime, func.count(Request.id)).select_from(Request)
               .where(Request.received_on >= f.date_from, Request.received_on <= f.date_to), f)
        .group_by(Request.regime)).all())
    closed = dict(session.execute(
        scoped(select(Request.regime, func.count(func.distinct(Request.id))).select_from(Request)
               .join(StatusChange, StatusChange.request_id == Request.id)
               .where(_FINISH, StatusChange.at >= f.start_utc, StatusChange.at < f.end_utc), f)
        .group_by(Request.regime)).all())
    answered = answered_in(session, f)
    stops, extended = _stops(session, f)
    by_regime: dict[str, list[Answered]] = defaultdict(list)
    for a in answered:
        by_regime[a.regime].append(a)
    regimes = sorted(set(received) | set(closed) | set(by_regime))
    rows = [_row(r, received.get(r, 0), closed.get(r, 0), by_regime.get(r, []), stops, extended) for r in regimes]
    if rows:
        rows.append(_row(ALL_REGIMES, sum(received.values()), sum(closed.values()), answered, stops, extended))
    table = Table("timeliness", "Timeliness by regime", TIMELINESS_COLUMNS, rows,
                  Chart("regime", ("on time", "late"), stacked=True, y_label="requests answered"),
                  note="Received: receipt date in the period. Closed and answered: moved to released/refused "
                       "(answered) or withdrawn/closed in the period. On time: answered on or before the "
                       "statutory due date. Days are calendar days; percentiles by nearest rank.")
    chart_rows = [r for r in rows if r[0] != ALL_REGIMES]
    return Report("timeliness", "Timeliness", f, now,
                  [table, _open_now(session, f, london_date(now)),
                   Table("days_taken", "Median and 90th percentile days taken", ("regime", "median", "90th percentile"),
                         [(r[0], r[6], r[7]) for r in chart_rows],
                         Chart("regime", ("median", "90th percentile"), y_label="calendar days"))])
