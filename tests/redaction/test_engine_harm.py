"""Serious-harm locating details: what counts as a placement cue, and the subject's own school."""

import pytest

from tests.redaction.engine_support import make_doc, propose, surviving

pytestmark = pytest.mark.slow

REFERRAL = """Contact record 03/03/2021
Child: Lorcan Halloran   DOB: 09/09/2009
School: Brackenfold Academy
Lorcan is known to Brackenfold Academy as a young carer for his mother.
A carer's assessment for Lorcan will be offered by the young carers service.
"""

REVIEW = """Looked After Child Review 04/04/2021
Lorcan attends Brackenfold Academy and is doing well with his foster carers.
His half-brother Caspar is placed for adoption and attends Sallowmere Primary School.
"""


def test_young_carer_is_not_a_placement_cue_and_the_subjects_school_is_kept():
    docs = [make_doc("referral.pdf", REFERRAL), make_doc("review.pdf", REVIEW)]
    plans = propose(*docs)
    for doc, plan in zip(docs, plans, strict=True):
        assert "Brackenfold Academy" in surviving(doc, plan)
    review = {" ".join(p.text.split()): p.code for p in plans[1].proposals}
    assert review["Sallowmere Primary School"] == "SCH3-SERIOUS-HARM"
