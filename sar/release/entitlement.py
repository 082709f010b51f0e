"""Is the requester entitled to the pack? The checks made before a pack may go to a manager.

Rules (as data below):

* UK GDPR rights requests (SAR and the other data rights, rulebook §1.3): identity evidence that
  was asked for (Art 12(6), G-2 item 2) must be verified, and a requester who is not the data
  subject acts for them and is always a representative whose authority (parental responsibility,
  a solicitor's signed authority, a court order, a power of attorney ...) must be verified
  (G-2 item 3, T-4). "Not required" is not enough for a representative's authority.
* Police, court, Children's Guardian and Ofsted requests (rulebook §1.4, T-5) that arrived by
  phone or e-mail: the identity of the agency and of its officer must be established without any
  doubt before anything is disclosed, so the requester's identity must be verified.

* A request made by someone else (a parent or anyone with parental responsibility, rulebook T-4)
  about a data subject whom any evidence shows to be a child (date of birth, recorded age, looked-after
  status, recorded as a child or young person), or whose age is unknown (fails closed): the right is the child's, so the
  child's competence must be assessed and recorded first; a competent child's views must be
  sought; and where a competent child refuses, nothing goes to the parent unless release is
  evidently in the child's best interests and the reasons are recorded (:func:`child_problems`).

What was verified, by whom, when and from which document is read from the audit trail (every
evidence decision is recorded there by :func:`sar.intake.parties.record_evidence`), so the letter, the
manager's approval screen and the record agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core.dates import ADULT_AGE, age_on
from sar.core.errors import Conflict
from sar.models import AuditEvent, BundleItem, ChildAssessment, PageMark, Party, Redaction, Request

#: Regimes under which the council releases personal data to the person asking (rulebook §1.3).
DATA_RIGHTS_REGIMES = frozenset({"sar", "rectification", "erasure", "restriction", "objection", "portability"})
#: Statutory third-party requesters (rulebook §1.4, T-5): police, courts, Guardians, Ofsted ...
AGENCY_REGIMES = frozenset({"third-party"})
#: Channels on which an agency's identity cannot be taken on trust: the disclosure policy asks that
#: the identity of the person or agency be established without doubt when asked by telephone or
#: electronically.
AGENCY_CHECK_CHANNELS = frozenset({"phone", "email", "social_media"})
#: Why an agency's identity check was opened at intake (shown with the party on the case page).
AGENCY_CHECK_NOTE = ("asked by phone or electronically: establish the identity of the agency and its officer "
                     "without doubt before disclosing anything (for example, call back through the agency's "
                     "published switchboard, or check an official e-mail domain and warrant or collar number)")
#: Capacities in which someone acts for a child by parental responsibility (rulebook T-4), compared
#: case- and space-insensitively. A solicitor or advocate acts on the child's own signed authority instead.
PARENTAL_CAPACITIES = frozenset({"parent", "guardian", "special guardian", "step-parent", "carer",
                                 "foster carer", "kinship carer", "not stated"})
#: Evidence statuses that mean "asked for or in hand, but not yet accepted".
UNSETTLED = frozenset({"requested", "received", "rejected"})
#: How a representative's capacity is proved (rulebook T-4), for letters. Unknown capacities fall
#: back to :data:`DEFAULT_AUTHORITY_EVIDENCE`.
AUTHORITY_EVIDENCE: Mapping[str, str] = {
    "parent": "evidence of parental responsibility",
    "guardian": "evidence of parental responsibility",
    "special guardian": "the special guardianship order",
    "solicitor": "the data subject's signed authority",
    "advocate": "the data subject's signed authority",
    "agent": "the data subject's signed authority",
    "attorney": "the lasting power of attorney",
    "deputy": "the deputyship order",
    "court": "the court order",
}
DEFAULT_AUTHORITY_EVIDENCE = "the evidence of your authority"
#: Capacity recorded when intake finds the requester is not the data subject but cannot tell how
#: they act: staff correct it when the authority arrives.
UNSTATED_CAPACITY = "not stated"


@dataclass(frozen=True)
class Verification:
    """One evidence decision that stands: ``kind`` of ``party`` verified by ``by_id`` at ``at``."""

    party_id: int
    party_name: str
    role: str
    kind: str
    by_id: int | None
    by_label: str
    at: datetime
    document_id: int | None
    note: str


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two recorded names are the same person's (case and spacing ignored)."""
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def acts_for_someone_else(request: Request) -> bool:
    """Whether the requester is not the data subject (then they are a representative, T-4)."""
    requester, subject = request.party("requester"), request.party("data_subject")
    return requester is not None and subject is not None and not same_person(requester.name, subject.name)


