"""UK recognizers that Presidio does not ship, or ships too weak for case records.

Each class is a Presidio ``EntityRecognizer`` whose ``analyze`` runs plain regular expressions
over the page text and returns ``RecognizerResult``s. They know nothing about who the data subject
is: deciding what to keep is the engine's job (:mod:`redaction.engine`). Patterns are general UK
formats and cue words, never names or places taken from any sample file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer, RecognizerResult

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
    *(e for e in ID_ENTITIES if e != "UK_PASSPORT"),
)
"""Every entity type the configured analyzer can return."""


class _RegexRecognizer(EntityRecognizer):
    """Base for our recognizers: a list of ``(regex, group, score)`` rules for one entity type."""

    ENTITY = ""
    RULES: tuple[tuple[str, int, float], ...] = ()
    FLAGS = 0

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__, supported_language="en")
        self._compiled = [(re.compile(rx, self.FLAGS), group, score) for rx, group, score in self.RULES]

    def load(self) -> None:
        """Nothing to load: the patterns are compiled in ``__init__``."""

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Yield ``(start, end, score)`` for every match in ``text``."""
        for rx, group, score in self._compiled:
            for m in rx.finditer(text):
                if m.group(group) and self.accept(text, m.start(group), m.end(group)):
                    yield m.start(group), m.end(group), score

    def accept(self, text: str, start: int, end: int) -> bool:
        """Hook for subclasses to reject a regex match; the default accepts all."""
        return True

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: D102
        if entities and self.ENTITY not in entities:
            return []
        best: dict[tuple[int, int], float] = {}
        for s, e, score in self.spans(text):
            best[(s, e)] = max(score, best.get((s, e), 0.0))
        return [RecognizerResult(self.ENTITY, s, e, score) for (s, e), score in sorted(best.items())]


