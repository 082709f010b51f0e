"""Issue 18 walked in chromium as a new manager would: the quarter's report with its SVG charts, a table
beside each and a CSV download; a released FOI response prepared by one manager and published by a
second to the public disclosure log (read with no login, the private individuals' names gone); and a
disposal approved on the Retention page, after which the report figures are unchanged and the request's
documents are gone from the store. Reuses the server, browser and helpers of tests/web/test_browser.py."""
# ruff: noqa: F811  (the fixtures imported from test_browser are parameters of the tests, by name)

from __future__ import annotations

import csv
import io
import time
from datetime import UTC, date, datetime

import pytest

from sar.core.storage import FileStore
from sar.models import BundleItem, DisclosureEntry, DisposalCertificate, Document, Request, User
from sar.reports import closure
from sar.retention import TOMBSTONE
from sar.workflow.transitions import transition
from tests.factories import make_request
from tests.reports import dataset
from tests.reports.test_disclosure_log import REQUEST_TEXT, RESPONSE_TEXT
from tests.web.test_browser import (  # noqa: F401  (driver, factory, server, settings, downloads are fixtures)
    Shots,
    all_css,
    by_css,
    click,
    downloads,
    driver,
    factory,
    fill,
    make_staff,
    notices,
    pytestmark,
    server,
    settings,
    sign_in,
    sign_out,
    submit,
)

pytestmark = [*pytestmark, pytest.mark.slow]  # the same chromium skip and marker; the scan loads spaCy

MAYA, MILES = "maya.manager@council.example", "miles.manager@council.example"
# An FOI file released in June 2024: kept 2 years after closure (packaged schedule), so due in June 2026.
OLD_RECEIVED, OLD_RELEASED = datetime(2024, 6, 3, 9, tzinfo=UTC), datetime(2024, 6, 20, 12, tzinfo=UTC)
# The disclosure-log request is released outside both periods the walk reports on.
PUBLISHED_AT = datetime(2026, 11, 2, 10, tzinfo=UTC)


def _released(session, settings, actor, when, **kw) -> Request:
    req = make_request(session, settings, actor=actor, regime="foi", received_at=kw.pop("received", when), now=when,
                       **kw)
    for status in dataset.RELEASE_PATH:
        transition(session, req, status, actor=actor, reason="test", now=when)
    return req


def _set_up(factory, settings):
    """Q1 2026 (tests/reports/dataset.py), an old released FOI file with a stored document, and a
    released FOI response for the disclosure log."""
    maya = make_staff(factory, "manager", MAYA, "Maya Manager")
    make_staff(factory, "manager", MILES, "Miles Manager")
    store = FileStore(settings.storage_dir)
    with factory() as session:
        dataset.build(session, settings)
        maya = session.get(User, maya.id)
        old = _released(session, settings, maya, OLD_RELEASED, received=OLD_RECEIVED)
        sha = store.put(b"the only copy of the old response letter")
        doc = Document(sha256=sha, size_bytes=41, page_count=1, created_at=OLD_RECEIVED)
        session.add(doc)
        session.flush()
        session.add(BundleItem(request_id=old.id, document_id=doc.id, filename="old-letter.pdf", position=1,
                               uploaded_at=OLD_RECEIVED))
        closure.record_closure(session, old, "full", actor=maya, now=OLD_RELEASED)
        foi = _released(session, settings, maya, PUBLISHED_AT, description=REQUEST_TEXT,
                        requester_name="Priya Lakshmanan", requester_email="priya@example.org")
        session.commit()
        return old.reference, old.id, sha, foi.reference


def _report_tables(driver, server, start: str, end: str, report: str = "timeliness") -> str:
    """Open Reports from the menu, enter a period, press Show; the text of every table on the page."""
    driver.get(f"{server.url}/staff/")
    submit(driver, ".site-nav a[href='/staff/reports']")
    if report != "timeliness":
        submit(driver, f"nav[aria-label=Reports] a[href*='report={report}']")
    for field, value in (("#from", start), ("#to", end)):  # a date picker's typing is locale-dependent
        driver.execute_script("arguments[0].value = arguments[1];", by_css(driver, field), value)
    submit(driver, "form.inline-fields button[type=submit]")
    return "\n".join(t.text for t in all_css(driver, "section.report-section table"))


def _downloaded(downloads, name: str, timeout: float = 30) -> str:
    path = downloads / name
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and not list(downloads.glob("*.crdownload")):
            return path.read_text(encoding="utf-8-sig")
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded: {sorted(p.name for p in downloads.iterdir())}")


