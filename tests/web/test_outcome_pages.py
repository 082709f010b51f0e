"""Staff outcome page and portal reply pages (issue 13): an ID request answered in the portal (the
clock stops and restarts), a withdrawal, and an FOI refused under s.12 through the staff forms."""

from __future__ import annotations

import io

from sar.models import Job, Request
from tests.sar._docs import pdf_bytes
from tests.web.test_portal import register, submit
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def _request(web, reference):
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        return req.status, req.due_on, [(e.kind, e.voided_at is None) for e in req.clock_events]


def test_id_request_answered_in_the_portal_stops_and_restarts_the_clock(web):
    requester = register(web)
    ref = submit(requester)
    officer = web.login(web.user("officer"))
    page = officer.get(f"/staff/requests/{ref}/outcome")
    assert page.status_code == 200 and "Write a letter" in page.get_data(as_text=True)
    preview = post(officer, f"/staff/requests/{ref}/stage-letter",
                   {"kind": "id_request", "what_we_need": "A copy of your passport.", "action": "preview"})
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "A copy of your passport." in body and 'id="letter-text"' in body
    sent = post(officer, f"/staff/requests/{ref}/stage-letter",
                {"kind": "id_request", "what_we_need": "A copy of your passport.", "action": "send",
                 "dispatch": "email", "text": "Dear Alex,\n\nPlease send a copy of your passport or licence.\n"})
    assert sent.status_code == 302
    status, due, events = _request(web, ref)
    assert status == "awaiting_verification" and events == [("id_requested", True)]
    portal = requester.get(f"/portal/requests/{ref}").get_data(as_text=True)
    assert "We are waiting for you" in portal and "proof of your identity" in portal
    letters = requester.get(f"/portal/requests/{ref}/correspondence").get_data(as_text=True)
    assert "passport or licence" in letters
    replied = post(requester, f"/portal/requests/{ref}/reply",
                   {"body": "Attached.", "evidence": "identity",
                    "files": (io.BytesIO(pdf_bytes("passport")), "passport.pdf")},
                   content_type="multipart/form-data")
    assert replied.status_code == 302, replied.get_data(as_text=True)[:2000]
    status, due_after, events = _request(web, ref)
    assert status == "in_progress" and ("id_received", True) in events
    staff_view = officer.get(f"/staff/requests/{ref}/outcome").get_data(as_text=True)
    assert "Attached." in staff_view and "1 file(s) added to the evidence" in staff_view


def test_withdrawal_needs_confirmation_and_another_requester_gets_404(web):
    requester = register(web)
    ref = submit(requester)
    stranger = register(web, email="other@example.org", name="Other Person")
    assert stranger.get(f"/portal/requests/{ref}/correspondence").status_code == 404
    refused = post(requester, f"/portal/requests/{ref}/withdraw", {"reason": "sorted"})
    assert refused.status_code == 400 and "tick the box to confirm" in " ".join(flashes(refused)).lower()
    assert _request(web, ref)[0] != "withdrawn"
    done = post(requester, f"/portal/requests/{ref}/withdraw", {"reason": "sorted", "confirm": "on"})
    assert done.status_code == 302 and _request(web, ref)[0] == "withdrawn"


def test_foi_cost_limit_recorded_and_submitted_from_the_staff_page(web):
    officer = web.login(web.user("officer"))
    ref = web.new_request(officer, regime="foi", description="All spending on agency staff since 2010.")
    missing = post(officer, f"/staff/requests/{ref}/outcome", {"kind": "cost_limit", "reasons": "900 files"})
    assert missing.status_code == 400 and "advice" in missing.get_data(as_text=True)
    recorded = post(officer, f"/staff/requests/{ref}/outcome",
                    {"kind": "cost_limit", "reasons": "900 files at 10 minutes each.",
                     "advice": "Ask for one financial year."})
    assert recorded.status_code == 302
    page = officer.get(f"/staff/requests/{ref}/outcome").get_data(as_text=True)
    assert "Ask for one financial year." in page and 'id="submit-outcome"' in page
    submitted = post(officer, f"/staff/requests/{ref}/outcome/submit", {"note": ""})
    assert submitted.status_code == 302 and _request(web, ref)[0] == "awaiting_approval"
    # The pack was built by a background job with progress, never inside the HTTP request (issue 15).
    with web.factory() as session:
        job = session.query(Job).filter_by(kind="pack_submission").one()
        assert job.status == "done" and job.result["outcome"] is True and len(job.result["pack_sha256"]) == 64
    assert "Submitted for approval. Pack fingerprint" in officer.get(f"/staff/requests/{ref}").get_data(as_text=True)
    manager = web.login(web.user("manager"))
    pack_page = manager.get(f"/staff/requests/{ref}/pack")
    assert pack_page.status_code == 200 and "decision-letter.pdf" in pack_page.get_data(as_text=True)
    note = post(officer, f"/staff/requests/{ref}/notes", {"body": "Discussed with the finance team."})
    assert note.status_code == 302
    assert "Discussed with the finance team." in officer.get(f"/staff/requests/{ref}/outcome").get_data(as_text=True)


def test_internal_review_logged_from_the_staff_page_is_visible_from_both_sides(web):
    officer = web.login(web.user("officer"))
    ref = web.new_request(officer, regime="foi", description="Spending on agency staff in 2025.")
    bad = post(officer, f"/staff/requests/{ref}/links", {"kind": "internal_review", "received_on": "2026-13-01",
                                                         "description": "Look again."})
    assert bad.status_code == 400
    done = post(officer, f"/staff/requests/{ref}/links", {"kind": "internal_review", "received_on": "2026-03-20",
                                                          "description": "Please look again."})
    assert done.status_code == 302, done.get_data(as_text=True)[:2000]
    page = officer.get(f"/staff/requests/{ref}/outcome").get_data(as_text=True)
    assert "FOIA internal review" in page
    with web.factory() as session:
        review = session.query(Request).filter_by(regime="foi-internal-review").one()
        review_ref = review.reference
    assert ref in officer.get(f"/staff/requests/{review_ref}/outcome").get_data(as_text=True)


def test_outcome_submit_only_queues_the_pack_build(web, monkeypatch):
    """Issue 15: the submit answers before any pack is built; the build is a queued job, not request work."""
    from web.staff import background

    started = []
    monkeypatch.setattr(background, "run_in_background", lambda app, factory, job_id, settings: started.append(job_id))
    officer = web.login(web.user("officer"))
    ref = web.new_request(officer, regime="foi", description="All spending on agency staff since 2010.")
    refused = post(officer, f"/staff/requests/{ref}/outcome/submit", {"note": ""})
    assert refused.status_code == 409 and "record the outcome first" in refused.get_data(as_text=True).lower()
    assert started == []
    post(officer, f"/staff/requests/{ref}/outcome", {"kind": "cost_limit", "reasons": "900 files at 10 minutes each.",
                                                     "advice": "Ask for one financial year."})
    submitted = post(officer, f"/staff/requests/{ref}/outcome/submit", {"note": "please check"})
    assert submitted.status_code == 302 and submitted.headers["Location"].endswith("#approval")
    status = _request(web, ref)[0]
    assert status not in ("awaiting_approval",)  # nothing built yet: the job does that
    with web.factory() as session:
        job = session.query(Job).filter_by(kind="pack_submission").one()
        assert job.status == "queued" and job.result == {"note": "please check", "outcome": True}
        assert started == [job.id]
    assert "Building the response pack" in officer.get(f"/staff/requests/{ref}").get_data(as_text=True)
