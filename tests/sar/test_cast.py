"""The cast in the officer's hands (issue 11): view, correct, confirm, recompute, unresolved queue."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from redaction.engine import DocumentPlan
from redaction.text import boxes_for_span
from redaction.types import Proposal
from sar.bundle import cast, jobs, redactions
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.models import AuditEvent, Redaction
from tests.sar._docs import PAGE_ONE, PAGE_TWO, THIRD_PARTY, add_pdf, make_team, sar_request

SUBJECT = "Brandon Wells"
WORKER = "Terence Tyler"


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def factory(session):
    return sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                        expire_on_commit=False)


@pytest.fixture
def case(session, settings, now, team):
    req = sar_request(session, settings, team, now)
    add_pdf(session, req, team, now, settings, PAGE_ONE, PAGE_TWO, filename="visit.pdf")
    add_pdf(session, req, team, now, settings, f"Referral from {THIRD_PARTY}.", filename="referral.pdf")
    return req


class CastEngine:
    """Proposes the third party's name unless the context discloses them, and resolves a cast the way
    ``redaction.cast.describe_cast`` shapes it: the third party is unresolved unless the context knows them."""

    def __init__(self) -> None:
        self.contexts = []

    def propose(self, documents, context, *, progress=None, workers=1):
        self.contexts.append(context)
        known = {p.name: p.decision for p in context.parties}
        mentions, plans = [], []
        for doc in documents:
            props = []
            for p in doc.pages:
                for m in re.finditer(re.escape(THIRD_PARTY), p.text):
                    mentions.append({"document": doc.name, "page": p.page_index + 1, "text": m.group(0)})
                    if known.get(THIRD_PARTY) != "disclose":
                        props.append(Proposal(page=p.page_index, start=m.start(), end=m.end(), text=m.group(0),
                                              entity_type="PERSON", code="SCH2-P16-THIRD-PARTY",
                                              reason="third party", score=0.85, recognizer="fake",
                                              boxes=boxes_for_span(p, m.start(), m.end())))
            plans.append(DocumentPlan(doc.name, tuple(props)))
        status = {"disclose": "disclosed", "redact": "third_party"}.get(known.get(THIRD_PARTY), "unresolved")
        people = (
            {"name": SUBJECT, "status": "subject", "forms": [SUBJECT, "Brandon"], "evidence": ["the subject"],
             "mentions": [{"document": "visit.pdf", "page": 1, "text": SUBJECT}]},
            {"name": WORKER, "status": "professional", "forms": [WORKER], "evidence": ["Social worker:"],
             "mentions": [{"document": "visit.pdf", "page": 1, "text": WORKER}]},
            {"name": THIRD_PARTY, "status": status, "forms": [THIRD_PARTY, "Charlie"], "evidence": [],
             "mentions": mentions},
        )
        return [replace(plan, cast=people) for plan in plans]


def _run(session, factory, settings, now, case, team, engine):
    job = jobs.latest_job(session, case)
    if job is None or job.status != "queued":
        job = jobs.start_proposal_job(session, case, actor=team.officer, now=now)
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=lambda: now, engine=engine) == "done"
    session.expire_all()


def test_view_shows_each_person_with_role_aliases_mentions_and_evidence(session, settings, now, team, case,
                                                                         factory):
    _run(session, factory, settings, now, case, team, CastEngine())
    view = cast.view_cast(session, case, actor=team.officer, now=now)
    people = {p["name"]: p for p in view["people"]}
    assert not view["confirmed"] and view["unresolved"] == 1
    assert people[SUBJECT]["role"] == "subject" and people[SUBJECT]["aliases"] == ["Brandon"]
    assert people[WORKER]["role"] == "professional" and people[WORKER]["evidence"] == ["Social worker:"]
    assert people[THIRD_PARTY]["role"] == "unresolved" and people[THIRD_PARTY]["mentions"] == 4
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "cast.view")).first() is not None
    with pytest.raises(NotPermitted):
        cast.view_cast(session, case, actor=team.requester, now=now)


def test_unresolved_queue_lists_every_mention_until_the_officer_places_the_person(session, settings, now, team,
                                                                                   case, factory):
    _run(session, factory, settings, now, case, team, CastEngine())
    queue = cast.unresolved_mentions(session, case, actor=team.officer, now=now)
    assert [(e["document"], e["page"]) for e in queue] == [("visit.pdf", 1), ("visit.pdf", 1), ("visit.pdf", 2),
                                                           ("referral.pdf", 1)]
    assert all(e["redaction_id"] and e["decision"] == "proposed" for e in queue)
    cast.correct_cast(session, case, "add", {"name": THIRD_PARTY, "role": "third_party",
                                             "relationship": "mother's partner"}, actor=team.officer, now=now)
    assert cast.unresolved_mentions(session, case, actor=team.officer, now=now) == []


class TwoFormsEngine(CastEngine):
    """Lists the first mention of the third party a second time under a short form, as the engine
    does when one occurrence is found as "Charlie" and as "Charlie Fletcher"."""

    def propose(self, documents, context, *, progress=None, workers=1):
        plans = super().propose(documents, context, progress=progress, workers=workers)
        people = [dict(p) for p in plans[0].cast]
        third = people[-1]
        third["mentions"] = [{**third["mentions"][0], "text": "Charlie"}, *third["mentions"]]
        return [replace(plan, cast=tuple(people)) for plan in plans]


def test_unresolved_queue_has_one_entry_per_proposal(session, settings, now, team, case, factory):
    _run(session, factory, settings, now, case, team, TwoFormsEngine())
    queue = cast.unresolved_mentions(session, case, actor=team.officer, now=now)
    # Two occurrences on visit.pdf page 1: two proposals, each listed once; the short form adds nothing.
    assert [(e["document"], e["page"]) for e in queue] == [("visit.pdf", 1), ("visit.pdf", 1), ("visit.pdf", 2),
                                                           ("referral.pdf", 1)]
    assert len({e["redaction_id"] for e in queue}) == 4


def test_corrections_merge_split_mark_professional_alias_and_add(session, settings, now, team, case, factory):
    _run(session, factory, settings, now, case, team, CastEngine())
    people = cast.apply_correction(cast.current_people(session, case), "merge", {"name": SUBJECT, "other": "Bran W"})
    assert "Bran W" in cast._find(people, SUBJECT)["aliases"]
    people = cast.apply_correction(people, "split", {"name": SUBJECT, "alias": "Bran W", "role": "third_party"})
    assert cast._find(people, "Bran W")["role"] == "third_party"
    assert "Bran W" not in cast._find(people, SUBJECT)["aliases"]
    people = cast.apply_correction(people, "role", {"name": "Bran W", "role": "professional"})
    assert cast._find(people, "Bran W")["role"] == "professional"
    people = cast.apply_correction(people, "alias", {"name": WORKER, "alias": "T. Tyler"})
    assert cast._find(people, "t. tyler")["name"] == WORKER
    people = cast.apply_correction(people, "merge", {"name": WORKER, "other": "Bran W"})
    assert len([p for p in people if p["name"] == "Bran W"]) == 0
    with pytest.raises(ValidationError, match="nobody called"):
        cast.apply_correction(people, "alias", {"name": "Nobody Here", "alias": "X"})
    with pytest.raises(ValidationError, match="listed twice"):
        cast.apply_correction(people, "add", {"name": "T. Tyler", "role": "third_party"})
    with pytest.raises(ValidationError, match="role must be one of"):
        cast.apply_correction(people, "role", {"name": WORKER, "role": "villain"})
    with pytest.raises(ValidationError, match="not an alias"):
        cast.apply_correction(people, "split", {"name": WORKER, "alias": "Someone"})
    with pytest.raises(ValidationError, match="unknown correction"):
        cast.apply_correction(people, "explode", {"name": WORKER})


def test_confirming_recomputes_proposals_and_keeps_hand_decisions(session, settings, now, team, case, factory):
    engine = CastEngine()
    _run(session, factory, settings, now, case, team, engine)
    first = redactions.list_redactions(session, case, "proposed")
    kept = first[0]
    redactions.decide_redaction(session, kept, "accepted", reason=None, code=None, actor=team.officer, now=now)
    # A draft correction is not given to the engine; only a confirmed cast is.
    cast.correct_cast(session, case, "add", {"name": THIRD_PARTY, "role": "disclosed"}, actor=team.officer, now=now)
    assert THIRD_PARTY not in {p.name for p in jobs.proposal_context(session, case).parties}
    row, job = cast.confirm_cast(session, case, actor=team.officer, now=now)
    assert job is not None and job.status == "queued" and row.confirmed_at == now
    _run(session, factory, settings, now, case, team, engine)
    assert {p.name: p.decision for p in engine.contexts[-1].parties}[THIRD_PARTY] == "disclose"
    live = session.scalars(select(Redaction).where(Redaction.superseded_at.is_(None))).all()
    assert [(r.id, r.status) for r in live] == [(kept.id, "accepted")]  # the hand decision stays
    assert redactions.list_redactions(session, case, "proposed") == []
    assert cast.view_cast(session, case, actor=team.officer, now=now)["confirmed"]
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "cast.confirm")).first() is not None


def test_confirm_validates_and_refuses_a_stale_version(session, settings, now, team, case):
    with pytest.raises(ValidationError, match="at most one"):
        cast.confirm_cast(session, case, [{"name": "A B", "role": "subject"}, {"name": "C D", "role": "subject"}],
                          actor=team.officer, now=now)
    row, _ = cast.confirm_cast(session, case, [{"name": SUBJECT, "role": "subject"}], actor=team.officer, now=now,
                               version=0)
    assert row.version == 1
    with pytest.raises(Conflict, match="changed by someone else"):
        cast.confirm_cast(session, case, [{"name": SUBJECT, "role": "subject"}], actor=team.officer, now=now,
                          version=0)
    with pytest.raises(NotPermitted):
        cast.confirm_cast(session, case, [], actor=team.requester, now=now)
