"""The staff workspace: logging requests, documents, review, clock and triage, and four-eyes approval."""

from __future__ import annotations

import re

from sar.bundle import redactions
from sar.core.db import utcnow
from sar.models import AuditEvent, BundleItem, Redaction, Request, User
from tests.web.test_ui_support import flashes, post, sample_pdf
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def case_page(client, reference: str) -> str:
    response = client.get(f"/staff/requests/{reference}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_log_a_request_from_a_letter(web):
    officer = web.user("officer")
    client = web.login(officer)
    form = client.get("/staff/requests/new").get_data(as_text=True)
    assert '<label class="label" for="channel">' in form and 'for="received_at"' in form
    reference = web.new_request(client, channel="letter", received_at="2026-03-02T23:30", regime="")
    html = case_page(client, reference)
    assert "received by letter" in html
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        assert req.channel == "letter"
        assert req.assigned_officer_id == officer.id
        views = session.query(AuditEvent).filter_by(action="request.view", request_id=req.id).count()
    assert views == 1  # the case page read is audited


def test_log_a_request_shows_errors_next_to_fields(web):
    client = web.login(web.user("officer"))
    response = post(
        client,
        "/staff/requests/new",
        {"channel": "email", "received_at": "", "requester_name": "", "description": ""},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="requester_name-error"' in html and "There is a problem" in html


def test_upload_refuses_non_pdf_with_a_clear_message(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    response = web.upload(client, reference, b"PK\x03\x04 this is a docx", "notes.docx")
    assert response.status_code == 302
    messages = flashes(client.get(response.location))
    assert any("notes.docx is not a PDF" in m for m in messages), messages
    with web.factory() as session:
        assert session.query(BundleItem).count() == 0


def test_upload_reorder_and_remove_documents(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    for name in ("case00_email_1.pdf", "case00_referral_1.pdf"):
        response = web.upload(client, reference, sample_pdf(name), name)
        assert response.status_code == 302
        assert any(re.match(rf"{name} added \(\d+ pages?\)", m) for m in flashes(client.get(response.location)))
    html = case_page(client, reference)
    ids = re.findall(r'<tr data-item-id="(\d+)">', html)
    assert len(ids) == 2
    post(client, f"/staff/requests/{reference}/documents/move", {"item_id": ids[1], "direction": "up"})
    moved = re.findall(r'<tr data-item-id="(\d+)">', case_page(client, reference))
    assert moved == [ids[1], ids[0]]
    refused = post(client, f"/staff/requests/{reference}/documents/{ids[0]}/remove", {"reason": ""})
    assert any("reason" in m for m in flashes(client.get(refused.location)))
    post(client, f"/staff/requests/{reference}/documents/{ids[0]}/remove", {"reason": "duplicate of the other"})
    html = case_page(client, reference)
    assert re.findall(r'<tr data-item-id="(\d+)">', html) == [ids[1]]
    assert "duplicate of the other" in html


def test_clock_event_and_triage_override_are_recorded(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client, received_at="2026-03-02T09:30")
    before = re.search(r'id="due-date">([^<]*)', case_page(client, reference)).group(1)
    response = post(
        client,
        f"/staff/requests/{reference}/clock",
        {"kind": "extended", "on": "2026-03-10", "reason": "complex, many records"},
    )
    assert response.status_code == 302
    after_html = case_page(client, reference)
    after = re.search(r'id="due-date">([^<]*)', after_html).group(1)
    assert before != after
    assert "complex, many records" in after_html
    refused = post(client, f"/staff/requests/{reference}/override", {"regime": "foi", "reason": ""})
    assert refused.status_code == 302
    post(client, f"/staff/requests/{reference}/override", {"regime": "foi", "reason": "asks for policy only"})
    html = case_page(client, reference)
    assert "asks for policy only" in html
    with web.factory() as session:
        assert session.query(AuditEvent).filter_by(action="triage.override").count() == 1
        assert session.query(AuditEvent).filter_by(action="clock.event").count() == 1


def test_proposals_run_in_the_background_and_review_page_shows_boxes(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    web.upload(client, reference, sample_pdf("case00_email_1.pdf"), "email.pdf")
    response = post(client, f"/staff/requests/{reference}/proposals", {})
    assert response.status_code == 302
    html = case_page(client, reference)
    job_url = re.search(r'data-job-url="([^"]+)"', html).group(1)
    job = client.get(job_url).get_json()
    assert job["status"] == "done" and job["finished"] is True
    item_id = re.search(r'<tr data-item-id="(\d+)">', html).group(1)
    review = client.get(f"/staff/requests/{reference}/items/{item_id}/pages/0")
    assert review.status_code == 200
    page = review.get_data(as_text=True)
    box_re = r'class="rbox rbox--proposed code-\d" aria-hidden="true" data-rid="(\d+)" data-box="([\d.,]+)"'
    boxes = re.findall(box_re, page)
    assert boxes, "expected proposed boxes on page 1"
    image = client.get(f"/staff/requests/{reference}/items/{item_id}/pages/0.png")
    assert image.status_code == 200 and image.data[:8] == b"\x89PNG\r\n\x1a\n"
    rid = boxes[0][0]
    no_reason = post(client, f"/staff/requests/{reference}/redactions/{rid}", {"status": "rejected", "reason": ""})
    assert any("reason" in m.lower() for m in flashes(client.get(no_reason.location)))
    post(
        client,
        f"/staff/requests/{reference}/redactions/{rid}",
        {"status": "rejected", "reason": "known to them"},
    )
    post(client, f"/staff/requests/{reference}/items/{item_id}/pages/0/accept-all", {})
    drawn = post(
        client,
        f"/staff/requests/{reference}/items/{item_id}/pages/0/manual",
        {"manual-boxes": "20,780,80,800", "manual-code": "SCH2-P16-THIRD-PARTY", "manual-reason": "a neighbour's name"},
    )
    assert drawn.status_code == 302
    with web.factory() as session:
        statuses = {r.id: r.status for r in session.query(Redaction).filter_by(bundle_item_id=int(item_id), page=0)}
        manual = session.query(Redaction).filter_by(source="manual").one()
    with web.factory() as session:
        page_views = session.query(AuditEvent).filter_by(action="document.view").count()
    assert page_views == 1  # the page image read is audited
    assert statuses[int(rid)] == "rejected"
    assert "proposed" not in statuses.values()
    assert manual.boxes == [[20.0, 780.0, 80.0, 800.0]]
    assert client.get(f"/staff/requests/{reference}/items/{item_id}/pages/99").status_code == 404


def test_job_status_is_json_and_staff_only(web):
    client = web.login(web.user("officer"))
    assert client.get("/staff/jobs/999").status_code == 404
    assert client.get("/staff/jobs/999").is_json
    requester = web.login(web.user("requester"))
    assert requester.get("/staff/jobs/1").status_code == 403


def _submitted(web):
    officer, manager = web.user("officer"), web.user("manager")
    officer_client = web.login(officer)
    reference = web.new_request(officer_client)
    web.upload(officer_client, reference, sample_pdf("case00_email_1.pdf"), "email.pdf")
    response = post(officer_client, f"/staff/requests/{reference}/submit", {"note": "ready for you"})
    assert response.status_code == 302
    assert any("Submitted for approval" in m for m in flashes(officer_client.get(response.location)))
    return reference, officer_client, web.login(manager)


def test_officer_cannot_approve_no_button_and_forced_post_is_refused(web):
    reference, officer_client, _ = _submitted(web)
    pack = officer_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    sha = re.search(r'id="pack-sha">([0-9a-f]{64})<', pack).group(1)
    assert 'id="approve"' not in pack and "/approve" not in pack
    assert "Only a manager can approve" in pack
    forced = post(officer_client, f"/staff/requests/{reference}/approve", {"pack_sha256": sha})
    assert forced.status_code == 403
    with web.factory() as session:
        assert session.query(Request).filter_by(reference=reference).one().status == "awaiting_approval"


def test_manager_approves_the_exact_pack_then_releases(web):
    reference, _, manager_client = _submitted(web)
    pack = manager_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert 'id="approve"' in pack
    sha = re.search(r'name="pack_sha256" type="hidden" value="([0-9a-f]{64})"', pack).group(1)
    images = re.findall(r'src="(/staff/requests/[^"]+/bundle/\d+\.png)"', pack)
    assert images and manager_client.get(images[0]).data[:4] == b"\x89PNG"
    stale = post(manager_client, f"/staff/requests/{reference}/approve", {"pack_sha256": "0" * 64})
    assert stale.status_code == 409
    ok = post(manager_client, f"/staff/requests/{reference}/approve", {"pack_sha256": sha})
    assert ok.status_code == 302
    released = post(manager_client, f"/staff/requests/{reference}/release", {})
    assert any(m.startswith("Released.") for m in flashes(manager_client.get(released.location)))
    with web.factory() as session:
        assert session.query(Request).filter_by(reference=reference).one().status == "released"


def test_manager_returns_pack_with_comments(web):
    reference, officer_client, manager_client = _submitted(web)
    post(manager_client, f"/staff/requests/{reference}/return", {"comments": "redact the neighbour's address"})
    html = case_page(officer_client, reference)
    assert "redact the neighbour&#39;s address" in html
    with web.factory() as session:
        assert session.query(Request).filter_by(reference=reference).one().status == "in_review"


def _with_a_drawn_box(web, code: str, reason: str):
    """An officer's request with one uploaded document and one box drawn on its first page (accepted).

    :return: ``(the officer's client, the reference, the bundle item's id)``.
    """
    officer = web.user("officer")
    client = web.login(officer)
    reference = web.new_request(client)
    web.upload(client, reference, sample_pdf("case00_placement_1.pdf"), "placement.pdf")
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        item = session.query(BundleItem).filter_by(request_id=req.id).one()
        redactions.add_manual_redaction(session, item, 0, [[60, 200, 300, 215]], code, reason,
                                        actor=session.get(User, officer.id), now=utcnow(), settings=web.settings)
        session.commit()
        return client, reference, item.id


def test_pack_screen_lists_manager_codes_and_offers_the_zip_only_after_approval(web):
    """Serious-harm decisions are flagged for the approving manager (rulebook §3.2); no zip before approval."""
    officer_client, reference, _ = _with_a_drawn_box(web, "SCH3-SERIOUS-HARM", "carers' address")
    assert post(officer_client, f"/staff/requests/{reference}/submit", {"note": "ready"}).status_code == 302
    manager_client = web.login(web.user("manager"))
    pack = manager_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert 'id="flagged"' in pack and "SCH3-SERIOUS-HARM" in pack
    assert 'id="no-download"' in pack and "Download the pack (zip)" not in pack
    sha = re.search(r'name="pack_sha256" type="hidden" value="([0-9a-f]{64})"', pack).group(1)
    assert post(manager_client, f"/staff/requests/{reference}/approve", {"pack_sha256": sha}).status_code == 302
    pack = manager_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert "Download the pack (zip)" in pack


def test_a_manager_who_prepared_the_pack_gets_no_buttons_and_is_refused(web):
    """The pack screen follows ``sar.release.approvals.may_decide``: preparing the pack is one's own work."""
    manager = web.user("manager")
    manager_client = web.login(manager)
    reference = web.new_request(manager_client)
    web.upload(manager_client, reference, sample_pdf("case00_email_1.pdf"), "email.pdf")
    officer_client = web.login(web.user("officer"))
    assert post(officer_client, f"/staff/requests/{reference}/submit", {"note": "ready"}).status_code == 302
    pack = manager_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert 'id="approve"' not in pack and "another manager must approve it" in pack
    sha = re.search(r'id="pack-sha">([0-9a-f]{64})<', pack).group(1)
    assert post(manager_client, f"/staff/requests/{reference}/approve", {"pack_sha256": sha}).status_code == 403
    other = web.login(web.user("manager"))
    assert 'id="approve"' in other.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)


def test_redaction_totals_count_only_documents_still_in_the_bundle(web):
    """The review totals are ``sar.bundle.redactions.review_counts``: a removed document's redactions drop out."""
    client, reference, item_id = _with_a_drawn_box(web, "SCH2-P16-THIRD-PARTY", "neighbour's address")
    totals = re.search(r'id="redaction-totals">([^<]*)<', case_page(client, reference)).group(1)
    assert "1 accepted" in totals
    post(client, f"/staff/requests/{reference}/documents/{item_id}/remove", {"reason": "sent in error"})
    totals = re.search(r'id="redaction-totals">([^<]*)<', case_page(client, reference)).group(1)
    assert totals.startswith("0 waiting") and "0 accepted" in totals
