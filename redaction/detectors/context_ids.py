"""Identifiers that only their surroundings make recognisable, without a label of their own.

Presidio recognizers on :class:`redaction.detectors.uk_patterns._RegexRecognizer` (``RULES`` or
``spans``, ``CONTEXT``, ``validate_result``), registered in the analyzer's ``RecognizerRegistry`` by
:mod:`redaction.nlp`. Whose the value is, is decided by the identifier rules.

Rules (one positive and one negative row each in ``tests/redaction/test_context_ids.py``):

* ``vehicle-plate-in-context``: a registration mark in any country's shape (two or three groups of
  capitals and digits joined by a space or hyphen, 5-9 characters, letters and digits both: "AB 123
  CD", "B-XY 1234", "12-D-3456", "WX 12345") accepted only when a vehicle word
  (``lexicon/vehicle_words.txt``) stands in the same passage, within 80 characters before or 40
  after and no blank line between. Postcodes, NI numbers and dates are not plates.
* ``dob-written``: a date of birth after "date of birth"/"DOB"/"born" with a two-digit year and words
  after it ("gave his date of birth as 3rd Jan 89 and ..."), and a date in brackets after a name in
  any Latin script with more details after a comma ("<Name> (17.02.2006, <label> ...)").
* ``age-written``: an age given loosely ("is about 19", "aged around 40", "in her late twenties",
  "in his 30s"); "about 19 minutes" or "about 20 people" is not an age.
* ``passport-in-context``: a passport number in any country's shape (up to two letters, written
  against the digits or a space before them, 6-9 digits, an optional letter) within 40 characters after
  the word "passport" in the same sentence; the letters go with the number, because they are part of it.
* ``cued-phone``: 8-13 digits in groups (spaces, dots, hyphens, a bracketed first group) right after
  a phone word ("mobile", "mob", "tel", "WhatsApp"), with "number"/"is"/":" or "in <country>" between
  (the number may wrap over a line):
  a foreign national number written without its country code. A date is not a phone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.detectors.uk_patterns import DATE, POSTCODE, _RegexRecognizer
from redaction.lexicon import alternation, words

_VEHICLE_WORD = re.compile(r"(?<![\w])" + alternation(words("vehicle_words")) + r"(?![\w])", re.IGNORECASE)
_GROUP = r"[A-Z0-9]{1,5}"
_PLATE = re.compile(r"(?<![\w\-/.])(" + _GROUP + r"(?:[ \-]" + _GROUP + r"){1,2})(?![\w\-/])")
_NINO = re.compile(r"[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]?")
_DATE_LIKE = re.compile(r"\d{1,4}[-/ .]\d{1,2}[-/ .]\d{1,4}")


class ContextVehiclePlateRecognizer(_RegexRecognizer):
    """A foreign or UK registration near a vehicle word (rule vehicle-plate-in-context)."""

    ENTITY = "UK_VEHICLE_REGISTRATION"
    CONTEXT = ("car", "vehicle", "van", "registration", "plate", "driving", "parked")

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Plate-shaped strings with a vehicle word in the same passage."""
        for m in _PLATE.finditer(text):
            value = m.group(1)
            if self.validate_result(value) is False:
                continue
            before = text[max(0, m.start(1) - 80) : m.start(1)]
            after = text[m.end(1) : m.end(1) + 40]
            before = re.split(r"\n[ \t]*\n", before)[-1]
            after = re.split(r"\n[ \t]*\n", after)[0]
            if _VEHICLE_WORD.search(before) or _VEHICLE_WORD.search(after):
                yield m.start(1), m.end(1), 0.6

    def validate_result(self, pattern_text: str) -> bool:
        """Letters and digits both, 5-9 of them; not a postcode, NI number or date."""
        alnum = re.sub(r"[^A-Z0-9]", "", pattern_text)
        if not (5 <= len(alnum) <= 9 and re.search(r"\d", alnum) and re.search(r"[A-Z]", alnum)):
            return False
        if re.fullmatch(POSTCODE, pattern_text) or _NINO.fullmatch(pattern_text) or _DATE_LIKE.fullmatch(pattern_text):
            return False
        # at most one group that is a bare word of letters longer than three ("CALL 0800" is no plate)
        return not any(len(g) > 3 and g.isalpha() for g in re.split(r"[ \-]", pattern_text))


_DOB_CUE = r"(?:D\.?O\.?B\.?|date\s+of\s+birth|birth\s+date|born(?:\s+on)?)"
_DOB_LINK = r"(?:\s*(?:is|was|of|as|given\s+as|recorded\s+as|:|-|=))*\s*"
_SHORT_YEAR_DATE = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{2}(?!\d))"


class WrittenDobRecognizer(_RegexRecognizer):
    """Dates of birth in written forms the labelled rule does not take (rule dob-written)."""

    ENTITY = "DATE_OF_BIRTH"
    CONTEXT = ("dob", "birth", "born")
    RULES = (
        (r"(?i:\b" + _DOB_CUE + r")" + _DOB_LINK + r"(" + _SHORT_YEAR_DATE + r")", 1, 0.85),
        (r"(?<![\w])[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019\-]*\s*\(\s*(" + DATE + r")\s*,", 1, 0.6),
    )


