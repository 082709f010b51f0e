"""Presidio done properly (issue 10): every detector is a recognizer in the analyzer's registry, the
context enhancer reaches ours, and the bundle's known names are ad-hoc deny-list recognizers.
Names here are invented for the test."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from redaction.detect import analyse_texts
from redaction.detectors.bundle import KnownPartyRecognizer, SubjectNameRecognizer, bundle_recognizers
from redaction.name_cues import NAME_CUE_ENTITIES
from tests.redaction.engine_support import shared_engine

pytestmark = pytest.mark.slow

PAGE = ("MOTHER: ORLAITH VENNICOMBE ATTENDED.\nZebedee Quarrington went with Perpetua Ashgrove.\n"
        "Zebedee was tired. Mobile 07700 900462.")


def _registered() -> set[str]:
    return {r.name for r in shared_engine().analyzer.registry.recognizers}


def test_the_name_cues_are_registry_recognizers():
    registry = shared_engine().analyzer.registry.recognizers
    cues = [r for r in registry if set(r.supported_entities) & set(NAME_CUE_ENTITIES)]
    assert {r.name for r in cues} == {"ProperNounRecognizer", "RecurringProperNoun", "CapitalsNameHeuristic",
                                      "CapitalsSpacyRecognizer"}
    assert all(isinstance(r, EntityRecognizer) for r in cues)


def test_every_finding_comes_from_a_registered_recognizer():
    [found] = analyse_texts(shared_engine().analyzer, [PAGE])
    by = {f.recognizer for f in found}
    # the cues fire on this page (positive) and all of them are in the registry
    assert {"CapitalsNameHeuristic", "CapitalsSpacyRecognizer", "RecurringProperNoun"} <= by
    assert by <= _registered(), by - _registered()


def test_cue_types_are_mapped_back_for_the_engine():
    [found] = analyse_texts(shared_engine().analyzer, [PAGE])
    assert {f.entity for f in found} & set(NAME_CUE_ENTITIES) <= {"PROPN_SINGLE"}
    caps = [f for f in found if f.recognizer == "CapitalsNameHeuristic"]
    assert caps and all(f.entity == "PERSON" for f in caps)


# The context word comes after the number: one right before it ("Her mobile is 07700 ...") is the cue of
# CuedPhoneRecognizer (rule cued-phone), whose finding then replaces the fallback's for the same span.
@pytest.mark.parametrize(("text", "raised"), [("07700 900462 is her mobile.", True),
                                               ("Figure 07700 900462 noted.", False)])
def test_context_words_raise_the_score_of_our_recognizers(text, raised):
    [found] = analyse_texts(shared_engine().analyzer, [text])
    [phone] = [f for f in found if f.recognizer == "UkPhoneFallbackRecognizer"]
    assert (phone.score > 0.6) is raised


def test_our_regex_recognizers_declare_context():
    ours = [r for r in shared_engine().analyzer.registry.recognizers
            if r.name in {"UkPhoneFallbackRecognizer", "NinoRecognizer", "DateOfBirthRecognizer",
                          "AddressRecognizer", "CaseReferenceRecognizer"}]
    assert len(ours) == 5 and all(r.context for r in ours)


TEXT = "msgs: tash said she would come round to see kaz later"


def test_known_party_and_subject_alias_are_found_through_ad_hoc_recognizers():
    ad_hoc = bundle_recognizers(["Kasimira Wrenfield", "Kaz"], ["Tashelle Mallory", "Tash"])
    assert {type(r) for r in ad_hoc} == {SubjectNameRecognizer, KnownPartyRecognizer}
    [found] = analyse_texts(shared_engine().analyzer, [TEXT], ad_hoc)
    got = {(TEXT[f.start : f.end], f.entity, f.recognizer) for f in found}
    assert ("tash", "PERSON", "KnownPartyRecognizer") in got
    assert ("kaz", "PERSON", "SubjectNameRecognizer") in got
    # the ad-hoc recognizers stay per bundle: the registry does not keep them
    assert not {"KnownPartyRecognizer", "SubjectNameRecognizer"} & _registered()


def test_without_the_cast_the_lower_case_names_are_not_found():
    [found] = analyse_texts(shared_engine().analyzer, [TEXT])
    assert not [f for f in found if TEXT[f.start : f.end] in ("tash", "kaz")]


def test_a_known_name_never_replaces_what_the_model_found():
    text = "Perpetua Ashgrove rang."
    [plain] = analyse_texts(shared_engine().analyzer, [text])
    [with_cast] = analyse_texts(shared_engine().analyzer, [text], bundle_recognizers([], ["Perpetua Ashgrove"]))
    assert set(plain) <= set(with_cast)
    assert not [f for f in with_cast if f.recognizer == "KnownPartyRecognizer"
                and any((g.start, g.end) == (f.start, f.end) for g in plain if g.entity == "PERSON")]


def test_short_names_are_not_deny_listed():
    assert bundle_recognizers(["Al"], ["Jo"]) == []


@pytest.mark.parametrize(("text", "found"), [("NHS 485 777\n3457 seen", True), ("NHS 485 777\n3458 seen", False)])
def test_nhs_wrapped_validate_result_is_the_checksum(text, found):
    from redaction.detectors.uk import NhsWrappedRecognizer

    rec = NhsWrappedRecognizer()
    assert bool(list(rec.spans(text))) is found
    assert rec.validate_result("485 777 3457") is True and rec.validate_result("485 777 3458") is False


@pytest.mark.parametrize(("value", "ok"), [("07700 900462", True), ("07700 9004", False)])
def test_phone_fallback_validate_result_counts_digits(value, ok):
    from redaction.detectors.uk import UkPhoneFallbackRecognizer

    assert UkPhoneFallbackRecognizer().validate_result(value) is ok
