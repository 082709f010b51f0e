"""Issue 16 walked in chromium as a new officer would: a Polish-speaking mother who needs an interpreter asks
for her 13-year-old's file; the officer records her language, interpreter and large print, books the
interpreter, records the child's competence and views (the child refuses part), sends the acknowledgement
(a real large-print PDF), previews the easy-read wording (plain English by the configured thresholds), and
the manager sees the child's views on the approval page before approving."""
# ruff: noqa: F811  (the fixtures imported from test_browser are parameters of the test, by name)

from __future__ import annotations

import base64
from datetime import timedelta

from redaction import pdf_compose
from sar.bundle import documents
from sar.core.db import utcnow
from sar.intake import parties
from sar.intake import requests as req_uc
from sar.models import BundleItem, CaseTask, Request, ResponsePack, User
from sar.release import packs
from sar.workflow.transitions import transition
from tests.sar._docs import pdf_bytes
from tests.sar.test_plain_english import _limits, failures, measure
from tests.sar.test_voice import _line_pitch, _spans
from tests.web.test_browser import (  # noqa: F401  (driver, factory, server, settings, downloads are fixtures)
    Shots,
    by_css,
    choose,
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

pytestmark = pytestmark  # the same chromium skip and marker

NOT_TO_SHARE = "the pages about my friend from school"


def _parent_request(factory, settings, officer_id: int) -> tuple[str, int]:
    """A mother's SAR for her 13-year-old, in progress, one record on file and her authority verified."""
    now = utcnow()
    today = now.date()
    dob = today.replace(year=today.year - 13, day=1) - timedelta(days=40)  # 13 and a month or so, never 14
    with factory.begin() as session:
        officer = session.get(User, officer_id)
        req = req_uc.open_request(
            session, actor=officer, now=now, settings=settings, channel="letter", regime="sar",
            description="I am the mother of Riley Example and I want a copy of his social care records.",
            requester=req_uc.PersonIn(name="Jordan Example", email="jordan@example.org", type="parent"),
            subject=req_uc.PersonIn(name="Riley Example"), assigned_officer=officer)
        transition(session, req, "in_progress", actor=officer, reason="started", now=now)
        documents.add_document(session, req, pdf_bytes("Visit record.\nRiley Example was seen at home.\n"),
                               "visit.pdf", actor=officer, now=now, settings=settings)
        documents.add_document(session, req, pdf_bytes("School note.\nNotes about a friend from school.\n"),
                               "school-note.pdf", actor=officer, now=now, settings=settings)
        parties.update_party(session, req.party("data_subject"), dob=dob, actor=officer, now=now)
        rep = req.party("representative")
        parties.attach_evidence(session, req, pdf_bytes("Parental responsibility"), "pr.pdf", "authority",
                                actor=officer, now=now, settings=settings, party=rep)
        parties.record_evidence(session, rep, "authority", "verified", note="birth certificate seen",
                                actor=officer, now=now)
        return req.reference, req.party("requester").id


def _set_date(driver, css: str, value: str) -> None:
    """A date input's value set directly (typing into it depends on chromium's locale)."""
    driver.execute_script("arguments[0].value = arguments[1];", by_css(driver, css), value)


def _fetch_pdf(driver, href: str) -> bytes:
    """The PDF behind a link, fetched by the page itself (the signed-in officer's session)."""
    data = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
        "  let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });",
        href)
    return base64.b64decode(data)


def _change_needs(driver, party_id: int, *, language: str, interpreter: bool, fmt: str, channel: str) -> None:
    row = f"#communication-{party_id}"
    click(driver, f"{row} details summary")
    fill(driver, f"#lang-{party_id}", language)
    box = by_css(driver, f"{row} input[name=interpreter_needed]")
    if box.is_selected() != interpreter:
        click(driver, f"{row} input[name=interpreter_needed]")
    choose(driver, f"#fmt-{party_id}", fmt)
    choose(driver, f"#chan-{party_id}", channel)
    submit(driver, f"{row} details form button[type=submit]")


def _preview(driver, server, reference: str) -> str:
    driver.get(f"{server.url}/staff/requests/{reference}/outcome#letters")
    choose(driver, "#letter-kind", "acknowledgement")
    submit(driver, "#preview-letter")
    return by_css(driver, "#letter-text").get_attribute("value")


