"""JSON API: authentication, every error status, malformed input, intake rules and the OpenAPI document."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from sar.models import ApiToken, BundleItem, Request
from tests.web.test_api_helpers import Api, api_on_new_database, make_api
from web.db import session_factory

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def fresh_api(fresh_db_url, settings, tmp_path) -> Iterator[Api]:
    """An app on a database of this test's own, for tests that count or change what is stored."""
    api = make_api(fresh_db_url, settings, tmp_path)
    yield api
    api.app.extensions["sar_engine"].dispose()


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[Api]:
    """One app and database for the whole module, for tests that only read or are refused."""
    with api_on_new_database(tmp_path_factory.mktemp("api")) as api:
        yield api


def _today() -> date:
    return datetime.now(UTC).astimezone(LONDON).date()


def _error(response, status: int) -> str:
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]
    return body["error"]


def _pdf() -> bytes:
    import pymupdf  # tests may build PDFs directly; the app never imports PyMuPDF outside redaction/

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A short note about the visit.")
    return doc.tobytes()


# -- authentication ------------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc",
                                    "Bearer sar_not-a-real-token"])
def test_missing_or_invalid_token_is_401_with_bearer_challenge(api, header):
    headers = {"Authorization": header} if header is not None else {}
    response = api.client.get("/api/requests", headers=headers)
    _error(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_is_401(fresh_api):
    with fresh_api.app.app_context():
        with session_factory()() as session:
            for row in session.scalars(select(ApiToken)):
                row.revoked_at = datetime.now(UTC)
            session.commit()
    _error(fresh_api.get("/api/requests"), 401)


def test_health_and_openapi_need_no_token(api):
    api.app.config["SAR_SETTINGS"].storage_dir.mkdir(parents=True, exist_ok=True)
    assert api.get("/api/health", who=None).get_json() == {
        "status": "ok", "checks": {"database": "ok", "storage": "ok"}, "failed": []}
    assert api.get("/api/openapi.json", who=None).status_code == 200


# -- routing errors ------------------------------------------------------------------------------


def test_unknown_api_path_is_json_404(api):
    _error(api.get("/api/nothing-here"), 404)
    _error(api.get("/api/nothing-here", who=None), 404)


def test_wrong_method_is_json_405_with_allow(api):
    response = api.call("DELETE", "/api/requests")
    _error(response, 405)
    assert "POST" in response.headers["Allow"]


# -- intake --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs", [
    {"data": "{not json", "content_type": "application/json"},
    {"data": "[1, 2]", "content_type": "application/json"},
    {"data": "description=x", "content_type": "application/x-www-form-urlencoded"},
    {},
])
def test_malformed_body_is_400(api, kwargs):
    _error(api.post("/api/requests", **kwargs), 400)


@pytest.mark.parametrize("body, fragment", [
    ({"requester": {"name": "Jo"}}, "description"),
    ({"description": "   ", "requester": {"name": "Jo"}}, "description"),
    ({"description": 7, "requester": {"name": "Jo"}}, "description"),
    ({"description": "my file"}, "requester"),
    ({"description": "my file", "requester": "Jo"}, "requester"),
    ({"description": "my file", "requester": {"email": "jo@example.org"}}, "requester.name"),
    ({"description": "my file", "requester": {"name": "Jo"}, "received": "2026-13-01"}, "received"),
    ({"description": "my file", "requester": {"name": "Jo"}, "received": "1/3/2026"}, "received"),
    ({"description": "my file", "requester": {"name": "Jo"}, "received": 20260301}, "received"),
    ({"description": "my file", "requester": {"name": "Jo"}, "subject": {"name": "Kim", "dob": "31/01/2010"}},
     "subject.dob"),
    ({"description": "my file", "requester": {"name": "Jo"}, "regime": "gossip"}, "regime"),
    ({"description": "my file", "requester": {"name": "Jo"}, "channel": "pigeon"}, "channel"),
])
def test_bad_new_request_is_400_naming_the_field(api, body, fragment):
    assert fragment in _error(api.post("/api/requests", json=body), 400)


