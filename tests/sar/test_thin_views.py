"""Logic the staff views used to re-implement, now in sar (issue 9, "Thin views"): the approval rule the
buttons follow, accepting a page, and the pack preview the manager reviews (rulebook §3 four eyes)."""

from __future__ import annotations

import pytest

from sar.bundle import queries as bundle_queries
from sar.bundle import redactions
from sar.core.errors import NotFound, NotPermitted
from sar.release import approvals, packs
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


def _submitted(session, settings, now, team, *, decider=None, submitter=None):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=decider or team.officer, now=now)
    approval = approvals.submit_for_approval(session, req, actor=submitter or team.officer, now=now,
                                             settings=settings)
    return req, approval


def test_may_decide_follows_the_rule_approve_enforces(session, settings, now, team):
    req, approval = _submitted(session, settings, now, team, decider=team.manager)
    # The manager who decided redactions prepared the pack: no buttons, and approve refuses them too.
    assert not approvals.may_decide(session, req, team.manager)
    with pytest.raises(NotPermitted, match="own work"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    for who in ("officer", "admin", "requester"):
        assert not approvals.may_decide(session, req, getattr(team, who))
    assert approvals.may_decide(session, req, team.manager2)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager2, now=now)
    # Once approved there is nothing left to decide.
    assert not approvals.may_decide(session, req, team.manager2)


def test_may_decide_refuses_the_submitter(session, settings, now, team):
    req, _ = _submitted(session, settings, now, team, submitter=team.manager)
    assert not approvals.may_decide(session, req, team.manager)
    assert approvals.may_decide(session, req, team.manager2)


def test_may_decide_is_false_before_submission(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    assert not approvals.may_decide(session, req, team.manager)


def test_accept_page_accepts_only_that_pages_undecided_proposals(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    proposed = propose(session, settings, item, THIRD_PARTY, now=now)
    pages = {r.page for r in proposed}
    assert pages == {0, 1}, "the fixture proposes on both pages"
    first = [r for r in proposed if r.page == 0]
    redactions.decide_redaction(session, first[0], "rejected", reason="already known", actor=team.officer, now=now)
    count = redactions.accept_page(session, item, 0, actor=team.officer, now=now)
    assert count == len(first) - 1
    assert first[0].status == "rejected"  # a decision already made stays
    assert all(r.status == "accepted" for r in first[1:])
    assert all(r.status == "proposed" for r in proposed if r.page == 1)
    assert redactions.accept_page(session, item, 0, actor=team.officer, now=now) == 0
    with pytest.raises(NotPermitted):
        redactions.accept_page(session, item, 1, actor=team.requester, now=now)


def test_manager_codes_are_flagged_once(session, settings, now, team):
    # One definition: the API rows, the approval screen and the review screen all read it.
    assert redactions.MANAGER_CODES and bundle_queries.MANAGER_CODES is redactions.MANAGER_CODES


def test_pack_preview_reads_the_stored_pack(session, settings, now, team):
    req, approval = _submitted(session, settings, now, team)
    preview = packs.pack_preview(settings, approval.pack, req)
    assert preview.files == sorted(packs.member_name(req.reference, m) for m in packs.MEMBERS)
    assert preview.bundle_pages == 2 and preview.letter_pages >= 1
    assert preview.schedule_rows and len(preview.schedule_rows) > 1  # a header and the redactions
    png = packs.pack_page_png(settings, approval.pack, req, "bundle", 1)
    assert png.startswith(b"\x89PNG")
    assert packs.pack_page_png(settings, approval.pack, req, "cover-letter", 0).startswith(b"\x89PNG")


@pytest.mark.parametrize(("member", "page"), [("bundle", 2), ("bundle", -1), ("redaction-schedule", 0),
                                              ("../bundle", 0)])
def test_pack_page_png_refuses_what_is_not_there(session, settings, now, team, member, page):
    req, approval = _submitted(session, settings, now, team)
    with pytest.raises(NotFound):
        packs.pack_page_png(settings, approval.pack, req, member, page)
