"""Read-only queries the web adapter needs that no use case provides yet.

Every function here only reads; permission checks use :mod:`sar.core.permissions` like the use cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

import deadlines
from sar.core.permissions import require_staff, visibility_clause
from sar.core.settings import Settings
from sar.messaging.download_links import token_sha
from sar.models import (
    AuditEvent,
    BundleItem,
    DownloadLink,
    Job,
    OutboxEmail,
    PageMark,
    Party,
    Redaction,
    Request,
    ResponsePack,
    Role,
    User,
)
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


def logged_out_since(session: Session, user_id: int, since: datetime) -> bool:
    """Return whether ``user_id`` signed out (a ``logout`` audit event) at or after ``since``.

    The web session cookie records when it was issued; a later sign-out anywhere ends it.
    """
    return bool(
        session.scalar(
            select(
                exists().where(
                    AuditEvent.actor_id == user_id, AuditEvent.action == "logout", AuditEvent.at >= since
                )
            )
        )
    )


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


def staff_users(session: Session, *, actor: User) -> list[User]:
    """Officers and managers who can be assigned requests, by name."""
    require_staff(actor)
    return list(
        session.scalars(
            select(User)
            .where(User.role.in_([Role.officer.value, Role.manager.value]), User.is_active.is_(True))
            .order_by(User.name)
        )
    )


def job_for_request(session: Session, job_id: int, *, actor: User) -> Job | None:
    """Return a background job for progress polling (staff only), or None."""
    require_staff(actor)
    return session.get(Job, job_id)


def latest_job(session: Session, request_id: int, *, actor: User, kind: str | None = None) -> Job | None:
    """Return the request's most recent background job, or None."""
    require_staff(actor)
    stmt = select(Job).where(Job.request_id == request_id)
    if kind:
        stmt = stmt.where(Job.kind == kind)
    return session.scalars(stmt.order_by(Job.id.desc()).limit(1)).first()


def queued_job_ids(session: Session) -> list[int]:
    """Ids of jobs still queued, oldest first (for the web's background runner to sweep)."""
    return list(session.scalars(select(Job.id).where(Job.status == "queued").order_by(Job.id)))


def download_link_target(session: Session, token: str) -> tuple[Request, int | None] | None:
    """Return ``(request, user id the link was made for)`` for a download token, or None if unknown.

    Expiry, revocation and who may use the link are checked by ``sar.release.approvals.pack_for_download``.
    """
    if not token or len(token) > 200:
        return None
    sha = token_sha(token)
    row = session.execute(
        select(Request, DownloadLink.user_id)
        .join(ResponsePack, ResponsePack.request_id == Request.id)
        .join(DownloadLink, DownloadLink.pack_id == ResponsePack.id)
        .where(DownloadLink.token_sha256 == sha)
    ).first()
    return (row[0], row[1]) if row else None


def redaction_counts(session: Session, item_ids: list[int]) -> dict[int, dict[str, int]]:
    """Live (not superseded) redactions per bundle item and status: ``{item_id: {"proposed": 3, ...}}``."""
    if not item_ids:
        return {}
    rows = session.execute(
        select(Redaction.bundle_item_id, Redaction.status, func.count())
        .where(Redaction.bundle_item_id.in_(item_ids), Redaction.superseded_at.is_(None))
        .group_by(Redaction.bundle_item_id, Redaction.status)
    )
    out: dict[int, dict[str, int]] = {}
    for item_id, status, n in rows:
        out.setdefault(item_id, {})[status] = n
    return out


def users_by_id(session: Session, ids: set[int]) -> dict[int, User]:
    """The users with these ids, for showing names next to ids."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(ids)))}


def redactions_for_page(session: Session, item_id: int, page: int) -> list:
    """Live (not superseded) redactions on one page of a bundle item, top to bottom."""
    rows = list(
        session.scalars(
            select(Redaction)
            .where(
                Redaction.bundle_item_id == item_id, Redaction.page == page, Redaction.superseded_at.is_(None)
            )
            .order_by(Redaction.id)
        )
    )
    return sorted(rows, key=lambda r: (r.boxes[0][1], r.boxes[0][0]) if r.boxes else (0, 0))


def page_mark(session: Session, item_id: int, page: int):
    """The page's mark (withheld, duplicate, not relevant, disclose), or None."""
    return session.scalars(
        select(PageMark).where(PageMark.bundle_item_id == item_id, PageMark.page == page)
    ).first()


def redaction_in_request(session: Session, request_id: int, redaction_id: int):
    """The redaction with this id if it belongs to one of the request's bundle items, else None."""
    return session.scalars(
        select(Redaction)
        .join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
        .where(Redaction.id == redaction_id, BundleItem.request_id == request_id)
    ).first()


def correspondence(session: Session, request_id: int, *, actor: User) -> list:
    """E-mails written for a request (acknowledgement, reminders, release link), newest first."""
    require_staff(actor)
    return list(session.scalars(select(OutboxEmail).where(OutboxEmail.request_id == request_id)
                                .order_by(OutboxEmail.id.desc()).limit(100)))
