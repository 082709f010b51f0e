"""Keep/redact behaviour for people, on synthetic pages (no PDF needed)."""

import pytest

from redaction.engine import DocumentPlan
from tests.redaction.engine_support import context, make_doc, propose, redacted_texts, surviving

pytestmark = pytest.mark.slow

VISIT = """Home Visit Record
Child: Lorcan Halloran   DOB: 09/09/2009   Case ref: CS-100200
Date of visit: 01/05/2021   Worker: Tamsin Baptiste, Social Worker
Present: Lorcan, Saoirse Halloran (mother), Fergus Nwosu (mother's partner), Caspar (half-sibling).
Fergus answered the door. He gave his mobile number as 07700 900123 and his date of birth as 03/02/1983.
Lorcan told me privately that he does not like it when Fergus shouts. Saoirse said Caspar's asthma is worse.
Lorcan's NHS number is 547 593 8245.
Signed: Tamsin Baptiste, Social Worker, 01/05/2021
"""

STRATEGY = """Strategy Discussion Minutes
Name
Role
Agency
Ingrid Okafor
Health Visitor
Northshire NHS Trust
Emeka Wojcik Police Constable
Northshire Police
Information shared
Emeka Wojcik reported that Mr Nwosu has two previous convictions. FERGUS NWOSU was interviewed.
Ingrid Okafor shared that Saoirse had disclosed low mood. Her NHS number is 401 023 2137.
Kind regards,
Niamh Delacroix
Designated Safeguarding Lead
"""


@pytest.fixture(scope="module")
def plans() -> list[DocumentPlan]:
    return propose(make_doc("visit.pdf", VISIT), make_doc("strategy.pdf", STRATEGY))


def test_subject_names_dob_and_own_nhs_number_are_kept(plans):
    for plan in plans:
        texts = " | ".join(redacted_texts(plan))
        assert "Lorcan" not in texts and "09/09/2009" not in texts and "547 593 8245" not in texts


def test_subject_surname_is_never_redacted_when_a_mother_shares_it(plans):
    visit = redacted_texts(plans[0])
    assert "Saoirse Halloran" in visit
    assert "Halloran" not in [t for t in visit if t != "Saoirse Halloran"]
    left = surviving(make_doc("visit.pdf", VISIT), plans[0])
    assert "Lorcan Halloran" in left and "Saoirse" not in left


def test_staff_directory_and_context_professionals_are_kept(plans):
    texts = " | ".join(t for plan in plans for t in redacted_texts(plan))
    for name in ("Tamsin Baptiste", "Ingrid Okafor", "Emeka Wojcik", "Niamh Delacroix"):
        assert name not in texts


def test_third_party_tracked_across_the_bundle_in_every_form(plans):
    left = surviving(make_doc("strategy.pdf", STRATEGY), plans[1])
    # "Fergus Nwosu" is only named in the visit record; the strategy page says "Mr Nwosu",
    # "FERGUS NWOSU" and "Saoirse".
    assert "Nwosu" not in left and "NWOSU" not in left and "FERGUS" not in left and "Saoirse" not in left
    visit = surviving(make_doc("visit.pdf", VISIT), plans[0])
    assert "Fergus" not in visit and "Caspar" not in visit


def test_third_party_details_redacted_with_the_third_party_code(plans):
    by_text = {" ".join(p.text.split()): p for p in plans[0].proposals}
    for text in ("07700 900123", "03/02/1983"):
        assert by_text[text].code == "SCH2-P16-THIRD-PARTY"
    strategy = {" ".join(p.text.split()): p for p in plans[1].proposals}
    assert strategy["401 023 2137"].entity_type == "UK_NHS"


def test_proposals_carry_boxes_reason_and_score(plans):
    for p in plans[0].proposals:
        assert p.boxes and p.reason and 0 < p.score <= 1 and p.recognizer
        assert "Fergus" not in p.reason  # reasons go to the requester and never name anyone


def test_possessive_and_name_split_across_lines():
    doc = make_doc(
        "note.pdf",
        "Case note. The referrer was the neighbour, Chidinma Hargreaves. Later on\n"
        "Chidinma\nHargreaves's son called. Hargreaves's car was outside.",
    )
    plan = propose(doc)[0]
    left = surviving(doc, plan)
    assert "Chidinma" not in left and "Hargreaves" not in left


