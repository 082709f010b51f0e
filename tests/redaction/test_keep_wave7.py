"""Keep rate, wave 7 (issue 10): the subject's declared names and professionals' own work addresses.

One positive and one negative row per rule; every sentence is invented for this file.
"""

import pytest

from redaction.role_evidence import work_email_locals
from redaction.subject_aliases import declared_subject_aliases
from tests.redaction.engine_support import context, make_doc, propose, redacted_texts

SUBJECT = ("Lorcan Halloran",)


# -- rule subject-alias-label (redaction.subject_aliases) -------------------------------------------

def test_a_preferred_name_under_the_subjects_name_is_the_subjects():
    assert declared_subject_aliases(["Front sheet\nName: HALLORAN, Lorcan\nPreferred name: Lorky\n"], SUBJECT) \
        == ("Lorky",)
    # Stacked cells, the label wrapped over two lines.
    assert declared_subject_aliases(["Child\nLorcan Halloran\nPreferred\nname\nLorky\nDOB\n"], SUBJECT) == ("Lorky",)


def test_a_relatives_known_as_is_not_the_subjects():
    # Negative rows: the nearest name above is a relative's block, or nobody's.
    assert declared_subject_aliases(["Child\nLorcan Halloran\nMother\nOrla Halloran\nKnown as\nOrlo\n"], SUBJECT) == ()
    assert declared_subject_aliases(["Referral\nKnown as: Orlo\nMobile: 07700 900123\n"], SUBJECT) == ()
    assert declared_subject_aliases(["Name: Lorcan Halloran\nKnown as: Mother\n"], SUBJECT) == ()


