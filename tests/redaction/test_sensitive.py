"""Rule tp-sensitive-sentence (redaction.sensitive, issue 10): positive and negative rows."""

import pytest

from redaction.sensitive import cue_kind, sensitive_sentences
from redaction.text import sentence_bounds
from tests.redaction.engine_support import context, make_doc, propose, redacted_texts


def spans(text, tp=(), subj=(), given=("Lorcan",)):
    found = sensitive_sentences(text, sentence_bounds(text), tp, subj, given)
    return [text[s:e] for s, e, _ in found]


def test_cue_kinds():
    assert cue_kind("He was convicted of affray.") == "offending"
    assert cue_kind("She has a diagnosis of bipolar disorder.") == "health"
    assert cue_kind("They went to the park.") is None


def test_positive_relation_start_with_health_cue():
    text = "Visit went well. Her mother was diagnosed with cancer in January. Next visit in May."
    assert spans(text) == ["Her mother was diagnosed with cancer in January."]


def test_negative_sentence_about_the_subject_stays():
    text = "Lorcan was given medication for asthma. Her mother takes antidepressants."
    assert spans(text) == ["Her mother takes antidepressants."]


def test_negative_no_cue_or_no_third_party():
    text = "Her mother took him to the park. A worker was convicted of nothing."
    assert spans(text) == []


def test_positive_named_third_party_span():
    text = "Doran Vesk has convictions for wounding."
    assert spans(text, tp=[(0, 10)]) == [text]
    assert spans(text, tp=[], subj=[(0, 10)]) == []


@pytest.mark.slow
def test_engine_withholds_third_party_sentence_but_not_the_subjects():
    doc = make_doc("note.pdf", "Case note\nDoran Vesk, the mother's partner, was present. Doran Vesk was released "
                   "from prison on licence in 2016. Lorcan Halloran has asthma and was prescribed an inhaler.\n")
    texts = redacted_texts(propose(doc, ctx=context())[0])
    assert "Doran Vesk was released from prison on licence in 2016." in texts
    assert not any("inhaler" in t for t in texts)


def test_professional_reporting_the_information_keeps_their_name():
    text = "Ingrid Okafor reported that Doran Vesk has two previous convictions for assault."
    got = sensitive_sentences(text, sentence_bounds(text), [(28, 38)], [], ("Lorcan",), [(0, 13)])
    assert [text[s:e] for s, e, _ in got] == ["reported that Doran Vesk has two previous convictions for assault."]
    # Negative row: without a professional the whole sentence goes.
    got = sensitive_sentences(text, sentence_bounds(text), [(28, 38)], [], ("Lorcan",))
    assert [text[s:e] for s, e, _ in got] == [text]


def test_incident_narrative_is_not_a_criminal_record_sentence():
    """An event in the child's life ("X assaulted the mother", "X was arrested") stays, names aside;
    a third party's record ("X has convictions for assault") goes whole."""
    text = "Doran Vesk assaulted the mother. Doran Vesk was arrested. Doran Vesk has convictions for assault."
    tp = [(0, 10), (33, 43), (58, 68)]
    assert spans(text, tp=tp) == ["Doran Vesk has convictions for assault."]


def test_positive_relatives_possession_anywhere_in_the_sentence():
    """Rule tp-sensitive-possessive."""
    text = "I know that your husband's dementia makes nights hard."
    assert spans(text) == [text]


def test_negative_relation_word_without_possession():
    assert spans("I know that your husband asked for dementia leaflets.") == []


def test_positive_pronoun_after_a_sentence_naming_only_a_third_party():
    """Rule tp-sensitive-pronoun."""
    text = "Doran Vesk is known to police. He was convicted of affray in 2019."
    assert spans(text, tp=[(0, 10)]) == ["He was convicted of affray in 2019."]


def test_negative_pronoun_after_a_sentence_naming_the_subject():
    text = "Lorcan Halloran met Doran Vesk. He was convicted of affray in 2019."
    assert spans(text, tp=[(20, 30)], subj=[(0, 15)]) == []


def test_positive_subject_only_reports_the_information():
    """Rule tp-sensitive-reported-by-subject: the subject's name stays, the rest goes."""
    text = "Lorcan said Doran Vesk has been in prison for burglary."
    assert spans(text, tp=[(12, 22)]) == ["said Doran Vesk has been in prison for burglary."]


def test_negative_subject_is_the_one_in_prison():
    text = "Lorcan has been in prison, Doran Vesk said."
    assert spans(text, tp=[(27, 37)]) == []


def test_positive_a_short_wrapped_line_of_prose_continues_its_sentence():
    text = ("Section 3: background to the referral from the school, received on the Monday morning.\n"
            "Doran Vesk received a caution for theft\nin 2017 and was convicted again in 2020.\nHealth")
    got = [text[a:b].strip() for a, b in sentence_bounds(text)]
    assert "Doran Vesk received a caution for theft\nin 2017 and was convicted again in 2020." in got


def test_negative_short_cells_and_headings_stay_apart():
    text = ("Section 3: background to the referral from the school, received on the Monday morning.\n"
            "Relationship\nmother\nHealth and wellbeing\nno concerns noted.")
    got = [text[a:b].strip() for a, b in sentence_bounds(text)]
    assert "Relationship" in got and "mother" in got and "Health and wellbeing" in got
