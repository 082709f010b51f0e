"""Need to know (issue 14): teams, assignment, restricted requests, opening with a recorded reason.

Seed policy: information is "only accessed on a need to know basis". Every rule has a row that sees and a
row that does not, for the single-request check (``can_view``) and for every list, count and search.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from sar.bundle import documents, redactions
from sar.confidentiality import access
from sar.core.errors import NotFound, NotPermitted, ValidationError
from sar.core.permissions import can_view, visibility_clause
from sar.intake import queries, requests
from sar.messaging import reminders
from sar.models import AccessGrant, AuditEvent, OutboxEmail, Request
from tests.factories import make_request, make_user
from tests.sar._docs import PAGE_ONE, add_pdf

REASON = "covering for the allocated officer while on leave"


@pytest.fixture
def world(session, settings, now):
    manager = make_user(session, "manager")
    a1, a2, b1 = make_user(session, "officer"), make_user(session, "officer"), make_user(session, "officer")
    admin, requester = make_user(session, "admin"), make_user(session, "requester")
    team_a = access.create_team(session, "Team A", actor=manager, now=now)
    team_b = access.create_team(session, "Team B", actor=manager, now=now)
    for user in (manager, a1, a2):
        access.add_member(session, team_a, user, actor=manager, now=now)
    access.add_member(session, team_b, b1, actor=manager, now=now)
    req = make_request(session, settings, actor=a1, owner=requester, now=now, requester_name="Robin Sample",
                       requester_email="robin@example.org")
    access.set_team(session, req, team_a, actor=manager, now=now)
    return dict(manager=manager, a1=a1, a2=a2, b1=b1, admin=admin, requester=requester, req=req,
                team_a=team_a, team_b=team_b)


def _listed(session, settings, now, actor, req, query=None):
    """Whether ``req`` shows in every list the actor can reach, and the counts agree."""
    dash = queries.dashboard_page(session, actor=actor, today=now.date(), settings=settings, tab="all", query=query)
    counts = queries.tab_counts(session, actor=actor, today=now.date(), settings=settings)
    in_dash = req.id in {r.id for r in dash.rows}
    assert dash.total == len(dash.rows) and counts["all"] == dash.total if query is None else True
    in_api = req.id in {r.id for r in queries.list_requests(session, actor).items}
    in_sql = req.id in set(session.scalars(select(Request.id).where(visibility_clause(actor))))
    assert in_dash == in_api == in_sql == can_view(actor, req)
    return in_dash


def test_team_members_see_the_request_and_other_teams_do_not(session, settings, now, world):
    req = world["req"]
    assert _listed(session, settings, now, world["a2"], req)
    assert not _listed(session, settings, now, world["b1"], req)
    assert not _listed(session, settings, now, world["b1"], req, query=req.reference)
    assert requests.get_request(session, req.reference, actor=world["a2"], now=now) is req
    with pytest.raises(NotFound):
        requests.get_request(session, req.reference, actor=world["b1"], now=now)
    counts = queries.tab_counts(session, actor=world["b1"], today=now.date(), settings=settings)
    assert counts["all"] == 0


def test_the_assigned_officer_sees_it_from_another_team(session, settings, now, world):
    req = world["req"]
    requests.assign(session, req, world["b1"], actor=world["manager"], now=now)
    assert _listed(session, settings, now, world["b1"], req)


def test_an_unallocated_request_is_in_every_officers_intake_pool(session, settings, now, world):
    pool = make_request(session, settings, actor=world["a1"], now=now)
    assert pool.team_id is None
    assert _listed(session, settings, now, world["b1"], pool)


def test_an_officer_outside_the_team_opens_it_only_with_a_recorded_reason(session, settings, now, world):
    req, b1 = world["req"], world["b1"]
    with pytest.raises(ValidationError, match="reason"):
        access.open_with_reason(session, req.reference, actor=b1, reason="need", now=now)
    assert not can_view(b1, req)
    assert access.open_with_reason(session, req.reference, actor=b1, reason=REASON, now=now) is req
    grant = session.scalars(select(AccessGrant).where(AccessGrant.user_id == b1.id)).one()
    assert grant.reason == REASON
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "request.open_with_reason")).one()
    assert event.detail["reason"] == REASON and event.actor_id == b1.id and event.request_id == req.id
    assert _listed(session, settings, now, b1, req)
    assert requests.get_request(session, req.reference, actor=b1, now=now) is req


def test_a_restricted_request_is_invisible_to_everyone_not_named(session, settings, now, world):
    req, manager, a1, a2 = world["req"], world["manager"], world["a1"], world["a2"]
    access.set_restriction(session, req, [manager.id, a1.id], actor=manager, reason="a staff member's own SAR",
                           now=now)
    assert access.restricted_to(session, req) == sorted([manager.id, a1.id])
    assert _listed(session, settings, now, a1, req)
    assert not _listed(session, settings, now, a2, req)  # same team, not named
    assert not _listed(session, settings, now, a2, req, query=req.reference)
    with pytest.raises(NotFound):
        requests.get_request(session, req.reference, actor=a2, now=now)
    # A reason does not open a restricted request, and the refusal looks like an unknown reference.
    with pytest.raises(NotFound, match="no such request"):
        access.open_with_reason(session, req.reference, actor=a2, reason=REASON, now=now)
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "request.open_refused")).one()
    # Lifting the restriction restores team access; the history is kept.
    access.set_restriction(session, req, [], actor=manager, reason="restriction no longer needed", now=now)
    assert _listed(session, settings, now, a2, req)


def test_restricting_needs_a_manager_who_names_themselves(session, now, world):
    req, manager, a1 = world["req"], world["manager"], world["a1"]
    with pytest.raises(NotPermitted):
        access.set_restriction(session, req, [a1.id], actor=a1, reason="high profile case", now=now)
    with pytest.raises(ValidationError, match="include yourself"):
        access.set_restriction(session, req, [a1.id], actor=manager, reason="high profile case", now=now)
    with pytest.raises(ValidationError, match="not active officers"):
        access.set_restriction(session, req, [manager.id, world["admin"].id], actor=manager,
                               reason="high profile case", now=now)


def test_admins_never_read_case_content_and_requesters_see_only_their_own(session, settings, now, world):
    req = world["req"]
    with pytest.raises(NotFound):
        requests.get_request(session, req.reference, actor=world["admin"], now=now)
    assert not can_view(world["admin"], req)
    assert queries.list_requests(session, world["admin"]).total == 0
    assert requests.get_request(session, req.reference, actor=world["requester"], now=now) is req
    other = make_user(session, "requester")
    with pytest.raises(NotFound):
        requests.get_request(session, req.reference, actor=other, now=now)


def test_only_managers_move_a_request_between_teams_and_it_is_audited(session, now, world):
    req = world["req"]
    with pytest.raises(NotPermitted):
        access.set_team(session, req, world["team_b"], actor=world["a1"], now=now)
    access.set_team(session, req, world["team_b"], actor=world["manager"], now=now)
    assert req.team_id == world["team_b"].id
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "request.team")
                            .order_by(AuditEvent.seq.desc())).first()
    assert event.detail == {"from": world["team_a"].id, "to": world["team_b"].id}
    assert can_view(world["b1"], req) and not can_view(world["a2"], req)


def test_counts_by_regime_do_not_reveal_requests_outside_need_to_know(session, now, world):
    assert requests.counts_by_regime(session, world["a2"]).get(world["req"].regime) == 1
    assert requests.counts_by_regime(session, world["b1"]).get(world["req"].regime, 0) == 0


def test_document_and_redaction_changes_need_to_know(session, settings, now, world):
    req = world["req"]
    item = add_pdf(session, req, None, now, settings, PAGE_ONE, actor=world["a1"])
    with pytest.raises(NotFound):
        documents.set_title(session, item, "Visit record", actor=world["b1"], now=now)
    with pytest.raises(NotFound):
        redactions.mark_page(session, item, 0, "not_relevant", actor=world["b1"], now=now, reason="not about them")
    documents.set_title(session, item, "Visit record", actor=world["a2"], now=now)
    assert item.title == "Visit record"


def test_reminders_and_digests_reach_only_staff_who_need_to_know(session, settings, now, world):
    req, manager = world["req"], world["manager"]
    other_manager = make_user(session, "manager")  # in no team: the request is not theirs to know about
    req.due_on = now.date() - timedelta(days=3)
    assert reminders.escalate_overdue(session, now=now, settings=settings) == 1
    to = set(session.scalars(select(OutboxEmail.to_addr).where(OutboxEmail.kind == "overdue_escalation")))
    assert to == {manager.email}
    mine = reminders.digest_summary(session, today=now.date(), settings=settings, viewer=manager)
    theirs = reminders.digest_summary(session, today=now.date(), settings=settings, viewer=other_manager)
    assert [r["reference"] for r in mine["overdue"]] == [req.reference]
    assert theirs["overdue"] == [] and theirs["open_count"] == 0
