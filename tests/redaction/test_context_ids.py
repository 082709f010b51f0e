"""Rules vehicle-plate-in-context, dob-written, age-written and passport-in-context
(redaction.detectors.context_ids), issue 10. Wording invented for these tests."""

from redaction.detectors.context_ids import (
    ContextVehiclePlateRecognizer,
    PassportInContextRecognizer,
    WrittenAgeRecognizer,
    WrittenDobRecognizer,
)
from tests.redaction.engine_support import make_doc, propose, redacted_texts


def found(rec, text):
    return sorted({text[s:e] for s, e, _ in rec.spans(text)})


def test_positive_foreign_plates_near_a_vehicle_word():
    rec = ContextVehiclePlateRecognizer()
    assert found(rec, "her brother's car, a grey one, GD 4418 VX was seen") == ["GD 4418 VX"]
    assert found(rec, "the van\n07-KY-2291\nwas parked outside") == ["07-KY-2291"]
    assert found(rec, "he drove off in KR 55710 at speed") == ["KR 55710"]


def test_negative_plate_shape_without_a_vehicle_word_or_a_postcode():
    rec = ContextVehiclePlateRecognizer()
    assert found(rec, "Form GD 4418 VX was filed") == []
    assert found(rec, "the car park at LS12 4QT") == []


def test_positive_written_dob_with_short_year_and_name_bracket():
    rec = WrittenDobRecognizer()
    assert found(rec, "gave his date of birth as 9th Mar 91 and a phone") == ["9th Mar 91"]
    assert found(rec, "Police: Dragan Ćosić (04.11.1999, CRO 12/99X) is known") == ["04.11.1999"]


def test_negative_written_date_without_birth_cue():
    rec = WrittenDobRecognizer()
    assert found(rec, "the hearing on 9th Mar 91 and later") == []


def test_positive_loose_ages():
    rec = WrittenAgeRecognizer()
    assert found(rec, 'she said he is "around 23" and works nights') == ["around 23"]
    assert found(rec, "a man in his late thirties was present") == ["in his late thirties"]


def test_negative_loose_numbers_that_are_not_ages():
    rec = WrittenAgeRecognizer()
    assert found(rec, "the visit was about 20 minutes and about 15 people came") == []


def test_positive_passport_any_shape_after_the_word():
    rec = PassportInContextRecognizer()
    assert found(rec, "his Romanian passport, number 05839217, expires soon") == ["05839217"]
    assert found(rec, "passport no. PK7731904 held by police") == ["PK7731904"]
    # the issuing letters written apart from the digits are part of the number
    assert found(rec, "her passport number is KT 4405128 and it is with her aunt") == ["KT 4405128"]


def test_negative_number_far_from_passport_or_another_sentence():
    rec = PassportInContextRecognizer()
    assert found(rec, "She has no passport. Case 05839217 was closed.") == []
    # a word before the digits is not a prefix: only the number is taken
    assert found(rec, "passport number is 44051287") == ["44051287"]
    assert found(rec, "passport expired on 20230114") == []


def test_positive_engine_redacts_a_third_partys_plate():
    doc = make_doc("note.pdf", "Uncle | Uncle Rory | drives a white van\nHB-RK 4410")
    assert "HB-RK 4410" in redacted_texts(propose(doc)[0])


def test_negative_engine_leaves_a_form_code_alone():
    doc = make_doc("note.pdf", "Lorcan filled in form HB-RK 4410 at school.")
    assert "HB-RK 4410" not in redacted_texts(propose(doc)[0])
