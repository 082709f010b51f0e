"""Issue 10, round 3: rules message-line, alias-quoted, alias-initials on a titled mention, nickname
"known to <people> as", firm-grade-after-name, lpp-meeting-record, lpp-lawyer-first-person,
tp-sensitive-row-cell and abbreviated foreign street addresses. One positive and one negative row each.
All names and places are invented for these tests."""

from redaction.aliases import Alias, defined_aliases
from redaction.detectors.places import PlaceDescriptionRecognizer
from redaction.legal import first_person_spans, is_meeting_record, written_by_lawyer
from redaction.messages import message_lines
from redaction.name_rules import _FIRM_GRADE_AFTER
from redaction.sensitive import row_cells
from redaction.text import sentence_bounds
from tests.redaction.engine_support import context, make_doc, propose, surviving

NON_NAME = frozenset({"sw", "team", "manager"})


def _never_word(_w: str) -> bool:
    return False


# -- message-line ------------------------------------------------------------------------------------

def test_positive_message_lines_are_timed_or_lower_case_senders():
    text = "[21:02] pip: u there\nquill (saved with a star): yes\n19.45 marlo at the shop"
    assert len(message_lines(text)) == 3


def test_negative_labels_and_timed_prose_are_not_messages():
    text = "Date: 4 May\nPresent: the family\n09:10 Police attended the address"
    assert message_lines(text) == []


def _chat_case(chat: str):
    ctx = context(subject="Tamsin Roque", dob="02/02/2012")
    docs = [make_doc("a.pdf", "Her mother's partner Rowan Thistlewood was at the house when I visited.\n"),
            make_doc("b.pdf", chat)]
    return docs, propose(*docs, ctx=ctx)


def test_positive_lower_case_word_name_on_a_message_line_is_the_person():
    docs, plans = _chat_case("Messages copied from the phone:\n[20:14] tamsin: rowan is shouting again\n")
    assert "rowan" not in surviving(docs[1], plans[1])


def test_negative_same_word_in_prose_is_not_the_person():
    docs, plans = _chat_case("We planted a rowan tree in the garden with the children today.\n")
    assert "rowan" in surviving(docs[1], plans[1])


# -- alias-quoted and "known to <people> as" --------------------------------------------------------

def _aliases(text, name):
    start = text.index(name)
    return defined_aliases(text, start, start + len(name), name.split(), _never_word, NON_NAME)


def test_positive_quoted_contact_name_defines_an_alias():
    assert _aliases('Contacts: "bax" = Barnaby Quillfeather; others', "Barnaby Quillfeather") == [
        Alias("bax", "called", "alias-quoted")]


def test_negative_quoted_word_without_equals_is_no_alias():
    assert _aliases('He said "later" to Barnaby Quillfeather at home', "Barnaby Quillfeather") == []


def test_positive_known_to_friends_as_a_hyphenated_nickname():
    assert _aliases("Barnaby Quillfeather, known to friends as B-Rex, came.", "Barnaby Quillfeather") == [
        Alias("B-Rex", "nickname", "alias-nickname")]


def test_negative_known_to_police_is_no_nickname():
    assert _aliases("Barnaby Quillfeather, known to police since 2020, came.", "Barnaby Quillfeather") == []


# -- alias-initials after a titled mention of a known person ----------------------------------------

