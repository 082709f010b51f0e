"""A competent child's request that their parents are not consulted (issue 16; seed policy on consultation,
rulebook T-4): consultations with a parent are refused, letter copies to a parent are held, and a manager
may override for exceptional circumstances with a reason (audited)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from sar.confidentiality import consultations, parent_contact
from sar.core.errors import Conflict, NotPermitted, ValidationError
from sar.intake import parties, voice
from sar.models import AuditEvent, Consultation, OutboxEmail
from sar.release import correspondence
from tests.sar.test_voice import _open, make_team


@pytest.fixture
def team(session):
    return make_team(session)


def _assess(session, settings, team, now, req, *, competent=True, no_parent_contact=True, age=None,
            understanding=""):
    return voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=competent,
                              views="partial", views_text="please do not ask my dad, he will be angry",
                              not_to_share="the counselling notes", no_parent_contact=no_parent_contact,
                              age=age, understanding=understanding)


def _consult(session, settings, team, now, req, name):
    return consultations.open_consultation(
        session, req, consultee_name=name, consultee_kind="third_party", means="letter",
        due_on=now.date() + timedelta(days=10), about_text="the school report", actor=team.officer, now=now,
        settings=settings)


@pytest.fixture
def father(session, now, team):
    def add(req):
        return parties.add_party(session, req, role="third_party", name="Sam Example", relationship="father",
                                 actor=team.officer, now=now)
    return add


@pytest.mark.parametrize("consultee", ["Sam Example", "Jordan Example", "the child's father", "Ms Example (mother)"])
def test_a_parent_is_not_consulted_while_the_childs_request_stands(session, settings, now, team, father, consultee):
    req = _open(session, settings, team, now)
    father(req)
    _assess(session, settings, team, now, req)
    with pytest.raises(Conflict, match="asked that their parents are not consulted"):
        _consult(session, settings, team, now, req, consultee)
    assert session.scalars(select(Consultation)).all() == []


def test_someone_who_is_not_a_parent_may_still_be_consulted(session, settings, now, team, father):
    req = _open(session, settings, team, now)
    father(req)
    _assess(session, settings, team, now, req)
    assert _consult(session, settings, team, now, req, "Head teacher, Hill School").id


def test_without_the_childs_request_a_parent_is_consulted(session, settings, now, team, father):
    req = _open(session, settings, team, now)
    father(req)
    _assess(session, settings, team, now, req, no_parent_contact=False)
    assert _consult(session, settings, team, now, req, "Sam Example").id


def test_a_child_not_found_competent_does_not_bind(session, settings, now, team, father):
    req = _open(session, settings, team, now)
    father(req)
    _assess(session, settings, team, now, req, competent=False, understanding="does not yet understand the records")
    status = parent_contact.status(session, req, settings=settings)
    assert status["stands"] is False and "not assessed as competent" in status["not_respected_why"]
    assert _consult(session, settings, team, now, req, "Sam Example").id


def test_the_age_from_which_it_is_respected_is_configurable(session, settings, now, team, father):
    req = _open(session, settings, team, now)  # the child is 13
    father(req)
    _assess(session, settings, team, now, req)
    older = replace(settings, no_parent_contact_age=14)
    assert parent_contact.restriction(session, req, settings=older) is None
    assert "respected from 14" in parent_contact.status(session, req, settings=older)["not_respected_why"]
    assert _consult(session, older, team, now, req, "Sam Example").id
    assert parent_contact.restriction(session, req, settings=settings) is not None


def test_a_manager_override_with_a_reason_lets_the_parent_be_consulted(session, settings, now, team, father):
    req = _open(session, settings, team, now)
    father(req)
    assessment = _assess(session, settings, team, now, req)
    with pytest.raises(NotPermitted):
        parent_contact.override(session, req, ground="safeguarding", reason="court directed contact with both parents",
                                actor=team.officer, now=now, settings=settings)
    with pytest.raises(ValidationError, match="exceptional circumstances"):
        parent_contact.override(session, req, ground="safeguarding", reason="short", actor=team.manager, now=now,
                                settings=settings)
    with pytest.raises(ValidationError, match="unknown ground"):
        parent_contact.override(session, req, ground="convenience", reason="it is quicker to ask the parents",
                                actor=team.manager, now=now, settings=settings)
    parent_contact.override(session, req, ground="safeguarding", reason="court directed contact with both parents",
                            actor=team.manager, now=now, settings=settings)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == parent_contact.OVERRIDE_ACTION)).one()
    assert event.detail["assessment_id"] == assessment.id and event.actor_id == team.manager.id
    assert _consult(session, settings, team, now, req, "Sam Example").id
    views = voice.child_views(session, req, actor=team.manager, now=now, settings=settings)
    assert views["parent_contact"]["override"]["ground"] == "safeguarding"
    with pytest.raises(Conflict, match="no standing request"):
        parent_contact.override(session, req, ground="other", reason="a second override is not needed",
                                actor=team.manager, now=now, settings=settings)
    # The child asks again in a new assessment: a new decision is needed.
    _assess(session, settings, team, now, req)
    with pytest.raises(Conflict, match="not consulted"):
        _consult(session, settings, team, now, req, "Sam Example")


def test_a_letter_copy_to_a_parent_is_held(session, settings, now, team, father):
    req = _open(session, settings, team, now)
    father(req)
    requester = req.party("requester")
    voice.set_communication(session, requester, actor=team.officer, now=now, advocate_name="Sam Example",
                            advocate_email="sam@example.org", advocate_copy=True)

    def send():
        correspondence.send(session, req, kind="note", template="letter", subject="Update", text="Update.\n",
                            edited=False, dispatch="email", posted_on=None, actor=team.officer, now=now,
                            settings=settings)
        return [e.to_addr for e in session.scalars(select(OutboxEmail))]

    assert "sam@example.org" in send()  # no request by the child yet: the copy goes
    _assess(session, settings, team, now, req)
    before = len(send())
    sent = [e.to_addr for e in session.scalars(select(OutboxEmail))]
    assert before == len(sent) and sent.count("sam@example.org") == 1  # held this time
    held = session.scalars(select(AuditEvent).where(AuditEvent.action == "letter.copy_held")).one()
    assert held.detail["why"] == "no_parent_contact"


def test_parent_words_are_matched_as_words():
    class _Req:
        parties = []
        requester_type = None
    assert parent_contact.names_a_parent(_Req(), "the child's stepfather")
    assert not parent_contact.names_a_parent(_Req(), "Mothercare Ltd")
    assert not parent_contact.names_a_parent(_Req(), "Dr Dadswell")