def test_received_in_the_future_is_400(api):
    tomorrow = (_today() + timedelta(days=1)).isoformat()
    body = {"description": "my file", "requester": {"name": "Jo"}, "received": tomorrow}
    assert "future" in _error(api.post("/api/requests", json=body), 400)


def test_staff_log_a_request_received_on_an_earlier_day(api):
    day = _today() - timedelta(days=3)
    out = api.new_request(received=day.isoformat(), channel="letter", regime="foi",
                          description="How many foster carers did the council approve in 2025?")
    assert out["received"] == day.isoformat()
    assert out["regime"] == "foi" and out["status"] == "received" and out["due"]
    assert out["reference"].startswith("FOI-") and out["channel"] == "letter"
    assert [p["reference"] for p in out["parts"]] == [out["reference"]]
    assert out["explanation"]


def test_received_today_is_accepted_at_any_hour(api):
    out = api.new_request(received=_today().isoformat())
    assert out["received"] == _today().isoformat()


def test_create_returns_location_of_the_request(api):
    response = api.post("/api/requests", json={"description": "my social care file",
                                               "requester": {"name": "Jo"}})
    assert response.status_code == 201
    ref = response.get_json()["reference"]
    assert response.headers["Location"].endswith(f"/api/requests/{ref}")
    assert api.get(f"/api/requests/{ref}").get_json()["reference"] == ref


def test_mixed_request_returns_every_part(api):
    out = api.new_request(description="Please send me a copy of my social care file. Also, how much did "
                                      "the council spend on agency social workers in 2025?")
    assert len(out["parts"]) >= 2
    assert out["reference"] == out["parts"][0]["reference"]
    assert len({p["reference"] for p in out["parts"]}) == len(out["parts"])


def test_requester_creates_own_request_through_the_api(fresh_api):
    out = fresh_api.new_request("alice", requester={"type": "data_subject"},
                          description="Copy of my records please")
    # The requester is answered with the requester view; staff see how the request arrived and from whom.
    assert "parties" not in out and "channel" not in out
    staff = fresh_api.get(f"/api/requests/{out['reference']}").get_json()
    assert staff["channel"] == "api"
    assert staff["parties"][0] == {"id": staff["parties"][0]["id"], "role": "requester", "name": "Alice Requester",
                                   "preferred_language": None, "interpreter_needed": False,
                                   "interpreter_language": None, "preferred_format": None,
                                   "preferred_channel": None, "advocate_name": None, "advocate_copy": False,
                                   "age": None, "looked_after": False}
    assert fresh_api.get(f"/api/requests/{out['reference']}", "alice").status_code == 200
    listed = fresh_api.get("/api/requests", "alice").get_json()
    assert [r["reference"] for r in listed["items"]] == [out["reference"]]
    empty = {"items": [], "page": 1, "per_page": 50, "total": 0}
    assert fresh_api.get("/api/requests", "bob").get_json() == empty


@pytest.mark.parametrize("extra, fragment", [
    ({"received": "2026-01-05"}, "received"),
    ({"channel": "letter"}, "api"),
    ({"regime": "foi"}, "regime"),
])
def test_requester_cannot_backdate_pick_channel_or_regime(api, extra, fragment):
    body = {"description": "Copy of my records please", **extra}
    assert fragment in _error(api.post("/api/requests", "alice", json=body), 400)


def test_list_is_paginated_and_filtered(fresh_api):
    refs = [fresh_api.new_request()["reference"] for _ in range(3)]
    page = fresh_api.get("/api/requests?per_page=2").get_json()
    assert page["total"] == 3 and len(page["items"]) == 2
    assert [r["reference"] for r in page["items"]] == refs[::-1][:2]
    assert len(fresh_api.get("/api/requests?per_page=2&page=2").get_json()["items"]) == 1
    assert fresh_api.get("/api/requests?status=released").get_json()["total"] == 0
    for query in ("page=0", "per_page=1000", "page=x"):
        _error(fresh_api.get(f"/api/requests?{query}"), 400)
    assert "status" in _error(fresh_api.get("/api/requests?status=lost"), 400)


