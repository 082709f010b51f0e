"""Page-range steps (issue 11): a long document split into page-range jobs in both phases reads,
proposes and burns in exactly as one unsplit job, on real PDFs, with the real engine."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from redaction import pdf
from redaction.engine import RedactionEngine
from sar.bundle import jobs, ranges, redactions
from sar.core.storage import FileStore
from sar.models import Job, Redaction
from sar.release import burning, packs
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, pdf_bytes, propose, sar_request

NEIGHBOUR = "Gordon Blackwood"
PAGES = [PAGE_ONE, PAGE_TWO,
         f"Contact note\n{THIRD_PARTY} rang the office on 07585 830901 about Brandon.\n",
         f"Neighbour {NEIGHBOUR} said Brandon stays with {THIRD_PARTY} at weekends.\n",
         "School report\nBrandon Wells attends Year 10. Attendance is 91 per cent.\n",
         f"Strategy discussion\n{NEIGHBOUR} and {THIRD_PARTY} were not present.\n",
         "Closing summary\nNo further action.\n"]


@pytest.fixture(scope="module")
def redactor():
    return RedactionEngine()


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def factory(session):
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


def test_ranges_cover_the_pages_in_order():
    assert pdf.ranges(7, 3) == [(0, 3), (3, 6), (6, 7)]
    assert pdf.ranges(3, 3) == [(0, 3)]
    spec = {"item_id": 1, "boxes": [[0, 1, 1, 2, 2, "X"], [4, 1, 1, 2, 2, "Y"]], "withheld": {"5": "LEGAL"},
            "spec_key": "k"}
    parts = ranges.burn_params(spec, 7, 3)
    assert [p["pages"] for p in parts] == [[0, 3], [3, 6], [6, 7]]
    assert [p["boxes"] for p in parts] == [[spec["boxes"][0]], [spec["boxes"][1]], []]
    assert [p["withheld"] for p in parts] == [{}, {"5": "LEGAL"}, {}]
    assert ranges.burn_params(spec, 3, 3) == [spec]


def test_split_extraction_and_detection_equal_the_whole(redactor):
    data = pdf_bytes(*PAGES)
    whole = pdf.extract(data, "visit.pdf")
    parts = [pdf.extract(data, "visit.pdf", pages=range(a, b)) for a, b in pdf.ranges(len(PAGES), 3)]
    names = (("Brandon Wells",), ())
    found = [[[list(f) for f in page] for page in redactor.detect_document(part, names)] for part in parts]
    # What the store holds is JSON; reading it back gives the same document and findings.
    stored = [ranges.decode_detected(ranges.encode_detected(1, part, f)) for part, f in zip(parts, found,
                                                                                          strict=True)]
    joined, findings = ranges.join_detected(stored)
    assert joined == whole
    assert findings == [[list(f) for f in page] for page in redactor.detect_document(whole, names)]


def test_a_range_outside_the_document_is_refused():
    with pytest.raises(ValueError, match="outside"):
        pdf.extract(pdf_bytes("one page"), "one.pdf", pages=range(3, 5))


def _proposals(session, item_id):
    return [(r.page, r.start, r.end, r.text, r.entity_type, r.code) for r in session.scalars(
        select(Redaction).where(Redaction.bundle_item_id == item_id).order_by(Redaction.page, Redaction.start,
                                                                                Redaction.end))]


def test_proposal_job_split_into_page_ranges_proposes_the_same(session, factory, settings, now, team, redactor):
    results = []
    for range_pages in (100, 2):
        req = sar_request(session, settings, team, now)
        item = add_pdf(session, req, team, now, settings, *PAGES)
        job = jobs.start_proposal_job(session, req, actor=team.officer, now=now)
        session.flush()
        assert jobs.run_job(factory, job.id, settings=replace(settings, job_range_pages=range_pages),
                            now_fn=lambda: now, engine=redactor) == "done"
        session.expire_all()
        steps = session.scalars(select(Job).where(Job.parent_id == job.id)).all()
        results.append((len(steps), _proposals(session, item.id), session.get(Job, job.id).result["cast"]))
    (whole_steps, whole, whole_cast), (split_steps, split, split_cast) = results
    assert (whole_steps, split_steps) == (1, 4)
    assert whole and split == whole and split_cast == whole_cast
    assert any(THIRD_PARTY in p[3] for p in whole)


def _bundle_text(settings, job: Job, reference: str) -> list[str]:
    files = packs.pack_files(FileStore.for_settings(settings).get(job.result["pack_sha256"]))
    bundle = files[packs.member_name(reference, "bundle.pdf")]
    return [p.text.replace(reference, "REF") for p in pdf.extract(bundle, "bundle.pdf").pages]


def test_pack_job_burned_in_by_page_ranges_reads_the_same(session, factory, settings, now, team):
    texts, parts = [], []
    for range_pages in (100, 2):
        req = sar_request(session, settings, team, now)
        item = add_pdf(session, req, team, now, settings, *PAGES)
        for red in propose(session, settings, item, THIRD_PARTY, now=now):
            redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)
        job = jobs.start_pack_job(session, req, actor=team.officer, now=now)
        session.flush()
        assert jobs.run_job(factory, job.id, settings=replace(settings, job_range_pages=range_pages),
                            now_fn=lambda: now) == "done"
        session.expire_all()
        parts.append(len(session.scalars(select(Job).where(Job.parent_id == job.id)).all()))
        texts.append(_bundle_text(settings, session.get(Job, job.id), req.reference))
    assert parts == [1, 4]
    assert texts[0] == texts[1] and len(texts[0]) == len(PAGES)
    assert not any(THIRD_PARTY in page for page in texts[1]) and "Brandon" in texts[1][0]


def test_a_joined_document_is_verified_again():
    data = pdf_bytes(*PAGES)
    spec = {"item_id": 1, "sha256": "", "filename": "visit.pdf", "boxes": [], "withheld": {},
            "removed_strings": [], "people": [], "kept_text": "", "spec_key": "k"}
    parts = [burning.burn_from_spec(p, data) for p in ranges.burn_params(spec, len(PAGES), 3)]
    joined = ranges.join_burnt(spec, parts)
    assert [p.text for p in pdf.extract(joined.data, "v.pdf").pages] == \
        [p.text for p in pdf.extract(burning.burn_from_spec(spec, data).data, "v.pdf").pages]
    # A name nobody redacted is still there: verification of the joined document refuses it.
    from redaction.errors import VerificationError
    with pytest.raises(VerificationError, match=NEIGHBOUR):
        ranges.join_burnt(spec | {"removed_strings": [NEIGHBOUR]}, parts)
