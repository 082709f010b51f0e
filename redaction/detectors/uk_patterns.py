"""Shared patterns of the UK recognizers: dates, postcodes, streets, titles, relationships.

Holds the regular-expression fragments and word lists the UK recognizers share (and the engine
reuses), :data:`ENTITIES` (every entity type the configured analyzer can return) and
``_RegexRecognizer``, the base class of our Presidio recognizers. Patterns are general UK formats
and cue words, never names or places taken from any sample file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from redaction.detectors.ids import ID_ENTITIES
from redaction.lexicon import MONTH_RX, words
from redaction.lexicon import STREET_WORDS as LEX_STREET_WORDS

# A date as case records write it: 03/02/1983, 3.2.83, 3 February 1983, 3rd Feb 1983, 3rd Feb 83, 1983-02-03.
_MONTHS = MONTH_RX
DATE = (
    r"(?:(?<!\d)(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)|"  # ISO 8601, as systems export it
    r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?!\d)|\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTHS
    + r"\.?,?\s+(?:\d{4}|\d{2}(?![ \t]+[a-z]))(?!\d)|"
    + _MONTHS
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)

# Between the groups of a number: nothing, spaces, a hyphen, or a line break (the number wrapped).
_GAP = r"(?:[ \t]*\n[ \t]*|[ \-]?)"


# Postcode: the strict position-specific formats of Presidio's UkPostcodeRecognizer.
POSTCODE = (
    r"(?:GIR\s?0AA|[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]?\s?[0-9][ABD-HJLNP-UW-Z]{2}|"
    r"[A-PR-UWYZ][0-9]{2}\s?[0-9][ABD-HJLNP-UW-Z]{2}|"
    r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?\s?[0-9][ABD-HJLNP-UW-Z]{2}|"
    r"[A-PR-UWYZ][A-HK-Y][0-9]{2}\s?[0-9][ABD-HJLNP-UW-Z]{2})"
)

STREET_WORDS = list(LEX_STREET_WORDS)
_STREET = r"(?:" + "|".join(STREET_WORDS + [w.upper() for w in STREET_WORDS]) + r")\.?"
# One capitalised word of an address, Title case or ALL CAPS, with apostrophes and hyphens.
_CAPWORD = r"(?:[A-Z][A-Za-z'\u2019\-]*[a-zA-Z]|[A-Z])"
_NUMBER = r"(?:(?:Flat|Apartment|Apt|Unit|FLAT|APARTMENT|UNIT)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?(?:-\d{1,4})?"

# Words that stop a backwards walk from a postcode: they belong to the sentence, not the address.
_ADDRESS_STOP = {
    "OF",
    "AT",
    "IN",
    "TO",
    "FROM",
    "ON",
    "AND",
    "WITH",
    "IS",
    "ARE",
    "WAS",
    "LIVES",
    "LIVING",
    "ADDRESS",
    "NEAR",
    "BY",
    "FOR",
    "THEIR",
    "HIS",
    "HER",
    "MOVED",
    "CARERS",
    "CARER",
}

_NAME_TOKEN = (
    r"(?:(?:Mac|Mc|O'|D'|De|Van|Le|La|Fitz)?[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)*|"
    r"(?:[A-Z]['\u2019])?[A-Z]{2,}(?:['\u2019-][A-Z]{2,})?)"
)
TITLES = words("titles", "courtesy")
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|MR|MRS|MS|MISS|DR)\.?"
# One or two names, optionally joined to another one or two by "and" or a comma
# ("<Given> and <Given> <Surname>", "Mr and Mrs <Surname>" is handled by the title rule).
_NAMES = (
    r"(?:"
    + _NAME_TOKEN
    + r"(?:[ \t\n]+"
    + _NAME_TOKEN
    + r")?(?:(?:,[ \t]*|[ \t\n]+(?:and|&)[ \t\n]+)"
    + _NAME_TOKEN
    + r"(?:[ \t\n]+"
    + _NAME_TOKEN
    + r")?)?)"
)

# Family and social relationships that precede or follow a third party's name.
RELATIONSHIPS = (
    "mother",
    "father",
    "mum",
    "dad",
    "step-father",
    "stepfather",
    "step-mother",
    "stepmother",
    "partner",
    "boyfriend",
    "girlfriend",
    "husband",
    "wife",
    "ex-partner",
    "sister",
    "brother",
    "half-sister",
    "half-brother",
    "half-sibling",
    "sibling",
    "step-sister",
    "step-brother",
    "stepsister",
    "stepbrother",
    "aunt",
    "auntie",
    "uncle",
    "cousin",
    "grandmother",
    "grandfather",
    "nan",
    "nana",
    "grandma",
    "grandad",
    "granddad",
    "great-grandmother",
    "neighbour",
    "friend",
    "lodger",
    "referrer",
    "carer",
    "foster carer",
    "foster carers",
    "foster mother",
    "foster father",
    "adopter",
    "adopters",
    "special guardian",
    "niece",
    "nephew",
    "son",
    "daughter",
    "child",
    "baby",
    "mother's partner",
    "father's partner",
    "maternal grandmother",
    "paternal grandmother",
    "maternal grandfather",
    "paternal grandfather",
    "birth mother",
    "birth father",
)
_REL = r"(?:" + "|".join(sorted((re.escape(r) for r in RELATIONSHIPS), key=len, reverse=True)) + r")"
# Before a name, words like "child" or "son" usually start a phrase ("Child Protection"), not a name.
_REL_BEFORE = (
    r"(?:"
    + "|".join(
        sorted(
            (re.escape(r) for r in RELATIONSHIPS if r not in {"child", "baby", "carer"}),
            key=len,
            reverse=True,
        )
    )
    + r")"
)

ENTITIES = (
    "PERSON",
    "UK_NHS",
    "UK_NINO",
    "UK_POSTCODE",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "UK_ADDRESS",
    "DATE_OF_BIRTH",
    "SCHOOL",
    "GP_PRACTICE",
    "UK_VEHICLE_REGISTRATION",
    "CASE_REFERENCE",
    "UK_PASSPORT",
    "UK_DRIVING_LICENCE",
    # Presidio's own checksum-validated recognizers (IbanRecognizer, CreditCardRecognizer): foreign and UK
    # bank accounts written as an IBAN, and card numbers.
    "IBAN_CODE",
    "CREDIT_CARD",
    *(e for e in ID_ENTITIES if e != "UK_PASSPORT"),
)
"""Every entity type the configured analyzer can return."""


class _RegexRecognizer(EntityRecognizer):
    """Base for our recognizers: a list of ``(regex, group, score)`` rules for one entity type."""

    ENTITY = ""
    RULES: tuple[tuple[str, int, float], ...] = ()
    FLAGS = 0
    #: Words near a match that raise its score through the analyzer's ``LemmaContextAwareEnhancer``
    #: (presidio's ``context``). Scores only go up: the engine never drops a finding for want of context.
    CONTEXT: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__, supported_language="en",
                         context=list(self.CONTEXT))
        self._compiled = [(re.compile(rx, self.FLAGS), group, score) for rx, group, score in self.RULES]

    def load(self) -> None:
        """Nothing to load: the patterns are compiled in ``__init__``."""

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Yield ``(start, end, score)`` for every match in ``text``."""
        for rx, group, score in self._compiled:
            for m in rx.finditer(text):
                if (m.group(group) and self.validate_result(m.group(group)) is not False
                        and self.accept(text, m.start(group), m.end(group))):
                    yield m.start(group), m.end(group), score

    def validate_result(self, pattern_text: str) -> bool | None:
        """Presidio's hook: ``False`` rejects a match on its text alone (a checksum, a digit count)."""
        return None

    def accept(self, text: str, start: int, end: int) -> bool:
        """Hook for subclasses to reject a match that needs its surroundings to judge; accepts all."""
        return True

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: D102
        if entities and self.ENTITY not in entities:
            return []
        best: dict[tuple[int, int], float] = {}
        for s, e, score in self.spans(text):
            best[(s, e)] = max(score, best.get((s, e), 0.0))
        # The explanation is where presidio's context enhancer records the supporting word and the raise.
        return [
            RecognizerResult(self.ENTITY, s, e, score,
                             analysis_explanation=AnalysisExplanation(self.name, score, pattern_name=self.name))
            for (s, e), score in sorted(best.items())
        ]