def test_workers_give_identical_results():
    docs = [make_doc(f"d{i}.pdf", VISIT, STRATEGY) for i in range(5)]
    one = propose(*docs, workers=1)
    two = propose(*docs, workers=2)
    assert one == two


def test_known_party_decisions_and_foi_regime():
    from redaction.context import KnownParty

    ctx = context(parties=(KnownParty("Saoirse Halloran", "mother", "disclose"),), regime="foi")
    doc = make_doc("visit.pdf", VISIT)
    plan = propose(doc, ctx=ctx)[0]
    texts = redacted_texts(plan)
    assert "Saoirse Halloran" not in texts
    assert {p.code for p in plan.proposals} <= {"FOIA-S40-2", "FOIA-S42", "FOIA-S38"}


RECORDING = """CASE RECORDING
Date: 03/03/2022  Author: Helen Archer
Kayden's mum Gemma rang to say that her new boyfriend, Liam Hunt, will be moving in. Liam's
date of birth is 17.9.1990. Gemma's mobile 07911 123456. Mr Hunt works as a delivery driver and
his van registration is KX19 ABC. Gemma asked me not to tell Kayden's dad, Wayne Moss, who lives
at 4 Tanners Row, Leek ST13 5HG. Wayne's NI number is NH 12 34 56 A.
Kayden's GP is Dr Patel at Leek Health Centre. School: Westwood Academy (DSL Mrs Khan).
"""
CORE_GROUP = """Minutes of Core Group Meeting 10/03/2022
Attendees: Helen Archer (SW), Mrs Khan (DSL, Westwood Academy), PC 4521 Dave Lowe, Gemma Moss (mother)
Apologies: Dr Patel
GEMMA MOSS SAID THAT LIAM HUNT HAS BEEN SUPPORTIVE. PIOTR NOWAK ARRIVED LATE.
Mrs Moss agreed to the plan. Liam did not attend.
"""


def test_capitals_titles_with_the_subject_surname_and_collar_numbers():
    ctx = context("Kayden Moss", "14/02/2011", (("Helen Archer", "Social Worker"),))
    docs = [make_doc("rec.pdf", RECORDING), make_doc("cg.pdf", CORE_GROUP)]
    plans = propose(*docs, ctx=ctx)
    rec, cg = (surviving(d, p) for d, p in zip(docs, plans, strict=True))
    # Names in capitals without a cue, and a title with the subject's surname meaning the mother.
    assert "GEMMA" not in cg and "LIAM" not in cg and "NOWAK" not in cg and "Mrs Moss" not in cg
    assert "ARRIVED LATE" in cg
    # A cell-ending line break does not glue "Dr Patel" to the next line's name; professionals stay.
    for kept in ("Dr Patel", "Mrs Khan", "Dave Lowe", "Helen Archer", "Kayden"):
        assert kept in rec + cg, kept
    for gone in ("Gemma", "07911 123456", "Mr Hunt", "KX19 ABC", "Tanners Row", "17.9.1990", "NH 12 34 56 A"):
        assert gone not in rec, gone


def test_label_blocks_belong_to_the_name_at_their_top():
    doc = make_doc("h.pdf", "Child's details\nName: Lorcan Halloran\nDate of birth: 09/09/2009\nNHS No: 401 023 2137\n"
                            "Mother: Saoirse Halloran\nNHS No: 943 476 5919\nTel: 07700 900111\n")
    left = surviving(doc, propose(doc)[0])
    assert "401 023 2137" in left and "Lorcan Halloran" in left and "09/09/2009" in left
    assert "943 476 5919" not in left and "07700 900111" not in left and "Saoirse" not in left


def test_detection_pool_stays_warm_between_bundles():
    """Issue 10: the engine keeps its pool of detection processes for its lifetime (no pool and no
    model load per call); results do not depend on it."""
    from redaction.engine import RedactionEngine

    docs = [make_doc(f"d{i}.pdf", *([VISIT] * 5)) for i in range(2)]
    engine = RedactionEngine()
    try:
        first = engine.propose(docs, context(), workers=2)
        pool = engine._executor
        second = engine.propose(docs, context(), workers=2)
        assert pool is not None and engine._executor is pool
        assert [p.proposals for p in first] == [p.proposals for p in second]
        assert [p.proposals for p in first] == [p.proposals for p in engine.propose(docs, context(), workers=1)]
    finally:
        engine.close()
    assert engine._executor is None
