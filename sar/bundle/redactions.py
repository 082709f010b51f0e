"""Human review of redactions: decide proposals, add manual boxes, act on an entity everywhere, mark pages.

The engine (``redaction.engine``) only proposes; every redaction in a released pack was accepted
by a person, who is recorded with the time and the reason (rulebook §3: "each redaction must cite a
code ... keep a redaction log"). Decisions are appended to :class:`~sar.models.RedactionDecision`,
audited, and void a standing approval (:func:`sar.workflow.approval_state.prepare_change`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redaction import pdf
from redaction.codes import EXEMPTION_CODES
from redaction.text import boxes_for_span
from redaction.types import Box
from sar.bundle import documents
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_staff, require_view
from sar.core.settings import Settings
from sar.models import BundleItem, PageMark, Redaction, RedactionDecision, Request, User
from sar.release import packs
from sar.workflow import approval_state

if TYPE_CHECKING:  # the engine pulls in spaCy; only its result type is needed here
    from redaction.engine import DocumentPlan

DECISIONS = ("accepted", "rejected")
PAGE_MARKS = ("withheld", "duplicate", "not_relevant", "disclose")
#: Codes whose redactions the approving manager confirms (``needs_manager_decision`` in ``redaction.codes``:
#: serious harm, the child's expectations, child abuse data, adoption; rulebook §3.2-§3.4).
MANAGER_CODES = frozenset(c.code for c in EXEMPTION_CODES.values() if c.needs_manager_decision)
_DEFAULT_MARK_CODES = {"duplicate": "DUPLICATE", "not_relevant": "NOT-RELEVANT"}
#: Boxes may overhang the page edge by this much (points): glyph boxes are padded.
_EDGE_TOLERANCE = 2.0


def code_regime(regime: str) -> str:
    """The exemption-code family for a request regime: ``foi``, ``eir`` or ``sar`` (everything else)."""
    if regime.startswith("foi"):
        return "foi"
    if regime.startswith("eir"):
        return "eir"
    return "sar"


def check_code(code: str | None, request: Request) -> str:
    """Return ``code`` if it is a known exemption code usable for ``request``'s regime.

    :raises ValidationError: no code, an unknown code, or a code for another regime (e.g. a DPA
        2018 paragraph on a FOI response).
    """
    code = (code or "").strip()
    if not code:
        raise ValidationError("choose an exemption code")
    known = EXEMPTION_CODES.get(code)
    if known is None:
        raise ValidationError(f"unknown exemption code {code!r}; choose one of "
                              f"{', '.join(sorted(EXEMPTION_CODES))}")
    family = code_regime(request.regime)
    if family not in known.regimes:
        raise ValidationError(f"{code} ({known.basis}) cannot be used for a {family.upper()} request")
    return code


def require_decider(actor: User, *codes: str | None) -> None:
    """Check that ``actor`` may decide redactions carrying ``codes``.

    Any officer or manager may decide. Codes marked ``needs_manager_decision`` in ``redaction.codes``
    (serious harm, the child's expectations, child abuse data, adoption: rulebook §3.2-§3.4) are
    *flagged*: :func:`flagged_for_manager` lists them on the approval screen, and the approving
    manager, who by the four-eyes rule is never the person who decided them, confirms them by
    approving the exact pack or returns it.

    :raises NotPermitted: the actor is not staff.
    """
    require_staff(actor)


def flagged_for_manager(session: Session, request: Request) -> list[Redaction]:
    """Live redactions whose code needs a manager's confirmation at approval (serious harm etc.)."""
    return [r for r in list_redactions(session, request) if r.code in MANAGER_CODES]


def codes_for(request: Request) -> list[dict[str, str]]:
    """The codes a reviewer may choose for ``request`` (code, basis, title, reason), for pick lists."""
    family = code_regime(request.regime)
    return [{"code": c.code, "basis": c.basis, "title": c.title, "reason": c.reason}
            for c in EXEMPTION_CODES.values() if family in c.regimes]


def _item_and_request(session: Session, item_id: int) -> tuple[BundleItem, Request]:
    item = session.get(BundleItem, item_id)
    if item is None:
        raise NotFound("no such document")
    if item.removed_at is not None:
        raise Conflict(f"{item.filename} has been removed from the bundle")
    return item, session.get(Request, item.request_id)


def get_redaction(session: Session, request: Request, redaction_id: int) -> Redaction:
    """Return one of ``request``'s redactions by id.

    :raises NotFound: no such redaction on this request.
    """
    red = session.get(Redaction, redaction_id)
    if red is None:
        raise NotFound("no such redaction")
    item = session.get(BundleItem, red.bundle_item_id)
    if item is None or item.request_id != request.id:
        raise NotFound("no such redaction")
    return red


def _decide(session: Session, red: Redaction, status: str, *, reason: str, code: str, actor: User,
            now: datetime) -> None:
    red.status = status
    red.code = code
    red.decision_reason = reason or None
    red.decided_by_id = actor.id
    red.decided_at = now
    session.add(RedactionDecision(redaction_id=red.id, status=status, code=code, reason=reason or "",
                                  actor_id=actor.id, at=now))


def _check_decision(status: str, reason: str | None) -> str:
    if status not in DECISIONS:
        raise ValidationError(f"a decision is one of {', '.join(DECISIONS)}, not {status!r}")
    reason = (reason or "").strip()
    if status == "rejected" and not reason:
        raise ValidationError("give a reason for not redacting this (for example: the requester already "
                              "knows it, or the person consented)")
    return reason


def decide_redaction(session: Session, redaction: Redaction, status: str, *, reason: str | None,
                     code: str | None = None, actor: User, now: datetime) -> Redaction:
    """Accept or reject one redaction (proposed or already decided), optionally changing its code.

    :param status: ``"accepted"`` or ``"rejected"``.
    :param reason: why; required to reject.
    :param code: a new exemption code, if the reviewer changes it.
    :raises ValidationError: unknown status, rejection without reason, unknown or wrong-regime code.
    :raises Conflict: the redaction was superseded, its document removed, or the request can no
        longer change (released, closed).
    :raises NotPermitted: the actor is not staff, or the old or new code needs a manager
        (:func:`require_decider`).
    """
    require_staff(actor)
    reason = _check_decision(status, reason)
    if redaction.superseded_at is not None:
        raise Conflict("this proposal was replaced by a later run of the proposals; decide the new one")
    item, request = _item_and_request(session, redaction.bundle_item_id)
    require_view(actor, request)  # need to know (issue 14)
    new_code = check_code(code, request) if code else redaction.code
    require_decider(actor, redaction.code, new_code)
    approval_state.prepare_change(session, request, actor=actor, now=now,
                             what=f"redaction {redaction.id} {status}")
    old = {"status": redaction.status, "code": redaction.code}
    _decide(session, redaction, status, reason=reason, code=new_code, actor=actor, now=now)
    request.updated_at = now
    session.flush()
    audit.record(session, "redaction.decide", actor=actor, now=now, request_id=request.id,
                 target=f"redaction:{redaction.id}",
                 detail={"from": old, "to": {"status": status, "code": new_code}, "reason": reason,
                         "item": item.id, "page": redaction.page + 1})
    return redaction


def accept_page(session: Session, item: BundleItem, page: int, *, actor: User, now: datetime) -> int:
    """Accept every proposal still undecided on one page, top to bottom; return how many.

    Each is decided by :func:`decide_redaction` (same checks, one audit event each) with the reason
    "accepted on review"; decided or superseded redactions are left as they are.

    :raises NotPermitted: the actor is not staff. :raises Conflict: the request can no longer change.
    """
    require_decider(actor)
    pending = list(session.scalars(
        select(Redaction).where(Redaction.bundle_item_id == item.id, Redaction.page == page,
                                Redaction.status == "proposed", Redaction.superseded_at.is_(None))
        .order_by(Redaction.id)))
    pending.sort(key=lambda r: (r.boxes[0][1], r.boxes[0][0]) if r.boxes else (0, 0))
    for redaction in pending:
        decide_redaction(session, redaction, "accepted", reason="accepted on review", code=None,
                         actor=actor, now=now)
    return len(pending)


def _valid_boxes(boxes: Sequence[Sequence[float]], width: float, height: float) -> list[list[float]]:
    if not boxes:
        raise ValidationError("draw at least one box")
    out = []
    for raw in boxes:
        try:
            x0, y0, x1, y1 = (float(v) for v in raw)
        except (TypeError, ValueError):
            raise ValidationError("each box is four numbers: x0, y0, x1, y1") from None
        if not (x0 < x1 and y0 < y1):
            raise ValidationError("each box needs a positive width and height (x0 < x1, y0 < y1)")
        t = _EDGE_TOLERANCE
        if x0 < -t or y0 < -t or x1 > width + t or y1 > height + t:
            raise ValidationError(f"box ({x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f}) lies outside the page "
                                  f"({width:.0f} x {height:.0f} points)")
        out.append([round(max(0.0, x0), 2), round(max(0.0, y0), 2), round(min(width, x1), 2),
                    round(min(height, y1), 2)])
    return out


def _centre_inside(box: Box, boxes: Sequence[Sequence[float]]) -> bool:
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def add_manual_redaction(session: Session, item: BundleItem, page: int, boxes: Sequence[Sequence[float]],
                         code: str, reason: str, *, actor: User, now: datetime, settings: Settings,
                         text: str | None = None) -> Redaction:
    """Add a reviewer-drawn redaction (accepted at once, source ``manual``).

    :param page: 0-based page index. :param boxes: ``[[x0, y0, x1, y1], ...]`` in PDF points of the
        unrotated page (the space ``redaction.pdf.render_page_png`` draws in).
    :param reason: why (the code's plain reason is used when empty).
    :param text: the text removed; when None it is read from the page under the boxes, so the
        pack verifier can check it is gone.
    :raises ValidationError: page out of range, a box outside the page or malformed, unknown code.
    :raises Conflict: the document was removed or the request can no longer change.
    :raises NotPermitted: the actor is not staff, or the code needs a manager.
    """
    require_staff(actor)
    item, request = _item_and_request(session, item.id)
    require_view(actor, request)  # need to know (issue 14)
    n_pages = item.document.page_count
    if not isinstance(page, int) or not 0 <= page < n_pages:
        raise ValidationError(f"page {page} does not exist: {item.filename} has pages 0 to {n_pages - 1}")
    code = check_code(code, request)
    require_decider(actor, code)
    width, height = pdf.page_size(documents.document_bytes(settings, item), page)
    clean = _valid_boxes(boxes, width, height)
    if text is None:
        extracted = documents.extracted_text(settings, item)
        page_text = extracted.pages[page]
        text = "".join(ch for ch, b in zip(page_text.text, page_text.char_boxes, strict=True)
                       if b is not None and _centre_inside(b, clean))
    text = " ".join(text.split())
    reason = (reason or "").strip() or EXEMPTION_CODES[code].reason
    approval_state.prepare_change(session, request, actor=actor, now=now,
                             what=f"manual redaction on {item.filename}")
    red = Redaction(bundle_item_id=item.id, page=page, start=None, end=None, boxes=clean, text=text,
                    entity_type="MANUAL", code=code, reason=reason, source="manual", recognizer=None,
                    score=None,
                    status="accepted", decision_reason=reason, decided_by_id=actor.id, decided_at=now,
                    created_by_id=actor.id, created_at=now)
    session.add(red)
    session.flush()
    session.add(RedactionDecision(redaction_id=red.id, status="accepted", code=code, reason=reason,
                                  actor_id=actor.id, at=now))
    request.updated_at = now
    session.flush()
    audit.record(session, "redaction.manual", actor=actor, now=now, request_id=request.id,
                 target=f"redaction:{red.id}", detail={"item": item.id, "page": page + 1, "code": code,
                                                       "boxes": len(clean), "reason": reason})
    return red


def _live_redactions(session: Session, item_ids: Sequence[int]) -> list[Redaction]:
    if not item_ids:
        return []
    return list(session.scalars(select(Redaction).where(
        Redaction.bundle_item_id.in_(item_ids), Redaction.superseded_at.is_(None)).order_by(Redaction.id)))


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def decide_entity(session: Session, request: Request, text: str, status: str, *, code: str | None,
                  reason: str | None, actor: User, now: datetime, settings: Settings) -> int:
    """Decide every occurrence of an entity's text across the whole bundle at once.

    Every live redaction whose text equals ``text`` (any case, any spacing) gets the decision. When
    accepting, each occurrence in the extracted page text that no accepted redaction covers yet
    gets a new accepted redaction (source ``bulk``) with boxes from the text layer. Scanned pages
    without a text layer are not searched: draw those boxes by hand.

    :param code: the exemption code (required to accept unless existing proposals have one).
    :return: how many redactions were decided or created.
    :raises ValidationError: empty text, rejection without reason, bad code, or nothing to accept.
    :raises Conflict: the request can no longer change.
    :raises NotPermitted: not staff, or a code involved needs a manager.
    """
    require_staff(actor)
    needle = _fold(text or "")
    if len(needle) < 2:
        raise ValidationError("give the text to redact (at least two characters)")
    reason = _check_decision(status, reason)
    items = packs.release_items(session, request)
    by_id = {i.id: i for i in items}
    live = _live_redactions(session, list(by_id))
    same = [r for r in live if _fold(r.text) == needle]
    if code:
        code = check_code(code, request)
    elif same:
        code = max({r.code for r in same}, key=lambda c: sum(r.code == c for r in same))
    elif status == "accepted":
        raise ValidationError("choose an exemption code")
    require_decider(actor, code, *{r.code for r in same})
    approval_state.prepare_change(session, request, actor=actor, now=now,
                             what=f"bulk decision on an entity ({status})")
    count = 0
    for r in same:
        _decide(session, r, status, reason=reason, code=code or r.code, actor=actor, now=now)
        count += 1
    created = 0
    if status == "accepted":
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in needle.split()) + r"(?!\w)",
                             re.IGNORECASE)
        session.flush()
        accepted = [r for r in _live_redactions(session, list(by_id)) if r.status == "accepted"]
        entity_type = same[0].entity_type if same else "ENTITY"
        for item in items:
            extracted = documents.extracted_text(settings, item)
            for page in extracted.pages:
                covered = [b for r in accepted if r.bundle_item_id == item.id and r.page == page.page_index
                           for b in r.boxes]
                for m in pattern.finditer(page.text):
                    char_boxes = [b for b in page.char_boxes[m.start():m.end()] if b is not None]
                    if not char_boxes or all(_centre_inside(b, covered) for b in char_boxes):
                        continue
                    boxes = [list(b.as_tuple()) for b in boxes_for_span(page, m.start(), m.end())]
                    red = Redaction(bundle_item_id=item.id, page=page.page_index, start=m.start(),
                                    end=m.end(),
                                    boxes=boxes, text=m.group(0), entity_type=entity_type, code=code,
                                    reason=reason or EXEMPTION_CODES[code].reason, source="bulk",
                                    recognizer="bulk", score=None, status="accepted", created_by_id=actor.id,
                                    created_at=now)
                    session.add(red)
                    session.flush()
                    _decide(session, red, "accepted", reason=reason, code=code, actor=actor, now=now)
                    covered.extend(boxes)
                    created += 1
    if count + created == 0:
        raise ValidationError(f"{text.strip()!r} was not found in the bundle")
    request.updated_at = now
    session.flush()
    audit.record(session, "redaction.entity", actor=actor, now=now, request_id=request.id, target="bundle",
                 detail={"text": " ".join(text.split()), "status": status, "code": code, "reason": reason,
                         "decided": count, "created": created})
    return count + created


