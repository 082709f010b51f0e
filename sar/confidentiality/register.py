"""The disclosure register: what was passed to which agency, when, under what power, confirmed in writing.

Seed policy: "Where information or records are passed to others it should be noted and confirmed in writing."
and, when disclosure is made without consent, "a careful record needs to be kept of what has been disclosed".
A row is written by :func:`record_release` when ``sar.release.approvals.release`` releases an agency's pack; the
written confirmation is generated then and stored with it. The register is searchable by person and by agency,
and lists only requests the reader may see (need to know).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.confidentiality import agency
from sar.core import audit
from sar.core.permissions import require_staff, visibility_clause
from sar.core.settings import Settings
from sar.messaging import notifications
from sar.models import DisclosureRecord, Request, User

TEMPLATE = "confidentiality/disclosure_confirmation.txt"
#: Most rows one search returns.
MAX_ROWS = 500


def record_release(session: Session, request: Request, *, pack_sha256: str, page_count: int, actor: User,
                   now: datetime, settings: Settings) -> DisclosureRecord | None:
    """Note an agency disclosure in the register with its written confirmation; None for other requests."""
    if not agency.is_agency_request(request):
        return None
    requester, subject = request.party("requester"), request.party("data_subject")
    checks = agency.live_checks(session, request)
    power = next((c.how for c in reversed(checks) if c.item == "entitlement"), "not recorded")
    recipient = requester.name if requester is not None else "unknown"
    subject_name = subject.name if subject is not None else ""
    what = f"the response pack for {request.reference} ({page_count} page{'s' if page_count != 1 else ''})"
    text = notifications.render_text(TEMPLATE, {
        "recipient": recipient, "reference": request.reference, "subject_name": subject_name or "—",
        "power": power, "what": what, "disclosed_at": now, "disclosed_by": actor.name,
        "checks": [(agency.ITEM_TITLES[c.item], c.how) for c in checks]}, settings=settings)
    row = DisclosureRecord(request_id=request.id, recipient=recipient, requester_type=request.requester_type,
                           subject_name=subject_name, power=power, what=what, pack_sha256=pack_sha256,
                           disclosed_by_id=actor.id, disclosed_at=now, confirmation_text=text)
    session.add(row)
    session.flush()
    audit.record(session, "disclosure.register", actor=actor, now=now, request_id=request.id,
                 target=f"disclosure:{row.id}", detail={"recipient": recipient, "power": power,
                                                        "pack_sha256": pack_sha256})
    return row


def search(session: Session, *, actor: User, now: datetime, person: str = "", agency_name: str = "",
           requester_type: str = "") -> list[DisclosureRecord]:
    """Register rows, newest first, filtered by data subject, agency (recipient) and requester type.

    Only rows of requests the actor may see are returned; the search is audited.
    """
    require_staff(actor)
    stmt = (select(DisclosureRecord).join(Request, Request.id == DisclosureRecord.request_id)
            .where(visibility_clause(actor)))
    if person.strip():
        stmt = stmt.where(DisclosureRecord.subject_name.ilike(f"%{person.strip()}%"))
    if agency_name.strip():
        needle = f"%{agency_name.strip()}%"
        stmt = stmt.where(DisclosureRecord.recipient.ilike(needle))
    if requester_type.strip():
        stmt = stmt.where(DisclosureRecord.requester_type == requester_type.strip())
    rows = list(session.scalars(stmt.order_by(DisclosureRecord.id.desc()).limit(MAX_ROWS)))
    audit.record(session, "disclosure.search", actor=actor, now=now,
                 detail={"person": person, "agency": agency_name, "requester_type": requester_type,
                         "rows": len(rows)})
    return rows
