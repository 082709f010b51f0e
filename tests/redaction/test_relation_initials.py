"""Rule relation-initials (redaction.relation_initials): relatives written only as initials. Wording invented."""

from __future__ import annotations

from redaction.relation_initials import relation_initials
from tests.redaction.engine_support import make_doc, propose, redacted_texts


def _no_words(_w: str) -> bool:
    return False


def test_positive_letters_after_a_relationship_word_are_a_relative():
    assert relation_initials("Lorcan's stepmother (KD) rang the school.", _no_words, set()) == [("KD", "stepmother")]
    assert relation_initials("The maternal aunt, RMP, attended.", _no_words, set()) == [("RMP", "aunt")]
    assert relation_initials("Later his uncle JT said he would help.", _no_words, set()) == [("JT", "uncle")]


def test_negative_role_abbreviations_words_and_the_subjects_initials_are_not():
    assert relation_initials("His mother (SW) told us.", _no_words, set()) == []  # a role abbreviation
    assert relation_initials("The father IS the carer.", lambda w: w == "is", set()) == []  # a word
    assert relation_initials("Her brother (LH) came.", _no_words, {"LH"}) == []  # the subject's initials
    assert relation_initials("The mother (Kd) came.", _no_words, set()) == []  # not capitals


def test_positive_engine_redacts_the_initials_throughout_the_document():
    doc = make_doc("chron.pdf", "Lorcan's stepmother (KD) called.\nKD said she had been unwell.", "Page two: KD left.")
    texts = redacted_texts(propose(doc)[0])
    assert texts.count("KD") == 3


def test_negative_engine_leaves_the_same_letters_in_another_document():
    first = make_doc("chron.pdf", "Lorcan's stepmother (KD) called.")
    other = make_doc("minutes.pdf", "Item KD on the agenda was deferred.")
    plans = propose(first, other)
    assert "KD" in redacted_texts(plans[0]) and "KD" not in redacted_texts(plans[1])