def mark_page(session: Session, item: BundleItem, page: int, mark: str, *, code: str | None = None,
              reason: str = "", actor: User, now: datetime) -> PageMark:
    """Decide about a whole page.

    Withhold it (with a code), leave it out as a duplicate or not relevant, or ``disclose`` it
    (which clears an earlier mark).

    :param page: 0-based page index.
    :param code: required for ``withheld``; ``DUPLICATE`` / ``NOT-RELEVANT`` by default otherwise.
    :raises ValidationError: unknown mark, page out of range, missing or unknown code.
    :raises Conflict: document removed or request can no longer change.
    :raises NotPermitted: not staff, or the new or previous code needs a manager.
    """
    require_staff(actor)
    if mark not in PAGE_MARKS:
        raise ValidationError(f"a page mark is one of {', '.join(PAGE_MARKS)}, not {mark!r}")
    item, request = _item_and_request(session, item.id)
    require_view(actor, request)  # need to know (issue 14)
    n_pages = item.document.page_count
    if not isinstance(page, int) or not 0 <= page < n_pages:
        raise ValidationError(f"page {page} does not exist: {item.filename} has pages 0 to {n_pages - 1}")
    if mark == "disclose":
        code = None
    else:
        code = check_code(code or _DEFAULT_MARK_CODES.get(mark), request)
    reason = (reason or "").strip() or (EXEMPTION_CODES[code].reason if code else "")
    row = session.scalars(select(PageMark).where(PageMark.bundle_item_id == item.id,
                                                 PageMark.page == page)).first()
    require_decider(actor, code, row.code if row is not None else None)
    approval_state.prepare_change(session, request, actor=actor, now=now,
                             what=f"page {page + 1} of {item.filename} marked {mark}")
    old = row.mark if row is not None else None
    if row is None:
        row = PageMark(bundle_item_id=item.id, page=page)
        session.add(row)
    row.mark = mark
    row.code = code
    row.reason = reason
    row.decided_by_id = actor.id
    row.decided_at = now
    request.updated_at = now
    session.flush()
    audit.record(session, "page.mark", actor=actor, now=now, request_id=request.id,
                 target=f"item:{item.id}:page:{page + 1}",
                 detail={"from": old, "to": mark, "code": code, "reason": reason})
    return row


