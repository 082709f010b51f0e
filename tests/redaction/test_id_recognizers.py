"""Identifier recognizers of redaction.detectors.ids in the real analyzer: one positive and one negative
row each (issue 10). The negative rows are the same shapes without the context that makes them an
identifier, or shapes that are something else."""

import pytest

from tests.redaction.engine_support import shared_engine

pytestmark = pytest.mark.slow

ROWS = [
    # (entity, text, value, found?)
    ("UK_PNC", "His PNC ID is 19/482213K.", "19/482213K", True),
    ("UK_PNC", "Seen on 19/04/2021 at 10.", "19/04/2021", False),
    ("PRISON_NUMBER", "HMPPS prison number G7889WX.", "G7889WX", True),
    ("PRISON_NUMBER", "The form code G7889WX was used.", "G7889WX", False),
    ("UK_PASSPORT", "Passport 561204877 (Nigerian).", "561204877", True),
    ("UK_PASSPORT", "Invoice 561204877 was paid.", "561204877", False),
    ("SOCIAL_HANDLE", "Added her on Instagram as @emre.yldz80 last week.", "@emre.yldz80", True),
    ("SOCIAL_HANDLE", "E-mail emre.yldz80@example.com please.", "@example.com", False),
    ("UK_BANK_DETAILS", "Bank: sort code 70-15-91, account 43917265.", "70-15-91", True),
    ("UK_BANK_DETAILS", "Bank: sort code 70-15-91, account 43917265.", "43917265", True),
    ("UK_BANK_DETAILS", "The meeting is on 20-04-25 in room 43917265.", "20-04-25", False),
    ("AGE", "Her partner, aged 34, was present.", "aged 34", True),
    ("AGE", "The house has been empty for 34 weeks.", "34 weeks", False),
]


@pytest.mark.parametrize(("entity", "text", "value", "found"), ROWS)
def test_identifier_rows(entity, text, value, found):
    results = shared_engine().analyzer.analyze(text, language="en")
    got = {text[r.start:r.end] for r in results if r.entity_type == entity}
    assert (value in got) is found, (entity, text, got)


DOB_ROWS = [
    ("Partner: Doran Vesk, born 1999-02-17.", "1999-02-17", True),
    ("Doran Vesk, DOB 5th Jan 87, was present.", "5th Jan 87", True),
    ("The review on 1999-02-17 was cancelled.", "1999-02-17", False),
    ("On 3 March 12 children attended the group.", "3 March 12", False),
]


@pytest.mark.parametrize(("text", "value", "found"), DOB_ROWS)
def test_date_of_birth_in_iso_and_two_digit_year_forms(text, value, found):
    """Issue 10: DOBs in ISO and written two-digit-year forms; a date without a birth cue is not one."""
    results = shared_engine().analyzer.analyze(text, language="en")
    got = {text[r.start:r.end] for r in results if r.entity_type == "DATE_OF_BIRTH"}
    assert (value in got) is found, got


def test_the_subjects_iso_dob_is_kept_and_a_third_partys_redacted():
    from tests.redaction.engine_support import context, make_doc, propose, redacted_texts

    doc = make_doc("police.pdf", "Police notification\nChild: Lorcan Halloran (DOB 2009-09-09)\n"
                   "Doran Vesk, the mother's partner, DOB 1983-02-03, was arrested.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    # The third party's date may go inside their withheld sentence ("... was arrested": rule
    # tp-owner-sensitive); either way it is redacted, and the subject's date is in no redaction.
    assert any("1983-02-03" in t for t in texts) and not any("2009-09-09" in t for t in texts), texts
