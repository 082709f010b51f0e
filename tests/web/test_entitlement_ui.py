"""Entitlement in the staff workspace and the API (rulebook G-2, T-4; §1.4): submit refused with the reason
while authority is unverified, evidence documents open from the case page for caseworkers only, and the
manager's approval screen shows what was verified, by whom."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

from sar.models import AuditEvent, Request
from tests.sar._docs import pdf_bytes
from tests.web.test_api_helpers import make_api
from tests.web.test_ui_support import post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name

PARENT = {"requester_name": "Jordan Example", "requester_type": "parent", "subject_name": "Riley Example",
          "description": "I am the mother of Riley Example and I want a copy of his social care records."}


def _flashes(client) -> list[tuple[str, str]]:
    with client.session_transaction() as sess:
        return sess.pop("_flashes", [])


def _rep_id(web, reference: str) -> int:
    with web.factory() as session:
        req = session.scalars(select(Request).where(Request.reference == reference)).one()
        return req.party("representative").id


def test_submit_refused_until_authority_verified_then_manager_sees_the_evidence(web):
    officer, manager, admin = web.user("officer"), web.user("manager"), web.user("admin")
    client = web.login(officer)
    # An adult subject: a parent's request with no age recorded is stopped by the child gate (T-4, fails closed).
    ref = web.new_request(client, **PARENT, subject_dob="2000-01-01")
    visit = pdf_bytes("Visit record.\nRiley Example was seen.\n")
    assert web.upload(client, ref, visit, "visit.pdf").status_code == 302
    _flashes(client)

    response = post(client, f"/staff/requests/{ref}/submit", {"note": ""})
    assert response.status_code == 302
    [(category, message)] = _flashes(client)
    assert category == "error" and "authority of Jordan Example" in message and "not verified" in message

    rep = _rep_id(web, ref)
    case = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    assert f'id="authority-doc-{rep}"' not in case
    post(client, f"/staff/requests/{ref}/parties/evidence-upload",
         {"evidence-party_id": rep, "evidence-kind": "authority",
          "evidence-file": (io.BytesIO(pdf_bytes("Parental responsibility order")), "order.pdf")},
         content_type="multipart/form-data")
    case = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    assert f'id="authority-doc-{rep}"' in case
    doc_url = f"/staff/requests/{ref}/parties/{rep}/evidence/authority.pdf"
    opened = client.get(doc_url)
    assert opened.status_code == 200 and opened.mimetype == "application/pdf" and opened.data.startswith(b"%PDF")
    assert web.login(admin).get(doc_url).status_code == 403
    assert web.login(web.user("requester")).get(doc_url).status_code == 403
    with web.factory() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == "evidence.view")).all()

    _flashes(client)
    post(client, f"/staff/requests/{ref}/parties/{rep}/evidence",
         {"kind": "authority", "status": "verified", "note": "sealed order seen"})
    response = post(client, f"/staff/requests/{ref}/submit", {"note": ""})
    assert any(cat == "info" and "Building the response pack" in msg for cat, msg in _flashes(client))
    case = client.get(f"/staff/requests/{ref}").get_data(as_text=True)
    assert "Submitted for approval. Pack fingerprint" in case

    page = web.login(manager).get(f"/staff/requests/{ref}/pack").get_data(as_text=True)
    assert 'id="verifications"' in page and 'id="entitlement-missing"' not in page
    table = re.search(r'<table class="table" id="verifications">(.*?)</table>', page, re.S).group(1)
    assert "Jordan Example (representative)" in table and "Authority to act" in table
    assert officer.name in table and "sealed order seen" in table
    assert f'href="{doc_url}"' in table


def test_api_submit_is_409_with_the_reason(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    created = api.new_request("officer", regime="sar", subject={"name": "Riley Example"},
                              requester={"name": "Jordan Example", "email": "j@example.org", "type": "parent"},
                              channel="email")
    ref = created["reference"]
    assert api.upload(ref, "visit.pdf", pdf_bytes("Visit record.\nRiley Example was seen.\n")).status_code == 201
    response = api.post(f"/api/requests/{ref}/submit", "officer")
    assert response.status_code == 409
    assert "authority of Jordan Example" in response.get_json()["error"]
    api.app.extensions["sar_engine"].dispose()
