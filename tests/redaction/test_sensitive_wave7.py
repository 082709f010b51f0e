"""Wave 7: third parties' sensitive sentences and legal advice in new forms (issue 10).

One positive and one negative row for every rule added or widened here; all wording invented for
these tests. A third party's health goes; the subject's own health stays (it is their data), and so
does a professional's sentence.

Rules: tp-owner-pronoun-topic (redaction.sentence_owner: a sentence-opening pronoun continues the
previous sentence's owner when the genders agree), the widened vocabulary of
lexicon/sensitive_topics.txt and the custodial-term pattern, lpp-lawyer-message
(redaction.legal_messages), the dated legal-meeting section heading (redaction.candidates) and
tp-owner-not-a-person (a condition named after a person owns no sentence and is nobody's name).
"""

import pytest

from redaction.legal_messages import lawyer_message_spans
from redaction.legal_relayed import relayed_spans
from redaction.sentence_owner import owned_sentences, topic_kind
from redaction.text import sentence_bounds
from tests.redaction.engine_support import context, make_doc, propose, surviving

SUBJ, TP, PRO = "subject", "third_party", "professional"
CAST = (("Wren", SUBJ), ("Tolliver", TP), ("Baxendale", PRO))


def _names(text):
    out = []
    for name, kind in CAST:
        i = text.find(name)
        while i >= 0:
            out.append((i, i + len(name), kind, ()))
            i = text.find(name, i + 1)
    return out


def withheld(text):
    return [text[s:e] for s, e, _ in owned_sentences(text, sentence_bounds(text), _names(text))]


# rule, text, withheld?
ROWS = [
    # tp-owner-pronoun-topic: the previous sentence's owner, not the last person named
    ("pronoun-topic", "Her aunt came to the review with the child. She has been sectioned twice.", True),
    ("pronoun-topic", "Wren said she would come with her aunt. She has been sectioned twice.", False),
    ("pronoun-topic-speaker", "Tolliver said she would bring Wren. She is on a methadone script.", True),
    ("pronoun-topic-speaker", "Wren said she would bring her cousin. She is on a methadone script.", False),
    # new vocabulary, owned by a relative (positive) and the same frame without the fact (negative)
    ("tag", "Her uncle is on a tag until March.", True),
    ("tag", "Her uncle is on a trip until March.", False),
    ("custodial-term", "Her brother served 18 months for robbery.", True),
    ("custodial-term", "Her brother served lunch at the club for months.", False),
    ("locked-up", "Her father was locked up after the fight.", True),
    ("locked-up", "Her father locked the shed after the fight.", False),
    ("treated-for", "Her stepmother is being treated for a heart problem.", True),
    ("treated-for", "Her stepmother is being treated to a spa day.", False),
    ("script", "Her cousin is back on a script from the chemist.", True),
    ("script", "Her cousin is back on a shift at the chemist.", False),
    ("lost-baby", "Her sister lost the baby at twenty weeks.", True),
    ("lost-baby", "Her sister lost the keys at twenty past.", False),
    ("hiv-hyphen", "Her uncle is HIV-positive and does not want it known.", True),
    ("hiv-hyphen", "Her uncle is upbeat and does not want a fuss.", False),
    ("right-to-remain", "Her stepfather has no right to remain in the UK.", True),
    ("right-to-remain", "Her stepfather has no right to park in the bay.", False),
    ("antipsychotic", "Her mother was started on antipsychotics in June.", True),
    ("antipsychotic", "Her mother was started on the allotment in June.", False),
    # whose sentence: the subject's own health and a professional's stay
    ("subject-own", "Wren is being treated for a heart problem.", False),
    ("subject-own", "Tolliver is being treated for a heart problem.", True),
    ("professional-own", "The social worker is on a methadone script.", False),
    ("professional-own", "The stepfather is on a methadone script.", True),
]


@pytest.mark.parametrize(("rule", "text", "expect"), ROWS, ids=[f"{r[0]}-{r[2]}" for r in ROWS])
def test_rows(rule, text, expect):
    assert bool(withheld(text)) is expect, (rule, withheld(text))


def test_every_rule_has_a_positive_and_a_negative_row():
    rules: dict[str, set[bool]] = {}
    for rule, _t, w in ROWS:
        rules.setdefault(rule, set()).add(w)
    assert all(v == {True, False} for v in rules.values()), rules


