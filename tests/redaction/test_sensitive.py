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
