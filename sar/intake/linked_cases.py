"""Cases that follow a request: FOIA internal review, EIR reconsideration, SAR complaint, ICO complaint.

=================  ============  ==============================================================
kind               originals      clock
=================  ============  ==============================================================
internal_review    FOIA           a request of its own, regime ``foi-internal-review`` (F-8)
reconsideration    EIR            a request of its own, regime ``eir-reconsideration`` (E-6)
sar_complaint      UK GDPR        the date the officer sets (G-9: the statutory details are VERIFY)
ico_complaint      any            the date the ICO sets (F-9, G-9)
ico_decision       any            the date the ICO's decision notice sets
=================  ============  ==============================================================

Each link is visible from both sides (:func:`links_for`). A review or a decision that leads to more
information being released is answered on the original: reopen it and make a supplementary release
through the same approval path (``sar.release.outcomes.reopen``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from deadlines.rules import DATA_RIGHTS_REGIMES, REGIMES
from sar.core import audit
from sar.core.errors import ValidationError
from sar.core.permissions import require_role, require_view, visibility_clause
from sar.core.settings import Settings
from sar.intake import requests as req_uc
from sar.models import CaseLink, Request, Role, User


@dataclass(frozen=True)
class LinkKind:
    """One kind of linked case: which originals it follows, the regime of its own request (if any)."""

    label: str
    originals: frozenset[str]
    regime: str | None
    rule: str


LINK_KINDS: Mapping[str, LinkKind] = {
    "internal_review": LinkKind("FOIA internal review", frozenset({"foi"}), "foi-internal-review", "F-8"),
    "reconsideration": LinkKind("EIR reconsideration (reg 11)", frozenset({"eir"}), "eir-reconsideration", "E-6"),
    "sar_complaint": LinkKind("Complaint about a data-rights response", frozenset(DATA_RIGHTS_REGIMES), None,
                              "G-9"),
    "ico_complaint": LinkKind("Complaint to the ICO", frozenset(REGIMES), None, "F-9, G-9"),
    "ico_decision": LinkKind("ICO decision notice", frozenset(REGIMES), None, "F-9"),
}


def open_linked_case(session: Session, original: Request, kind: str, *, actor: User, now: datetime,
                     settings: Settings, received_at: datetime, description: str, due_on: date | None = None,
                     external_reference: str = "") -> CaseLink:
    """Log a case that follows ``original``.

    :param due_on: for complaints and ICO cases, the date the officer or the ICO set (required for the
        ICO); a review or reconsideration gets its own clock instead and ``due_on`` is ignored.
    :raises ValidationError: unknown kind, one that does not follow this regime, no description, or
        an ICO case without its date.
    """
    require_role(actor, Role.officer, Role.manager)
    spec = LINK_KINDS.get(kind)
    if spec is None:
        raise ValidationError(f"unknown linked case {kind!r}; choose one of {', '.join(LINK_KINDS)}")
    if original.regime not in spec.originals:
        raise ValidationError(f"a {spec.label.lower()} does not follow a {original.regime} request")
    description = (description or "").strip()
    if not description:
        raise ValidationError("say what the requester is asking for")
    linked = None
    if spec.regime is not None:
        requester = original.party("requester")
        linked = req_uc.open_request(
            session, actor=actor, now=now, settings=settings, description=description,
            requester=req_uc.PersonIn(name=requester.name if requester else "Requester",
                                      email=requester.email if requester else None),
            received_at=received_at, channel="email", regime=spec.regime,
            owner=session.get(User, original.owner_id) if original.owner_id else None)
        due_on = linked.due_on
    elif kind.startswith("ico") and due_on is None:
        raise ValidationError("give the date the ICO set")
    link = CaseLink(request_id=original.id, linked_request_id=linked.id if linked else None, kind=kind,
                    received_on=req_uc.received_on_for(received_at), due_on=due_on,
                    external_reference=(external_reference or "").strip()[:100], note=description,
                    created_by_id=actor.id, created_at=now)
    session.add(link)
    session.flush()
    audit.record(session, "case.link", actor=actor, now=now, request_id=original.id, target=f"link:{link.id}",
                 detail={"kind": kind, "linked": linked.reference if linked else None,
                         "due_on": due_on.isoformat() if due_on else None})
    return link


def links_for(session: Session, request: Request, *, actor: User) -> list[CaseLink]:
    """Every link from or to ``request`` (so a review shows its original and the original its review)."""
    require_view(actor, request)
    return list(session.scalars(select(CaseLink).where(or_(CaseLink.request_id == request.id,
                                                          CaseLink.linked_request_id == request.id))
                                .order_by(CaseLink.id)))


#: What is shown instead of the reference of a linked request the viewer has no need to know about.
HIDDEN_REFERENCE = "(another team's request)"


def references(session: Session, links: list[CaseLink], *, actor: User) -> dict[int, str]:
    """Request id -> reference for both sides of ``links`` (for showing them).

    Need to know (seed policy: "only accessed on a need to know basis"; :mod:`sar.core.permissions`): a side
    ``actor`` may not see is given :data:`HIDDEN_REFERENCE`, so the link shows without naming that request.
    """
    ids = {x for link in links for x in (link.request_id, link.linked_request_id) if x}
    if not ids:
        return {}
    visible = dict(session.execute(select(Request.id, Request.reference).where(
        Request.id.in_(ids), visibility_clause(actor))).tuples().all())
    return {i: visible.get(i, HIDDEN_REFERENCE) for i in ids}
