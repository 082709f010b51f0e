"""Query pieces and statistics the reports share: the regime/team filter, answered requests, percentiles."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import DateTime, Select, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from sar.confidentiality.access import home_teams
from sar.models import ClosureRecord, Request, StatusChange, Team
from sar.reports.filters import ReportFilter
from sar.workflow.status import RequestStatus

#: The moves that answer a request: the response went out (released) or a refusal notice did.
ANSWER_STATUSES = (RequestStatus.released.value, RequestStatus.refused.value)
#: Label of the row that totals every regime.
ALL_REGIMES = "all"


#: The request's own team (``requests.team_id``) and its officer's home team, joined by :func:`scoped`.
_REQUEST_TEAM = aliased(Team, name="request_team")
_OFFICER_TEAM = home_teams()


def team_column():
    """The team a request counts under: the one recorded at closure, else its own team, else its officer's.

    Its own team is ``requests.team_id``; its officer's is the assigned officer's home team now
    (:func:`sar.confidentiality.access.home_teams`).
    """
    return func.coalesce(ClosureRecord.team, _REQUEST_TEAM.name, _OFFICER_TEAM.c.name)


def scoped(stmt: Select, f: ReportFilter) -> Select:
    """Join what the team filter needs onto a SELECT over ``Request`` and apply the regime and team filters."""
    stmt = (stmt.outerjoin(ClosureRecord, ClosureRecord.request_id == Request.id)
            .outerjoin(_REQUEST_TEAM, _REQUEST_TEAM.id == Request.team_id)
            .outerjoin(_OFFICER_TEAM, _OFFICER_TEAM.c.user_id == Request.assigned_officer_id))
    if f.regimes:
        stmt = stmt.where(Request.regime.in_(f.regimes))
    if f.team:
        stmt = stmt.where(team_column() == f.team)
    return stmt


@dataclass(frozen=True)
class Answered:
    """A request answered in the period, with the facts timeliness needs."""

    request_id: int
    regime: str
    received_on: date
    due_on: date | None
    answered_on: date


def answered_ids(f: ReportFilter) -> Select:
    """A SELECT of the ids of requests answered (released or refused) in the period, for ``IN (...)``."""
    return scoped(select(Request.id).select_from(Request).join(StatusChange, StatusChange.request_id == Request.id)
                  .where(StatusChange.to_status.in_(ANSWER_STATUSES), StatusChange.at >= f.start_utc,
                         StatusChange.at < f.end_utc), f)


def answered_in(session: Session, f: ReportFilter) -> list[Answered]:
    """Requests whose response (release or refusal) went out in the period, from the status changes."""
    # The raw timestamp type skips the per-row conversion of UTCDateTime; london_date copes with either form.
    at = type_coerce(StatusChange.at, DateTime(timezone=True))
    stmt = scoped(
        select(Request.id, Request.regime, Request.received_on, Request.due_on, at)
        .select_from(Request).join(StatusChange, StatusChange.request_id == Request.id)
        .where(StatusChange.to_status.in_(ANSWER_STATUSES), StatusChange.at >= f.start_utc,
               StatusChange.at < f.end_utc), f)
    seen: dict[int, Answered] = {}
    for rid, regime, received_on, due_on, when in session.execute(stmt):
        on = london_date(when)
        if rid not in seen or on < seen[rid].answered_on:
            seen[rid] = Answered(rid, regime, received_on, due_on, on)
    return list(seen.values())


@cache
def _bst(year: int) -> tuple[datetime, datetime]:
    """UTC (naive) instants British Summer Time starts and ends in ``year``.

    01:00 GMT on the last Sunday of March and of October (Summer Time Act 1972 as amended by the
    Summer Time Order 2002).
    """
    def last_sunday(month: int) -> datetime:
        day = datetime(year, month, 31, 1)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    return last_sunday(3), last_sunday(10)


def london_date(at: datetime) -> date:
    """The Europe/London calendar date of an instant (rulebook C1); a naive value is taken as UTC.

    Computed from the BST rule rather than through zoneinfo, because reports convert tens of thousands
    of timestamps; ``tests/reports`` checks it against zoneinfo over several years.
    """
    if at.tzinfo is not None:
        at = at.replace(tzinfo=None) - at.utcoffset()
    start, end = _bst(at.year)
    if start <= at < end:
        at += timedelta(hours=1)
    return at.date()


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    return float(statistics.median(values)) if values else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile by the nearest-rank method (an actual observed value), or None.

    Nearest rank is what a reader can check by hand: sort, count ``ceil(p/100 * n)`` along.
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return float(ordered[rank - 1])


def pct(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, to one decimal place; None when ``whole`` is 0."""
    return round(100 * part / whole, 1) if whole else None
