"""Third parties' sensitive information by kind (redaction.sensitive, issue 10): one positive and one
negative row per kind and per rule added for it.

Kinds: health, criminal record, criminal investigations and proceedings, sexual history, finances and
debt. Rules: the cues of lexicon/sensitive_cues.txt, tp-sensitive-numbered (a numbered paragraph
"4.2 He owes ..." opens like any sentence), tp-sensitive-relative-before (a pronoun sentence after
one that opens with a relative is the relative's) and tp-sensitive-serious-harm (the sentence goes to
a manager as serious harm when the record says disclosure would harm).
"""

import pytest

from redaction.sensitive import cue_kind, sensitive_sentences, serious_harm
from redaction.text import sentence_bounds
from tests.redaction.engine_support import context, make_doc, propose

TP = "Doran Vesk"

KIND_ROWS = [
    # kind, sentence naming the third party at its start, withheld?
    ("health", "Doran Vesk was treated for depression last spring.", True),
    ("health", "Doran Vesk was treated to a day out at the coast.", False),
    ("offending", "Doran Vesk has a previous caution for criminal damage.", True),
    ("offending", "Doran Vesk gave a previous account of the day.", False),
    ("investigation", "Doran Vesk is under investigation for burglary.", True),
    ("investigation", "Doran Vesk is under pressure at work.", False),
    ("proceedings", "Doran Vesk is awaiting trial at the Crown Court.", True),
    ("proceedings", "Doran Vesk is awaiting news of the new flat.", False),
    ("sexual", "Doran Vesk had an affair with a neighbour last year.", True),
    ("sexual", "Doran Vesk had a chat with a neighbour last year.", False),
    ("debt", "Doran Vesk has rent arrears and a county court judgment.", True),
    ("debt", "Doran Vesk pays the rent on time.", False),
    ("debt-ccj", "Doran Vesk has a CCJ and bailiffs have called.", True),
    ("debt-ccj", "Doran Vesk has a CCTV camera by the door.", False),
]


@pytest.mark.parametrize(("kind", "text", "withheld"), KIND_ROWS, ids=[f"{r[0]}-{r[2]}" for r in KIND_ROWS])
def test_kind_rows(kind, text, withheld):
    found = sensitive_sentences(text, sentence_bounds(text), [(0, len(TP))], [], ("Lorcan",))
    assert bool(found) is withheld, (kind, found)


def test_every_kind_has_a_positive_and_a_negative_row():
    kinds: dict[str, set[bool]] = {}
    for kind, _t, w in KIND_ROWS:
        kinds.setdefault(kind, set()).add(w)
    assert all(v == {True, False} for v in kinds.values())


def test_cue_kinds_of_new_vocabulary():
    assert cue_kind("He is under investigation.") == "offending"
    assert cue_kind("She owes money to a loan shark.") == "debt"


def spans(text, tp=()):
    return [text[s:e] for s, e, _ in sensitive_sentences(text, sentence_bounds(text), tp, [], ("Lorcan",))]


def test_numbered_paragraph_pronoun_after_a_third_party():
    text = "4.1 Doran Vesk moved in last year. 4.2 He owes about 900 pounds in rent."
    assert spans(text, tp=[(4, 14)]) == ["He owes about 900 pounds in rent."]
    # negative: the pronoun sentence follows one about the subject
    text = "4.1 Lorcan moved school last year. 4.2 He owes about 900 pounds in rent."
    assert spans(text) == []


def test_pronoun_after_a_sentence_that_opens_with_a_relative():
    text = "Her mother is also registered here. She was treated for depression."
    assert spans(text) == ["Her mother is also registered here.", "She was treated for depression."][1:]
    text = "The room is also booked here. She was treated for depression."
    assert spans(text) == []


def test_pronoun_antecedent_is_the_nearest_sentence_that_names_anyone():
    """A wrapped line between them (extracted as its own sentence) does not break the link."""
    text = "Doran Vesk moved in last year. Over the winter. She has rent arrears."
    assert spans(text, tp=[(0, 10)]) == ["She has rent arrears."]
    # negative: the nearest naming sentence is about the subject
    text = "Doran Vesk moved in last year. Lorcan moved school. Over the winter. She has rent arrears."
    assert spans(text, tp=[(0, 10)]) == []


def test_serious_harm_flag():
    assert serious_harm("Her mother's drug use must not be shared with the father.")
    assert not serious_harm("Her mother was treated for depression.")


@pytest.mark.slow
def test_engine_codes_a_serious_harm_sentence_for_a_manager():
    doc = make_doc("note.pdf", "Case note\nDoran Vesk, the mother's partner, was present. Doran Vesk has "
                   "convictions for assault and must not be told where the foster carers live. Doran Vesk "
                   "was treated for depression last year.\n")
    plan = propose(doc, ctx=context())[0]
    codes = {" ".join(p.text.split()): p.code for p in plan.proposals}
    harm = [t for t, c in codes.items() if "convictions" in t]
    plain = [t for t, c in codes.items() if "depression" in t]
    assert harm and codes[harm[0]] == "SCH3-SERIOUS-HARM", codes
    assert plain and codes[plain[0]] == "SCH2-P16-THIRD-PARTY", codes
