"""Legal professional privilege and serious-harm locating details."""

import pytest

from tests.redaction.engine_support import make_doc, propose, surviving

pytestmark = pytest.mark.slow

LEGAL = """Legal Planning Meeting - Notes
PRIVILEGED AND CONFIDENTIAL
Child: Lorcan Halloran   Date: 07/06/2021
The threshold criteria are likely to be met on the evidence of neglect.
"""
LEGAL_PAGE_2 = """Counsel recommends that an application is issued within four weeks."""

CASE_NOTE = """Case note 12/03/2021
Lorcan is settled at home and attending school.

Legal Services advised that the expert report should not be shared with the father until the court
has given permission. They also advised that contact should remain supervised.

Next visit in ten working days.
"""

PLACEMENT = """Looked After Child Review
Lorcan has been placed with foster carers Imogen and Tobias MacLeod since the last review. The carers'
address is 79 Quarry Rise, Penrith CA11 7XY and their home telephone is 01655 196083.
Lorcan's half-sibling Caspar is now placed for adoption and attends Heronsgate Academy.
Lorcan still attends Fellside Primary School and is registered at Eden Valley Surgery.
"""


def test_legal_advice_document_is_withheld_page_by_page():
    doc = make_doc("legal.pdf", LEGAL, LEGAL_PAGE_2)
    plan = propose(doc)[0]
    pages = [p for p in plan.proposals if p.entity_type == "LEGAL_ADVICE"]
    assert [p.page for p in pages] == [0, 1]
    for p in pages:
        assert p.code == "SCH2-P19-LPP" and p.start == 0 and p.end == len(doc.pages[p.page].text)
        assert len(p.boxes) == 1 and p.boxes[0].x1 == 595 and p.boxes[0].y1 == 842


def test_legal_passage_inside_a_case_note_is_a_paragraph_proposal():
    doc = make_doc("note.pdf", CASE_NOTE)
    plan = propose(doc)[0]
    legal = [p for p in plan.proposals if p.entity_type == "LEGAL_ADVICE"]
    assert len(legal) == 1 and legal[0].code == "SCH2-P19-LPP"
    left = surviving(doc, plan)
    assert "expert report" not in left and "remain supervised" not in left
    assert "settled at home" in left and "Next visit" in left


def test_serious_harm_for_carers_address_phone_and_adoptive_school():
    doc = make_doc("placement.pdf", PLACEMENT)
    plan = propose(doc)[0]
    by_text = {" ".join(p.text.split()): p for p in plan.proposals}
    assert by_text["79 Quarry Rise, Penrith CA11 7XY"].code == "SCH3-SERIOUS-HARM"
    assert by_text["01655 196083"].code == "SCH3-SERIOUS-HARM"
    assert by_text["Heronsgate Academy"].code == "SCH3-SERIOUS-HARM"
    # Foster carers' names are third parties; the subject's own school and GP stay.
    assert by_text["Imogen"].code == "SCH2-P16-THIRD-PARTY"
    left = surviving(doc, plan)
    assert "MacLeod" not in left and "Caspar" not in left
    assert "Fellside Primary School" in left and "Eden Valley Surgery" in left


def test_advice_whose_cue_starts_on_a_heading_line_is_withheld_to_the_end_of_its_paragraph():
    """Issue 10: "Legal" as a one-word heading, then "Advice from Legal Services: ..." wrapping over lines."""
    text = ("Supervision record\nRisk and analysis\nThe risk remains high while he has access to the home.\nLegal\n"
            "Advice from Legal Services on 29 January: the incidents so far would not on their own meet threshold\n"
            "for an application, but a further injury with a consistent account would.\nManagement direction\n"
            "Update the chronology within two weeks.\n")
    doc = make_doc("supervision.pdf", text)
    left = surviving(doc, propose(doc)[0])
    assert "meet threshold" not in left and "consistent account" not in left
    # Negative rows: the text before and after the advice stays.
    assert "The risk remains high" in left and "Update the chronology" in left
