"""Shared builders for the document, redaction, pack and approval tests (real PDFs, real database)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from redaction.pdf_compose import text_pdf
from redaction.text import boxes_for_span
from sar.bundle import documents
from sar.core.settings import Settings
from sar.models import BundleItem, Redaction, Request, User
from tests.factories import make_request, make_user

THIRD_PARTY = "Charlie Fletcher"
PHONE = "07585 830901"

PAGE_ONE = (
    "Home visit record\n"
    "Child: Brandon Wells, born 11/03/2005.\n"
    f"During the visit mother's partner {THIRD_PARTY} was present.\n"
    f"{THIRD_PARTY} can be reached on {PHONE}.\n"
    "Social worker: Terence Tyler.\n"
)
PAGE_TWO = (
    "Case notes continued\n"
    f"Brandon said that {THIRD_PARTY} shouts at night.\n"
    "Plan: review in four weeks.\n"
)
PAGE_THREE = "Copy of the referral form (duplicate).\nNothing new here.\n"


def pdf_bytes(*pages: str, title: str | None = None) -> bytes:
    """A real text PDF with one page per argument."""
    return text_pdf(list(pages) or ["blank page"], title=title)


@dataclass
class Team:
    officer: User
    manager: User
    manager2: User
    admin: User
    requester: User


def make_team(session: Session) -> Team:
    """An officer (with a job title), two managers, an admin and a requester."""
    officer = make_user(session, "officer")
    officer.job_title = "Information Rights Officer"
    return Team(officer=officer, manager=make_user(session, "manager"), manager2=make_user(session,
                                                                                           "manager"),
                admin=make_user(session, "admin"), requester=make_user(session, "requester"))


def sar_request(session: Session, settings: Settings, team: Team, now: datetime, *, owner: bool = True,
                regime: str = "sar") -> Request:
    """A SAR owned by the team's requester (opened by the officer), moved to in_progress."""
    from sar.workflow.transitions import transition

    req = make_request(session, settings, actor=team.officer, owner=team.requester if owner else None,
                       subject_name="Brandon Wells", regime=regime, now=now,
                       requester_name="Brandon Wells", requester_email="brandon@example.org")
    transition(session, req, "in_progress", actor=team.officer, reason="id checked", now=now)
    return req


def add_pdf(session: Session, req: Request, team: Team, now: datetime, settings: Settings, *pages: str,
            filename: str = "visit.pdf", actor: User | None = None, title: str | None = None) -> BundleItem:
    return documents.add_document(session, req, pdf_bytes(*pages), filename, actor=actor or team.officer,
                                  now=now, settings=settings, title=title)


def propose(session: Session, settings: Settings, item: BundleItem, text: str, *,
            code: str = "SCH2-P16-THIRD-PARTY", now: datetime) -> list[Redaction]:
    """Store engine-style proposals for every occurrence of ``text`` (what the engine would do)."""
    out = []
    for page in documents.extracted_text(settings, item).pages:
        for m in re.finditer(re.escape(text), page.text):
            boxes = [list(b.as_tuple()) for b in boxes_for_span(page, m.start(), m.end())]
            red = Redaction(bundle_item_id=item.id, page=page.page_index, start=m.start(), end=m.end(),
                            boxes=boxes,
                            text=m.group(0), entity_type="PERSON", code=code, reason="third party",
                            source="engine", recognizer="test", score=0.9, status="proposed", created_at=now)
            session.add(red)
            out.append(red)
    session.flush()
    return out
