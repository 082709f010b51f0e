"""Initials are judged by redaction.english.ordinary_capitals, not the lemma table (rules initials-of-named-person
and relation-initials). The lemma table lists nearly every pair of letters ("kd", "ab", "dm") as a WordNet
abbreviation, so with it undefined initials were almost never redacted. Wording invented for these tests."""

from __future__ import annotations

from redaction.english import ordinary_capitals
from tests.redaction.engine_support import context, make_doc, propose, surviving


def test_positive_letters_the_lemma_table_knows_are_still_initials():
    ctx = context(subject="Odile Marchetti", dob="01/01/2014")
    doc = make_doc("a.pdf", "Assessment of the mother, Karina Dobos.\nKD was warm with OM but tired.\n")
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "KD" not in left and "OM" in left
    assert not ordinary_capitals("KD") and not ordinary_capitals("AB")


def test_negative_ordinary_capitals_stay_even_when_a_third_partys_initials_match():
    ctx = context(subject="Odile Marchetti", dob="01/01/2014")
    doc = make_doc("a.pdf", "Assessment of the uncle, Ivo Tanner.\nIT support fixed the laptop; PE is on Monday.\n")
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "IT support" in left
    assert ordinary_capitals("IT") and ordinary_capitals("SW") and ordinary_capitals("PE")