def test_a_condition_named_after_a_person_owns_nothing():
    """Rule tp-owner-not-a-person: the eponym is not the owner; a real possessive still is."""
    text = "Wren was seen at clinic. Tolliver's was diagnosed in May and is managed with diet."
    assert withheld(text) == []
    text = "Wren was seen at clinic. Tolliver's illness was diagnosed in May and is managed with diet."
    assert withheld(text) == ["Tolliver's illness was diagnosed in May and is managed with diet."]


def test_engine_keeps_the_subjects_eponymous_condition():
    doc = make_doc("note.pdf", "Lorcan Halloran was seen at clinic on Monday.\n"
                   "Kessler's was diagnosed last year and he now has a plan at school.\n"
                   "Kessler syndrome runs in the family and he takes medication for it.\n")
    left = surviving(doc, propose(doc, ctx=context())[0])
    assert "Kessler's was diagnosed last year" in left
    assert "Kessler syndrome runs in the family" in left


def test_custodial_term_needs_a_length():
    assert topic_kind("is serving a four-year sentence") == "criminal"
    assert topic_kind("served the family for ten years") is None


# -- lpp-lawyer-message ---------------------------------------------------------------------------

_LAWYER_MAIL = """From: Ysolde Marrack <ysolde.marrack@fenbridge.gov.uk>
Sent: 3 March 2025 09:12
To: Ivo Pennant
Subject: RE: next steps

Hi Ivo,
Having read the chronology the threshold is crossed on the neglect evidence and the council should
issue before the end of the month.
Kind regards
Ysolde Marrack
Senior Solicitor, Legal Services
Fenbridge Council

From: Ivo Pennant <ivo.pennant@fenbridge.gov.uk>
Sent: 2 March 2025 17:40
To: Ysolde Marrack
Subject: next steps
Where do we stand on the chronology now that the school has sent its log?
Thanks
Ivo
"""


def test_lawyer_message_body_goes_and_the_rest_stays():
    got = [_LAWYER_MAIL[s:e] for s, e in lawyer_message_spans(_LAWYER_MAIL)]
    assert "the threshold is crossed" in " ".join(got)
    assert not any("Where do we stand" in g or "Senior Solicitor" in g or "Subject" in g for g in got)


def test_a_solicitor_without_the_council_gives_the_council_no_advice():
    mail = _LAWYER_MAIL.replace("Senior Solicitor, Legal Services\nFenbridge Council", "Solicitor\nPlover Row")
    mail = mail.replace("fenbridge.gov.uk>\nSent: 3", "ploverrow.co.uk>\nSent: 3")
    assert lawyer_message_spans(mail) == []


def test_the_signature_alone_names_the_lawyer_and_a_firm_as_addressee_is_correspondence():
    mail = _LAWYER_MAIL.replace("<ysolde.marrack@fenbridge.gov.uk>", "")
    assert lawyer_message_spans(mail)
    assert lawyer_message_spans(mail.replace("To: Ivo Pennant", "To: Gable Solicitors LLP", 1)) == []


def test_engine_withholds_a_quoted_lawyer_message_in_a_forward():
    text = (
        "From: Tamsin Baptiste <tamsin.baptiste@fenbridge.gov.uk>\nSent: 4 March 2025 10:00\nTo: Ivo Pennant\n"
        "Subject: FW: next steps\n\nSee below from Legal, for the file.\nTamsin\n\n"
        "---------- Forwarded message ---------\n" + _LAWYER_MAIL.split("\n\nFrom: Ivo")[0] + "\n"
    )
    doc = make_doc("mail.pdf", text)
    plan = propose(doc, ctx=context())[0]
    left = surviving(doc, plan)
    assert "threshold is crossed" not in left
    assert "for the file" in left
    assert any(p.code == "SCH2-P19-LPP" and "threshold" in p.text for p in plan.proposals)


# -- the dated section heading --------------------------------------------------------------------


def test_dated_legal_meeting_heading_opens_a_section():
    body = "The threshold is crossed and the council should write to both parents this week.\n"
    note = "Case note\nVisit went ahead as planned and the flat was tidy.\n\nLegal Gateway / PLO Meeting 12.03.2025\n"
    doc = make_doc("note.pdf", note + body)
    left = surviving(doc, propose(doc, ctx=context())[0])
    assert "threshold is crossed" not in left
    assert "flat was tidy" in left


