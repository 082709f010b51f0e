"""The requester portal: register, make a request, follow it, download the response; and isolation."""

from __future__ import annotations

import io
import re
import zipfile

from sqlalchemy import select

from sar.bundle import documents
from sar.core.db import utcnow
from sar.messaging import account_links, download_links
from sar.models import AuditEvent, BundleItem, OutboxEmail, Request, User
from sar.release import approvals
from tests.web.test_ui_support import csrf_token, flashes, post, sample_pdf
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name


def register(web, email="alex@example.org", name="Alex Parent"):
    """Register, confirm the address with the link the e-mail carries, and sign in (issue 15)."""
    client = web.client()
    response = post(
        client,
        "/register",
        {"name": name, "email": email, "password": "a long pass phrase", "confirm": "a long pass phrase"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert "Check your e-mail" in response.get_data(as_text=True)
    response = post(client, "/login", {"email": email, "password": "a long pass phrase"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    response = client.get("/verify/" + verify_token(web, email))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert response.location.endswith("/portal/new")
    return client


def verify_token(web, email: str) -> str:
    """The token of the newest address-check e-mail to ``email``, minted as the mailer does when it sends."""
    with web.factory.begin() as session:
        row = session.scalars(select(OutboxEmail).where(OutboxEmail.to_addr == email.lower(),
                                                        OutboxEmail.account_link_id.is_not(None))
                              .order_by(OutboxEmail.id.desc())).first()
        assert row is not None, f"no address-check e-mail to {email}"
        token, purpose = account_links.mint_token(session, row.account_link_id)
        assert purpose == "verify"
        return token


def submit(client, **fields) -> str:
    data = {
        "requester_type": "data_subject",
        "description": "Please send me a copy of my social care records from 2012 to 2018.",
    }
    data.update(fields)
    response = post(client, "/portal/new", data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return response.location.split("/")[-2]


def test_register_then_submit_shows_reference_and_acknowledgement(web):
    client = register(web)
    reference = submit(client)
    page = client.get(f"/portal/requests/{reference}/submitted").get_data(as_text=True)
    assert reference in page
    assert "acknowledgement e-mail" in page
    listing = client.get("/portal/").get_data(as_text=True)
    assert reference in listing
    detail = client.get(f"/portal/requests/{reference}")
    assert detail.status_code == 200
    assert "Response due" in detail.get_data(as_text=True)


def test_registering_a_taken_address_answers_as_for_a_new_one(web):
    # Issue 15: registration no longer reveals which addresses have accounts (staff included); the owner
    # of the address is told by e-mail instead.
    register(web)
    web.user("manager", email="maya@example.gov.uk")
    pages = []
    for email in ("ALEX@example.org", "maya@example.gov.uk", "brand.new@example.org"):
        response = post(web.client(), "/register", {"name": "X Y", "email": email, "password": "a long pass phrase",
                                                    "confirm": "a long pass phrase"})
        assert response.status_code == 200
        pages.append(re.sub(r'name="csrf-token" content="[^"]+"', "", response.get_data(as_text=True)))
    assert pages[0] == pages[1] == pages[2]
    assert 'id="email-error"' not in pages[0]
    with web.factory() as session:
        kinds = [row.kind for row in session.scalars(select(OutboxEmail).where(
            OutboxEmail.to_addr.in_(["alex@example.org", "maya@example.gov.uk"])).order_by(OutboxEmail.id))]
    assert kinds.count("account_exists") == 2


def test_an_unconfirmed_address_cannot_submit_a_request(web):
    client = web.client()
    post(client, "/register", {"name": "Una Confirmed", "email": "una@example.org",
                               "password": "a long pass phrase", "confirm": "a long pass phrase"})
    assert post(client, "/login", {"email": "una@example.org", "password": "a long pass phrase"}).status_code == 302
    page = client.get("/portal/new")
    assert page.status_code == 403 and "Confirm your e-mail address first" in page.get_data(as_text=True)
    response = post(client, "/portal/new", {"requester_type": "data_subject", "description": "My records please."},
                    content_type="multipart/form-data")
    assert response.status_code == 403
    client.get("/verify/" + verify_token(web, "una@example.org"))
    assert client.get("/portal/new").status_code == 200


def test_parent_request_with_identity_and_authority_evidence(web):
    client = register(web)
    pdf = sample_pdf("case00_email_1.pdf")
    reference = submit(
        client,
        requester_type="parent",
        subject_name="Sam Parent",
        subject_dob="2014-05-06",
        description="I am Sam's mother. Please send me Sam's social care records.",
        identity_document=(io.BytesIO(pdf), "passport.pdf"),
        authority_document=(io.BytesIO(b"%PDF-1.4 not really"), "order.pdf"),
    )
    with web.factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        assert req.party("data_subject").name == "Sam Parent"
        items = [(i.purpose, i.filename) for i in session.query(BundleItem).filter_by(request_id=req.id)]
        requester = req.party("requester")
        assert requester.identity_status == "received" and requester.identity_document_id is not None
    # The good identity file is stored even though the authority file is refused; the requester is
    # told which file was refused and why.
    assert items == [("identity_evidence", "passport.pdf")]
    messages = flashes(client.get(f"/portal/requests/{reference}/submitted"))
    assert any("order.pdf" in m and "was not attached" in m for m in messages), messages


def test_non_pdf_evidence_is_refused_with_a_clear_message(web):
    client = register(web)
    response = post(
        client,
        "/portal/new",
        {
            "requester_type": "data_subject",
            "description": "Please send me my records from children's services.",
            "identity_document": (io.BytesIO(b"GIF89a..."), "passport.gif"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Upload a PDF file" in response.get_data(as_text=True)


def test_requester_cannot_see_another_requesters_request(web):
    alice = register(web, "alice@example.org", "Alice A")
    reference = submit(alice)
    bob = register(web, "bob@example.org", "Bob B")
    for path in (f"/portal/requests/{reference}", f"/portal/requests/{reference}/submitted"):
        response = bob.get(path)
        assert response.status_code == 404
        assert reference not in response.get_data(as_text=True)
    assert post(bob, f"/portal/requests/{reference}/download").status_code == 404
    assert reference not in bob.get("/portal/").get_data(as_text=True)


def test_requester_cannot_open_staff_pages(web):
    client = register(web)
    reference = submit(client)
    assert client.get("/staff/").status_code == 403
    assert client.get(f"/staff/requests/{reference}").status_code == 403


def _release(web, reference: str):
    """Add a document, submit, approve and release through the use cases; return the release result."""
    officer, manager = web.user("officer"), web.user("manager")
    with web.factory() as session:
        officer, manager = session.get(User, officer.id), session.get(User, manager.id)
        req = session.query(Request).filter_by(reference=reference).one()
        now = utcnow()
        documents.add_document(
            session,
            req,
            sample_pdf("case00_email_1.pdf"),
            "letter.pdf",
            actor=officer,
            now=now,
            settings=web.settings,
        )
        approval = approvals.submit_for_approval(session, req, actor=officer, now=now, settings=web.settings)
        approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=manager, now=now)
        result = approvals.release(session, req, actor=manager, now=now, settings=web.settings)
        token = download_links.mint_token(session, result.link.id)  # as the mailer does when it sends
        session.commit()
        return token


def test_released_pack_downloads_through_portal_and_link_but_not_for_others(web):
    alice = register(web, "alice@example.org", "Alice A")
    reference = submit(alice)
    token = _release(web, reference)
    page = alice.get(f"/portal/requests/{reference}").get_data(as_text=True)
    assert "Your response is ready" in page
    response = post(alice, f"/portal/requests/{reference}/download")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert f"{reference}-bundle.pdf" in names
    link = alice.get(f"/download/{token}")
    assert link.status_code == 200 and link.data == response.data
    bob = register(web, "bob@example.org", "Bob B")
    assert bob.get(f"/download/{token}").status_code == 404
    anonymous = web.client().get(f"/download/{token}")
    assert anonymous.status_code == 302 and "/login" in anonymous.location
    assert web.client().get("/download/not-a-real-token").status_code == 404
    with web.factory() as session:
        downloads = session.query(AuditEvent).filter_by(action="pack.download").count()
    assert downloads == 2


def test_portal_pages_escape_what_requesters_type(web):
    client = register(web)
    reference = submit(client, description="<script>alert(1)</script> please send my social care records")
    html = client.get(f"/portal/requests/{reference}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert not re.search(r"<script>(?!\s*$)", html.split("</main>")[0].split("<main")[1])


def test_flash_after_registration(web):
    client = register(web)
    assert "your e-mail address is confirmed" in " ".join(flashes(client.get("/portal/new")))
    csrf_token(client)
