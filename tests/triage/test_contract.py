"""The API contract of triage: validation, result shape, reasons, checks and ordering."""

from __future__ import annotations

import pytest

from tests.triage import (
    test_eir,
    test_foi,
    test_mixed,
    test_own_data,
    test_review,
    test_rights,
    test_third_party,
    test_vexatious,
)
from triage import CHECKS, REGIMES, REQUESTER_TYPES, TriagePart, TriageResult, triage

ALL_ROWS = (test_own_data.ROWS + test_foi.ROWS + test_eir.ROWS + test_third_party.ROWS + test_rights.ROWS
            + test_review.ROWS + test_mixed.ROWS + test_vexatious.ROWS)


def test_row_ids_are_unique_and_many() -> None:
    ids = [r[0] for r in ALL_ROWS]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 60




@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        triage(text)


def test_unknown_requester_type_is_rejected_with_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown requester type 'alien'.*data_subject"):
        triage("Please send my file", "alien")


@pytest.mark.parametrize("requester_type", REQUESTER_TYPES)
def test_every_requester_type_is_accepted(requester_type: str) -> None:
    result = triage("Please send me the records.", requester_type)
    assert result.parts and result.regimes <= set(REGIMES)


def test_to_dict_shape() -> None:
    d = triage("Please send me my file and your policy on contact.").to_dict()
    assert list(d) == ["parts"]
    assert [p["regime"] for p in d["parts"]] == ["sar", "foi"]
    for part in d["parts"]:
        assert set(part) == {"regime", "reasons", "excerpt", "checks", "confidence", "check", "original"}
        assert isinstance(part["reasons"], list) and isinstance(part["checks"], list)
    assert d["parts"][0]["excerpt"] == "Please send me my file"
    assert d["parts"][1]["excerpt"] == "your policy on contact."


def test_parts_are_frozen_and_validated() -> None:
    part = TriagePart("sar", ("T-1",), "my file", ("identity",))
    with pytest.raises(AttributeError):
        part.regime = "foi"  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown regime"):
        TriagePart("dsar", (), "x")
    with pytest.raises(ValueError, match="unknown check"):
        TriagePart("sar", (), "x", ("vibes",))
    assert TriageResult((part,)).regimes == {"sar"}


def test_excerpts_follow_the_text_in_order() -> None:
    text = "Send me my file; your complaints policy; and the noise survey for Oak House."
    parts = triage(text).parts
    assert [p.regime for p in parts] == ["sar", "foi", "eir"]
    positions = [text.index(p.excerpt) for p in parts]
    assert positions == sorted(positions)


def test_adjacent_clauses_of_one_regime_are_merged() -> None:
    parts = triage("Please send my file. Include my case notes. And my son's records.").parts
    assert [p.regime for p in parts] == ["sar"]
    assert "parental_responsibility" in parts[0].checks and "identity" in parts[0].checks


# --- reasons name the rule and the words ----------------------------------------------------------------


def test_own_data_reason_cites_t1_and_quotes_the_words() -> None:
    (part,) = triage("Please send me my file.").parts
    assert part.reasons[0] == (
        "T-1 / FOIA s.40(1), EIR reg 5(3): requester asks for their own personal data ('my file')"
    )
    assert part.checks == ("identity",)


def test_foia_named_for_own_data_says_so() -> None:
    (part,) = triage("Under the Freedom of Information Act, please send my records.").parts
    assert part.regime == "sar"
    assert any("s.40(5A)" in r and "FOIA" in r for r in part.reasons)


def test_environmental_reason_cites_t2() -> None:
    (part,) = triage("Please send the asbestos survey for Elm House.").parts
    assert part.reasons[0].startswith("T-2 / EIR reg 2(1)") and "'asbestos" in part.reasons[0]


def test_third_party_reason_names_the_statutory_basis() -> None:
    (part,) = triage("I am the Children's Guardian and wish to examine the records under s.42.").parts
    assert part.regime == "third-party"
    assert "T-5" in part.reasons[0] and "s.42" in part.reasons[0]


def test_police_requester_type_alone_routes_to_third_party() -> None:
    (part,) = triage("Please send everything you have on Mr X.", "police").parts
    assert part.regime == "third-party" and "Sch 2" in part.reasons[0]


def test_journalist_about_a_named_case_notes_s40_2() -> None:
    (part,) = triage("Please send me the social care file on Baby T.", "journalist").parts
    assert part.regime == "foi" and any("s.40(2)" in r for r in part.reasons)


def test_deceased_reason() -> None:
    (part,) = triage("My late mother was in care. Please send me her file.").parts
    assert part.regime == "foi" and part.reasons[0].startswith("T-1 deceased")


# --- checks -------------------------------------------------------------------------------------------


def test_parent_gets_pr_and_competence_checks() -> None:
    (part,) = triage("I want my daughter's social care records.").parts
    assert part.checks == ("identity", "parental_responsibility", "child_competence")
    assert part.reasons[0].startswith("T-4")


def test_solicitor_gets_authority_check() -> None:
    (part,) = triage("We act for Ms Lee. Please send our client's records; her authority is enclosed.").parts
    assert part.regime == "sar" and "solicitor_authority" in part.checks


def test_adoption_records_flag_the_adoption_route() -> None:
    (part,) = triage("I was adopted in 1990 and want my adoption file.").parts
    assert part.regime == "sar" and "adoption_route" in part.checks
    assert any("Sch 4 para 3" in r for r in part.reasons)


def test_care_leaver_is_sar_with_t6_reason() -> None:
    (part,) = triage("I'm a care leaver and would like my file.").parts
    assert part.regime == "sar" and any(r.startswith("T-6") for r in part.reasons)


def test_child_requester_gets_competence_check() -> None:
    (part,) = triage("I am 13 and I want to see my file.").parts
    assert "child_competence" in part.checks


@pytest.mark.parametrize(
    "text,regimes",
    [
        ("For the third time, send me my file.", {"sar"}),
        ("I have asked 6 times how many children are in care. Answer it.", {"foi"}),
        ("Yet again: the noise survey for Oak House and my records.", {"eir", "sar"}),
    ],
)
def test_vexatious_cues_flag_every_part_but_never_change_the_regime(text: str, regimes: set[str]) -> None:
    result = triage(text)
    assert result.regimes == regimes
    for part in result.parts:
        assert "flag_vexatious_review" in part.checks
        assert any(r.startswith("T-7") and "never auto-refuse" in r for r in part.reasons)


def test_checks_are_known_and_in_canonical_order() -> None:
    for _, text, requester_type, _ in ALL_ROWS:
        for part in triage(text, requester_type).parts:
            assert list(part.checks) == [c for c in CHECKS if c in part.checks]


def test_negation_of_own_data() -> None:
    assert triage("I am not asking for my own file; what is your retention policy?").regimes == {"foi"}
    assert triage("This is not a subject access request. How many SARs did you get?").regimes == {"foi"}

