"""End-to-end tests in Debian's chromium (headless), against the real app served by waitress.

Screenshots of every step go to ``test-artifacts/screenshots/<test>/`` (gitignored). Selenium never
downloads a driver: the Service points at /usr/bin/chromedriver and SE_OFFLINE is set.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import threading
import time
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from sar.accounts import users
from sar.bundle import documents
from sar.bundle.redactions import MANAGER_CODES
from sar.core.db import make_engine, make_session_factory, utcnow
from sar.core.settings import REPO_ROOT, Settings
from sar.intake import requests as req_uc
from sar.messaging import account_links
from sar.models import BundleItem, OutboxEmail, Redaction, Request, User
from sar.release import approvals
from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SAMPLES = (REPO_ROOT / ".." / "shared" / "fixtures" / "redaction-sample").resolve()
SHOTS = REPO_ROOT / "test-artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
        reason="Debian chromium/chromedriver not installed at /usr/bin (make system-deps)",
    ),
]


# --- server and browser ------------------------------------------------------------------------------


class LiveServer:
    """The app served by waitress on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, settings: Settings) -> None:
        from waitress.server import create_server

        from web import create_app

        self.app = create_app(settings)
        self.server = create_server(self.app, host="127.0.0.1", port=0, threads=6)
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.close()
        self.thread.join(timeout=10)
        self.app.extensions["sar_engine"].dispose()


@pytest.fixture
def settings(tmp_path, fresh_db_url) -> Settings:
    return replace(
        Settings(),
        environment="test",  # the published dev audit key (Settings.check_audit_key)
        database_url=fresh_db_url,
        storage_dir=tmp_path / "storage",
        secret_key="browser-test-secret",
        smtp_port=0,
    )


@pytest.fixture
def factory(settings):
    engine = make_engine(settings.database_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def server(settings):
    with LiveServer(settings) as live:
        yield live


@pytest.fixture
def downloads(tmp_path) -> Path:
    path = tmp_path / "downloads"
    path.mkdir()
    return path


@pytest.fixture
def driver(tmp_path, downloads):
    os.environ["SE_OFFLINE"] = "true"  # never let selenium-manager fetch anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chrome-profile'}",
        "--window-size=1400,1000",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.implicitly_wait(0)
    yield browser
    browser.quit()


class Shots:
    """Numbered screenshots for one test."""

    def __init__(self, driver, name: str) -> None:
        self.driver = driver
        self.dir = SHOTS / name
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True)
        self.n = 0

    def __call__(self, step: str) -> None:
        self.n += 1
        self.driver.save_screenshot(str(self.dir / f"{self.n:02d}-{step}.png"))


# --- helpers ----------------------------------------------------------------------------------------


def by_css(driver, css: str, timeout: float = 15):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def all_css(driver, css: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, css)


def fill(driver, css: str, value: str) -> None:
    field = by_css(driver, css)
    field.clear()
    field.send_keys(value)


def choose(driver, css: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(by_css(driver, css)).select_by_value(value)


def click(driver, css: str) -> None:
    """Scroll to and click the element, finding it again if the page changed under us."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    for attempt in range(3):
        try:
            element = by_css(driver, css)
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            element.click()
            return
        except (StaleElementReferenceException, WebDriverException):
            if attempt == 2:
                raise
            time.sleep(0.5)


def submit(driver, css: str, timeout: float = 90) -> None:
    """Click something that loads a new page, and wait until the new page has loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.__sarOldPage = true;")
    click(driver, css)
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return window.__sarOldPage === undefined && document.readyState === 'complete';")
    )
    by_css(driver, "footer", timeout)


def notices(driver) -> str:
    return " | ".join(e.text for e in all_css(driver, ".notice"))


def sign_in(driver, server: LiveServer, email: str, password: str = PASSWORD) -> None:
    driver.get(server.url + "/login")
    fill(driver, "#email", email)
    fill(driver, "#password", password)
    submit(driver, "main form button[type=submit]")
    by_css(driver, ".site-nav__user")


def sign_out(driver) -> None:
    submit(driver, ".site-nav form button")
    by_css(driver, "#email")


def verify_token(factory, email: str) -> str:
    """The token of the newest address-check e-mail to ``email``, minted as the mailer does when it sends."""
    with factory.begin() as session:
        row = session.scalars(select(OutboxEmail).where(OutboxEmail.to_addr == email,
                                                        OutboxEmail.account_link_id.is_not(None))
                              .order_by(OutboxEmail.id.desc())).first()
        return account_links.mint_token(session, row.account_link_id)[0]


