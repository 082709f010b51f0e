"""JSON API: one request from arrival to release, on the shared sample PDFs and on PDFs made here.

The PDFs made here are laid out differently from the sample (a typed letter in a serif font, a
landscape contact table, a rotated page), standing in for documents the engine has never seen.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pymupdf  # tests may build PDFs directly; the app never imports PyMuPDF outside redaction/
import pytest
from sqlalchemy import select

from redaction import pdf
from redaction.pdf_compose import text_pdf
from sar.intake import parties
from sar.models import Request, User
from tests.web.test_api_helpers import Api, make_api, unzip
from web.db import session_factory

pytestmark = pytest.mark.slow
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def api(fresh_db_url, settings, tmp_path):
    api = make_api(fresh_db_url, settings, tmp_path)
    yield api
    api.join_threads()  # no proposal thread may outlive its database
    api.app.extensions["sar_engine"].dispose()


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def typed_letter(carer: str = "Priya Raman", neighbour: str = "Declan Moorcroft",
                 phone: str = "07700 900457") -> bytes:
    """A one-page letter in Times with an address block, contact details and identifiers."""
    title, surname = "Ms", carer.split()[-1]
    email = neighbour.lower().replace(" ", ".") + "@example.net"
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((360, 60), "Northgate Family Centre", fontname="tiro", fontsize=12)
    page.insert_text((360, 76), "14 Mill Lane, Harbury HB4 7QT", fontname="tiro", fontsize=10)
    page.insert_text((72, 130), f"{title} {carer}", fontname="tiro", fontsize=11)
    page.insert_text((72, 144), "27 Orchard Rise, Harbury HB2 9LS", fontname="tiro", fontsize=11)
    page.insert_text((72, 190), "Re: Brandon Wells (date of birth 11/03/2005)", fontname="tibo", fontsize=11)
    body = (f"Dear {title} {surname},\n\nThank you for speaking with our family support worker on 4 February. "
            f"As agreed, Brandon will attend the centre on Tuesdays. Your neighbour, Mr {neighbour}, "
            f"told us he is willing to collect Brandon if you are unwell; he can be reached on {phone} "
            f"or at {email}. His National Insurance number was given as QQ 12 34 56 C "
            "for the volunteer check.\n\nYours sincerely,\n\nFamily Support Team")
    page.insert_textbox(pymupdf.Rect(72, 210, 523, 500), body, fontname="tiro", fontsize=11)
    return doc.tobytes(garbage=3, deflate=True)


def contact_table() -> bytes:
    """A landscape table of contacts with ruled cells, then a rotated continuation page."""
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    page.insert_text((40, 50), "Network meeting: contact list", fontname="hebo", fontsize=14)
    rows = [("Name", "Relationship", "Telephone", "Address"),
            ("Keisha Oduya", "Maternal aunt", "0161 496 0732", "8 Larch Close, Harbury HB3 1RN"),
            ("Tomasz Wisniewski", "Family friend", "07700 900981", "Flat 2, 40 Quay Street, HB1 5AA"),
            ("Brandon Wells", "Young person", "", "")]
    widths = (180, 150, 150, 300)
    y = 80
    for row in rows:
        x = 40
        for text, width in zip(row, widths, strict=True):
            page.draw_rect(pymupdf.Rect(x, y, x + width, y + 24), color=(0, 0, 0), width=0.5)
            page.insert_text((x + 4, y + 16), text, fontname="helv", fontsize=10)
            x += width
        y += 24
    rotated = doc.new_page(width=595, height=842)
    rotated.insert_text((72, 100), "Actions: Keisha Oduya to host the next meeting at 8 Larch Close.",
                        fontname="cour", fontsize=10)
    rotated.set_rotation(90)
    return doc.tobytes(garbage=3, deflate=True)


def _text(data: bytes) -> str:
    """The PDF's extracted text, whitespace-normalised, letter case kept."""
    return " ".join(" ".join(page.text for page in pdf.extract(data, "document.pdf", ocr=False).pages).split())


