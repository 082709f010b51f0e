"""Keyboard review in chromium (issue 11): the cast on the case page, decisions by key without a page load,
jumping to the next undecided proposal, searching the bundle and redacting a string everywhere, and the
unresolved-mention queue. Driven like tests/web/test_browser.py."""

from __future__ import annotations

import pytest

from sar.bundle import documents, jobs
from sar.core.db import utcnow
from sar.intake import requests as req_uc
from sar.models import Redaction, User
from tests.sar._docs import THIRD_PARTY, pdf_bytes
from tests.sar.test_cast import CastEngine
from tests.web.test_browser import (  # noqa: F401 - fixtures are used by name
    Shots,
    all_css,
    by_css,
    choose,
    downloads,
    driver,
    factory,
    make_staff,
    server,
    settings,
    sign_in,
    submit,
)

pytestmark = [pytest.mark.browser]


def _wait(browser, condition, timeout: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(condition)


def _keys(browser, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(keys).perform()


def test_keyboard_review_without_page_loads(driver, server, factory, settings):  # noqa: F811 - fixtures
    shot = Shots(driver, "keyboard-review")
    officer = make_staff(factory, "officer", "kit.officer@council.example", "Kit Officer")
    with factory() as session:
        officer = session.get(User, officer.id)
        req = req_uc.open_request(session, actor=officer, now=utcnow(), settings=settings,
                                  description="Please send me a copy of my social care records.",
                                  requester=req_uc.PersonIn(name="Jamie Example", email="jamie@example.org"),
                                  channel="email", regime="sar", assigned_officer=officer)
        documents.add_document(session, req, pdf_bytes(f"Visit. {THIRD_PARTY} was there.",
                                                       f"Later {THIRD_PARTY} left. Code word Bluebell."),
                               "notes.pdf", actor=officer, now=utcnow(), settings=settings)
        job = jobs.start_proposal_job(session, req, actor=officer, now=utcnow())
        session.commit()
        reference, job_id = req.reference, job.id
    assert jobs.run_job(factory, job_id, settings=settings, now_fn=utcnow, engine=CastEngine()) == "done"

    sign_in(driver, server, "kit.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}#cast")
    table = by_css(driver, "#cast-table").text
    assert THIRD_PARTY in table and "unresolved" in table.lower()
    shot("cast")
    submit(driver, "#unresolved-link")
    assert len(all_css(driver, "[data-queue-link]")) == 2
    _keys(driver, "j")
    assert driver.switch_to.active_element.get_attribute("data-queue-link") is not None
    shot("queue")
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("window.__sarOldPage = true;")
    _keys(driver, Keys.ENTER)
    _wait(driver, lambda d: d.execute_script("return window.__sarOldPage === undefined && "
                                             "document.readyState === 'complete';"))
    by_css(driver, "#review-keys:not([hidden])")
    driver.execute_script("window.__sarNoReload = true;")  # survives only while no page load happens
    _keys(driver, "a")
    _wait(driver, lambda d: "Accepted" in d.find_element("id", "review-live").text)
    assert driver.execute_script("return window.__sarNoReload === true;")
    assert [t.text.lower() for t in all_css(driver, "#redaction-list .tag")] == ["accepted"]
    shot("accepted-by-key")
    _keys(driver, "n")  # the next undecided proposal is on the next page: a navigation
    _wait(driver, lambda d: "/pages/1" in d.current_url)
    by_css(driver, "#review-keys:not([hidden])")
    _keys(driver, "r")
    reason = driver.switch_to.active_element
    assert reason.get_attribute("name") == "reason"
    driver.execute_script("window.__sarNoReload = true;")
    reason.send_keys("Already known to the requester", Keys.ENTER)
    _wait(driver, lambda d: "Rejected" in d.find_element("id", "review-live").text)
    assert driver.execute_script("return window.__sarNoReload === true;")
    _keys(driver, "/")
    driver.switch_to.active_element.send_keys("bluebell", Keys.ENTER)
    choose(driver, "#bundle-search-code", "SCH2-P16-THIRD-PARTY")
    by_css(driver, "#redact-everywhere").click()
    _wait(driver, lambda d: "accepted across the bundle" in d.find_element("id", "review-live").text)
    assert driver.execute_script("return window.__sarNoReload === true;")
    shot("redacted-everywhere")
    with factory() as session:
        statuses = sorted(r.status for r in session.query(Redaction).filter(Redaction.superseded_at.is_(None)))
    assert statuses == ["accepted", "accepted", "rejected"]