def test_quarter_report_disclosure_log_and_disposal(driver, server, factory, settings, downloads):
    shot = Shots(driver, "reports")
    old_ref, old_id, sha, foi_ref = _set_up(factory, settings)
    store = FileStore(settings.storage_dir)

    # 1. The quarter's report: a chart and a table beside it for each part, and the CSV.
    sign_in(driver, server, MAYA)
    _report_tables(driver, server, "2026-01-01", "2026-03-31")
    sections = all_css(driver, "section.report-section")
    assert len(sections) == 3, [s.text for s in sections]
    for section in sections:
        img = section.find_element("css selector", "figure img")
        assert img.get_attribute("src").startswith("data:image/svg+xml;base64,")
        assert "table" in img.get_attribute("alt")
        assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth;", img) > 0
        assert section.find_element("css selector", "table caption").text
    assert "66.7" in sections[0].find_element("css selector", "table").text  # FOI % on time (A, B of A, B, C)
    shot("quarter-report")
    click(driver, "a[href^='/staff/reports/timeliness.csv']")
    rows = list(csv.reader(io.StringIO(_downloaded(downloads, "timeliness-2026-01-01-to-2026-03-31.csv"))))
    header = rows.index(["Timeliness by regime"]) + 1
    table = {r[0]: dict(zip(rows[header], r, strict=True)) for r in rows[header + 1:header + 4]}
    assert (table["foi"]["received"], table["foi"]["on time"], table["foi"]["% on time"]) == ("4", "2", "66.7")
    assert table["sar"]["days stopped"] == "4"
    quarter_before = _report_tables(driver, server, "2026-01-01", "2026-03-31")
    old_before = {name: _report_tables(driver, server, "2024-04-01", "2024-06-30", name)
                  for name in ("timeliness", "outcomes")}
    assert "foi" in old_before["timeliness"] and "foi" in old_before["outcomes"]

    # 2. The disclosure log: Maya prepares, Miles (a second manager) publishes, the public reads.
    submit(driver, ".site-nav a[href='/staff/disclosure-log']")
    fill(driver, "#reference", foi_ref)
    fill(driver, "#title", "Foster placements in 2025")
    fill(driver, "#response_text", RESPONSE_TEXT)
    submit(driver, "form[action$='/disclosure-log/prepare'] button", timeout=300)  # the first scan loads spaCy
    assert f"Entry prepared for {foi_ref}" in notices(driver), notices(driver)
    assert not all_css(driver, "form[action$='/publish'] button")  # the preparer may not publish (four eyes)
    assert "A second manager must check and publish" in by_css(driver, "section.disclosure-entry").text
    shot("prepared")
    sign_out(driver)
    sign_in(driver, server, MILES)
    submit(driver, ".site-nav a[href='/staff/disclosure-log']")
    assert "Priya" not in by_css(driver, "main").text
    submit(driver, "form[action$='/publish'] button")
    assert "Published to the disclosure log." in notices(driver), notices(driver)
    sign_out(driver)
    driver.delete_all_cookies()  # a member of the public, not signed in
    driver.get(f"{server.url}/disclosure-log")
    fill(driver, "#q", "foster")
    submit(driver, "form[role=search] button")
    submit(driver, "ul.disclosure-list a")
    assert by_css(driver, "h1").text == "Foster placements in 2025"
    entry = by_css(driver, "main").text
    assert "Example County Council" in entry and "41 placements" in entry
    for name in ("Priya", "Lakshmanan", "Gareth Holloway", "priya@example.org"):
        assert name not in entry, entry
    assert not all_css(driver, ".site-nav__user")
    shot("public-entry")

    # 3. Retention: Maya approves the disposal of the old file; figures stay, documents go.
    sign_in(driver, server, MAYA)
    submit(driver, ".site-nav a[href='/staff/retention']")
    assert old_ref in by_css(driver, "main").text and foi_ref not in by_css(driver, "main").text
    click(driver, f"input[name=reference][value='{old_ref}']")
    click(driver, "#confirm")
    shot("retention-ticked")
    submit(driver, "form[action$='/retention/dispose'] button[type=submit]")
    assert "Disposed of 1 request file(s)" in notices(driver), notices(driver)
    assert old_ref not in by_css(driver, "main").text
    assert not store.exists(sha)
    with factory() as session:
        req = session.get(Request, old_id)
        assert req.description == TOMBSTONE and req.received_on == date(2024, 6, 3)
        cert = session.query(DisposalCertificate).filter_by(request_id=old_id).one()
        assert cert.documents_removed == 1 and session.get(User, cert.approved_by_id).email == MAYA
        assert session.query(DisclosureEntry).filter_by(reference=foi_ref, status="published").count() == 1
    assert _report_tables(driver, server, "2026-01-01", "2026-03-31") == quarter_before
    for name, before in old_before.items():
        assert _report_tables(driver, server, "2024-04-01", "2024-06-30", name) == before, name
    shot("report-after-disposal")
