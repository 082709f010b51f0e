"""Name forms the bundle-wide tracker must follow (issue 10): one positive and one negative row each."""

import pytest

from tests.redaction.engine_support import make_doc, propose, redacted_texts

pytestmark = pytest.mark.slow


def test_lower_case_form_of_a_third_party_name_is_redacted_in_messages():
    note = make_doc("note.pdf", "Visit note\nQuillon Brask, the mother's partner, was present.\n")
    chat = make_doc("chat.pdf", "[14/03/2025 21:06] lorcan: quillon is here again\n")
    texts = {t for plan in propose(note, chat) for t in redacted_texts(plan)}
    assert "quillon" in texts


def test_lower_case_dictionary_word_is_not_taken_for_a_surname():
    note = make_doc("note.pdf", "Visit note\nDoran Read, the mother's partner, was present.\n")
    chat = make_doc("chat.pdf", "[14/03/2025 21:06] lorcan: did u read it\n")
    plans = propose(note, chat)
    assert "Doran Read" in redacted_texts(plans[0])
    assert "read" not in redacted_texts(plans[1])


def test_part_of_a_multi_part_surname_is_still_the_subject():
    from tests.redaction.engine_support import context

    doc = make_doc("note.pdf", "Case note\nQuillon Brask da Vesk was seen at school. Quillon Brask said he was fine.\n"
                   "His sister Mira Brask da Vesk was at home.\n")
    texts = redacted_texts(propose(doc, ctx=context(subject="Quillon Brask da Vesk"))[0])
    assert "Quillon Brask" not in texts
    # Negative row: a sibling who shares the multi-part surname is not the subject.
    assert any(t.startswith("Mira") for t in texts), texts


def test_a_town_before_an_agency_word_is_a_body_not_a_person():
    letter = make_doc("letter.pdf", "Kestrelford CAMHS, Northshire Health NHS Foundation Trust\nDear Dr Brask,\n"
                      "Doran Vesk (uncle) attended with Lorcan.\n")
    other = make_doc("table.pdf", "Dr Quillon Brask\nConsultant Psychiatrist, Kestrelford CAMHS\n")
    texts = {t for plan in propose(letter, other) for t in redacted_texts(plan)}
    assert "Kestrelford" not in texts, texts
    # Negative row: the third party on the same page is still proposed.
    assert "Doran Vesk" in texts
