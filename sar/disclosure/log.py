"""Publishing released FOI/EIR responses to the public disclosure log.

1. An officer prepares an entry from a released FOI/EIR request: the request text and the response
   text are re-scanned for personal data (``redaction.public_text``): the names of the request's
   parties are always replaced, anything else the analyzer finds about a person too; the council's
   name is kept, and its officers' names only when ``disclosure_keep_officer_names`` is set.
2. A manager who did not prepare it reviews and publishes it (four eyes, as for response packs);
   publishing checks again that no party's name is left.
3. A manager or admin may withdraw it, with a reason; the row stays, so the record is never lost.

Public reads are not audited (they are of public information, and the public page is unauthenticated);
every staff change is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from deadlines.rules import EIR_REGIMES, FOI_REGIMES
from redaction.public_text import ScanResult, leaks
from sar.core import audit
from sar.core.errors import Conflict, NotFound, ValidationError
from sar.core.permissions import require_role, require_staff
from sar.core.settings import Settings
from sar.models import DisclosureEntry, Party, Request, Role, StaffMember, User

#: Only FOIA and EIR responses are published: they are disclosures to the world (rulebook §5);
#: personal-data requests never are.
DISCLOSABLE_REGIMES = FOI_REGIMES + EIR_REGIMES
TITLE_MAX = 200
#: Longest response text accepted (about 60 pages of plain text); a longer one belongs in a document.
RESPONSE_MAX = 200_000
PER_PAGE_MAX = 100

#: ``scanner(text, private_names=..., keep_names=...) -> ScanResult``: ``redaction.public_text.scan``
#: with an analyzer bound (the web app and CLI build it once; it loads a spaCy model).
Scanner = Callable[..., ScanResult]


def _private_names(session: Session, request: Request) -> list[str]:
    names: list[str] = []
    for party in session.scalars(select(Party).where(Party.request_id == request.id)):
        names.append(party.name)
        names += [a for a in (party.aliases or []) if isinstance(a, str)]
    return [n for n in names if n and n.strip()]


def _keep_names(session: Session, settings: Settings) -> list[str]:
    keep = [settings.council_name]
    if settings.disclosure_keep_officer_names:
        keep += list(session.scalars(select(User.name).where(User.role.in_([Role.officer, Role.manager]))))
        keep += list(session.scalars(select(StaffMember.name)))
    return keep


def prepare_entry(session: Session, request: Request, *, title: str, response_text: str, actor: User, now: datetime,
                  settings: Settings, scanner: Scanner) -> DisclosureEntry:
    """Prepare a draft entry for ``request`` with the PII re-scan applied. Staff only.

    :raises ValidationError: not an FOI/EIR request, not released, empty or over-long title or response.
    :raises Conflict: the request is already published (withdraw it first).
    """
    require_staff(actor)
    if request.regime not in DISCLOSABLE_REGIMES:
        raise ValidationError("only FOI and EIR responses go on the disclosure log")
    if request.released_at is None:
        raise ValidationError("publish a response only after it has been released to the requester")
    title = " ".join((title or "").split())
    if not title or len(title) > TITLE_MAX:
        raise ValidationError(f"give a title of 1 to {TITLE_MAX} characters")
    if not (response_text or "").strip() or len(response_text) > RESPONSE_MAX:
        raise ValidationError(f"give the response text (at most {RESPONSE_MAX:,} characters)")
    live = session.scalar(select(DisclosureEntry.id).where(DisclosureEntry.request_id == request.id,
                                                           DisclosureEntry.status == "published"))
    if live:
        raise Conflict(f"{request.reference} is already on the disclosure log; withdraw that entry first")
    private, keep = _private_names(session, request), _keep_names(session, settings)
    scanned_request = scanner(request.description, private_names=private, keep_names=keep)
    scanned_response = scanner(response_text, private_names=private, keep_names=keep)
    scanned_title = scanner(title, private_names=private, keep_names=keep)
    removed = ([{"field": "title", "entity": r.entity, "start": r.start, "end": r.end} for r in scanned_title.removed]
               + [{"field": "request", "entity": r.entity, "start": r.start, "end": r.end}
                  for r in scanned_request.removed]
               + [{"field": "response", "entity": r.entity, "start": r.start, "end": r.end}
                  for r in scanned_response.removed])
    entry = DisclosureEntry(request_id=request.id, reference=request.reference, regime=request.regime,
                            title=scanned_title.text[:TITLE_MAX], request_text=scanned_request.text,
                            response_text=scanned_response.text, removed=removed, status="draft",
                            prepared_by_id=actor.id, prepared_at=now)
    session.add(entry)
    session.flush()
    audit.record(session, "disclosure.prepare", actor=actor, now=now, request_id=request.id,
                 target=f"disclosure:{entry.id}", detail={"removed": len(removed)})
    return entry


def publish_entry(session: Session, entry: DisclosureEntry, *, actor: User, now: datetime) -> DisclosureEntry:
    """A manager who did not prepare ``entry`` publishes it, after a last check for parties' names.

    :raises NotPermitted: not a manager. :raises Conflict: own entry, not a draft, or a name remains.
    """
    require_role(actor, Role.manager)
    if entry.status != "draft":
        raise Conflict(f"this entry is {entry.status}; only a draft can be published")
    if entry.prepared_by_id == actor.id:
        raise Conflict("a different manager must approve an entry you prepared (four eyes)")
    request = session.get(Request, entry.request_id)
    left = leaks(" ".join((entry.title, entry.request_text, entry.response_text)), _private_names(session, request))
    if left:
        raise Conflict("a party's name is still in the text; prepare the entry again")
    entry.status, entry.approved_by_id, entry.published_at = "published", actor.id, now
    session.flush()
    audit.record(session, "disclosure.publish", actor=actor, now=now, request_id=entry.request_id,
                 target=f"disclosure:{entry.id}")
    return entry


def withdraw_entry(session: Session, entry: DisclosureEntry, reason: str, *, actor: User,
                   now: datetime) -> DisclosureEntry:
    """Take ``entry`` off the public log (the row is kept). Managers and admins; a reason is required."""
    require_role(actor, Role.manager, Role.admin)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("say why the entry is withdrawn")
    if entry.status == "withdrawn":
        raise Conflict("this entry was already withdrawn")
    entry.status, entry.withdrawn_by_id, entry.withdrawn_at, entry.withdraw_reason = "withdrawn", actor.id, now, reason
    session.flush()
    audit.record(session, "disclosure.withdraw", actor=actor, now=now, request_id=entry.request_id,
                 target=f"disclosure:{entry.id}", detail={"reason": reason})
    return entry


def staff_entries(session: Session, *, actor: User) -> list[DisclosureEntry]:
    """Every entry, newest first, for the staff page. Staff only."""
    require_staff(actor)
    return list(session.scalars(select(DisclosureEntry).order_by(DisclosureEntry.id.desc()).limit(500)))


@dataclass(frozen=True)
class PublicPage:
    """One page of the public log."""

    entries: list[DisclosureEntry]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """How many pages the search has (at least one)."""
        return max(1, -(-self.total // self.per_page))


def public_entries(session: Session, *, query: str | None = None, page: int = 1, per_page: int = 20) -> PublicPage:
    """Published entries, newest first, optionally matching ``query`` (every word, in title or texts)."""
    page, per_page = max(1, page), min(max(1, per_page), PER_PAGE_MAX)
    stmt = select(DisclosureEntry).where(DisclosureEntry.status == "published")
    for word in (query or "").split()[:10]:
        like = f"%{word.lower().replace('%', '').replace('_', '')}%"
        stmt = stmt.where(or_(func.lower(DisclosureEntry.title).like(like),
                              func.lower(DisclosureEntry.request_text).like(like),
                              func.lower(DisclosureEntry.response_text).like(like),
                              func.lower(DisclosureEntry.reference).like(like)))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(DisclosureEntry.published_at.desc(), DisclosureEntry.id.desc())
                           .offset((page - 1) * per_page).limit(per_page))
    return PublicPage(list(rows), total, page, per_page)


def public_entry(session: Session, entry_id: int) -> DisclosureEntry:
    """One published entry. :raises NotFound: no such entry, or not (or no longer) published."""
    entry = session.get(DisclosureEntry, entry_id)
    if entry is None or entry.status != "published":
        raise NotFound("no such entry on the disclosure log")
    return entry
