"""Confidentiality levels of documents and passages: the engine proposes, the officer confirms.

Seed policy: "the Children and Families Service has adopted the concept of three different levels of
confidentiality. Workers must take this into account when collecting and recording information. The levels
of confidentiality are: CONFIDENTIAL; SENSITIVE; HIGHLY SENSITIVE." The proposal comes from
:mod:`redaction.sensitivity` (the engine's locating details and harm cues); a document's level is the
officer's confirmed level, else the proposal, else CONFIDENTIAL (all information is at least that).

HIGHLY SENSITIVE material "if disclosed to the wrong person could cause the service user/child/young person
harm or acute distress", so a pack holding it needs a manager's serious-harm review, recorded with reasons
(DPA 2018 Sch 3 Part 3 para 11 for social-work data, Sch 3 Part 2 para 5 for health data; rulebook §3.2, §3.3).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction import sensitivity
from sar.core import audit
from sar.core.errors import NotFound, ValidationError
from sar.core.permissions import require_role, require_view
from sar.models import LEVELS, BundleItem, ConfidentialityMark, HarmReview, Redaction, Request, User

#: How each level is named to people (the policy's capitals).
LEVEL_TITLES = {"confidential": "CONFIDENTIAL", "sensitive": "SENSITIVE", "highly_sensitive": "HIGHLY SENSITIVE"}


def effective(mark: ConfidentialityMark) -> str:
    """The level that counts: the officer's confirmation, else the engine's proposal."""
    return mark.level or mark.proposed_level


def live_marks(session: Session, item_ids: Sequence[int]) -> list[ConfidentialityMark]:
    """Live (not superseded) marks of these bundle items, document marks first, then by page and offset."""
    if not item_ids:
        return []
    rows = session.scalars(select(ConfidentialityMark).where(ConfidentialityMark.bundle_item_id.in_(list(item_ids)),
                                                            ConfidentialityMark.superseded_at.is_(None)))
    return sorted(rows, key=lambda m: (m.bundle_item_id, m.page if m.page is not None else -1, m.start or 0, m.id))


def store_proposals(session: Session, item: BundleItem, pages: Sequence[str], *, now: datetime) -> int:
    """Propose levels for ``item`` from its page texts and the engine's stored findings on it.

    Earlier unconfirmed marks are superseded; a confirmed mark stands (the officer's decision is never
    overwritten by a re-run) and suppresses a new proposal for the same page and span.
    :return: the number of marks written.
    """
    findings: list[list[sensitivity.Span]] = [[] for _ in pages]
    for r in session.scalars(select(Redaction).where(Redaction.bundle_item_id == item.id,
                                                     Redaction.superseded_at.is_(None))):
        if 0 <= r.page < len(pages) and r.start is not None and r.end is not None:
            findings[r.page].append(sensitivity.Span(r.entity_type, r.start, r.end))
    confirmed = set()
    for m in live_marks(session, [item.id]):
        if m.level is None:
            m.superseded_at = now
        else:
            confirmed.add((m.page, m.start, m.end))
    written = 0
    doc_levels, doc_cues = [], []
    for page_no, text in enumerate(pages):
        page, passages = sensitivity.propose_page(text, findings[page_no])
        doc_levels.append(page.level)
        doc_cues.extend(page.cues)
        for p in passages:
            if (page_no, p.start, p.end) in confirmed:
                continue
            session.add(ConfidentialityMark(bundle_item_id=item.id, page=page_no, start=p.start, end=p.end,
                                            excerpt=p.excerpt, proposed_level=p.level, cues=list(p.cues),
                                            created_at=now))
            written += 1
    if (None, None, None) not in confirmed:
        session.add(ConfidentialityMark(bundle_item_id=item.id, page=None, excerpt="",
                                        proposed_level=sensitivity.highest(doc_levels),
                                        cues=list(dict.fromkeys(doc_cues)), created_at=now))
        written += 1
    session.flush()
    return written


def _mark_in_request(session: Session, request: Request, mark_id: int) -> ConfidentialityMark:
    mark = session.get(ConfidentialityMark, mark_id)
    item = session.get(BundleItem, mark.bundle_item_id) if mark is not None else None
    if item is None or item.request_id != request.id or mark.superseded_at is not None:
        raise NotFound("no such confidentiality mark on this request")
    return mark


def confirm_level(session: Session, request: Request, mark_id: int, level: str, *, actor: User, now: datetime,
                  note: str = "") -> ConfidentialityMark:
    """The officer confirms (or changes) the level of a document or passage; the change is audited.

    Lowering the engine's proposal needs a note saying why (the proposal saw a cue the officer discounts).
    :raises ValidationError: unknown level, or lowered without a note.
    """
    require_role(actor, "officer", "manager")
    require_view(actor, request)
    if level not in LEVELS:
        raise ValidationError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    mark = _mark_in_request(session, request, mark_id)
    note = (note or "").strip()
    if LEVELS.index(level) < LEVELS.index(mark.proposed_level) and not note:
        raise ValidationError(f"say why this is lower than the proposed {LEVEL_TITLES[mark.proposed_level]}")
    old = mark.level
    mark.level, mark.note, mark.confirmed_by_id, mark.confirmed_at = level, note or None, actor.id, now
    session.flush()
    audit.record(session, "confidentiality.confirm", actor=actor, now=now, request_id=request.id,
                 target=f"mark:{mark.id}", detail={"from": old, "to": level, "proposed": mark.proposed_level,
                                                   "note": note})
    return mark


def add_passage(session: Session, request: Request, item: BundleItem, *, page: int, start: int, end: int,
                excerpt: str, level: str, actor: User, now: datetime, note: str = "") -> ConfidentialityMark:
    """The officer marks a passage the engine did not propose, at a level they choose (audited)."""
    require_role(actor, "officer", "manager")
    require_view(actor, request)
    if item.request_id != request.id:
        raise NotFound("no such document on this request")
    if level not in LEVELS:
        raise ValidationError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    if page < 0 or start < 0 or end <= start:
        raise ValidationError("a passage needs a page and a non-empty span")
    mark = ConfidentialityMark(bundle_item_id=item.id, page=page, start=start, end=end, excerpt=excerpt[:500],
                               proposed_level=level, cues=["manual"], level=level, note=note or None,
                               confirmed_by_id=actor.id, confirmed_at=now, created_at=now)
    session.add(mark)
    session.flush()
    audit.record(session, "confidentiality.add", actor=actor, now=now, request_id=request.id,
                 target=f"mark:{mark.id}", detail={"item": item.id, "page": page, "level": level})
    return mark


def request_marks(session: Session, request: Request, *, actor: User, now: datetime) -> list[ConfidentialityMark]:
    """Live marks on the request's documents, for the levels screen and API (the read is audited)."""
    require_view(actor, request)
    ids = list(session.scalars(select(BundleItem.id).where(BundleItem.request_id == request.id,
                                                         BundleItem.removed_at.is_(None))))
    audit.record(session, "confidentiality.view", actor=actor, now=now, request_id=request.id,
                 target=request.reference)
    return live_marks(session, ids)


