"""Need to know on the paths that list or load requests outside the dashboard (issue 14 on issue 18's code).

Seed policy ("Confidentiality Values and Principles"): information is "only accessed on a need to know basis".
Each path has a positive row (a member of the request's team) and a negative one (an officer or manager of
another team). Aggregate reports are the stated exception: they name no request, so they count everything.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from sar.confidentiality import access
from sar.core.errors import NotFound, ValidationError
from sar.intake import linked_cases
from sar.messaging import queries as messaging_queries
from sar.models import OutboxEmail, Request
from sar.reports import closure, run_report
from sar.retention import dispose, dispose_due, review, weekly_review
from tests.factories import make_user
from tests.reports import dataset
from tests.reports.test_reports import Q1

A_DUE = date(2028, 1, 30)
LATER = datetime(2028, 2, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def world(session, settings):
    q = dataset.build(session, settings)
    team_1 = access.team_named(session, dataset.TEAM_1)
    team_2 = access.team_named(session, dataset.TEAM_2)
    inside = make_user(session, "manager", name="Manager Inside")
    outside = make_user(session, "manager", name="Manager Outside")
    access.add_member(session, team_1, inside, actor=q.manager, now=dataset.NOW)
    access.add_member(session, team_2, outside, actor=q.manager, now=dataset.NOW)
    a = q.requests["A"]
    access.set_team(session, a, team_1, actor=q.manager, now=dataset.NOW)
    session.flush()
    return dict(q=q, a=a, inside=inside, outside=outside, team_1=team_1, team_2=team_2)


def test_retention_list_shows_only_files_the_manager_may_see(session, settings, world):
    a = world["a"]
    assert a.reference in {i.reference for i in review(session, settings=settings, today=A_DUE,
                                                       actor=world["inside"])}
    assert a.reference not in {i.reference for i in review(session, settings=settings, today=A_DUE,
                                                           actor=world["outside"])}


def test_disposal_needs_need_to_know(session, settings, world):
    a = world["a"]
    with pytest.raises(NotFound):
        dispose(session, a, approved_by=world["outside"], settings=settings, now=LATER)
    with pytest.raises(ValidationError, match="not in today's disposal list"):
        dispose_due(session, approved_by=world["outside"], settings=settings, now=LATER, references=[a.reference])
    certs = dispose_due(session, approved_by=world["inside"], settings=settings, now=LATER, references=[a.reference])
    assert [c.reference for c in certs] == [a.reference]


def test_weekly_review_mail_names_only_visible_files(session, settings, world):
    a = world["a"]
    weekly_review(session, now=LATER, settings=settings)
    mails = {m.to_addr: m.body_text for m in session.scalars(select(OutboxEmail).filter_by(kind="retention_due"))}
    assert a.reference in mails[world["inside"].email]
    assert a.reference not in mails.get(world["outside"].email, "")


def test_correspondence_needs_need_to_know(session, world):
    a = world["a"]
    assert isinstance(messaging_queries.correspondence(session, a.id, actor=world["inside"]), list)
    with pytest.raises(NotFound):
        messaging_queries.correspondence(session, a.id, actor=world["outside"])


def test_linked_case_references_hide_other_teams_requests(session, settings, world):
    q, a = world["q"], world["a"]
    # The original is open to all (no team); its internal review belongs to team 1.
    access.set_team(session, a, None, actor=world["inside"], now=dataset.NOW)
    link = linked_cases.open_linked_case(session, a, "internal_review", actor=q.officer1, now=dataset.NOW,
                                         settings=settings, received_at=dataset.NOW, description="Please review.")
    review_req = session.get(Request, link.linked_request_id)
    access.set_team(session, review_req, world["team_1"], actor=world["inside"], now=dataset.NOW)
    links = linked_cases.links_for(session, a, actor=world["outside"])
    hidden = linked_cases.references(session, links, actor=world["outside"])
    assert hidden[link.linked_request_id] == linked_cases.HIDDEN_REFERENCE and hidden[a.id] == a.reference
    shown = linked_cases.references(session, links, actor=world["inside"])
    assert shown[link.linked_request_id] == review_req.reference


def test_aggregate_reports_count_every_request_for_any_manager(session, world):
    # Stated exception (sar.reports.run_report): counts name no request, so they are the same for both.
    for name in ("timeliness", "outcomes", "workload"):
        inside = run_report(session, name, Q1, actor=world["inside"], now=dataset.NOW)
        outside = run_report(session, name, Q1, actor=world["outside"], now=dataset.NOW)
        assert [t.rows for t in inside.tables] == [t.rows for t in outside.tables]


def test_a_request_counts_under_its_own_team_before_its_officers(session, world):
    # Officer 1 is in team 1; a request moved to team 2 counts under team 2 (requests.team_id first).
    q, a = world["q"], world["a"]
    access.set_team(session, a, world["team_2"], actor=world["inside"], now=dataset.NOW)
    assert closure.team_of(session, a, q.officer1.id) == dataset.TEAM_2
    access.set_team(session, a, None, actor=world["outside"], now=dataset.NOW)
    assert closure.team_of(session, a, q.officer1.id) == dataset.TEAM_1
    assert closure.team_of(session, a, None) is None


def test_recording_an_outcome_or_complaint_needs_need_to_know(session, world):
    a = world["a"]
    with pytest.raises(NotFound):
        closure.record_closure(session, a, "part", actor=world["outside"], now=dataset.NOW)
    with pytest.raises(NotFound):
        closure.record_complaint(session, a, "internal_review", opened_on=date(2026, 3, 25), actor=world["outside"],
                                 now=dataset.NOW)
    case = closure.record_complaint(session, a, "internal_review", opened_on=date(2026, 3, 25),
                                    actor=world["inside"], now=dataset.NOW)
    with pytest.raises(NotFound):
        closure.decide_complaint(session, case, "upheld", closed_on=date(2026, 3, 30), actor=world["outside"],
                                 now=dataset.NOW)
    assert closure.record_closure(session, a, "part", actor=world["inside"], now=dataset.NOW).outcome == "part"