def list_redactions(session: Session, request: Request, status: str | None = None, *,
                    item: BundleItem | None = None, include_superseded: bool = False) -> list[Redaction]:
    """The request's redactions on current bundle items, in bundle, page and reading order.

    :param status: only ``proposed``, ``accepted`` or ``rejected`` ones.
    :param item: only this bundle item's.
    :param include_superseded: also proposals replaced by a later run (for the record).
    """
    query = (select(Redaction).join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
             .where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None)))
    if status is not None:
        query = query.where(Redaction.status == status)
    if item is not None:
        query = query.where(Redaction.bundle_item_id == item.id)
    if not include_superseded:
        query = query.where(Redaction.superseded_at.is_(None))
    return list(session.scalars(query.order_by(BundleItem.position, Redaction.page, Redaction.start,
                                               Redaction.id)))


def list_page_marks(session: Session, request: Request) -> list[PageMark]:
    """Page marks on current bundle items (``disclose`` marks included), in bundle and page order."""
    return list(session.scalars(
        select(PageMark).join(BundleItem, BundleItem.id == PageMark.bundle_item_id)
        .where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None))
        .order_by(BundleItem.position, PageMark.page)))


def review_counts(session: Session, request: Request) -> dict[str, int]:
    """How many live redactions are proposed, accepted and rejected (for the review header)."""
    rows = session.execute(
        select(Redaction.status, func.count(Redaction.id))
        .join(BundleItem, BundleItem.id == Redaction.bundle_item_id)
        .where(BundleItem.request_id == request.id, BundleItem.removed_at.is_(None),
               Redaction.superseded_at.is_(None))
        .group_by(Redaction.status))
    counts = {"proposed": 0, "accepted": 0, "rejected": 0}
    counts.update({status: n for status, n in rows})
    return counts


