"""The staff dashboard: tabs, filters, server-side sorting and pagination, and speed at 10,000 rows."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from sar.intake.requests import received_on_for
from sar.models import Request
from tests.web.test_ui_support import web as web_fixture

web = web_fixture  # the fixture, used by name

STATUSES = ("received", "in_progress", "in_review", "awaiting_approval", "on_hold", "closed")
REGIMES = ("sar", "foi", "eir")


def seed(web, n: int, *, today: date | None = None, assigned_to: int | None = None) -> None:
    """Bulk-insert ``n`` requests (no use cases: this is volume, not behaviour)."""
    today = today or received_on_for(datetime.now(UTC))
    base = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
    rows = []
    for i in range(n):
        received = base + timedelta(hours=7 * i)
        rows.append(
            {
                "reference": f"{REGIMES[i % 3].upper()}-2025-{i:05d}",
                "regime": REGIMES[i % 3],
                "status": STATUSES[i % len(STATUSES)],
                "received_at": received,
                "received_on": received.date(),
                "channel": "email",
                "description": f"Bulk request {i}",
                "due_on": today + timedelta(days=(i * 37) % 90 - 30),
                "assigned_officer_id": assigned_to if i % 4 == 0 else None,
                "extended": False,
                "created_at": received,
                "updated_at": received,
            }
        )
    with web.factory() as session:
        for start in range(0, n, 2000):
            session.execute(insert(Request), rows[start : start + 2000])
        session.commit()


def references(html: str) -> list[str]:
    return re.findall(r'<td><a href="/staff/requests/([A-Z]+-\d{4}-\d+)">', html)


def test_dashboard_sorts_and_paginates_on_the_server(web):
    officer = web.user("officer")
    seed(web, 60)
    client = web.login(officer)
    page1 = client.get("/staff/?tab=all&sort=reference&dir=asc").get_data(as_text=True)
    refs1 = references(page1)
    assert len(refs1) == 25
    assert refs1 == sorted(refs1)
    assert "60 requests" in page1
    page3 = references(client.get("/staff/?tab=all&sort=reference&dir=asc&page=3").get_data(as_text=True))
    assert len(page3) == 10
    assert not set(page3) & set(refs1)
    desc = references(client.get("/staff/?tab=all&sort=reference&dir=desc").get_data(as_text=True))
    assert desc[0] == max(refs1 + page3) and desc == sorted(desc, reverse=True)
    received = references(
        client.get("/staff/?tab=all&sort=received&dir=desc&per_page=5").get_data(as_text=True)
    )
    assert received[0] == "EIR-2025-00059"  # the most recently received of the 60
    assert len(received) == 5


def test_dashboard_tabs_filter_the_rows(web):
    officer = web.user("officer")
    seed(web, 48, assigned_to=officer.id)
    client = web.login(officer)
    html = client.get("/staff/?tab=awaiting_approval").get_data(as_text=True)
    assert len(references(html)) == 8
    assert "Awaiting approval" in html
    mine = client.get("/staff/?tab=mine&per_page=100").get_data(as_text=True)
    assert 0 < len(references(mine)) < 48
    overdue = client.get("/staff/?tab=overdue&per_page=100").get_data(as_text=True)
    assert "Overdue" in overdue
    foi = references(client.get("/staff/?tab=all&regime=foi&per_page=100").get_data(as_text=True))
    assert foi and all(r.startswith("FOI-") for r in foi)
    found = references(client.get("/staff/?tab=all&q=SAR-2025-00003").get_data(as_text=True))
    assert found == ["SAR-2025-00003"]
    assert client.get("/staff/?tab=bogus&sort=bogus&dir=sideways&page=-4").status_code == 200


def test_dashboard_with_10000_requests_stays_fast(web, record_property):
    officer = web.user("officer")
    started = time.perf_counter()
    seed(web, 10_000, assigned_to=officer.id)
    seeded = time.perf_counter() - started
    client = web.login(officer)
    client.get("/staff/")  # warm up templates
    timings = {}
    for query in (
        "tab=open&sort=due",
        "tab=all&sort=reference&dir=desc&page=200",
        "tab=all&sort=received",
        "tab=overdue&sort=status",
        "tab=mine&sort=due&page=40",
        "tab=all&q=00042",
    ):
        started = time.perf_counter()
        response = client.get(f"/staff/?{query}")
        timings[query] = time.perf_counter() - started
        assert response.status_code == 200
        assert references(response.get_data(as_text=True)), query
    record_property("seed_seconds", round(seeded, 2))
    record_property("page_seconds", {k: round(v, 3) for k, v in timings.items()})
    print(
        f"\n10k dashboard: seeded in {seeded:.2f}s; pages: "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items())
    )
    assert max(timings.values()) < 2.0, timings