def _label(party: Party) -> str:
    return f"{party.name} ({party.role.replace('_', ' ')})"


def _status(value: str) -> str:
    return value.replace("_", " ")


#: How the data subject can be recorded as a child where no age is known: their recorded relationship
#: (``relationship_to_subject``, e.g. "child", "young person"), compared case- and space-insensitively.
#: Son or daughter are left out on purpose: they say nothing about age.
CHILD_DESCRIPTIONS = frozenset({"child", "young person", "minor", "baby", "infant", "looked-after child",
                                "looked after child", "child in care", "child looked after"})


def _norm(value: str | None) -> str:
    return " ".join((value or "").replace("_", " ").split()).casefold()


def is_child_description(value: str | None) -> bool:
    """Whether ``value`` describes a person as a child (:data:`CHILD_DESCRIPTIONS`; ``young_person`` too)."""
    return _norm(value) in CHILD_DESCRIPTIONS


def child_evidence(party: Party | Any | None, on: date) -> tuple[bool | None, str]:
    """Whether ``party`` is a child on ``on`` by any evidence, and which (rulebook T-4).

    Order, first that answers wins: the date of birth, a recorded age (``age_years``, as stated on
    receipt), looked-after status (a looked-after child is under 18 by definition, Children Act 1989
    s.22), a description as a child or young person (:data:`CHILD_DESCRIPTIONS`). A date of birth or an
    age decides either way; the other two can only show a child.

    :return: ``(True, reason)`` a child, ``(False, reason)`` an adult, ``(None, "")`` not known.
    """
    if party is None:
        return None, ""
    age = age_on(getattr(party, "dob", None), on)
    if age is not None:
        return age < ADULT_AGE, f"date of birth gives age {age}"
    stated = getattr(party, "age_years", None)
    if stated is not None:
        return stated < ADULT_AGE, f"recorded age {stated}"
    if getattr(party, "looked_after", False):
        return True, "a looked-after child"
    described = _norm(getattr(party, "relationship_to_subject", None))
    if described in CHILD_DESCRIPTIONS:
        return True, f"recorded as {described}"
    return None, ""


def child_rule_applies(request: Request) -> bool:
    """Whether T-4's child rules apply: a data-rights request made by someone else about a child.

    The subject is a child when any evidence shows it on the day the request was received
    (:func:`child_evidence`: date of birth, recorded age, looked-after status, recorded as a child or
    young person). Where nothing shows the age and someone acts in a parental capacity, the age must
    be recorded first (:func:`age_unknown`; the gate fails closed in :func:`child_problems`).
    """
    if request.regime not in DATA_RIGHTS_REGIMES or not acts_for_someone_else(request):
        return False
    return child_evidence(request.party("data_subject"), request.received_on)[0] is True


def parental_representative(request: Request) -> Party | None:
    """The first representative acting in a parental capacity (:data:`PARENTAL_CAPACITIES`), or None."""
    return next((p for p in request.parties if p.role == "representative"
                 and _norm(p.capacity or UNSTATED_CAPACITY) in PARENTAL_CAPACITIES), None)


def age_unknown(request: Request) -> bool:
    """Whether someone acts in a parental capacity (:data:`PARENTAL_CAPACITIES`) for a subject of unknown age."""
    if request.regime not in DATA_RIGHTS_REGIMES or not acts_for_someone_else(request):
        return False
    subject = request.party("data_subject")
    return (subject is not None and child_evidence(subject, request.received_on)[0] is None
            and parental_representative(request) is not None)


