"""Read-only look-ups the JSON API needs that the use-case modules do not provide.

Every function only reads and checks visibility with :mod:`sar.core.permissions`, so a requester's
token never reaches another requester's request (NotFound, not NotPermitted).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redaction.codes import EXEMPTION_CODES
from sar.bundle import redactions
from sar.core.errors import NotFound, ValidationError
from sar.core.permissions import require_staff, require_view, visible_requests
from sar.models import BundleItem, Job, Redaction, Request, User
from sar.workflow.status import RequestStatus

#: Codes whose redactions the approving manager confirms (``redaction.codes``: serious harm etc.).
MANAGER_CODES = frozenset(c.code for c in EXEMPTION_CODES.values() if c.needs_manager_decision)


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
