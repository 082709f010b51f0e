"""Shared records and cue tables of the redaction engine's decision phase.

Holds the per-page working record (``_Page``), a candidate redaction (``_Candidate``), an
identifier's owner (``_Owner``), and the entity tables and cue patterns the people, decision and
plan stages share (locating entities, identifier priorities, legal-advice and serious-harm cues).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.detect import (
    Finding,
)
from redaction.detectors.ids import ID_ENTITIES
from redaction.detectors.uk import RELATIONSHIPS, TITLES
from redaction.letters import LETTER
from redaction.lexicon import (
    words,
)
from redaction.names import (
    Person,
)
from redaction.types import PageText

_LOCATING = {"UK_ADDRESS", "UK_POSTCODE", "PHONE_NUMBER", "SCHOOL", "GP_PRACTICE", "EMAIL_ADDRESS"}
_IDENTIFIERS = {
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "UK_NHS",
    "UK_NINO",
    "UK_ADDRESS",
    "UK_POSTCODE",
    "UK_PASSPORT",
    "UK_DRIVING_LICENCE",
    "UK_VEHICLE_REGISTRATION",
    "DATE_OF_BIRTH",
    "CASE_REFERENCE",
    "SCHOOL",
    "GP_PRACTICE",
    "CREDIT_CARD",
    "IBAN_CODE",
    *ID_ENTITIES,
}
# Details that are about the subject's case unless shown to be someone else's.
_KEEP_UNLESS_THIRD = {"CASE_REFERENCE", "SCHOOL", "GP_PRACTICE"}
# Overlap priority: a longer, more specific entity wins over what it contains.
_PRIORITY = {
    "LEGAL_ADVICE": 0,
    "UK_ADDRESS": 1,
    "EMAIL_ADDRESS": 2,
    "UK_NHS": 3,
    "UK_NINO": 3,
    "DATE_OF_BIRTH": 3,
    # A nine-digit passport or an account number also parses as a phone number.
    "UK_PASSPORT": 3,
    "UK_BANK_DETAILS": 3,
    "UK_PNC": 3,
    "PRISON_NUMBER": 3,
    "SOCIAL_HANDLE": 2,
    "PHONE_NUMBER": 4,
    "UK_POSTCODE": 5,
    "SCHOOL": 5,
    "GP_PRACTICE": 5,
    "PERSON": 6,
}
_WHAT = {
    "PERSON": "Name",
    "PHONE_NUMBER": "Telephone number",
    "EMAIL_ADDRESS": "E-mail address",
    "UK_NHS": "NHS number",
    "UK_NINO": "National Insurance number",
    "UK_ADDRESS": "Address",
    "UK_POSTCODE": "Postcode",
    "DATE_OF_BIRTH": "Date of birth",
    "SCHOOL": "School",
    "GP_PRACTICE": "GP practice",
    "CASE_REFERENCE": "Reference number",
    "UK_PASSPORT": "Passport number",
    "UK_DRIVING_LICENCE": "Driving licence number",
    "UK_VEHICLE_REGISTRATION": "Vehicle registration",
    "CREDIT_CARD": "Card number",
    "IBAN_CODE": "Bank account",
    **ID_ENTITIES,
}

# Words that make a locating detail in the same sentence a possible placement locator. "Carer"
# counts only as a carer of the child: not a "young carer" (the child cares for a parent), not a
# "parent/carer" form field and not a "carer's assessment".
_SERIOUS_HARM_CUE = re.compile(
    r"foster|(?<!young\s)(?<!parent/)(?<!parents/)(?<!parent\s)\bcarers?\b(?!'?s?\s+assessment)|"
    r"placement\s+address|placed\s+with|adopt|refuge|safe\s+house|"
    r"special\s+guardian|must\s+not\s+be\s+shared|not\s+to\s+be\s+(?:disclosed|shared)|do\s+not\s+disclose|"
    r"\bplacement\b|children's\s+home|residential\s+(?:home|unit)|supported\s+lodgings|semi-independent",
    re.IGNORECASE,
)
_LPP_HEADING = re.compile(
    r"legal\s+advice|legal\s+gateway|legal\s+planning\s+meeting|legally\s+privileged|\bprivileged\b|"
    r"legal\s+professional\s+privilege|counsel's\s+(?:advice|opinion)|advice\s+(?:from|of)\s+(?:legal|counsel)|"
    r"without\s+prejudice|instructions\s+to\s+counsel",
    re.IGNORECASE,
)
_LPP_PASSAGE = re.compile(
    r"legal\s+services?\s+(?:advise[ds]?|advice|said|view|consider|recommend)|legal\s+advice\s+(?:is|was|given|"
    r"received|from)|(?:counsel|the\s+solicitor|our\s+solicitor|the\s+local\s+authority(?:'s)?\s+solicitor|"
    # not "seek independent legal advice", "get their own legal advice": advice to someone else to find a lawyer
    r"(?<!seek\s)(?<!obtain\s)(?<!independent\s)(?<!own\s)(?<!free\s)(?<!get\s)(?<!their\s)(?<!his\s)(?<!her\s)"
    r"legal(?:\s+adviser)?)(?:'s)?\s+(?:advised?|advice|view|opinion|recommend)|advice\s+from\s+legal|"
    r"legal\s+gateway\s+(?:meeting\s+)?(?:advised|agreed|decided|concluded)|"
    r"legal\s+planning\s+meeting\s+(?:advised|agreed|decided|concluded)|"
    # "Discussed at legal surgery on 3 May: advised ...", "spoke to <Name> in Legal, who advised ...":
    # the council's lawyers named as a team, then their advice in the same sentence (issue 10).
    r"legal\s+(?:surgery|gateway|planning)\b[^.\n]{0,40}?\b(?:advised?|advice)\b|"
    r"\b(?:in|from|with|to|of)\s+(?-i:Legal)(?:\s+(?-i:Services|Team|Department))?\b[^.]{0,60}?"
    r"\b(?:advised?|advice|view\s+(?:is|was)|recommended)\b",
    re.IGNORECASE,
)
# A word of any script (rule unicode-name, redaction.letters): "<Given>" with an accent is one word.
_WORD = re.compile(rf"{LETTER}(?:{LETTER}|['\-])*{LETTER}|{LETTER}")
_LPP_SECTION = re.compile(
    r"^\s*(?:legal\s+advice|advice\s+from\s+legal(?:\s+services)?|legal\s+gateway(?:\s+\w+)?|"
    r"legal\s+planning\s+meeting|counsel's\s+(?:advice|opinion)|legally\s+privileged|privileged(?:\s+and\s+confidential)?)"
    # no sentence after it on the line; a date's dots ("12.03.2025") do not end one
    r"\b(?:[^.]|(?<=\d)\.(?=\d))*$",
    re.IGNORECASE,
)
_ORG_WORD_AFTER = re.compile(
    r"[ \t]+(?:Police|Constabulary|School|Academy|College|Primary|Nursery|Surgery|Practice|Trust|Council|Team|"
    r"Services?|Hospital|Centre|Center|Clinic|University|Foundation|Partnership|Unit|Ward|Court|Road|Street|"
    # and the services named after the place they serve ("<Town> CAMHS"; lexicon/agency_words.txt)
    + "|".join(sorted({f(w) for w in words("agency_words", "after-place") for f in (str.title, str.upper)},
                      key=len, reverse=True))
    + r")\b"
)
_FAMILY = r"(?:" + "|".join(
    sorted((re.escape(r) for r in RELATIONSHIPS if r not in {"child", "baby", "son", "daughter", "friend"}),
           key=len, reverse=True)
) + r")"
# Any relationship word at all, for "<Subject>'s friend's mobile is ...": the detail is not the subject's.
_FAMILY_WORD = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(r) for r in RELATIONSHIPS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|hers|him|they|their|them)\b", re.IGNORECASE)
_TITLE_RX = r"(?:(?:" + "|".join(TITLES) + r")\.?[ \n]+)"
_PROF_TITLE_NAME = re.compile(
    # The professional titles of lexicon/titles.txt ("PS", "Nurse") and police ranks written out.
    r"\b(?:" + "|".join(sorted((re.escape(t) for t in words("titles", "professional")), key=len, reverse=True))
    + r"|Detective\s+Constable|Police\s+Constable|Detective\s+Sergeant|Police\s+Sergeant)\.?[ \n]+"
    r"(?:\d{2,6}[ \n]+)?([A-Z][\w'\-]+(?:[ \n]+[A-Z][\w'\-]+)?)"
)


@dataclass
class _Page:
    doc: int
    page: PageText
    text: str
    index: Sequence[int]
    findings: list[Finding]
    sentences: list[tuple[int, int]]
    _wide: int | None = None

    @property
    def key(self) -> tuple[int, int]:
        return (self.doc, self.page.page_index)

    @property
    def wide(self) -> int:
        """Length of the page's longest line: lines much shorter are cells, labels or headings."""
        if self._wide is None:
            self._wide = max((len(ln.strip()) for ln in self.text.split("\n")), default=0)
        return self._wide


@dataclass
class _Candidate:
    page: _Page
    start: int
    end: int
    entity: str
    code: str
    reason: str
    score: float
    recognizer: str


@dataclass(frozen=True)
class _Owner:
    kind: str | None  # SUBJECT, PROFESSIONAL, THIRD_PARTY or None (no one found)
    strong: bool
    person: Person | None
    relative: bool = False  # introduced by a family relationship (redaction.ownership)
    given: bool = False  # the nearest name receives it from someone else (redaction.ownership)
