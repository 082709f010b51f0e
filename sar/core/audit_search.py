"""Reading the audit log: filtered pages for the audit viewer and CSV exports (managers and admins only).

Reading the audit log is itself a read of personal data (it names requesters and staff), so every
search and every export is recorded in the chain it reads (``audit.search``, ``audit.export``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from redaction.anonymise import quote
from sar.core import audit
from sar.core.db import LONDON
from sar.core.errors import ValidationError
from sar.core.permissions import require_role
from sar.models import AuditEvent, Request, Role, User

#: Who may read the audit log (the DPO's managers and the system administrators).
AUDIT_READERS = (Role.manager, Role.admin)
#: Most rows one CSV export returns (narrow the filters for more).
MAX_EXPORT_ROWS = 100_000
MAX_PER_PAGE = 200
CSV_COLUMNS = ("seq", "at_utc", "actor", "action", "request", "target", "client_ip", "user_agent", "detail",
               "key_id")


#: Audit actions whose detail quotes withheld text under ``"text"`` (the exemption under ``"code"``).
QUOTES_WITHHELD = frozenset({"redaction.entity"})


def exported_detail(action: str, detail: Mapping | None) -> Mapping | None:
    """An event's detail as exports (the CSV and ``GET /api/audit``) show it.

    "Redact every occurrence of <text>" records the text itself, and the chain keeps it so the
    record stays verifiable. An export leaves the system and its readers (managers, admins, their
    tooling) need to know that and when something was redacted, not what: the quoted text is
    replaced by presidio-anonymizer (``redaction.anonymise``) with ``[redacted: <code>]``.
    """
    if action not in QUOTES_WITHHELD or not isinstance(detail, Mapping) or not detail.get("text"):
        return detail
    return {**detail, "text": quote(str(detail["text"]), detail.get("code"), "replace")}


@dataclass(frozen=True)
class AuditFilter:
    """What to look for; every field optional. Dates are London calendar days, inclusive."""

    person: str = ""
    request: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def as_dict(self) -> dict[str, str]:
        """The filters that are set, as strings (recorded with each search)."""
        out = {"person": self.person, "request": self.request, "action": self.action,
               "from": self.date_from.isoformat() if self.date_from else "",
               "to": self.date_to.isoformat() if self.date_to else ""}
        return {k: v for k, v in out.items() if v}


def _date(args: Mapping[str, str], name: str) -> date | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(f"'{name}' must be a date as YYYY-MM-DD, got {raw[:20]!r}") from None


def parse_filter(args: Mapping[str, str]) -> AuditFilter:
    """Filters from query-string arguments ``person``, ``request``, ``action``, ``from``, ``to``.

    :raises ValidationError: a date is malformed, ``from`` is after ``to``, or a value is too long.
    """
    values = {name: (args.get(name) or "").strip() for name in ("person", "request", "action")}
    for name, value in values.items():
        if len(value) > 200:
            raise ValidationError(f"'{name}' is too long (at most 200 characters)")
    found = AuditFilter(date_from=_date(args, "from"), date_to=_date(args, "to"), **values)
    if found.date_from and found.date_to and found.date_from > found.date_to:
        raise ValidationError("'from' is after 'to'")
    return found


def _london_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LONDON)


def _query(filters: AuditFilter) -> Select:
    stmt = select(AuditEvent, Request.reference).outerjoin(Request, Request.id == AuditEvent.request_id)
    if filters.person:
        like = f"%{filters.person.lower()}%"
        stmt = stmt.outerjoin(User, User.id == AuditEvent.actor_id).where(
            func.lower(AuditEvent.actor_label).like(like) | func.lower(func.coalesce(User.name, "")).like(like))
    if filters.request:
        stmt = stmt.where(func.upper(Request.reference) == filters.request.upper())
    if filters.action:
        stmt = stmt.where((AuditEvent.action == filters.action) | AuditEvent.action.like(f"{filters.action}.%"))
    if filters.date_from:
        stmt = stmt.where(AuditEvent.at >= _london_midnight_utc(filters.date_from))
    if filters.date_to:
        stmt = stmt.where(AuditEvent.at < _london_midnight_utc(filters.date_to + timedelta(days=1)))
    return stmt


@dataclass(frozen=True)
class AuditRow:
    """One event as the viewer shows it."""

    event: AuditEvent
    reference: str | None


@dataclass(frozen=True)
class AuditPage:
    """One page of matching events, newest first."""

    rows: list[AuditRow]
    total: int
    page: int
    per_page: int


def search(session: Session, filters: AuditFilter, *, actor: User, now: datetime, page: int = 1,
           per_page: int = 50) -> AuditPage:
    """One page of the events matching ``filters``, newest first; the search itself is audited.

    :raises NotPermitted: ``actor`` is not a manager or admin.
    """
    require_role(actor, *AUDIT_READERS)
    page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
    stmt = _query(filters)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = [AuditRow(event, ref) for event, ref in
            session.execute(stmt.order_by(AuditEvent.seq.desc()).offset((page - 1) * per_page).limit(per_page))]
    audit.record(session, "audit.search", actor=actor, now=now,
                 detail={"filters": filters.as_dict(), "page": page, "matches": total})
    return AuditPage(rows, total, page, per_page)


def export_csv(session: Session, filters: AuditFilter, *, actor: User, now: datetime) -> str:
    """The events matching ``filters`` as CSV (oldest first, at most :data:`MAX_EXPORT_ROWS`); audited.

    Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.

    :raises NotPermitted: ``actor`` is not a manager or admin.
    :raises ValidationError: more rows match than one export may hold.
    """
    require_role(actor, *AUDIT_READERS)
    stmt = _query(filters)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    if total > MAX_EXPORT_ROWS:
        raise ValidationError(f"{total} events match; narrow the filters to at most {MAX_EXPORT_ROWS} per export")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event, ref in session.execute(stmt.order_by(AuditEvent.seq)):
        writer.writerow([_cell(v) for v in (
            event.seq, event.at.isoformat(timespec="seconds"), event.actor_label, event.action, ref or "",
            event.target, event.client_ip, event.user_agent,
            json.dumps(exported_detail(event.action, event.detail), sort_keys=True, ensure_ascii=False),
            event.key_id or "legacy")])
    audit.record(session, "audit.export", actor=actor, now=now,
                 detail={"filters": filters.as_dict(), "rows": total})
    return out.getvalue()


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
