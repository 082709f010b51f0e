"""One test per recognizer of the configured analyzer (redaction.nlp + redaction.detectors)."""

import pytest

from redaction.detectors import (
    AddressRecognizer,
    CaseReferenceRecognizer,
    DateOfBirthRecognizer,
    GpPracticeRecognizer,
    NhsContextRecognizer,
    NhsWrappedRecognizer,
    NinoRecognizer,
    RelationshipNameRecognizer,
    SchoolRecognizer,
    TitledNameRecognizer,
    UkPhoneFallbackRecognizer,
)
from tests.redaction.engine_support import shared_engine


def found(recognizer, text, entity=None):
    return [
        text[r.start : r.end]
        for r in recognizer.analyze(text, entities=[])
        if entity is None or r.entity_type == entity
    ]


@pytest.fixture(scope="module")
def analyzer():
    return shared_engine().analyzer


def analysed(analyzer, text, entity):
    return [text[r.start : r.end] for r in analyzer.analyze(text, language="en") if r.entity_type == entity]


@pytest.mark.slow
def test_nhs_number_with_valid_checksum(analyzer):
    assert "943 476 5919" in analysed(analyzer, "Her number is 943 476 5919 on the GP record.", "UK_NHS")


def test_nhs_context_catches_a_failed_checksum():
    text = "NHS number is 943 476 5910 and NHS No: 401-023-2137."
    assert found(NhsContextRecognizer(), text) == ["943 476 5910", "401-023-2137"]


@pytest.mark.slow
def test_national_insurance_number(analyzer):
    assert "JT 12 34 56 C" in analysed(
        analyzer, "His National Insurance number (JT 12 34 56 C) was checked.", "UK_NINO"
    )


def test_national_insurance_number_wrapped_over_a_line():
    text = "He gave his NI number as KP 20 71\n53 B for the claim; not XX 11 22 33 E or GB 12 34 56 A."
    assert found(NinoRecognizer(), text) == ["KP 20 71\n53 B"]


def test_nhs_numbers_wrapped_over_a_line():
    assert found(NhsContextRecognizer(), "NHS No:\n401 023\n2137 seen.") == ["401 023\n2137"]
    # Without a cue only a checksum-valid number counts.
    assert found(NhsWrappedRecognizer(), "Her number 943 476\n5919, not 943 476\n5910.") == ["943 476\n5919"]


@pytest.mark.slow
def test_postcode_scores_above_threshold_without_context(analyzer):
    assert "NE46 1QP" in analysed(analyzer, "She moved to NE46 1QP last week.", "UK_POSTCODE")


@pytest.mark.slow
def test_gb_phone_recognizer_lenient(analyzer):
    assert "01632 960 123" in analysed(analyzer, "Call the landline 01632 960 123 tomorrow.", "PHONE_NUMBER")


def test_phone_fallback_drama_range_and_split_line():
    rec = UkPhoneFallbackRecognizer()
    assert found(rec, "Mobile 07700 900123 or +44 7700 900456.") == ["07700 900123", "+44 7700 900456"]
    assert found(rec, "Telephone 07469\n548845.") == ["07469\n548845"]
    assert found(rec, "Case 123456 and 0123 are not phones.") == []


@pytest.mark.slow
def test_email_address(analyzer):
    assert analysed(analyzer, "Reach him on kacper.w99@example.co.uk today.", "EMAIL_ADDRESS") == [
        "kacper.w99@example.co.uk"
    ]


def test_address_anchored_on_postcode_and_wrapped():
    rec = AddressRecognizer()
    text = "Referrer: Ann Bloggs, neighbour, of 147 Melrose\nPrairie, Kendal LA9 4RT. Telephone 07700 900123."
    assert found(rec, text) == ["147 Melrose\nPrairie, Kendal LA9 4RT"]


def test_address_does_not_absorb_the_cells_before_it():
    rec = AddressRecognizer()
    row = "Tobias Wren\nSubject\n04/04/2010\n402 118 9921\n7 Heron Close, Thame OX9 3LE\n"
    assert found(rec, row) == ["7 Heron Close, Thame OX9 3LE"]
    # A flat number on its own line is part of the address.
    assert found(rec, "Address:\nFlat 2\n44 Osier Way\nThame\nOX9 3LE") == ["Flat 2\n44 Osier Way\nThame\nOX9 3LE"]


def test_address_anchored_on_street_word():
    rec = AddressRecognizer()
    assert found(rec, "He now lives at Flat 2, 14 Mill Lane, Hexham and works nights.") == [
        "Flat 2, 14 Mill Lane, Hexham"
    ]


