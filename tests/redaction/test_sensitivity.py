"""Confidentiality level proposals (issue 14; seed policy "levels of confidentiality"): one row per rule."""

from __future__ import annotations

import pytest

from redaction.sensitivity import (
    CONFIDENTIAL,
    HIGHLY_SENSITIVE,
    SENSITIVE,
    Span,
    classify_passage,
    highest,
    propose_document,
    propose_page,
)

ROWS = [
    # (passage, engine entity types in it, expected level, a cue that must be named)
    ("Visit arranged for Tuesday to discuss the plan.", [], CONFIDENTIAL, None),
    ("Her address is 4 Mill Lane.", ["UK_ADDRESS"], CONFIDENTIAL, None),  # locating, no risk: default
    ("She has been diagnosed with depression.", [], SENSITIVE, "sensitive:health"),
    ("He said he is gay and has not told his father.", [], SENSITIVE, "sensitive:sexuality"),
    ("Her history of sexual abuse was discussed.", [], SENSITIVE, "sensitive:abuse_history"),
    ("She is afraid of going home.", [], SENSITIVE, "sensitive:hopes_wishes_fears"),
    ("The foster carers live at 4 Mill Lane.", ["UK_ADDRESS"], HIGHLY_SENSITIVE, "risk:placement"),
    ("Father has threatened to take him from St Anne's School.", ["SCHOOL"], HIGHLY_SENSITIVE, "risk:violence"),
    ("The adopters' telephone number is 01234 567890.", ["PHONE_NUMBER"], HIGHLY_SENSITIVE,
     "risk:adoption_regulation"),
    ("The foster carers are kind.", [], CONFIDENTIAL, None),  # a risk cue without a locating detail
    ("Her mental health history must not be shared with her father.", [], HIGHLY_SENSITIVE,
     "harm:disclosure_harm"),
]


@pytest.mark.parametrize(("text", "entities", "level", "cue"), ROWS, ids=[r[0][:30] for r in ROWS])
def test_each_level_has_positive_and_negative_rows(text, entities, level, cue):
    got = classify_passage(text, entities)
    assert got.level == level
    if cue:
        assert cue in got.cues
    else:
        assert got.cues == ()


def test_a_page_takes_its_highest_passage_and_keeps_spans_for_each():
    text = "Plan reviewed.\nShe has been diagnosed with asthma.\nThe foster carers live at 4 Mill Lane.\n"
    start = text.index("4 Mill Lane")
    page, passages = propose_page(text, [Span("UK_ADDRESS", start, start + len("4 Mill Lane"))])
    assert page.level == HIGHLY_SENSITIVE
    assert [p.level for p in passages] == [SENSITIVE, HIGHLY_SENSITIVE]
    assert text[passages[1].start:passages[1].end].strip() == "The foster carers live at 4 Mill Lane."


def test_the_document_is_the_highest_page_and_never_below_confidential():
    assert propose_document([]).level == CONFIDENTIAL
    assert propose_document(["Plan reviewed.", "She is pregnant."]).level == SENSITIVE
    assert highest([]) == CONFIDENTIAL
