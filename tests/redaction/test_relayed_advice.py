"""Rules lpp-relayed-attributed and lpp-relayed-follow-on (redaction.legal_relayed), through the real engine.

Wording invented for these tests (SCH2-P19-LPP)."""

from redaction.legal_relayed import relayed_spans
from redaction.text import sentence_bounds
from tests.redaction.engine_support import make_doc, propose


def relayed(text):
    return [text[s:e] for s, e in relayed_spans(text, sentence_bounds(text))]


def legal(text):
    plan = propose(make_doc("mail.pdf", text))[0]
    return [" ".join(p.text.split()) for p in plan.proposals if p.entity_type == "LEGAL_ADVICE"]


def test_positive_attributed_advice_sentences():
    text = ("Legal Services have advised that we file the application by Friday. "
            "The council's solicitor says the grandparents have no standing. "
            "We were told by Legal that the plan can change.")
    assert len(legal(text)) == 3
    assert all(p.code == "SCH2-P19-LPP" for p in propose(make_doc("m.pdf", text))[0].proposals
               if p.entity_type == "LEGAL_ADVICE")


def test_negative_consultation_or_own_lawyer_is_not_advice():
    text = ("A legal planning meeting took place on 2 June. "
            "The parents were told to get their own solicitor. "
            "Mum said her solicitor advised her to say nothing.")
    assert relayed(text) == []


def test_positive_follow_on_sentences_after_consulting_legal():
    text = ("Hi Gwen. I checked with Legal yesterday. Their position is that the aunt cannot be told "
            "the address. They also suggested that we record every call.\nThanks, Ola")
    got = relayed(text)
    assert got == ["Their position is that the aunt cannot be told the address.",
                   "They also suggested that we record every call."]
    assert "I checked with Legal yesterday." not in legal(text)


def test_negative_pronoun_view_without_a_consultation():
    text = "Hi Gwen. I met the grandparents yesterday. Their view is that the aunt should not visit."
    assert relayed(text) == []


def test_positive_follow_on_after_a_named_council_lawyer():
    text = ("I went through the chronology with Odette Marr, solicitor in the council's legal team. "
            "She advised that the evidence does not yet meet the threshold.\n\n"
            "Telephone call with the local authority solicitor, Mr Cal Brennan. "
            "He was of the view that the placement order application would succeed.")
    assert relayed(text) == ["She advised that the evidence does not yet meet the threshold.",
                             "He was of the view that the placement order application would succeed."]
    assert not any("Odette Marr" in t or "Cal Brennan" in t for t in legal(text))  # the consultation stays


def test_negative_a_named_solicitor_who_is_not_the_councils():
    text = ("I went through the chronology with Odette Marr, the mother's solicitor. "
            "She advised that her client would oppose the plan.\n\n"
            "Telephone call with Mr Cal Brennan, solicitor for the father. "
            "He was of the view that contact should increase.")
    assert relayed(text) == []


def test_positive_email_forms_of_relayed_advice():
    text = ("Hi both, the advice we got from legal was that we should not share the address.\n\n"
            "Per legal, we need to issue within 14 days.\n\n"
            "Our solicitor Ms Varga has advised that the order is likely to be granted.\n\n"
            "Spoke with Ines in Legal this morning - she thinks the aunt has no standing.\n\n"
            "I have run this past legal and they are happy for us to proceed.")
    assert relayed(text) == [
        "Hi both, the advice we got from legal was that we should not share the address.",
        "Per legal, we need to issue within 14 days.",
        "Our solicitor Ms Varga has advised that the order is likely to be granted.",
        "she thinks the aunt has no standing.",
        "they are happy for us to proceed.",
    ]


def test_negative_email_forms_that_are_not_the_councils_advice():
    text = ("We spoke to Legal - the meeting is on Friday.\n\n"
            "I spoke to Legal and then rang the school.\n\n"
            "Mum said per her solicitor she will not attend.\n\n"
            "The legal order was made. Spoke to mum - she said she is fine.\n\n"
            "The mother's solicitor, Ms Varga, has advised her to say nothing.")
    assert relayed(text) == []
