"""Someone else who shares the subject's surname: a title, an initial or a relationship says so."""

import pytest

from tests.redaction.engine_support import context, make_doc, propose, redacted_texts, surviving

pytestmark = pytest.mark.slow

LETTER = """Mr K. Halloran
12 Quarry Row
Dear Mr Halloran,
Re: Lorcan Halloran (DOB 09/09/2009)
Thank you for meeting me on 3 May 2021. Lorcan would like to see you monthly. Miss Halloran agreed.
Signed: Tamsin Baptiste, Social Worker
"""
NOTE = """Case note 04/05/2021
Lorcan's uncle, Mrs Halloran, phoned. Lorcan Halloran said he likes school. Mrs Halloran will call again.
"""


def test_adult_title_or_other_initial_with_a_child_subjects_surname_is_someone_else():
    plans = propose(make_doc("letter.pdf", LETTER))
    texts = redacted_texts(plans[0])
    assert "Mr K. Halloran" in texts and "Mr Halloran" in texts
    left = surviving(make_doc("letter.pdf", LETTER), plans[0])
    # The child's own name and a title a child can carry stay.
    assert "Lorcan Halloran" in left and "Miss Halloran" in left


def test_relationship_word_next_to_the_surname_marks_a_relative_bundle_wide():
    plans = propose(make_doc("note.pdf", NOTE))
    left = surviving(make_doc("note.pdf", NOTE), plans[0])
    assert "Mrs Halloran" not in left and "Lorcan Halloran said" in left


def test_adult_subject_keeps_their_own_title_and_surname():
    ctx = context(subject="Kevin Halloran", dob="01/01/1980")
    text = "Visit 02/02/2021\nMr Halloran said he would attend. Kevin Halloran signed the plan.\n"
    plans = propose(make_doc("v.pdf", text), ctx=ctx)
    assert "Mr Halloran" not in " | ".join(redacted_texts(plans[0]))



def test_plural_family_surname_of_a_third_party_is_matched():
    from redaction.engine import _Decider
    from redaction.names import Person

    carer = Person(tokens=("Tremlett",))
    by_first = {"tremlett": [(("tremlett",), carer)]}
    text = "He is happy at the Tremletts' and the Tremletts have a dog. Tremletts Bakery. Mondays."
    hits = []
    for word in ("Tremletts'", "Tremletts have", "Tremletts Bakery"):
        ws = text.index(word)
        we = ws + len("Tremletts")
        hit = _Decider._family_plural(text, ws, we, by_first)
        hits.append(None if hit is None else (text[ws : hit[0]], hit[2] is carer))
    assert hits == [("Tremletts'", True), ("Tremletts", True), None]
    ws = text.index("Mondays")
    assert _Decider._family_plural(text, ws, ws + 7, by_first) is None



LETTER_TO_RELATIVE = """Mr {initial}. Halloran
12 Quarry Row

Dear Mr Halloran,

Re: Lorcan Halloran (DOB 09/09/2009)

Thank you for meeting me on 3 May 2021 to talk about contact with Lorcan at the family centre.
Ruairi, please do not contact Lorcan's school directly. Lorcan, you may ask me any questions.
Yours sincerely,
Tamsin Baptiste
Social Worker
"""


def test_first_name_addressing_a_third_party_recipient_is_redacted():
    doc = make_doc("letter.pdf", LETTER_TO_RELATIVE.format(initial="R"))
    left = surviving(doc, propose(doc)[0])
    assert "Ruairi" not in left and "Lorcan, you may" in left and "Tamsin Baptiste" in left


def test_vocative_with_another_initial_than_the_recipients_is_not_linked():
    doc = make_doc("letter.pdf", LETTER_TO_RELATIVE.format(initial="D"))
    left = surviving(doc, propose(doc)[0])
    assert "Ruairi, please" in left