_LOOSE = (r"(?:about|around|roughly|approximately|approx\.?|nearly|almost|only|just|over|under|maybe|possibly|"
          r"probably|believed\s+to\s+be|thought\s+to\s+be|said\s+to\s+be)")
_NOT_AGE_UNIT = (r"(?!\s*(?:%|:|\.\d|,\d|am\b|pm\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|miles?|times?|"
                 r"percent|pounds?|quid|kg|cm|metres?|meters?|m\b|feet|ft\b|o'clock|people|children|pupils|"
                 r"others|of\b|more|times|calls|messages|texts|visits|sessions|per))")
_DECADES = r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s|[2-9]0's)"


class WrittenAgeRecognizer(_RegexRecognizer):
    """An age given loosely, in words around the number or as a decade (rule age-written)."""

    ENTITY = "AGE"
    CONTEXT = ("age", "aged", "old")
    FLAGS = re.IGNORECASE
    RULES = (
        (r"\b(?:is|was|are|were|be|being|aged|age|looks|looked|seems|seemed)\s+[\"\u201c'\u2018]?("
         + _LOOSE + r"\s+\d{1,2})\b" + _NOT_AGE_UNIT, 1, 0.5),
        (r"\b(in\s+(?:his|her|their)\s+(?:(?:early|mid|late)[\s\-]+)?" + _DECADES + r")\b", 1, 0.5),
    )


class PassportInContextRecognizer(_RegexRecognizer):
    """A passport number of any country's shape right after "passport" (rule passport-in-context)."""

    ENTITY = "UK_PASSPORT"
    CONTEXT = ("passport",)
    RULES = ((r"(?i:\bpassport\b)(?:(?i:no)\.|[^.\n]){0,40}?(?<![\w\-/])"
              r"((?:[A-Z]{1,2}[ ]?)?\d{6,9}[A-Z]?)(?![\w\-/])", 1, 0.7),)

    def validate_result(self, pattern_text: str) -> bool:
        """Not a date written as digits only (a passport number has no date shape)."""
        return not re.fullmatch(r"(?:19|20)\d{6}", pattern_text.replace(" ", ""))


_PHONE_CUE = r"(?:mobile|mob|phone|tel|telephone|landline|whatsapp|cell|cellphone|handy)"
# Between the cue and the number: "number", "no.", "is", ":", "on", and up to two words ("in Poland").
_PHONE_LINK = r"(?:[ \t]*(?:number|no\.|num|#|is|was|:|-|,|on|now)[ \t]*|[ \t]+(?:in|from|for)[ \t]+\w+[ \t]*)*[ \t]*"


class CuedPhoneRecognizer(_RegexRecognizer):
    """A phone number in any country's national format right after a phone word (rule cued-phone).

    Presidio's ``PhoneRecognizer`` is limited to GB numbers and our fallback to UK prefixes; a
    foreign national number written without its country code ("her Polish mobile 512 345 678")
    has no shape of its own, but a redactor reads any run of 8-13 digits after "mobile"/"tel" as
    a phone. Dates and times are not phones.
    """

    ENTITY = "PHONE_NUMBER"
    CONTEXT = ("phone", "mobile", "tel", "number")
    FLAGS = re.IGNORECASE
    RULES = ((r"\b" + _PHONE_CUE + r"\b\.?" + _PHONE_LINK
              + r"(?<![\w+])(\(?\d{2,5}\)?(?:(?:[ .\-]|[ \t]*\n[ \t]*)?\d{2,4}){1,4})(?![\w/]|[.\-]\d)", 1, 0.6),)

    def validate_result(self, pattern_text: str) -> bool:
        """8 to 13 digits, not shaped as a date."""
        digits = re.sub(r"\D", "", pattern_text)
        return 8 <= len(digits) <= 13 and not _is_date(re.sub(r"\s+", " ", pattern_text))


def _is_date(value: str) -> bool:
    """A day, month and year joined by one separator ("12 03 2024", "2024-03-12"), in a plausible range."""
    m = re.fullmatch(r"(\d{1,2})([-/. ])(\d{1,2})\2(\d{2}|\d{4})", value)
    if m:
        a, b = int(m.group(1)), int(m.group(3))
        return 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12
    m = re.fullmatch(r"(?:19|20)\d{2}([-/. ])(\d{1,2})\1(\d{1,2})", value)
    return bool(m) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31


def context_id_recognizers() -> list[_RegexRecognizer]:
    """Fresh instances of every recognizer in this module."""
    return [ContextVehiclePlateRecognizer(), WrittenDobRecognizer(), WrittenAgeRecognizer(),
            PassportInContextRecognizer(), CuedPhoneRecognizer()]
