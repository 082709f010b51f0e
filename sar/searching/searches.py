"""The search on record (issue 17; rulebook G-6, Art 15(1A) "reasonable and proportionate search").

Each search of a system or place for a request's records is logged: where, with which terms and
date range, by whom, on which day, and with what result. The log is the accountability evidence
behind the letters' "reasonable and proportionate search"; it belongs to the internal file
(rulebook §5.1 item 6), so a letter only ever gets :func:`letter_summary`, which names the kinds of
places searched and never the terms, the people or the counts. Entries are append-only: a mistake
is corrected by a new entry that says so in its notes (nothing is ever lost).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sar.core import audit
from sar.core.dates import long_date, long_date_cy
from sar.core.db import LONDON
from sar.core.errors import ValidationError
from sar.core.permissions import require_staff
from sar.core.plain_text import one_line
from sar.models import STAFF_ROLES, SearchRecord, User
from sar.models import Request as RequestRow
from sar.workflow.status import FINISHED_STATUSES

#: Where records are searched for, and how a letter names each (rulebook G-6: systems and custodians).
PLACES: dict[str, str] = {
    "case_management": "the case management system",
    "email": "e-mail accounts",
    "shared_drive": "shared drives and document stores",
    "paper_files": "paper files",
    "other_team": "other teams and services",
    "other": "other records",
}
#: The same places in Welsh, for Welsh letters (issue 16; to be checked by a Welsh speaker).
PLACES_CY: dict[str, str] = {
    "case_management": "y system rheoli achosion",
    "email": "cyfrifon e-bost",
    "shared_drive": "gyriannau a rennir a storfeydd dogfennau",
    "paper_files": "ffeiliau papur",
    "other_team": "timau a gwasanaethau eraill",
    "other": "cofnodion eraill",
}
RESULTS = ("found", "none_found")
MAX_DETAIL = 200
MAX_TEXT = 5000


def _day(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"{what} must be a date (YYYY-MM-DD)") from None


def record_search(session: Session, request: RequestRow, *, place: str, result: str, actor: User, now: datetime,
                  place_detail: str = "", terms: str = "", date_from: Any = None, date_to: Any = None,
                  searched_on: Any = None, searched_by_id: int | None = None, found_count: int | None = None,
                  notes: str = "") -> SearchRecord:
    """Log one search for ``request``'s records; audited. Flushes, never commits.

    :param place: a key of :data:`PLACES`. :param result: ``found`` or ``none_found``.
    :param found_count: how many records were found (required, >= 1, when ``found``; 0 or None
        when ``none_found``).
    :param searched_on: the day of the search (default: today in London); never in the future.
    :param searched_by_id: who searched (default: the actor), a staff member's user id.
    :raises ValidationError: unknown place or result, a count that contradicts the result, dates
        the wrong way round or in the future, text too long.
    :raises NotPermitted: the actor is not staff.

    A finished request can still have its search documented: the log is evidence of what was done.
    """
    require_staff(actor)
    searcher = actor if searched_by_id in (None, actor.id) else session.get(User, searched_by_id)
    if searcher is None or searcher.role not in STAFF_ROLES:
        raise ValidationError("the person who searched must be a member of staff")
    if place not in PLACES:
        raise ValidationError(f"unknown place {place!r}; choose one of {', '.join(PLACES)}")
    if result not in RESULTS:
        raise ValidationError("result must be 'found' or 'none_found'")
    if result == "found":
        if not isinstance(found_count, int) or isinstance(found_count, bool) or found_count < 1:
            raise ValidationError("say how many records were found (a whole number, at least 1)")
    else:
        if found_count not in (None, 0):
            raise ValidationError("a search that found nothing has a count of 0")
        found_count = 0
    today = now.astimezone(LONDON).date()
    day = _day(searched_on, "the search date") or today
    start, end = _day(date_from, "the start of the date range"), _day(date_to, "the end of the date range")
    if day > today:
        raise ValidationError("the search date cannot be in the future")
    if start and end and start > end:
        raise ValidationError("the date range starts after it ends")
    detail = one_line(place_detail or "").strip()
    if len(detail) > MAX_DETAIL:
        raise ValidationError(f"the place can be described in at most {MAX_DETAIL} characters")
    if place == "other" and not detail:
        raise ValidationError("say which other place was searched")
    terms, notes = (terms or "").strip(), (notes or "").strip()
    if len(terms) > MAX_TEXT or len(notes) > MAX_TEXT:
        raise ValidationError(f"search terms and notes can be at most {MAX_TEXT} characters each")
    row = SearchRecord(request_id=request.id, place=place, place_detail=detail, terms=terms, date_from=start,
                       date_to=end, searched_on=day, searched_by_id=searcher.id, result=result,
                       found_count=found_count, notes=notes, recorded_by_id=actor.id, recorded_at=now)
    session.add(row)
    session.flush()
    audit.record(session, "search.record", actor=actor, now=now, request_id=request.id, target=f"search:{row.id}",
                 detail={"place": place, "result": result, "found": found_count,
                         "late": request.status in FINISHED_STATUSES})
    return row


def list_searches(session: Session, request: RequestRow, *, actor: User) -> list[SearchRecord]:
    """The request's search log, oldest first (staff only)."""
    require_staff(actor)
    return search_records(session, request)