@pytest.mark.slow
def test_the_subjects_declared_name_and_details_under_it_are_kept():
    doc = make_doc("sheet.pdf", "Front sheet\nName: HALLORAN, Lorcan\nPreferred name: Lorky\nMobile: 07700 900123\n"
                   "Lorky said school was fine.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert texts == [], texts


@pytest.mark.slow
def test_a_relatives_declared_name_and_details_stay_redacted():
    doc = make_doc("sheet.pdf", "Front sheet\nChild\nLorcan Halloran\nMother\nOrla Halloran\nKnown as\nOrlo\n"
                   "Mobile\n07700 900123\nOrlo rang the office.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert "Orlo" in texts and "07700 900123" in texts, texts


# -- rule subject-stacked-field with a PNC label (lexicon/subject_fields.txt) ------------------------

@pytest.mark.slow
def test_the_subjects_pnc_id_on_a_stacked_front_sheet_is_kept():
    doc = make_doc("yj.pdf", "Case note\nYoung person\nHALLORAN, Lorcan\nPNC ID\n21/904417Q\nOrder\nReferral order\n")
    assert "21/904417Q" not in redacted_texts(propose(doc, ctx=context())[0])


@pytest.mark.slow
def test_a_relatives_pnc_id_on_a_stacked_sheet_is_redacted():
    doc = make_doc("yj.pdf", "Associates\nName\nDoran Vesk\nRelationship\nuncle\nPNC ID\n21/904417Q\nOrder\nNone\n")
    assert "21/904417Q" in redacted_texts(propose(doc, ctx=context())[0])


# -- rule own-work-email (redaction.role_evidence) ---------------------------------------------------

def test_work_email_local_parts_are_read_only_on_work_domains():
    assert work_email_locals(["Contact quillon.brask2@northvale.gov.uk or q.brask@example.com"]) == {"quillon.brask"}


@pytest.mark.slow
def test_a_name_over_its_own_work_address_is_a_professional():
    doc = make_doc("mail.pdf", "Update\nMany thanks,\nQuillon Brask\nquillon.brask@northvale.gov.uk\n"
                   "Doran Vesk (uncle) was copied in.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert not any("Quillon" in t for t in texts), texts
    assert "Doran Vesk" in texts


@pytest.mark.slow
def test_a_name_over_a_private_address_stays_redacted():
    doc = make_doc("mail.pdf", "Update\nMany thanks,\nQuillon Brask\nquillon.brask@fastmail.co.uk\n"
                   "Doran Vesk (uncle) was copied in.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert "Quillon Brask" in texts, texts


# -- rule organisation-name-not-person (redaction.org_names) -----------------------------------------

def test_a_word_before_an_organisation_head_starts_the_organisations_name():
    from redaction.org_names import organisation_name, starts_organisation_name

    text = "He attends Quorwick Skills Centre; Selbury Constabulary attended."
    assert starts_organisation_name(text, 11, 19)
    assert organisation_name(text, 37, 57)
    # Negative rows: a full name before a noun phrase, and a form label after a word.
    assert not organisation_name("Doran Vesk Hospital visit", 0, 10)
    assert not starts_organisation_name("Child: Orlo School: none", 7, 11)


@pytest.mark.slow
def test_an_organisation_the_model_reads_as_a_person_is_kept():
    doc = make_doc("log.pdf", "Police\nSelbury Constabulary attended. Selbury Constabulary later closed the log.\n"
                   "Lorcan stays at Quorwick Skills Centre; his carers drive him.\n")
    assert redacted_texts(propose(doc, ctx=context())[0]) == []


@pytest.mark.slow
def test_a_third_partys_surname_before_an_organisation_head_stays_redacted():
    doc = make_doc("n.pdf", "Visit\nDoran Vesk (uncle) rang. Vesk Hospital visit is planned.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert "Vesk" in texts, texts


# -- rule kept-name-line-not-organisation (redaction.org_names) ---------------------------------------

def test_a_kept_name_on_its_own_line_never_starts_a_school_name():
    from redaction.org_names import kept_name_cells, without_kept_name_lines

    text = "Work with Lorcan\nTamsin Baptiste\nWeekly\nSchool run"
    kept = {"lorcan", "halloran", "tamsin", "baptiste"}
    start = text.index("Lorcan")
    assert text[without_kept_name_lines(text, start, text.index(" run"), kept):].startswith("Weekly")
    assert [text[s:e] for s, e in kept_name_cells(text, start, text.index("\nWeekly"), kept)] \
        == ["Lorcan", "Tamsin Baptiste"]
    # Negative rows: a line naming anyone else is left in the run.
    other = "Work with Mira Vesk\nNorthgate\nPrimary School"
    s = other.index("Mira")
    assert without_kept_name_lines(other, s, len(other), kept) == s
    assert kept_name_cells(other, s, other.index("\nPrimary"), kept) == [(s, other.index("\nPrimary"))]


@pytest.mark.slow
def test_names_in_a_flattened_plan_table_are_not_a_school():
    doc = make_doc("plan.pdf", "Plan\nAction\nWho\nWhen\nDoran Vesk (uncle) to attend the course\nWeekly\n"
                   "Direct work sessions with Lorcan\nTamsin Baptiste\nFortnightly\nSchool attendance\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert not any("Lorcan" in t or "Tamsin" in t for t in texts), texts
    assert "Doran Vesk" in texts, texts


# -- rule subject-alias-inline (redaction.subject_aliases) --------------------------------------------

def test_a_bracketed_other_name_after_the_subjects_name_is_the_subjects():
    assert declared_subject_aliases(["Log\nMissing: HALLORAN, LORCAN (also LOR KANN) DOB 09/09/2009\n"], SUBJECT) \
        == ("LOR KANN",)
    assert declared_subject_aliases(["Lorcan Halloran (Halloran Lo-kan) was born in 2009."], SUBJECT) \
        == ("Halloran Lo-kan",)


def test_a_bracketed_other_person_or_former_name_is_not_the_subjects():
    # Negative rows: a bare bracket sharing no word with the subject's name, a relationship, a former name.
    assert declared_subject_aliases(["Lorcan Halloran (Doran Vesk) was seen."], SUBJECT) == ()
    assert declared_subject_aliases(["Lorcan Halloran (Mother) rang."], SUBJECT) == ()
    assert declared_subject_aliases(["Lorcan Halloran (formerly Lorcan Vesk) wrote."], SUBJECT) == ()


@pytest.mark.slow
def test_the_subjects_bracketed_other_name_is_kept_and_another_persons_is_not():
    doc = make_doc("chron.pdf", "Chronology\nLorcan Halloran (Halloran Lo-kan) born 9 September 2009\n"
                   "Halloran Lo-kan was seen at home.\nLorcan Halloran (Doran Vesk) was noted.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert not any("Lo-kan" in t for t in texts), texts
    assert "Doran Vesk" in texts, texts
