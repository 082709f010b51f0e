"""The Reports page, its CSV and PDF downloads, and ``GET /api/reports/<name>`` (real app, real database)."""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import date

import pymupdf
import pytest

from sar.accounts.users import create_token
from tests.reports import dataset
from tests.web.test_ui_support import web as web_fixture
from web.staff.report_routes import last_quarter

web = web_fixture  # the fixture, used by name
Q1 = "from=2026-01-01&to=2026-03-31"


@pytest.fixture
def quarter(web):
    with web.factory() as session:
        q = dataset.build(session, web.settings)
        session.commit()
    return q


def test_managers_see_charts_with_a_table_beside_each(web, quarter):
    client = web.login(quarter.manager)
    page = client.get(f"/staff/reports?report=timeliness&{Q1}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', html)
    assert len(images) == 3 and all("table" in alt for _src, alt in images)
    svg = base64.b64decode(images[0][0]).decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "foi" in svg
    assert html.count("<table") == 3 and "66.7" in html  # FOI % on time, in the table beside the chart
    assert 'href="/staff/reports"' in client.get("/staff/").get_data(as_text=True)


@pytest.mark.parametrize("role", ["officer", "requester"])
def test_officers_and_requesters_get_403(web, quarter, role):
    client = web.login(web.user(role))
    for path in (f"/staff/reports?{Q1}", f"/staff/reports/timeliness.csv?{Q1}", f"/staff/reports/pack.pdf?{Q1}"):
        assert client.get(path).status_code == 403, path
    assert 'href="/staff/reports"' not in client.get("/").get_data(as_text=True)


def test_admins_may_and_a_bad_period_is_a_clear_400(web, quarter):
    client = web.login(web.user("admin"))
    assert client.get(f"/staff/reports?report=workload&{Q1}").status_code == 200
    bad = client.get("/staff/reports?from=2026-03-31&to=2026-01-01")
    assert bad.status_code == 400 and "before it starts" in bad.get_data(as_text=True)
    assert client.get("/staff/reports/timeliness.csv?from=nonsense&to=2026-01-01").status_code == 400


def test_csv_export(web, quarter):
    client = web.login(quarter.manager)
    response = client.get(f"/staff/reports/outcomes.csv?{Q1}&regime=foi")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    header = rows.index(["Outcomes by regime"]) + 1
    assert rows[header + 1][:5] == ["foi", "1", "1", "1", "0"]
    assert not any(r and r[0] == "sar" for r in rows)


def test_pdf_report_pack(web, quarter):
    response = web.login(quarter.manager).get(f"/staff/reports/pack.pdf?{Q1}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    with pymupdf.open(stream=response.data, filetype="pdf") as doc:
        text = "".join(p.get_text() for p in doc)
    assert "Timeliness by regime" in text and "Workload by team" in text and "Officer One" in text


def test_api_json_and_csv_for_managers_only(web, quarter):
    with web.factory() as session:
        from sar.models import User

        manager = session.get(User, quarter.manager.id)
        officer = session.get(User, quarter.officer1.id)
        tokens = {"manager": create_token(session, manager, now=dataset.NOW, label="t", days=3650),
                  "officer": create_token(session, officer, now=dataset.NOW, label="t", days=3650)}
        session.commit()
    client = web.client()

    def get(path, who, **headers):
        return client.get(path, headers={"Authorization": f"Bearer {tokens[who]}", **headers})

    body = get(f"/api/reports/timeliness?{Q1}&team={dataset.TEAM_2}", "manager").get_json()
    table = next(t for t in body["tables"] if t["key"] == "timeliness")
    assert [r[0] for r in table["rows"]] == ["sar", "all"] and body["filter"]["team"] == dataset.TEAM_2
    as_csv = get(f"/api/reports/workload?{Q1}", "manager", Accept="text/csv")
    assert as_csv.mimetype == "text/csv" and "Officer One" in as_csv.get_data(as_text=True)
    assert get(f"/api/reports/timeliness?{Q1}", "officer").status_code == 403
    assert get("/api/reports/timeliness?from=2026-01-01", "manager").status_code == 400
    assert get(f"/api/reports/nonsense?{Q1}", "manager").status_code == 404


@pytest.mark.parametrize("today, expected", [
    (date(2026, 4, 1), (date(2026, 1, 1), date(2026, 3, 31))),
    (date(2026, 3, 31), (date(2025, 10, 1), date(2025, 12, 31))),
    (date(2026, 12, 6), (date(2026, 7, 1), date(2026, 9, 30))),
])
def test_the_page_defaults_to_the_last_complete_quarter(today, expected):
    assert last_quarter(today) == expected


def test_api_records_closures_and_complaints(web, quarter):
    with web.factory() as session:
        from sar.models import User

        officer = session.get(User, quarter.officer1.id)
        requester = web.user("requester")
        tokens = {"officer": create_token(session, officer, now=dataset.NOW, label="t", days=3650),
                  "requester": create_token(session, session.get(User, requester.id), now=dataset.NOW, label="t",
                                            days=3650)}
        session.commit()
    client = web.client()
    ref_c, ref_f = quarter.requests["C"].reference, quarter.requests["F"].reference

    def call(method, path, who="officer", **kw):
        return client.open(path, method=method, headers={"Authorization": f"Bearer {tokens[who]}"}, **kw)

    done = call("PUT", f"/api/requests/{ref_c}/closure", json={"outcome": "not_held", "codes": ["FOIA-S12"]})
    assert done.status_code == 200 and done.get_json()["team"] == dataset.TEAM_1
    assert call("PUT", f"/api/requests/{ref_f}/closure", json={"outcome": "full"}).status_code == 400  # still open
    assert call("PUT", f"/api/requests/{ref_c}/closure", json={"outcome": "lost"}).status_code == 400
    assert call("PUT", f"/api/requests/{ref_c}/closure", "requester", json={"outcome": "full"}).status_code == 404
    case = call("POST", f"/api/requests/{ref_c}/complaints", json={"kind": "ico_complaint", "opened_on": "2026-03-01"})
    assert case.status_code == 201
    decided = call("POST", f"/api/complaints/{case.get_json()['id']}/outcome",
                   json={"outcome": "upheld", "closed_on": "2026-03-20"})
    assert decided.get_json()["outcome"] == "upheld"
    again = call("POST", f"/api/complaints/{case.get_json()['id']}/outcome",
                 json={"outcome": "upheld", "closed_on": "2026-03-20"})
    assert again.status_code == 409
    assert call("POST", f"/api/requests/{ref_c}/complaints", json={"kind": "ico_complaint",
                                                                   "opened_on": "soon"}).status_code == 400
