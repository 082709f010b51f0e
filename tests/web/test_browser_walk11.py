"""Issue 11's acceptance walk in chromium, as a new officer would do it (issue 11, "How it is checked").

A bundle of 540 real PDF pages in six documents (mostly light, distinct contact-log pages), proposals from
the REAL redaction engine, then through the UI only: confirm the cast, merge two people who are the same
person, add an alias and a known third party from the case record, and watch the proposals follow
(recomputed from the confirmed cast, a decision taken by hand kept); clear the unresolved-mention queue
from the keyboard; search the bundle for a string and redact it everywhere; axe-core on every page visited.
Every name below is invented for this test.
"""

from __future__ import annotations

import time

import pytest

from sar.bundle import documents, jobs
from sar.core.db import utcnow
from sar.intake import requests as req_uc
from sar.models import User
from tests.sar._docs import pdf_bytes
from tests.web.test_browser import (  # noqa: F401 - fixtures are used by name
    Shots,
    all_css,
    by_css,
    choose,
    downloads,
    driver,
    factory,
    fill,
    make_staff,
    notices,
    server,
    settings,
    sign_in,
    submit,
)
from tests.web.test_browser_axe import axe_violations

pytestmark = [pytest.mark.browser]

SUBJECT = "Rosalind Tarrant"
PARTNER = "Gideon Pelham"          # mother's partner: a third party the engine places
PARTNER_SHORT = "Gid Pelham"       # the same man, written another way: the officer merges them
NICKNAME = "Bear"                  # what the child calls him: the officer adds it as an alias
CALLER = "Ottilie Brannagh"        # named with no role anywhere: unresolved
NEIGHBOUR = "Hester Quill"         # a neighbour known from the case record: added as a third party
WORKER = "Priya Castellane"
CODE_WORD = "Larkspur"             # the engine cannot place it: in the unresolved queue
PLACE = "blue caravan"             # searched for and redacted everywhere
DOCS = 6
PAGES_PER_DOC = 90                 # 540 pages in all


def _light(doc: int, page: int) -> str:
    """A short, distinct page: a contact-log entry with no names in it."""
    return (f"Contact log {doc + 1}, entry {page + 1}.\n"
            f"Weekly check-in number {doc * PAGES_PER_DOC + page + 1} completed by telephone.\n"
            f"No new concerns were recorded; next check-in in {page % 6 + 2} days.\n")


def key_pages(doc: int) -> dict[int, str]:
    """The pages that carry the people of the walk, by document and page index."""
    return {
        0: {0: ("Home visit record\n"
                f"Child: {SUBJECT}, born 02/09/2008.\n"
                f"Social worker: {WORKER}.\n"
                f"During the visit mother's partner {PARTNER} was present.\n"
                f"{PARTNER} raised his voice at {SUBJECT.split()[0]}.\n"),
            1: (f"{SUBJECT.split()[0]} said {NICKNAME} had been shouting again.\n"
                f"The code word {CODE_WORD} was agreed for the safety plan.\n"),
            2: (f"{CALLER} telephoned the office about {SUBJECT.split()[0]}.\n"
                f"{NEIGHBOUR} complained about the noise.\n"
                f"{SUBJECT.split()[0]} sleeps in the {PLACE} at weekends.\n")},
        1: {0: ("School liaison note\n"
                f"The class teacher reported that {PARTNER_SHORT} collected {SUBJECT.split()[0]} late.\n"
                f"{SUBJECT.split()[0]} used the code word {CODE_WORD} at school.\n"
                f"She told her teacher about the {PLACE}.\n")},
        2: {4: f"{CALLER} called again and asked for a visit.\nThe code word {CODE_WORD} still applies.\n"
               f"The {PLACE} was seen at the roadside.\n"},
    }.get(doc, {})


