"""Look-ups of a request's bundle: its proposal jobs, its redactions (by page, by request, counted) and page marks.

Every function only reads. Those that take ``actor`` check it with :mod:`sar.core.permissions`, so a
requester's token never reaches another requester's request (NotFound, not NotPermitted); the others
take ids the caller has already reached through an audited, permission-checked request.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sar.bundle import redactions
from sar.bundle.redactions import MANAGER_CODES
from sar.core.errors import NotFound
from sar.core.permissions import require_staff, require_view
from sar.models import BundleItem, Job, PageMark, Redaction, Request, User


def get_job(session: Session, job_id: int, *, actor: User) -> Job:
    """Return a background job if ``actor`` is staff and may see its request.

    :raises NotFound: unknown job, or its request is not visible to ``actor``.
    :raises NotPermitted: a requester asking about a job on their own request.
    """
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound("no such job")
    if job.request_id is not None:
        require_view(actor, session.get(Request, job.request_id))
    require_staff(actor)
    return job


def get_redaction(session: Session, redaction_id: int, *, actor: User) -> Redaction:
    """Return a redaction if ``actor`` may see the request it belongs to.

    :raises NotFound: unknown redaction, or its request is not visible to ``actor``.
    """
    redaction = session.get(Redaction, redaction_id)
    if redaction is None:
        raise NotFound("no such redaction")
    item = session.get(BundleItem, redaction.bundle_item_id)
    require_view(actor, session.get(Request, item.request_id) if item else None)
    return redaction


def _bundle_filenames(session: Session, item_ids: set[int]) -> dict[int, str]:
    """Map bundle item ids to the file names they were uploaded under."""
    if not item_ids:
        return {}
    rows = session.execute(select(BundleItem.id, BundleItem.filename).where(BundleItem.id.in_(item_ids)))
    return {item_id: filename for item_id, filename in rows}


@dataclass(frozen=True)
class RedactionRow:
    """A redaction with what a reviewer needs beside it."""

    redaction: Redaction
    #: The name the redaction's document was uploaded under.
    filename: str
    #: Its code needs the approving manager's confirmation (serious harm etc.).
    flagged_for_manager: bool


def redaction_rows(session: Session, rows: list[Redaction]) -> list[RedactionRow]:
    """Wrap ``rows`` with their documents' file names and manager flags."""
    names = _bundle_filenames(session, {r.bundle_item_id for r in rows})
    return [RedactionRow(r, names.get(r.bundle_item_id, ""), r.code in MANAGER_CODES) for r in rows]


def list_redactions(session: Session, request: Request, *, actor: User,
                    status: str | None = None) -> list[RedactionRow]:
    """The request's current redactions, for staff only.

    Proposals quote the text they would remove (third parties' names, addresses ...), so a
    requester may not list them, even on their own request.

    :raises NotPermitted: the actor is not staff.
    """
    require_staff(actor)
    return redaction_rows(session, redactions.list_redactions(session, request, status=status))


def job_for_request(session: Session, job_id: int, *, actor: User) -> Job | None:
    """Return a background job for progress polling (staff only), or None."""
    require_staff(actor)
    return session.get(Job, job_id)


def latest_job(session: Session, request_id: int, *, actor: User, kind: str | None = None) -> Job | None:
    """Return the request's most recent background job, or None.

    A per-document step (a job with a parent, issue 11) is part of its parent's progress, never shown
    on its own.
    """
    require_staff(actor)
    stmt = select(Job).where(Job.request_id == request_id, Job.parent_id.is_(None))
    if kind:
        stmt = stmt.where(Job.kind == kind)
    return session.scalars(stmt.order_by(Job.id.desc()).limit(1)).first()


def queued_job_ids(session: Session) -> list[int]:
    """Ids of jobs still queued, oldest first (for the web's background runner to sweep)."""
    return list(session.scalars(select(Job.id).where(Job.status == "queued").order_by(Job.id)))


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
