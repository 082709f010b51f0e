"""API for issue 13: the portal round trip (ID request, reply with a file, clock restarts), notes,
outcomes through the four-eyes path with a closure record, reopening, and withdrawing a clock event."""

from __future__ import annotations

import io

import pytest

from tests.sar._docs import pdf_bytes
from tests.web.test_api_helpers import make_api


@pytest.fixture
def api(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    yield api
    api.app.extensions["sar_engine"].dispose()


def test_requester_answers_an_id_request_through_the_api_and_the_clock_restarts(api):
    ref = api.new_request("alice")["reference"]
    sent = api.post(f"/api/requests/{ref}/letters", json={
        "kind": "id_request", "send": True, "fields": {"what_we_need": "A copy of your passport."}})
    assert sent.status_code == 201, sent.get_json()
    assert sent.get_json()["status"] == "awaiting_verification"
    letters = api.get(f"/api/requests/{ref}/letters", "alice").get_json()["items"]
    assert [x["kind"] for x in letters] == ["id_request"] and "passport" in letters[0]["text"]
    assert api.get(f"/api/requests/{ref}/letters", "bob").status_code == 404
    waiting = api.get(f"/api/requests/{ref}/messages", "alice").get_json()["waiting_for"]
    assert [w["kind"] for w in waiting] == ["id_requested"]
    reply = api.post(f"/api/requests/{ref}/messages", "alice", content_type="multipart/form-data",
                     data={"body": "Here it is.", "evidence": "identity",
                           "files": [(io.BytesIO(pdf_bytes("passport")), "passport.pdf")]})
    assert reply.status_code == 201, reply.get_json()
    out = reply.get_json()
    assert out["status"] == "in_progress" and out["waiting_for"] == [] and out["message"]["item_ids"]
    assert api.post(f"/api/requests/{ref}/messages", "officer", json={"body": "x"}).status_code == 403


def test_notes_are_staff_only_over_the_api(api):
    ref = api.new_request("alice")["reference"]
    assert api.post(f"/api/requests/{ref}/notes", json={"body": "Called the school."}).status_code == 201
    assert [n["body"] for n in api.get(f"/api/requests/{ref}/notes").get_json()["items"]] == ["Called the school."]
    assert api.get(f"/api/requests/{ref}/notes", "alice").status_code == 403
    assert api.post(f"/api/requests/{ref}/notes", "alice", json={"body": "hi"}).status_code == 403


def test_foi_outcome_through_four_eyes_closure_reopen_and_clock_correction(api):
    ref = api.new_request(regime="foi", description="How much was spent on agency staff in 2025?")["reference"]
    ext = api.post(f"/api/requests/{ref}/letters", json={
        "kind": "extension", "send": True, "fields": {"reasons": "x", "exemption": "s.43(2)"}}).get_json()
    event_id = ext["letter"]["clock_event_id"]
    assert api.call("DELETE", f"/api/requests/{ref}/events/{event_id}", json={}).status_code == 400
    voided = api.call("DELETE", f"/api/requests/{ref}/events/{event_id}", json={"reason": "sent in error"})
    assert voided.status_code == 200 and voided.get_json()["event"]["void_reason"] == "sent in error"
    assert api.post(f"/api/requests/{ref}/outcome", json={"kind": "cost_limit", "reasons": "900 files"}
                    ).status_code == 400
    recorded = api.post(f"/api/requests/{ref}/outcome", json={
        "kind": "cost_limit", "reasons": "900 paper files.", "advice": "Limit it to one team.", "submit": True})
    # The decision pack is built by a background job, never inside the request (issue 15).
    assert recorded.status_code == 202, recorded.get_json()
    job = api.wait_for_job(recorded.headers["Location"])
    assert job["status"] == "done" and job["result"]["status"] == "awaiting_approval", job
    sha = job["result"]["pack_sha256"]
    assert api.post(f"/api/requests/{ref}/approve", "manager", json={"pack_sha256": sha}).status_code == 200
    assert api.post(f"/api/requests/{ref}/release", "manager").status_code == 200
    issued = api.get(f"/api/requests/{ref}/outcome").get_json()["issued"]
    assert [(o["kind"], o["on_time"], o["held"]) for o in issued] == [("cost_limit", True, "not_applicable")]
    assert api.get(f"/api/requests/{ref}/outcome", "alice").status_code in (403, 404)
    assert api.post(f"/api/requests/{ref}/reopen", json={}).status_code == 400
    reopened = api.post(f"/api/requests/{ref}/reopen", json={"reason": "The requester narrowed it."})
    assert reopened.get_json()["status"] == "in_progress"


def test_requester_withdraws(api):
    ref = api.new_request("alice")["reference"]
    assert api.post(f"/api/requests/{ref}/withdraw", "bob").status_code == 404
    out = api.post(f"/api/requests/{ref}/withdraw", "alice")
    assert out.status_code == 200 and out.get_json()["status"] == "withdrawn"
    assert out.get_json()["closure"]["kind"] == "withdrawn"
    assert api.post(f"/api/requests/{ref}/withdraw", "alice").status_code == 409


def test_internal_review_logged_through_the_api_is_linked_both_ways(api):
    ref = api.new_request(regime="foi", description="How much was spent on agency staff in 2025?")["reference"]
    assert api.post(f"/api/requests/{ref}/links", json={"kind": "reconsideration", "received": "2026-03-02",
                                                        "description": "x"}).status_code == 400
    made = api.post(f"/api/requests/{ref}/links", json={"kind": "internal_review", "received": "2026-03-02",
                                                        "description": "Please review the refusal."})
    assert made.status_code == 201, made.get_json()
    review = made.get_json()["linked_request"]
    assert review and made.get_json()["due_on"]
    assert [x["original"] for x in api.get(f"/api/requests/{review}/links").get_json()["items"]] == [ref]
    assert api.post(f"/api/requests/{ref}/links", "alice", json={"kind": "internal_review", "received": "2026-03-02",
                                                                 "description": "x"}).status_code == 404
