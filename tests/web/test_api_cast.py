"""API for the cast (issue 11): GET/PUT /api/requests/{ref}/cast and GET /api/requests/{ref}/unresolved."""

from __future__ import annotations

import pytest

from sar.bundle import jobs
from tests.sar._docs import THIRD_PARTY, pdf_bytes
from tests.sar.test_cast import CastEngine
from tests.web.test_api_helpers import make_api


@pytest.fixture
def api(fresh_db_url, settings, tmp_path, monkeypatch):
    # The engine is the one seam jobs offer (sar.bundle.jobs.Engine); the fake resolves a cast quickly.
    monkeypatch.setattr(jobs, "_default_engine", CastEngine())
    api = make_api(fresh_db_url, settings, tmp_path)
    yield api
    api.join_threads()
    api.app.extensions["sar_engine"].dispose()


def test_cast_and_unresolved_queue_over_the_api(api):
    ref = api.new_request()["reference"]
    assert api.upload(ref, "notes.pdf", pdf_bytes(f"{THIRD_PARTY} visited.", f"Later {THIRD_PARTY} left.")
                      ).status_code == 201
    started = api.post(f"/api/requests/{ref}/redactions/propose")
    assert api.wait_for_job(started.get_json()["job"]["url"])["status"] == "done"
    got = api.get(f"/api/requests/{ref}/cast").get_json()
    assert got["confirmed"] is False and got["unresolved"] == 1 and got["version"] == 0
    person = next(p for p in got["people"] if p["name"] == THIRD_PARTY)
    assert person["role"] == "unresolved" and person["mentions"] == 2
    queue = api.get(f"/api/requests/{ref}/unresolved").get_json()
    assert queue["total"] == 2 and [e["page"] for e in queue["items"]] == [1, 2]
    assert all(e["redaction_id"] for e in queue["items"])
    paged = api.get(f"/api/requests/{ref}/unresolved?page=2&per_page=1").get_json()
    assert paged["total"] == 2 and [e["page"] for e in paged["items"]] == [2]
    assert api.get(f"/api/requests/{ref}/unresolved?per_page=0").status_code == 400
    assert api.get(f"/api/requests/{ref}/cast", "alice").status_code in (403, 404)
    assert api.get(f"/api/requests/{ref}/unresolved", "alice").status_code in (403, 404)

    bad = api.call("PUT", f"/api/requests/{ref}/cast", json={"corrections": [
        {"kind": "add", "name": THIRD_PARTY, "role": "villain"}]})
    assert bad.status_code == 400 and "role" in bad.get_json()["error"]
    put = api.call("PUT", f"/api/requests/{ref}/cast", json={"version": 0, "corrections": [
        {"kind": "add", "name": THIRD_PARTY, "role": "third_party", "relationship": "neighbour"}]})
    assert put.status_code == 200, put.get_json()
    out = put.get_json()
    assert out["confirmed"] and out["version"] == 1 and out["unresolved"] == 0
    assert api.wait_for_job(out["job"]["url"])["status"] == "done"
    assert api.get(f"/api/requests/{ref}/unresolved").get_json()["total"] == 0
    stale = api.call("PUT", f"/api/requests/{ref}/cast", json={"version": 0, "people": []})
    assert stale.status_code == 409
    assert api.call("PUT", f"/api/requests/{ref}/cast", json={"people": "x"}).status_code == 400


def test_openapi_documents_the_cast_endpoints(api):
    paths = api.get("/api/openapi.json", None).get_json()["paths"]
    assert {"get", "put"} <= set(paths["/api/requests/{reference}/cast"])
    assert "get" in paths["/api/requests/{reference}/unresolved"]


def _record_party(api, ref: str, name: str, relationship: str) -> int:
    """A third party recorded on the case by the officer (the domain use case; the API has no party POST)."""
    from sar.core.db import utcnow
    from sar.intake import parties
    from sar.intake import requests as req_uc
    from sar.models import User
    from web.db import session_factory

    with api.app.app_context(), session_factory()() as session:
        officer = session.query(User).filter(User.email == "officer@example.org").one()
        req = req_uc.get_request(session, ref, actor=officer, now=utcnow())
        party = parties.add_party(session, req, role="third_party", name=name, relationship=relationship,
                                  actor=officer, now=utcnow())
        session.commit()
        return party.id


def test_recorded_people_are_offered_and_added_over_the_api(api):
    ref = api.new_request()["reference"]
    assert api.upload(ref, "notes.pdf", pdf_bytes(f"{THIRD_PARTY} visited.")).status_code == 201
    started = api.post(f"/api/requests/{ref}/redactions/propose")
    assert api.wait_for_job(started.get_json()["job"]["url"])["status"] == "done"
    party_id = _record_party(api, ref, THIRD_PARTY, "neighbour")

    got = api.get(f"/api/requests/{ref}/cast").get_json()
    offered = {o["party_id"]: o for o in got["case_parties"]}
    assert offered[party_id]["offer"] == "third_party" and offered[party_id]["in_cast"] is False
    assert offered[party_id]["relationship"] == "neighbour"
    assert all(o["name"] != "Jamie Example" for o in got["case_parties"])  # the subject is never offered

    path = f"/api/requests/{ref}/cast/parties/{party_id}"
    assert api.post(path, "alice").status_code in (403, 404)  # a requester never reaches the cast
    assert api.post(f"/api/requests/{ref}/cast/parties/999999").status_code == 404
    assert api.post(path, json={"version": "1"}).status_code == 400
    assert api.post(path, json={"version": 7}).status_code == 409  # stale: nobody has version 7
    done = api.post(path)
    assert done.status_code == 200, done.get_json()
    out = done.get_json()
    assert out["confirmed"] and out["unresolved"] == 0
    assert next(p for p in out["people"] if p["name"] == THIRD_PARTY)["role"] == "third_party"
    assert next(o for o in out["case_parties"] if o["party_id"] == party_id)["in_cast"] is True
    assert api.wait_for_job(out["job"]["url"])["status"] == "done"
    again = api.post(path)
    assert again.status_code == 409 and "already" in again.get_json()["error"]


def test_openapi_documents_the_case_party_endpoint(api):
    doc = api.get("/api/openapi.json", None).get_json()
    assert "post" in doc["paths"]["/api/requests/{reference}/cast/parties/{party_id}"]
    assert "case_parties" in doc["components"]["schemas"]["Cast"]["properties"]
    assert "CaseParty" in doc["components"]["schemas"]