def current_assessment(request: Request) -> ChildAssessment | None:
    """The child assessment that stands (the latest recorded), or None."""
    return request.child_assessments[-1] if request.child_assessments else None


def child_problems(request: Request) -> list[str]:
    """What the child's competence and views (rulebook T-4) still stop, as sentences (empty if none).

    Fails closed: a parent's request about a subject whose age nothing shows is stopped until the age
    (date of birth, age, looked-after status) is recorded, so a child is never missed for want of a date.
    """
    if age_unknown(request):
        rep = parental_representative(request)
        return [f"{rep.name} acts as {rep.capacity or 'parent'} but the data subject's age is unknown: record "
                "their date of birth or age (or that they are a looked-after child) so the child's competence can "
                "be assessed if they are under 18 (rulebook T-4)"]
    if not child_rule_applies(request):
        return []
    latest = current_assessment(request)
    if latest is None:
        return ["the request is about a child and made by someone else: record the child's competence and views "
                "first (rulebook T-4)"]
    if not latest.competent:
        return []
    if latest.views == "not_sought":
        return ["the child is competent: their own views must be sought and recorded before anything goes to "
                "someone acting for them (rulebook T-4)"]
    if latest.views == "refuses" and not latest.best_interests.strip():
        return ["the competent child refuses: the parent gets nothing unless release is evidently in the child's "
                "best interests, with the reasons recorded (rulebook T-4)"]
    return []


def problems(request: Request) -> list[str]:
    """Everything that stops ``request``'s pack going to a manager, as sentences (empty if none)."""
    out: list[str] = []
    if request.regime in DATA_RIGHTS_REGIMES:
        for party in request.parties:
            if party.role != "third_party" and party.identity_status in UNSETTLED:
                out.append(f"the identity of {_label(party)} is {_status(party.identity_status)}, not verified "
                           "(Art 12(6), rulebook G-2)")
        representatives = [p for p in request.parties if p.role == "representative"]
        if acts_for_someone_else(request) and not representatives:
            requester, subject = request.party("requester"), request.party("data_subject")
            out.append(f"{requester.name} is not the data subject ({subject.name}): add them as a representative "
                       "and verify their authority to act (rulebook T-4, G-2)")
        for party in representatives:
            if party.authority_status != "verified":
                out.append(f"the authority of {party.name} to act as {party.capacity or 'representative'} is "
                           f"{_status(party.authority_status)}, not verified (rulebook T-4, G-2)")
        out.extend(child_problems(request))
    if request.regime in AGENCY_REGIMES and request.channel in AGENCY_CHECK_CHANNELS:
        requester = request.party("requester")
        if requester is None or requester.identity_status != "verified":
            status = _status(requester.identity_status) if requester is not None else "unknown"
            out.append(f"the request came by {request.channel.replace('_', ' ')}: the identity of the requesting "
                       f"agency and its officer must be established without doubt before disclosure (rulebook "
                       f"§1.4, T-5); it is {status}, not verified")
    return out


def withholds_anything(session: Session, request: Request) -> bool:
    """Whether the request's live case records have an accepted redaction or a page kept out of the pack."""
    items = select(BundleItem.id).where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None),
                                        BundleItem.purpose == "case_record")
    redacted = session.scalar(select(Redaction.id).where(Redaction.bundle_item_id.in_(items),
                                                         Redaction.status == "accepted",
                                                         Redaction.superseded_at.is_(None)).limit(1))
    marked = session.scalar(select(PageMark.id).where(PageMark.bundle_item_id.in_(items),
                                                      PageMark.mark != "disclose").limit(1))
    return redacted is not None or marked is not None


