"""EIR from its definition (reg 2(1), rulebook T-2), topic carried into follow-up clauses, and arguable
FOI/EIR readings recorded. Each new cue has a positive and a negative row."""

from __future__ import annotations

import pytest

from triage import triage

ROWS = [
    # reg 2(1)(a)/(c): trees, their protection and planning decisions
    ("tree-pruning", "When were the trees on Elm Walk last pruned?", {"eir"}),
    ("tree-in-a-name", "How many children attend the Oak Tree children's centre?", {"foi"}),
    ("tree-family", "Please send your guidance on helping adopted children draw a family tree.", {"foi"}),
    ("tpo", "Please list the tree preservation orders made in 2024.", {"eir"}),
    ("conservation-area", "Which streets are in the Mill conservation area?", {"eir"}),
    ("lawful-development", "Please send the lawful development certificate for 4 Hill Road.", {"eir"}),
    ("prior-approval", "Please send the officer's report on the prior approval application at the old "
     "depot.", {"eir"}),
    ("hardstanding", "Please send the enforcement file on the unauthorised hardstanding at Low Farm.",
     {"eir"}),
    ("ecologist", "Please send the comments of the council's ecologist on the new school site.", {"eir"}),
    ("gritting", "How much did the council spend on gritting last winter?", {"eir"}),
    ("gritted", "Please send the list of roads gritted by the council.", {"eir"}),
    ("grit-figure", "Please send the 'true grit' resilience training materials for foster carers.", {"foi"}),
    ("diffusion-tubes", "Please send the diffusion tube readings for Station Road.", {"eir"}),
    # soil and smoke as elements, not as figures of speech or as a child's home life
    ("soil-sampling", "Please send the soil sampling results for the nursery site.", {"eir"}),
    ("soil-figure", "The report said the council would 'protect British soil'. Please send the Leader's "
     "briefing notes on placements.", {"foi"}),
    ("smoke-bonfire", "Please send the complaints about smoke from bonfires on the allotments.", {"eir"}),
    ("smoke-cigarette", "Please send guidance to social workers on children exposed to cigarette smoke at "
     "home.", {"foi"}),
    # topic carried across clauses
    ("carry-of-these", "Under the EIR, how many tree preservation orders were made in 2024? Of these, how "
     "many were revoked?", {"eir"}),
    ("carry-same-period", "How much was spent on gritting in 2024, and how many tonnes were used in the same "
     "period?", {"eir"}),
    ("no-carry-new-subject", "Please send the air quality readings for Mill Lane. How many social workers "
     "left in 2024?", {"eir", "foi"}),
    ("between-one-phrase", "Please provide the correspondence between the council and the developer about "
     "the prior approval.", {"eir"}),
]


@pytest.mark.parametrize("text,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_topic_regimes(text: str, expected: set[str]) -> None:
    result = triage(text)
    assert set(result.regimes) == expected, result.to_dict()


def test_carried_topic_says_where_it_came_from() -> None:
    result = triage("Please list the tree preservation orders made in 2024. Of these, how many were revoked?")
    assert [p.regime for p in result.parts] == ["eir"]
    assert any("carried from" in r for r in result.parts[0].reasons)


def test_arguable_foi_eir_records_the_alternative_and_asks_for_a_check() -> None:
    part = triage("Please send the contract for the air quality monitoring near schools.").parts[0]
    assert part.regime == "eir"
    assert part.confidence == "medium" and part.check
    assert any("alternative: foi" in r for r in part.reasons)


def test_plain_environmental_request_is_confident() -> None:
    part = triage("Please send the noise survey for Oak House.").parts[0]
    assert part.regime == "eir" and part.confidence == "high" and not part.check


def test_default_fallback_is_low_confidence() -> None:
    part = triage("Please send me the thing we discussed.").parts[0]
    assert part.confidence == "low" and part.check


@pytest.mark.parametrize("text,expected", [
    ("Please give the number of fixed penalty notices for littering in 2024.", {"eir"}),
    # T-1 deceased: no cue for whose records, but the person has died, so not a parent's SAR by default
    ("My late father was a foster carer for the council in the 1980s. Please send any records you hold "
     "about his time as a carer.", {"foi"}),
    ("How many sites were remediated in the last five years?", {"eir"}),
    ("What remedies were offered after complaints were upheld in 2024?", {"foi"}),
    ("I am a foster carer. Please send me the records you hold about my time as a carer.", {"sar"}),
])
def test_second_batch_mechanisms(text: str, expected: set[str]) -> None:
    assert set(triage(text).regimes) == expected, triage(text).to_dict()


@pytest.mark.parametrize("text,confidence", [
    ("Please send her records.", "medium"),       # whose records? nothing says she is the requester
    ("Caller wants her file.", "high"),           # a phone note: she is the caller
    ("Please send me my file.", "high"),
])
def test_loose_personal_readings_ask_for_a_check(text: str, confidence: str) -> None:
    part = triage(text).parts[0]
    assert part.regime == "sar" and part.confidence == confidence
    assert part.check == (confidence != "high")
