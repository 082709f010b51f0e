"""Propose a confidentiality level (CONFIDENTIAL / SENSITIVE / HIGHLY SENSITIVE) for passages, pages, documents.

Pure: no database, no PDF library. It reuses what the redaction engine already finds: the engine's
findings (entity types such as ``UK_ADDRESS`` or ``SCHOOL``, the locating details) are passed in with
their character spans, and sentences come from :func:`redaction.text.sentence_bounds`, the engine's own
splitter. The cue words below are added on top and are general knowledge taken from the seed policy's
own lists (Children's Services Values and Principles, "levels of confidentiality"); no case text.

Seed policy: "the Children and Families Service has adopted the concept of three different levels of
confidentiality. Workers must take this into account when collecting and recording information."

* CONFIDENTIAL: "ALL INFORMATION which Social Care and Supported Housing holds on a service
  user/child/young person" -- the default, so a passage with no cue is CONFIDENTIAL, never less.
* SENSITIVE: "Information about relationships; Private hopes, wishes or fears; Health information
  (mental, physical, sexual); Sexuality; Sexual activity; Histories of physical or sexual abuse; Issues
  of parenthood ...; Sensitive third party information."
* HIGHLY SENSITIVE: "Addresses and other locating information, e.g. schools, names and addresses of
  doctor etc. need to be kept particularly confidential because of risks of violence - threatened or
  actual - abduction, child protection; Where addresses need to be kept extra confidential because of
  regulation, e.g. adoption regulation", and the sensitive categories where disclosure "could cause the
  service user/child/young person harm or acute distress".

The proposal is only a proposal: the officer confirms every level (``sar.confidentiality.levels``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redaction.text import sentence_bounds

CONFIDENTIAL = "confidential"
SENSITIVE = "sensitive"
HIGHLY_SENSITIVE = "highly_sensitive"
#: Lowest first; :func:`highest` relies on this order.
LEVELS = (CONFIDENTIAL, SENSITIVE, HIGHLY_SENSITIVE)

#: The engine's locating details (the entity types its detectors emit for addresses, postcodes,
#: telephone numbers, e-mail addresses, schools and GP practices): the seed's "addresses and other
#: locating information, e.g. schools, names and addresses of doctor".
LOCATING_ENTITIES = frozenset({"UK_ADDRESS", "UK_POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS", "SCHOOL", "GP_PRACTICE"})


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")", re.IGNORECASE)


#: Seed "SENSITIVE INFORMATION" examples, one named cue per listed category.
SENSITIVE_CUES: dict[str, re.Pattern[str]] = {
    "relationships": _cue(r"relationship|boyfriend|girlfriend|partner\b|separated|divorce|estranged"),
    "hopes_wishes_fears": _cue(r"wishes\s+and\s+feelings|hopes?\b|fears?\b|afraid|worried\s+about|scared"),
    "health": _cue(r"diagnos|mental\s+health|depress|anxiety|self[- ]harm|suicid|medication|camhs|"
                   r"psychiatr|pregnan|termination|sexual\s+health|hospital|disabilit|overdose"),
    "sexuality": _cue(r"sexuality|sexual\s+orientation|\bgay\b|lesbian|bisexual|transgender|gender\s+identity"),
    "sexual_activity": _cue(r"sexual(?:ly)?\s+active|sexual\s+activity|sexual\s+intercourse|contracepti"),
    "abuse_history": _cue(r"abuse[ds]?\b|neglect|assault|non-accidental|\bgrooming|exploitation|\bcse\b"),
    "parenthood": _cue(r"paternity|biological\s+(?:father|mother|parent)|birth\s+(?:father|mother|parent)|"
                       r"donor\s+concei|\bdna\s+test|inherited\s+condition|genetic"),
}
#: Seed "HIGHLY SENSITIVE" reasons a locating detail must be kept particularly confidential: risk of
#: violence (threatened or actual), abduction, child protection, and regulation such as adoption.
#: Placement words are the same family of cues the engine uses to spot a placement locator.
LOCATING_RISK_CUES: dict[str, re.Pattern[str]] = {
    "violence": _cue(r"violen|threat|domestic\s+abuse|non-molestation|injunction|restraining\s+order|"
                     r"\bmarac\b|harass|stalk"),
    "abduction": _cue(r"abduct|\babscond|snatch|remov(?:e|al)\s+(?:the\s+)?child|flight\s+risk"),
    "child_protection": _cue(r"child\s+protection|section\s+47|\bs\.?\s?47\b|protection\s+plan|safeguarding"),
    "adoption_regulation": _cue(r"adopt"),
    "placement": _cue(r"foster|placement|placed\s+with|refuge|safe\s+house|special\s+guardian|children's\s+home|"
                      r"supported\s+lodgings"),
}
#: A passage in a sensitive category becomes HIGHLY SENSITIVE when the record itself says disclosure
#: would harm or distress ("could cause ... harm or acute distress").
DISCLOSURE_HARM_CUES: dict[str, re.Pattern[str]] = {
    "disclosure_harm": _cue(r"must\s+not\s+be\s+(?:shared|disclosed)|not\s+to\s+be\s+(?:shared|disclosed)|"
                            r"do\s+not\s+(?:share|disclose)|(?:serious\s+)?harm\s+(?:to|if)|acute\s+distress|"
                            r"would\s+(?:cause|be)\s+(?:great\s+|acute\s+|serious\s+)?distress"),
}


@dataclass(frozen=True)
class Span:
    """An engine finding: its entity type and character span in the page text."""

    entity_type: str
    start: int
    end: int


@dataclass(frozen=True)
class LevelProposal:
    """A proposed level for a passage (``start``/``end`` set), a page or a document, and why."""

    level: str
    cues: tuple[str, ...]
    start: int | None = None
    end: int | None = None
    excerpt: str = ""


def highest(levels: Iterable[str]) -> str:
    """The highest of ``levels`` (CONFIDENTIAL for none: all information is at least confidential)."""
    return max(levels, key=LEVELS.index, default=CONFIDENTIAL)


def _hits(table: dict[str, re.Pattern[str]], text: str, prefix: str) -> list[str]:
    return [f"{prefix}:{name}" for name, rx in table.items() if rx.search(text)]


def classify_passage(text: str, entity_types: Iterable[str] = ()) -> LevelProposal:
    """Propose the level of one passage from its words and the engine's entity types inside it.

    Rules (in the seed's words, see the module docstring): a locating detail with a risk cue in the same
    passage, or a sensitive category with a disclosure-harm cue, is HIGHLY SENSITIVE; a sensitive category
    alone is SENSITIVE; everything else is CONFIDENTIAL.
    """
    locating = sorted({f"locating:{e}" for e in entity_types if e in LOCATING_ENTITIES})
    risk = _hits(LOCATING_RISK_CUES, text, "risk")
    sensitive = _hits(SENSITIVE_CUES, text, "sensitive")
    harm = _hits(DISCLOSURE_HARM_CUES, text, "harm")
    if locating and risk:
        return LevelProposal(HIGHLY_SENSITIVE, tuple(locating + risk))
    if sensitive and harm:
        return LevelProposal(HIGHLY_SENSITIVE, tuple(sensitive + harm))
    if sensitive:
        return LevelProposal(SENSITIVE, tuple(sensitive))
    return LevelProposal(CONFIDENTIAL, ())


def propose_page(text: str, findings: Sequence[Span] = ()) -> tuple[LevelProposal, list[LevelProposal]]:
    """Propose levels for one page: ``(page proposal, passages above CONFIDENTIAL)``.

    Passages are the engine's sentences; a finding belongs to every sentence it overlaps. The page's
    level is the highest of its passages and its cues their union, in order.
    """
    passages: list[LevelProposal] = []
    for start, end in sentence_bounds(text):
        inside = [f.entity_type for f in findings if f.start < end and f.end > start]
        p = classify_passage(text[start:end], inside)
        if p.level != CONFIDENTIAL:
            passages.append(LevelProposal(p.level, p.cues, start, end, text[start:end].strip()[:500]))
    cues = tuple(dict.fromkeys(c for p in passages for c in p.cues))
    return LevelProposal(highest(p.level for p in passages), cues), passages


def propose_document(pages: Sequence[str], findings: Sequence[Sequence[Span]] = ()) -> LevelProposal:
    """The level of a whole document: the highest of its pages (``findings`` per page, may be shorter)."""
    levels, cues = [], []
    for i, text in enumerate(pages):
        page, _ = propose_page(text, findings[i] if i < len(findings) else ())
        levels.append(page.level)
        cues.extend(page.cues)
    return LevelProposal(highest(levels), tuple(dict.fromkeys(cues)))
