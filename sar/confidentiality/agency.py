"""The checks the policy demands before anything is handed to an agency (police, courts, Guardians, Ofsted).

Seed policy: "In any event, information should not be handed over to anyone unless members of staff are
satisfied that: 1. The person/agency has a bona fide entitlement to that information; 2. The identity of the
person/agency can be established without any doubt; 3. The person/agency will maintain an appropriate ethical
approach to the confidentiality of the information provided." -- "Where information is requested by telephone
or electronically, great care must be taken to ensure that the recipient is entitled to receive the
information requested. Where there is any doubt the information may not be provided without the approval of a
Team Manager." -- "only the minimum personal information necessary should be disclosed." -- "the person to whom
the information relates should be informed that records have been requested unless to do so would prejudice
the purpose of the request. Any objections they have should be considered before responding to the person
making the request." Rulebook §1.4 and T-5 (third-party statutory requesters).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import NotFound, ValidationError
from sar.core.permissions import require_role, require_view
from sar.models import AGENCY_CHECK_ITEMS, AgencyCheck, BundleItem, Request, User

#: Requester types that are agencies (triage's REQUESTER_TYPES; "regulator" covers Ofsted), rulebook §1.4.
AGENCY_REQUESTER_TYPES = frozenset({"police", "court", "childrens_guardian", "regulator"})
#: The regime triage gives statutory third-party requests (rulebook T-5).
AGENCY_REGIME = "third-party"
#: Channels the policy calls "by telephone or electronically": a Team Manager always approves these.
MANAGER_CHANNELS = frozenset({"phone", "email", "social_media", "api"})
#: The policy's three satisfactions plus minimum necessary disclosure: always required.
CORE_ITEMS = ("entitlement", "identity", "ethics", "minimum_necessary")
#: What each item asks, as shown on the checklist.
ITEM_TITLES = {
    "entitlement": "Bona fide entitlement: the statutory power or court order, with a copy",
    "identity": "Identity established beyond doubt (call-back through an independently found switchboard, "
                "secure e-mail domain, warrant card)",
    "ethics": "The agency will maintain an appropriate ethical approach to confidentiality",
    "minimum_necessary": "Only the minimum personal information necessary is disclosed",
    "manager_approval": "A Team Manager approves (any doubt, and always for a telephone or e-mail request)",
    "subject_told": "The data subject was told their records were requested",
    "subject_not_told": "The data subject was not told, because telling them would prejudice the purpose",
    "objection_considered": "The data subject's objection was considered before responding",
}


def is_agency_request(request: Request) -> bool:
    """Whether the checklist applies: an agency requester type or the third-party statutory regime."""
    return (request.requester_type or "") in AGENCY_REQUESTER_TYPES or request.regime == AGENCY_REGIME


def manager_approval_needed(request: Request, checks: list[AgencyCheck]) -> bool:
    """Always for telephone or electronic requests; otherwise when any check recorded doubt."""
    return request.channel in MANAGER_CHANNELS or any(c.doubt for c in checks)


def live_checks(session: Session, request: Request) -> list[AgencyCheck]:
    """Checks not withdrawn, oldest first (no permission check: for the gate and the screen)."""
    return list(session.scalars(select(AgencyCheck).where(AgencyCheck.request_id == request.id,
                                                          AgencyCheck.withdrawn_at.is_(None))
                                .order_by(AgencyCheck.id)))


@dataclass(frozen=True)
class Checklist:
    """Where a request's agency checklist stands."""

    applies: bool
    checks: list[AgencyCheck]
    missing: list[str]
    manager_needed: bool


def checklist(session: Session, request: Request) -> Checklist:
    """The checklist's state: which required items are still missing (in :data:`AGENCY_CHECK_ITEMS` order)."""
    if not is_agency_request(request):
        return Checklist(False, [], [], False)
    checks = live_checks(session, request)
    done = {c.item for c in checks}
    missing = [i for i in CORE_ITEMS if i not in done]
    if not done & {"subject_told", "subject_not_told"}:
        missing.append("subject_told")
    needed = manager_approval_needed(request, checks)
    if needed and "manager_approval" not in done:
        missing.append("manager_approval")
    return Checklist(True, checks, missing, needed)


def record_check(session: Session, request: Request, item: str, *, how: str, actor: User, now: datetime,
                 evidence_item_id: int | None = None, doubt: bool = False) -> AgencyCheck:
    """Record one checklist item with who confirmed it and how (audited).

    Rules: ``entitlement`` needs a copy of the power or order (a document in the request's bundle);
    ``manager_approval`` only by a manager, and not by whoever recorded the identity check;
    ``subject_not_told`` needs the reason telling would prejudice the purpose (in ``how``).
    ``doubt`` marks any remaining doubt, which makes the Team Manager's approval required.
    """
    require_role(actor, "officer", "manager")
    require_view(actor, request)
    if item not in AGENCY_CHECK_ITEMS:
        raise ValidationError(f"unknown check {item!r}; choose one of {', '.join(AGENCY_CHECK_ITEMS)}")
    how = (how or "").strip()
    if len(how) < 5:
        raise ValidationError("say how this was confirmed")
    evidence_doc = None
    if evidence_item_id is not None:
        bi = session.get(BundleItem, evidence_item_id)
        if bi is None or bi.request_id != request.id:
            raise NotFound("no such document on this request")
        evidence_doc = bi.document_id
    if item == "entitlement" and evidence_doc is None:
        raise ValidationError("attach a copy of the statutory power or court order to the entitlement check")
    if item == "manager_approval":
        require_role(actor, "manager")
        identity_by = {c.confirmed_by_id for c in live_checks(session, request) if c.item == "identity"}
        if actor.id in identity_by:
            raise ValidationError("a different manager approves: you confirmed the identity yourself")
    check = AgencyCheck(request_id=request.id, item=item, how=how, evidence_document_id=evidence_doc,
                        confirmed_by_id=actor.id, confirmed_at=now, doubt=doubt)
    session.add(check)
    session.flush()
    audit.record(session, "agency_check.record", actor=actor, now=now, request_id=request.id,
                 target=f"agency_check:{check.id}", detail={"item": item, "how": how, "doubt": doubt,
                                                            "evidence_document_id": evidence_doc})
    return check


def read_checklist(session: Session, request: Request, *, actor: User, now: datetime) -> Checklist:
    """The checklist for the screen and API (the read is audited)."""
    require_view(actor, request)
    audit.record(session, "agency_check.view", actor=actor, now=now, request_id=request.id, target=request.reference)
    return checklist(session, request)
