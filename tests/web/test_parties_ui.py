"""Parties on the staff case page (add, decide, evidence) and independent evidence uploads on the portal."""

from __future__ import annotations

import io
import re

from sar.models import AuditEvent, BundleItem, Party, Request
from tests.web.test_portal import register
from tests.web.test_ui_support import flashes, post, sample_pdf
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def case_page(client, reference: str) -> str:
    response = client.get(f"/staff/requests/{reference}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _party(web, reference: str, **filters) -> Party:
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        return session.query(Party).filter_by(request_id=req.id, **filters).one()


def test_case_page_has_labelled_party_forms_with_csrf(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    html = case_page(client, reference)
    section = html.split('id="details"')[1].split('id="triage"')[0]
    for field in ("party-role", "party-name", "party-relationship", "party-decision", "party-dob", "party-email",
                  "party-phone", "party-aliases", "evidence-party_id", "evidence-kind", "evidence-file"):
        assert f'for="{field}"' in section, field
    forms = re.findall(r"<form\b.*?</form>", section, flags=re.S)
    assert len(forms) >= 5 and all(re.search(r'name="(\w+-)?csrf_token"', f) for f in forms)
    assert "clock panel" in section and "G-2" in section


def test_staff_adds_a_third_party_and_it_appears(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    response = post(client, f"/staff/requests/{reference}/parties", {
        "party-role": "third_party", "party-name": "Charlie Fletcher", "party-relationship": "mother's partner",
        "party-decision": "redact", "party-dob": "1980-01-02", "party-phone": "07585 830901",
        "party-aliases": "Chas, C. Fletcher",
    })
    assert response.status_code == 302
    assert any("Charlie Fletcher added as third party" in m for m in flashes(client.get(response.location)))
    html = case_page(client, reference)
    parties_table = html.split('id="parties"')[1].split("</table>")[0]
    assert "Charlie Fletcher" in parties_table and "mother&#39;s partner" in parties_table
    assert "also known as Chas, C. Fletcher" in parties_table
    party = _party(web, reference, role="third_party")
    assert party.disclose is False and party.aliases == ["Chas", "C. Fletcher"]
    assert re.search(rf'id="disclosure-{party.id}">Redact<', html)
    refused = post(client, f"/staff/requests/{reference}/parties", {
        "party-role": "third_party", "party-name": "Pat Neighbour", "party-decision": "redact"})
    assert any("related to the subject" in m for m in flashes(client.get(refused.location)))
    with web.factory() as session:
        assert session.query(AuditEvent).filter_by(action="party.add").count() == 1


def test_staff_changes_a_third_partys_decision(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    post(client, f"/staff/requests/{reference}/parties", {
        "party-role": "third_party", "party-name": "Pat Neighbour", "party-relationship": "neighbour",
        "party-decision": "redact"})
    party = _party(web, reference, role="third_party")
    response = post(client, f"/staff/requests/{reference}/parties/{party.id}/decision", {"decision": "disclose"})
    assert response.status_code == 302
    assert any("will be disclosed" in m for m in flashes(client.get(response.location)))
    assert _party(web, reference, role="third_party").disclose is True
    assert re.search(rf'id="disclosure-{party.id}">Disclose<', case_page(client, reference))
    subject = _party(web, reference, role="data_subject")
    refused = post(client, f"/staff/requests/{reference}/parties/{subject.id}/decision", {"decision": "disclose"})
    assert any("only a third party" in m.lower() for m in flashes(client.get(refused.location)))
    names = post(client, f"/staff/requests/{reference}/parties/{subject.id}/names",
                 {"aliases": "Jay, Jamie E", "identifiers": "CR-99"})
    assert names.status_code == 302
    assert _party(web, reference, role="data_subject").aliases == ["Jay", "Jamie E"]


def test_staff_records_evidence_status_with_a_note(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    requester = _party(web, reference, role="requester")
    path = f"/staff/requests/{reference}/parties/{requester.id}/evidence"
    post(client, path, {"kind": "identity", "status": "requested", "note": ""})
    received = post(client, path, {"kind": "identity", "status": "received", "note": "passport by post"})
    messages = flashes(client.get(received.location))
    assert any("identity evidence received" in m and "clock panel" in m for m in messages), messages
    no_note = post(client, path, {"kind": "identity", "status": "rejected", "note": ""})
    assert any("why" in m for m in flashes(client.get(no_note.location)))
    post(client, path, {"kind": "identity", "status": "rejected", "note": "photo does not match"})
    assert _party(web, reference, role="requester").identity_status == "rejected"
    html = case_page(client, reference)
    assert re.search(rf'data-evidence="identity-{requester.id}">Rejected<', html, flags=re.I)
    assert "photo does not match" in html
    bad_move = post(client, path, {"kind": "identity", "status": "verified", "note": ""})
    assert any("can move only to" in m for m in flashes(client.get(bad_move.location)))


def test_staff_uploads_evidence_for_a_party(web):
    client = web.login(web.user("officer"))
    reference = web.new_request(client)
    requester = _party(web, reference, role="requester")
    response = post(client, f"/staff/requests/{reference}/parties/evidence-upload", {
        "evidence-party_id": str(requester.id), "evidence-kind": "identity",
        "evidence-file": (io.BytesIO(sample_pdf("case00_email_1.pdf")), "licence.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    assert any("licence.pdf added as identity evidence" in m for m in flashes(client.get(response.location)))
    party = _party(web, reference, role="requester")
    assert party.identity_status == "received" and party.identity_document_id is not None
    refused = post(client, f"/staff/requests/{reference}/parties/evidence-upload", {
        "evidence-party_id": str(requester.id), "evidence-kind": "authority",
        "evidence-file": (io.BytesIO(b"PK\x03\x04 docx"), "authority.docx")}, content_type="multipart/form-data")
    assert any("authority.docx is not a PDF" in m for m in flashes(client.get(refused.location)))


def test_requester_cannot_use_staff_party_forms(web):
    officer = web.login(web.user("officer"))
    reference = web.new_request(officer)
    requester = web.login(web.user("requester"))
    response = post(requester, f"/staff/requests/{reference}/parties", {
        "party-role": "third_party", "party-name": "X", "party-relationship": "y"})
    assert response.status_code == 403


def test_portal_keeps_the_good_evidence_file_and_names_the_bad_one(web):
    client = register(web)
    response = post(client, "/portal/new", {
        "requester_type": "parent",
        "subject_name": "Sam Parent",
        "subject_dob": "2014-05-06",
        "description": "I am Sam's mother. Please send me Sam's social care records.",
        "identity_document": (io.BytesIO(b"%PDF-1.4 not really"), "passport.pdf"),
        "authority_document": (io.BytesIO(sample_pdf("case00_email_1.pdf")), "court-order.pdf"),
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    reference = response.location.split("/")[-2]
    messages = flashes(client.get(response.location))
    assert any("passport.pdf" in m and "was not attached" in m and "damaged" in m for m in messages), messages
    assert not any("court-order.pdf" in m for m in messages)
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        items = session.query(BundleItem).filter_by(request_id=req.id).all()
        assert [(i.purpose, i.filename) for i in items] == [("authority_evidence", "court-order.pdf")]
        holder = req.party("representative") or req.party("requester")
        assert holder.authority_status == "received" and holder.authority_document_id == items[0].document_id
        assert req.party("requester").identity_status == "not_required"
