"""People recorded on the case offered to the cast in one click (issue 11): ``sar.bundle.cast_parties``."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sar.bundle import cast, cast_parties, jobs, redactions
from sar.confidentiality import access
from sar.core.errors import Conflict, NotFound, NotPermitted, ValidationError
from sar.intake import parties
from sar.models import AuditEvent, Redaction
from tests.factories import make_user
from tests.sar._docs import THIRD_PARTY
from tests.sar.test_cast import SUBJECT, WORKER, CastEngine, _run
from tests.sar.test_cast import case as case_fixture
from tests.sar.test_cast import factory as factory_fixture
from tests.sar.test_cast import team as team_fixture

team, case, factory = team_fixture, case_fixture, factory_fixture  # the fixtures, used by name

SOLICITOR = "Ross Delaney"
GRANDMOTHER = "Ivy Marsh"
PARENT = "Noreen Wells"


def _add(session, req, team, now, role, name, **fields):
    return parties.add_party(session, req, role=role, name=name, actor=team.officer, now=now, **fields)


def _record(session, now, team, case):
    """The case's people: the third party (redact), a grandmother (disclose), the worker as a social
    worker, a solicitor and a parent acting for the subject."""
    return {
        "third": _add(session, case, team, now, "third_party", THIRD_PARTY, relationship="mother's partner"),
        "grandmother": _add(session, case, team, now, "third_party", GRANDMOTHER, relationship="grandmother",
                            disclose=True),
        "worker": _add(session, case, team, now, "third_party", WORKER, relationship="Social Worker"),
        "solicitor": _add(session, case, team, now, "representative", SOLICITOR, capacity="solicitor"),
        "parent": _add(session, case, team, now, "representative", PARENT, capacity="parent"),
    }


@pytest.fixture
def recorded(session, now, team, case):
    return _record(session, now, team, case)


def _offers(session, case, team):
    return {o["name"]: o for o in cast_parties.case_parties(session, case, actor=team.officer)}


def test_offers_each_recorded_person_with_the_role_the_record_gives_them(session, settings, now, team, case,
                                                                          factory, recorded):
    _run(session, factory, settings, now, case, team, CastEngine())
    offers = _offers(session, case, team)
    # The subject (also the requester here) and a parent acting for them are never offered.
    assert set(offers) == {THIRD_PARTY, GRANDMOTHER, WORKER, SOLICITOR}
    assert offers[THIRD_PARTY] | {"party_id": 0} == {
        "party_id": 0, "name": THIRD_PARTY, "relationship": "mother's partner", "party_role": "third_party",
        "offer": "third_party", "action": "role", "in_cast": False}
    assert offers[GRANDMOTHER]["offer"] == "disclosed"
    assert (offers[SOLICITOR]["offer"], offers[SOLICITOR]["in_cast"]) == ("professional", False)
    # The engine placed the worker as a professional: offered (as professional) until the officer confirms it.
    assert (offers[WORKER]["offer"], offers[WORKER]["action"], offers[WORKER]["in_cast"]) == (
        "professional", "role", False)
    cast_parties.add_case_party(session, case, recorded["worker"].id, actor=team.officer, now=now)
    offers = _offers(session, case, team)
    assert offers[WORKER]["in_cast"] and not offers[GRANDMOTHER]["in_cast"]
    with pytest.raises(Conflict, match="already"):
        cast_parties.add_case_party(session, case, recorded["worker"].id, actor=team.officer, now=now)


def test_adding_a_recorded_third_party_confirms_the_cast_and_proposals_follow(session, settings, now, team, case,
                                                                               factory):
    engine = CastEngine()
    _run(session, factory, settings, now, case, team, engine)
    recorded = _record(session, now, team, case)  # recorded after the run: the engine did not know them
    assert _offers(session, case, team)[THIRD_PARTY]["action"] == "add"
    assert cast.view_cast(session, case, actor=team.officer, now=now)["unresolved"] == 1
    kept = redactions.list_redactions(session, case, "proposed")[0]
    redactions.decide_redaction(session, kept, "rejected", reason="the requester knows", code=None,
                                actor=team.officer, now=now)
    row, job = cast_parties.add_case_party(session, case, recorded["third"].id, actor=team.officer, now=now,
                                           version=0)
    assert row.confirmed_at == now and job is not None and job.status == "queued"
    assert {p["name"]: p["role"] for p in row.people}[THIRD_PARTY] == "third_party"
    _run(session, factory, settings, now, case, team, engine)
    assert {p.name: p.decision for p in engine.contexts[-1].parties}[THIRD_PARTY] == "redact"
    assert cast.unresolved_mentions(session, case, actor=team.officer, now=now) == []
    live = session.scalars(select(Redaction).where(Redaction.superseded_at.is_(None))).all()
    assert (kept.id, "rejected") in [(r.id, r.status) for r in live]  # the hand decision stays
    assert all(r.text == THIRD_PARTY for r in live) and len(live) == 4  # still proposed for redaction
    assert _offers(session, case, team)[THIRD_PARTY]["in_cast"] is True
    with pytest.raises(Conflict, match="already"):
        cast_parties.add_case_party(session, case, recorded["third"].id, actor=team.officer, now=now)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "cast.add_party")).one()
    assert event.detail == {"party_id": recorded["third"].id, "role": "third_party", "correction": "add"}


def test_a_recorded_professional_is_marked_professional(session, settings, now, team, case, factory, recorded):
    engine = CastEngine()
    _run(session, factory, settings, now, case, team, engine)
    row, _ = cast_parties.add_case_party(session, case, recorded["solicitor"].id, actor=team.officer, now=now)
    assert {p["name"]: (p["role"], p["relationship"]) for p in row.people}[SOLICITOR] == ("professional", "solicitor")
    assert SOLICITOR in {s.name for s in jobs.proposal_context(session, case).staff}


def test_the_subject_and_other_requests_people_are_refused(session, settings, now, team, case, recorded):
    subject = case.party("data_subject")
    assert subject.name == SUBJECT
    with pytest.raises(ValidationError, match="not offered"):
        cast_parties.add_case_party(session, case, subject.id, actor=team.officer, now=now)
    with pytest.raises(ValidationError, match="not offered"):
        cast_parties.add_case_party(session, case, recorded["parent"].id, actor=team.officer, now=now)
    with pytest.raises(NotFound):
        cast_parties.add_case_party(session, case, 10_000, actor=team.officer, now=now)


def test_requester_and_other_team_are_refused(session, settings, now, team, case, recorded):
    with pytest.raises(NotPermitted):
        cast_parties.add_case_party(session, case, recorded["third"].id, actor=team.requester, now=now)
    with pytest.raises(NotPermitted):
        cast_parties.case_parties(session, case, actor=team.requester)
    ours = access.create_team(session, "Children's records", actor=team.manager, now=now)
    theirs = access.create_team(session, "Adult records", actor=team.manager, now=now)
    access.add_member(session, ours, team.officer, actor=team.manager, now=now)
    outsider = make_user(session, "officer")
    access.add_member(session, theirs, outsider, actor=team.manager, now=now)
    access.set_team(session, case, ours, actor=team.manager, now=now)
    with pytest.raises(NotFound):
        cast_parties.add_case_party(session, case, recorded["third"].id, actor=outsider, now=now)
    with pytest.raises(NotFound):
        cast_parties.case_parties(session, case, actor=outsider)
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "cast.add_party")).first() is None