def _initials_case(letters: str):
    ctx = context(subject="Isaak Venner", dob="01/01/2014")
    doc = make_doc("a.pdf", "Mother: Odalys Venner, at the home.\n"
                            f"Ms Venner ({letters}) said she was tired. {letters} asked for help with rent.\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_initials_of_the_full_name_after_a_titled_mention():
    doc, plan = _initials_case("OV")
    assert "OV" not in surviving(doc, plan)


def test_negative_other_letters_after_a_titled_mention_stay():
    doc, plan = _initials_case("QZ")
    assert "QZ" in surviving(doc, plan)


# -- firm-grade-after-name ---------------------------------------------------------------------------

def test_positive_partner_above_a_firm_is_a_solicitor():
    assert _FIRM_GRADE_AFTER.match("\nPartner\nBrindle Oakes LLP\n")


def test_negative_partner_without_a_firm_is_family():
    assert not _FIRM_GRADE_AFTER.match("\nPartner of the mother, lives nearby\n")


# -- lpp-meeting-record --------------------------------------------------------------------------------

_MEETING = ("LEGAL PLANNING PANEL\nChild: Isaak Venner\nPresent: Hollis Brandt (Team Manager)\n"
            "Legal advised that the threshold is not yet met on the current evidence.\n"
            "Safety plan: Isaak will keep his phone charged when he is out.\n")


def test_positive_meeting_record_is_redacted_by_sentence_and_unheaded_prose_fails_closed():
    ctx = context(subject="Isaak Venner", dob="01/01/2014")
    doc = make_doc("m.pdf", _MEETING)
    plan = propose(doc, ctx=ctx)[0]
    left = surviving(doc, plan)
    assert "threshold" not in left
    assert "Isaak will keep his phone charged" in left and "Hollis Brandt" in left


def test_negative_privileged_heading_still_withholds_the_whole_document():
    assert not is_meeting_record("LEGALLY PRIVILEGED\nLegal planning meeting")
    ctx = context(subject="Isaak Venner", dob="01/01/2014")
    doc = make_doc("m.pdf", "LEGALLY PRIVILEGED - LEGAL ADVICE\n" + _MEETING)
    plan = propose(doc, ctx=ctx)[0]
    assert "Isaak will keep" not in surviving(doc, plan)


# -- lpp-lawyer-first-person -------------------------------------------------------------------------

def test_positive_lawyers_first_person_advice():
    text = ("From: Hollis Brandt (Legal Services)\nTo: a worker\nThanks for this. My advice is that we wait.\n"
            "Hollis\n")
    assert written_by_lawyer(text)
    spans = first_person_spans(text, sentence_bounds(text))
    assert [text[s:e] for s, e in spans] == ["My advice is that we wait."]


def test_negative_social_workers_first_person_view_is_not_legal_advice():
    text = "From: Pell Ashdown (Social Worker)\nTo: a manager\nMy view is that we wait.\nPell\nSocial Worker\n"
    assert not written_by_lawyer(text)


# -- tp-sensitive-row-cell -----------------------------------------------------------------------------

_TABLE = "Name\nRecord\n\nQUILL, Dorran\nTwo convictions for burglary (2021)\n\nVENNER, Isaak\nCautioned in 2024\n"


def _owners(text):
    a = text.index("QUILL, Dorran")
    b = text.index("VENNER, Isaak")
    return [(a, a + 5, True), (a + 7, a + 13, True), (b, b + 6, False), (b + 8, b + 13, False)]


def test_positive_cue_cell_in_a_third_partys_row_is_withheld():
    cells = [_TABLE[s:e] for s, e, _k in row_cells(_TABLE, _owners(_TABLE))]
    assert cells == ["Two convictions for burglary (2021)"]


def test_negative_cue_cell_in_the_subjects_row_stays():
    cells = [_TABLE[s:e] for s, e, _k in row_cells(_TABLE, _owners(_TABLE))]
    assert "Cautioned in 2024" not in cells


# -- foreign-address with street abbreviations ---------------------------------------------------------

def _places(text):
    return [text[s:e] for s, e, _ in PlaceDescriptionRecognizer().spans(text)]


def test_positive_abbreviated_street_and_number_before_a_country():
    assert _places("He lives at Str. Teilor nr. 12, Vaslui, Romania now.") == ["Str. Teilor nr. 12, Vaslui, Romania"]


def test_negative_sentence_ending_in_a_country_is_no_address():
    assert _places("She said. Then they went on holiday to Romania.") == []




# -- message-line: a transcript table extracted cell by cell ---------------------------------------------

def test_positive_time_line_then_lower_case_sender_block():
    text = "Time\nFrom\n\n21:40\npip\nat the shop\n"
    assert [text[a:b] for a, b in message_lines(text)] == ["21:40\npip\nat the shop\n"]


def test_negative_time_line_then_capitalised_record():
    assert message_lines("09:10\nPolice attended the flat\n") == []


# -- alias-identified ------------------------------------------------------------------------------------

def test_positive_word_believed_to_be_a_full_name():
    assert _aliases("Note: Sable is believed to be Saoirse Blenkin, a friend.", "Saoirse Blenkin") == [
        Alias("Sable", "called", "alias-identified")]


def test_negative_pronoun_believed_to_be():
    assert _aliases("Note: She is believed to be Saoirse Blenkin, a friend.", "Saoirse Blenkin") == []


# -- short-form (diminutives) ------------------------------------------------------------------------------

def test_positive_listed_and_prefix_short_forms():
    from redaction.diminutives import is_short_form

    assert is_short_form("Manny", "Emmanuel") and is_short_form("Bart", "Bartholomew")


def test_negative_unrelated_word_is_no_short_form():
    from redaction.diminutives import is_short_form

    assert not is_short_form("Manny", "Bartholomew") and not is_short_form("Em", "Emmanuel")


def _short_case(word: str):
    ctx = context(subject="Bartholomew Quince", dob="05/05/2015")
    doc = make_doc("a.pdf", "Bartholomew Quince lives with his aunt Emmeline Sorrel.\n"
                            f"At school today {word} played football. The teacher said {word} was happy.\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_subjects_short_form_stays():
    doc, plan = _short_case("Barty")
    assert surviving(doc, plan).count("Barty") == 2


def test_negative_third_partys_short_form_goes():
    doc, plan = _short_case("Emmie")
    assert "Emmie" not in surviving(doc, plan)


def test_positive_listed_diminutive_in_lower_case_on_a_message_line():
    ctx = context(subject="Bartholomew Quince", dob="05/05/2015")
    doc = make_doc("a.pdf", "His uncle Emmanuel Thorncroft visits at weekends.\n[20:01] barty: manny is here\n")
    plan = propose(doc, ctx=ctx)[0]
    assert "manny" not in surviving(doc, plan)


# -- form-subject-label -------------------------------------------------------------------------------------

_FORM = ("REVIEW FORM\nYoung person ....... Bartholomew Quince\nSocial Worker ...... Tamsin Baptiste\n"
         "{label} .......... 07700 900 123\nMother ............. Emmeline Sorrel\n")


def test_positive_contact_label_on_the_subjects_form_is_the_subjects():
    doc = make_doc("f.pdf", _FORM.format(label="Mobile"))
    plan = propose(doc, ctx=context(subject="Bartholomew Quince", dob="05/05/2015"))[0]
    assert "07700 900 123" in surviving(doc, plan)


def test_negative_unlabelled_detail_under_a_role_is_not_given_to_the_subject():
    from redaction.forms import form_owner

    text = _FORM.format(label="Sponsor")
    assert form_owner(text, text.index("07700"), [], lambda p: "subject") is None


# -- client-reference ----------------------------------------------------------------------------------------

def _letter(acts: str):
    ctx = context(subject="Bartholomew Quince", dob="05/05/2015")
    doc = make_doc("l.pdf", "Our ref: TB/FAM/Quince/0042\nRe: Bartholomew Quince\n"
                            f"{acts} Imelda Quince, the child's mother.\n")
    return doc, propose(doc, ctx=ctx)[0]


def test_positive_surname_in_the_reference_of_a_client_letter_goes():
    doc, plan = _letter("We act for")
    left = surviving(doc, plan)
    assert "TB/FAM/Quince/0042" not in left and "Bartholomew Quince" in left


def test_negative_reference_without_a_client_stays():
    doc, plan = _letter("We wrote to")
    assert "TB/FAM/Quince/0042" in surviving(doc, plan)


# -- lpp-meeting-record: cued passages by sentence --------------------------------------------------------

def test_positive_counsels_view_in_a_meeting_record_goes_by_sentence():
    ctx = context(subject="Isaak Venner", dob="01/01/2014")
    doc = make_doc("m.pdf", "LEGAL SURGERY NOTE\nPresent: Hollis Brandt (Team Manager)\n"
                            "Counsel's view, given by telephone, is that the order should be varied.\n"
                            "Action: Hollis to book a review.\n")
    left = surviving(doc, propose(doc, ctx=ctx)[0])
    assert "varied" not in left and "Action: Hollis to book a review." in left


def test_negative_prose_under_a_non_advice_heading_in_a_meeting_record_stays():
    ctx = context(subject="Isaak Venner", dob="01/01/2014")
    doc = make_doc("m.pdf", "LEGAL SURGERY NOTE\nPresent: Hollis Brandt (Team Manager)\n"
                            "Counsel's view is that the order should be varied.\nSafety plan\n"
                            "The family moved house in May and the school was told.\n")
    assert "The family moved house in May" in surviving(doc, propose(doc, ctx=ctx)[0])


# -- form-role-line: a professional under a role label is not whom a form block is about ----------------

class _Pro:
    kind = "professional"


def _role_line(text: str, name: str) -> bool:
    from redaction.decide import _Decider

    s = text.index(name)
    detail = text.rfind("\n", 0, text.index("07700")) + 1
    return _Decider._role_line_name(text, (s, s + len(name), _Pro()), detail)


def test_positive_professional_after_a_role_label_on_another_line():
    assert _role_line("Personal Adviser ...... Tamsin Baptiste\nMobile ...... 07700 900 123\n", "Tamsin Baptiste")


def test_negative_professional_named_mid_sentence_is_no_role_line():
    assert not _role_line("The family met their worker, Ms Tamsin Baptiste\n(Head of Year) 07700 900 123\n",
                          "Tamsin Baptiste")