def make_staff(factory, role: str, email: str, name: str) -> User:
    with factory() as session:
        user = users.create_user(
            session,
            email=email,
            name=name,
            password=PASSWORD,
            role=role,
            now=utcnow(),
            job_title=f"Information rights {role}",
        )
        session.commit()
        return user


# --- test 1: the whole journey ----------------------------------------------------------------------


def test_request_to_release_journey(driver, server, factory, downloads):
    shot = Shots(driver, "journey")
    samples = sorted(SAMPLES.glob("case00_*.pdf"))
    if not samples:
        pytest.skip(f"sample PDFs not found under {SAMPLES}")
    make_staff(factory, "officer", "olive.officer@council.example", "Olive Officer")
    make_staff(factory, "manager", "maya.manager@council.example", "Maya Manager")
    make_staff(factory, "manager", "mo.manager@council.example", "Mo Manager")

    # A parent registers and asks for their own records.
    driver.get(server.url + "/")
    shot("landing")
    submit(driver, "a.button--start")
    fill(driver, "#name", "Rowan Requester")
    fill(driver, "#email", "rowan@example.org")
    fill(driver, "#password", "a long pass phrase")
    fill(driver, "#confirm", "a long pass phrase")
    shot("register")
    submit(driver, "main form button[type=submit]")
    assert "Check your e-mail" in by_css(driver, "h1").text  # issue 15: the address is confirmed first
    sign_in(driver, server, "rowan@example.org", "a long pass phrase")
    driver.get(server.url + "/verify/" + verify_token(factory, "rowan@example.org"))
    by_css(driver, "#description")
    choose(driver, "#requester_type", "data_subject")
    fill(
        driver,
        "#description",
        "Please send me a copy of all the social care records children's services "
        "hold about me, including referrals and visit notes.",
    )
    shot("new-request")
    submit(driver, "main form button[type=submit]")
    reference = by_css(driver, "[data-reference]").get_attribute("data-reference")
    assert re.fullmatch(r"[A-Z]+-\d{4}-\d{4}", reference)
    assert "acknowledgement e-mail" in driver.page_source
    shot("submitted")
    submit(driver, ".site-nav a[href$='/portal/']")
    assert reference in by_css(driver, "table.table").text
    shot("my-requests")
    sign_out(driver)

    # The officer triages, uploads the bundle and runs the proposals.
    sign_in(driver, server, "olive.officer@council.example")
    shot("dashboard")
    driver.get(f"{server.url}/staff/requests/{reference}")
    by_css(driver, "#triage")
    assert "Subject access request" in by_css(driver, "#triage").text
    choose(driver, "#officer_id", str(_user_id(factory, "olive.officer@council.example")))
    submit(driver, "form[action$='/assign'] button")
    assert "Assigned to Olive Officer" in notices(driver)
    shot("case-triaged")
    for pdf in samples:
        by_css(driver, "#file").send_keys(str(pdf))
        choose(driver, "#purpose", "case_record")
        submit(driver, "#upload-form button")
        assert f"{pdf.name} added" in notices(driver), notices(driver)
    shot("documents")
    submit(driver, "#start-proposals")
    by_css(driver, "#job-progress")
    shot("proposals-running")
    by_css(driver, "#job-progress[data-status='done']", timeout=300)
    shot("proposals-finished")
    driver.get(f"{server.url}/staff/")  # a real navigation (the same URL with a #fragment would not reload)
    driver.get(f"{server.url}/staff/requests/{reference}#redactions")
    totals = by_css(driver, "#redaction-totals").text
    assert not totals.startswith("0 waiting"), (totals, _job_results(factory))
    shot("proposals-done")

    # Review: accept everything, reject one proposal with a reason, withhold the legal advice.
    reject_id, legal_id, pages = _review_plan(factory, reference)
    for item_id, page in pages:
        driver.get(f"{server.url}/staff/requests/{reference}/items/{item_id}/pages/{page}")
        by_css(driver, "#page-canvas img")
        if reject_id in _redaction_ids_on(driver):
            by_css(driver, f"#r{reject_id} .rbox--proposed, #page-canvas .rbox[data-rid='{reject_id}']")
            shot("review-before")
            click(driver, f"#r{reject_id} details.reject summary")
            fill(driver, f"#reject-reason-{reject_id}", "The requester already knows this person's name")
            # The decision goes through the JSON endpoint (issue 11): no page load, the tag changes in place.
            driver.execute_script("window.__sarOldPage = true;")
            click(driver, f"#r{reject_id} button[data-action=reject]")
            assert by_css(driver, f"#r{reject_id} .tag--rejected")
            assert driver.execute_script("return window.__sarOldPage === true;")
            shot("review-rejected-one")
        if all_css(driver, "#accept-all"):
            submit(driver, "#accept-all")
            assert "accepted on this page" in notices(driver), notices(driver)
        if item_id == legal_id:
            choose(driver, "#mark-mark", "withheld")
            choose(driver, "#mark-code", "SCH2-P19-LPP")
            fill(driver, "#mark-reason", "Legal advice to the council")
            submit(driver, "#mark-form button")
            assert "Page mark saved" in notices(driver)
            shot("review-withheld-page")
    shot("review-done")

    # Serious-harm style codes are a manager's decision (rulebook §3): a second manager takes them,
    # so the manager who approves has not worked on this pack.
    waiting = _pages_with_proposals(factory)
    if waiting:
        sign_out(driver)
        sign_in(driver, server, "mo.manager@council.example")
        for item_id, page in waiting:
            driver.get(f"{server.url}/staff/requests/{reference}/items/{item_id}/pages/{page}")
            submit(driver, "#accept-all")
            assert "accepted on this page" in notices(driver), notices(driver)
        shot("manager-decided-harm-codes")
        sign_out(driver)
        sign_in(driver, server, "olive.officer@council.example")
    assert not _pages_with_proposals(factory)

    # Manual box drawn with the mouse on a blank margin of the first page.
    first_item = pages[0][0]
    driver.get(f"{server.url}/staff/requests/{reference}/items/{first_item}/pages/0")
    canvas = by_css(driver, "#page-canvas")
    _drag(driver, canvas, (15, canvas.size["height"] - 40), (75, canvas.size["height"] - 20))
    assert by_css(driver, "#manual-boxes").get_attribute("value")
    choose(driver, "#manual-code", "SCH2-P16-THIRD-PARTY")
    fill(driver, "#manual-reason", "Margin note naming a neighbour")
    shot("manual-box-drawn")
    submit(driver, "#manual-submit")
    assert "Manual redaction added" in notices(driver), notices(driver)

    # Submit for approval.
    driver.get(f"{server.url}/staff/requests/{reference}")
    fill(driver, "#submit-note", "All proposals reviewed; legal advice withheld.")
    submit(driver, "#submit-approval")
    assert "Building the response pack" in notices(driver), notices(driver)
    by_css(driver, "#approval #job-progress[data-status='done']", timeout=300)  # the pack is built in the background
    driver.get(f"{server.url}/staff/")  # a real navigation (the same URL with a #fragment would not reload)
    driver.get(f"{server.url}/staff/requests/{reference}")
    assert "Submitted for approval" in by_css(driver, "#job-text").text, by_css(driver, "#job-text").text
    shot("submitted-for-approval")
    assert not all_css(driver, "#approve")
    sign_out(driver)

    # The manager reviews the exact pack and approves it, then releases.
    sign_in(driver, server, "maya.manager@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}/pack")
    sha = by_css(driver, "#pack-sha").text
    assert re.fullmatch(r"[0-9a-f]{64}", sha)
    assert by_css(driver, "input[name=pack_sha256]").get_attribute("value") == sha
    assert all_css(driver, "#schedule tbody tr")
    shot("pack-review")
    # HIGHLY SENSITIVE material in the bundle: the manager records the serious-harm review first (issue 14).
    driver.get(f"{server.url}/staff/requests/{reference}/confidentiality")
    fill(driver, "#reasons", "Locating details are redacted; nothing else would cause serious harm.")
    submit(driver, "#harm-review-submit")
    assert "Harm review recorded" in notices(driver), notices(driver)
    driver.get(f"{server.url}/staff/requests/{reference}/pack")
    submit(driver, "#approve")
    assert "Pack approved" in notices(driver)
    submit(driver, "#release")
    assert "Released." in notices(driver)
    shot("released")
    sign_out(driver)

    # The requester downloads the pack.
    sign_in(driver, server, "rowan@example.org", "a long pass phrase")
    driver.get(f"{server.url}/portal/requests/{reference}")
    shot("requester-ready")
    click(driver, "#download-pack")
    target = downloads / f"{reference}-response-pack.zip"
    deadline = time.monotonic() + 30
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert target.exists(), list(downloads.iterdir())
    names = zipfile.ZipFile(io.BytesIO(target.read_bytes())).namelist()
    assert {f"{reference}-bundle.pdf", f"{reference}-cover-letter.pdf", f"{reference}-redaction-schedule.pdf"} <= set(
        names
    )
    shot("downloaded")