def test_parent_asks_for_a_childs_file_in_her_language_and_format(driver, server, factory, settings):
    shot = Shots(driver, "voice")
    officer = make_staff(factory, "officer", "olive.officer@council.example", "Olive Officer")
    make_staff(factory, "manager", "maya.manager@council.example", "Maya Manager")
    reference, mother = _parent_request(factory, settings, officer.id)

    # The officer opens the case: communication needs and the child's panel are at the top.
    sign_in(driver, server, "olive.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}")
    assert "date of birth gives age 13" in by_css(driver, "#child-evidence").text
    shot("case-opened")

    # The mother speaks Polish, needs an interpreter and asked for large print by post.
    _change_needs(driver, mother, language="pl", interpreter=True, fmt="large_print", channel="post")
    assert "Communication needs for Jordan Example saved" in notices(driver), notices(driver)
    assert "Needs a pl interpreter" in by_css(driver, f"[data-interpreter='{mother}']").get_attribute("textContent")
    assert by_css(driver, f"[data-format='{mother}']").text == "Large print"

    # "We will arrange an interpreter": a booking task with a due date.
    booking = (utcnow().date() + timedelta(days=7)).isoformat()
    _set_date(driver, f"#interp-due-{mother}", booking)
    submit(driver, f"form[action$='/parties/{mother}/interpreter'] button")
    assert "Task added: Book a pl interpreter for Jordan Example" in notices(driver), notices(driver)
    tasks = by_css(driver, "#voice-tasks").text
    assert "Book a pl interpreter for Jordan Example: due" in tasks, tasks
    with factory() as session:
        task = session.query(CaseTask).one()
        assert task.kind == "interpreter_booking" and task.due_on.isoformat() == booking and task.done_at is None
    shot("interpreter-booked")

    # The child (13: presumed competent) was seen: they agree to most of it but not the pages about a friend.
    choose(driver, "#competent", "yes")
    choose(driver, "#views", "partial")
    fill(driver, "#views_text", "Mum can see my file but not the bits about my friend.")
    fill(driver, "#not_to_share", NOT_TO_SHARE)
    submit(driver, "#child-views form button[type=submit]")
    assert "The child's competence and views are recorded" in notices(driver), notices(driver)
    assert by_css(driver, "#child-views [data-views='partial']")
    assert NOT_TO_SHARE in by_css(driver, "#child-views").text
    shot("child-views")

    # The acknowledgement goes by post, as a real large-print PDF.
    _preview(driver, server, reference)
    choose(driver, "#letter-dispatch", "post")
    _set_date(driver, "#letter-posted", utcnow().date().isoformat())
    submit(driver, "#send-letter")
    assert "Letter sent and logged" in notices(driver), notices(driver)
    shot("letter-sent")
    data = _fetch_pdf(driver, by_css(driver, "#letters-sent a[href$='.pdf']").get_attribute("href"))
    spans = _spans(data)
    assert min(size for size, _ in spans) >= 18.0
    assert max(len(text) for _, text in spans) <= pdf_compose.LARGE_PRINT.max_chars
    assert _line_pitch(data) >= 18.0 * 1.45

    # The interpreter says short plain sentences help: the easy-read wording passes the plain-English check.
    driver.get(f"{server.url}/staff/requests/{reference}")
    _change_needs(driver, mother, language="pl", interpreter=True, fmt="easy_read", channel="post")
    assert by_css(driver, f"[data-format='{mother}']").text == "Easy read"
    easy = _preview(driver, server, reference)
    assert failures(measure(easy), _limits(settings, "easy_read")) == [], measure(easy)
    shot("easy-read-preview")
    driver.get(f"{server.url}/staff/requests/{reference}")
    _change_needs(driver, mother, language="pl", interpreter=True, fmt="large_print", channel="post")
    standard_check = failures(measure(_preview(driver, server, reference)), _limits(settings, "easy_read"))
    assert standard_check, "the large-print wording is the standard letter, not the easy-read one"

    # The officer withholds the page the child does not want shared (rulebook T-4, Sch 3 para 10); without it
    # the pack withholds nothing and submission is refused.
    with factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        note = session.query(BundleItem).filter_by(request_id=req.id, filename="school-note.pdf").one()
    driver.get(f"{server.url}/staff/requests/{reference}/items/{note.id}/pages/0")
    choose(driver, "#mark-mark", "withheld")
    choose(driver, "#mark-code", "SCH3-P10-EXPECTATIONS")
    fill(driver, "#mark-reason", "the child does not want this page shared")
    submit(driver, "#mark-form button[type=submit]")
    assert "Page mark saved" in notices(driver), notices(driver)

    # Submit for approval.
    driver.get(f"{server.url}/staff/requests/{reference}")
    fill(driver, "#submit-note", "Child's views recorded; the pages about the friend are left out.")
    submit(driver, "#submit-approval")
    assert "Building the response pack" in notices(driver), notices(driver)
    by_css(driver, "#approval #job-progress[data-status='done']", timeout=300)
    driver.get(f"{server.url}/staff/")  # a real navigation (the same URL with a #fragment would not reload)
    driver.get(f"{server.url}/staff/requests/{reference}")
    assert "Submitted for approval" in by_css(driver, "#job-text").text, by_css(driver, "#job-text").text
    sign_out(driver)

    # The manager sees the child's views above the approve button, then approves.
    sign_in(driver, server, "maya.manager@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}/pack")
    panel = by_css(driver, "#child-views-approval")
    assert by_css(driver, "#child-views-approval [data-views='partial']")
    assert NOT_TO_SHARE in by_css(driver, "#child-not-to-share").text
    assert "Mum can see my file" in panel.text
    assert driver.execute_script(
        "return !!(arguments[0].compareDocumentPosition(document.querySelector('#approve'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING);", panel)
    shot("manager-sees-views")
    submit(driver, "#approve")
    assert "Pack approved" in notices(driver), notices(driver)
    shot("approved")

    # The pack's cover letter honours large print too.
    with factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        pack = session.query(ResponsePack).filter_by(request_id=req.id).order_by(ResponsePack.id.desc()).first()
        files = packs.pack_files(packs.pack_bytes(settings, pack))
    cover = files[f"{reference}-cover-letter.pdf"]
    assert min(size for size, _ in _spans(cover)) >= 18.0
