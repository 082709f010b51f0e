"""Issue 10, round 4 (cast): rules unicode-name, professional-title (a title or collar number before a
name it was not read with), role-before-name for the children's guardian, with-organisation (not an
identifier label), family-role-attached, role-table-row, court party designations, alias-hereafter,
initials-of-named-person and surname-first. One positive and one negative row each.
All names and places are invented for these tests."""

from redaction.aliases import initials_alias
from redaction.cast_initials import initials_spans
from redaction.english import ordinary_capitals
from redaction.letters import fold
from redaction.name_rules import Around, Mention, first_name_rule
from redaction.names import PeopleIndex, Person, clean_mention
from redaction.party_roles import family_role, role_table_rows
from tests.redaction.engine_support import context, make_doc, propose, surviving


def _rule(text: str, name: str) -> str:
    start = text.index(name)
    return first_name_rule(Around.of(Mention(0, 0, start, start + len(name), tuple(name.split())), text))[0]


def _family(text: str, name: str) -> str | None:
    start = text.index(name)
    return family_role(Around.of(Mention(0, 0, start, start + len(name), tuple(name.split())), text))


# -- unicode-name ------------------------------------------------------------------------------------

def test_positive_accented_names_are_name_shaped_and_fold_letter_for_letter():
    assert clean_mention(("Anaïs", "Véroutte")) == ("Anaïs", "Véroutte")
    assert fold("Anaïs Véroutte") == "Anais Veroutte"


def test_negative_accented_lower_case_word_is_no_name():
    assert clean_mention(("émigrée",)) == ()