def _word(value: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) is not None


def _ordinary_words(accepted: list[str], originals: str) -> set[str]:
    """Accepted one-word texts that the documents also use as ordinary lower-case words.

    A proposal such as "Support" (from "Family Support Team") cannot make "family support worker"
    disappear elsewhere, and must not: for these only the capitalised form is checked for leaks.
    Names never appear in lower case, so every name is still checked by ``pdf.verify`` in full.
    """
    return {t for t in accepted if len(t.split()) == 1 and t != t.lower() and _word(t.lower(), originals)}


def _check_pack(api: Api, reference: str, who: str, accepted: list[str], kept: list[str], originals: str,
                expected_sha: str | None = None) -> None:
    response = api.get(f"/api/requests/{reference}/pack", who)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = response.get_data()
    if expected_sha:
        assert hashlib.sha256(data).hexdigest() == expected_sha
    files = unzip(data)
    bundle = files[f"{reference}-bundle.pdf"]
    ordinary = _ordinary_words(accepted, originals)
    problems = pdf.verify(bundle, [t for t in accepted if t not in ordinary], name="bundle.pdf")
    assert problems == [], problems
    text = _text(bundle)
    assert [t for t in ordinary if _word(t, text)] == []
    for value in kept:
        assert _fold(value) in _fold(text), f"rejected redaction {value!r} should still be visible"


