"""The search on record (issue 17, rulebook G-6): logged per request, validated, audited, summarised in letters."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sar.core.errors import NotPermitted, ValidationError
from sar.models import AuditEvent
from sar.release import packs
from sar.searching import searches
from tests.sar._docs import add_pdf, make_team, sar_request
from tests.sar.test_packs import _text


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def req(session, settings, now, team):
    return sar_request(session, settings, team, now)


def test_a_search_is_logged_with_where_what_when_by_whom_and_the_result(session, now, team, req):
    row = searches.record_search(session, req, place="email", place_detail="duty team mailbox",
                                 terms="Brandon; B. Wells", date_from="2024-01-01", date_to="2025-12-31",
                                 result="found", found_count=12, actor=team.officer, now=now)
    assert (row.searched_on, row.searched_by_id, row.found_count) == (date(2026, 3, 2), team.officer.id, 12)
    none = searches.record_search(session, req, place="paper_files", result="none_found", actor=team.officer,
                                  now=now, searched_by_id=team.manager.id, searched_on=date(2026, 2, 27))
    assert none.found_count == 0 and none.searched_by_id == team.manager.id
    assert [s.id for s in searches.list_searches(session, req, actor=team.manager)] == [none.id, row.id]
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.request_id == req.id)).all()
    assert actions.count("search.record") == 2


@pytest.mark.parametrize("kwargs,error", [
    ({"place": "attic"}, "unknown place"),
    ({"result": "maybe"}, "result must be"),
    ({"result": "found"}, "say how many records were found"),
    ({"result": "found", "found_count": 0}, "say how many"),
    ({"result": "none_found", "found_count": 3}, "count of 0"),
    ({"date_from": "2025-06-01", "date_to": "2025-01-01"}, "starts after it ends"),
    ({"searched_on": "2026-03-03"}, "cannot be in the future"),
    ({"date_from": "yesterday"}, "must be a date"),
    ({"place": "other"}, "say which other place"),
])
def test_a_search_entry_that_does_not_add_up_is_refused(session, now, team, req, kwargs, error):
    args = {"place": "case_management", "result": "none_found"} | kwargs
    with pytest.raises(ValidationError, match=error):
        searches.record_search(session, req, actor=team.officer, now=now, **args)


def test_only_staff_log_searches_and_only_staff_search(session, now, team, req):
    with pytest.raises(NotPermitted):
        searches.record_search(session, req, place="email", result="none_found", actor=team.requester, now=now)
    with pytest.raises(ValidationError, match="member of staff"):
        searches.record_search(session, req, place="email", result="none_found", actor=team.officer, now=now,
                               searched_by_id=team.requester.id)


def test_the_sar_letter_names_the_kinds_of_places_searched_but_never_terms_or_people(session, settings, now,
                                                                                     team, req):
    add_pdf(session, req, team, now, settings, "A case note.")
    searches.record_search(session, req, place="case_management", terms="SecretTermXYZ", result="found",
                           found_count=1, actor=team.officer, now=now, place_detail="Team Alpha system")
    searches.record_search(session, req, place="paper_files", result="none_found", actor=team.officer, now=now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    letter = _text(packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-cover-letter.pdf"])
    assert "We searched the case management system and paper files." in letter
    assert "SecretTermXYZ" not in letter and "Team Alpha" not in letter


def test_without_a_search_log_the_letter_adds_no_search_sentence(session, settings, now, team, req):
    add_pdf(session, req, team, now, settings, "A case note.")
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    letter = _text(packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-cover-letter.pdf"])
    assert "We searched" not in letter
