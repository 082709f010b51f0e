"""Calls for records (issue 17): asking another team, chasing it after the internal date, and its answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sar.core.errors import ValidationError
from sar.intake import record_calls
from sar.models import OutboxEmail
from sar.searching import searches
from tests.sar._docs import make_team, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def req(session, settings, now, team):
    return sar_request(session, settings, team, now)


def _call(session, req, staff, now, settings, **kw):
    args = {"team": "Fostering team", "what": "Placement records 2019-2021", "due_on": date(2026, 3, 9),
            "contact_email": "fostering@council.example"} | kw
    return record_calls.create_call(session, req, actor=staff.officer, now=now, settings=settings, **args)


def _mail(session):
    return session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "record_call")).all()


def test_a_call_is_emailed_to_the_team_and_listed(session, settings, now, team, req):
    call = _call(session, req, team, now, settings)
    [mail] = _mail(session)
    assert mail.to_addr == "fostering@council.example" and req.reference in mail.subject
    assert "Placement records 2019-2021" in mail.body_text
    assert [c.id for c in record_calls.list_calls(session, req, actor=team.officer)] == [call.id]


@pytest.mark.parametrize("kw,error", [
    ({"team": ""}, "name the team"),
    ({"what": ""}, "which records"),
    ({"due_on": date(2026, 3, 1)}, "in the past"),
    ({"due_on": date(2027, 1, 1)}, "before the response is due"),
])
def test_a_call_that_cannot_work_is_refused(session, settings, now, team, req, kw, error):
    with pytest.raises(ValidationError, match=error):
        _call(session, req, team, now, settings, **kw)


def test_the_worker_chases_an_overdue_call_once_a_day_until_it_is_answered(session, settings, now, team, req):
    call = _call(session, req, team, now, settings)
    assert record_calls.chase_record_calls(session, settings=settings, now=now + timedelta(days=7)) == 0  # on time
    late = now + timedelta(days=8)
    assert record_calls.chase_record_calls(session, settings=settings, now=late) == 1
    assert record_calls.chase_record_calls(session, settings=settings, now=late + timedelta(hours=2)) == 0
    assert record_calls.chase_record_calls(session, settings=settings, now=late + timedelta(days=1)) == 1
    assert call.chase_count == 2 and "Reminder" in _mail(session)[-1].subject
    record_calls.answer_call(session, req, call.id, found_count=3, note="sent by secure e-mail",
                             actor=team.officer, now=late)
    assert record_calls.chase_record_calls(session, settings=settings, now=late + timedelta(days=2)) == 0
    [logged] = searches.list_searches(session, req, actor=team.officer)
    assert (logged.place, logged.place_detail, logged.found_count) == ("other_team", "Fostering team", 3)
    with pytest.raises(ValidationError, match="already answered"):
        record_calls.withdraw_call(session, req, call.id, reason="x", actor=team.officer, now=late)


def test_an_overdue_request_can_still_ask_for_records(session, settings, now, team, req):
    late = now.replace(year=2027)
    call = _call(session, req, team, late, settings, due_on=date(2027, 3, 9))
    assert call.status == "open"