def test_a_dated_sentence_about_a_meeting_is_not_a_heading():
    note = ("Case note\nVisit went ahead as planned and the flat was tidy.\n\n"
            "Legal gateway meeting held on 3.4.25. Parents were told.\nThe flat was clean and warm on the visit.\n")
    doc = make_doc("note.pdf", note)
    left = surviving(doc, propose(doc, ctx=context())[0])
    assert "flat was clean and warm" in left


# -- lpp-relayed-attributed, widened: a confirmed proposition, advice received from the lawyers ------

RELAYED_ROWS = [
    ("confirmed-proposition", "Legal Services have confirmed the threshold is crossed.", True),
    ("confirmed-proposition", "Legal Services have confirmed receipt of the bundle.", False),
    ("advice-received-from", "Advice received from Legal today: write to both parents first.", True),
    ("advice-received-from", "Advice received from the nursery today: bring spare clothes.", False),
]


@pytest.mark.parametrize(("rule", "text", "expect"), RELAYED_ROWS, ids=[f"{r[0]}-{r[2]}" for r in RELAYED_ROWS])
def test_relayed_rows(rule, text, expect):
    assert bool(relayed_spans(text, sentence_bounds(text))) is expect, rule


def test_plain_words_for_debt_and_sex():
    assert withheld("Her uncle is said to owe a moneylender a large sum.")
    assert not withheld("Her uncle is said to own a small van.")
    assert withheld("Her sister had sex with an older man from the gym.")
    assert not withheld("Her sister had lunch with an older man from the gym.")


def test_engine_reads_a_lawyer_message_over_a_page_break():
    """The body starts on one page; the signature naming the council's lawyer is on the next."""
    page1 = _LAWYER_MAIL.split("Kind regards")[0]
    page2 = ("The order should be sought at the first hearing.\nKind regards\nYsolde Marrack\n"
             "Solicitor, Legal Services\n")
    doc = make_doc("mail.pdf", page1.replace("<ysolde.marrack@fenbridge.gov.uk>", ""), page2)
    left = surviving(doc, propose(doc, ctx=context())[0])
    assert "threshold is crossed" not in left
    assert "sought at the first hearing" not in left
    assert "Solicitor, Legal Services" in left
    # negative: the same two pages signed by someone outside the council's lawyers
    doc = make_doc("mail.pdf", page1.replace("<ysolde.marrack@fenbridge.gov.uk>", ""),
                   page2.replace("Solicitor, Legal Services", "Youth Worker, Kestrel Club"))
    left = surviving(doc, propose(doc, ctx=context())[0])
    assert "threshold is crossed" in left


def test_a_name_the_cast_left_unresolved_is_the_same_person_on_the_page():
    """Rule tp-owner-same-name: "<Given>\\n<Family>" broken over a line is the person resolved above."""
    text = "Her aunt Maribel Quorn visited. Maribel\nQuorn is on a tag now."
    names = [(9, 22, TP, ())]  # only the first occurrence was resolved
    got = [text[s:e] for s, e, _ in owned_sentences(text, sentence_bounds(text), names)]
    assert got == ["Maribel\nQuorn is on a tag now."]
    # negative: the same word resolved to the subject above stays the subject's
    text = "Wren Maribel Quorn visited. Maribel\nQuorn is on a tag now."
    names = [(0, 18, SUBJ, ())]
    assert owned_sentences(text, sentence_bounds(text), names) == []


def test_an_operation_and_a_drinking_habit_with_words_between():
    assert withheld("Her grandfather had knee surgery in the spring.")
    assert not withheld("Her grandfather had knee pads on in the spring.")
    assert withheld("Her stepmother drinks a bottle of gin on weekdays.")
    assert not withheld("Her stepmother drinks a cup of tea on weekdays.")


def test_a_signature_line_without_a_sign_off_stays():
    mail = _LAWYER_MAIL.replace("Kind regards\nYsolde Marrack\nSenior Solicitor, Legal Services\nFenbridge Council",
                                "Ysolde Marrack, Senior Solicitor (Children), Legal Services, Fenbridge Council")
    got = " ".join(mail[s:e] for s, e in lawyer_message_spans(mail))
    assert "threshold is crossed" in got
    assert "Senior Solicitor" not in got
