"""The disclosure log in the browser's terms: staff prepare, a second manager publishes, the public reads."""

from __future__ import annotations

import pytest

from sar.workflow.transitions import transition
from tests.factories import make_request
from tests.reports.test_disclosure_log import NOW, REQUEST_TEXT, RESPONSE_TEXT
from tests.web.test_ui_support import flashes, post
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name
pytestmark = pytest.mark.slow  # the first prepare loads the spaCy model


def test_prepare_publish_read_and_withdraw(web):
    officer, manager = web.user("officer"), web.user("manager")
    with web.factory() as session:
        req = make_request(session, web.settings, actor=officer, regime="foi", description=REQUEST_TEXT,
                           requester_name="Priya Lakshmanan", requester_email="priya@example.org", now=NOW)
        for status in ("in_progress", "in_review", "awaiting_approval", "approved", "released"):
            transition(session, req, status, actor=officer, reason="test", now=NOW)
        session.commit()
        reference = req.reference
    staff = web.login(officer)
    assert staff.get("/staff/disclosure-log").status_code == 200
    response = post(staff, "/staff/disclosure-log/prepare",
                    {"reference": reference, "title": "Foster placements in 2025", "response_text": RESPONSE_TEXT})
    assert response.status_code == 302
    page = staff.get("/staff/disclosure-log").get_data(as_text=True)
    assert "Foster placements in 2025" in page and "Priya" not in page and "draft" in page
    public = web.client()
    assert "Foster placements" not in public.get("/disclosure-log").get_data(as_text=True)  # not yet approved

    assert post(staff, "/staff/disclosure-log/1/publish").status_code == 403  # officers cannot publish
    boss = web.login(manager)
    assert post(boss, "/staff/disclosure-log/1/publish").status_code == 302
    listing = public.get("/disclosure-log?q=foster")
    assert listing.status_code == 200 and "Foster placements in 2025" in listing.get_data(as_text=True)
    entry = public.get("/disclosure-log/1").get_data(as_text=True)
    assert "Example County Council" in entry and "Priya" not in entry and "Gareth Holloway" not in entry
    assert "Foster" not in public.get("/disclosure-log?q=gritting").get_data(as_text=True)

    refused = post(boss, "/staff/disclosure-log/1/withdraw", {"reason": ""}, follow_redirects=True)
    assert any("why" in m for m in flashes(refused))
    assert post(boss, "/staff/disclosure-log/1/withdraw", {"reason": "wrong response"}).status_code == 302
    assert public.get("/disclosure-log/1").status_code == 404
    assert public.get("/staff/disclosure-log").status_code == 302  # staff page needs sign-in
