"""Reviews and complaints about handling are decided for the whole request and linked to the original
(FOIA s.45 Code / rulebook F-8, EIR reg 11 / E-6, G-9 for SAR responses)."""

from __future__ import annotations

import pytest

from triage import triage
from triage.reviews import original_request, review_request

# (id, text, expected regimes)
ROWS = [
    # positive: a review asked for, whatever topic the original had
    ("rv-handling", "I am writing to request an internal review of Northam Council's handling of my FOI "
     "request 'Agency spend'. You applied section 12 to all of it.", {"foi-internal-review"}),
    ("rv-carry-out", "Ref FOI/2291. I disagree that s.40(2) applies to totals. Please carry out an internal "
     "review.", {"foi-internal-review"}),
    ("rv-topic-quoted", "Please review your decision on my FOI request about air quality monitoring near the "
     "schools and the flood reports.", {"foi-internal-review"}),
    ("rv-eir-named", "I am not happy with the reply to my request under the EIR about the tree survey. Please "
     "reconsider it under regulation 11.", {"eir-reconsideration"}),
    ("rv-env-unnamed", "Please review your response about the noise readings; the readings are not personal "
     "data.", {"eir-reconsideration"}),
    ("rv-sar", "I would like an internal review of how you handled my subject access request; pages are "
     "missing.", {"sar"}),
    ("rv-plus-own-file", "I want an internal review of your handling of my FOI request about contracts, and I "
     "also want a copy of my own file.", {"foi-internal-review", "sar"}),
    ("rv-complaint-handling", "I made an FOI request in January (ref FOI-2211) and have had no reply. I want "
     "to complain about how you handled it.", {"foi-internal-review"}),
    ("rv-sar-handling", "I'm unhappy with how you handled my subject access request, pages are missing.",
     {"sar"}),
    ("rv-plus-new-question", "Please carry out an internal review of my FOI request ref FOI-88; you missed "
     "question 2. Separately, please tell me how many foster carers you had in 2024.",
     {"foi-internal-review", "foi"}),
    ("rv-reason-quotes-topic", "Please carry out an internal review of my FOI request ref FOI-88. You said "
     "you hold no figures on foster carers, but your annual report has them.", {"foi-internal-review"}),
    # negative: reviews mentioned, not asked for; a complaint about a social-work case is not a review
    ("rv-service-complaint", "I want to complain about how you handled my son's case conference and I want "
     "a copy of the minutes.", {"sar"}),
    ("rv-procedure", "How does your internal review procedure work? Please send it and the number of "
     "internal reviews completed in 2024.", {"foi"}),
    ("rv-statistics", "How many internal reviews did children's services carry out last year?", {"foi"}),
    ("rv-policy-named", "Please send your policy on internal reviews of FOI requests.", {"foi"}),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_review_regimes(text: str, expected: set[str]) -> None:
    result = triage(text)
    assert set(result.regimes) == expected, result.to_dict()


def test_a_review_is_one_part_covering_the_request() -> None:
    result = triage("Please review your decision on my FOI request about spending on parks and on staff.")
    assert len(result.parts) == 1


def test_original_is_linked_by_reference_date_title_and_thread() -> None:
    text = ("Your ref EIR/0932, your response of 3 May 2024 to my request 'Mill Street notes'. Please "
            "reconsider it under regulation 11.\nA full history of my FOI request and all correspondence is "
            "available on the Internet at this address: https://www.whatdotheyknow.com/request/mill_street")
    part = triage(text).parts[0]
    assert part.regime == "eir-reconsideration"
    assert dict(part.original) == {"reference": "EIR/0932", "date": "3 May 2024", "title": "Mill Street notes",
                                   "url": "https://www.whatdotheyknow.com/request/mill_street"}
    assert "linked to the original request" in " ".join(part.reasons)


def test_no_link_says_so_and_an_unnamed_original_is_a_reading_to_check() -> None:
    part = triage("I asked for the number of staff and you refused it. Please review your decision.").parts[0]
    assert part.regime == "foi-internal-review"
    assert part.original == ()
    assert part.confidence == "medium" and part.check
    assert any("no reference or date" in r for r in part.reasons)


def test_foi_review_of_environmental_topic_records_the_alternative() -> None:
    part = triage("I request an internal review of the handling of my FOI request about tree felling; it "
                  "should have been handled under the EIR.").parts[0]
    assert part.regime == "foi-internal-review"
    assert part.check
    assert any("eir-reconsideration" in r for r in part.reasons)


def test_original_request_finds_nothing_in_plain_text() -> None:
    assert original_request("Please send me the policy.") == ()
    assert review_request(" please send me the policy ", "Please send me the policy.") is None
    # a review verb with no information request in sight is a service complaint, not a review
    assert review_request(" please review your decision to close the youth club ", "") is None
