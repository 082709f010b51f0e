"""Professionals acting in role outside the staff list, the subject's own stacked front-sheet fields and
bodies named with a collective possessive (issue 10 keep rate). One positive and one negative row per
rule, through the real engine. All names, places and numbers are invented for these tests."""

import pytest

from tests.redaction.engine_support import context, make_doc, propose, surviving

pytestmark = pytest.mark.slow


def _left(*lines: str, subject: str = "Orla Venning") -> str:
    doc = make_doc("record.pdf", "\n".join(lines) + "\n")
    return surviving(doc, propose(doc, ctx=context(subject=subject, dob="04/04/2012"))[0])


# -- job-title-not-building (redaction.spans) -------------------------------------------------------

def test_positive_a_building_word_surname_over_a_job_title_is_a_professional():
    left = _left("Strategy discussion about Orla Venning", "", "Attendees", "",
                 "Helen Chambers", "Independent Domestic Violence", "Adviser", "",
                 "Ms Chambers said Orla is safe.")
    assert "Helen Chambers" in left and "Ms Chambers" in left, left


def test_negative_a_building_word_surname_with_no_job_title_stays_redacted():
    left = _left("Strategy discussion about Orla Venning", "",
                 "Ms Chambers said Orla is safe.", "Tavish Renwick was there.")
    assert "Chambers" not in left and "Tavish" not in left, left


# -- new role vocabulary (lexicon/roles.txt) --------------------------------------------------------

def test_positive_panel_adviser_and_idva_are_professionals():
    left = _left("Panel record", "Panel adviser Desmond Okafor-Reid attended.",
                 "Tremaine Oyelaran (IDVA) spoke for the mother.", "Orla was discussed.")
    assert "Desmond Okafor-Reid" in left and "Tremaine Oyelaran" in left, left


def test_negative_a_panel_of_relatives_is_not_a_role():
    left = _left("Family meeting", "Grandmother Desmonda Okafor-Reid attended.",
                 "Tremaine Oyelaran (uncle) spoke for the mother.", "Orla was discussed.")
    assert "Okafor-Reid" not in left and "Oyelaran" not in left, left


# -- role-verb-after-name (redaction.role_evidence) -------------------------------------------------

def test_positive_a_named_interpreter_for_the_mother_is_a_professional():
    left = _left("Assessment", "Orla's views were obtained with Mr Gentry Halloway interpreting for her mother.",
                 "Mr Gentry Halloway read the notes back.")
    assert "Gentry Halloway" in left, left


def test_negative_a_relative_who_interprets_stays_family():
    left = _left("Assessment", "Orla's views were obtained with her uncle Gentry Halloway interpreting for her mother.",
                 "Gentry Halloway read the notes back.")
    assert "Gentry" not in left and "Halloway" not in left, left


# -- author-phrase: transcribed by (lexicon/role_evidence.txt) --------------------------------------

def test_positive_transcribed_by_names_the_author():
    left = _left("Messages", "Orla: ok", "Transcribed by Gwenllian Prothero. Originals kept on file.")
    assert "Gwenllian Prothero" in left, left


def test_negative_a_message_from_someone_is_not_authorship():
    left = _left("Messages", "Orla: ok", "Sent to Gwenllian Prothero. Originals kept on file.")
    assert "Gwenllian" not in left and "Prothero" not in left, left


# -- collective-before-body (redaction.spans, lexicon/body_collectives.txt) -------------------------

def test_positive_a_girls_school_is_a_body_not_a_person():
    left = _left("Referral", "Referrer: Mrs Ofelia Marchetti, Head of Pastoral Care, Thornfield Girls' School.",
                 "Orla attends Thornfield Girls' School.")
    assert "Thornfield" in left, left


def test_negative_a_persons_name_before_a_plural_possessive_word_stays_a_name():
    left = _left("Referral", "Orla went to see Tavish Renwick with the girls' cousin.")
    assert "Tavish" not in left and "Renwick" not in left, left


# -- subject-stacked-field (redaction.subject_own) --------------------------------------------------

_STACKED = ("Contact and Referral Record", "", "Child", "Orla Venning", "ID", "35566396", "",
            "Gender", "Female", "", "NHS number", "601 337 4821", "")


def test_positive_a_stacked_front_sheet_value_under_the_child_is_hers():
    left = _left(*_STACKED, "Address", "27 Larkspur Crescent, Wexcombe, WX6 5PL")
    assert "601 337 4821" in left and "27 Larkspur Crescent" in left, left


