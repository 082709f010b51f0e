"""Four-eyes approval of an exact response pack, release, and download of released packs.

The rules (rulebook §3 "second-person QA for social-work files", §5.1 item 6 "sign-off"):

* an officer or manager submits; the pack is built at that moment and its sha256 is what is approved;
* only a manager approves, never the submitter nor anyone who uploaded documents or decided
  redactions on the request since the last approval ("nobody approves their own work");
* any later change to the documents, redactions or page marks voids the approval and sends the
  request back to review (:func:`sar.workflow.approval_state.prepare_change`, called by every such use case);
* a pack is released only from a standing approval whose hash still matches the stored pack;
* release and every change that voids an approval serialise on the request
  (:func:`sar.workflow.approval_state.lock_request`) and re-check the standing approval inside the lock, so two
  releases send one link and a release racing a change never leaves a pack released on a voided approval;
* nothing is submitted while the requester's entitlement is unverified (:mod:`sar.release.entitlement`,
  rulebook G-2, T-4).

Use cases take ``session``, ``actor`` and ``now``; they flush and never commit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.confidentiality import gate as confidentiality_gate
from sar.confidentiality import register as disclosure_register
from sar.core import audit
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.core.permissions import require_role, require_staff, require_view
from sar.core.settings import Settings
from sar.core.storage import FileStore
from sar.messaging import download_links, notifications
from sar.models import (
    CASEWORK_ROLES,
    Approval,
    AuditEvent,
    DownloadLink,
    OutboxEmail,
    Request,
    ResponsePack,
    Role,
    User,
)
from sar.release import closure, entitlement, packs
from sar.workflow.approval_state import STANDING_STATUSES, lock_request, standing_approval
from sar.workflow.status import RequestStatus
from sar.workflow.transitions import transition

#: Audit actions that count as preparing a pack: whoever did one of these since the last approval
#: may not approve the next one. Building a pack to preview it, or running the engine, is not
#: preparing it: neither decides what is released.
WORK_ACTIONS = frozenset({
    "document.add", "document.remove", "document.retitle", "bundle.reorder", "redaction.decide",
    "redaction.manual", "redaction.entity", "page.mark", "approval.submit", "party.add", "party.update",
    # Drafting a decision or editing its letter (issue 13) is preparing what is released.
    "outcome.draft", "outcome.letter_edit",
})
#: Where the web layer serves a download link (one definition, in :mod:`sar.messaging.download_links`).
DOWNLOAD_PATH = download_links.DOWNLOAD_PATH
#: Builds and stores a pack for a request: ``(session, request, *, actor, now, settings) -> ResponsePack``.
PackBuilder = Callable[..., ResponsePack]

@dataclass(frozen=True)
class ReleaseResult:
    """What :func:`release` hands back: the pack, the link and the e-mail that will carry it.

    There is no token here: the mailer mints it when it sends the e-mail (:mod:`sar.messaging.download_links`),
    so staff never see it and no table holds it.
    """

    pack: ResponsePack
    link: DownloadLink
    expires_at: datetime
    email: OutboxEmail | None


def _token_sha(token: str) -> str:
    return download_links.token_sha(token)


def list_approvals(session: Session, request: Request) -> list[Approval]:
    """Every submission for ``request``, oldest first (for the history panel)."""
    query = select(Approval).where(Approval.request_id == request.id).order_by(Approval.id)
    return list(session.scalars(query))


def check_submittable_state(session: Session, request: Request) -> RequestStatus:
    """The request's state, entitlement and confidentiality allow a submission; return its status.

    :raises Conflict: they do not.
    """
    status = RequestStatus(request.status)
    if status not in (RequestStatus.received, RequestStatus.in_progress, RequestStatus.in_review):
        raise Conflict(f"request {request.reference} is {status.title.lower()}; only a request in progress "
                       "or in review can be submitted for approval")
    entitlement.require_entitled(session, request)
    confidentiality_gate.require_clear(session, request, step="submitted")
    return status


def check_submittable(session: Session, request: Request, *, actor: User) -> None:
    """The quick checks :func:`submit_for_approval` makes before the (long) pack build, without building.

    Lets a caller queue the build as a background job and refuse at once what would fail anyway.

    :raises NotPermitted: the actor is not an officer or manager.
    :raises Conflict: the request's state or entitlement does not allow it, there are no case-record
        documents, or proposals are still undecided.
    """
    require_role(actor, Role.officer, Role.manager)
    check_submittable_state(session, request)
    items = packs.release_items(session, request)
    if not items:
        raise Conflict("there are no case-record documents in the bundle to release")
    waiting = packs.undecided_count(session, [i.id for i in items])
    if waiting:
        raise Conflict(f"{waiting} proposed redaction{'s' if waiting != 1 else ''} still "
                       f"need{'s' if waiting == 1 else ''} a decision before the pack can be built")


def submit_for_approval(session: Session, request: Request, *, actor: User, now: datetime, settings: Settings,
                        note: str = "", build: PackBuilder | None = None) -> Approval:
    """Build the response pack and submit that exact pack (by hash) to a manager.

    :param build: what builds the pack: :func:`sar.release.packs.build_pack` (the redacted bundle)
        unless a decision that sends a letter alone (``sar.release.outcomes``) passes its own builder.

    Moves the request to ``awaiting_approval`` through ``in_progress`` and ``in_review`` as needed.

    :raises NotPermitted: the actor is not an officer or manager.
    :raises Conflict: the request is not in a state that can be submitted (on hold, awaiting
        verification, already submitted, closed ...), or the pack cannot be built (undecided
        proposals, no documents, failed verification: see :func:`sar.release.packs.build_pack`).
    """
    require_role(actor, *CASEWORK_ROLES)
    lock_request(session, request)
    status = check_submittable_state(session, request)
    pack = (build or packs.build_pack)(session, request, actor=actor, now=now, settings=settings)
    path = {RequestStatus.received: [RequestStatus.in_progress, RequestStatus.in_review],
            RequestStatus.in_progress: [RequestStatus.in_review], RequestStatus.in_review: []}[status]
    for step in [*path, RequestStatus.awaiting_approval]:
        transition(session, request, step, actor=actor, now=now, reason="submitted for approval")
    approval = Approval(request_id=request.id, pack_id=pack.id, pack_sha256=pack.sha256, status="pending",
                        submitted_by_id=actor.id, submitted_at=now, submit_note=(note or "").strip(),
                        comments="")
    session.add(approval)
    session.flush()
    audit.record(session, "approval.submit", actor=actor, now=now, request_id=request.id,
                 target=f"approval:{approval.id}", detail={"pack_id": pack.id, "pack_sha256": pack.sha256,
                                                            "note": approval.submit_note})
    managers = session.scalars(select(User).where(User.role == Role.manager, User.is_active.is_(True),
                                                  User.id != actor.id)).all()
    _tell_staff(session, request, managers, now=now, settings=settings, kind="approval_needed",
                subject=f"{request.reference}: a response is waiting for your approval",
                body=f"{actor.name} submitted the response to {request.reference} for approval. Open the case "
                     "to review the exact pack and approve or return it.")
    return approval


def _tell_staff(session: Session, request: Request, recipients, *, now: datetime, settings: Settings | None,
                kind: str, subject: str, body: str) -> None:
    """E-mail staff about a step of the four-eyes path (issue 13); names no requester or case content."""
    for user in recipients:
        if user is not None and user.email:
            notifications.queue_email(session, to=user.email, subject=subject, template="generic", kind=kind,
                                      request_id=request.id, now=now, settings=settings,
                                      context={"recipient_name": user.name, "body": body})


def _pending(session: Session, request: Request) -> Approval:
    # Lock the request so two managers deciding at once, or a decision racing a change, cannot
    # both succeed; the approval row is locked too (PostgreSQL).
    lock_request(session, request)
    approval = session.scalars(
        select(Approval)
        .where(Approval.request_id == request.id, Approval.status.in_(STANDING_STATUSES), Approval.voided_at.is_(None))
        .order_by(Approval.id.desc()).with_for_update().execution_options(populate_existing=True)
    ).first()
    if request.status != RequestStatus.awaiting_approval or approval is None or approval.status != "pending":
        raise Conflict(f"request {request.reference} is not awaiting approval")
    return approval


def _last_approval_seq(session: Session, request: Request) -> int:
    """Audit sequence number of the last approval of this request (0 if never approved)."""
    seq = session.scalars(
        select(AuditEvent.seq)
        .where(AuditEvent.request_id == request.id, AuditEvent.action == "approval.approve")
        .order_by(AuditEvent.seq.desc())
    ).first()
    return seq or 0


def contributors_since_last_approval(session: Session, request: Request) -> set[int]:
    """Ids of users who prepared the current pack since the last approval of this request.

    Preparing means uploading, removing or reordering documents, deciding redactions, marking
    pages, building or submitting the pack; it is read from the audit log, which records each.
    """
    since = _last_approval_seq(session, request)
    rows = session.scalars(
        select(AuditEvent.actor_id).where(
            AuditEvent.request_id == request.id,
            AuditEvent.seq > since,
            AuditEvent.action.in_(WORK_ACTIONS),
            AuditEvent.actor_id.is_not(None),
        )
    )
    return set(rows)


def _own_work(session: Session, request: Request, approval: Approval, actor: User) -> str | None:
    """Why ``actor`` may not decide ``approval`` because the pack is their own work, or None (four eyes)."""
    if approval.submitted_by_id == actor.id:
        return "nobody approves their own work: you submitted this pack"
    if actor.id in contributors_since_last_approval(session, request):
        return "nobody approves their own work: you changed documents or redactions in this pack"
    return None


def may_decide(session: Session, request: Request, actor: User) -> bool:
    """Whether ``actor`` may approve or return the pending pack now: the rule :func:`approve` enforces.

    True only for a manager who neither submitted nor prepared the pack, while the request awaits
    approval. It only reads (no lock), so screens can offer the buttons; :func:`approve` checks again.
    """
    if actor is None or actor.role != Role.manager or request.status != RequestStatus.awaiting_approval:
        return False
    approval = standing_approval(session, request)
    if approval is None or approval.status != "pending":
        return False
    return _own_work(session, request, approval, actor) is None


def approve(session: Session, request: Request, *, pack_sha256: str, actor: User, now: datetime,
            comments: str = "") -> Approval:
    """Approve the pending pack, identified by the hash the manager reviewed.

    :param pack_sha256: the hash shown to the manager; it must equal the submitted pack's hash.
    :raises NotPermitted: the actor is not a manager (officers and admins cannot approve), or the
        actor submitted or prepared this pack (nobody approves their own work).
    :raises Conflict: the request is not awaiting approval, or the hash is not the pending pack's.
    """
    require_role(actor, Role.manager)
    approval = _pending(session, request)
    entitlement.require_entitled(session, request, step="approved")
    confidentiality_gate.require_clear(session, request, step="approved")
    own_work = _own_work(session, request, approval, actor)
    if own_work:
        raise NotPermitted(own_work)
    if (pack_sha256 or "").strip().lower() != approval.pack_sha256:
        raise Conflict("the pack has changed since you reviewed it; review the current pack and "
                       "approve again")
    approval.status = "approved"
    approval.decided_by_id = actor.id
    approval.decided_at = now
    approval.comments = (comments or "").strip()
    session.flush()
    transition(session, request, RequestStatus.approved, actor=actor, now=now, reason="pack approved")
    audit.record(session, "approval.approve", actor=actor, now=now, request_id=request.id,
                 target=f"approval:{approval.id}", detail={"pack_sha256": approval.pack_sha256,
                                                            "comments": approval.comments})
    return approval


def return_pack(session: Session, request: Request, *, actor: User, comments: str, now: datetime,
                settings: Settings | None = None) -> Approval:
    """Send the pending pack back to the officer with comments; the request returns to review.

    :raises NotPermitted: the actor is not a manager.
    :raises ValidationError: no comments (the officer needs to know what to change).
    :raises Conflict: the request is not awaiting approval.
    """
    require_role(actor, Role.manager)
    comments = (comments or "").strip()
    if not comments:
        raise ValidationError("say what needs to change before returning the pack")
    approval = _pending(session, request)
    approval.status = "returned"
    approval.decided_by_id = actor.id if actor.id != approval.submitted_by_id else None
    approval.decided_at = now
    approval.comments = comments
    session.flush()
    transition(session, request, RequestStatus.in_review, actor=actor, now=now,
               reason=f"pack returned: {comments}")
    audit.record(session, "approval.return", actor=actor, now=now, request_id=request.id,
                 target=f"approval:{approval.id}", detail={"comments": comments})
    _tell_staff(session, request, [session.get(User, approval.submitted_by_id)], now=now, settings=settings,
                kind="approval_returned", subject=f"{request.reference}: the response was returned to you",
                body=f"{actor.name} returned the response to {request.reference}: {comments}")
    return approval


def current_pack(session: Session, request: Request) -> ResponsePack | None:
    """The pack that matters now.

    :return: the released pack once released, else the pack of the standing (pending or approved)
        approval, else None (no pack yet, or the last one was voided or returned).
    """
    released = session.scalars(
        select(ResponsePack)
        .where(ResponsePack.request_id == request.id, ResponsePack.released_at.is_not(None))
        .order_by(ResponsePack.id.desc())
    ).first()
    if released is not None:
        return released
    approval = standing_approval(session, request)
    return approval.pack if approval is not None else None


def _requester_email(session: Session, request: Request) -> tuple[str | None, str]:
    party = request.party("requester")
    if party is not None and party.email:
        return party.email, party.name
    if request.owner_id is not None:
        owner = session.get(User, request.owner_id)
        if owner is not None:
            return owner.email, owner.name
    return None, party.name if party is not None else ""


def release(session: Session, request: Request, *, actor: User, now: datetime,
            settings: Settings) -> ReleaseResult:
    """Release the approved pack to the requester.

    Marks the request released, creates an expiring download link for the requester (their portal
    account, if any) and queues an e-mail telling them where to download it.

    :return: a :class:`ReleaseResult`. The link's token is minted by the mailer at send time.
    :raises NotPermitted: the actor is not staff.
    :raises Conflict: the request is not approved, there is no standing approval, or the stored pack
        no longer matches the approved hash; or the request lock could not be taken. The status and
        the approval are checked inside the lock (:func:`lock_request`), so a second release or a
        change that voided the approval meanwhile is seen and refused.
    """
    require_staff(actor)
    lock_request(session, request)
    if request.status != RequestStatus.approved:
        raise Conflict(f"request {request.reference} is {RequestStatus(request.status).title.lower()}; "
                       "only an approved pack can be released")
    approval = standing_approval(session, request)
    if approval is None or approval.status != "approved":
        raise Conflict("there is no standing approval for this request")
    entitlement.require_entitled(session, request, step="released")
    confidentiality_gate.require_clear(session, request, step="released")
    pack = approval.pack
    if pack.sha256 != approval.pack_sha256:
        raise Conflict("the pack is not the one that was approved")
    try:
        FileStore.for_settings(settings).get(pack.sha256)  # re-hashes the stored bytes
    except (OSError, FileNotFoundError) as exc:
        raise Conflict(f"the approved pack file cannot be read intact: {exc}") from None
    transition(session, request, RequestStatus.released, actor=actor, now=now,
               reason="approved pack released")
    pack.released_at = now
    expires_at = now + timedelta(hours=settings.download_link_hours)
    link = DownloadLink(pack_id=pack.id, user_id=request.owner_id, token_sha256=download_links.unusable_sha(),
                        created_at=now, expires_at=expires_at, download_count=0)
    session.add(link)
    session.flush()
    to, name = _requester_email(session, request)
    email = None
    if to:
        email = notifications.queue_email(
            session, to=to, subject=f"Your information request {request.reference}: your response is ready",
            template="pack_released", kind="pack_released", request_id=request.id, now=now, settings=settings,
            context={"reference": request.reference, "requester_name": name or "Sir or Madam",
                     "link": download_links.LINK_SLOT, "expires_at": expires_at}, download_link_id=link.id)
    # Issue 14: an agency's disclosure is noted in the register and confirmed in writing.
    disclosure_register.record_release(session, request, pack_sha256=pack.sha256, page_count=pack.page_count,
                                       actor=actor, now=now, settings=settings)
    audit.record(session, "pack.release", actor=actor, now=now, request_id=request.id,
                 target=f"pack:{pack.id}",
                 detail={"pack_sha256": pack.sha256, "link_id": link.id, "expires_at": expires_at.isoformat(),
                         "emailed": bool(email)})
    # Every release leaves a closure record (issue 13): the outcome drafted for this pack, or the default.
    closure.record_release(session, request, pack, actor=actor, now=now, settings=settings,
                           email_id=email.id if email is not None else None)
    return ReleaseResult(pack=pack, link=link, expires_at=expires_at, email=email)


def pack_filename(request: Request) -> str:
    """The download name of a request's pack, e.g. ``SAR-2026-0007-response-pack.zip``."""
    return f"{request.reference}-response-pack.zip"


