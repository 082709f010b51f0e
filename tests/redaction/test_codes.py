import pytest

from redaction.codes import EXEMPTION_CODES, ExemptionCode, code_for_regime, get_code

REQUIRED = [
    "SCH2-P16-THIRD-PARTY",
    "SCH2-P19-LPP",
    "SCH3-SERIOUS-HARM",
    "SCH3-P10-EXPECTATIONS",
    "SCH3-P21-CHILD-ABUSE",
    "SCH2-P2-CRIME",
    "SCH4-ADOPTION",
    "NOT-RELEVANT",
    "DUPLICATE",
    "FOIA-S40-2",
    "FOIA-S41",
    "FOIA-S42",
    "FOIA-S31",
    "FOIA-S38",
    "EIR-R13",
    "EIR-R12-5-B",
]


@pytest.mark.parametrize("code", REQUIRED)
def test_every_required_code_is_in_the_one_table(code):
    entry = get_code(code)
    assert entry.code == code
    assert entry.basis and entry.title and entry.reason
    assert entry.regimes <= {"sar", "foi", "eir"}


def test_legal_bases_match_the_rulebook():
    assert get_code("SCH2-P16-THIRD-PARTY").basis == "DPA 2018 Sch 2 Part 3 para 16"
    assert get_code("SCH2-P19-LPP").basis == "DPA 2018 Sch 2 Part 4 para 19"
    assert "Sch 3 Part 3 para 11" in get_code("SCH3-SERIOUS-HARM").basis
    assert get_code("SCH3-SERIOUS-HARM").needs_manager_decision


def test_regimes_keep_dpa_codes_out_of_foi():
    assert get_code("SCH2-P16-THIRD-PARTY").regimes == {"sar"}
    assert get_code("FOIA-S40-2").regimes == {"foi"}
    assert get_code("EIR-R13").regimes == {"eir"}
    assert code_for_regime("SCH2-P16-THIRD-PARTY", "foi") == "FOIA-S40-2"
    assert code_for_regime("SCH2-P19-LPP", "eir") == "EIR-R12-5-B"
    assert code_for_regime("SCH2-P19-LPP", "sar") == "SCH2-P19-LPP"


def test_unknown_code_raises_keyerror_listing_known_codes():
    with pytest.raises(KeyError, match="unknown exemption code 'NOPE'.*SCH2-P19-LPP"):
        get_code("NOPE")


def test_table_is_read_only_and_validated():
    with pytest.raises(TypeError):
        EXEMPTION_CODES["X"] = None  # type: ignore[index]
    with pytest.raises(ValueError):
        ExemptionCode("X", "basis", "title", "reason", frozenset({"nope"}))
