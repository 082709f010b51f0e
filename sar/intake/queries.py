"""Lists of requests: the staff dashboard (tabs, sorting, search, pages) and the requests an actor may see.

Every function here only reads; permission checks use :mod:`sar.core.permissions` like the use cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

import deadlines
from sar.core.errors import ValidationError
from sar.core.permissions import require_staff, visibility_clause, visible_requests
from sar.core.settings import Settings
from sar.models import Party, Request, User
from sar.workflow.status import OPEN_STATUSES, RequestStatus

#: Dashboard tabs: key → label.
TABS = {
    "mine": "My requests",
    "due_soon": "Due soon",
    "overdue": "Overdue",
    "awaiting_approval": "Awaiting approval",
    "open": "All open",
    "all": "Everything",
}
#: Sortable columns: key → column. reference (unique), due_on and (status, due_on) are indexed;
#: received_at is not (yet), but ties break on the primary key so pages stay stable.
SORTS = {
    "reference": Request.reference,
    "received": Request.received_at,
    "due": Request.due_on,
    "status": Request.status,
}
_OPEN = sorted(s.value for s in OPEN_STATUSES)


@dataclass(frozen=True)
class DashboardPage:
    """One page of the staff dashboard."""

    rows: list[Request]
    total: int
    page: int
    per_page: int
    tab: str
    sort: str
    direction: str

    @property
    def pages(self) -> int:
        """Number of pages (at least 1)."""
        return max(1, -(-self.total // self.per_page))


def _tab_filter(stmt: Select, tab: str, *, actor: User, today: date, settings: Settings) -> Select:
    if tab == "all":
        return stmt
    stmt = stmt.where(Request.status.in_(_OPEN))
    if tab == "mine":
        stmt = stmt.where(Request.assigned_officer_id == actor.id)
    elif tab == "due_soon":
        cutoff = deadlines.add_working_days(today, settings.due_soon_working_days)
        stmt = stmt.where(and_(Request.due_on >= today, Request.due_on <= cutoff))
    elif tab == "overdue":
        stmt = stmt.where(Request.due_on < today)
    elif tab == "awaiting_approval":
        stmt = stmt.where(Request.status == RequestStatus.awaiting_approval.value)
    return stmt


def dashboard_page(
    session: Session,
    *,
    actor: User,
    today: date,
    settings: Settings,
    tab: str = "open",
    sort: str = "due",
    direction: str = "asc",
    page: int = 1,
    per_page: int = 25,
    regime: str | None = None,
    query: str | None = None,
) -> DashboardPage:
    """Return one page of requests for the staff dashboard, filtered, sorted and paginated in SQL.

    :param tab: a key of :data:`TABS` (unknown keys fall back to ``open``).
    :param sort: a key of :data:`SORTS`; ties break on ``id`` so pages never overlap.
    :param query: a reference, or part of one, or part of a party's name.
    :raises NotPermitted: the actor is not staff.
    """
    require_staff(actor)
    tab = tab if tab in TABS else "open"
    sort = sort if sort in SORTS else "due"
    direction = "desc" if direction == "desc" else "asc"
    page = max(1, page)
    per_page = min(max(1, per_page), 200)
    # Need to know (issue 14): only requests the actor may see are listed, counted or searched.
    stmt = _tab_filter(select(Request).where(visibility_clause(actor)), tab, actor=actor, today=today,
                       settings=settings)
    if regime:
        stmt = stmt.where(Request.regime == regime)
    if query and query.strip():
        needle = query.strip()
        stmt = stmt.where(
            or_(
                Request.reference.ilike(f"%{needle}%"),
                Request.id.in_(select(Party.request_id).where(Party.name.ilike(f"%{needle}%"))),
            )
        )
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    column = SORTS[sort]
    order = column.desc() if direction == "desc" else column.asc()
    # NULL due dates (clock stopped) sort last either way.
    nulls = column.is_(None).asc()
    tiebreak = Request.id.desc() if direction == "desc" else Request.id.asc()
    rows = list(
        session.scalars(
            stmt.order_by(nulls, order, tiebreak)
            .limit(per_page)
            .offset((page - 1) * per_page)
            .options(selectinload(Request.parties))
        )
    )
    return DashboardPage(rows, total, page, per_page, tab, sort, direction)


def tab_counts(session: Session, *, actor: User, today: date, settings: Settings) -> dict[str, int]:
    """Number of requests in each dashboard tab."""
    require_staff(actor)
    out = {}
    for tab in TABS:
        stmt = _tab_filter(select(func.count(Request.id)).where(visibility_clause(actor)), tab, actor=actor,
                           today=today, settings=settings)
        out[tab] = session.scalar(stmt) or 0
    return out


@dataclass(frozen=True)
class RequestPage:
    """One page of the requests an actor may see, newest first."""

    items: list[Request]
    total: int
    page: int
    per_page: int


def list_requests(session: Session, actor: User, *, page: int = 1, per_page: int = 50,
                  status: str | None = None) -> RequestPage:
    """Return one page of the requests ``actor`` may see (staff: all; requester: their own).

    :param status: only requests in this status.
    :raises ValidationError: unknown status.
    """
    stmt = visible_requests(actor)
    if status is not None:
        if status not in RequestStatus.__members__:
            raise ValidationError(f"unknown status {status!r}; choose one of {', '.join(RequestStatus)}")
        stmt = stmt.where(Request.status == status)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    stmt = stmt.order_by(Request.id.desc()).offset((page - 1) * per_page).limit(per_page)
    items = list(session.scalars(stmt))
    return RequestPage(items=items, total=total, page=page, per_page=per_page)