def partial_problems(session: Session, request: Request) -> list[str]:
    """Rulebook T-4: a competent child agreed to part only, so the parent gets only that part.

    SAR Desk cannot read what the child named, but a pack that withholds nothing cannot leave it out: until a
    redaction or withheld page is recorded (or release is evidently in the child's best interests, with the
    reasons recorded), the pack is stopped.
    """
    latest = current_assessment(request) if child_rule_applies(request) else None
    if (latest is None or not latest.competent or latest.views != "partial" or latest.best_interests.strip()
            or withholds_anything(session, request)):
        return []
    return [f"the competent child agreed to part only and does not want shared: {latest.not_to_share}; the pack "
            "withholds nothing yet: redact or withhold that part (rulebook T-4)"]


def require_entitled(session: Session, request: Request, *, step: str = "submitted for approval") -> None:
    """Refuse while :func:`problems` or :func:`partial_problems` finds anything.

    :param step: what is refused, for the message ("submitted for approval", "approved", "released").
    :raises Conflict: naming every missing verification.
    """
    found = problems(request) + partial_problems(session, request)
    if found:
        raise Conflict(f"request {request.reference} cannot be {step} yet: " + "; ".join(found))


def open_agency_check(party: Party, request: Request) -> None:
    """At intake: an agency request by phone or e-mail starts with its identity check requested."""
    if request.regime in AGENCY_REGIMES and request.channel in AGENCY_CHECK_CHANNELS and party.role == "requester":
        party.identity_status = "requested"


def verifications(session: Session, request: Request) -> list[Verification]:
    """The identity and authority verifications that stand now, one per party and kind.

    Read from the audit trail: the latest ``party.evidence`` move to ``verified`` for each party
    and kind whose status is still verified. The document is the one linked to the party, or
    the one named in the decision.
    """
    current = {(p.id, kind): p for p in request.parties for kind in ("identity", "authority")
               if getattr(p, f"{kind}_status") == "verified"}
    rows = session.scalars(select(AuditEvent).where(AuditEvent.request_id == request.id,
                                                    AuditEvent.action == "party.evidence")
                           .order_by(AuditEvent.seq))
    latest: dict[tuple[int, str], AuditEvent] = {}
    for row in rows:
        detail = row.detail or {}
        if detail.get("to") != "verified" or detail.get("from") == "verified":
            continue
        try:
            key = (int((row.target or "").split(":", 1)[1]), detail.get("kind", ""))
        except (IndexError, ValueError):
            continue
        if key in current:
            latest[key] = row
    out = []
    for (party_id, kind), row in sorted(latest.items()):
        party = current[(party_id, kind)]
        detail = row.detail or {}
        out.append(Verification(
            party_id=party_id, party_name=party.name, role=party.role, kind=kind, by_id=row.actor_id,
            by_label=row.actor_label, at=row.at,
            document_id=getattr(party, f"{kind}_document_id") or detail.get("document_id"),
            note=detail.get("note") or ""))
    return out


def authority_evidence(capacity: str | None) -> str:
    """How a representative in ``capacity`` proves their authority, for letters."""
    return AUTHORITY_EVIDENCE.get(" ".join((capacity or "").split()).casefold(), DEFAULT_AUTHORITY_EVIDENCE)


def letter_context(session: Session, request: Request, *, london_date) -> dict:
    """What a cover letter may say about entitlement: only what was actually verified.

    :param london_date: turns an aware datetime into the London calendar date.
    :return: ``{"authority": {...} | None, "identity_verified_on": date | None}``. ``authority``
        is set only when a representative's authority verification stands.
    """
    found = verifications(session, request)
    authority = next((v for v in found if v.kind == "authority" and v.role == "representative"), None)
    identity = next((v for v in found if v.kind == "identity" and v.role == "requester"), None)
    rep = session.get(Party, authority.party_id) if authority is not None else None
    verified_on: date | None = london_date(authority.at) if authority is not None else None
    return {
        "authority": None if rep is None else {
            "capacity": rep.capacity if rep.capacity and rep.capacity != UNSTATED_CAPACITY else "representative",
            "evidence": authority_evidence(rep.capacity), "verified_on": verified_on},
        "identity_verified_on": london_date(identity.at) if identity is not None else None,
    }
