"""The subject's own data on their own record stays (redaction.subject_own), a relative's field does not.
One positive and one negative row per rule, through the real engine. Names, places and numbers are
invented for these tests."""

import pytest

from tests.redaction.engine_support import context, make_doc, propose, surviving

pytestmark = pytest.mark.slow


def _left(*lines: str) -> str:
    doc = make_doc("front.pdf", "\n".join(lines) + "\n")
    return surviving(doc, propose(doc, ctx=context(subject="Orla Venning", dob="04/04/2012"))[0])


# -- subject-front-sheet ----------------------------------------------------------------------------

def test_positive_practice_on_the_subjects_front_sheet_is_hers():
    left = _left("Community health journal",
                 "Patient: VENNING, Orla (Miss)  Next of kin: Tavish Renwick (uncle)",
                 "Registered GP: Hollowmere Surgery",
                 "Seen at home. Tavish Renwick present.")
    assert "Hollowmere Surgery" in left, left
    assert "Tavish" not in left, left


def test_negative_a_relatives_block_keeps_its_own_details_redacted():
    left = _left("Family details",
                 "Child: Orla Venning",
                 "Uncle: Tavish Renwick",
                 "NI number: JT 12 34 56 B",
                 "Seen at home.")
    assert "JT 12 34 56 B" not in left, left


# -- subject-labelled-field -------------------------------------------------------------------------

def test_positive_a_field_labelled_as_the_childs_is_the_subjects():
    left = _left("Referral",
                 "Referral from Tavish Renwick (neighbour) about Orla Venning, who he says is often alone and",
                 "cold; Tavish Renwick lives next door.",
                 "Child's address: 14 Quillbrook Close, Dunmere DN4 7QX",
                 "Orla Venning attends Sallowfield School.")
    assert "14 Quillbrook Close" in left, left


def test_negative_a_field_labelled_as_a_relatives_stays_redacted():
    left = _left("Referral",
                 "Referral from Tavish Renwick (neighbour) about Orla Venning, who he says is often alone and",
                 "cold; Tavish Renwick lives next door.",
                 "Neighbour's address: 14 Quillbrook Close, Dunmere DN4 7QX",
                 "Orla Venning attends Sallowfield School.")
    assert "14 Quillbrook Close" not in left, left
