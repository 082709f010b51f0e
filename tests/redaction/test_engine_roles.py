"""Job titles and role phrases are never names."""

import pytest

from tests.redaction.engine_support import make_doc, propose, surviving

pytestmark = pytest.mark.slow

CLINIC = """Brookmead CAMHS
Re: Lorcan Halloran, DOB 09/09/2009

Dear Dr Varga,

I saw Lorcan today with his social worker. He described poor sleep and I will see him in a month.

Yours sincerely,

Dr Wendeline Oyelaran-Pryce
Consultant Clinical Psychologist and Adolescent Psychotherapist
cc: Tamsin Baptiste, Social Worker, Adolescent Service
"""

REVIEW = """Placement review 02/02/2021
Foster carers:
Ottoline and Barnaby Quennell
Lorcan says his Foster carers help him with homework and he is happy living with them.
"""


def test_job_titles_and_service_names_are_not_redacted():
    doc = make_doc("clinic.pdf", CLINIC)
    left = surviving(doc, propose(doc)[0])
    assert "Consultant Clinical Psychologist and Adolescent Psychotherapist" in left
    assert "Social Worker, Adolescent Service" in left


def test_foster_carers_is_a_role_not_a_surname():
    doc = make_doc("review.pdf", REVIEW)
    left = surviving(doc, propose(doc)[0])
    assert left.count("Foster carers") == 2 and "Quennell" not in left and "Ottoline" not in left


def test_role_stated_only_in_a_withheld_legal_note_applies_bundle_wide():
    legal = (
        "LEGAL PLANNING MEETING\nLegally privileged\n"
        "Present: Cordelia Ashworth-Bligh (Team Manager); Tamsin Baptiste (Social Worker)\n"
        "Advice: the threshold is met.\n"
    )
    visit = "Home visit 03/03/2021\nLorcan was at home. I will share this record with Cordelia Ashworth-Bligh.\n"
    docs = [make_doc("legal.pdf", legal), make_doc("visit.pdf", visit)]
    plans = propose(*docs)
    assert "Cordelia Ashworth-Bligh" in surviving(docs[1], plans[1])