def bundle() -> list[tuple[str, bytes]]:
    """Six real text PDFs of :data:`PAGES_PER_DOC` pages each."""
    names = ["visit-notes.pdf", "school-liaison.pdf", "contact-log-a.pdf", "contact-log-b.pdf",
             "contact-log-c.pdf", "contact-log-d.pdf"]
    out = []
    for d, name in enumerate(names):
        special = key_pages(d)
        out.append((name, pdf_bytes(*(special.get(p, _light(d, p)) for p in range(PAGES_PER_DOC)))))
    return out


def _setup(make, config) -> tuple[str, int]:
    officer = make_staff(make, "officer", "nell.officer@council.example", "Nell Officer")
    with make() as session:
        officer = session.get(User, officer.id)
        req = req_uc.open_request(session, actor=officer, now=utcnow(), settings=config,
                                  description="Please send me a copy of my social care records.",
                                  requester=req_uc.PersonIn(name=SUBJECT, email="rosalind@example.org"),
                                  channel="email", regime="sar", assigned_officer=officer)
        for name, data in bundle():
            documents.add_document(session, req, data, name, actor=officer, now=utcnow(), settings=config)
        job = jobs.start_proposal_job(session, req, actor=officer, now=utcnow())
        session.commit()
        return req.reference, job.id