def document_levels(session: Session, request: Request) -> dict[int, str]:
    """Each live bundle item's level: its confirmed document mark, else the highest live mark, else CONFIDENTIAL."""
    ids = list(session.scalars(select(BundleItem.id).where(BundleItem.request_id == request.id,
                                                         BundleItem.removed_at.is_(None))))
    out = {i: "confidential" for i in ids}
    by_item: dict[int, list[ConfidentialityMark]] = {}
    for m in live_marks(session, ids):
        by_item.setdefault(m.bundle_item_id, []).append(m)
    for item_id, marks in by_item.items():
        doc = next((m for m in marks if m.page is None and m.level is not None), None)
        out[item_id] = doc.level if doc else sensitivity.highest(effective(m) for m in marks)
    return out


def highly_sensitive_marks(session: Session, request: Request) -> list[ConfidentialityMark]:
    """Live marks on the request whose level that counts is HIGHLY SENSITIVE."""
    ids = list(session.scalars(select(BundleItem.id).where(BundleItem.request_id == request.id,
                                                         BundleItem.removed_at.is_(None))))
    return [m for m in live_marks(session, ids) if effective(m) == "highly_sensitive"]


def last_harm_review(session: Session, request: Request) -> HarmReview | None:
    """The latest manager's harm review of the request, or None."""
    return session.scalars(select(HarmReview).where(HarmReview.request_id == request.id)
                           .order_by(HarmReview.id.desc()).limit(1)).first()


def record_harm_review(session: Session, request: Request, *, serious_harm: bool, reasons: str, actor: User,
                       now: datetime) -> HarmReview:
    """A manager records the serious-harm review of HIGHLY SENSITIVE material, with reasons.

    Seed: HIGHLY SENSITIVE information "if disclosed to the wrong person could cause the service
    user/child/young person harm or acute distress". The test is DPA 2018 Sch 3 Part 3 para 7(2)/para 11
    (social work) and Part 2 para 5 (health; para 6 needs a health professional's opinion), rulebook §3.2-3.3.
    ``serious_harm`` True means the test is met and the material must be withheld under those paragraphs.
    """
    require_role(actor, "manager")
    require_view(actor, request)
    reasons = (reasons or "").strip()
    if len(reasons) < 10:
        raise ValidationError("record the reasons for the harm review (at least 10 characters)")
    review = HarmReview(request_id=request.id, reviewer_id=actor.id, serious_harm=serious_harm, reasons=reasons,
                        at=now)
    session.add(review)
    session.flush()
    audit.record(session, "confidentiality.harm_review", actor=actor, now=now, request_id=request.id,
                 target=f"harm_review:{review.id}", detail={"serious_harm": serious_harm, "reasons": reasons})
    return review