def _pages_with_proposals(factory) -> list[tuple[int, int]]:
    with factory() as session:
        rows = session.query(Redaction.bundle_item_id, Redaction.page).filter(
            Redaction.status == "proposed", Redaction.superseded_at.is_(None)).distinct()
        return sorted(set(rows))


def _job_results(factory) -> list:
    from sar.models import Job

    with factory() as session:
        return [(j.status, j.message, j.result) for j in session.query(Job)]


def _user_id(factory, email: str) -> int:
    with factory() as session:
        return session.query(User).filter_by(email=email).one().id


def _review_plan(factory, reference: str) -> tuple[int, int | None, list[tuple[int, int]]]:
    """Pick a proposal whose text occurs once (rejecting it leaves no other copy unredacted), the
    legal-advice document to withhold, and every page to visit."""
    with factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        items = documents.list_bundle(session, req, purpose="case_record")
        live = (
            session.query(Redaction)
            .filter(Redaction.bundle_item_id.in_([i.id for i in items]), Redaction.superseded_at.is_(None))
            .all()
        )
        counts = Counter(" ".join(r.text.casefold().split()) for r in live)
        legal = next((i for i in items if "legal" in i.filename), None)
        unique = [
            r
            for r in live
            if counts[" ".join(r.text.casefold().split())] == 1
            and r.text.strip()
            and (legal is None or r.bundle_item_id != legal.id)
            and r.code not in MANAGER_CODES
        ]
        assert unique, "no proposal with a unique text to reject"
        pages = [(i.id, p) for i in items for p in range(i.document.page_count)]
        return unique[0].id, legal.id if legal else None, pages


