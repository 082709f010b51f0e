"""Use cases for the life of a request: open (with triage), read, list, assign, transition.

Every use case takes ``session``, ``actor`` and ``now``; it flushes and never commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import triage as triage_mod
from sar.accounts import quotas
from sar.core import audit
from sar.core.dates import london_date
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.core.permissions import require_staff, require_view, visibility_clause
from sar.core.settings import Settings
from sar.intake import clock
from sar.models import CASEWORK_ROLES, CHANNELS, Party, ReferenceCounter, Request, Role, StatusChange, User
from sar.release import entitlement
from sar.workflow.approval_state import void_approval_if_any
from sar.workflow.status import FINISHED_STATUSES, RequestStatus

#: Reference prefixes by regime: SAR-2026-0007, FOI-2026-0012 ...
PREFIXES = {
    "foi": "FOI",
    "eir": "EIR",
    "sar": "SAR",
    "rectification": "RECT",
    "erasure": "ERAS",
    "restriction": "REST",
    "objection": "OBJ",
    "portability": "PORT",
    "foi-internal-review": "FOIR",
    "eir-reconsideration": "EIRR",
    "third-party": "TPD",
}


def received_on_for(received_at: datetime) -> date:
    """The calendar date of receipt in Europe/London (rulebook C1: 23:30 UTC in BST is the next day)."""
    if received_at.tzinfo is None:
        raise ValidationError("received_at must be timezone-aware")
    return london_date(received_at)


def next_reference(session: Session, regime: str, year: int) -> str:
    """Allocate the next human reference for ``regime`` in ``year``, e.g. ``SAR-2026-0007``."""
    prefix = PREFIXES[regime]
    counter = session.scalars(
        select(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .with_for_update()
    ).first()
    if counter is None:
        counter = ReferenceCounter(prefix=prefix, year=year, last_number=0)
        session.add(counter)
    counter.last_number += 1
    session.flush()
    return f"{prefix}-{year}-{counter.last_number:04d}"


@dataclass(frozen=True)
class PersonIn:
    """A person as given at intake."""

    name: str
    email: str | None = None
    dob: date | None = None
    type: str | None = None


def open_request(
    session: Session,
    *,
    actor: User | None,
    now: datetime,
    settings: Settings,
    description: str,
    requester: PersonIn,
    subject: PersonIn | None = None,
    received_at: datetime | None = None,
    channel: str = "portal",
    regime: str | None = None,
    owner: User | None = None,
    assigned_officer: User | None = None,
) -> Request:
    """Log a new request, triage it into parts and start each part's clock.

    Staff log letters, e-mails and calls; a requester logs their own request on the portal (then
    ``owner`` is the requester). A mixed request becomes several linked requests, one per part,
    each with its own regime, reference and clock; the first part is returned and the others are
    in ``result.parts``.

    :param regime: force a regime (staff only); otherwise the triage decides.
    :raises ValidationError: empty description, unknown channel or regime, receipt in the future.
    :raises NotPermitted: a requester logging on someone else's behalf, or whose e-mail address is not
        yet confirmed (issue 15: the address must be proven before a request is accepted from it).
    :raises sar.accounts.quotas.QuotaExceeded: a requester over their requests-per-day quota.
    """
    if actor is not None and actor.role == Role.requester and actor.email_verified_at is None:
        raise NotPermitted("confirm your e-mail address first: open the link we sent you")
    quotas.check_request_quota(session, actor, settings=settings, now=now)
    description = (description or "").strip()
    if not description:
        raise ValidationError("describe the information you want")
    if channel not in CHANNELS:
        raise ValidationError(f"unknown channel {channel!r}; choose one of {', '.join(CHANNELS)}")
    if not requester.name or not requester.name.strip():
        raise ValidationError("the requester's name is required")
    received_at = received_at or now
    if received_at > now:
        raise ValidationError("the date received cannot be in the future")
    if actor is not None and actor.role == Role.requester:
        owner = actor
        if regime is not None:
            raise ValidationError("only staff can choose the regime")
    elif actor is not None:
        require_staff(actor)
    try:
        result = triage_mod.triage(description, requester.type)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    parts = [p.to_dict() for p in result.parts]
    if regime is not None:
        if regime not in PREFIXES:
            raise ValidationError(f"unknown regime {regime!r}; choose one of {', '.join(PREFIXES)}")
        parts = [{"regime": regime, "reasons": [f"set by staff at intake (triage said "
                                                 f"{', '.join(p['regime'] for p in parts)})"],
                  "excerpt": description, "checks": sorted({c for p in parts for c in p["checks"]}),
                  "confidence": "high", "check": False, "original": {}}]
    received_on = received_on_for(received_at)
    linked = _linked_original(session, parts)
    created: list[Request] = []
    for index, part in enumerate(parts):
        req = Request(
            reference=next_reference(session, part["regime"], received_on.year),
            regime=part["regime"],
            status=RequestStatus.received.value,
            received_at=received_at,
            received_on=received_on,
            channel=channel,
            description=description if len(parts) == 1 else part["excerpt"],
            parent_id=created[0].id if created else None,
            owner_id=owner.id if owner is not None else None,
            assigned_officer_id=assigned_officer.id if assigned_officer is not None else None,
            requester_type=requester.type,
            triage={"parts": parts, "part_index": index, "full_text": description, "override": None,
                    "linked_request": linked},
            created_at=now,
            updated_at=now,
        )
        session.add(req)
        session.flush()
        _add_parties(req, requester, subject, part["checks"])
        session.flush()
        clock.recompute_due(session, req, settings=settings)
        session.add(StatusChange(request_id=req.id, from_status=None, to_status=req.status,
                                 actor_id=actor.id if actor else None, reason=f"received by {channel}", at=now))
        audit.record(session, "request.open", actor=actor, now=now, request_id=req.id, target=req.reference,
                     detail={"regime": req.regime, "channel": channel, "part": index + 1, "of": len(parts)})
        asker = req.party("requester")
        if asker is not None and asker.identity_status == "requested":
            # The agency check opened at intake, recorded like any evidence decision (case page note).
            audit.record(session, "party.evidence", actor=actor, now=now, request_id=req.id,
                         target=f"party:{asker.id}",
                         detail={"kind": "identity", "from": "not_required", "to": "requested",
                                 "note": entitlement.AGENCY_CHECK_NOTE, "document_id": None,
                                 "party": asker.name, "role": asker.role})
        created.append(req)
    session.flush()
    return created[0]


def _add_parties(req: Request, requester: PersonIn, subject: PersonIn | None, checks: list[str]) -> None:
    """Add the intake parties.

    A requester who is not the data subject acts for them, so is always also recorded as a
    representative whose authority is requested (rulebook T-4, G-2), whether or not the triage
    recognised the capacity; an agency asking by phone or e-mail starts with its identity check
    requested (:func:`sar.release.entitlement.open_agency_check`).
    """
    rep_capacity = entitlement.UNSTATED_CAPACITY
    if "solicitor_authority" in checks:
        rep_capacity = "solicitor"
    elif "parental_responsibility" in checks:
        rep_capacity = "parent"
    asker = Party(role="requester", name=requester.name.strip(), email=requester.email, dob=requester.dob)
    req.parties.append(asker)
    entitlement.open_agency_check(asker, req)
    if subject is not None and subject.name and subject.name.strip():
        same = entitlement.same_person(subject.name, requester.name)
        if not same:
            # A subject given at intake as a child or young person (``type``) keeps that description:
            # it is evidence for the child gate (rulebook T-4) when no age is known.
            described = subject.type if entitlement.is_child_description(subject.type) else None
            req.parties.append(Party(role="data_subject", name=subject.name.strip(), dob=subject.dob,
                                     relationship_to_subject=described))
            if req.regime in entitlement.DATA_RIGHTS_REGIMES or rep_capacity != entitlement.UNSTATED_CAPACITY:
                req.parties.append(Party(role="representative", name=requester.name.strip(),
                                         email=requester.email, capacity=rep_capacity,
                                         authority_status="requested",
                                         authority_note="authority evidence needed (rulebook T-4, G-2)"))
        else:
            req.parties.append(Party(role="data_subject", name=subject.name.strip(),
                                     dob=subject.dob or requester.dob, email=requester.email))
    elif req.regime in entitlement.DATA_RIGHTS_REGIMES:
        # Own-data request with no separate subject: the requester is the subject.
        req.parties.append(Party(role="data_subject", name=requester.name.strip(), dob=requester.dob,
                                 email=requester.email))


def get_request(session: Session, reference: str, *, actor: User | None, now: datetime,
                audit_read: bool = True) -> Request:
    """Return a request by reference if ``actor`` may see it, recording the read in the audit log.

    :raises NotFound: unknown reference, or not the requester's own.
    """
    req = session.scalars(select(Request).where(Request.reference == (reference or "").strip().upper())).first()
    req = require_view(actor, req)
    if audit_read:
        audit.record(session, "request.view", actor=actor, now=now, request_id=req.id, target=req.reference)
    return req


def assign(session: Session, request: Request, officer: User, *, actor: User, now: datetime) -> None:
    """Assign ``request`` to ``officer``.

    :raises NotPermitted: actor is not staff. :raises ValidationError: the assignee is not staff.
    """
    require_staff(actor)
    if officer.role not in CASEWORK_ROLES:
        raise ValidationError("requests can be assigned only to officers or managers")
    old = request.assigned_officer_id
    request.assigned_officer_id = officer.id
    request.updated_at = now
    audit.record(session, "request.assign", actor=actor, now=now, request_id=request.id,
                 target=request.reference, detail={"from": old, "to": officer.id})


def _linked_original(session: Session, parts: list[dict]) -> dict | None:
    """The request a review or complaint is about, when the requester quoted one of our references."""
    for part in parts:
        ref = (part.get("original") or {}).get("reference")
        if ref:
            original = session.scalar(select(Request).where(func.upper(Request.reference) == ref.upper()))
            if original is not None:
                return {"id": original.id, "reference": original.reference}
    return None


def override_triage(session: Session, request: Request, regime: str, *, actor: User, reason: str,
                    now: datetime, settings: Settings) -> None:
    """Change a request's regime with a reason; the due date is recomputed and the change audited.

    The reference keeps its original prefix so letters already sent stay traceable.

    :raises ValidationError: unknown regime or no reason.
    """
    require_staff(actor)
    if regime not in PREFIXES:
        raise ValidationError(f"unknown regime {regime!r}")
    if not (reason or "").strip():
        raise ValidationError("give a reason for overriding the triage")
    if request.status in FINISHED_STATUSES:
        raise Conflict(f"request {request.reference} is {request.status}; its regime can no longer change")
    # The regime decides the letter and the codes, so an approved pack is void after an override.
    void_approval_if_any(session, request, actor=actor, now=now, reason=f"regime changed to {regime}")
    old = request.regime
    request.regime = regime
    triage = dict(request.triage or {})
    triage["override"] = {"from": old, "to": regime, "reason": reason.strip(), "by": actor.id,
                          "at": now.isoformat()}
    request.triage = triage
    request.updated_at = now
    clock.recompute_due(session, request, settings=settings)
    audit.record(session, "triage.override", actor=actor, now=now, request_id=request.id,
                 target=request.reference, detail={"from": old, "to": regime, "reason": reason.strip()})


def counts_by_regime(session: Session, actor: User) -> dict[str, int]:
    """Open requests per regime, for the dashboard."""
    require_staff(actor)
    # Need to know (issue 14): a count must not reveal a request the actor may not see.
    rows = session.execute(select(Request.regime, func.count()).where(
        Request.status.not_in(sorted(FINISHED_STATUSES)), visibility_clause(actor)).group_by(Request.regime))
    return {regime: n for regime, n in rows}


def as_brief(req: Request) -> dict[str, Any]:
    """A request as one JSON-ready row of a list: reference, regime, status, received and due dates."""
    return {
        "reference": req.reference,
        "regime": req.regime,
        "status": req.status,
        "received": req.received_on.isoformat(),
        "due": req.due_on.isoformat() if req.due_on else None,
    }


def as_summary(req: Request) -> dict[str, Any]:
    """:func:`as_brief` with the clock's explanation and the linked parts (JSON-ready)."""
    detail = req.due_detail or {}
    return as_brief(req) | {
        "explanation": detail.get("explanation", []),
        "secondary": detail.get("secondary", {}),
        "parts": [p.reference for p in ([req.parent] if req.parent else []) + list(req.parts)],
    }