class NhsContextRecognizer(_RegexRecognizer):
    """A 10-digit number written as an NHS number ("NHS number is ...", "NHS No: ...").

    Presidio's ``NhsRecognizer`` only trusts numbers that pass the mod-11 check; a mistyped number
    after the words "NHS number" is still somebody's NHS number and must go.
    """

    ENTITY = "UK_NHS"
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
    _BREAK = r"[ \t]*\n[ \t]*"
    RULES = (
        (r"(?<![\d\w])(\d{3}[ \-]?\d{3}" + _BREAK + r"\d{4}|\d{3}" + _BREAK + r"\d{3}[ \-]?\d{4})(?![\d\w])", 1, 0.5),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        """Require the NHS mod-11 check digit."""
        digits = [int(c) for c in re.sub(r"\D", "", text[start:end])]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
        return len(digits) == 10 and (0 if check == 11 else check) == digits[9]


class UkPhoneFallbackRecognizer(_RegexRecognizer):
    """UK phone numbers in the shapes case notes use, including drama-range and split numbers.

    ``phonenumbers`` rejects Ofcom drama ranges and numbers broken over a line; both still identify a
    person in a record, so this regex catches 01/02/03/07/08 numbers of 10-11 digits, spaced or not,
    with an optional +44, and allows the break between groups to be a line break.
    """

    ENTITY = "PHONE_NUMBER"
    RULES = (
        (
            r"(?<![\d\w])((?:\+44[\s\-]?\(?0?\)?[\s\-]?|\(?0)(?:7\d{3}\)?[\s\-.]?\d{3}[\s\-.]?\d{3}|"
            r"[1238]\d{2,4}\)?[\s\-.]?\d{3,4}[\s\-.]?\d{3,4}))(?!\d)",
            1,
            0.6,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        """Require 10 or 11 digits (12 with the 44 prefix)."""
        digits = re.sub(r"\D", "", text[start:end])
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        return len(digits) in (10, 11)


class DateOfBirthRecognizer(_RegexRecognizer):
    """A date given as someone's date of birth.

    Cues: "DOB", "D.O.B.", "date of birth", "born (on)", and a date in brackets straight after a
    capitalised word ("<Given> (15/07/2013)"), which is how case notes record a child's birthday.
    """

    ENTITY = "DATE_OF_BIRTH"
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


# Words of job titles: a school or practice name never starts with one ("Designated Safeguarding
# Lead <Town> Primary School" in a table row is a role followed by the school).
ROLE_WORDS = frozenset(
    """designated safeguarding lead head teacher headteacher deputy class senco manager
    officer worker social nurse visitor health gp police constable independent reviewing chair team support
    assistant practitioner consultant doctor dr mr mrs ms miss name role agency from to at by with and
    signed present attendees""".split()
)


class SchoolRecognizer(_RegexRecognizer):
    """School names: one to four capitalised words ending in a school word."""

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Regex matches with leading job-title words trimmed off."""
        for start, end, score in super().spans(text):
            start = _trim_roles(text, start, end)
            if len(text[start:end].split()) >= 2:
                yield start, end, score

    ENTITY = "SCHOOL"
    RULES = (
        (
            r"((?:St\.?\s+|Saint\s+)?(?:" + _CAPWORD + r"[ \t\n]+){1,4}(?:(?:Primary|Junior|Infant|Infants|Secondary|"
            r"High|Grammar|Community|Church\s+of\s+England|C\s?of\s?E|CE|RC|Catholic|Special|Free)[ \t\n]+)?"
            r"(?:School|Academy|College|Primary|Nursery|Infants|Juniors|Pupil\s+Referral\s+Unit|PRU)"
            r"(?:[ \t]+School)?)\b",
            1,
            0.6,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        """Reject generic phrases such as "The School" or "Primary" alone."""
        words = text[start:end].split()
        return len(words) >= 2 and words[0].lower() not in {"the", "a", "at", "his", "her", "their", "of"}


class GpPracticeRecognizer(_RegexRecognizer):
    """GP practice and health-centre names ("Anyplace Surgery", "Park Lane Medical Practice")."""

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Regex matches with leading job-title words trimmed off."""
        for start, end, score in super().spans(text):
            start = _trim_roles(text, start, end)
            if len(text[start:end].split()) >= 2:
                yield start, end, score

    ENTITY = "GP_PRACTICE"
    RULES = (
        (
            r"((?:" + _CAPWORD + r"[ \t\n]+){1,4}(?:Surgery|Medical\s+(?:Practice|Centre|Center|Group)|Health\s+Centre|"
            r"Family\s+Practice|Group\s+Practice|GP\s+Practice|Practice))\b",
            1,
            0.6,
        ),
    )

    def accept(self, text: str, start: int, end: int) -> bool:
        """Reject phrases led by a function word ("The Surgery")."""
        first = text[start:end].split()[0].lower()
        return first not in {"the", "a", "at", "his", "her", "their", "of", "good", "best"}


class CaseReferenceRecognizer(_RegexRecognizer):
    """Local case and person references: ``CS-382105``, "Case ref: 123456", "Mosaic ID 1234567", UPN."""

    ENTITY = "CASE_REFERENCE"
    RULES = (
        (r"\b([A-Z]{2,4}-\d{4,9})\b", 1, 0.5),
        (
            r"(?i:\b(?:case|person|client|mosaic|lcs|eclipse|liquidlogic|child|family)\s*(?:ref(?:erence)?|id|no\.?|"
            r"number)\s*:?\s*)([A-Z0-9][A-Z0-9\-/]{4,14})\b",
            1,
            0.6,
        ),
        (r"(?i:\bUPN\s*:?\s*)([A-Z]\d{12})\b", 1, 0.9),
    )


class AddressRecognizer(_RegexRecognizer):
    r"""Whole street addresses, from the house number through the town and postcode.

    Two anchors, both allowed to wrap over a line break:

    * a postcode: walk back over capitalised words, numbers and commas until a sentence word, so
      "of 147 Any Road,\\nTown AB1 2CD" gives "147 Any Road, Town AB1 2CD";
    * a street word ("Road", "Close", ...) after a house number, plus a following ", Town".

    The scorer counts any three surviving words of an address as a leak, so the span must be whole.
    """

    ENTITY = "UK_ADDRESS"

    _postcode = re.compile(r"(?<![A-Za-z0-9])" + POSTCODE + r"(?![A-Za-z0-9])")
    _street = re.compile(
        # The house number is not the tail of a date, time or reference ("14/09/2012", "10:42").
        r"(?<![\w£$/.:\-])(" + _NUMBER + r"[ \t\n]+(?:" + _CAPWORD + r"[ \t\n]+){1,3}" + _STREET + r"(?![\w'])"
        r"(?:(?:,[ \t\n]*|[ \t]+)(?!(?:and|who|where|with|which)\b)" + _CAPWORD + r"(?![\w'])(?!\s*:)"
        r"(?:[ \t]+" + _CAPWORD + r"(?![\w'])(?!\s*:))?)?)"
    )
    _token = re.compile(r"[A-Za-z0-9'\u2019\-]+|,|\S")
    # "lives at 89 Any Corners, Town": a living/address cue, a house number and capitalised words,
    # for street types no list can enumerate. After the weak cues "at"/"of" a ", Town" is required.
    # An address word is not a line label ("Tel:" on the next line).
    _aw = _CAPWORD + r"(?![\w'])(?!\s*:)"
    _cued = re.compile(
        r"(?i:\b(?:lives?|living|resides?|residing|staying|stays|moved|moving|relocated|address(?:\s+is)?|"
        r"home\s+is)\s*(?:at|to|in|:)?\s*(?:at\s+)?)(" + _NUMBER + r"[ \t\n]+" + _aw + r"(?:[ \t\n]+" + _aw
        + r"){0,3}(?:,[ \t\n]*" + _aw + r"(?:[ \t]+" + _aw + r")?)?)"
        r"|(?i:\b(?:at|of|to)\s+)(" + _NUMBER + r"[ \t\n]+" + _aw + r"(?:[ \t\n]+" + _aw + r"){1,3},[ \t\n]*"
        + _aw + r")"
    )

    def spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        """Every anchored address, without those contained in a longer one."""
        found = sorted(set(self._raw_spans(text)), key=lambda x: (x[0], -x[1]))
        for s, e, score in found:
            if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in found):
                yield s, e, score

    def _raw_spans(self, text: str) -> Iterable[tuple[int, int, float]]:
        for m in self._postcode.finditer(text):
            start = self._walk_back(text, m.start())
            yield start, m.end(), 0.85 if start < m.start() else 0.5
        for m in self._cued.finditer(text):
            group = 1 if m.group(1) else 2
            yield m.start(group), m.end(group), 0.6
        for m in self._street.finditer(text):
            end = m.end(1)
            # Trim a trailing word that starts the next sentence ("..., Oxford He said") is rare;
            # keep the town but drop trailing commas/space.
            while end > m.start(1) and text[end - 1] in ", \t\n":
                end -= 1
            yield m.start(1), end, 0.7

    def _walk_back(self, text: str, pos: int) -> int:
        """Return where the address that ends in a postcode at ``pos`` starts."""
        tokens = [(t.start(), t.group()) for t in self._token.finditer(text, max(0, pos - 140), pos)]
        start = pos
        first_number = None
        words = 0
        for tstart, tok in reversed(tokens):
            if "\n" in text[tstart:start] and _other_cell(text, tstart):
                break
            if tok == ",":
                start = tstart
                continue
            if tok[0].isdigit():
                start = tstart
                first_number = tstart
                words += 1
            elif (tok[0].isupper() and tok.upper().strip("'\u2019") not in _ADDRESS_STOP) or tok in _NAME_PARTICLES:
                start = tstart
                words += 1
            else:
                break
            if words >= 9:
                break
        if first_number is not None:
            # Start at the earliest house number, with a preceding "Flat 2," kept.
            nums = [t for t, tok in tokens if t >= start and tok[0].isdigit()]
            start = nums[0]
            before = text[max(0, start - 12) : start]
            flat = re.search(r"(?i)(f?flat|apartment|apt|unit)\s*$", before)
            if flat:
                start = start - len(before) + flat.start()
        while start < pos and text[start] in ", \t\n":
            start += 1
        return start


# Lower-case particles inside Welsh and other street names ("Heol y <Name>", "Rue de la <Name>"):
# general knowledge. A backward walk from a postcode goes on over them.
_NAME_PARTICLES = frozenset({"y", "yr", "de", "la", "du", "des", "del", "da", "di", "van", "der", "von"})


def _other_cell(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` is a table cell of its own, not a line of an address.

    An address may run over several lines ("Flat 3" / "18 Any Way" / "Town"), but a line with no
    letters ("671 028 4433", "30/11/2008") or one that ends in a date is another column's value.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return not re.search(r"[A-Za-z]", line) or bool(re.search(DATE + r"\s*$", line))


class TitledNameRecognizer(_RegexRecognizer):
    """Names after a title: Mr/Mrs/Ms/Miss/Dr + (first name) + surname, ALL CAPS and line breaks too."""

    ENTITY = "PERSON"
    RULES = ((r"\b(" + _TITLE + r"[ \t\n]+" + _NAME_TOKEN + r"(?:[ \t\n]+" + _NAME_TOKEN + r")?)(?![\w])", 1, 0.7),)


class RelationshipNameRecognizer(_RegexRecognizer):
    """Names next to a family or social relationship: "mother, <Given> <Surname>", "<Given> (half-sibling)".

    The small spaCy model misses many names; a relationship word beside a capitalised word is a strong
    cue that the word is a third party's name.
    """

    ENTITY = "PERSON"
    RULES = (
        (
            r"(?i:\b" + _REL_BEFORE + r"(?:'s)?\s*(?:,|:|-|is|was|called|named)?\s*)(" + _NAMES + r")",
            1,
            0.6,
        ),
        (
            r"(" + _NAMES + r")(?:\s*,\s*(?:the\s+|a\s+|his\s+|her\s+|their\s+)?|\s*\(\s*|[ \t]*\n[ \t]*|[ \t]{2,}|"
            r"\s+-\s+|\s+is\s+(?:the\s+|his\s+|her\s+|their\s+)?)"
            r"(?i:(?:child's\s+|subject's\s+|maternal\s+|paternal\s+)?" + _REL + r")\b",
            1,
            0.6,
        ),
    )


def _trim_roles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading words that belong to a job title or a line label."""
    for m in re.finditer(r"\S+", text[start:end]):
        if m.group().lower().strip(",:") not in ROLE_WORDS:
            return start + m.start()
    return end


def uk_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every recognizer in this module."""
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