# -- reading, clock events -----------------------------------------------------------------------


def test_unknown_reference_is_404(api):
    _error(api.get("/api/requests/SAR-1999-0001"), 404)
    body = {"kind": "extended", "date": "2026-01-01"}
    _error(api.post("/api/requests/SAR-1999-0001/events", json=body), 404)


def test_reference_is_case_insensitive(api):
    ref = api.new_request()["reference"]
    assert api.get(f"/api/requests/{ref.lower()}").get_json()["reference"] == ref


def test_clock_event_moves_the_due_date(api):
    day = _today() - timedelta(days=10)
    out = api.new_request(received=day.isoformat(), regime="sar")
    response = api.post(f"/api/requests/{out['reference']}/events",
                        json={"kind": "id_requested", "date": (day + timedelta(days=1)).isoformat(),
                              "reason": "no proof of identity"})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["event"]["kind"] == "id_requested" and body["event"]["reason"] == "no proof of identity"
    assert body["request"]["status"] == "awaiting_verification"
    assert body["request"]["explanation"]
    received = api.post(f"/api/requests/{out['reference']}/events",
                        json={"kind": "id_received", "date": _today().isoformat()}).get_json()
    assert received["request"]["due"] > out["due"]


@pytest.mark.parametrize("body, fragment", [
    ({"date": "2026-01-01"}, "kind"),
    ({"kind": "extended"}, "date"),
    ({"kind": "teleported", "date": "2026-01-01"}, "teleported"),
    ({"kind": "extended", "date": "yesterday"}, "date"),
    ({"kind": "id_received", "date": "1999-01-01"}, ""),
])
def test_bad_clock_event_is_400(api, body, fragment):
    ref = api.new_request(regime="sar")["reference"]
    assert fragment in _error(api.post(f"/api/requests/{ref}/events", json=body), 400)


def test_clock_event_in_the_future_is_400(api):
    ref = api.new_request(regime="sar")["reference"]
    body = {"kind": "extended", "date": (_today() + timedelta(days=2)).isoformat()}
    _error(api.post(f"/api/requests/{ref}/events", json=body), 400)


def test_requester_cannot_record_clock_events_or_upload(api):
    ref = api.new_request("alice", description="Copy of my records please")["reference"]
    _error(api.post(f"/api/requests/{ref}/events", "alice", json={"kind": "extended",
                                                                   "date": _today().isoformat()}), 403)
    _error(api.upload(ref, "a.pdf", _pdf(), who="alice"), 403)
    _error(api.post(f"/api/requests/{ref}/redactions/propose", "alice"), 403)
    _error(api.post(f"/api/requests/{ref}/submit", "alice"), 403)
    _error(api.get(f"/api/requests/{ref}/redactions", "alice"), 403)  # proposals quote third parties


def test_another_requesters_request_is_404_everywhere(api):
    ref = api.new_request("alice", description="Copy of my records please")["reference"]
    event = {"kind": "extended", "date": _today().isoformat()}
    for response in (
        api.get(f"/api/requests/{ref}", "bob"),
        api.post(f"/api/requests/{ref}/events", "bob", json=event),
        api.upload(ref, "a.pdf", _pdf(), who="bob"),
        api.post(f"/api/requests/{ref}/redactions/propose", "bob"),
        api.get(f"/api/requests/{ref}/redactions", "bob"),
        api.post(f"/api/requests/{ref}/submit", "bob"),
        api.post(f"/api/requests/{ref}/approve", "bob", json={"pack_sha256": "0" * 64}),
        api.post(f"/api/requests/{ref}/release", "bob"),
        api.get(f"/api/requests/{ref}/pack", "bob"),
    ):
        assert _error(response, 404) == "no such request"


# -- documents, redactions, approval errors ------------------------------------------------------


