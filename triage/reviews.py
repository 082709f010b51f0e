"""Reviews and complaints about handling, decided for the request as a whole.

A request for an internal review (FOIA s.45 Code, rulebook F-8) or an EIR reconsideration (reg 11, E-6)
is one part, whatever topic words it quotes from the request it is about: the title of the original
request, the exemption applied or the reason the requester disagrees are not new asks. A review of a
subject access response stays with the SAR (G-9). The original request is linked when the requester
gives its reference, date, title or public thread address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.cues.lexicon import cue, find
from triage.cues.topics import ENV

# Asking for a review (a request verb and the review as its object), as opposed to asking how reviews work.
REVIEW_ASK = cue(
    "review_ask", "FOIA s.45 Code / EIR reg 11", "asks for a review of how an earlier request was answered",
    r"\b(?:request|requesting|ask for|asking for|seek|seeking|want|would like|carry out|conduct|undertake|"
    r"arrange)\s+(?:\w+\s+){0,3}?(?:an? )?internal review\b(?!\s+(?:procedure|process|polic\w*|figures|"
    r"statistics|team|officer|guidance)s?\b)",
    r"\binternal review of\s+(?:\w+\s+){0,4}?(?:handling|decision|response|refusal|reply|answer)\b",
    r"\b(?:please|kindly|i ask you to|i would like you to|i request that you|i want you to)\s+(?:\w+\s+){0,2}?"
    r"(?:review|reconsider|look again at)\s+(?:your|the|this|that|its|my)\s+(?:\w+\s+){0,2}?(?:decision|"
    r"response|reply|refusal|answer|handling|request)\b",
    r"\breconsider\w*\b[^.;]{0,60}\breg(?:ulation)?\.? ?11\b|\breg(?:ulation)?\.? ?11\b[^.;]{0,60}"
    r"\breconsider\w*\b",
    r"\b(?:make|making) representations under\b",
    # A complaint about how a request was handled is an internal review (s.45 Code) when the request is an
    # information request; see _ABOUT_A_REQUEST.
    r"\b(?:complain\w*|unhappy|dissatisfied|not (?:happy|satisfied))\s+(?:\w+\s+){0,3}?(?:about|with|regarding|"
    r"over)\s+(?:how|the way)\s+(?:you|the council|your (?:team|department|office))\s+(?:have\s+)?(?:handled|"
    r"dealt with|answered|responded to|processed)\b",
    r"\b(?:complain\w*|unhappy|dissatisfied|not (?:happy|satisfied))\s+(?:\w+\s+){0,3}?(?:about|with|regarding)"
    r"\s+(?:the|your) handling of\b",
)
# The thing reviewed or handled was an information request or its answer (not a social-work case, a
# service decision or a service complaint).
_ABOUT_A_REQUEST = re.compile(
    r"\b(?:foia|eir|d?sar|subject access|request|requests|information request|ref(?:erence)?|asked for|"
    r"response|reply|answer|refus\w*|withh\w*|exempt\w*|exceptions?|redact\w*)\b", re.I)
# What the original request was, in the requester's words ("my FOI request", "my request under the EIR").
_ORIGINAL_SAR = re.compile(
    r"\bmy (?:data )?subject access request\b|\bmy d?sar\b|\bmy request for (?:my|our) (?:own )?(?:records|file|"
    r"data|personal)", re.I)
_ORIGINAL_EIR = re.compile(
    r"\b(?:my|the|this|that) (?:eir|environmental information) request\b|\brequest (?:made )?under (?:the )?eir\b|"
    r"\breg(?:ulation)?\.? ?11\b|\bref\w*\.?\s*:?\s*eir\b", re.I)
_ORIGINAL_FOI = re.compile(
    r"\b(?:my|the|this|that) foia request\b|\brequest (?:made )?under (?:the )?foia\b|\bref\w*\.?\s*:?\s*foia\b",
    re.I)

# Identifiers of the original request (read from the text as received, before boilerplate is blanked).
# A reference is either labelled ("your ref X12/3") or stands alone with an upper-case prefix used by
# councils for information requests (this product's own prefixes among them: FOI, FOIR, EIR, EIRR, SAR,
# RECT, ERAS, REST, OBJ, PORT, TPD).
_REFERENCE = re.compile(
    r"\b(?:(?:our|your|the)\s+)?ref(?:erence)?(?:\s+(?:no|number))?\.?\s*[:#]?\s*"
    r"([A-Z0-9][A-Z0-9/_-]*\d[A-Z0-9/_-]*)", re.I)
_PREFIXED = re.compile(r"\b((?:FOIR|FOIA|FOI|EIRR|EIR|DSAR|SAR|RECT|ERAS|REST|OBJ|PORT|TPD|IR)[-/ ]?\d[\w/-]*)")
_DATE = re.compile(
    r"\b(?:response|reply|letter|e-?mail|decision|refusal|request)\s+(?:of|dated|sent on|sent|received on|on|"
    r"from)\s+(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})")
_TITLE = re.compile(r"\brequest\s+['\"\u2018\u201c]([^'\"\u2019\u201d\n]{3,120})['\"\u2019\u201d]", re.I)
_THREAD = re.compile(r"https?://\S+/request/[\w-]+")


@dataclass(frozen=True)
class Review:
    """A review request: its regime, reasons, confidence and the original it is linked to."""

    regime: str
    reasons: list[str]
    confidence: str
    original: tuple[tuple[str, str], ...]


def original_request(text: str) -> tuple[tuple[str, str], ...]:
    """``(("reference", ...), ("date", ...), ("title", ...), ("url", ...))`` for those the text gives."""
    found: list[tuple[str, str]] = []
    ref = _REFERENCE.search(text) or _PREFIXED.search(text)
    if ref:
        found.append(("reference", ref.group(1).strip(".,;")))
    for key, pattern in (("date", _DATE), ("title", _TITLE)):
        m = pattern.search(text)
        if m:
            found.append((key, m.group(1).strip()))
    url = _THREAD.search(text)
    if url:
        found.append(("url", url.group(0).rstrip(".,;)")))
    return tuple(found)


def review_request(norm: str, original_text: str) -> Review | None:
    """The review the request as a whole asks for, or ``None`` when it asks for no review.

    ``norm`` is the matching form of the request with boilerplate blanked; ``original_text`` is the text as
    received (the hand-over line of a request site carries the thread address that links the original).
    """
    ask = REVIEW_ASK.find(norm)
    if not ask or not _ABOUT_A_REQUEST.search(norm):
        return None
    original = original_request(original_text)
    link = ("; linked to the original request (" + ", ".join(f"{k} {v!r}" for k, v in original) + ")"
            if original else "; no reference or date of the original request given: find it by requester")
    if _ORIGINAL_SAR.search(norm):
        return Review("sar", [f"G-9 / Art 15: review of or complaint about a SAR response ('{ask}'){link}"],
                      "high", original)
    eir_named = _ORIGINAL_EIR.search(norm)
    foi_named = _ORIGINAL_FOI.search(norm)
    env = find(ENV, norm)
    if eir_named and not foi_named:
        return Review("eir-reconsideration", [f"E-6 / EIR reg 11: reconsideration of an EIR response ('{ask}'; "
                                              f"'{eir_named.group(0).strip()}'){link}"], "high", original)
    if foi_named:
        reasons = [f"F-8 / FOIA s.45 Code: internal review of an FOI response ('{ask}'; "
                   f"'{foi_named.group(0).strip()}'){link}"]
        if env or eir_named:
            reasons.append(f"T-2: the original may be environmental information ('{env or eir_named.group(0)}'); "
                           "if it is, this is an EIR reg 11 reconsideration (alternative: eir-reconsideration)")
            return Review("foi-internal-review", reasons, "medium", original)
        return Review("foi-internal-review", reasons, "high", original)
    if env:
        return Review("eir-reconsideration", [f"E-6 / EIR reg 11: review of a response about environmental "
                                              f"information ('{ask}'; '{env}'); the original regime was not "
                                              f"named (alternative: foi-internal-review){link}"],
                      "medium", original)
    return Review("foi-internal-review", [f"F-8 / FOIA s.45 Code: internal review ('{ask}'); the original "
                                          f"regime was not named, FOIA assumed{link}"], "medium", original)