def _redaction_ids_on(driver) -> set[int]:
    return {int(e.get_attribute("data-rid")) for e in all_css(driver, "#redaction-list > li[data-rid]")}


def _drag(driver, element, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Press, move and release the mouse between two points given relative to ``element``'s top left."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    left, top = driver.execute_script(
        "arguments[0].scrollIntoView({block: 'end'}); const r = arguments[0].getBoundingClientRect();"
        "return [r.left, r.top];",
        element,
    )
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(left + start[0]), int(top + start[1]))
    actions.pointer_action.pointer_down()
    actions.pointer_action.move_to_location(int(left + (start[0] + end[0]) / 2), int(top + (start[1] + end[1]) / 2))
    actions.pointer_action.move_to_location(int(left + end[0]), int(top + end[1]))
    actions.pointer_action.pointer_up()
    actions.perform()


# --- test 2: nobody approves their own pack ---------------------------------------------------------


def test_officer_cannot_approve_own_pack(driver, server, factory, settings):
    shot = Shots(driver, "no-self-approval")
    sample = SAMPLES / "case00_email_1.pdf"
    if not sample.exists():
        pytest.skip(f"sample PDF not found at {sample}")
    officer = make_staff(factory, "officer", "olive.officer@council.example", "Olive Officer")
    with factory() as session:
        officer = session.get(User, officer.id)
        now = utcnow()
        req = req_uc.open_request(
            session,
            actor=officer,
            now=now,
            settings=settings,
            description="Please send me a copy of my social care records.",
            requester=req_uc.PersonIn(name="Jamie Example", email="jamie@example.org"),
            channel="email",
            regime="sar",
            assigned_officer=officer,
        )
        documents.add_document(
            session, req, sample.read_bytes(), sample.name, actor=officer, now=now, settings=settings
        )
        approval = approvals.submit_for_approval(session, req, actor=officer, now=now, settings=settings)
        session.commit()
        reference, sha = req.reference, approval.pack_sha256

    sign_in(driver, server, "olive.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}/pack")
    assert by_css(driver, "#pack-sha").text == sha
    assert not all_css(driver, "#approve") and not all_css(driver, "#approve-form")
    assert "Only a manager can approve" in by_css(driver, "#no-decision").text
    shot("officer-pack-view")
    status = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const body = new FormData();
        body.append('csrf_token', document.querySelector('meta[name=csrf-token]').content);
        body.append('pack_sha256', arguments[0]);
        fetch(arguments[1], {method: 'POST', body: body, credentials: 'same-origin'})
          .then(r => done(r.status)).catch(e => done(String(e)));
    """,
        sha,
        f"{server.url}/staff/requests/{reference}/approve",
    )
    assert status == 403
    driver.get(f"{server.url}/staff/requests/{reference}")
    assert "awaiting approval" in by_css(driver, "#case-reference").text.lower()
    shot("still-awaiting-approval")
    with factory() as session:
        assert session.query(Request).filter_by(reference=reference).one().status == "awaiting_approval"
        assert session.query(BundleItem).count() == 1
