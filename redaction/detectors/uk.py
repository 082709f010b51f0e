"""UK recognizers that Presidio does not ship, or ships too weak for case records.

Each class is a Presidio ``EntityRecognizer`` whose ``analyze`` runs plain regular expressions
over the page text and returns ``RecognizerResult``s. They know nothing about who the data subject
is: deciding what to keep is the engine's job (:mod:`redaction.engine`). Patterns are general UK
formats and cue words, never names or places taken from any sample file.

This module keeps :func:`uk_recognizers` and re-exports the public names; the recognizers live in
sibling modules: :mod:`redaction.detectors.uk_patterns` (shared patterns, word lists, the base
class), :mod:`redaction.detectors.uk_numbers` (NHS and NI numbers, phones, dates of birth, case
references), :mod:`redaction.detectors.uk_places` (schools, GP practices, addresses) and
:mod:`redaction.detectors.uk_names` (titled and relationship names).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redaction.detectors.uk_names import RelationshipNameRecognizer, TitledNameRecognizer
from redaction.detectors.uk_numbers import (
    CaseReferenceRecognizer,
    DateOfBirthRecognizer,
    NhsContextRecognizer,
    NhsWrappedRecognizer,
    NinoRecognizer,
    UkPhoneFallbackRecognizer,
)
from redaction.detectors.uk_patterns import DATE, ENTITIES, POSTCODE, RELATIONSHIPS, STREET_WORDS, TITLES
from redaction.detectors.uk_places import AddressRecognizer, GpPracticeRecognizer, SchoolRecognizer


def uk_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every UK recognizer (the sibling modules listed above)."""
    return [
        NhsContextRecognizer(),
        NhsWrappedRecognizer(),
        NinoRecognizer(),
        UkPhoneFallbackRecognizer(),
        DateOfBirthRecognizer(),
        SchoolRecognizer(),
        GpPracticeRecognizer(),
        CaseReferenceRecognizer(),
        AddressRecognizer(),
        TitledNameRecognizer(),
        RelationshipNameRecognizer(),
    ]


# Re-exported: callers import these from here (the sibling modules are the definitions).
__all__ = [
    "DATE",
    "ENTITIES",
    "POSTCODE",
    "RELATIONSHIPS",
    "STREET_WORDS",
    "TITLES",
    "AddressRecognizer",
    "CaseReferenceRecognizer",
    "DateOfBirthRecognizer",
    "GpPracticeRecognizer",
    "NhsContextRecognizer",
    "NhsWrappedRecognizer",
    "NinoRecognizer",
    "RelationshipNameRecognizer",
    "SchoolRecognizer",
    "TitledNameRecognizer",
    "UkPhoneFallbackRecognizer",
    "uk_recognizers",
]
