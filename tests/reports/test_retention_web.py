"""The retention page: a manager reviews the dry run and approves disposal; statistics stay, documents go."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sar.core.storage import FileStore
from sar.models import BundleItem, DisposalCertificate, Document, Request
from sar.reports import closure
from sar.retention import TOMBSTONE
from sar.workflow.transitions import transition
from tests.factories import make_request
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name
# FOI files are kept 2 years after closure (packaged schedule): withdrawn June 2024, due June 2026.
OLD = datetime(2024, 6, 3, 9, tzinfo=UTC)


def test_manager_reviews_and_approves_disposal(web):
    manager, officer, admin = web.user("manager"), web.user("officer"), web.user("admin")
    store = FileStore(web.settings.storage_dir)
    with web.factory() as session:
        req = make_request(session, web.settings, actor=officer, regime="foi", received_at=OLD, now=OLD)
        sha = store.put(b"the only copy of this bundle document")
        doc = Document(sha256=sha, size_bytes=10, page_count=1, created_at=OLD)
        session.add(doc)
        session.flush()
        session.add(BundleItem(request_id=req.id, document_id=doc.id, filename="letter.pdf", position=1,
                               uploaded_at=OLD))
        transition(session, req, "withdrawn", actor=officer, reason="test", now=datetime(2024, 6, 10, tzinfo=UTC))
        closure.record_closure(session, req, "withdrawn", actor=officer, now=datetime(2024, 6, 10, tzinfo=UTC))
        session.commit()
        reference, request_id = req.reference, req.id

    assert web.login(officer).get("/staff/retention").status_code == 403
    admin_page = web.login(admin).get("/staff/retention").get_data(as_text=True)
    # Need to know (sar.core.permissions): admins never read case content, so the list names no file for them.
    assert reference not in admin_page and 'type="checkbox" name="reference"' not in admin_page
    boss = web.login(manager)
    page = boss.get("/staff/retention").get_data(as_text=True)
    assert reference in page and "foi-eir-request-file" in page
    unconfirmed = post(boss, "/staff/retention/dispose", {"reference": reference}, follow_redirects=True)
    assert any("Confirm that" in m for m in flashes(unconfirmed)) and store.exists(sha)
    done = post(boss, "/staff/retention/dispose", {"reference": reference, "confirm": "yes"}, follow_redirects=True)
    assert any("Disposed of 1" in m for m in flashes(done))
    assert not store.exists(sha)
    with web.factory() as session:
        req = session.get(Request, request_id)
        assert req.description == TOMBSTONE and req.received_on == date(2024, 6, 3) and req.status == "withdrawn"
        cert = session.query(DisposalCertificate).filter_by(request_id=request_id).one()
        assert cert.approved_by_id == manager.id and cert.documents_removed == 1
    assert reference not in boss.get("/staff/retention").get_data(as_text=True)
