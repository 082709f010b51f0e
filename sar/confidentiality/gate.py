"""What keeps a pack back on confidentiality grounds: asked by ``sar.release.approvals`` at each step.

* ``submitted``: every consultation answered or overridden by a manager with reasons (seed: "the manager must
  take all reasonable steps to consult the originator and take account of their views and wishes"); for a
  Children's Guardian, no legal advice in the pack (seed: legal advice is never disclosed to a Guardian
  ad Litem / Children's Guardian -- a hard rule whatever the reviewer chose; LPP, DPA 2018 Sch 2 para 19).
* ``approved`` and ``released``: all of the above, plus, for an agency, the whole checklist (entitlement,
  identity, ethics, minimum necessary, telling the data subject, the Team Manager's approval where needed: see
  :mod:`sar.confidentiality.agency`; seed: "information should not be handed over to anyone unless ..."), and a
  manager's harm review made after the last HIGHLY SENSITIVE mark (seed: HIGHLY SENSITIVE information
  "if disclosed to the wrong person could cause the service user/child/young person harm or acute distress");
  where that review found serious harm, every HIGHLY SENSITIVE passage redacted (an accepted redaction over
  it) or its page withheld.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.confidentiality import agency, consultations, levels
from sar.core.errors import Conflict
from sar.models import BundleItem, PageMark, Redaction, Request

#: Requester types legal advice is never disclosed to (seed policy; rulebook LPP row).
NO_LEGAL_ADVICE_TO = frozenset({"childrens_guardian"})
#: The redaction engine's entity type for legally privileged passages.
LEGAL_ADVICE_ENTITY = "LEGAL_ADVICE"
STEPS = ("submitted", "approved", "released")


def _legal_advice_left(session: Session, request: Request) -> int:
    return len(list(session.scalars(
        select(Redaction.id).join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
        .where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None),
               Redaction.superseded_at.is_(None), Redaction.entity_type == LEGAL_ADVICE_ENTITY,
               Redaction.status != "accepted"))))


def _withheld(session: Session, mark) -> bool:
    """Whether an accepted redaction overlaps the passage, or its page is withheld."""
    page = session.scalars(select(PageMark.mark).where(PageMark.bundle_item_id == mark.bundle_item_id,
                                                       PageMark.page == mark.page)).first()
    if page == "withheld":
        return True
    return session.scalars(select(Redaction.id).where(
        Redaction.bundle_item_id == mark.bundle_item_id, Redaction.page == mark.page,
        Redaction.superseded_at.is_(None), Redaction.status == "accepted",
        Redaction.start < mark.end, Redaction.end > mark.start).limit(1)).first() is not None


def blockers(session: Session, request: Request, *, step: str = "submitted") -> list[str]:
    """Plain-language reasons the pack cannot move to ``step`` yet (empty: nothing on these grounds)."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r}")
    out = []
    for c in consultations.open_for(session, request):
        out.append(f"the consultation with {c.consultee_name} (reply due {c.due_on:%d %B %Y}) is unanswered: "
                   "record the reply and how it was taken into account, or a manager overrides it with reasons")
    if step != "submitted" and _discloses_records(session, request):
        # Nothing is handed over before release, so the officer may submit while the checks are completed;
        # the manager cannot approve, and nobody can release, until they are. The checks guard a disclosure
        # ("before disclosing to agencies"): a decision that hands over no record (a refusal, "not held")
        # needs none of them.
        for item in agency.checklist(session, request).missing:
            out.append(f"agency checklist: {agency.ITEM_TITLES[item]} is not recorded")
    if (request.requester_type or "") in NO_LEGAL_ADVICE_TO:
        n = _legal_advice_left(session, request)
        if n:
            out.append(f"legal advice is never disclosed to a Children's Guardian: {n} legal-advice passage"
                       f"{'s are' if n != 1 else ' is'} not redacted")
    if step != "submitted":
        marks = levels.highly_sensitive_marks(session, request)
        if marks:
            review = levels.last_harm_review(session, request)
            latest = max((m.confirmed_at or m.created_at) for m in marks)
            if review is None or review.at < latest:
                out.append("HIGHLY SENSITIVE material needs a manager's serious-harm review, recorded with reasons")
            elif review.serious_harm:
                for m in marks:
                    if m.page is not None and not _withheld(session, m):
                        out.append(f"the manager found serious harm, but a HIGHLY SENSITIVE passage on page "
                                   f"{m.page + 1} of document {m.bundle_item_id} is not redacted or withheld")
    return out


def _discloses_records(session: Session, request: Request) -> bool:
    """Whether the pack can hand over any record: a case-record document is in the bundle."""
    return session.scalar(select(BundleItem.id).where(
        BundleItem.request_id == request.id, BundleItem.purpose == "case_record",
        BundleItem.removed_at.is_(None)).limit(1)) is not None


def require_clear(session: Session, request: Request, *, step: str = "submitted") -> None:
    """:raises Conflict: naming every blocker, if there is any."""
    found = blockers(session, request, step=step)
    if found:
        raise Conflict("not yet, on confidentiality grounds: " + "; ".join(found))
