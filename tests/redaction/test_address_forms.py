"""Rules foreign-street-address, number-after-name-postal, irish-address, place-phrase
(redaction.detectors.place_forms) and address-stated-as-subjects (redaction.address_ownership), issue 10.

Wording invented for these tests; one positive and one negative row per rule, the engine rows through
the real engine.
"""

from redaction.detectors.place_forms import (
    DistrictOfTownRecognizer,
    ForeignStreetRecognizer,
    IrishAddressRecognizer,
    LowerCaseStreetRecognizer,
    NamedBuildingRecognizer,
    PlacePhraseRecognizer,
)
from tests.redaction.engine_support import make_doc, propose, redacted_texts


def found(rec, text):
    """The longest spans (an address found by two rules counts once)."""
    spans = {(s, e) for s, e, _ in rec.spans(text)}
    return sorted({text[s:e] for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)})


def test_positive_foreign_street_word_before_the_name():
    assert found(ForeignStreetRecognizer(), "his uncle rents at calle de los Olmos 41, 46002 Valencia now") == [
        "calle de los Olmos 41, 46002 Valencia"]
    assert found(ForeignStreetRecognizer(), "post goes to Lindenstraße 8, 04109 Leipzig; she") == [
        "Lindenstraße 8, 04109 Leipzig"]


def test_negative_foreign_street_word_without_house_number():
    assert found(ForeignStreetRecognizer(), "They travelled via Dover 2 days later.") == []
    assert found(ForeignStreetRecognizer(), "The rue Morgue story was read in class.") == []


def test_positive_number_after_name_with_numeric_postcode():
    assert found(ForeignStreetRecognizer(), "the grandfather lives at Kneza Viseslava 19, 21000 Novi Sad.") == [
        "Kneza Viseslava 19, 21000 Novi Sad"]


def test_negative_a_year_is_not_a_postcode():
    assert found(ForeignStreetRecognizer(), "Review Meeting 3, 2024 Harrogate") == []


def test_positive_irish_address_with_county_and_eircode():
    text = "her cousin, address Drumlish Upper, Ballyconnell, Co. Cavan H14 PX22; mobile"
    assert found(IrishAddressRecognizer(), text) == ["Drumlish Upper, Ballyconnell, Co. Cavan H14 PX22"]


def test_negative_county_or_eircode_shape_alone():
    assert found(IrishAddressRecognizer(), "He supports Co. Cork in the hurling.") == []
    assert found(IrishAddressRecognizer(), "Form K22 ARV1 was signed.") == []


def test_positive_place_phrase_street_or_site():
    assert found(PlacePhraseRecognizer(), "she sleeps in a caravan behind the garage on Tollgate Road most nights") == [
        "a caravan behind the garage on Tollgate Road"]
    assert found(PlacePhraseRecognizer(), "the family pitch on the halting site at Marrowby") == [
        "the halting site at Marrowby"]


def test_negative_place_phrase_not_a_dwelling_or_not_a_place():
    assert found(PlacePhraseRecognizer(), "the office on Tollgate Road opens at nine") == []
    assert found(PlacePhraseRecognizer(), "she was at the house on Tuesday") == []


def test_positive_described_address_where_the_subject_was_found_is_redacted():
    doc = make_doc("note.pdf", "Lorcan was found in a bedsit above the chip shop on Wexcombe Street at 2am.")
    assert "a bedsit above the chip shop on Wexcombe Street" in redacted_texts(propose(doc)[0])


def test_negative_described_address_stated_as_the_subjects_home_is_kept():
    doc = make_doc("note.pdf", "Lorcan lives in the flat above the chip shop on Wexcombe Street with his gran.")
    assert not any("Wexcombe" in t for t in redacted_texts(propose(doc)[0]))


def test_positive_lower_case_street_in_a_message():
    text = "Aunt 18:02: im at 14 cedar close now, come after school x"
    assert [text[a:b] for a, b, _s in LowerCaseStreetRecognizer().spans(text)] == ["14 cedar close"]
    doc = make_doc("messages.pdf", "Lorcan 18:00: where r u\n" + text + "\nLorcan 18:03: ok")
    assert "14 cedar close" in redacted_texts(propose(doc)[0])


def test_negative_counted_things_and_function_words_are_no_street():
    for text in ("its 15 minutes down the road", "we walked 2 more streets", "about 3 doors up the lane"):
        assert list(LowerCaseStreetRecognizer().spans(text)) == [], text


def test_positive_named_building_with_a_unit_or_a_residence_phrase():
    rec = NamedBuildingRecognizer()
    assert found(rec, "The father lives at Flat 12, Corran House, Sedge Estate.") == [
        "Flat 12, Corran House, Sedge Estate"]
    assert found(rec, "Her flat is on the second floor of Corran House.") == ["Corran House"]
    assert found(rec, "The aunt moved to Brack Farm Cottage, near Ulby.") == ["Brack Farm Cottage"]
    doc = make_doc("note.pdf", "Lorcan's uncle lives at Flat 3, Corran House, Sedge Estate.")
    assert "Flat 3, Corran House, Sedge Estate" in redacted_texts(propose(doc)[0])


def test_negative_a_building_named_without_a_home_is_not_an_address():
    rec = NamedBuildingRecognizer()
    assert found(rec, "The strategy meeting was held at Corran House on Monday.") == []
    assert found(rec, "The review took place at County Hall.") == []
    doc = make_doc("note.pdf", "Lorcan Halloran lives at Flat 3, Corran House, Sedge Estate.")
    assert not any("Corran House" in t for t in redacted_texts(propose(doc)[0]))  # his own home: disclosed
    # the subject's own address block under their name on a letter: a layout address, owned as usual
    doc = make_doc("letter.pdf", "Lorcan Halloran\nFlat 3, Corran House\nSedge Yard\nUlby\nLU2 0HN\n\nDear Sir,")
    assert redacted_texts(propose(doc)[0]) == []  # "Flat" is no part of his name; the postcode is his too


def test_positive_a_postcode_takes_the_verdict_of_the_address_it_ends():
    doc = make_doc("letter.pdf", "Lorcan Halloran\n3 Corran Road\nUlby\nLU2 0HN\n\nDear Sir,")
    assert "LU2 0HN" not in " ".join(redacted_texts(propose(doc)[0]))


def test_negative_a_third_partys_postcode_is_still_redacted():
    doc = make_doc("note.pdf", "Doran Vesk lives at 3 Corran Road, Ulby LU2 0HN.\nThe postcode LU2 0HN is his.")
    assert redacted_texts(propose(doc)[0]).count("LU2 0HN") == 1  # alone on the second line
    assert "3 Corran Road, Ulby LU2 0HN" in redacted_texts(propose(doc)[0])


def test_positive_district_of_a_town_after_a_residence_phrase():
    rec = DistrictOfTownRecognizer()
    assert found(rec, "His aunt still lives in the Sorvik district of Ulby, near the market.") == [
        "Sorvik district of Ulby"]
    assert found(rec, "They moved to the Brackmoor estate in Ulby.") == ["Brackmoor estate in Ulby"]


def test_negative_district_without_a_home_or_a_whole_town():
    rec = DistrictOfTownRecognizer()
    assert found(rec, "The team covers the Sorvik district of Ulby.") == []
    assert found(rec, "Mum lives in the Ulby area.") == []
