"""Identifiers in the forms case records use, as presidio ``PatternRecognizer`` subclasses.

Each class declares ``PATTERNS`` (regex and base score), ``CONTEXT`` (words that raise the score through
presidio's context enhancer) and, where a shape alone is ambiguous, ``validate_result``. A weak pattern
scores below the analyzer's threshold (0.3) and only counts when a context word stands within the
enhancer's window before it ("sort code 20-45-77", "prison number A1234BC").

Whose identifier it is (the subject's, a professional's, a third party's) is decided by the engine,
not here; an identifier no one can be shown to own is proposed for redaction (fail closed).
Formats are public: Police National Computer ID (YY/NNNNNNNA), HMPPS prison number (A9999AA),
HM Passport Office number (9 digits), UK bank sort code (NN-NN-NN) and 8-digit account number.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

#: Entity types this module adds, with what a schedule calls them.
ID_ENTITIES = {
    "UK_PNC": "Police National Computer ID",
    "PRISON_NUMBER": "Prison number",
    "UK_PASSPORT": "Passport number",
    "SOCIAL_HANDLE": "Social media handle",
    "UK_BANK_DETAILS": "Bank details",
    "AGE": "Age",
}


class _Recognizer(PatternRecognizer):
    """A pattern recognizer configured by class attributes (presidio's predefined-recognizer style)."""

    ENTITY = ""
    PATTERNS: list[Pattern] = []
    CONTEXT: list[str] = []

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            name=type(self).__name__,
            supported_language="en",
        )


class PncRecognizer(_Recognizer):
    """Police National Computer ID: two-digit year, slash, up to seven digits and a check letter."""

    ENTITY = "UK_PNC"
    PATTERNS = [
        Pattern("PNC ID", r"\b(?:(?:19|20)\d{2}|\d{2})/\d{5,7}[A-Z]\b", 0.5),  # short or full year
        # Criminal Records Office number (NNNNNN/YYL): weak alone, raised by "CRO" before it.
        Pattern("CRO number", r"\b\d{1,6}/\d{2}[A-Z]\b", 0.1),
    ]
    CONTEXT = ["pnc", "police", "national", "computer", "cro", "criminal", "records"]


class PrisonNumberRecognizer(_Recognizer):
    """HMPPS prison number: a letter, four digits, two letters (weak without context)."""

    ENTITY = "PRISON_NUMBER"
    PATTERNS = [Pattern("HMPPS prison number", r"\b[A-Z]\d{4}[A-Z]{2}\b", 0.2)]
    CONTEXT = ["prison", "prisoner", "hmpps", "nomis", "hmp", "yoi", "custody", "number"]


class PassportNumberRecognizer(_Recognizer):
    """A nine-digit passport number, only next to the word passport."""

    ENTITY = "UK_PASSPORT"
    PATTERNS = [Pattern("Passport (9 digits)", r"(?<![\d/-])\b\d{9}\b(?![\d/-])", 0.05)]
    CONTEXT = ["passport", "hmpo", "travel"]


class SocialHandleRecognizer(_Recognizer):
    """A social-media handle: ``@name`` not inside an e-mail address."""

    ENTITY = "SOCIAL_HANDLE"
    PATTERNS = [Pattern("Handle", r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])", 0.6)]
    CONTEXT = ["instagram", "snapchat", "tiktok", "facebook", "twitter", "handle", "account"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """A handle has a letter in it ("@2" is a time or a price, not a handle)."""
        return bool(re.search(r"[A-Za-z]", pattern_text))


class BankDetailsRecognizer(_Recognizer):
    """UK sort code and account number, only with a banking word before them."""

    ENTITY = "UK_BANK_DETAILS"
    PATTERNS = [
        Pattern("Sort code", r"\b\d{2}[- ]\d{2}[- ]\d{2}\b", 0.1),
        Pattern("Account number", r"(?<![\d/-])\b\d{8}\b(?![\d/-])", 0.05),
    ]
    CONTEXT = ["sort", "code", "account", "bank", "acc", "a/c"]


# A capitalised word of 2-14 letters right before: one fixed-width look-behind per length.
_AFTER_NAME = "(?:" + "|".join(rf"(?<=\b[A-Z][a-z'\u2019\-]{{{n}}} )" for n in range(1, 14)) + ")"
_NUMBERED_PARTS = ("Section", "Paragraph", "Para", "Appendix", "Schedule", "Part", "Article", "Rule", "Page",
                   "Chapter", "Note", "Item", "Step", "Question", "Table", "Figure", "Annex", "Regulation",
                   "Clause", "Point", "Box", "Level", "Stage", "Year", "Room", "Week", "Day", "Tier")


class AgeRecognizer(_Recognizer):
    """A person's age written as "aged 34", "34-year-old", "34 years old" or "<Name> (34)"."""

    ENTITY = "AGE"
    PATTERNS = [
        Pattern("aged N", r"\b[Aa]ged\s+\d{1,2}\b", 0.5),
        Pattern("N years old", r"\b\d{1,2}(?:-year-old|\s+years?\s+old)\b", 0.5),
        # "<Name> (34)": an age in brackets straight after a capitalised word, as case notes write it;
        # not after a word that numbers a part of a document ("Section (3)", "Appendix (2)").
        Pattern("Name (N)", _AFTER_NAME + r"(?<!" + r" )(?<!".join(_NUMBERED_PARTS) + r" )\(\d{1,2}\)", 0.4),
    ]
    CONTEXT = ["aged", "age", "old"]


def id_recognizers() -> list[PatternRecognizer]:
    """Fresh instances of every recognizer in this module."""
    return [
        PncRecognizer(),
        PrisonNumberRecognizer(),
        PassportNumberRecognizer(),
        SocialHandleRecognizer(),
        BankDetailsRecognizer(),
        AgeRecognizer(),
    ]
