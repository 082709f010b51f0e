"""Disclosure to the requester (issue 8): the requester view is an allow-list, in the API and every
portal page; download-link tokens exist only in the e-mail, never in the database or on staff pages.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import select

from sar.bundle import documents
from sar.core.db import utcnow
from sar.intake import clock, parties
from sar.intake.requester_view import REQUESTER_LIST_FIELDS, REQUESTER_VIEW_FIELDS
from sar.messaging import mailer
from sar.models import BundleItem, Request, User
from sar.models.base import Base
from sar.release import approvals
from tests.smtp_sink import SmtpSink
from tests.web.test_api_errors import fresh_api  # noqa: F401  (fixture, used by name)
from tests.web.test_portal import register, submit
from tests.web.test_ui_support import post, sample_pdf
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name

#: People who must never reach the requester: the confidential referrer and a do-not-disclose party.
REFERRER = "Quillon Marsh-Adebayo"
WITHHELD = "Ottoline Braithwaite"
STAFF_NOTE = "note about the referral source"
SECRETS = (REFERRER, WITHHELD, "Marsh-Adebayo", "Braithwaite", STAFF_NOTE, "Referral_from")


def _add_confidential_people(factory, settings, reference: str) -> None:
    """Staff record a confidential referrer, a party not to be disclosed, a staff note and a document."""
    with factory() as session:
        req = session.scalars(select(Request).where(Request.reference == reference)).one()
        officer = session.scalars(select(User).where(User.role == "officer")).first()
        now = utcnow()
        parties.add_party(session, req, role="third_party", name=REFERRER, relationship="referrer (confidential)",
                          disclose=False, actor=officer, now=now)
        parties.add_party(session, req, role="third_party", name=WITHHELD, relationship="neighbour",
                          disclose=False, email="ob@example.org", actor=officer, now=now)
        clock.record_clock_event(session, req, "clarification_requested", now.date(), actor=officer,
                                 reason=f"{STAFF_NOTE}: {REFERRER}", now=now, settings=settings)
        session.commit()


def _assert_clean(body: str) -> None:
    for secret in SECRETS:
        assert secret not in body, secret


def test_requester_api_token_sees_only_the_allow_list(fresh_api):  # noqa: F811
    api = fresh_api
    created = api.new_request("alice", requester={"type": "data_subject"},
                              description="Copy of my records please")
    assert sorted(created) == sorted(REQUESTER_VIEW_FIELDS)
    ref = created["reference"]
    with api.app.app_context():
        from web.db import session_factory

        _add_confidential_people(session_factory(), api.app.config["SAR_SETTINGS"], ref)
    # Staff still see the whole record (the people are there to be found).
    assert REFERRER in api.get(f"/api/requests/{ref}").get_data(as_text=True)

    response = api.get(f"/api/requests/{ref}", "alice")
    assert response.status_code == 200
    _assert_clean(response.get_data(as_text=True))
    view = response.get_json()
    assert sorted(view) == sorted(REQUESTER_VIEW_FIELDS)
    assert view["reference"] == ref and view["description"] == "Copy of my records please"
    assert view["pack_released"] is False and view["letters"] == []
    assert all(set(h) == {"status", "at"} for h in view["history"])

    listed = api.get("/api/requests", "alice")
    _assert_clean(listed.get_data(as_text=True))
    assert [sorted(i) for i in listed.get_json()["items"]] == [sorted(REQUESTER_LIST_FIELDS)]
    # Another requester's token: not found, and nothing listed.
    assert api.get(f"/api/requests/{ref}", "bob").status_code == 404
    assert api.get("/api/requests", "bob").get_json()["items"] == []


def test_every_portal_page_shows_the_requester_view_only(web):
    alice = register(web, "alice@example.org", "Alice A")
    reference = submit(alice)
    web.user("officer")
    _add_confidential_people(web.factory, web.settings, reference)
    for path in ("/portal/", f"/portal/requests/{reference}", f"/portal/requests/{reference}/submitted"):
        response = alice.get(path)
        assert response.status_code == 200, path
        _assert_clean(response.get_data(as_text=True))
    # The data subject's record is not echoed back either: only the request text, status and dates.
    page = alice.get(f"/portal/requests/{reference}").get_data(as_text=True)
    assert "Please send me a copy of my social care records" in page and "Response due" in page


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink().start()
    yield sink
    sink.stop()


def _all_rows_text(factory) -> str:
    """Every value of every row of every table, as text."""
    out = []
    with factory() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                out.append(repr(tuple(row)))
    return "\n".join(out)


def test_download_token_exists_only_in_the_sent_email(web, smtp):
    alice = register(web, "alice@example.org", "Alice A")
    reference = submit(alice)
    officer, manager = web.user("officer"), web.user("manager")
    with web.factory() as session:
        officer, manager = session.get(User, officer.id), session.get(User, manager.id)
        req = session.scalars(select(Request).where(Request.reference == reference)).one()
        now = utcnow()
        documents.add_document(session, req, sample_pdf("case00_email_1.pdf"), "letter.pdf", actor=officer,
                               now=now, settings=web.settings)
        approval = approvals.submit_for_approval(session, req, actor=officer, now=now, settings=web.settings)
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=manager, now=now)
        approvals.release(session, req, actor=manager, now=now, settings=web.settings)
        session.commit()
    sent = mailer.send_pending(web.factory, settings=replace(web.settings, smtp_port=smtp.port), now_fn=utcnow)
    assert sent >= 1
    released = [m for m in smtp.messages if "response is ready" in m.subject]
    assert len(released) == 1 and released[0].rcpt_tos == ["alice@example.org"]
    match = re.search(r"/download/([A-Za-z0-9_\-]{20,})", released[0].body)
    assert match, released[0].body
    token = match.group(1)

    assert token not in _all_rows_text(web.factory)  # only its hash is stored, nowhere the token
    staff = web.login(manager).get(f"/staff/requests/{reference}").get_data(as_text=True)
    assert token not in staff and "/download/" not in staff

    mine = alice.get(f"/portal/requests/{reference}").get_data(as_text=True)
    assert "Letters we have sent you" in mine and "your response is ready" in mine and token not in mine

    response = alice.get(f"/download/{token}")  # the e-mailed link works
    assert response.status_code == 200
    assert f"{reference}-bundle.pdf" in zipfile.ZipFile(io.BytesIO(response.data)).namelist()


def test_document_titles_through_the_api_and_the_staff_page(fresh_api, web):  # noqa: F811
    api = fresh_api
    ref = api.new_request(description="Please send me a copy of my social care records.")["reference"]
    upload = api.post(f"/api/requests/{ref}/documents", data={
        "file": (io.BytesIO(sample_pdf("case00_email_1.pdf")), "Referral_from_someone.pdf"),
        "title": "E-mail about the visit"}, content_type="multipart/form-data")
    assert upload.status_code == 201
    doc = upload.get_json()
    assert doc["title"] == "E-mail about the visit" and doc["filename"] == "Referral_from_someone.pdf"
    path = f"/api/requests/{ref}/documents/{doc['id']}"
    renamed = api.patch(path, json={"title": "Visit e-mail"})
    assert renamed.status_code == 200 and renamed.get_json()["title"] == "Visit e-mail"
    assert api.patch(path, json={"title": None}).get_json()["title"] is None  # back to "Document N"
    assert api.patch(path, json={}).status_code == 400
    assert api.patch(path, json={"title": "x" * 201}).status_code == 400
    assert api.patch(path, "alice", json={"title": "Mine"}).status_code == 404  # not her request
    assert api.patch(f"/api/requests/{ref}/documents/999999", json={"title": "X"}).status_code == 404

    # The staff documents page edits the title too.
    officer = web.user("officer")
    client = web.login(officer)
    reference = web.new_request(client)
    assert web.upload(client, reference, sample_pdf("case00_email_1.pdf"), "scan.pdf").status_code == 302
    with web.factory() as session:
        item = session.scalars(select(BundleItem).where(BundleItem.filename == "scan.pdf")).one()
    page = client.get(f"/staff/requests/{reference}").get_data(as_text=True)
    assert f"/staff/requests/{reference}/documents/{item.id}/title" in page
    response = post(client, f"/staff/requests/{reference}/documents/{item.id}/title", {"title": "Visit e-mail"})
    assert response.status_code == 302
    with web.factory() as session:
        assert session.get(BundleItem, item.id).title == "Visit e-mail"


def test_requester_supplied_markup_is_escaped_on_every_page(web):
    hostile = '<script>alert("x")</script><h1>Refused</h1>'
    client = register(web, "mallory@example.org", hostile)
    reference = submit(client, description=f"My records please. {hostile}")
    staff = web.login(web.user("officer"))
    for who, path in ((client, "/portal/"), (client, f"/portal/requests/{reference}"),
                      (staff, f"/staff/requests/{reference}"), (staff, "/staff/")):
        body = who.get(path).get_data(as_text=True)
        assert "<script>alert" not in body and "<h1>Refused" not in body, path
    assert "&lt;script&gt;" in client.get(f"/portal/requests/{reference}").get_data(as_text=True)
