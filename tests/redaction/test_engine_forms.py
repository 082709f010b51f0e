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
