"""Accessibility of the request page, the review page, the unresolved queue and the failed jobs, checked
with axe-core in chromium (issue 11: "every page axe-clean").

The axe-core engine comes from a PyPI package installed with the dev extras (``axe-playwright-python``
ships ``axe.min.js``); it is read from the installed package and injected into the page, so nothing is
fetched when the tests run. Every violation axe reports (any impact) fails the test, with its rule,
help text and the offending elements.
"""

from __future__ import annotations

import importlib.resources

import pytest

from sar.bundle import documents, jobs
from sar.core.db import utcnow
from sar.intake import requests as req_uc
from sar.models import BundleItem, User
from tests.sar._docs import THIRD_PARTY, pdf_bytes
from tests.sar.test_cast import CastEngine
from tests.web.test_browser import (  # noqa: F401 - fixtures are used by name
    Shots,
    all_css,
    by_css,
    downloads,
    driver,
    factory,
    make_staff,
    server,
    settings,
    sign_in,
)

pytestmark = [pytest.mark.browser]


def _axe_source() -> str:
    try:
        return importlib.resources.files("axe_playwright_python").joinpath("axe.min.js").read_text()
    except ModuleNotFoundError:
        pytest.skip("axe-core is not installed (pip install -e '.[dev]' brings axe-playwright-python)")


def axe_violations(browser) -> list[dict]:
    """Run axe-core on the current page (WCAG 2.x A and AA rules, best practices) and return its violations."""
    browser.execute_script(_axe_source())
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return result


def _assert_clean(browser, page: str) -> None:
    found = axe_violations(browser)
    assert not found, f"{page}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
                                              for v in found)


def _open_sar(session, officer, app_settings):
    """A subject access request from a requester, assigned to ``officer`` (flushed, not committed)."""
    return req_uc.open_request(session, actor=officer, now=utcnow(), settings=app_settings,
                               description="Please send me a copy of my social care records.",
                               requester=req_uc.PersonIn(name="Jamie Example", email="jamie@example.org"),
                               channel="email", regime="sar", assigned_officer=officer)


def test_request_review_and_queue_pages_are_axe_clean(driver, server, factory, settings):  # noqa: F811
    shot = Shots(driver, "axe")
    officer = make_staff(factory, "officer", "axe.officer@council.example", "Axe Officer")
    with factory() as session:
        officer = session.get(User, officer.id)
        req = _open_sar(session, officer, settings)
        documents.add_document(session, req, pdf_bytes(f"Visit. {THIRD_PARTY} was there.",
                                                       f"Later {THIRD_PARTY} left."),
                               "notes.pdf", actor=officer, now=utcnow(), settings=settings)
        job = jobs.start_proposal_job(session, req, actor=officer, now=utcnow())
        session.commit()
        reference, job_id = req.reference, job.id
        item_id = session.query(BundleItem.id).filter(BundleItem.request_id == req.id).scalar()
    assert jobs.run_job(factory, job_id, settings=settings, now_fn=utcnow, engine=CastEngine()) == "done"

    sign_in(driver, server, "axe.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}")
    by_css(driver, "#cast-table")
    shot("request")
    _assert_clean(driver, "request page")
    driver.get(f"{server.url}/staff/requests/{reference}/items/{item_id}/pages/0")
    by_css(driver, "#review-keys:not([hidden])")
    shot("review")
    _assert_clean(driver, "review page")
    driver.get(f"{server.url}/staff/requests/{reference}/unresolved")
    by_css(driver, "[data-queue-link]")
    _assert_clean(driver, "unresolved queue")
    driver.get(f"{server.url}/staff/jobs/dead")
    by_css(driver, "h1")
    _assert_clean(driver, "failed jobs")
    # The check can fail: a picture without a text alternative is reported.
    driver.execute_script("const i = document.createElement('img'); i.src = 'data:,'; document.body.appendChild(i);")
    assert "image-alt" in {v["id"] for v in axe_violations(driver)}


def test_case_party_picker_by_keyboard_and_axe_clean(driver, server, factory, settings, monkeypatch):  # noqa: F811
    """The one-click picker of people recorded on the case: axe-clean, reachable and usable from the keyboard,
    and the person lands in the confirmed cast with the role the record gives them."""
    from selenium.webdriver.common.keys import Keys

    from sar.intake import parties

    monkeypatch.setattr(jobs, "_default_engine", CastEngine())  # the recompute the click queues
    officer = make_staff(factory, "officer", "pick.officer@council.example", "Pick Officer")
    with factory() as session:
        officer = session.get(User, officer.id)
        req = _open_sar(session, officer, settings)
        documents.add_document(session, req, pdf_bytes(f"Visit. {THIRD_PARTY} was there."), "notes.pdf",
                               actor=officer, now=utcnow(), settings=settings)
        party = parties.add_party(session, req, role="third_party", name=THIRD_PARTY, relationship="neighbour",
                                  actor=officer, now=utcnow())
        job = jobs.start_proposal_job(session, req, actor=officer, now=utcnow())
        session.commit()
        reference, job_id, party_id = req.reference, job.id, party.id
    assert jobs.run_job(factory, job_id, settings=settings, now_fn=utcnow, engine=CastEngine()) == "done"

    sign_in(driver, server, "pick.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}#cast")
    button = by_css(driver, f"#add-party-{party_id}")
    assert "Add as known third party" in button.text
    assert button.get_attribute("type") == "submit"  # a plain form: works without JavaScript
    _assert_clean(driver, "request page with the case-party picker")
    driver.execute_script("window.__sarOldPage = true;")
    driver.execute_script("arguments[0].focus();", button)
    assert driver.switch_to.active_element == button  # reachable by focus, so by Tab
    button.send_keys(Keys.ENTER)
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 60).until(lambda d: d.execute_script(
        "return window.__sarOldPage === undefined && document.readyState === 'complete';"))
    assert "added to the cast" in driver.page_source.lower()
    row = by_css(driver, f"#cast-table tr[data-person='{THIRD_PARTY}']")
    assert "third" in row.text.lower()
    assert not all_css(driver, f"#add-party-{party_id}")  # offered no more
    _assert_clean(driver, "request page after adding a recorded person")
