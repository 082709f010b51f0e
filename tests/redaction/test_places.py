"""Rules foreign-address and descriptive-address (redaction.detectors.places) and Welsh/foreign name
particles in the postcode walk-back (redaction.detectors.uk.AddressRecognizer), issue 10."""

from redaction.detectors.places import PlaceDescriptionRecognizer
from redaction.detectors.uk import AddressRecognizer


def found(text, rec=None):
    return [text[s:e] for s, e, _ in (rec or PlaceDescriptionRecognizer()).spans(text)]


def test_positive_foreign_address_with_number_or_three_parts():
    assert found("lives at ul. Brzozowa 7/2, 31-100 Gdynia, Poland now") == ["ul. Brzozowa 7/2, 31-100 Gdynia, Poland"]
    assert found("resident at Xamar Weyne, Dhusamareb, Somalia.") == ["Xamar Weyne, Dhusamareb, Somalia"]


def test_negative_town_and_country_only():
    assert found("She was born in Dhusamareb, Somalia.") == []


def test_positive_descriptive_dwelling_and_shelter():
    assert found("she lives in the flat above the launderette on Quarry Row now") == [
        "the flat above the launderette on Quarry Row"]
    assert found("They moved to a refuge in Kettlewick last week.") == ["a refuge in Kettlewick"]


def test_negative_description_without_a_named_place():
    assert found("the flat above the launderette on the corner") == []
    assert found("a refuge in the county") == []


def test_positive_welsh_particle_inside_a_street_before_a_postcode():
    text = "stayed at Fflat 3, 27 Heol y Dderwen, Caerdydd CF14 2LN with friends"
    assert found(text, AddressRecognizer()) == ["Fflat 3, 27 Heol y Dderwen, Caerdydd CF14 2LN"]


def test_negative_sentence_words_still_stop_the_walk():
    text = "she said that it was near Caerdydd CF14 2LN"
    assert found(text, AddressRecognizer()) == ["Caerdydd CF14 2LN"]


def test_positive_later_part_may_open_with_one_lower_case_word():
    text = "His aunt lives at Thon 4, xa Binh Lac, huyen\nTam Duong, Vietnam. She"
    assert found(text) == ["Thon 4, xa Binh Lac, huyen\nTam Duong, Vietnam"]


def test_negative_a_sentence_is_not_a_later_part():
    text = "Her aunt, Mai Thu, lives at the farm, Vietnam"
    assert found(text) == []
