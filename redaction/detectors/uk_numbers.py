"""UK recognizers for numbers and dates: NHS and NI numbers, phones, dates of birth, case references.

Presidio ``EntityRecognizer``s built on ``redaction.detectors.uk_patterns._RegexRecognizer``;
they know nothing about who the data subject is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.detectors.uk_patterns import (
    _GAP,
    _REL,
    DATE,
    _RegexRecognizer,
)


class NhsContextRecognizer(_RegexRecognizer):
    """A 10-digit number written as an NHS number ("NHS number is ...", "NHS No: ...").

    Presidio's ``NhsRecognizer`` only trusts numbers that pass the mod-11 check; a mistyped number
    after the words "NHS number" is still somebody's NHS number and must go.
    """

    ENTITY = "UK_NHS"
    CONTEXT = ("nhs", "health")
    FLAGS = re.IGNORECASE
    RULES = (
        (
            r"\bNHS\s*(?:No\.?|number|num|#)?\s*(?:is|was|:)?\s*:?\s*(\d{3}" + _GAP + r"\d{3}" + _GAP + r"\d{4})(?!\d)",
            1,
            0.9,
        ),
    )


class NinoRecognizer(_RegexRecognizer):
    """National Insurance numbers, including one that wraps over a line ("JT 48 62" / "91 C").

    Presidio's ``UkNinoRecognizer`` only allows a single space between the groups; a number that
    the layout broke over two lines is still the person's number.
    """

    ENTITY = "UK_NINO"
    CONTEXT = ("national insurance", "ni", "nino", "insurance")
    RULES = (
        (
            r"\b(?!BG|GB|NK|KN|NT|TN|ZZ)((?i:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])" + _GAP + r"\d{2}" + _GAP
            + r"\d{2}" + _GAP + r"\d{2}" + _GAP + r"(?i:[A-D]))\b",
            1,
            0.6,
        ),
    )


class NhsWrappedRecognizer(_RegexRecognizer):
    """A checksum-valid NHS number broken over a line ("485 777" / "3457")."""

    ENTITY = "UK_NHS"
    CONTEXT = ("nhs", "health")
    _BREAK = r"[ \t]*\n[ \t]*"
    RULES = (
        (r"(?<![\d\w])(\d{3}[ \-]?\d{3}" + _BREAK + r"\d{4}|\d{3}" + _BREAK + r"\d{3}[ \-]?\d{4})(?![\d\w])", 1, 0.5),
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Require the NHS mod-11 check digit."""
        digits = [int(c) for c in re.sub(r"\D", "", pattern_text)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
        return len(digits) == 10 and (0 if check == 11 else check) == digits[9]


class UkPhoneFallbackRecognizer(_RegexRecognizer):
    """UK phone numbers in the shapes case notes use, including drama-range and split numbers.

    ``phonenumbers`` rejects Ofcom drama ranges and numbers broken over a line; both still identify a
    person in a record, so this regex catches 01/02/03/07/08 numbers of 10-11 digits, spaced or not,
    with an optional +44, and allows the break between groups to be a line break.
    """

    ENTITY = "PHONE_NUMBER"
    CONTEXT = ("phone", "mobile", "tel", "telephone", "landline", "contact", "number", "call", "text")
    RULES = (
        (
            r"(?<![\d\w])((?:\+44[\s\-]?\(?0?\)?[\s\-]?|\(?0)(?:7\d{3}\)?[\s\-.]?\d{3}[\s\-.]?\d{3}|"
            r"[1238]\d{2,4}\)?[\s\-.]?\d{3,4}[\s\-.]?\d{3,4}))(?!\d)",
            1,
            0.6,
        ),
    )

    def validate_result(self, pattern_text: str) -> bool:
        """Require 10 or 11 digits (12 with the 44 prefix)."""
        digits = re.sub(r"\D", "", pattern_text)
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        return len(digits) in (10, 11)


class DateOfBirthRecognizer(_RegexRecognizer):
    """A date given as someone's date of birth.

    Cues: "DOB", "D.O.B.", "date of birth", "born (on)", and a date in brackets straight after a
    capitalised word ("<Given> (15/07/2013)"), which is how case notes record a child's birthday.
    """

    ENTITY = "DATE_OF_BIRTH"
    CONTEXT = ("dob", "birth", "born")
    FLAGS = re.IGNORECASE
    RULES = (
        (
            r"\b(?:D\.?O\.?B\.?|date\s+of\s+birth|birth\s+date|born(?:\s+on)?)(?:\s*(?:is|was|of|as|given\s+as|recorded\s+as|:|-|=))*\s*("
            + DATE
            + r")",
            1,
            0.9,
        ),
        (r"\b(?:aged?\s+\d{1,2}\s*,?\s*)?\bb\.\s*(" + DATE + r")", 1, 0.6),
    )

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Cue-word dates, plus ``Name (date)`` (case-sensitive on the capitalised name)."""
        yield from super().spans(text)
        for m in re.finditer(r"[A-Z][A-Za-z'\u2019\-]+\s*\(\s*(" + DATE + r")\s*\)", text):
            yield m.start(1), m.end(1), 0.7
        # A family-composition table: "Name / Mother / 03/02/1983" or "mother, 03/02/1983".
        table = r"(?i:\b" + _REL + r")(?:[ \t]*(?:\n|[ \t]{2,}|,)[ \t]*|[ \t]*\(\s*)(" + DATE + r")"
        for m in re.finditer(table, text):
            yield m.start(1), m.end(1), 0.6


class CaseReferenceRecognizer(_RegexRecognizer):
    """Local case and person references: ``CS-382105``, "Case ref: 123456", "Mosaic ID 1234567", UPN, ULN."""

    ENTITY = "CASE_REFERENCE"
    CONTEXT = ("case", "reference", "ref", "id", "upn", "uln", "mosaic")
    RULES = (
        (r"\b([A-Z]{2,4}-\d{4,9})\b", 1, 0.5),
        (
            r"(?i:\b(?:case|person|client|mosaic|lcs|eclipse|liquidlogic|child|family)\s*(?:ref(?:erence)?|id|no\.?|"
            r"number)\s*:?\s*)([A-Z0-9][A-Z0-9\-/]{4,14})\b",
            1,
            0.6,
        ),
        (r"(?i:\bUPN\s*:?\s*)([A-Z]\d{12})\b", 1, 0.9),
        # Unique Learner Number: ten digits after "ULN" (issue 10).
        (r"(?i:\bULN\s*(?:no\.?|number)?\s*(?:is|:)?\s*)(\d{10})\b", 1, 0.9),
    )
