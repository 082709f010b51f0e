"""A small hand-built quarter (Q1 2026) whose report figures are worked out by hand in the tests.

FOI (20 working days, F-1; 40 with the s.10(3) extension, F-3), SAR (one month, G-1; ID request
moves the relevant time to the ID receipt date, G-2). Dates chosen clear of bank holidays.

  A  foi  rec Mon 5 Jan  due Mon 2 Feb   released Fri 30 Jan   on time, 25 days     officer 1  full
  B  foi  rec Mon 5 Jan  extended 20 Jan, due Mon 2 Mar, released Mon 2 Mar   on time, 56 days  officer 1  part
  C  foi  rec Mon 5 Jan  due Mon 2 Feb   refused Mon 9 Feb     7 days late, 35 days officer 1  refused
  D  sar  rec Mon 5 Jan  ID asked 6 Jan, ID received 10 Jan: due Tue 10 Feb, released Thu 12 Feb
          2 days late, 38 days, one stop of 4 days                                  officer 2  part
  E  sar  rec Mon 2 Mar  open (in progress) on 1 Apr, age 30, due 2 Apr: not overdue officer 2
  F  foi  rec Mon 2 Feb  open on 1 Apr, age 58, due 2 Mar: overdue                   officer 1
  G  foi  rec Wed 10 Dec 2025, withdrawn Thu 15 Jan 2026 (closed in the quarter, not received in it)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sar.confidentiality import access
from sar.intake import clock
from sar.intake import requests as req_uc
from sar.models import BundleItem, Document, PageMark, Redaction, RedactionDecision, Request, User
from sar.reports import closure
from sar.workflow.transitions import transition
from tests.factories import make_request, make_user

TEAM_1 = "Information Rights"
TEAM_2 = "Childrens Records"
NOW = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)
RELEASE_PATH = ("in_progress", "in_review", "awaiting_approval", "approved", "released")


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


@dataclass
class Quarter:
    manager: User
    officer1: User
    officer2: User
    requests: dict[str, Request]


def _walk(session, req, path, when, actor):
    for status in path:
        transition(session, req, status, actor=actor, reason="test", now=when)


def _open(session, settings, regime, received, officer, manager):
    req = make_request(session, settings, actor=manager, regime=regime, received_at=at(received, 9),
                       now=at(received, 9))
    req_uc.assign(session, req, officer, actor=manager, now=at(received, 9))
    return req


def _redactions(session, req, officer):
    """B's bundle: two accepted FOIA-S40-2 redactions on pages 0 and 1, one proposed and one superseded
    (neither counts), and page 2 withheld under FOIA-S43-2."""
    doc = Document(sha256="b" * 64, size_bytes=10, page_count=3, created_at=at(date(2026, 1, 10)))
    session.add(doc)
    session.flush()
    item = BundleItem(request_id=req.id, document_id=doc.id, filename="b.pdf", position=1,
                      uploaded_at=at(date(2026, 1, 10)))
    session.add(item)
    session.flush()
    rows = [("accepted", 0, None), ("accepted", 1, None), ("proposed", 1, None),
            ("accepted", 1, at(date(2026, 1, 12)))]
    for status, page, superseded in rows:
        red = Redaction(bundle_item_id=item.id, page=page, boxes=[[0, 0, 1, 1]], entity_type="PERSON",
                        code="FOIA-S40-2", status=status, created_at=at(date(2026, 1, 11)), superseded_at=superseded)
        session.add(red)
        session.flush()
        if status == "accepted" and superseded is None:
            session.add(RedactionDecision(redaction_id=red.id, status="accepted", code="FOIA-S40-2",
                                          actor_id=officer.id, at=at(date(2026, 1, 15))))
    session.add(PageMark(bundle_item_id=item.id, page=2, mark="withheld", code="FOIA-S43-2",
                         decided_by_id=officer.id, decided_at=at(date(2026, 1, 16))))
    session.flush()


def build(session, settings) -> Quarter:
    manager = make_user(session, "manager")
    o1 = make_user(session, "officer", name="Officer One")
    o2 = make_user(session, "officer", name="Officer Two")
    access.join_team(session, o1, TEAM_1, actor=manager, now=at(date(2025, 12, 1)))
    access.join_team(session, o2, TEAM_2, actor=manager, now=at(date(2025, 12, 1)))
    jan5 = date(2026, 1, 5)
    r = {}
    r["A"] = _open(session, settings, "foi", jan5, o1, manager)
    _walk(session, r["A"], RELEASE_PATH, at(date(2026, 1, 30)), o1)
    r["B"] = _open(session, settings, "foi", jan5, o1, manager)
    clock.record_clock_event(session, r["B"], "extended", date(2026, 1, 20), actor=o1, reason="PIT",
                             now=at(date(2026, 1, 20)), settings=settings)
    _redactions(session, r["B"], o1)
    _walk(session, r["B"], RELEASE_PATH, at(date(2026, 3, 2)), o1)
    r["C"] = _open(session, settings, "foi", jan5, o1, manager)
    _walk(session, r["C"], ("in_progress", "refused"), at(date(2026, 2, 9)), o1)
    r["D"] = _open(session, settings, "sar", jan5, o2, manager)
    clock.record_clock_event(session, r["D"], "id_requested", date(2026, 1, 6), actor=o2, reason="ID",
                             now=at(date(2026, 1, 6)), settings=settings)
    clock.record_clock_event(session, r["D"], "id_received", date(2026, 1, 10), actor=o2, reason="ID",
                             now=at(date(2026, 1, 10)), settings=settings)
    _walk(session, r["D"], RELEASE_PATH[1:], at(date(2026, 2, 12)), o2)
    r["E"] = _open(session, settings, "sar", date(2026, 3, 2), o2, manager)
    _walk(session, r["E"], ("in_progress",), at(date(2026, 3, 3)), o2)
    r["F"] = _open(session, settings, "foi", date(2026, 2, 2), o1, manager)
    r["G"] = _open(session, settings, "foi", date(2025, 12, 10), o1, manager)
    _walk(session, r["G"], ("withdrawn",), at(date(2026, 1, 15)), o1)
    for key, outcome, codes in (("A", "full", ()), ("B", "part", ()), ("C", "refused", ("FOIA-S12",)),
                                ("D", "part", ()), ("G", "withdrawn", ())):
        closure.record_closure(session, r[key], outcome, codes=codes, actor=manager, now=at(date(2026, 3, 20)))
    return Quarter(manager, o1, o2, r)
