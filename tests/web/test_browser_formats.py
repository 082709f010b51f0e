"""Issue 17 walked in chromium as a new officer would: upload a zip of mixed records, watch them convert,
confirm a proposed duplicate, record the search, and have the manager approve and release a pack whose
bundle holds the converted documents."""

from __future__ import annotations

import pytest

from redaction import pdf
from redaction.pdf_compose import text_pdf
from sar.core.db import utcnow
from sar.intake import requests as req_uc
from sar.models import BundleItem, Request, ResponsePack, User
from sar.release import packs
from tests import formats_factory as ff
from tests.redaction.test_duplicates import LETTER
from tests.web.test_browser import (  # noqa: F401 - fixtures are used by name
    Shots,
    all_css,
    by_css,
    choose,
    click,
    downloads,
    driver,
    factory,
    fill,
    make_staff,
    notices,
    server,
    settings,
    sign_in,
    sign_out,
    submit,
)

pytestmark = [pytest.mark.browser]


def test_mixed_formats_to_release(driver, server, factory, settings, tmp_path):  # noqa: F811 - imported fixtures
    shot = Shots(driver, "formats")
    officer = make_staff(factory, "officer", "olive.officer@council.example", "Olive Officer")
    make_staff(factory, "manager", "maya.manager@council.example", "Maya Manager")
    with factory() as session:
        officer = session.get(User, officer.id)
        req = req_uc.open_request(session, actor=officer, now=utcnow(), settings=settings,
                                  description="Please send me a copy of my social care records.",
                                  requester=req_uc.PersonIn(name="Jamie Example", email="jamie@example.org"),
                                  channel="email", regime="sar", assigned_officer=officer)
        session.commit()
        reference = req.reference
    bundle = tmp_path / "records.zip"
    bundle.write_bytes(ff.zip_of([
        ("notes/visit.docx", ff.docx_with_revisions(kept="Visit went well.", inserted="Father attended.",
                                                   deleted="Mother absent.", commented="Plan agreed.",
                                                   comment="Ask the school nurse")),
        ("mail/referral.eml", ff.eml(sender="duty@council.example", to="team@council.example", cc="",
                                     subject="Referral", body="Referral attached.",
                                     attachments=[("scan.png", "image/png", ff.text_image(["Referral form"]))])),
        ("scans/letter.pdf", text_pdf([LETTER])),
        ("scans/letter-again.pdf", text_pdf([LETTER.upper()])),
        ("contacts.csv", b"Date,Contact\n2025-01-05,Home visit\n"),
    ]))

    sign_in(driver, server, "olive.officer@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}")
    by_css(driver, "#file").send_keys(str(bundle))
    submit(driver, "#upload-form button")
    assert "Converting 5 files to PDF" in notices(driver), notices(driver)
    by_css(driver, "#job-progress")
    shot("converting")
    by_css(driver, "#job-progress[data-status='done']", timeout=300)
    driver.get(f"{server.url}/staff/")  # a real navigation: the same URL with a #fragment would not reload
    driver.get(f"{server.url}/staff/requests/{reference}#documents")
    page = by_css(driver, "#documents").text
    for name in ("visit.docx", "referral.eml", "scan.png", "letter.pdf", "letter-again.pdf", "contacts.csv"):
        assert name in page, page
    assert "attached to referral.eml" in page and "converted to PDF, original kept" in page
    shot("converted")

    submit(driver, "#find-duplicates")
    by_css(driver, "#job-progress[data-status='done']", timeout=300)
    driver.get(f"{server.url}/staff/")
    driver.get(f"{server.url}/staff/requests/{reference}#search-log")
    proposals = by_css(driver, "#duplicate-list").text
    assert "letter-again.pdf page 1 looks like a duplicate of letter.pdf page 1" in proposals
    shot("duplicate-proposed")
    submit(driver, "#duplicate-list button[value=confirmed]")
    assert "Duplicate decision saved" in notices(driver)

    driver.execute_script("document.querySelector('#search-form').closest('details').open = true;")
    choose(driver, "#search-place", "case_management")
    fill(driver, "#search-place-detail", "children's case system")
    fill(driver, "#search-terms", "full name; date of birth")
    choose(driver, "#search-result", "found")
    fill(driver, "#search-count", "6")
    submit(driver, "#search-form button")
    assert "Search recorded" in notices(driver)
    assert "children's case system" in by_css(driver, "#search-log-table").text
    shot("search-recorded")

    fill(driver, "#submit-note", "Converted records reviewed.")
    submit(driver, "#submit-approval")
    assert "Building the response pack" in notices(driver), notices(driver)
    by_css(driver, "#approval #job-progress[data-status='done']", timeout=300)  # the pack is built in the background
    driver.get(f"{server.url}/staff/")  # a real navigation (the same URL with a #fragment would not reload)
    driver.get(f"{server.url}/staff/requests/{reference}")
    assert "Submitted for approval" in by_css(driver, "#job-text").text, by_css(driver, "#job-text").text
    sign_out(driver)

    sign_in(driver, server, "maya.manager@council.example")
    driver.get(f"{server.url}/staff/requests/{reference}/pack")
    assert "children's case system" in by_css(driver, "#pack-search-log").text
    shot("manager-sees-search")
    submit(driver, "#approve")
    assert "Pack approved" in notices(driver)
    submit(driver, "#release")
    assert "Released." in notices(driver)
    shot("released")
    with factory() as session:
        req = session.query(Request).filter_by(reference=reference).one()
        pack = session.query(ResponsePack).filter_by(request_id=req.id).order_by(ResponsePack.id.desc()).first()
        files = packs.pack_files(packs.pack_bytes(settings, pack))
        assert session.query(BundleItem).filter_by(request_id=req.id).count() == 6
    released = " ".join(p.text for p in pdf.extract(files[f"{reference}-bundle.pdf"], "b.pdf", ocr=False).pages)
    released = " ".join(released.split())
    assert "Father attended." in released and "Ask the school nurse" in released  # tracked change, comment
    assert "Referral attached." in released and "Home visit" in released
    assert "We searched the case management system." in " ".join(
        " ".join(p.text for p in pdf.extract(files[f"{reference}-cover-letter.pdf"], "l.pdf", ocr=False).pages)
        .split())