def _redactions(api: Api, reference: str, status: str | None = None) -> list[dict]:
    query = f"?status={status}" if status else ""
    response = api.get(f"/api/requests/{reference}/redactions{query}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["items"]


def _propose(api: Api, reference: str) -> dict:
    response = api.post(f"/api/requests/{reference}/redactions/propose")
    assert response.status_code == 202, response.get_json()
    job = response.get_json()["job"]
    assert response.headers["Location"].endswith(job["url"])
    assert job["status"] in ("queued", "running", "done")
    done = api.wait_for_job(job["url"])
    assert done["status"] == "done", done
    assert done["progress"]["total"] > 0 and done["progress"]["done"] == done["progress"]["total"]
    return done


def _decide_all(api: Api, rows: list[dict]) -> None:
    for row in rows:
        response = api.patch(f"/api/redactions/{row['id']}", json={"status": "accepted"})
        assert response.status_code == 200, response.get_json()


def _rejectable(rows: list[dict]) -> dict:
    """A proposal whose text no other proposal's text occurs in, so keeping it cannot hide a leak."""
    folded = [_fold(r["text"]) for r in rows]
    for row, text in zip(rows, folded, strict=True):
        others = [t for t in folded if t != text]
        if len(text) >= 5 and folded.count(text) == 1 and not any(o in text for o in others):
            return row
    raise AssertionError("no proposal can be rejected safely in this bundle")


def _verify_authority(api: Api, reference: str) -> None:
    """The officer files the representative's evidence and verifies it (no API for evidence: the use cases)."""
    settings = api.app.config["SAR_SETTINGS"]
    with api.app.app_context(), session_factory()() as session:
        req = session.scalars(select(Request).where(Request.reference == reference)).one()
        officer = session.scalars(select(User).where(User.email == "officer@example.org")).one()
        now = datetime.now(UTC)
        rep = req.party("representative")
        parties.attach_evidence(session, req, text_pdf(["Birth certificate naming the requester as mother."]),
                                "certificate.pdf", "authority", actor=officer, now=now, settings=settings, party=rep)
        parties.record_evidence(session, rep, "authority", "verified", note="birth certificate seen",
                                actor=officer, now=now)
        session.commit()


def _submit(api: Api, reference: str) -> str:
    # The pack is built by a background job, never inside the request (issue 15).
    response = api.post(f"/api/requests/{reference}/submit", json={"note": "ready for QA"})
    assert response.status_code == 202, response.get_json()
    job = api.wait_for_job(response.headers["Location"])
    assert job["status"] == "done", job
    body = job["result"]
    assert body["status"] == "awaiting_approval" and len(body["pack_sha256"]) == 64
    return body["pack_sha256"]


def _approve(api: Api, reference: str, sha: str, who: str = "manager"):
    return api.post(f"/api/requests/{reference}/approve", who, json={"pack_sha256": sha})


def _status(api: Api, reference: str) -> str:
    return api.get(f"/api/requests/{reference}").get_json()["status"]


def test_request_from_arrival_to_release(api, shared_dir):
    sample = shared_dir / "fixtures" / "redaction-sample"
    context = json.loads((sample / "case00.context.json").read_text())
    dob = datetime.strptime(context["subject"]["dob"], "%d/%m/%Y").date()

    # Alice, a parent, asks through the API for her son's records.
    created = api.new_request("alice", requester={"type": "parent"},
                              subject={"name": context["subject"]["name"], "dob": dob.isoformat()},
                              description="Please send me a copy of my son's children's social care records.")
    ref = created["reference"]
    assert created["regime"] == "sar" and created["status"] == "received" and created["due"]
    assert created["received"] == datetime.now(UTC).astimezone(LONDON).date().isoformat()
    assert api.get(f"/api/requests/{ref}/pack").status_code == 409  # nothing built yet

    # The officer uploads the case file: the sample PDFs and two in a different style.
    uploads = [(p.name, p.read_bytes()) for p in sorted(sample.glob("case00_*.pdf"))]
    uploads += [("letter-to-carer.pdf", typed_letter()), ("network-contacts.pdf", contact_table())]
    assert len(uploads) == 8
    for name, data in uploads:
        response = api.upload(ref, name, data)
        assert response.status_code == 201, response.get_json()
        body = response.get_json()
        assert body["filename"] == name and body["sha256"] == hashlib.sha256(data).hexdigest()
        assert body["page_count"] >= 1

    # Proposals run in the background; the job is polled until done.
    _propose(api, ref)
    rows = _redactions(api, ref)
    assert len(rows) >= 10 and {r["status"] for r in rows} == {"proposed"}
    assert {r["document"]["filename"] for r in rows} >= {"letter-to-carer.pdf", "network-contacts.pdf"}
    for row in rows:
        assert set(row) >= {"id", "document", "page", "text", "entity_type", "code", "reason", "score",
                            "recognizer", "status", "boxes", "flagged_for_manager"}
        assert row["boxes"] and all(len(b) == 4 for b in row["boxes"])

    # Review: reject one (a reason is required), accept the rest.
    keep = _rejectable(rows)
    assert api.patch(f"/api/redactions/{keep['id']}", json={"status": "rejected"}).status_code == 400
    response = api.patch(f"/api/redactions/{keep['id']}",
                         json={"status": "rejected", "reason": "the requester already knows this"})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "rejected"
    assert response.get_json()["decision_reason"] == "the requester already knows this"
    _decide_all(api, [r for r in rows if r["id"] != keep["id"]])
    assert _redactions(api, ref, "proposed") == []
    accepted = [r["text"] for r in _redactions(api, ref, "accepted")]

    # Alice acts for her son, so nothing is submitted until her parental responsibility is verified
    # (rulebook T-4, G-2); then the letter says what was verified.
    refused = api.post(f"/api/requests/{ref}/submit", json={"note": "ready for QA"})
    assert refused.status_code == 409 and "authority of Alice Requester" in refused.get_json()["error"]
    _verify_authority(api, ref)

    # Submit; nobody outside the council sees the pack before release.
    sha = _submit(api, ref)
    assert _status(api, ref) == "awaiting_approval"
    assert api.get(f"/api/requests/{ref}/pack", "alice").status_code == 409
    assert api.get(f"/api/requests/{ref}/pack", "bob").status_code == 404
    # Not even staff get the zip before a manager approves it (the manager reviews it on screen).
    for who in ("officer", "manager"):
        response = api.get(f"/api/requests/{ref}/pack", who)
        assert response.status_code == 409 and "approved" in response.get_json()["error"]

    # Four eyes: the exact pack, a manager, never the officer.
    assert _approve(api, ref, "0" * 64).status_code == 409
    assert _approve(api, ref, sha, "officer").status_code == 403
    assert _approve(api, ref, sha, "officer2").status_code == 403
    # The bundle holds HIGHLY SENSITIVE material (a carer's locating details): a manager's harm review comes first
    # (issue 14).
    blocked = _approve(api, ref, sha)
    assert blocked.status_code == 409 and "harm review" in blocked.get_json()["error"]
    assert api.post(f"/api/requests/{ref}/harm-review", "manager", json={
        "serious_harm": False, "reasons": "locating details are redacted; nothing else would cause serious harm"},
    ).status_code == 201
    response = _approve(api, ref, sha)
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"status": "approved", "pack_sha256": sha,
                                   "approval_id": response.get_json()["approval_id"]}
    originals = " ".join(_text(data) for _, data in uploads)
    _check_pack(api, ref, "manager", accepted, [keep["text"]], originals, expected_sha=sha)

    # A change after approval voids it: a second manager changes a decision ...
    response = api.patch(f"/api/redactions/{keep['id']}", "manager2",
                         json={"status": "accepted", "reason": "on reflection, a third party's detail"})
    assert response.status_code == 200, response.get_json()
    assert _status(api, ref) == "in_review"
    assert _approve(api, ref, sha).status_code == 409
    accepted.append(keep["text"])
    sha2 = _submit(api, ref)
    assert sha2 != sha
    # ... and so may not approve the pack they helped prepare.
    assert _approve(api, ref, sha2, "manager2").status_code == 403
    assert _approve(api, ref, sha2).status_code == 200

    # ... and so does a new document.
    late = typed_letter(carer="Joanna Kowalczyk", neighbour="Femi Adeyemi", phone="07700 900612")
    response = api.upload(ref, "late-letter.pdf", late)
    assert response.status_code == 201, response.get_json()
    assert _status(api, ref) == "in_review"
    assert _approve(api, ref, sha2).status_code == 409
    _propose(api, ref)
    _decide_all(api, _redactions(api, ref, "proposed"))
    accepted = [r["text"] for r in _redactions(api, ref, "accepted")]
    sha3 = _submit(api, ref)
    # The late letter brought new HIGHLY SENSITIVE material: the earlier harm review does not cover it.
    assert "harm review" in _approve(api, ref, sha3).get_json()["error"]
    assert api.post(f"/api/requests/{ref}/harm-review", "manager", json={
        "serious_harm": False, "reasons": "the late letter's locating details are redacted too"}).status_code == 201
    assert _approve(api, ref, sha3).status_code == 200

    # Release: Alice downloads her response; Bob never sees it; nothing changes afterwards.
    assert api.get(f"/api/requests/{ref}/pack", "alice").status_code == 409
    response = api.post(f"/api/requests/{ref}/release")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "released"
    _check_pack(api, ref, "alice", accepted, [], originals + " " + _text(late), expected_sha=sha3)
    assert api.get(f"/api/requests/{ref}/pack", "bob").status_code == 404
    late = api.patch(f"/api/redactions/{keep['id']}", json={"status": "rejected", "reason": "too late"})
    assert late.status_code == 409
    assert api.upload(ref, "after.pdf", typed_letter()).status_code == 409

    # Requester A's token never reaches requester B's request.
    bobs = api.new_request("bob", description="A copy of my own records please.")["reference"]
    today = datetime.now(UTC).astimezone(LONDON).date()
    assert api.get(f"/api/requests/{bobs}", "alice").status_code == 404
    assert api.post(f"/api/requests/{bobs}/events", "alice",
                    json={"kind": "extended", "date": today.isoformat()}).status_code == 404
    assert api.upload(bobs, "x.pdf", typed_letter(), who="alice").status_code == 404
    assert api.get(f"/api/requests/{bobs}/pack", "alice").status_code == 404
    assert api.get(f"/api/requests/{bobs}/redactions", "alice").status_code == 404
