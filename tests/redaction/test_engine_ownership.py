"""Who a detail belongs to in label/value blocks, table rows, headings and signature blocks."""

import pytest

from tests.redaction.engine_support import make_doc, propose, redacted_texts, surviving

pytestmark = pytest.mark.slow

REVIEW = """REVIEW OF ARRANGEMENTS FOR LORCAN HALLORAN

Young person:
Lorcan Halloran

Date of birth:
09/09/2009

NHS number:
943 476 5919

Mother:
Saoirse Halloran

NHS number:
401 023 2137

Discussion

Lorcan has settled well and says he enjoys the after-school drama club; he wants to carry on with it next term.
"""

FAMILY = """Family composition

Name
Relationship
Date of birth
Address

Lorcan Halloran
Subject
09/09/2009
7 Heron Close, Thame OX9 3LE

Saoirse Halloran
Mother
12/12/1985
7 Heron Close, Thame OX9 3LE

Fergus Nwosu
Partner
03/02/1983
22 Osier Way, Thame OX9 3LF

The family has lived in Thame for many years and Lorcan walks to school with his friends each morning.
"""

LETTER = """Re: Lorcan Halloran, DOB 09/09/2009, NHS No 943 476 5919

Lorcan's mother's NHS number is 401 023 2137. I will write again after the review meeting next month.

Yours sincerely,

Tamsin Baptiste
Social Worker, Northshire Children's Services
Tel: 01632 960 555
"""


def test_label_value_block_gives_each_number_to_the_name_above_it():
    plan = propose(make_doc("review.pdf", REVIEW))[0]
    texts = redacted_texts(plan)
    assert "943 476 5919" not in texts and "401 023 2137" in texts


def test_subjects_row_keeps_the_household_address_everywhere_and_other_rows_do_not():
    doc = make_doc("family.pdf", FAMILY)
    plan = propose(doc)[0]
    left = surviving(doc, plan)
    assert left.count("7 Heron Close, Thame OX9 3LE") == 2 and "09/09/2009" in left
    assert "22 Osier Way" not in left and "12/12/1985" not in left


def test_heading_line_and_signature_block_own_their_details():
    doc = make_doc("letter.pdf", LETTER)
    plan = propose(doc)[0]
    texts = redacted_texts(plan)
    # "Re:" heading: the subject's own NHS number; "mother's NHS number" is not the subject's.
    assert "943 476 5919" not in texts and "401 023 2137" in texts
    # The social worker's signature-block phone is kept.
    assert "01632 960 555" not in texts


ORGS = """Northshire County Council, Children's Services, Civic Centre, Market Street, Carlow CW1 4AB
Tel: 01632 960 100

Dr Ines Varga
Brookmead Surgery
Carlow CW2 9XY

Case note 06/06/2021
Saoirse Halloran has moved to 3 School Lane, Carlow CW3 1PQ with her new partner, and she gave her
new landline as 01632 960 777 when she called the duty desk on Friday afternoon about the review.
"""


def test_letterhead_and_practice_address_are_the_organisations_and_kept():
    doc = make_doc("orgs.pdf", ORGS)
    plan = propose(doc)[0]
    left = surviving(doc, plan)
    assert "Civic Centre, Market Street, Carlow CW1 4AB" in left and "01632 960 100" in left
    assert "Carlow CW2 9XY" in left
    # A street named after a school is not an organisation: the mother's new address goes.
    assert "School Lane" not in left and "01632 960 777" not in left


def test_a_relationship_word_between_the_subject_and_a_detail_breaks_ownership():
    text = (
        "Case note 07/07/2021\n"
        "Lorcan Halloran's friend's mobile is 07700 900444, and Lorcan Halloran's own mobile is 07700 900555.\n"
    )
    doc = make_doc("note.pdf", text)
    texts = redacted_texts(propose(doc)[0])
    assert "07700 900444" in texts and "07700 900555" not in texts


def test_email_header_labels_are_not_names():
    text = (
        "From: Tamsin Baptiste <tamsin.baptiste@northshire.gov.uk>\n"
        "Sent: 08 July 2021 10:02\n"
        "To: Ines Varga <ines.varga@nhs.net>\n"
        "Subject: Lorcan\n\n"
        "Ines - Lorcan's aunt Philippa Strand called again. Tamsin\n"
        "Sent from my iPhone\n"
    )
    doc = make_doc("mail.pdf", text)
    texts = redacted_texts(propose(doc)[0])
    assert "Sent" not in texts and "Philippa Strand" in texts


def test_email_with_a_surname_shared_by_a_third_party_goes_by_ownership():
    """Rule email-by-name: the subject's surname in a third party's address does not keep it."""
    from tests.redaction.engine_support import context as _ctx
    from tests.redaction.engine_support import make_doc as _doc
    from tests.redaction.engine_support import propose as _propose
    from tests.redaction.engine_support import surviving as _surviving

    doc = _doc("contact.pdf", "Contacts\nLorcan Halloran uses lorcan.halloran@mailbox-example.co.uk for school.\n"
               "Mother: Maeve Halloran, mh.halloran77@mailbox-example.co.uk\n")
    left = _surviving(doc, _propose(doc, ctx=_ctx())[0])
    assert "mh.halloran77@mailbox-example.co.uk" not in left
    # Negative row: the subject's own address (his given name in it) stays.
    assert "lorcan.halloran@mailbox-example.co.uk" in left
