"""The request state machine: every (from, to) pair is checked against the table, through transition()."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from sar.core.errors import InvalidTransition, NotPermitted
from sar.models import AuditEvent, StatusChange
from sar.workflow.status import (
    ALLOWED_TRANSITIONS,
    EDITABLE_STATUSES,
    FINISHED_STATUSES,
    MANUAL_TRANSITIONS,
    OPEN_STATUSES,
    RequestStatus,
    can_set_by_hand,
    can_transition,
)
from sar.workflow.transitions import transition
from tests.factories import make_request, make_user

ALL = list(RequestStatus)

# The table written out as a reader would check it against the spec; any drift fails here.
EXPECTED = {
    ("received", "awaiting_verification"), ("received", "in_progress"), ("received", "on_hold"),
    ("received", "withdrawn"), ("received", "refused"),
    ("awaiting_verification", "in_progress"), ("awaiting_verification", "on_hold"),
    ("awaiting_verification", "withdrawn"), ("awaiting_verification", "refused"),
    ("awaiting_verification", "closed"),
    ("in_progress", "on_hold"), ("in_progress", "awaiting_verification"), ("in_progress", "in_review"),
    ("in_progress", "withdrawn"), ("in_progress", "refused"),
    ("on_hold", "in_progress"), ("on_hold", "awaiting_verification"), ("on_hold", "withdrawn"),
    ("on_hold", "refused"), ("on_hold", "closed"),
    ("in_review", "in_progress"), ("in_review", "on_hold"), ("in_review", "awaiting_approval"),
    ("in_review", "withdrawn"), ("in_review", "refused"),
    ("awaiting_approval", "approved"), ("awaiting_approval", "in_review"), ("awaiting_approval", "withdrawn"),
    ("approved", "released"), ("approved", "in_review"), ("approved", "withdrawn"),
    ("released", "closed"),
    ("refused", "closed"),
    # Reopen with a reason (issue 13), workflow-only: sar.release.outcomes.reopen.
    ("released", "in_progress"),
    ("refused", "in_progress"),
    ("closed", "in_progress"),
}


def test_table_matches_the_written_spec():
    actual = {(a.value, b.value) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets}
    assert actual == EXPECTED
    assert set(ALLOWED_TRANSITIONS) == set(RequestStatus)


def test_terminal_statuses_have_no_way_out_but_a_reopen():
    assert ALLOWED_TRANSITIONS[RequestStatus.closed] == frozenset({RequestStatus.in_progress})
    assert not can_set_by_hand(RequestStatus.closed, RequestStatus.in_progress)
    assert ALLOWED_TRANSITIONS[RequestStatus.withdrawn] == frozenset()
    assert RequestStatus.closed not in OPEN_STATUSES


@pytest.mark.parametrize(("frm", "to"), list(itertools.product(ALL, ALL)), ids=lambda s: s.value)
def test_every_pair_through_transition(session, settings, frm, to):
    officer = make_user(session, "officer")
    req = make_request(session, settings, actor=officer, regime="foi")
    req.status = frm.value  # put it in the starting state directly; transition() is under test
    if frm == RequestStatus.released:
        req.released_at = req.received_at
    session.flush()
    before = session.scalar(select(StatusChange.id).order_by(StatusChange.id.desc()).limit(1))
    if (frm.value, to.value) in EXPECTED:
        assert can_transition(frm, to)
        change = transition(session, req, to, actor=officer, reason="test", now=req.received_at)
        assert req.status == to.value
        assert (change.from_status, change.to_status, change.actor_id) == (frm.value, to.value, officer.id)
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
        assert last.action == "request.transition" and last.detail["to"] == to.value
    else:
        assert not can_transition(frm, to)
        with pytest.raises(InvalidTransition):
            transition(session, req, to, actor=officer, reason="test", now=req.received_at)
        assert req.status == frm.value
        after = session.scalar(select(StatusChange.id).order_by(StatusChange.id.desc()).limit(1))
        assert after == before


def test_requester_may_only_withdraw(session, settings):
    requester = make_user(session, "requester")
    req = make_request(session, settings, owner=requester)
    with pytest.raises(NotPermitted):
        transition(session, req, RequestStatus.in_progress, actor=requester, reason="", now=req.received_at)
    transition(session, req, RequestStatus.withdrawn, actor=requester, reason="no longer needed",
               now=req.received_at)
    assert req.status == "withdrawn" and req.closed_at is not None


def test_every_status_is_open_or_finished_and_a_finished_one_can_only_close():
    assert OPEN_STATUSES | FINISHED_STATUSES == set(RequestStatus)
    assert not OPEN_STATUSES & FINISHED_STATUSES
    assert EDITABLE_STATUSES <= OPEN_STATUSES
    for status in FINISHED_STATUSES:
        assert ALLOWED_TRANSITIONS[status] <= {RequestStatus.closed, RequestStatus.in_progress}, status
        # ... and the way back (a reopen) is never a hand move.
        assert MANUAL_TRANSITIONS[status] <= {RequestStatus.closed}, status
    assert RequestStatus.in_review not in FINISHED_STATUSES
