"""Professional evidence from job titles and agencies written in any form (issue 10): one positive and
one negative row per rule."""

import pytest

from tests.redaction.engine_support import context, make_doc, propose, redacted_texts

pytestmark = pytest.mark.slow


def test_job_title_after_the_name_makes_a_professional():
    doc = make_doc("note.pdf", "Case note\nQuillon Brask, Child Exploitation Navigator, phoned about the plan.\n"
                   "Doran Vesk, Foster Carer, phoned too.\nQuillon Brask will visit. Doran Vesk agreed.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert not any("Quillon" in t for t in texts), texts
    # Negative row: a carer's role in the same position is family, not a job title.
    assert "Doran Vesk" in texts


def test_agency_in_brackets_makes_a_professional():
    doc = make_doc("core.pdf", "Core group\nPresent: Quillon Brask (health); Doran Vesk (uncle).\n"
                   "Quillon Brask gave an update. Doran Vesk said little.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert not any("Quillon" in t for t in texts), texts
    assert "Doran Vesk" in texts


def test_a_lone_given_name_after_a_role_label_is_what_is_reported_not_the_professional():
    doc = make_doc("core.pdf", "Core group\nDoran Vesk (uncle) and Mira Vesk (cousin) attended.\n"
                   "- Health visitor: Mira is gaining weight.\n- Health visitor: Quillon Brask\n"
                   "Quillon Brask will visit again.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert "Mira" in texts and "Mira Vesk" in texts, texts
    # Negative row: a full name after the role label is the professional.
    assert not any("Quillon" in t for t in texts), texts


def test_a_place_someone_goes_is_not_their_employer():
    doc = make_doc("chron.pdf", "Chronology\nDoran Vesk (uncle) and Mira Vesk (cousin) visited.\n"
                   "Unannounced visit: Doran collecting Mira from school alone.\n"
                   "Quillon Brask from the school nursing team attended.\nQuillon Brask rang later.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert "Mira Vesk" in texts and "Mira" in texts, texts
    # Negative row: an affiliation that names the body is still evidence.
    assert not any("Quillon" in t for t in texts), texts