def store_proposals(session: Session, request: Request, plans: Sequence[tuple[BundleItem, DocumentPlan]], *,
                    now: datetime) -> dict[str, Any]:
    """Replace the undecided engine proposals of ``request`` with a new run's proposals.

    Earlier undecided engine proposals are superseded (``superseded_at``; never deleted). A new
    proposal that repeats an already decided redaction (same document, page and text, overlapping
    span) is not stored again, so re-running the engine does not undo reviewers' work.

    :return: ``{"stored": n, "superseded": n, "skipped_decided": n}``.
    """
    item_ids = [item.id for item, _ in plans]
    live = _live_redactions(session, item_ids)
    superseded = 0
    decided: dict[tuple[int, int, str], list[Redaction]] = {}
    for r in live:
        if r.status == "proposed" and r.source == "engine":
            r.superseded_at = now
            superseded += 1
        else:
            decided.setdefault((r.bundle_item_id, r.page, _fold(r.text)), []).append(r)
    stored = skipped = 0
    for item, plan in plans:
        for p in plan.proposals:
            twins = decided.get((item.id, p.page, _fold(p.text)), [])
            if any(t.start is None or (t.start < p.end and p.start < (t.end or 0)) for t in twins):
                skipped += 1
                continue
            session.add(Redaction(
                bundle_item_id=item.id, page=p.page, start=p.start, end=p.end,
                boxes=[[round(v, 2) for v in b.as_tuple()] for b in p.boxes], text=p.text,
                entity_type=p.entity_type, code=p.code, reason=p.reason, source="engine",
                recognizer=p.recognizer, score=round(p.score, 4), status="proposed", created_at=now))
            stored += 1
    session.flush()
    return {"stored": stored, "superseded": superseded, "skipped_decided": skipped}
