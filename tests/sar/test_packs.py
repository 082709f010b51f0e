"""Response packs: contents and naming (rulebook §5.1-§5.3), burn-in, page marks, schedule, determinism."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from sqlalchemy import func, select

from redaction import pdf
from redaction.errors import VerificationError
from sar.bundle import documents, redactions
from sar.core.errors import Conflict
from sar.models import Redaction, ResponsePack
from sar.release import packs
from tests.redaction import channel_factory as channels
from tests.sar._docs import (
    PAGE_ONE,
    PAGE_THREE,
    PAGE_TWO,
    PHONE,
    THIRD_PARTY,
    add_pdf,
    make_team,
    propose,
    sar_request,
)


@pytest.fixture
def team(session):
    return make_team(session)


def _accept_all(session, team, now, reds):
    for red in reds:
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)


def _text(data: bytes) -> str:
    """All text of a PDF with whitespace runs collapsed (letters wrap lines anywhere)."""
    return " ".join(" ".join(p.text for p in pdf.extract(data, "x.pdf", ocr=False).pages).split())


@pytest.fixture
def built(session, settings, now, team):
    """A SAR with two documents: third-party name and phone redacted, page 2 withheld, a duplicate page."""
    req = sar_request(session, settings, team, now)
    visit = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf",
                    title="Visit notes")
    other = add_pdf(session, req, team, now, settings, PAGE_THREE, "Final page of the second document.",
                    filename="referral.pdf")  # no title: released as "Document 2"
    _accept_all(session, team, now, propose(session, settings, visit, THIRD_PARTY, now=now))
    _accept_all(session, team, now, propose(session, settings, visit, PHONE, now=now))
    # Serious harm is a manager's decision (redaction.codes: needs_manager_decision).
    redactions.mark_page(session, visit, 1, "withheld", code="SCH3-SERIOUS-HARM", reason="", actor=team.manager,
                         now=now)
    redactions.mark_page(session, other, 0, "duplicate", actor=team.officer, now=now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    files = packs.pack_files(packs.pack_bytes(settings, pack))
    return req, pack, files, (visit, other)


def test_zip_names_and_manifest(built):
    req, pack, files, (visit, other) = built
    ref = req.reference
    assert sorted(files) == [f"{ref}-bundle.pdf", f"{ref}-cover-letter.pdf", f"{ref}-redaction-schedule.csv",
                             f"{ref}-redaction-schedule.pdf"]
    assert pack.page_count == 3  # 2 + 2 pages, one duplicate left out
    assert [i["id"] for i in pack.manifest["items"]] == [visit.id, other.id]
    assert pack.manifest["letter_template"] == "sar_cover.txt"
    assert len(pack.manifest["redaction_ids"]) == 4
    assert {(m["page"], m["mark"]) for m in pack.manifest["page_marks"]} == {(1, "withheld"), (0,
                                                                                               "duplicate")}


def test_zip_is_deterministic(session, settings, now, team, built):
    req, pack, _, _ = built
    again = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert again.sha256 == pack.sha256 and again.id != pack.id
    with zipfile.ZipFile(io.BytesIO(packs.pack_bytes(settings, again))) as zf:
        assert [i.date_time for i in zf.infolist()] == [packs.ZIP_TIMESTAMP] * 4
        assert [i.filename for i in zf.infolist()] == sorted(i.filename for i in zf.infolist())


def test_bundle_is_stamped_and_redacted(built):
    req, _, files, _ = built
    bundle = files[f"{req.reference}-bundle.pdf"]
    assert pdf.verify(bundle, [THIRD_PARTY, PHONE]) == []
    pages = pdf.extract(bundle, "bundle.pdf", ocr=False).pages
    assert len(pages) == 3
    for n, page in enumerate(pages, start=1):
        assert f"{req.reference} — Page {n} of 3" in page.text
    text = _text(bundle)
    assert THIRD_PARTY not in text and PHONE not in text and "Fletcher" not in text
    assert "Brandon Wells" in text and "Terence Tyler" in text  # the subject and the professional stay
    assert "Page withheld: SCH3-SERIOUS-HARM" in pages[1].text
    assert "Copy of the referral form" not in text  # the duplicate page is gone
    assert "Final page of the second document" in pages[2].text


def test_cover_letter_has_art15_information_and_ico_rights(built):
    req, _, files, _ = built
    letter = _text(files[f"{req.reference}-cover-letter.pdf"])
    for needle in ("Article 15", "(a) Purposes", "(h) Automated decisions", "Article 15(2)", "Article 12(4)",
                   "Information Commissioner", "0303 123 1113", "judicial remedy", "complaints procedure",
                   "SCH3-SERIOUS-HARM", "SCH2-P16-THIRD-PARTY", req.reference, "Visit notes: pages 1 to 2",
                   "Document 2: pages 3 to 3", "supported meeting"):
        assert needle in letter, needle
    assert THIRD_PARTY not in letter and PHONE not in letter
    assert ".pdf:" not in letter and "visit.pdf" not in letter  # titles, never the uploaded file names


def test_schedule_lists_codes_pages_and_reasons_but_never_the_text(built):
    req, _, files, _ = built
    schedule = _text(files[f"{req.reference}-redaction-schedule.pdf"])
    assert "Page 1 (Visit notes, page 1): redaction, SCH2-P16-THIRD-PARTY" in schedule
    assert "Page 2 (Visit notes, page 2): whole page withheld, SCH3-SERIOUS-HARM" in schedule
    assert "Document 2, page 1: duplicate, DUPLICATE" in schedule
    assert "visit.pdf" not in schedule and "referral.pdf" not in schedule
    assert "information about another person" in schedule
    rows = list(csv.DictReader(io.StringIO(files[f"{req.reference}-redaction-schedule.csv"].decode())))
    assert {(r["page"], r["kind"], r["code"]) for r in rows} == {
        ("1", "redaction", "SCH2-P16-THIRD-PARTY"), ("2", "withheld", "SCH3-SERIOUS-HARM"),
        ("removed", "duplicate", "DUPLICATE")}
    raw = files[f"{req.reference}-redaction-schedule.csv"].decode() + schedule
    for secret in (THIRD_PARTY, "Fletcher", PHONE):
        assert secret not in raw


def test_build_refuses_undecided_proposals_and_empty_bundles(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    with pytest.raises(Conflict, match="no case-record documents"):
        packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    propose(session, settings, item, THIRD_PARTY, now=now)
    with pytest.raises(Conflict, match="2 proposed redactions still need a decision"):
        packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert session.scalar(select(func.count(ResponsePack.id))) == 0


def test_rejected_occurrence_is_a_staff_warning_not_a_silent_pass(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO,
                   filename=f"note about {THIRD_PARTY}.pdf")
    first, *rest = propose(session, settings, item, THIRD_PARTY, now=now)
    _accept_all(session, team, now, rest)
    redactions.decide_redaction(session, first, "rejected", reason="named in his own capacity",
                                actor=team.officer,
                                now=now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert pack.manifest["warnings"] and "still visible at" in pack.manifest["warnings"][0]
    # The stored warning says where, and quotes what only as its code (issue 10, redaction.anonymise),
    # in the file name too.
    assert THIRD_PARTY not in " ".join(pack.manifest["warnings"])
    assert f"[redacted: {first.code}]" in pack.manifest["warnings"][0] and " p.1" in pack.manifest["warnings"][0]
    files = packs.pack_files(packs.pack_bytes(settings, pack))
    # The file name names the third party, so the letter and schedule call it "Document 1".
    letter = _text(files[f"{req.reference}-cover-letter.pdf"])
    assert "Document 1: pages 1 to 2" in letter and THIRD_PARTY not in letter


def test_failed_verification_writes_no_pack(session, settings, now, team, monkeypatch):
    req = sar_request(session, settings, team, now)
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, now=now))

    def leaky(*args, **kwargs):
        raise VerificationError([f"page 1: {THIRD_PARTY!r} is still extractable"])

    monkeypatch.setattr(packs.pdf, "burn_in_report", leaky)
    with pytest.raises(packs.PackVerificationFailed, match="failed verification") as err:
        packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert isinstance(err.value, Conflict) and err.value.problems
    assert session.scalar(select(func.count(ResponsePack.id))) == 0


@pytest.mark.parametrize("regime, template, needles", [
    ("foi", "foi_cover.txt", ["section 17", "FOIA 2000 s.40(2)", "absolute exemption", "internal review",
                              "40 working days", "section 50", "Information Commissioner"]),
    ("eir", "eir_cover.txt", ["regulation 14", "EIR 2004 reg 13", "regulation 13(1)",
                              "regulation 11", "regulation 18", "First-tier Tribunal"]),
    ("third-party", "third_party_cover.txt", ["not a request under the Freedom of Information Act",
                                              "minimum information necessary",
                                              "Administration of Justice Act"]),
])
def test_regime_letters(session, settings, now, team, regime, template, needles):
    from tests.factories import make_request

    req = make_request(session, settings, actor=team.officer, regime=regime, now=now,
                       description="Please disclose the records about the incident at the park.")
    item = add_pdf(session, req, team, now, settings, PAGE_ONE)
    code = {"foi": "FOIA-S40-2", "eir": "EIR-R13", "third-party": "SCH2-P16-THIRD-PARTY"}[regime]
    _accept_all(session, team, now, propose(session, settings, item, THIRD_PARTY, code=code, now=now))
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert pack.manifest["letter_template"] == template
    letter = _text(packs.pack_files(packs.pack_bytes(settings, pack))[f"{req.reference}-cover-letter.pdf"])
    for needle in needles:
        assert needle in letter, needle
    assert code in letter


def test_whole_page_legal_advice_is_released_as_a_withheld_page(session, settings, now, team, shared_dir):
    """The engine withholds legal advice (rulebook §3.4 LPP) with one page-sized box; the pack shows
    "Page withheld: SCH2-P19-LPP" on a kept, numbered page and lists it in the schedule."""
    from redaction.engine import RedactionEngine
    from sar.bundle import documents, jobs

    req = sar_request(session, settings, team, now)
    data = (shared_dir / "fixtures" / "redaction-sample" / "case00_legal_1.pdf").read_bytes()
    item = documents.add_document(session, req, data, "legal.pdf", actor=team.officer, now=now, settings=settings)
    add_pdf(session, req, team, now, settings, "A page with nothing to redact.", filename="plain.pdf")
    plan = RedactionEngine().propose([documents.extracted_text(settings, item, ocr=True)],
                                     jobs.proposal_context(session, req))[0]
    assert [p.entity_type for p in plan.proposals] == ["LEGAL_ADVICE"]
    redactions.store_proposals(session, req, [(item, plan)], now=now)
    _accept_all(session, team, now, redactions.list_redactions(session, req, "proposed"))
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    files = packs.pack_files(packs.pack_bytes(settings, pack))
    pages = pdf.extract(files[f"{req.reference}-bundle.pdf"], "b.pdf", ocr=False).pages
    assert len(pages) == 2
    assert "Page withheld: SCH2-P19-LPP" in pages[0].text and "PRIVILEGED" not in pages[0].text
    assert f"{req.reference} — Page 1 of 2" in pages[0].text
    rows = list(csv.DictReader(io.StringIO(files[f"{req.reference}-redaction-schedule.csv"].decode())))
    assert [(r["page"], r["kind"], r["code"]) for r in rows] == [("1", "withheld", "SCH2-P19-LPP")]


# -- Pages the burn-in had to reproduce as pictures are named in the schedule (issue 8) ----------

needs_tesseract = pytest.mark.skipif(not pdf.ocr_available(), reason="tesseract not installed")


def _drawn_name_redaction(session, settings, item, now, *, cover: str, text: str):
    """An accepted PERSON redaction of ``text`` whose boxes cover only the word ``cover`` on the page."""
    page = documents.extracted_text(settings, item, ocr=True).pages[0]
    m = re.search(re.escape(cover), page.text)
    assert m, page.text  # the drawn name was read into the analysed text (pdf_shown)
    boxes = [list(b.as_tuple()) for b in pdf.boxes_for_span(page, m.start(), m.end())]
    red = Redaction(bundle_item_id=item.id, page=0, start=m.start(), end=m.end(), boxes=boxes, text=text,
                    entity_type="PERSON", code="SCH2-P16-THIRD-PARTY", reason="third party", source="manual",
                    recognizer="test", score=1.0, status="accepted", created_at=now)
    session.add(red)
    session.flush()
    return red


@needs_tesseract
def test_a_page_still_showing_a_redacted_person_is_released_as_a_picture_and_the_schedule_says_so(
        session, settings, now, team):
    # The person's name is drawn as outlines (no text layer); the reviewer's box covers only the
    # first name. The burn-in looks for every form of the person's name, finds the surname still
    # shown, and releases that page as a picture: the requester is told which page and why.
    req = sar_request(session, settings, team, now)
    item = documents.add_document(session, req, channels.vector_outlines(), "visit.pdf", actor=team.officer,
                                  now=now, settings=settings, title="Visit notes")
    _drawn_name_redaction(session, settings, item, now, cover="Charlie", text=channels.SECRET)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    files = packs.pack_files(packs.pack_bytes(settings, pack))
    schedule = _text(files[f"{req.reference}-redaction-schedule.pdf"])
    assert "Pages reproduced as images" in schedule
    assert "Page 1 (Visit notes, page 1) is a picture of the page" in schedule
    assert pack.manifest["image_pages"] == [1]
    assert any("Visit notes" in w and "picture" in w for w in pack.manifest["warnings"])
    bundle = files[f"{req.reference}-bundle.pdf"]
    assert pdf.verify(bundle, [], people=[channels.SECRET], ocr=True) == []
    assert "Fletcher" not in _text(bundle)


def test_a_page_whose_text_is_all_covered_is_not_reproduced_as_a_picture(built):
    _req, pack, files, _items = built
    assert pack.manifest["image_pages"] == []
    assert "Pages reproduced as images" not in _text(files[f"{_req.reference}-redaction-schedule.pdf"])