def test_upload_needs_a_file_and_a_pdf(api):
    ref = api.new_request()["reference"]
    assert "file" in _error(api.post(f"/api/requests/{ref}/documents", data={},
                                     content_type="multipart/form-data"), 400)
    assert "notes.docx is named as a Word document but its content is not one" in _error(
        api.upload(ref, "notes.docx", b"PK\x03\x04 not a pdf at all"), 400)
    assert "notes.txt: this type of file is not supported" in _error(api.upload(ref, "notes.txt", b"text"), 400)
    _error(api.upload(ref, "empty.pdf", b""), 400)
    response = api.upload(ref, "visit.pdf", _pdf())
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["page_count"] == 1 and body["filename"] == "visit.pdf" and len(body["sha256"]) == 64


def test_upload_too_large_is_json_413(fresh_api):
    ref = fresh_api.new_request()["reference"]
    fresh_api.app.config["MAX_CONTENT_LENGTH"] = 2048
    assert "too large" in _error(fresh_api.upload(ref, "big.pdf", b"%PDF-1.7\n" + b"0" * 4096), 413)


def test_unknown_job_and_redaction_are_404(api):
    _error(api.get("/api/jobs/999999"), 404)
    _error(api.patch("/api/redactions/999999", json={"status": "accepted"}), 404)


@pytest.mark.parametrize("body", [{}, {"status": "maybe"}, {"status": 1}])
def test_bad_redaction_decision_is_400(api, body):
    assert "status" in _error(api.patch("/api/redactions/1", json=body), 400)


def test_redaction_list_rejects_unknown_status(api):
    ref = api.new_request()["reference"]
    _error(api.get(f"/api/requests/{ref}/redactions?status=maybe"), 400)
    assert api.get(f"/api/requests/{ref}/redactions").get_json() == {"items": [], "total": 0}


def test_approval_errors(api):
    ref = api.new_request()["reference"]
    assert "pack_sha256" in _error(api.post(f"/api/requests/{ref}/approve", "manager", json={}), 400)
    _error(api.post(f"/api/requests/{ref}/approve", "manager", json={"pack_sha256": "0" * 64}), 409)
    _error(api.post(f"/api/requests/{ref}/release", "manager"), 409)
    _error(api.get(f"/api/requests/{ref}/pack"), 409)


def test_submit_with_nothing_to_send_is_409(api):
    ref = api.new_request()["reference"]
    _error(api.post(f"/api/requests/{ref}/submit"), 409)


# -- unexpected failures roll back and say nothing about internals --------------------------------


def test_unexpected_error_is_generic_500_and_rolls_back(fresh_api, monkeypatch):
    from sar.bundle import documents

    real = documents.add_document

    def explode(*args, **kwargs):
        real(*args, **kwargs)  # writes, then fails: nothing may be committed
        raise RuntimeError("secret internals /srv/db password=hunter2")

    monkeypatch.setattr(documents, "add_document", explode)
    ref = fresh_api.new_request()["reference"]
    message = _error(fresh_api.upload(ref, "visit.pdf", _pdf()), 500)
    assert "secret" not in message and "hunter2" not in message
    with fresh_api.app.app_context():
        with session_factory()() as session:
            assert session.scalar(select(func.count()).select_from(BundleItem)) == 0
            assert session.scalar(select(func.count()).select_from(Request)) == 1


# -- OpenAPI -------------------------------------------------------------------------------------


def test_openapi_document_lists_every_route(api):
    response = api.get("/api/openapi.json", who=None)
    doc = json.loads(response.get_data(as_text=True))
    assert doc["openapi"].startswith("3.1")
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    routes = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in api.app.url_map.iter_rules() if rule.endpoint.startswith("api.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    described = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert routes == described
    refs = set(re.findall(r'"#/components/schemas/(\w+)"', json.dumps(doc)))
    assert refs <= set(doc["components"]["schemas"])
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op["summary"] and op["responses"], (path, method)
            if "{reference}" in path:
                assert "404" in op["responses"], (path, method)
