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
