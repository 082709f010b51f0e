"""Issue 15: every read is audited with the client's IP and user agent; managers and admins read the
audit log in a viewer (filters, CSV) and through ``GET /api/audit``; officers and requesters cannot."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from sar.models import AuditEvent
from tests.web.test_api_helpers import api_on_new_database
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name

UA = "Mozilla/5.0 (audit-test)"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with api_on_new_database(tmp_path_factory.mktemp("audit-api")) as api:
        yield api


def _events(app, action):
    with app.extensions["sar_session_factory"]() as s:
        return s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)).all()


def test_api_reads_record_client_ip_and_user_agent(api):
    ref = api.new_request()["reference"]
    got = api.get(f"/api/requests/{ref}/redactions", headers={"User-Agent": UA},
                  environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert got.status_code == 200
    listed = _events(api.app, "redaction.list")[-1]
    assert listed.detail["count"] == 0 and listed.request_id is not None
    assert (listed.client_ip, listed.user_agent) == ("203.0.113.9", UA)
    assert api.get("/api/requests").status_code == 200
    assert ref in _events(api.app, "request.list")[-1].detail["references"]


def test_api_audit_is_for_managers_and_admins_only(api):
    assert api.get("/api/audit", "officer").status_code == 403
    assert api.get("/api/audit", "alice").status_code == 403


def test_api_audit_filters_and_csv(api):
    ref = api.new_request()["reference"]
    api.get(f"/api/requests/{ref}", "officer2")
    got = api.get(f"/api/audit?request={ref}&action=request.view&person=officer2", "manager")
    assert got.status_code == 200, got.get_json()
    body = got.get_json()
    assert body["total"] >= 1 and all(i["request"] == ref and i["action"] == "request.view" for i in body["items"])
    assert all("officer2@example.org" in i["actor"] for i in body["items"])
    assert _events(api.app, "audit.search")[-1].detail["filters"]["request"] == ref
    as_csv = api.get(f"/api/audit?request={ref}", "manager", headers={"Accept": "text/csv"})
    assert as_csv.status_code == 200 and as_csv.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    assert rows and {r["request"] for r in rows} == {ref}
    assert _events(api.app, "audit.export")[-1].detail["rows"] == len(rows)
    bad = api.get("/api/audit?from=yesterday", "manager")
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.get_json()["error"]
    none = api.get("/api/audit?from=2000-01-01&to=2000-01-02", "manager").get_json()
    assert none["total"] == 0


def test_dashboard_search_by_name_is_audited_with_the_browser(web):
    officer = web.user("officer")
    client = web.login(officer)
    ref = web.new_request(client)
    got = client.get("/staff/?q=Jamie", headers={"User-Agent": UA})
    assert got.status_code == 200
    search = _events(web.app, "request.search")[-1]
    assert search.detail["query"] == "Jamie" and ref in search.detail["references"]
    assert search.user_agent == UA and search.client_ip == "127.0.0.1"
    # Browsing the dashboard without a search is not a search.
    before = len(_events(web.app, "request.search"))
    client.get("/staff/")
    assert len(_events(web.app, "request.search")) == before


def test_audit_viewer_page_filters_and_exports_for_managers_only(web):
    officer, manager = web.user("officer"), web.user("manager")
    ref = web.new_request(web.login(officer))
    assert web.login(officer).get("/staff/audit").status_code == 403
    client = web.login(manager)
    page = client.get(f"/staff/audit?request={ref}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and ref in html and "request." in html
    assert 'id="audit-table"' in html and "Export as CSV" in html
    assert "Audit log" in client.get("/staff/").get_data(as_text=True)  # in the manager's navigation
    exported = client.get(f"/staff/audit?request={ref}&format=csv")
    assert exported.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert rows and all(r["request"] == ref for r in rows)
    bad = client.get("/staff/audit?from=31/12/2026")
    assert bad.status_code == 200 and "YYYY-MM-DD" in bad.get_data(as_text=True)
