"""The child gate (rulebook T-4, issue 16) follows every kind of evidence that the data subject is a child:
date of birth, a recorded age, looked-after status, a description as a child or young person; and fails
closed when a parent asks and nothing shows the age. One positive and one negative row per branch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sar.core.errors import Conflict, ValidationError
from sar.intake import parties, voice
from sar.release import entitlement, letters
from tests.sar._docs import make_team
from tests.sar.test_voice import _open, _own_request, _submit


@pytest.fixture
def team(session):
    return make_team(session)


def _subject(session, settings, team, now, **changes):
    """A parent's request about a subject with no date of birth, then ``changes`` recorded on the subject."""
    req = _open(session, settings, team, now, dob=None)
    if changes:
        parties.update_party(session, req.party("data_subject"), actor=team.officer, now=now, **changes)
    return req


@pytest.mark.parametrize("changes, child, reason", [
    ({"dob": date(2012, 6, 1)}, True, "date of birth gives age 13"),
    ({"dob": date(2000, 1, 1)}, False, "date of birth gives age 26"),
    ({"age": 15}, True, "recorded age 15"),
    ({"age": 18}, False, "recorded age 18"),
    ({"looked_after": True}, True, "a looked-after child"),
    ({"relationship": "Young  Person"}, True, "recorded as young person"),
    ({"relationship": "child"}, True, "recorded as child"),
    ({"relationship": "son"}, None, ""),                     # says nothing about age
    ({}, None, ""),
    # A date of birth or an age decides: an adult by date of birth is not made a child by a description.
    ({"dob": date(2000, 1, 1), "looked_after": True}, False, "date of birth gives age 26"),
    ({"age": 30, "relationship": "child"}, False, "recorded age 30"),
])
def test_child_evidence_reads_every_kind_of_evidence(session, settings, now, team, changes, child, reason):
    req = _subject(session, settings, team, now, **changes)
    assert entitlement.child_evidence(req.party("data_subject"), req.received_on) == (child, reason)
    assert entitlement.child_rule_applies(req) is (child is True)
    assert entitlement.age_unknown(req) is (child is None)


@pytest.mark.parametrize("changes", [{"age": 15}, {"looked_after": True}, {"relationship": "young person"}])
def test_gate_stops_a_parent_request_for_a_child_shown_by_other_evidence(session, settings, now, team, changes):
    req = _subject(session, settings, team, now, **changes)
    with pytest.raises(Conflict, match="record the child's competence and views"):
        _submit(session, settings, team, now, req)
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True, age=15,
                       views="consents", views_text="mum can see it")
    assert _submit(session, settings, team, now, req).status == "pending"


def test_recorded_age_is_the_assessment_age(session, settings, now, team):
    req = _subject(session, settings, team, now, age=14)
    row = voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                             views="consents", views_text="fine")
    assert row.age == 14


def test_looked_after_child_without_an_age_needs_one_given(session, settings, now, team):
    req = _subject(session, settings, team, now, looked_after=True)
    with pytest.raises(ValidationError, match="give the child's age"):
        voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True,
                           views="consents", views_text="fine")


def test_adult_by_recorded_age_passes_the_gate(session, settings, now, team):
    req = _subject(session, settings, team, now, age=19)
    assert entitlement.child_problems(req) == []
    assert _submit(session, settings, team, now, req).status == "pending"


def test_unknown_age_fails_closed_until_the_officer_records_it(session, settings, now, team):
    req = _subject(session, settings, team, now)
    assert entitlement.age_unknown(req)
    with pytest.raises(Conflict, match="age is unknown"):
        _submit(session, settings, team, now, req)
    # The assessment records the age nothing else showed, and the gate then follows it.
    voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True, age=13,
                       views="consents", views_text="fine")
    assert req.party("data_subject").age_years == 13 and not entitlement.age_unknown(req)
    assert _submit(session, settings, team, now, req).status == "pending"


def test_unknown_age_recorded_as_adult_needs_no_assessment(session, settings, now, team):
    req = _subject(session, settings, team, now)
    with pytest.raises(ValidationError, match="not a request made by someone else about a child"):
        voice.assess_child(session, req, actor=team.officer, now=now, settings=settings, competent=True, age=17 + 8,
                           views="consents", views_text="fine")
    parties.update_party(session, req.party("data_subject"), actor=team.officer, now=now, age=25)
    assert entitlement.child_problems(req) == []


def test_unknown_age_with_a_solicitor_is_not_a_parental_request(session, settings, now, team):
    req = _subject(session, settings, team, now)
    parties.update_party(session, req.party("representative"), actor=team.officer, now=now, capacity="solicitor")
    assert not entitlement.age_unknown(req) and entitlement.child_problems(req) == []


def test_own_request_is_never_gated_whatever_the_age(session, settings, now, team):
    req = _own_request(session, settings, team, now, None)
    parties.update_party(session, req.party("data_subject"), actor=team.officer, now=now, age=13)
    assert not entitlement.child_rule_applies(req) and not entitlement.age_unknown(req)
    # ... but the young person gets the child-friendly letters, from the recorded age too.
    assert letters.letter_format(req) == "young_person"
    parties.update_party(session, req.party("data_subject"), actor=team.officer, now=now, age=40)
    assert letters.letter_format(req) == "standard"


@pytest.mark.parametrize("age_setting, competent, ok", [(12, True, True), (16, True, False), (16, False, True)])
def test_competence_age_is_configurable_with_a_recorded_age(session, settings, now, team, age_setting, competent,
                                                            ok):
    req = _subject(session, settings, team, now, age=14)
    cfg = replace(settings, child_competence_age=age_setting)
    call = lambda: voice.assess_child(session, req, actor=team.officer, now=now, settings=cfg,  # noqa: E731
                                      competent=competent, views="consents", views_text="fine")
    if ok:
        assert call().competent is competent
    else:
        with pytest.raises(ValidationError, match="presumed not competent"):
            call()


@pytest.mark.parametrize("changes, message", [
    ({"age": -1}, "between 0 and"), ({"age": 500}, "between 0 and"), ({"age": "ten"}, "whole number"),
    ({"age": True}, "whole number"), ({"looked_after": "yes"}, "yes or no"),
])
def test_bad_age_evidence_is_refused(session, settings, now, team, changes, message):
    req = _subject(session, settings, team, now)
    with pytest.raises(ValidationError, match=message):
        parties.update_party(session, req.party("data_subject"), actor=team.officer, now=now, **changes)
