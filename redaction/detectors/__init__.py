"""Detectors: Presidio recognizers for UK case records, registered by :mod:`redaction.nlp`.

Every detector is a Presidio ``EntityRecognizer`` so the analyzer's registry is the one registry
(presidio style). :func:`uk_recognizers` returns fresh instances of all of ours.
"""

from redaction.detectors.uk import (
    ENTITIES,
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
    uk_recognizers,
)

__all__ = [
    "ENTITIES",
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
