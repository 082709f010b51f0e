"""A competent child's request that their parents are not consulted (issue 16), and the manager's override.

Seed policy (children's services values and principles, consultation): "Unless there are exceptional
circumstances, reasonable steps must be taken in all cases to consult the parents. Exceptions will include
where older children with an appropriate level of maturity specifically request that their parents are not
consulted and a decision is made to respect their wishes." Rulebook T-4: a competent child's data is the
child's; a parent acts only with the child's authority or where it is evidently in the child's best interests.

So, where the policy allows, the request is respected:

* it stands when the child's latest assessment (``ChildAssessment``) finds them competent, records
  ``no_parent_contact`` with the reason (the child's words), and the child is at least
  ``settings.no_parent_contact_age`` ("older children"; the seed sets no age, VERIFY: 0 means
  competence alone decides). Recording it is the officer's decision to respect the wishes;
* while it stands no consultation may be opened with a parent of the child
  (:func:`require_not_parent`, called by :func:`sar.confidentiality.consultations.open_consultation`)
  and no copy of a letter goes to a parent as the requester's advocate
  (:mod:`sar.release.correspondence`);
* the parent who made the request is still told of decisions on their own request, as the seed asks
  when consultation is restricted ("those affected are informed of decisions ... and an explanation for
  the decision given"), never consulted about the child's information;
* a manager may lift it for exceptional circumstances (:data:`OVERRIDE_GROUNDS`) with a reason
  (:func:`override`). The override is recorded in the audit trail against the assessment it answers, so
  a new assessment in which the child asks again needs a new decision. Nothing is changed or deleted.

Which consultees are parents: a party of the request whose capacity or relationship to the data subject
is a parent's (:data:`PARENT_RELATIONSHIPS`), or who asked as a parent, matched by name, or a consultee
described with one of those words (e.g. "the child's father"). A name alone the request does not know
cannot be recognised: the case page banner tells the officer not to consult the parents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.errors import Conflict, ValidationError
from sar.core.permissions import require_role, require_view
from sar.core.settings import Settings
from sar.models import AuditEvent, ChildAssessment, Party, Request, User

#: Capacities or relationships to the data subject that make a person one of the child's parents, in the
#: seed's sense of "consult the parents" (compared case-, space- and underscore-insensitively). Carers
#: without parental responsibility are not parents here; they are consulted as the policy says for them.
PARENT_RELATIONSHIPS = frozenset({
    "parent", "mother", "father", "mum", "mom", "dad", "step-parent", "stepparent", "step parent",
    "stepmother", "step-mother", "stepfather", "step-father", "adoptive parent", "adoptive mother",
    "adoptive father", "birth parent", "birth mother", "birth father", "guardian", "special guardian",
})
#: Exceptional circumstances in which a manager may decide the parents are consulted after all.
OVERRIDE_GROUNDS = ("safeguarding", "best_interests", "court_order", "other")
#: The audit action that records an override (the trail is its record).
OVERRIDE_ACTION = "child.parent_contact_override"
MIN_REASON = 10
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _norm(value: str | None) -> str:
    return " ".join((value or "").replace("_", " ").split()).casefold()


def is_parent_party(party: Party) -> bool:
    """Whether ``party`` is recorded as one of the data subject's parents (capacity or relationship)."""
    return party.role != "data_subject" and (_norm(party.capacity) in PARENT_RELATIONSHIPS
                                             or _norm(party.relationship_to_subject) in PARENT_RELATIONSHIPS)


def parent_parties(request: Request) -> list[Party]:
    """The request's parties recorded as the data subject's parents.

    The requester (and the representative party intake made of them) counts too where the request was
    made as a parent (``requester_type``), even when their capacity is still "not stated".
    """
    asked_as_parent = _norm(request.requester_type) in PARENT_RELATIONSHIPS
    return [p for p in request.parties if is_parent_party(p)
            or (asked_as_parent and p.role in ("requester", "representative"))]


def names_a_parent(request: Request, name: str) -> bool:
    """Whether a consultee called ``name`` is a parent: a parent party's name, or described with a parent word."""
    clean = _norm(name)
    if any(clean == _norm(p.name) for p in parent_parties(request)):
        return True
    words = _WORD.findall(clean)
    phrases = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    return bool(phrases & PARENT_RELATIONSHIPS)


