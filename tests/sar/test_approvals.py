"""Four-eyes approval (rulebook §3 second-person QA, §5.1 item 6 sign-off), release and download."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from sar.bundle import documents, redactions
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.messaging import download_links
from sar.models import AuditEvent, DownloadLink, OutboxEmail
from sar.release import approvals
from sar.release.packs import pack_files
from sar.workflow import approval_state
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, propose, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def ready(session, settings, now, team):
    """A SAR whose bundle has one document with every proposal accepted by the officer."""
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
    return req, item


def _submitted(session, settings, now, team, ready):
    req, item = ready
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings,
                                             note="ready")
    return req, item, approval


def test_submit_builds_the_pack_and_moves_to_awaiting_approval(session, settings, now, team, ready):
    req, _, approval = _submitted(session, settings, now, team, ready)
    assert req.status == "awaiting_approval"
    assert approval.status == "pending" and approval.pack_sha256 == approval.pack.sha256
    assert approvals.current_pack(session, req) is approval.pack
    assert [c.to_status for c in req.status_changes][-2:] == ["in_review", "awaiting_approval"]


def test_submit_refused_while_proposals_are_undecided(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    propose(session, settings, item, THIRD_PARTY, now=now)
    with pytest.raises(Conflict, match="still need"):
        approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    assert req.status == "in_progress"


def test_submit_refused_without_documents_and_for_requesters(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(Conflict, match="no case-record documents"):
        approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(NotPermitted):
        approvals.submit_for_approval(session, req, actor=team.requester, now=now, settings=settings)


def test_another_manager_approves_the_exact_pack(session, settings, now, team, ready):
    req, _, approval = _submitted(session, settings, now, team, ready)
    done = approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now,
                             comments="checked every page")
    assert done.status == "approved" and done.decided_by_id == team.manager.id
    assert req.status == "approved"
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "approval.approve")).first()


@pytest.mark.parametrize("who", ["officer", "admin", "requester"])
def test_only_managers_approve(session, settings, now, team, ready, who):
    req, _, approval = _submitted(session, settings, now, team, ready)
    with pytest.raises(NotPermitted):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=getattr(team, who), now=now)
    assert req.status == "awaiting_approval"


def test_manager_who_submitted_cannot_approve(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, "Nothing to redact here.")
    approval = approvals.submit_for_approval(session, req, actor=team.manager, now=now, settings=settings)
    with pytest.raises(NotPermitted, match="own work"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)


def test_manager_who_decided_redactions_cannot_approve(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    for red in propose(session, settings, item, THIRD_PARTY, now=now):
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.manager, now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(NotPermitted, match="own work"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager2, now=now)
    assert req.status == "approved"


def test_wrong_hash_is_a_conflict(session, settings, now, team, ready):
    req, _, approval = _submitted(session, settings, now, team, ready)
    with pytest.raises(Conflict, match="changed since you reviewed"):
        approvals.approve(session, req, pack_sha256="0" * 64, actor=team.manager, now=now)
    assert req.status == "awaiting_approval"


def test_return_needs_comments_and_goes_back_to_review(session, settings, now, team, ready):
    req, _, _ = _submitted(session, settings, now, team, ready)
    with pytest.raises(ValidationError):
        approvals.return_pack(session, req, actor=team.manager, comments=" ", now=now)
    with pytest.raises(NotPermitted):
        approvals.return_pack(session, req, actor=team.officer, comments="x", now=now)
    returned = approvals.return_pack(session, req, actor=team.manager, comments="page 2 needs another look",
                                     now=now)
    assert returned.status == "returned" and req.status == "in_review"
    assert approvals.current_pack(session, req) is None


def _approved(session, settings, now, team, ready):
    req, item, approval = _submitted(session, settings, now, team, ready)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    return req, item, approval


@pytest.mark.parametrize("change", ["decide", "manual", "mark", "add", "remove", "reorder", "entity"])
def test_any_change_after_approval_voids_it(session, settings, now, team, ready, change):
    req, item, approval = _approved(session, settings, now, team, ready)
    later = now + timedelta(hours=1)
    red = redactions.list_redactions(session, req)[0]
    if change == "decide":
        redactions.decide_redaction(session, red, "rejected", reason="requester knows him",
                                    actor=team.officer,
                                    now=later)
    elif change == "manual":
        redactions.add_manual_redaction(session, item, 0, [[60, 60, 200, 80]], "SCH2-P16-THIRD-PARTY", "",
                                        actor=team.officer, now=later, settings=settings)
    elif change == "mark":
        redactions.mark_page(session, item, 1, "withheld", code="SCH2-P19-LPP", reason="legal advice",
                             actor=team.officer, now=later)
    elif change == "add":
        add_pdf(session, req, team, later, settings, "late addition", filename="late.pdf")
    elif change == "remove":
        documents.remove_from_bundle(session, item, actor=team.officer, now=later, reason="wrong file")
    elif change == "reorder":
        second = add_pdf(session, req, team, later, settings, "second", filename="second.pdf")
        documents.reorder_bundle(session, req, [second.id, item.id], actor=team.officer, now=later)
    elif change == "entity":
        redactions.decide_entity(session, req, THIRD_PARTY, "rejected", code=None, reason="consented",
                                 actor=team.officer, now=later, settings=settings)
    assert approval.status == "voided" and approval.voided_at == later and approval.void_reason
    assert req.status == "in_review"
    assert approval_state.standing_approval(session, req) is None
    with pytest.raises(Conflict):
        approvals.release(session, req, actor=team.officer, now=later, settings=settings)


def test_change_while_awaiting_approval_voids_the_submission(session, settings, now, team, ready):
    req, item, approval = _submitted(session, settings, now, team, ready)
    redactions.mark_page(session, item, 1, "not_relevant", actor=team.officer, now=now)
    assert approval.status == "voided" and req.status == "in_review"
    with pytest.raises(Conflict, match="not awaiting approval"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)


def test_release_only_from_approved(session, settings, now, team, ready):
    req, _, approval = _submitted(session, settings, now, team, ready)
    with pytest.raises(Conflict, match="only an approved pack"):
        approvals.release(session, req, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    with pytest.raises(NotPermitted):
        approvals.release(session, req, actor=team.requester, now=now, settings=settings)
    result = approvals.release(session, req, actor=team.officer, now=now, settings=settings)
    assert req.status == "released" and req.released_at == now
    assert result.pack.released_at == now
    link = session.get(DownloadLink, result.link.id)
    assert link.user_id == team.requester.id
    assert link.expires_at == now + timedelta(hours=settings.download_link_hours)
    email = session.get(OutboxEmail, result.email.id)
    # The token is minted by the mailer at send time: the queued body holds the slot, not a link.
    assert email.to_addr == "brandon@example.org" and download_links.LINK_SLOT in email.body_text
    assert email.download_link_id == link.id and "/download/" not in email.body_text
    assert email.kind == "pack_released"
    with pytest.raises(Conflict):
        approvals.release(session, req, actor=team.officer, now=now, settings=settings)


def test_download_rules(session, settings, now, team, ready):
    req, _, approval = _submitted(session, settings, now, team, ready)
    # Nobody downloads the zip before approval (the manager reviews it on screen); the requester not
    # before release.
    for who in (team.manager, team.officer):
        with pytest.raises(Conflict, match="approved"):
            approvals.pack_for_download(session, req, actor=who, now=now, settings=settings)
    with pytest.raises(Conflict, match="not been released"):
        approvals.pack_for_download(session, req, actor=team.requester, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    name, data = approvals.pack_for_download(session, req, actor=team.manager2, now=now, settings=settings)
    assert name == f"{req.reference}-response-pack.zip" and len(data) == approval.pack.size_bytes
    result = approvals.release(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(NotFound):  # not usable before the mailer has minted the token
        approvals.request_for_link(session, "", now=now)
    token = download_links.mint_token(session, result.link.id)  # what the mailer does at send time
    name, data = approvals.pack_for_download(session, req, actor=team.requester, now=now, settings=settings)
    assert f"{req.reference}-bundle.pdf" in pack_files(data)
    # Through the e-mailed link, as the owner; the link counts downloads and expires.
    approvals.pack_for_download(session, req, actor=team.requester, now=now, settings=settings,
                                token=token)
    assert session.get(DownloadLink, result.link.id).download_count == 1
    assert approvals.request_for_link(session, token, now=now) is req
    with pytest.raises(NotFound):
        approvals.request_for_link(session, "forged", now=now)
    with pytest.raises(Conflict, match="expired"):
        approvals.pack_for_download(session, req, actor=team.requester, now=result.expires_at,
                                    settings=settings,
                                    token=token)
    downloads = session.scalars(select(AuditEvent).where(AuditEvent.action == "pack.download",
                                                         AuditEvent.request_id == req.id)).all()
    assert len(downloads) == 3


def test_requester_cannot_download_another_requesters_pack(session, settings, now, team, ready):
    from tests.factories import make_user

    req, _, approval = _submitted(session, settings, now, team, ready)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    result = approvals.release(session, req, actor=team.officer, now=now, settings=settings)
    token = download_links.mint_token(session, result.link.id)
    other = make_user(session, "requester")
    with pytest.raises(NotFound):
        approvals.pack_for_download(session, req, actor=other, now=now, settings=settings)
    with pytest.raises(NotFound):
        approvals.pack_for_download(session, req, actor=other, now=now, settings=settings, token=token)
    with pytest.raises(NotFound):
        approvals.pack_for_download(session, req, actor=team.requester, now=now, settings=settings,
                                    token="not-a-real-token")


@pytest.mark.parametrize("change", ["clock", "triage"])
def test_clock_event_or_regime_change_after_approval_voids_it(session, settings, now, team, ready, change):
    """The cover letter states the dates and the regime, so these changes void the approval too."""
    from sar.intake import clock
    from sar.intake import requests as req_uc

    req, item, approval = _approved(session, settings, now, team, ready)
    later = now + timedelta(hours=1)
    if change == "clock":
        clock.record_clock_event(session, req, "extended", later.date(), actor=team.officer,
                                 reason="complex: 900 pages", now=later, settings=settings)
    else:
        req_uc.override_triage(session, req, "foi", actor=team.officer, reason="not personal data after all",
                               now=later, settings=settings)
    assert approval.status == "voided" and req.status == "in_review"
    with pytest.raises(Conflict):
        approvals.release(session, req, actor=team.officer, now=later, settings=settings)


def test_manager_who_changed_a_party_cannot_approve(session, settings, now, team, ready):
    """A disclose/redact decision on a party shapes the pack, so it counts as preparing it."""
    from sar.intake import parties

    req, _ = ready
    parties.add_party(session, req, role="third_party", name="Gail Roper", relationship="neighbour",
                      actor=team.manager, now=now)
    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    with pytest.raises(NotPermitted, match="own work"):
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager, now=now)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager2, now=now)
