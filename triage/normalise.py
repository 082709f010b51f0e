"""Normalisation: the matching form of a request (folded synonyms, contractions, safe typo repair)."""

from __future__ import annotations

import re
from functools import lru_cache

# Requesters write "FOI", "freedom of info", "the EIRs" and text-speak; fold these so one pattern serves all.
REWRITES: tuple[tuple[str, str], ...] = (
    (r"[\u2018\u2019\u02bc`]", "'"),
    (r"[\u201c\u201d]", '"'),
    (r"[\u2013\u2014]", " - "),
    (r"\bfreedom\s+of\s+info(?:rmation|rmaiton|mation)?(?:\s+act)?(?:\s+2000)?", " foia "),
    (r"\bf\.?o\.?i\.?a?\b", " foia "),
    (r"\benvironmental\s+information\s+regulations?(?:\s+2004)?", " eir "),
    (r"\beirs?\b", " eir "),
    (r"\bdata\s+protection\s+act(?:\s+2018)?", " dpa "),
    (r"\bu\.?k\.?\s*gdpr\b", " gdpr "),
    (r"\bi'm\b|\bim\b", "i am"),
    (r"\bi've\b|\bive\b", "i have"),
    (r"\bi'd\b|\bid\s+(?=like|love|want|be)", "i would "),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\b(?:pls|plz|plse|pleas|pleae)\b", "please"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\binfo\b", "information"),
    (r"\brecs\b", "records"),
    (r"\bdocs\b", "documents"),
    (r"\bdob\b|\bd\.o\.b\.?", " dob "),
    (r"\bdont\b", "don't"),
    (r"\bdoesnt\b", "doesn't"),
    (r"\bwont\b", "won't"),
    (r"\bcant\b", "can't"),
    (r"\bdidnt\b", "didn't"),
    (r"\bisnt\b", "isn't"),
    (r"\bmum's\b", "mum's"),
    (r"\s+", " "),
)
REWRITES_RE = tuple((re.compile(p, re.I), r) for p, r in REWRITES)

# Cue words typed with one slip still count ("recrods", "polciy"); real words that sit one edit away from
# a cue word ("police" ~ "policy", "floor" ~ "flood") are protected so they keep their own meaning.
FUZZY_TARGETS = (
    "records", "information", "personal", "policy", "policies", "statistics", "asbestos", "pollution",
    "environmental", "contaminated", "contamination", "flooding", "emissions", "daughter", "children",
    "solicitor", "solicitors", "delete", "correct", "incorrect", "inaccurate", "rectify", "rectification",
    "erasure", "restrict", "restriction", "objection", "portability", "machine", "readable", "review",
    "safeguarding", "guardian", "adopted", "adoption", "deceased", "subject", "access", "budget",
    "spending", "contracts", "quality", "planning", "traffic", "journalist", "internal", "reconsider",
    "parental", "responsibility", "granddaughter", "grandson", "social", "services", "assessments",
    "correspondence", "documents", "procedure", "procedures", "expenditure", "number", "complaints",
    "request", "please", "noise", "file", "files", "copy", "erase", "survey",
)
# Cue words that alone can open a regime or a route (a right, EIR, a review, a SAR, a statutory or agent
# requester): typo repair may reach these only by an adjacent swap (see _fix_word).
TRIGGERS = frozenset(
    {"rectify", "rectification", "erasure", "erase", "delete", "restrict", "restriction", "objection",
     "portability", "machine", "readable", "asbestos", "pollution", "environmental", "contaminated",
     "contamination", "flooding", "emissions", "noise", "planning", "traffic", "review", "internal",
     "reconsider", "deceased", "adopted", "adoption", "solicitor", "solicitors", "journalist", "guardian",
     "safeguarding", "subject", "access", "correct", "incorrect", "inaccurate", "survey"}
)
PROTECTED = frozenset(
    {"police", "floor", "flies", "person", "records", "record", "numbers", "copies", "filed", "fire",
     "fine", "five", "noisy", "noises", "nose", "reviews", "reviewed", "social", "accessed", "deleted",
     "corrected", "requested", "requests", "pleased", "subjects", "number", "please", "coffee", "fill",
     "fills", "film", "while", "mile", "mine", "wife", "life", "copying", "coping", "polices", "policed",
     "erased", "surveys", "journal", "guard", "parent", "parents", "planting", "planing", "delate",
     "playing", "players", "complaint", "contract", "procedure", "document", "budgets", "survey", "plaining",
     "correspond", "reviewer", "subjected", "requester", "daughters", "sending", "adapted", "adaption",
     "decreased", "diseased", "contacts", "interval", "films", "fines", "flooring", "mending", "lending",
     "tending", "sanding", "bending"}
)


def _osa(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (Damerau-Levenshtein without repeated edits)."""
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def _swapped(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with two adjacent letters swapped (the commonest typing slip)."""
    if len(word) != len(target):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == target[diff[1]] \
        and word[diff[1]] == target[diff[0]]


def _fix_word(word: str) -> str:
    """The cue word ``word`` was meant to be, or ``word`` itself.

    A word one slip from a cue word is read as the cue word, except that a regime TRIGGER is only ever
    reached by swapping two adjacent letters ("rectifciation", "asbsetos"): a dropped, added or changed
    letter too often turns a real word into a trigger ("reunification" is not "rectification", "delate"
    is not "delete"), and a false trigger opens the wrong regime. Short words are never corrected.
    """
    if len(word) < 5 or word in PROTECTED or word in FUZZY_TARGETS:
        return word
    for target in FUZZY_TARGETS:
        if target[0] != word[0] or abs(len(target) - len(word)) > 1:
            continue
        if target in TRIGGERS:
            if len(word) >= 6 and _swapped(word, target):
                return target
            continue
        if _osa(word, target) <= (1 if len(target) < 10 else 2):
            return target
    return word


def normalise(text: str) -> str:
    """Lower-case matching form of ``text``: folded synonyms, contractions and one-slip typos."""
    s = " " + text.lower() + " "
    for pattern, repl in REWRITES_RE:
        s = pattern.sub(repl, s)
    s = re.sub(r"[a-z]+", lambda m: _fix_word(m.group(0)), s)
    return " " + s.strip() + " "