def _link_for(session: Session, token: str, now: datetime) -> DownloadLink:
    link = session.scalars(select(DownloadLink).where(DownloadLink.token_sha256 == _token_sha(token))).first()
    if link is None or link.revoked_at is not None:
        raise NotFound("no such download link")
    if link.expires_at <= now:
        raise Conflict("this download link has expired; sign in to the portal or ask us for a new link")
    return link


def request_for_link(session: Session, token: str, *, now: datetime) -> Request:
    """The request a download-link token belongs to (for a ``/download/<token>`` page).

    :raises NotFound: unknown or revoked token. :raises Conflict: the link has expired.
    """
    link = _link_for(session, token or "", now)
    pack = session.get(ResponsePack, link.pack_id)
    return session.get(Request, pack.request_id)


def pack_for_download(session: Session, request: Request, *, actor: User | None, now: datetime,
                      settings: Settings, token: str | None = None) -> tuple[str, bytes]:
    """Return ``(filename, zip bytes)`` of the request's pack for ``actor``, auditing the download.

    * A requester gets only their own request's pack, and only once it is released.
    * A download link token (from the release e-mail) works until it expires; a link made for a
      portal account works only for that account, a link for a request with no account works alone.
    * Staff may download the zip only once it is approved (or released): before that the manager
      reviews the exact pack on screen (page images, schedule, letter, sha256), and nothing that
      has not passed four eyes leaves the system as a file.

    :raises NotFound: not the requester's request, unknown token, or a token for another request.
    :raises Conflict: not released yet (requester), not approved yet (staff), or an expired link.
    """
    link = None
    if token:
        link = _link_for(session, token, now)
        if link.user_id is not None and (actor is None or actor.id != link.user_id):
            raise NotFound("no such download link")
        pack = session.get(ResponsePack, link.pack_id)
        if pack is None or pack.request_id != request.id:
            raise NotFound("no such download link")
    elif actor is not None and actor.is_staff:
        pack = current_pack(session, request)
        if pack is None:
            raise Conflict("no response pack has been built for approval yet")
        approval = standing_approval(session, request)
        approved = approval is not None and approval.status == "approved" and approval.pack_id == pack.id
        if not (approved or pack.released_at is not None):
            raise Conflict("the response pack can be downloaded only once a manager has approved it")
    else:
        require_view(actor, request)
        pack = current_pack(session, request)
        if pack is None or pack.released_at is None:
            raise Conflict("your response has not been released yet")
    data = FileStore.for_settings(settings).get(pack.sha256)
    if link is not None:
        link.download_count = (link.download_count or 0) + 1
    audit.record(session, "pack.download", actor=actor, now=now, request_id=request.id,
                 target=f"pack:{pack.id}",
                 detail={"pack_sha256": pack.sha256, "via_link": link.id if link is not None else None})
    return pack_filename(request), data
