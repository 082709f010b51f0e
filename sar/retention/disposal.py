"""Disposal of finished requests under the retention schedule: the dry-run list, legal holds, disposal.

Nothing goes silently. The weekly list (and ``sar retention due``) is a dry run that changes nothing
but an audit record of the review. Disposal needs a named manager's approval, is refused while a
legal hold or a pending complaint stands, writes a :class:`~sar.models.DisposalCertificate` and an
audit event, then deletes the request's documents and packs from the store (bytes another live
request still uses are kept) and replaces its personal data in the database with a tombstone. What
the reports need survives: regime, dates, statuses, clock events, codes and the closure record's
outcome. The request's audit events stay, with their personal details minimised
(:func:`sar.core.audit.minimise_request`: the chain commits to a digest of those details, so it still
verifies); rows written before chain format 2 keep their details and the certificate counts them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.db import LONDON
from sar.core.errors import Conflict, ValidationError
from sar.core.permissions import require_role, require_view, visibility_clause
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.messaging.notifications import queue_email
from sar.models import (
    Approval,
    BundleItem,
    ClockEvent,
    ClosureRecord,
    ComplaintCase,
    DisposalCertificate,
    Document,
    DownloadLink,
    Job,
    LegalHold,
    OutboxEmail,
    PageMark,
    Party,
    Redaction,
    RedactionDecision,
    Request,
    ResponsePack,
    Role,
    StatusChange,
    User,
)
from sar.retention.schedule import Schedule, load_schedule
from sar.workflow.status import FINISHED_STATUSES

#: Who may approve a disposal (issue 18: "a manager approves disposal").
APPROVER_ROLES = (Role.manager,)
#: What replaces free text and names in a disposed request.
TOMBSTONE = "[disposed under the retention schedule]"


@dataclass(frozen=True)
class DueItem:
    """One finished request in the dry-run list: when it may go, and what (if anything) stops it."""

    request_id: int
    reference: str
    regime: str
    outcome: str | None
    finished_on: date
    rule: str
    dispose_after: date
    blocked_by: str | None

    @property
    def disposable(self) -> bool:
        """True when nothing stops disposal."""
        return self.blocked_by is None


def schedule_for(settings: Settings) -> Schedule:
    """The configured schedule (``SAR_RETENTION_SCHEDULE``) or the packaged default."""
    return load_schedule(settings.retention_schedule)


def _finished_on(session: Session, ids: Sequence[int]) -> dict[int, date]:
    rows = session.execute(select(StatusChange.request_id, StatusChange.at)
                           .where(StatusChange.request_id.in_(ids),
                                  StatusChange.to_status.in_([s.value for s in FINISHED_STATUSES])))
    out: dict[int, date] = {}
    for rid, at in rows:
        day = at.astimezone(LONDON).date()
        out[rid] = max(day, out.get(rid, day))
    return out


def review(session: Session, *, settings: Settings, today: date, request_ids: Sequence[int] | None = None,
           actor: User | None = None) -> list[DueItem]:
    """Every finished, not yet disposed request whose retention period has run by ``today`` (a dry run).

    Held requests and those with a pending complaint are listed with ``blocked_by`` so a manager sees
    why they stay. Changes nothing.

    :param actor: the member of staff the list is for: it holds only the requests they may see (need to
        know, :func:`sar.core.permissions.visibility_clause`; seed policy: "only accessed on a need to know
        basis"), so an admin, who never reads case content, gets none. ``None`` is the system's own check
        (the operator's console and :func:`dispose`'s re-check after its own need-to-know test).
    """
    schedule = schedule_for(settings)
    stmt = (select(Request.id, Request.reference, Request.regime, ClosureRecord.outcome)
            .outerjoin(ClosureRecord, ClosureRecord.request_id == Request.id)
            .outerjoin(DisposalCertificate, DisposalCertificate.request_id == Request.id)
            .where(Request.status.in_([s.value for s in FINISHED_STATUSES]), DisposalCertificate.id.is_(None))
            .order_by(Request.id))
    if request_ids is not None:
        stmt = stmt.where(Request.id.in_(request_ids))
    if actor is not None:
        stmt = stmt.where(visibility_clause(actor))
    rows = session.execute(stmt).all()
    ids = [r[0] for r in rows]
    if not ids:
        return []
    finished = _finished_on(session, ids)
    holds = dict(session.execute(select(LegalHold.request_id, LegalHold.reason)
                                 .where(LegalHold.request_id.in_(ids), LegalHold.lifted_at.is_(None))).all())
    complaints: dict[int, list[ComplaintCase]] = defaultdict(list)
    for case in session.scalars(select(ComplaintCase).where(ComplaintCase.request_id.in_(ids))):
        complaints[case.request_id].append(case)
    unsent = set(session.scalars(select(OutboxEmail.request_id).where(OutboxEmail.request_id.in_(ids),
                                                                      OutboxEmail.sent_at.is_(None))))
    items = []
    for rid, reference, regime, outcome in rows:
        rule = schedule.rule_for(regime, outcome)
        if rule is None or rid not in finished:
            continue  # no rule covers it: kept, never disposed of by default
        after, rule_name = schedule.add_years(finished[rid], rule.years), rule.name
        blocked = None
        cases = complaints.get(rid, [])
        if any(c.closed_on is None for c in cases):
            blocked = "a complaint or ICO case about it is still open"
        elif cases:
            complaint_after = schedule.add_years(max(c.closed_on for c in cases), schedule.complaint_years)
            if complaint_after > after:
                after, rule_name = complaint_after, schedule.complaint_rule
        if after > today:
            continue
        if rid in holds:
            blocked = f"legal hold: {holds[rid]}"
        elif rid in unsent and blocked is None:
            blocked = "an e-mail about it is still waiting to be sent"
        items.append(DueItem(rid, reference, regime, outcome, finished[rid], rule_name, after, blocked))
    return items


def place_hold(session: Session, request: Request, reason: str, *, actor: User, now: datetime) -> LegalHold:
    """Stop disposal of ``request`` until the hold is lifted. Managers and admins; a reason is required."""
    require_role(actor, Role.manager, Role.admin)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("say why the request is held (e.g. the claim or investigation)")
    hold = LegalHold(request_id=request.id, reason=reason, placed_by_id=actor.id, placed_at=now)
    session.add(hold)
    session.flush()
    audit.record(session, "retention.hold", actor=actor, now=now, request_id=request.id, target=request.reference,
                 detail={"hold": hold.id, "reason": reason})
    return hold


def lift_hold(session: Session, hold: LegalHold, reason: str, *, actor: User, now: datetime) -> LegalHold:
    """Lift a legal hold (kept on record). Managers and admins; a reason is required."""
    require_role(actor, Role.manager, Role.admin)
    if hold.lifted_at is not None:
        raise Conflict("this hold was already lifted")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("say why the hold is lifted")
    hold.lifted_at, hold.lifted_by_id, hold.lift_reason = now, actor.id, reason
    session.flush()
    audit.record(session, "retention.lift_hold", actor=actor, now=now, request_id=hold.request_id,
                 target=f"hold:{hold.id}", detail={"reason": reason})
    return hold


def _shared(session: Session, model, column, sha_column, shas: set[str], request_id: int) -> set[str]:
    """Hashes among ``shas`` still used by a request other than ``request_id`` that is not disposed."""
    if not shas:
        return set()
    rows = session.execute(
        select(sha_column).select_from(model).join(Request, Request.id == column)
        .outerjoin(DisposalCertificate, DisposalCertificate.request_id == Request.id)
        .where(sha_column.in_(shas), Request.id != request_id, DisposalCertificate.id.is_(None)))
    return {sha for (sha,) in rows}


def _tombstone(session: Session, request: Request, item_ids: list[int], now: datetime) -> dict[str, int]:
    rid, t = request.id, TOMBSTONE
    counts = {}
    request.description, request.triage, request.updated_at = t, None, now

    def _upd(name, stmt):
        counts[name] = session.execute(stmt.execution_options(synchronize_session=False)).rowcount

    _upd("parties", update(Party).where(Party.request_id == rid).values(
        name=t, email=None, phone=None, address=None, dob=None, aliases=None, identifiers=None,
        relationship_to_subject=None, authority_note=None))
    _upd("bundle_items", update(BundleItem).where(BundleItem.request_id == rid).values(
        filename=t, title=None, removed_reason=None))
    if item_ids:
        _upd("redactions", update(Redaction).where(Redaction.bundle_item_id.in_(item_ids)).values(
            text="", reason=""))
        # A rejection keeps a reason (check constraint); its words go, the fact of a reason stays.
        session.execute(update(Redaction).where(Redaction.bundle_item_id.in_(item_ids),
                                                Redaction.decision_reason.is_not(None))
                        .values(decision_reason=t).execution_options(synchronize_session=False))
        _upd("redaction_decisions", update(RedactionDecision).where(
            RedactionDecision.redaction_id.in_(select(Redaction.id).where(Redaction.bundle_item_id.in_(item_ids))))
            .values(reason=""))
        _upd("page_marks", update(PageMark).where(PageMark.bundle_item_id.in_(item_ids)).values(reason=""))
    _upd("clock_events", update(ClockEvent).where(ClockEvent.request_id == rid).values(reason=t))
    _upd("status_changes", update(StatusChange).where(StatusChange.request_id == rid).values(reason=t))
    _upd("approvals", update(Approval).where(Approval.request_id == rid).values(submit_note=t, comments=t))
    _upd("response_packs", update(ResponsePack).where(ResponsePack.request_id == rid).values(
        manifest={"disposed": True}))
    _upd("outbox", update(OutboxEmail).where(OutboxEmail.request_id == rid).values(
        to_addr="", subject=t, body_text=t, last_error=None))
    # A per-document burn-in job's params hold the document's kept text and the redacted names (issue 11).
    _upd("jobs", update(Job).where(Job.request_id == rid).values(message="", result=None, params=None,
                                                                 last_error=None))
    _upd("closure_notes", update(ClosureRecord).where(ClosureRecord.request_id == rid).values(note=""))
    pack_ids = select(ResponsePack.id).where(ResponsePack.request_id == rid)
    _upd("download_links", update(DownloadLink).where(DownloadLink.pack_id.in_(pack_ids),
                                                      DownloadLink.revoked_at.is_(None)).values(revoked_at=now))
    return counts


def dispose(session: Session, request: Request, *, approved_by: User, settings: Settings, now: datetime,
            schedule_item: DueItem | None = None) -> DisposalCertificate:
    """Dispose of one request whose retention period has run, on ``approved_by``'s (a manager's) decision.

    Records the certificate and the audit event first, tombstones the personal data, then deletes the
    request's documents and packs from the store (bytes still used by another live request stay).

    :raises NotPermitted: ``approved_by`` is not a manager.
    :raises Conflict: not due, held, complaint pending, mail unsent, or already disposed.
    """
    require_role(approved_by, *APPROVER_ROLES)
    today = now.astimezone(LONDON).date()
    if session.scalar(select(DisposalCertificate.id).where(DisposalCertificate.request_id == request.id)):
        raise Conflict(f"{request.reference} was already disposed of")
    require_view(approved_by, request)  # need to know: a manager disposes only of files they may see
    items = review(session, settings=settings, today=today, request_ids=[request.id])
    if not items:
        raise Conflict(f"{request.reference} is not due for disposal under the retention schedule")
    item = items[0]
    if item.blocked_by:
        raise Conflict(f"{request.reference} cannot be disposed of: {item.blocked_by}")
    bundle = session.execute(select(BundleItem.id, Document.sha256)
                             .join(Document, Document.id == BundleItem.document_id)
                             .where(BundleItem.request_id == request.id)).all()
    party_docs = set(session.scalars(
        select(Document.sha256).join(Party, (Party.identity_document_id == Document.id)
                                     | (Party.authority_document_id == Document.id))
        .where(Party.request_id == request.id)))
    doc_shas = {sha for _id, sha in bundle} | party_docs
    pack_shas = set(session.scalars(select(ResponsePack.sha256).where(ResponsePack.request_id == request.id)))
    keep = _shared_documents(session, doc_shas, request.id)
    keep_packs = _shared(session, ResponsePack, ResponsePack.request_id, ResponsePack.sha256, pack_shas, request.id)
    cert = DisposalCertificate(
        request_id=request.id, reference=request.reference, rule=item.rule, due_on=item.dispose_after,
        approved_by_id=approved_by.id, disposed_at=now,
        documents_removed=len(doc_shas - keep), packs_removed=len(pack_shas - keep_packs),
        detail={"regime": request.regime, "outcome": item.outcome, "finished_on": item.finished_on.isoformat(),
                "documents": sorted(doc_shas - keep), "documents_kept_in_use_elsewhere": sorted(keep),
                "packs": sorted(pack_shas - keep_packs)})
    session.add(cert)
    session.flush()
    minimised, kept = audit.minimise_request(session, request.id, now=now)
    cert.detail = {**cert.detail, "rows_tombstoned": _tombstone(session, request, [i for i, _ in bundle], now),
                   "audit_rows_minimised": minimised, "audit_rows_kept_old_format": kept}
    session.flush()
    audit.record(session, "retention.dispose", actor=approved_by, now=now, request_id=request.id,
                 target=request.reference, detail={"certificate": cert.id, "rule": item.rule,
                                                   "due_on": item.dispose_after.isoformat(),
                                                   "documents_removed": cert.documents_removed,
                                                   "packs_removed": cert.packs_removed})
    store = FileStore.for_settings(settings)
    for sha in sorted((doc_shas - keep) | (pack_shas - keep_packs)):
        store.delete(sha)
    return cert


def _shared_documents(session: Session, shas: set[str], request_id: int) -> set[str]:
    """Document hashes still in the bundle (or ID/authority evidence) of another request not disposed of."""
    if not shas:
        return set()
    live = (select(Request.id).outerjoin(DisposalCertificate, DisposalCertificate.request_id == Request.id)
            .where(Request.id != request_id, DisposalCertificate.id.is_(None)))
    in_bundles = select(Document.sha256).join(BundleItem, BundleItem.document_id == Document.id).where(
        Document.sha256.in_(shas), BundleItem.request_id.in_(live))
    as_evidence = select(Document.sha256).join(
        Party, (Party.identity_document_id == Document.id) | (Party.authority_document_id == Document.id)).where(
        Document.sha256.in_(shas), Party.request_id.in_(live))
    return set(session.scalars(in_bundles)) | set(session.scalars(as_evidence))


def dispose_due(session: Session, *, approved_by: User, settings: Settings, now: datetime,
                references: Sequence[str] | None = None) -> list[DisposalCertificate]:
    """Dispose of every disposable request in today's dry-run list (or only ``references`` among them)."""
    require_role(approved_by, *APPROVER_ROLES)
    items = [i for i in review(session, settings=settings, today=now.astimezone(LONDON).date(), actor=approved_by)
             if i.disposable]
    if references is not None:
        wanted = {r.strip().upper() for r in references}
        listed = {i.reference.upper() for i in items}
        missing = sorted(wanted - listed)
        if missing:
            raise ValidationError(f"not in today's disposal list (or blocked): {', '.join(missing)}")
        items = [i for i in items if i.reference.upper() in wanted]
    return [dispose(session, session.get(Request, i.request_id), approved_by=approved_by, settings=settings,
                    now=now) for i in items]


def weekly_review(session: Session, *, now: datetime, settings: Settings) -> int:
    """The worker's weekly dry run: e-mail each manager the list of requests due for disposal that they may see.

    Need to know: each manager's list is :func:`review` for that manager, and a manager with nothing they may
    see gets no e-mail. Records the review in the audit log; deletes nothing. Returns the number of e-mails queued.
    """
    items = review(session, settings=settings, today=now.astimezone(LONDON).date())
    audit.record(session, "retention.review", actor=None, now=now,
                 detail={"due": len(items), "blocked": sum(1 for i in items if not i.disposable)})
    if not items:
        return 0
    managers = session.scalars(select(User).where(User.role == Role.manager, User.is_active.is_(True))).all()
    queued = 0
    for manager in managers:
        theirs = review(session, settings=settings, today=now.astimezone(LONDON).date(), actor=manager)
        if not theirs:
            continue
        queue_email(session, to=manager.email, subject=f"Retention: {len(theirs)} request file(s) due for disposal",
                    template="email/retention_due.txt", context={"items": theirs, "manager": manager},
                    kind="retention_due", request_id=None, now=now, settings=settings)
        queued += 1
    return queued
