"""Opening requests: triage into parts, references, receipt date in Europe/London, parties, roles."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from deadlines import REGIMES
from sar.core import permissions
from sar.core.errors import NotFound, NotPermitted, ValidationError
from sar.intake import clock
from sar.intake import requests as uc
from sar.models import AuditEvent, Request
from tests.factories import make_request, make_user


def test_mixed_request_is_split_into_linked_parts_with_own_clocks(session, settings, now):
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer,
                       description="Please send me my social care file. Also, what is your policy on "
                                   "placing children out of county?")
    parts = [req, *req.parts]
    assert {p.regime for p in parts} == {"sar", "foi"}
    assert all(p.parent_id == req.id for p in req.parts)
    refs = [p.reference for p in parts]
    assert len(set(refs)) == 2 and all(r.split("-")[1] == "2026" for r in refs)
    foi = next(p for p in parts if p.regime == "foi")
    sar_part = next(p for p in parts if p.regime == "sar")
    # F-1 vs G-1: each part has its own clock (FOI skips St Patrick's Day, Tue 17 Mar 2026, C2).
    assert foi.due_on == date(2026, 3, 31) and sar_part.due_on == date(2026, 4, 2)
    assert foi.due_detail["explanation"] and sar_part.due_detail["explanation"]


def test_reference_numbers_run_per_prefix_and_year(session, settings):
    officer = make_user(session, "officer")
    a = make_request(session, settings, actor=officer, regime="foi")
    b = make_request(session, settings, actor=officer, regime="foi")
    assert int(b.reference.rsplit("-", 1)[1]) == int(a.reference.rsplit("-", 1)[1]) + 1
    assert a.reference.startswith("FOI-2026-")


def test_receipt_date_is_taken_in_london_time(session, settings):
    """C1: an e-mail at 23:30 UTC during BST arrives the next calendar day."""
    officer = make_user(session, "officer")
    late = datetime(2026, 6, 10, 23, 30, tzinfo=UTC)
    req = make_request(session, settings, actor=officer, regime="foi", received_at=late,
                       now=datetime(2026, 6, 11, 9, 0, tzinfo=UTC))
    assert req.received_on == date(2026, 6, 11)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"description": "   "}, "describe"),
    ({"channel": "pigeon"}, "unknown channel"),
    ({"regime": "gossip"}, "unknown regime"),
])
def test_bad_input_is_refused_clearly(session, settings, kwargs, message):
    officer = make_user(session, "officer")
    with pytest.raises(ValidationError, match=message):
        make_request(session, settings, actor=officer, **kwargs)


def test_future_receipt_is_refused(session, settings, now):
    officer = make_user(session, "officer")
    with pytest.raises(ValidationError, match="future"):
        make_request(session, settings, actor=officer, received_at=datetime(2027, 1, 1, tzinfo=UTC), now=now)


def test_parent_request_opens_authority_check(session, settings):
    officer = make_user(session, "officer")
    req = uc.open_request(
        session, actor=officer, now=datetime(2026, 3, 2, 10, tzinfo=UTC), settings=settings,
        description="I am Kyle's mum and I want a copy of his children's services records.",
        requester=uc.PersonIn(name="Dawn Miller", email="dawn@example.org", type="parent"),
        subject=uc.PersonIn(name="Kyle Miller", dob=date(2015, 4, 1)), channel="letter")
    assert req.regime == "sar"
    rep = req.party("representative")
    assert rep is not None and rep.capacity == "parent" and rep.authority_status == "requested"
    assert req.party("data_subject").name == "Kyle Miller"


def test_requester_sees_only_own_requests(session, settings, now):
    alice = make_user(session, "requester")
    bob = make_user(session, "requester")
    mine = make_request(session, settings, owner=alice)
    assert mine.owner_id == alice.id and mine.channel == "portal"
    assert uc.get_request(session, mine.reference, actor=alice, now=now).id == mine.id
    with pytest.raises(NotFound):
        uc.get_request(session, mine.reference, actor=bob, now=now)
    officer = make_user(session, "officer")
    assert uc.get_request(session, mine.reference, actor=officer, now=now).id == mine.id
    visible = session.scalars(permissions.visible_requests(bob)).all()
    assert mine not in visible


def test_every_read_is_audited(session, settings, now):
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer)
    uc.get_request(session, req.reference, actor=officer, now=now)
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.request_id == req.id)).all()
    assert "request.open" in actions and "request.view" in actions


def test_requester_cannot_force_a_regime_or_do_staff_things(session, settings, now):
    alice = make_user(session, "requester")
    with pytest.raises(ValidationError):
        uc.open_request(session, actor=alice, now=now, settings=settings, description="my file please",
                        requester=uc.PersonIn(name="Alice"), regime="foi")
    req = make_request(session, settings, owner=alice)
    with pytest.raises(NotPermitted):
        uc.override_triage(session, req, "foi", actor=alice, reason="x", now=now, settings=settings)
    with pytest.raises(NotPermitted):
        clock.record_clock_event(session, req, "extended", now.date(), actor=alice, reason="x", now=now,
                                 settings=settings)


def test_triage_override_recomputes_and_audits(session, settings, now):
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer, description="What is your budget for foster care?")
    assert req.regime == "foi"
    with pytest.raises(ValidationError, match="reason"):
        uc.override_triage(session, req, "eir", actor=officer, reason=" ", now=now, settings=settings)
    uc.override_triage(session, req, "sar", actor=officer, reason="caller confirmed it is their own file",
                       now=now, settings=settings)
    assert req.regime == "sar" and req.triage["override"]["reason"].startswith("caller")
    assert req.due_on == date(2026, 4, 2)


def test_clock_event_moves_due_date_and_status(session, settings, now):
    """G-2 / S13 shape: ID requested then received moves the relevant time."""
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer, regime="sar",
                       received_at=datetime(2026, 2, 10, 9, tzinfo=UTC), now=now)
    assert req.due_on == date(2026, 3, 10)
    clock.record_clock_event(session, req, "id_requested", date(2026, 2, 11), actor=officer, reason="doubt",
                             now=now, settings=settings)
    assert req.status == "awaiting_verification" and req.due_on is None
    clock.record_clock_event(session, req, "id_received", date(2026, 2, 20), actor=officer, reason="passport",
                             now=now, settings=settings)
    assert req.due_on == date(2026, 3, 20) and req.status == "in_progress"
    with pytest.raises(ValidationError):
        clock.record_clock_event(session, req, "fee_paid", date(2026, 2, 21), actor=officer, reason="",
                                 now=now, settings=settings)
    with pytest.raises(ValidationError, match="future"):
        clock.record_clock_event(session, req, "extended", date(2026, 12, 1), actor=officer, reason="",
                                 now=now, settings=settings)
    assert session.get(Request, req.id).due_on == date(2026, 3, 20)


def test_holiday_override_from_the_database_moves_the_due_date(session, settings):
    """H-1: a day proclaimed after the pinned holidays release, entered by an admin, is skipped."""
    from sar.models import HolidayOverride

    officer = make_user(session, "officer")
    session.add(HolidayOverride(on=date(2026, 3, 25), nation="ENG", name="Proclaimed day",
                                reference="test proclamation"))
    session.flush()
    req = make_request(session, settings, actor=officer, regime="foi")
    # Without the override FOI received Mon 2 Mar 2026 is due Tue 31 Mar (test above); with it, Wed 1 Apr.
    assert req.due_on == date(2026, 4, 1)
    assert any("Proclaimed day" in line for line in req.due_detail["explanation"])


def test_every_regime_of_the_clock_has_a_reference_prefix_and_no_other():
    assert set(uc.PREFIXES) == set(REGIMES)
    assert len(set(uc.PREFIXES.values())) == len(uc.PREFIXES)  # references stay distinguishable
