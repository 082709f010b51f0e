"""The staff workspace: logging requests, documents, review, clock and triage, and four-eyes approval."""

from __future__ import annotations

import re

from sar.bundle import redactions
from sar.core.db import utcnow
from sar.models import AuditEvent, BundleItem, Redaction, Request, User
from tests import formats_factory as ff
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


def test_upload_refuses_a_damaged_or_unknown_file_with_a_clear_message(web):
    # Issue 17: other formats are accepted, but a file that is not what it says is refused, naming it.
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    response = web.upload(client, reference, b"PK\x03\x04 this is a docx", "notes.docx")
    assert response.status_code == 302
    messages = flashes(client.get(response.location))
    assert any("notes.docx is named as a Word document but its content is not one" in m for m in messages), messages
    response = web.upload(client, reference, b"plain text", "notes.txt")
    assert any("notes.txt: this type of file is not supported" in m for m in flashes(client.get(response.location)))
    with web.factory() as session:
        assert session.query(BundleItem).count() == 0


def test_upload_of_an_image_is_converted_in_the_background_and_listed(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    response = web.upload(client, reference, ff.text_image(["Scanned letter"]), "scan.png")
    messages = flashes(client.get(response.location))
    assert any("Converting 1 file to PDF" in m for m in messages), messages
    page = client.get(f"/staff/requests/{reference}").get_data(as_text=True)
    assert "scan.png" in page and "converted to PDF, original kept" in page and "Converting documents" in page
    assert 'accept=".pdf,.docx' in page
    with web.factory() as session:
        [item] = session.query(BundleItem).all()
        assert item.document.source_media_type == "image/png"


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
    response, page, job = web.submit(officer_client, reference, "ready for you")
    assert response.status_code == 302
    assert any("Building the response pack" in m for m in flashes(page))
    assert job["kind"] == "pack_submission" and job["status"] == "done", job
    shown = f"Submitted for approval. Pack fingerprint {job['result']['pack_sha256'][:12]}"
    assert shown in page.get_data(as_text=True)
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
def test_record_a_search_and_confirm_a_proposed_duplicate_in_the_browser_flow(web):
    from redaction.pdf_compose import text_pdf
    from sar.models import DuplicateProposal, PageMark, SearchRecord
    from tests.redaction.test_duplicates import LETTER

    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    response = post(client, f"/staff/requests/{reference}/searches",
                    {"place": "email", "place_detail": "duty mailbox", "terms": "surname", "result": "found",
                     "found_count": "3", "date_from": "2024-01-01", "date_to": "2024-12-31"})
    assert any("Search recorded" in m for m in flashes(client.get(response.location)))
    response = post(client, f"/staff/requests/{reference}/searches", {"place": "email", "result": "found"})
    assert any("Say how many records were found" in m for m in flashes(client.get(response.location)))
    page = client.get(f"/staff/requests/{reference}").get_data(as_text=True)
    assert "duty mailbox" in page and "found 3" in page
    web.upload(client, reference, text_pdf([LETTER]), "letter.pdf")
    web.upload(client, reference, text_pdf([LETTER.upper()]), "letter-scan.pdf")
    post(client, f"/staff/requests/{reference}/duplicates/find", {})
    page = client.get(f"/staff/requests/{reference}").get_data(as_text=True)
    assert "letter-scan.pdf page 1 looks like a duplicate of letter.pdf page 1" in page
    with web.factory() as session:
        [proposal] = session.query(DuplicateProposal).all()
        assert session.query(SearchRecord).count() == 1
    post(client, f"/staff/requests/{reference}/duplicates/{proposal.id}", {"decision": "confirmed"})
    with web.factory() as session:
        [mark] = session.query(PageMark).all()
        assert (mark.mark, mark.reason) == ("duplicate", "duplicate of letter.pdf page 1")


def test_the_approving_manager_sees_the_search_log_or_its_absence(web):
    from redaction.pdf_compose import text_pdf

    officer_client = web.login(web.user("officer"))
    reference = web.new_request(officer_client)
    web.upload(officer_client, reference, text_pdf(["A case note with nothing to redact."]), "note.pdf")
    assert post(officer_client, f"/staff/requests/{reference}/submit", {"note": "ready"}).status_code == 302
    manager_client = web.login(web.user("manager"))
    pack = manager_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert 'id="no-search-log"' in pack
    post(officer_client, f"/staff/requests/{reference}/searches",
         {"place": "paper_files", "place_detail": "archive box 12", "result": "none_found"})
    pack = manager_client.get(f"/staff/requests/{reference}/pack").get_data(as_text=True)
    assert 'id="no-search-log"' not in pack and "archive box 12" in pack and "none found" in pack


def test_order_the_bundle_by_date_from_the_case_page(web):
    from redaction.pdf_compose import text_pdf

    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    web.upload(client, reference, text_pdf(["Note written on 9 May 2025."]), "may.pdf")
    web.upload(client, reference, text_pdf(["Note written on 2 January 2024."]), "january.pdf")
    assert 'id="order-form"' in client.get(f"/staff/requests/{reference}").get_data(as_text=True)
    response = post(client, f"/staff/requests/{reference}/documents/order", {"by": "date"})
    assert any("Bundle reordered" in m for m in flashes(client.get(response.location)))
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        names = [i.filename for i in session.query(BundleItem).filter_by(request_id=req.id)
                 .order_by(BundleItem.position)]
    assert names == ["january.pdf", "may.pdf"]


def test_ask_another_team_for_records_and_record_the_answer_from_the_case_page(web):
    from datetime import date, timedelta

    from sar.models import RecordCall, SearchRecord

    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    due = (date.today() + timedelta(days=5)).isoformat()
    response = post(client, f"/staff/requests/{reference}/record-calls",
                    {"team": "Fostering team", "what": "Carer visit notes", "due_on": due})
    assert any("Call for records sent" in m for m in flashes(client.get(response.location)))
    response = post(client, f"/staff/requests/{reference}/record-calls", {"team": "X", "what": "Y", "due_on": "soon"})
    assert any("YYYY-MM-DD" in m for m in flashes(client.get(response.location)))
    page = client.get(f"/staff/requests/{reference}").get_data(as_text=True)
    assert "Fostering team" in page and "Carer visit notes" in page
    with web.factory() as session:
        [call] = session.query(RecordCall).all()
    post(client, f"/staff/requests/{reference}/record-calls/{call.id}/answer", {"found_count": "2", "note": "posted"})
    with web.factory() as session:
        assert session.get(RecordCall, call.id).status == "answered"
        [logged] = session.query(SearchRecord).all()
        assert (logged.place, logged.found_count) == ("other_team", 2)


def test_submit_returns_before_the_pack_is_built_and_the_case_page_shows_the_build(web, monkeypatch):
    """Issue 15: the staff submit queues the pack job and answers at once; the build runs in the background."""
    import threading

    from sar.models import Approval, Job, ResponsePack
    from web.staff import background

    gate = threading.Event()
    real_work = background._work

    def held(*args):  # the real runner, started only once the test has looked at the state after the response
        gate.wait(120)
        real_work(*args)

    monkeypatch.setattr(background, "_work", held)
    web.app.config["SAR_RUN_JOBS_INLINE"] = False  # a real background thread, as in production
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    web.upload(client, reference, sample_pdf("case00_email_1.pdf"), "email.pdf")
    with web.factory() as session:
        before = session.query(Request).filter_by(reference=reference).one().status
    try:
        response = post(client, f"/staff/requests/{reference}/submit", {"note": "ready"})
        assert response.status_code == 302
        with web.factory() as session:
            job = session.query(Job).filter_by(kind="pack_submission").one()
            assert job.status == "queued" and job.result == {"note": "ready"}
            assert session.query(ResponsePack).count() == 0 and session.query(Approval).count() == 0
            assert session.query(Request).filter_by(reference=reference).one().status == before
        shown = client.get(response.location)
        assert any("Building the response pack" in m for m in flashes(shown))
        page = shown.get_data(as_text=True)
        approval = page.split('id="approval"', 1)[1].split("</section>", 1)[0]
        assert 'id="job-progress"' in approval and 'data-status="queued"' in approval
        assert 'id="submit-form"' not in approval  # no second submission while the pack is being built
        again = post(client, f"/staff/requests/{reference}/submit", {"note": "ready"})
        assert any("already being built" in m for m in flashes(client.get(again.location)))
    finally:
        gate.set()
    [thread] = [t for t in threading.enumerate() if t.name == f"sar-job-{job.id}"]
    thread.join(120)
    with web.factory() as session:
        assert session.get(Job, job.id).status == "done"
        [pack] = session.query(ResponsePack).all()
        assert session.query(Request).filter_by(reference=reference).one().status == "awaiting_approval"
        assert session.query(Approval).one().submit_note == "ready"
    assert f"Submitted for approval. Pack fingerprint {pack.sha256[:12]}" in case_page(client, reference)


def test_a_failing_pack_build_fails_the_job_with_its_reason_and_leaves_the_request(web, monkeypatch):
    """A verification failure (redaction-notes §3.3) ends the job as failed, shown on the case page; nothing moves."""
    from redaction.errors import VerificationError
    from sar.models import Approval, Job, ResponsePack
    from sar.release import packs

    def leaky(*args, **kwargs):
        raise VerificationError(["page 1: a redacted name is still extractable"])

    monkeypatch.setattr(packs.pdf, "burn_in_report", leaky)
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    web.upload(client, reference, sample_pdf("case00_email_1.pdf"), "email.pdf")
    with web.factory() as session:
        before = session.query(Request).filter_by(reference=reference).one().status
    response, page, job = web.submit(client, reference, "ready")
    assert response.status_code == 302
    assert job["status"] == "failed" and "failed verification" in job["message"], job
    html = page.get_data(as_text=True)
    assert "Building the response pack: failed" in html and "a redacted name is still extractable" in html
    assert "Submitted for approval" not in html and 'id="submit-form"' in html  # the officer can fix and retry
    with web.factory() as session:
        assert session.get(Job, job["id"]).status == "failed"
        assert session.query(ResponsePack).count() == 0 and session.query(Approval).count() == 0
        assert session.query(Request).filter_by(reference=reference).one().status == before
