"""PII re-scan of text before it is published (the FOI/EIR disclosure log, issue 18).

Presidio finds people, contact details and identifiers in the text; names the caller knows are
private (the requester, data subject, third parties) are replaced even when the model misses them;
names the caller says to keep (the council, and its officers when the council's setting allows)
are never replaced. Replacement is done by presidio-anonymizer with a label per kind, so a reader
sees that something was removed and what sort of thing it was. Pure: no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

#: What replaces each kind of finding; anything else becomes ``[personal data removed]``.
LABELS: dict[str, str] = {
    "PERSON": "[name removed]",
    "EMAIL_ADDRESS": "[email address removed]",
    "PHONE_NUMBER": "[phone number removed]",
    "UK_NINO": "[National Insurance number removed]",
    "UK_POSTCODE": "[postcode removed]",
    "UK_NHS": "[NHS number removed]",
}
DEFAULT_LABEL = "[personal data removed]"
#: Entity kinds the scan acts on: people, contact details and identifiers. Places and organisations
#: (``LOCATION``, ``ORGANIZATION``, ``NRP``) are left alone: a disclosure log is about public bodies.
ENTITIES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "UK_NINO", "UK_POSTCODE", "UK_NHS", "UK_PASSPORT",
            "UK_DRIVING_LICENCE", "UK_VEHICLE_REGISTRATION", "IBAN_CODE", "CREDIT_CARD", "DATE_OF_BIRTH")
#: Score a name known to be private is given (it is certain, not a guess).
KNOWN = 1.0
#: A UK phone number has 10 or 11 digits (Ofcom National Telephone Numbering Plan); shorter runs such
#: as a year are not phone numbers.
MIN_PHONE_DIGITS = 10


@dataclass(frozen=True)
class Removed:
    """One removal: its kind and where it was in the original text (the text itself is not kept)."""

    entity: str
    start: int
    end: int
    known: bool


@dataclass(frozen=True)
class ScanResult:
    """The text with personal data replaced, and what was removed."""

    text: str
    removed: tuple[Removed, ...]


def _fold(s: str) -> str:
    return " ".join(s.split()).casefold()


def _known_spans(text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence of each known private name, and of each of its words of 3+ letters."""
    spans = []
    needles: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        needles.add(name)
        needles.update(w for w in re.findall(r"[A-Za-z][A-Za-z'\-]{2,}", name))
    for needle in sorted(needles, key=len, reverse=True):
        pattern = r"(?<![\w])" + r"\s+".join(re.escape(part) for part in needle.split()) + r"(?![\w])"
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    return spans


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined into the largest ones."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _kept(text: str, start: int, end: int, keep: Sequence[str]) -> bool:
    """Whether the span lies inside, or is, a name the caller keeps."""
    span = _fold(text[start:end])
    for name in keep:
        folded = _fold(name)
        if not folded:
            continue
        if span == folded or span in folded.split() and len(span) > 2:
            return True
        for m in re.finditer(re.escape(name), text, flags=re.IGNORECASE):
            if m.start() <= start and end <= m.end():
                return True
    return False


def scan(text: str, *, analyzer, private_names: Sequence[str] = (), keep_names: Sequence[str] = (),
         known_private_words: Sequence[str] = ()) -> ScanResult:
    """Replace personal data in ``text``.

    :param analyzer: a Presidio ``AnalyzerEngine`` (``redaction.nlp.build_analyzer``).
    :param private_names: names certainly private here (requester, data subject, third parties): each
        occurrence, and each of their words, is replaced whatever the model says.
    :param keep_names: names never replaced (the council; its officers if the council's setting says so).
        A known private name wins over a kept one.
    :param known_private_words: further exact strings to remove (e.g. an address line, an e-mail).
    :return: the new text and the removals, in text order.
    """
    if not text.strip():
        return ScanResult(text, ())
    found = [r for r in analyzer.analyze(text=text, language="en", entities=list(ENTITIES))
             if r.entity_type != "PHONE_NUMBER" or _digits(text[r.start:r.end]) >= MIN_PHONE_DIGITS]
    known = _merge(_known_spans(text, list(private_names) + list(known_private_words)))
    results: list[RecognizerResult] = []
    for r in found:
        inside_known = any(s <= r.start and r.end <= e for s, e in known)
        if r.entity_type == "PERSON" and (inside_known or _kept(text, r.start, r.end, keep_names)):
            continue
        results.append(r)
    # A known name inside a larger finding (the name part of an e-mail address) goes with that finding.
    for start, end in known:
        if not any(r.start <= start and end <= r.end for r in results):
            results.append(RecognizerResult("PERSON", start, end, KNOWN))
    if not results:
        return ScanResult(text, ())
    operators = {kind: OperatorConfig("replace", {"new_value": label}) for kind, label in LABELS.items()}
    operators["DEFAULT"] = OperatorConfig("replace", {"new_value": DEFAULT_LABEL})
    out = _anonymizer().anonymize(text=text, analyzer_results=results, operators=operators)
    removed = sorted({Removed(r.entity_type, r.start, r.end, (r.start, r.end) in known) for r in results},
                     key=lambda x: (x.start, x.end))
    return ScanResult(out.text, tuple(removed))


_ANONYMIZER: AnonymizerEngine | None = None


def _anonymizer() -> AnonymizerEngine:
    global _ANONYMIZER
    if _ANONYMIZER is None:
        _ANONYMIZER = AnonymizerEngine()
    return _ANONYMIZER


def leaks(text: str, private_names: Sequence[str]) -> list[str]:
    """The known private names (whole, any case or spacing) still in ``text``: the check before publishing."""
    out = []
    for name in private_names:
        parts = (name or "").split()
        if parts and re.search(r"(?<![\w])" + r"\s+".join(re.escape(p) for p in parts) + r"(?![\w])", text,
                               flags=re.IGNORECASE):
            out.append(name)
    return out