@dataclass(frozen=True)
class Restriction:
    """A standing request by the child that the parents are not consulted."""

    assessment_id: int
    age: int
    reason: str
    assessed_at: datetime


def _override_event(session: Session, request: Request, assessment: ChildAssessment) -> AuditEvent | None:
    rows = session.scalars(select(AuditEvent).where(AuditEvent.request_id == request.id,
                                                    AuditEvent.action == OVERRIDE_ACTION)
                           .order_by(AuditEvent.seq.desc()))
    return next((r for r in rows if (r.detail or {}).get("assessment_id") == assessment.id), None)


def _asked(request: Request, settings: Settings) -> ChildAssessment | None:
    """The standing assessment, where it is a competent child's own request that the parents are not consulted."""
    latest = request.child_assessments[-1] if request.child_assessments else None
    if latest is None or not latest.no_parent_contact or not latest.competent:
        return None
    return latest if latest.age >= settings.no_parent_contact_age else None


def restriction(session: Session, request: Request, *, settings: Settings) -> Restriction | None:
    """The child's request not to consult the parents, where it stands (see the module docstring), else None."""
    latest = _asked(request, settings)
    if latest is None or _override_event(session, request, latest) is not None:
        return None
    return Restriction(assessment_id=latest.id, age=latest.age, reason=latest.views_text,
                       assessed_at=latest.assessed_at)


def status(session: Session, request: Request, *, settings: Settings) -> dict | None:
    """For the case page banner, approval screen and API: what the child asked and whether it stands.

    :return: None where nothing was asked; else ``{"stands", "reason", "age", "not_respected_why",
        "override": {"ground", "reason", "by", "at"} | None}``.
    """
    latest = request.child_assessments[-1] if request.child_assessments else None
    if latest is None or not latest.no_parent_contact:
        return None
    why = None
    if not latest.competent:
        why = "the child was not assessed as competent, so the request is taken into account but does not bind"
    elif latest.age < settings.no_parent_contact_age:
        why = (f"the child is {latest.age}; requests not to consult the parents are respected from "
               f"{settings.no_parent_contact_age} (SAR_NO_PARENT_CONTACT_AGE)")
    event = _override_event(session, request, latest) if why is None else None
    return {"stands": why is None and event is None, "reason": latest.views_text, "age": latest.age,
            "not_respected_why": why,
            "override": None if event is None else {
                "ground": event.detail.get("ground"), "reason": event.detail.get("reason"),
                "by": event.actor_label, "at": event.at.isoformat()}}


def require_not_parent(session: Session, request: Request, consultee_name: str, *, settings: Settings) -> None:
    """Refuse to consult a parent of the child while the child's request stands.

    :raises Conflict: naming the rule and how a manager may lift it.
    """
    found = restriction(session, request, settings=settings)
    if found is not None and names_a_parent(request, consultee_name):
        raise Conflict(f"{consultee_name.strip()} is a parent of the child, who is competent and asked that their "
                       f"parents are not consulted ({found.reason}). Their wishes are respected (seed policy; "
                       "rulebook T-4): a manager must record an override with the exceptional circumstances first")


def override(session: Session, request: Request, *, ground: str, reason: str, actor: User, now: datetime,
             settings: Settings) -> AuditEvent:
    """A manager decides the parents may be consulted after all, for exceptional circumstances (audited).

    :raises NotPermitted: not a manager. :raises ValidationError: unknown ground or a reason under
        :data:`MIN_REASON` characters. :raises Conflict: there is no standing request to override.
    """
    require_role(actor, "manager")
    require_view(actor, request)
    if ground not in OVERRIDE_GROUNDS:
        raise ValidationError(f"unknown ground {ground!r}; choose one of {', '.join(OVERRIDE_GROUNDS)}")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise ValidationError(f"record the exceptional circumstances (at least {MIN_REASON} characters)")
    found = restriction(session, request, settings=settings)
    if found is None:
        raise Conflict("there is no standing request by a competent child that their parents are not consulted")
    request.updated_at = now
    return audit.record(session, OVERRIDE_ACTION, actor=actor, now=now, request_id=request.id,
                        target=f"child_assessment:{found.assessment_id}",
                        detail={"assessment_id": found.assessment_id, "ground": ground, "reason": reason})
