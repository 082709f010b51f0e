"""Keyboard review's JSON endpoints and the cast on the case page (issue 11), through Flask's client with CSRF on."""

from __future__ import annotations

import re

import pytest

from sar.bundle import jobs
from sar.models import AuditEvent, Redaction
from tests.sar._docs import THIRD_PARTY, pdf_bytes
from tests.sar.test_cast import CastEngine
from tests.web.test_ui_support import csrf_token, flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name
PAGES = (f"Visit. {THIRD_PARTY} was there.", f"Later {THIRD_PARTY} left. Code word: Bluebell.")


@pytest.fixture
def case(web, monkeypatch):
    # The engine is the jobs' one seam (sar.bundle.jobs.Engine): the fake resolves a cast in milliseconds.
    monkeypatch.setattr(jobs, "_default_engine", CastEngine())
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    assert web.upload(client, reference, pdf_bytes(*PAGES), "notes.pdf").status_code == 302
    assert post(client, f"/staff/requests/{reference}/proposals", {}).status_code == 302
    return client, reference


def _json_post(client, path, body, token=None):
    headers = {"X-CSRFToken": token} if token else {}
    return client.post(path, json=body, headers=headers)


def _item_id(web):
    with web.factory() as session:
        return session.query(Redaction).first().bundle_item_id


def test_decide_next_and_search_without_a_page_load(web, case):
    client, ref = case
    token = csrf_token(client, f"/staff/requests/{ref}")
    first = client.get(f"/staff/requests/{ref}/next-undecided.json").get_json()
    assert first["done"] is False and first["page"] == 0 and first["url"].endswith(f"#r{first['id']}")
    path = f"/staff/requests/{ref}/redactions/{first['id']}/decision.json"
    refused = _json_post(client, path, {"status": "accepted"})  # no CSRF token: refused
    assert refused.status_code == 400 and refused.is_json
    no_reason = _json_post(client, path, {"status": "rejected"}, token)
    assert no_reason.status_code == 400 and "reason" in no_reason.get_json()["message"]
    done = _json_post(client, path, {"status": "accepted"}, token)
    assert done.status_code == 200 and done.get_json()["status"] == "accepted"
    assert done.get_json()["counts"] == {"accepted": 1, "proposed": 1}
    second = client.get(f"/staff/requests/{ref}/next-undecided.json",
                        query_string={"item": first["item_id"], "page": 0, "after": first["id"]}).get_json()
    assert second["page"] == 1 and second["id"] != first["id"]
    _json_post(client, f"/staff/requests/{ref}/redactions/{second['id']}/decision.json",
               {"status": "rejected", "reason": "already known to the requester"}, token)
    assert client.get(f"/staff/requests/{ref}/next-undecided.json").get_json() == {"done": True}

    found = client.get(f"/staff/requests/{ref}/search.json", query_string={"q": "bluebell"}).get_json()
    assert found["total"] == 1 and found["hits"][0]["page"] == 1 and not found["hits"][0]["redacted"]
    assert client.get(f"/staff/requests/{ref}/search.json", query_string={"q": "x"}).status_code == 400
    everywhere = _json_post(client, f"/staff/requests/{ref}/entity.json",
                            {"text": "Bluebell", "status": "accepted", "code": "SCH2-P16-THIRD-PARTY"}, token)
    assert everywhere.status_code == 200 and everywhere.get_json()["count"] == 1
    found = client.get(f"/staff/requests/{ref}/search.json", query_string={"q": "bluebell"}).get_json()
    assert found["hits"][0]["redacted"]
    with web.factory() as session:
        assert session.query(AuditEvent).filter_by(action="bundle.search").count() == 2  # not the refused one
    requester = web.login(web.user("requester"))
    assert requester.get(f"/staff/requests/{ref}/next-undecided.json").status_code in (403, 404)


def test_cast_on_the_case_page_corrected_confirmed_and_queue_cleared(web, case):
    client, ref = case
    html = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    assert 'id="cast-table"' in html and f'data-person="{THIRD_PARTY}"' in html
    assert "could not place" in html
    queue = client.get(f"/staff/requests/{ref}/unresolved.json").get_json()
    assert queue["total"] == 2 and all("/pages/" in e["url"] for e in queue["items"])
    page = client.get(f"/staff/requests/{ref}/unresolved").get_data(as_text=True)
    assert page.count("data-queue-link") == 2
    # A decision by hand before the cast is confirmed ...
    kept = queue["items"][0]["redaction_id"]
    post(client, f"/staff/requests/{ref}/redactions/{kept}", {"status": "rejected", "reason": "the requester's own"})
    bad = post(client, f"/staff/requests/{ref}/cast/correct", {"kind": "alias", "name": "Nobody", "alias": "X"})
    assert any("nobody called" in m.lower() for m in flashes(client.get(bad.location)))
    fixed = post(client, f"/staff/requests/{ref}/cast/correct",
                 {"kind": "add", "name": THIRD_PARTY, "role": "disclosed", "relationship": "grandparent"})
    assert any("corrected" in m.lower() for m in flashes(client.get(fixed.location)))
    assert post(client, f"/staff/requests/{ref}/cast/confirm", {}).status_code == 302
    # ... is kept when the proposals are recomputed from the confirmed cast (the person is disclosed now).
    with web.factory() as session:
        live = session.query(Redaction).filter(Redaction.superseded_at.is_(None)).all()
        assert [(r.id, r.status) for r in live] == [(kept, "rejected")]
    html = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    assert "Confirmed" in html and re.search(r"Disclosed \(known to the requester\)", html)
    assert client.get(f"/staff/requests/{ref}/unresolved.json").get_json()["total"] == 0