def search_records(session: Session, request: RequestRow) -> list[SearchRecord]:
    """The request's search log, oldest first, for the letters (no permission check: internal use)."""
    return list(session.scalars(select(SearchRecord).where(SearchRecord.request_id == request.id)
                                .order_by(SearchRecord.searched_on, SearchRecord.id)))


def letter_summary(searches: list[SearchRecord]) -> str:
    """One sentence for a letter naming the kinds of places searched; empty when nothing was logged.

    For example "We searched the case management system, e-mail accounts and paper files."

    Never the terms, the people, the teams' names or the counts: those stay in the internal file.
    """
    kinds = [PLACES[p] for p in PLACES if any(s.place == p for s in searches)]
    if not kinds:
        return ""
    listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return f"We searched {listed}."


def letter_lines(searches: list[SearchRecord], *, with_terms: bool, language: str = "en") -> list[str]:
    """One plain sentence per logged search for the SAR and "not held" letters (issue 17, rulebook G-6).

    Each names the kind of place, the search terms (``with_terms``), the date range and the result, e.g.
    ``The case management system, for "school transport contracts", records dated 1 January 2020 to
    1 March 2026: we found 12 records.`` These are what the requester needs to judge whether the search
    was reasonable (the ICO expects a "not held" answer to explain the searches).

    ``with_terms`` is for FOI and EIR letters only: a SAR's terms are the names of the child and the
    people around them, and a SAR letter can go to a parent, so they stay in the internal file with
    the free-text place detail, the notes and who searched. ``language="cy"`` gives the Welsh wording.
    """
    out = []
    welsh = language == "cy"
    for row in searches:
        place = (PLACES_CY if welsh else PLACES)[row.place]
        parts = [place[0].upper() + place[1:]]
        terms = one_line(row.terms or "").strip() if with_terms else ""
        if terms:
            parts.append(f'{"am" if welsh else "for"} "{terms}"')
        if row.date_from or row.date_to:
            day = long_date_cy if welsh else long_date
            start = day(row.date_from) if row.date_from else ("y cofnodion cynharaf" if welsh else
                                                               "the earliest records")
            end = day(row.date_to) if row.date_to else ("y diweddaraf" if welsh else "the latest")
            parts.append(f"cofnodion dyddiedig {start} i {end}" if welsh else f"records dated {start} to {end}")
        if welsh:
            found = (f"daethom o hyd i {row.found_count} cofnod" if row.result == "found"
                     else "ni ddaethom o hyd i ddim")
        else:
            found = (f"we found {row.found_count} record{'s' if row.found_count != 1 else ''}"
                     if row.result == "found" else "we found nothing")
        out.append(f"{', '.join(parts)}: {found}.")
    return out


def search_out(row: SearchRecord) -> dict[str, Any]:
    """A JSON-ready view of one entry (staff only)."""
    return {"id": row.id, "place": row.place, "place_detail": row.place_detail, "terms": row.terms,
            "date_from": row.date_from.isoformat() if row.date_from else None,
            "date_to": row.date_to.isoformat() if row.date_to else None,
            "searched_on": row.searched_on.isoformat(), "searched_by_id": row.searched_by_id,
            "result": row.result, "found_count": row.found_count, "notes": row.notes,
            "recorded_at": row.recorded_at.isoformat()}