def test_negative_a_stacked_relatives_block_keeps_its_details_redacted():
    left = _left(*_STACKED, "Mother", "Name", "Tavish Renwick", "Mobile", "07700 900123")
    assert "07700 900123" not in left and "Tavish" not in left, left


# -- job-title-after-name with a connective (redaction.name_rules) ----------------------------------

def test_positive_a_signature_title_with_a_connective_is_a_job_title():
    left = _left("Health assessment of Orla", "Yours sincerely,", "Kestrel Lanyard", "Children in Care Nurse",
                 "cc: the surgery")
    assert "Kestrel Lanyard" in left, left


def test_negative_a_connective_run_with_a_family_word_is_no_job_title():
    left = _left("Health assessment of Orla", "Yours sincerely,", "Kestrel Lanyard", "Mother of Orla",
                 "cc: the surgery")
    assert "Kestrel" not in left and "Lanyard" not in left, left


# -- discipline-advice-from (redaction.role_evidence) -----------------------------------------------

def test_positive_advice_of_a_discipline_from_a_named_person_is_in_role():
    left = _left("EHCP for Orla", "Educational psychology advice from Catrin Fenwright to be followed.")
    assert "Catrin Fenwright" in left, left


def test_negative_advice_from_a_named_person_without_a_discipline_stays_redacted():
    left = _left("EHCP for Orla", "Family advice from Catrin Fenwright to be followed.")
    assert "Catrin" not in left and "Fenwright" not in left, left


# -- author-column: a "Consulted" column (lexicon/role_evidence.txt, header) ------------------------

_CONSULTED = (
    "Agencies consulted",
    "Agency                 Consulted            Summary",
    "Wexcombe Constabulary  Quenby Marlowe       Information shared.",
)


def test_positive_a_name_in_the_consulted_column_is_kept():
    left = _left(*_CONSULTED, "Orla was seen at home with Tavish Renwick.")
    assert "Quenby Marlowe" in left, left


def test_negative_a_name_in_the_summary_column_is_still_redacted():
    left = _left(*_CONSULTED[:2], "Wexcombe Constabulary  Quenby Marlowe       Tavish Renwick was arrested.")
    assert "Tavish" not in left and "Renwick" not in left, left


# -- month-in-date (redaction.spans, redaction.people) ----------------------------------------------

def test_positive_a_month_abbreviation_in_a_date_is_no_name():
    left = _left("Health visiting journal", "Patient: VENNING, Orla (Miss)   11 Jun 2012   NHS 719 554 2038",
                 "14 Mar 2025 10:20  Health Visitor  Judith Nkansah", "02 Jun 2025 14:05  Seen at home.")
    assert "11 Jun 2012" in left and "02 Jun 2025" in left and "719 554 2038" in left, left


def test_negative_a_given_name_spelt_like_a_month_abbreviation_stays_a_name():
    left = _left("Contact note", "Jun Takahara (uncle) rang about Orla.", "Jun said he would call back.")
    assert "Jun" not in left and "Takahara" not in left, left


# -- transcript-furniture (lexicon/transcript_furniture.txt) -----------------------------------------

_CHAT = ("Transcribed social-media messages", "Screenshot 1 (undated)", "tav.renwick: u still there",
         "orla.v: yeh", "Screenshot 2 (Sunday 16 Nov, 23:12)", "tav.renwick: delete this", "Delivered 23:15")


def test_positive_screenshot_and_receipt_labels_are_furniture():
    left = _left(*_CHAT, "Transcribed by Gwenllian Prothero, DSL.")
    assert "Transcribed social-media" in left and "Screenshot 2" in left and "Delivered" in left, left


def test_negative_the_other_speaker_of_the_transcript_stays_redacted():
    left = _left(*_CHAT)
    assert "tav.renwick" not in left, left


# -- unit-line-under-name (redaction.role_evidence) -------------------------------------------------

def test_positive_a_name_over_a_work_units_name_is_a_professional():
    left = _left("Wexcombe Homes", "Tenancy Services", "", "Hesper Whitlow", "Family Safeguarding Team",
                 "Borough Hall, Wexcombe", "", "Re: Orla Venning", "Dear Hesper Whitlow,")
    assert "Hesper Whitlow" in left, left


def test_negative_a_name_over_a_carers_unit_stays_redacted():
    left = _left("Wexcombe Homes", "Tenancy Services", "", "Hesper Whitlow", "Foster Carers Support Team",
                 "Borough Hall, Wexcombe", "", "Re: Orla Venning", "Dear Hesper Whitlow,")
    assert "Hesper" not in left and "Whitlow" not in left, left