def _accent_case(second: str):
    ctx = context(subject="Fenella Drossart", dob="03/03/2013")
    doc = make_doc("a.pdf", "Participants: the mother, Anaïs Véroutte; the social worker, Tamsin Baptiste.\n"
                   + second + "\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_accented_given_name_alone_goes_when_the_bundle_names_her():
    doc, plan = _accent_case("Later Anaïs said that Fenella had been sleeping well.")
    left = surviving(doc, plan)
    assert "Anaïs" not in left and "Véroutte" not in left


def test_negative_subject_given_name_stays_beside_an_accented_third_party():
    doc, plan = _accent_case("Later Anaïs said that Fenella had been sleeping well.")
    assert "Fenella" in surviving(doc, plan)


# -- professional-title before a name it was not read with ----------------------------------------------

def test_positive_police_sergeant_abbreviation_and_collar_number_show_the_role():
    assert _rule("Log closed by PS Ilona Brevik at 23:48.", "Ilona Brevik") == "professional-title"
    assert _rule("On scene PC 2291 Ilona Brevik with a colleague.", "Ilona Brevik") == "professional-title"
    assert _rule("Nurse Brevik reported the weight.", "Brevik") == "professional-title"


def test_negative_no_title_before_the_name():
    assert _rule("Log closed by Ilona Brevik at 23:48.", "Ilona Brevik") == "default"


# -- role-before-name: the children's guardian ------------------------------------------------------

def test_positive_childrens_guardian_before_the_name_is_a_professional():
    assert _rule("the child, through her Children's Guardian Ilona Brevik - Third Respondent",
                 "Ilona Brevik") == "role-before-name"


def test_negative_special_guardian_before_the_name_is_family():
    assert _rule("the child, through her special guardian Ilona Brevik - Third Respondent",
                 "Ilona Brevik") == "default"


# -- with-organisation: an agency word labelling a number is an identifier ------------------------------

def test_positive_name_with_an_organisation():
    assert _rule("Ilona Brevik (NHS Trust) attended.", "Ilona Brevik") == "with-organisation"


def test_negative_nhs_number_after_a_name_is_no_organisation():
    assert _rule("Her mother, Ilona Brevik (NHS 401 223 9876), is registered.", "Ilona Brevik") == "default"


# -- family-role-attached ---------------------------------------------------------------------------

def test_positive_family_role_in_a_party_list_table_and_apposition():
    assert _family("(1) ILONA BREVIK - First Respondent (mother)\n(2)", "ILONA BREVIK") == "family role after: mother"
    assert _family("Present\nIlona Brevik\nMother's partner\nPresent", "Ilona Brevik").endswith("mother's partner")
    assert _family("2. The mother, Ilona Brevik (born 1990), lives", "Ilona Brevik") == "family role before: mother"


def test_negative_someone_acting_for_the_mother_has_no_family_role():
    assert _family("the mother's solicitor, Ilona Brevik, said", "Ilona Brevik") is None
    assert _family("Solicitor for the mother, Ilona Brevik, said", "Ilona Brevik") is None
    assert _family("Chair: Ilona Brevik\nMother: present", "Ilona Brevik") is None


def _namesake_case(after_name: str):
    ctx = context(subject="Odile Marchetti", dob="01/01/2014")
    doc = make_doc("a.pdf", "Parties\n(1) PERPETUA MARCHETTI - First Respondent (mother)\n"
                   f"Her mother, Perpetua Marchetti{after_name}, is also registered here.\n"
                   "Odile Marchetti attends the local primary school.\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_mother_sharing_the_subject_surname_goes_despite_an_nhs_label():
    doc, plan = _namesake_case(" (NHS 401 223 9876)")
    left = surviving(doc, plan)
    assert "Perpetua" not in left and "PERPETUA" not in left
    assert "Odile Marchetti attends" in left


def test_negative_professional_evidence_still_wins_without_a_family_role():
    assert _rule("Ilona Brevik (NHS Trust) attended; her colleague", "Ilona Brevik") == "with-organisation"
    index = PeopleIndex(context(subject="Odile Marchetti", dob="01/01/2014"))
    text = "Ilona Brevik (NHS Trust) attended."
    index.add_mentions([Mention(0, 0, 0, 12, ("Ilona", "Brevik"))], {(0, 0): text})
    assert index.persons[("ilona", "brevik")].kind == "professional"


# -- role-table-row ----------------------------------------------------------------------------------

def _is_name(cell: str) -> bool:
    return clean_mention(tuple(cell.split())) == tuple(cell.split())


def test_positive_name_above_a_role_cell_is_a_mention():
    text = "Name\nRole\nIlona Brevik\nSchool Nurse\nPresent\n"
    assert [text[s:e] for s, e in role_table_rows(text, lambda w: False, _is_name)] == ["Ilona Brevik"]


def test_negative_heading_above_a_role_cell_is_no_mention():
    text = "Summary of discussion\nSocial Worker\nPresent\n"
    assert role_table_rows(text, lambda w: w in {"summary", "of", "discussion"}, _is_name) == []


# -- court party designations ------------------------------------------------------------------------

def test_positive_party_designation_is_no_name():
    assert clean_mention(("First", "Respondent")) == ()
    assert clean_mention(("Applicant",)) == ()


def test_negative_name_before_a_designation_is_still_a_name():
    assert clean_mention(("Ilona", "Brevik", "Respondent")) == ("Ilona", "Brevik")


# -- alias-hereafter ---------------------------------------------------------------------------------

def test_positive_hereafter_definition_of_initials():
    assert initials_alias(', hereafter referred to as "IB", said', ("Ilona", "Brevik")) == "IB"
    assert initials_alias(" (hereafter IB) said", ("Ilona", "Brevik")) == "IB"


def test_negative_hereafter_something_else_is_no_initials():
    assert initials_alias(", hereafter the Council, said", ("Ilona", "Brevik")) is None
    assert initials_alias(" (hereafter XY) said", ("Ilona", "Brevik")) is None


# -- initials-of-named-person ------------------------------------------------------------------------

def _people():
    mother, child = Person(("Ilona", "Brevik")), Person(("Odile", "Marchetti"), kind="subject")
    return [mother, child]


def test_positive_undefined_initials_of_a_named_third_party():
    text = "IB was warm with OM and said so."
    found = initials_spans(text, _people(), [], lambda p: p.kind == "third_party", lambda w: False, frozenset())
    assert [text[s:e] for s, e, _p in found] == ["IB"]


def test_negative_subject_initials_codes_and_role_abbreviations_stay():
    text = "OM saw the SW; ref IB/2291 and room IB4."
    found = initials_spans(text, _people(), [], lambda p: p.kind == "third_party", lambda w: False,
                           frozenset({"sw"}))
    assert found == []


def test_positive_initials_the_lemma_table_knows_as_an_abbreviation_are_initials():
    # "lb" is a unit in the model's lemma table; the engine judges letters by ordinary_capitals instead.
    people = [Person(("Lorna", "Brevik")), Person(("Odile", "Marchetti"), kind="subject")]
    text = "LB was warm with OM and said so."
    found = initials_spans(text, people, [], lambda p: p.kind == "third_party", ordinary_capitals, frozenset())
    assert [text[s:e] for s, e, _p in found] == ["LB"]


def test_negative_initials_that_are_an_ordinary_word_stay():
    people = [Person(("Ines", "Tamm")), Person(("Tomas", "Varga")), Person(("Odile", "Marchetti"), kind="subject")]
    text = "IT was down and the TV was off so OM rang."
    found = initials_spans(text, people, [], lambda p: p.kind == "third_party", ordinary_capitals, frozenset())
    assert found == []


def test_positive_engine_redacts_initials_of_the_mother_named_in_the_document():
    ctx = context(subject="Odile Marchetti", dob="01/01/2014")
    doc = make_doc("a.pdf", "Assessment of the mother, Ilona Brevik.\nIB was warm with OM but tired.\n")
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "IB" not in left and "OM" in left


# -- surname-first ------------------------------------------------------------------------------------

def test_positive_surname_first_form_of_the_subject_is_the_subject():
    index = PeopleIndex(context(subject="Odile Marchetti", dob="01/01/2014"))
    assert index._is_subject(("MARCHETTI", "Odile"))


def test_positive_family_name_first_with_a_middle_name_is_the_subject():
    index = PeopleIndex(context(subject="Odile Marchetti", dob="01/01/2014"))
    assert index._is_subject(("Marchetti", "Ánh", "Odile"))


def test_negative_family_name_first_of_a_sibling_is_not_the_subject():
    index = PeopleIndex(context(subject="Odile Marchetti", dob="01/01/2014"))
    assert not index._is_subject(("Marchetti", "Ánh", "Perpetua"))


def test_negative_surname_first_form_of_a_relative_is_not_the_subject():
    index = PeopleIndex(context(subject="Odile Marchetti", dob="01/01/2014"))
    assert not index._is_subject(("MARCHETTI", "Perpetua"))


# -- role-in-brackets ---------------------------------------------------------------------------------

def test_positive_lower_case_role_in_brackets_after_the_name():
    assert _rule("Interview by Ilona Brevik (missing person worker): he said", "Ilona Brevik") == "role-in-brackets"


def test_negative_family_or_caring_words_in_brackets_are_no_role():
    assert _rule("Staying with Ilona Brevik (kinship carer) since May.", "Ilona Brevik") == "default"


# -- role-table-row: a name cell is not the start of a wrapped school name --------------------------------

def _table_case(row: str):
    ctx = context(subject="Odile Marchetti", dob="01/01/2014")
    doc = make_doc("a.pdf", "Participants\nName\nRole\nAttendance\n" + row + "\nPresent\n"
                   "Summary\nOdile Marchetti attends Larchwood Primary School, in year 5.\n"
                   "Later Ilona said the weight was stable. Odile thanked Ilona for the visit.\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_professional_in_a_role_table_stays():
    doc, plan = _table_case("Ilona Brevik\nSchool Nurse")
    left = surviving(doc, plan)
    assert "Ilona Brevik" in left and "Later Ilona said" in left


def test_negative_relative_in_a_role_table_goes():
    doc, plan = _table_case("Ilona Brevik\nMother")
    assert "Ilona" not in surviving(doc, plan)


# -- record abbreviations and the subject's own printout row ---------------------------------------------

def test_positive_register_label_after_a_given_name_is_no_surname():
    assert clean_mention(("Odile", "Adm")) == ("Odile",)


def test_negative_a_real_surname_after_the_given_name_stays():
    assert clean_mention(("Odile", "Adamczyk")) == ("Odile", "Adamczyk")


def _printout(contact: str):
    ctx = context(subject="Odile Marchetti", dob="01/01/2014")
    doc = make_doc("a.pdf", "ATTENDANCE SUMMARY (MIS printout)\nStudent\n"
                   "MARCHETTI Odile    Adm No 004471    UPN T812330155009    Year 7\n"
                   f"Contact 1\n{contact} (Mother) 07456 902 118\nNotes: Ilona rang.\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_surname_first_contact_row_goes_whole_and_links_to_the_given_name():
    doc, plan = _printout("BREVIK Ilona")
    left = surviving(doc, plan)
    assert "BREVIK" not in left and "Ilona" not in left


def test_negative_the_subjects_own_surname_first_row_stays():
    doc, plan = _printout("BREVIK Ilona")
    assert "MARCHETTI Odile" in surviving(doc, plan)
