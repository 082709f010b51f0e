"""Role evidence gathered across the bundle (redaction.role_evidence): professionals acting in role whom
no staff directory lists are kept; family and third parties next to the same words are not. One
positive and one negative row per rule, through the real engine. All names are invented for these tests."""

import pytest

from tests.redaction.engine_support import context, make_doc, propose, surviving

pytestmark = pytest.mark.slow


def _left(*lines: str, subject: str = "Orla Venning") -> str:
    doc = make_doc("record.pdf", "\n".join(lines) + "\n")
    return surviving(doc, propose(doc, ctx=context(subject=subject, dob="04/04/2012"))[0])


# -- author-column ---------------------------------------------------------------------------------

_LOG = (
    "Pastoral log",
    "Date        Entry                                   Recorded by",
    "02/03/2025  Orla upset in form time after a row     Quenby Marlowe",
    "            at home with Tavish Renwick.",
    "09/03/2025  Orla said Tavish Renwick shouted again. Quenby Marlowe",
)


def test_positive_name_in_the_author_column_is_kept():
    left = _left(*_LOG)
    assert "Quenby Marlowe" in left, left


def test_negative_name_in_the_entry_column_is_still_redacted():
    left = _left(*_LOG)
    assert "Tavish" not in left and "Renwick" not in left, left


# -- author-phrase ---------------------------------------------------------------------------------

def test_positive_logged_by_a_full_name_is_the_author():
    left = _left("Nursery record", "Orla arrived hungry. Logged by Quenby Marlowe.",
                 "Quenby Marlowe rang the duty desk.")
    assert "Quenby Marlowe" in left, left


def test_negative_a_parent_named_as_logging_with_her_role_stays_family():
    left = _left("Nursery record", "Orla arrived hungry. Logged by Quenby Marlowe (mother) on the app.",
                 "Quenby Marlowe rang the duty desk.")
    assert "Quenby" not in left and "Marlowe" not in left, left


# -- rank-before-name ------------------------------------------------------------------------------

def test_positive_a_spelled_out_rank_before_a_lone_given_name_is_an_officer():
    left = _left("Strategy discussion", "Police: Detective Constable Megan reported that Tavish Renwick was arrested.",
                 "Orla was seen with Tavish Renwick. Megan will apply for a warning notice.")
    assert "Megan will apply" in left, left


def test_negative_a_given_name_reported_to_the_police_is_not_an_officer():
    left = _left("Strategy discussion", "Police: Megan reported that Tavish Renwick was arrested.",
                 "Orla was seen with Megan Renwick. Megan will apply for a warning notice.")
    assert "Megan will apply" not in left, left


# -- role-apposition ------------------------------------------------------------------------------

def test_positive_lower_case_job_title_after_a_comma_is_a_professional():
    left = _left("Plan", "Support at nursery: Mr Quenby Marlowe, reception class teacher.",
                 "Residential log: Tavish Renwick, waking night worker, checked Orla at 02:00.")
    assert "Quenby Marlowe" in left and "Tavish Renwick" in left, left


def test_negative_a_job_title_word_that_is_not_their_role_is_no_evidence():
    left = _left("Plan", "Orla went with Tavish Renwick, to her mother's nurse appointment.",
                 "Tavish Renwick, her nurse, was there too.")
    assert "Tavish" not in left and "Renwick" not in left, left


# -- head-of-title ---------------------------------------------------------------------------------

def test_positive_head_of_a_department_after_the_name_is_a_professional():
    left = _left("Referral", "Referrer: Mrs Quenby Marlowe, Head of Student Welfare, Sallowfield School.",
                 "Quenby Marlowe will attend.")
    assert "Quenby Marlowe" in left, left


def test_negative_head_of_the_household_is_no_job_title():
    left = _left("Referral", "Tavish Renwick, head of the household, refused entry.",
                 "Tavish Renwick was angry.")
    assert "Tavish" not in left, left


# -- role-abbreviation-number ------------------------------------------------------------------------

def test_positive_role_abbreviation_with_a_year_number_in_brackets():
    left = _left("Incident", "Orla late again. Quenby Marlowe (HoY8) phoned home.", "Quenby Marlowe will review.")
    assert "Quenby Marlowe" in left, left


def test_negative_bracketed_letters_that_are_the_persons_initials():
    left = _left("Incident", "Orla late again. Tavish Renwick (TR) drove her.", "Tavish Renwick will drive.")
    assert "Tavish" not in left, left


# -- family-near-name: family evidence wins ----------------------------------------------------------

def test_positive_parent_who_is_also_a_nurse_is_family():
    left = _left("Family network", "Mother", "Quenby Marlowe", "Quenby Marlowe, staff nurse, works nights.")
    assert "Quenby" not in left and "Marlowe" not in left, left


def test_negative_nurse_with_no_family_role_is_a_professional():
    left = _left("Family network", "Health", "Quenby Marlowe", "Quenby Marlowe, staff nurse, works nights.")
    assert "Quenby Marlowe" in left, left