def _wait(browser, condition, timeout: float = 20, message: str = ""):
    """Wait for ``condition``; an element read while the page navigates away is stale, so it is polled again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        condition, message)


def _keys(browser, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(keys).perform()


def _live(browser) -> str:
    return browser.find_element("id", "review-live").text


class Axe:
    """axe-core on every page the walk visits (once per path), every violation failing the test."""

    def __init__(self, browser) -> None:
        self.browser, self.seen = browser, []

    def __call__(self, what: str) -> None:
        path = self.browser.current_url.split("#")[0]
        found = axe_violations(self.browser)
        assert not found, f"{what} ({path}): " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in found)
        self.seen.append(path)


def _correct(browser, kind: str, **fields: str) -> None:
    """One correction through the "Correct the cast" form on the request page."""
    if not by_css(browser, "#cast details.panel").get_attribute("open"):
        by_css(browser, "#cast details.panel summary").click()
    choose(browser, "#cast-correct-form #kind", kind)
    for name in ("name", "other", "alias", "relationship"):
        fill(browser, f"#cast-correct-form #{name}", fields.get(name, ""))
    choose(browser, "#cast-correct-form #role", fields.get("role", ""))
    submit(browser, "#cast-correct")
    assert "Cast corrected" in notices(browser), notices(browser)


def _row(browser, person: str) -> str:
    return by_css(browser, f"#cast-table tr[data-person='{person}']").text


def _review_texts(browser) -> dict[str, list[str]]:
    """The proposals listed on the review page: text -> statuses."""
    out: dict[str, list[str]] = {}
    for li in all_css(browser, "#redaction-list > li[data-rid]"):
        out.setdefault(li.find_element("css selector", ".rtext").text, []).append(
            li.find_element("css selector", ".tag").text.lower())
    return out


def _page_url(live, reference: str, item_id: int, page: int) -> str:
    return f"{live.url}/staff/requests/{reference}/items/{item_id}/pages/{page}"


def test_issue11_walk_on_540_pages(driver, server, factory, settings):  # noqa: F811 - fixtures
    from selenium.webdriver.common.keys import Keys

    started = time.monotonic()
    shot, axe = Shots(driver, "walk11"), Axe(driver)
    reference, job_id = _setup(factory, settings)
    with factory() as session:
        from sar.models import BundleItem, Request

        req = session.query(Request).filter_by(reference=reference).one()
        items = {i.filename: i.id for i in session.query(BundleItem).filter(BundleItem.request_id == req.id)}
        assert sum(i.document.page_count for i in session.query(BundleItem)) == DOCS * PAGES_PER_DOC
    t0, c0 = time.monotonic(), time.process_time()
    assert jobs.run_job(factory, job_id, settings=settings, now_fn=utcnow) == "done"  # the REAL engine
    print(f"\nreal engine, {DOCS * PAGES_PER_DOC} pages: {time.monotonic() - t0:.1f} s wall, "
          f"{time.process_time() - c0:.1f} s CPU in this process")

    # The officer opens the request and reads the cast the engine resolved.
    sign_in(driver, server, "nell.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}#cast")
    assert "third party" in _row(driver, PARTNER).lower()
    assert "unresolved" in _row(driver, PARTNER_SHORT).lower()
    assert "unresolved" in _row(driver, CALLER).lower() and "unresolved" in _row(driver, NEIGHBOUR).lower()
    assert "not yet confirmed" in by_css(driver, "#cast-status").text.lower()
    shot("cast-from-engine")
    axe("request page")

    # A decision taken by hand before the cast is confirmed: accept the partner's name on the first page.
    visit, school = items["visit-notes.pdf"], items["school-liaison.pdf"]
    driver.get(_page_url(server, reference, visit, 0))
    by_css(driver, "#review-keys:not([hidden])")
    assert _review_texts(driver)[PARTNER] == ["proposed", "proposed"]
    axe("review page")
    driver.execute_script("window.__sarNoReload = true;")
    while (left := _review_texts(driver).get(PARTNER, []).count("proposed")):
        if PARTNER not in driver.execute_script("const s = document.querySelector('li.is-selected .rtext');"
                                                "return s ? s.textContent : '';"):
            _keys(driver, "j")
            continue
        _keys(driver, "a")  # a live region says so, then the next undecided proposal is selected
        _wait(driver, lambda d, left=left: _review_texts(d).get(PARTNER, []).count("proposed") < left)
    assert driver.execute_script("return window.__sarNoReload === true;")
    assert _review_texts(driver)[PARTNER] == ["accepted", "accepted"]
    driver.get(_page_url(server, reference, visit, 1))
    assert NICKNAME not in _review_texts(driver)  # the engine cannot know the child's name for him
    shot("hand-decision")

    # Correct the cast: two names of one man merged, his nickname as an alias, the neighbour known
    # from the case record added as a third party; then confirm, which recomputes the proposals.
    driver.get(f"{server.url}/staff/requests/{reference}#cast")
    _correct(driver, "merge", name=PARTNER, other=PARTNER_SHORT)
    _correct(driver, "merge", name=PARTNER, other=PARTNER.split()[-1])  # the engine kept "Pelham" apart too
    _correct(driver, "alias", name=PARTNER, alias=NICKNAME)
    _correct(driver, "add", name=NEIGHBOUR, role="third_party", relationship="neighbour (case record)")
    assert PARTNER_SHORT in _row(driver, PARTNER) and NICKNAME in _row(driver, PARTNER)
    assert "corrected, not yet confirmed" in by_css(driver, "#cast-status").text.lower()
    shot("cast-corrected")
    axe("request page, cast corrected")
    t1 = time.monotonic()
    submit(driver, "#cast-confirm")
    assert "Cast confirmed" in notices(driver), notices(driver)
    by_css(driver, "#job-progress[data-status='done']", timeout=240)
    print(f"recompute from the confirmed cast (background thread of the web server): {time.monotonic() - t1:.1f} s")
    driver.get(f"{server.url}/staff/")
    driver.get(f"{server.url}/staff/requests/{reference}#cast")
    status = by_css(driver, "#cast-status").text
    assert status.lower().startswith("confirmed") and "T0" not in status and "+00:00" not in status, status
    assert not all_css(driver, f"#cast-table tr[data-person='{PARTNER.split()[-1]}']")
    assert "third party" in _row(driver, NEIGHBOUR).lower()
    assert not all_css(driver, f"#cast-table tr[data-person='{PARTNER_SHORT}']")
    shot("cast-confirmed")
    axe("request page, cast confirmed")

    # Proposals followed: the nickname is proposed now, the hand decisions are kept.
    driver.get(_page_url(server, reference, visit, 1))
    assert _review_texts(driver).get(NICKNAME) == ["proposed"], _review_texts(driver)
    driver.get(_page_url(server, reference, visit, 0))
    assert _review_texts(driver)[PARTNER] == ["accepted", "accepted"]
    driver.get(_page_url(server, reference, school, 0))
    assert "proposed" in _review_texts(driver).get(PARTNER_SHORT, []), _review_texts(driver)
    shot("proposals-followed")

    # The unresolved-mention queue, cleared from the keyboard.
    driver.get(f"{server.url}/staff/requests/{reference}#cast")
    submit(driver, "#unresolved-link")
    links = all_css(driver, "[data-queue-link]")
    queued = " ".join(a.text for a in links)
    assert CALLER in queued and PARTNER_SHORT not in queued and NEIGHBOUR not in queued
    shot("queue")
    axe("unresolved queue")
    _keys(driver, "j")
    driver.execute_script("window.__sarOldPage = true;")
    _keys(driver, Keys.ENTER)
    _wait(driver, lambda d: d.execute_script("return window.__sarOldPage === undefined && "
                                             "document.readyState === 'complete';"))
    for _ in range(3 * len(links)):
        by_css(driver, "#review-keys:not([hidden])")
        if driver.current_url.split("#")[0] not in axe.seen:
            axe("review page from the queue")
        tag = driver.execute_script("const t = document.querySelector('li.is-selected .tag');"
                                    "return t ? t.textContent : null;")
        if tag == "proposed":
            driver.execute_script("document.getElementById('review-live').textContent = '';")
            rid = driver.execute_script("return document.querySelector('li.is-selected').dataset.rid;")
            _keys(driver, "a")
            _wait(driver, lambda d, rid=rid: by_css(d, f"#r{rid} .tag").text.lower() == "accepted")
        driver.execute_script("document.getElementById('review-live').textContent = '';"
                              "window.__sarOldPage = true;")
        _keys(driver, "u")
        _wait(driver, lambda d: d.execute_script("return window.__sarOldPage === undefined "
                                                 "&& document.readyState === 'complete';") or _live(d),
              message=f"u from {driver.current_url} did nothing")
        if driver.execute_script("return window.__sarOldPage === true;") and "No unresolved" in _live(driver):
            break
    else:
        pytest.fail("the unresolved queue did not empty from the keyboard")
    shot("queue-cleared")
    driver.get(f"{server.url}/staff/requests/{reference}/unresolved")
    tags = [t.text.lower() for t in all_css(driver, "#unresolved-list .tag")]
    assert tags and set(tags) == {"accepted"}, tags
    axe("unresolved queue, cleared")

    # Search the bundle for a string and redact it everywhere, from the keyboard.
    driver.get(_page_url(server, reference, visit, 2))
    by_css(driver, "#review-keys:not([hidden])")
    driver.execute_script("window.__sarNoReload = true;")
    _keys(driver, "/")
    driver.switch_to.active_element.send_keys(PLACE, Keys.ENTER)
    _wait(driver, lambda d: "3 occurrences" in d.find_element("id", "bundle-search-results").text)
    choose(driver, "#bundle-search-code", "SCH2-P16-THIRD-PARTY")
    axe("review page, search results")
    by_css(driver, "#redact-everywhere").click()
    _wait(driver, lambda d: "accepted across the bundle" in _live(d))
    assert driver.execute_script("return window.__sarNoReload === true;")
    assert _live(driver).startswith("3 redactions"), _live(driver)
    shot("redacted-everywhere")
    driver.get(_page_url(server, reference, items["contact-log-a.pdf"], 4))
    assert _review_texts(driver).get(PLACE) == ["accepted"], _review_texts(driver)
    axe("review page, after redacting everywhere")
    shot("redacted-on-another-document")
    print(f"walk: {time.monotonic() - started:.1f} s; axe-clean pages: {len(axe.seen)}")