def test_address_in_capitals():
    rec = AddressRecognizer()
    assert found(rec, "ADDRESS: 22 QUARRY RISE, PENRITH CA11 7XY") == ["22 QUARRY RISE, PENRITH CA11 7XY"]


@pytest.mark.parametrize(
    "text,date",
    [
        ("Charlie (DOB 03/02/1983) lives", "03/02/1983"),
        ("His date of birth is 08/03/1982.", "08/03/1982"),
        ("She was born on 3 March 1987 in Leeds.", "3 March 1987"),
        ("Diane (15/07/2013) was unwell", "15/07/2013"),
        ("D.O.B. 1.2.95", "1.2.95"),
    ],
)
def test_date_of_birth_in_context(text, date):
    assert found(DateOfBirthRecognizer(), text) == [date]


def test_plain_dates_are_not_dates_of_birth():
    assert found(DateOfBirthRecognizer(), "The visit on 01/05/2016 went well.") == []


def test_school_names_without_job_titles():
    rec = SchoolRecognizer()
    assert found(rec, "Designated Safeguarding Lead Fellside Primary School") == ["Fellside Primary School"]
    assert found(rec, "He attends St Aidan's Academy and\nBrackenwood Junior School.") == [
        "St Aidan's Academy",
        "Brackenwood Junior School",
    ]
    assert found(rec, "at the school") == []


def test_gp_practice_names():
    rec = GpPracticeRecognizer()
    assert found(rec, "registered at Eden Valley Surgery and Market Street Medical Practice.") == [
        "Eden Valley Surgery",
        "Market Street Medical Practice",
    ]


@pytest.mark.slow
def test_vehicle_registration(analyzer):
    assert "AB12 CDE" in analysed(
        analyzer, "He drives a blue car, registration AB12 CDE.", "UK_VEHICLE_REGISTRATION"
    )


def test_case_reference_numbers():
    rec = CaseReferenceRecognizer()
    assert found(rec, "Case ref: CS-382105, Mosaic ID 1234567, UPN A123456789012") == [
        "CS-382105",
        "1234567",
        "A123456789012",
    ]


def test_titled_names_in_any_case_and_across_lines():
    rec = TitledNameRecognizer()
    assert found(rec, "Mrs Yates said MR O'NEIL and Dr Ama\nMensah agreed.") == [
        "Mrs Yates",
        "MR O'NEIL",
        "Dr Ama\nMensah",
    ]


def test_relationship_names():
    rec = RelationshipNameRecognizer()
    text = "the mother, Sara Wells, and foster carers Andrea and Joseph Parker; Diane (half-sibling)."
    assert found(rec, text) == ["Sara Wells", "Andrea and Joseph Parker", "Diane"]
    assert found(rec, "MOTHER: JOANNA KOWALSKI") == ["JOANNA KOWALSKI"]


@pytest.mark.slow
def test_analyzer_is_built_offline_with_the_configured_model(analyzer):
    names = {r.name for r in analyzer.registry.recognizers}
    assert {"PhoneRecognizer", "UkNinoRecognizer", "NhsRecognizer", "AddressRecognizer"} <= names
    phone = next(r for r in analyzer.registry.recognizers if r.name == "PhoneRecognizer")
    assert tuple(phone.supported_regions) == ("GB",)


def test_missing_model_fails_fast():
    from redaction.nlp import ModelMissingError, check_model

    with pytest.raises(ModelMissingError, match="never downloads"):
        check_model("no_such_model_xyz")


def test_address_after_a_living_cue_without_postcode_or_street_word():
    rec = AddressRecognizer()
    assert found(rec, "He is now living at 89 Ian\nCorners, Oxford and says he works nights.") == [
        "89 Ian\nCorners, Oxford"
    ]
    assert found(rec, "Address: 25 Quarry Rise, Penrith\nTel: 01233 982633") == ["25 Quarry Rise, Penrith"]


def test_phone_fallback_separators():
    rec = UkPhoneFallbackRecognizer()
    assert found(rec, "Call 07700-900123 or (01865) 123456 or +44 (0)1865 123456.") == [
        "07700-900123", "(01865) 123456", "+44 (0)1865 123456"
    ]


def test_date_of_birth_in_a_family_composition_table():
    text = "Name\nRelationship\nDOB\nMarta Lis\nAunt\n03/04/1980\nVisit\n05/05/2021"
    assert found(DateOfBirthRecognizer(), text) == ["03/04/1980"]
