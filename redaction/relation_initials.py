"""Relatives written only as initials: "the stepmother (AB)", "maternal aunt, AB, said ...".

Chronologies and referrals often give a relative no name at all, only initials after the
relationship word, and then write the initials alone ("AB told the nurse ..."). A redactor reads the
letters as that relative, a third party (SCH2-P16-THIRD-PARTY), and blanks them wherever the same
document uses them. Initials that follow a full name are rule alias-initials (:mod:`redaction.aliases`)
and initials that match a named person are rule initials-of-named-person (:mod:`redaction.cast_initials`);
this rule covers the relative who is never named.

Rule (one positive and one negative row each in ``tests/redaction/test_relation_initials.py``):

* ``relation-initials``: a relationship word (``RELATIONSHIPS``: "mother", "step-dad", "uncle" ...)
  followed by two to four capitals in brackets, between commas, or straight after it ("aunt AB said").
  The letters must not be a word, a record or role abbreviation ("SW", "GP", "CP") or the subject's
  own initials. They stand for that relative in the same document only, because the same letters may
  be an abbreviation elsewhere in the bundle.

The person gets the relationship as family evidence, so the cast shows a third party with a reason;
every standalone occurrence of the letters in the document is proposed, except inside a kept
person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.cast_initials import name_initials
from redaction.detectors.uk import RELATIONSHIPS
from redaction.english import ordinary_capitals
from redaction.names import NON_NAME, THIRD_PARTY, name_tokens
from redaction.speakers import add_matches

RULE_ID = "relation-initials"

_REL = r"(?:" + "|".join(sorted((re.escape(r) for r in RELATIONSHIPS), key=len, reverse=True)) + r")"
# The relationship word, then the letters in brackets, between commas, or as the next word.
_DEFINED = re.compile(
    r"(?<![\w\-])(?P<rel>" + _REL + r")(?:'s)?"
    r"(?:[ \t]*\([ \t]*(?P<a>[A-Z]{2,4})[ \t]*\)|,[ \t]*(?P<b>[A-Z]{2,4})[ \t]*,|[ \t]+(?P<c>[A-Z]{2,4})(?![\w\-/.]))",
    re.IGNORECASE,
)


def _letters(m: re.Match) -> str:
    return m.group("a") or m.group("b") or m.group("c")


def relation_initials(text: str, is_word, subject_initials: set[str]) -> list[tuple[str, str]]:
    """``(letters, relationship)`` for each relative the text names only by initials; pure.

    :param is_word: whether lower-cased letters are ordinary vocabulary (the engine passes
        :func:`redaction.english.ordinary_capitals`).
    """
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        letters = _letters(m)
        if not letters.isupper() or letters in subject_initials:
            continue
        low = letters.lower()
        if low in NON_NAME or is_word(low):
            continue
        out.setdefault(letters, m.group("rel").lower())
    return list(out.items())


def add_relation_initials(decider, pages: Iterable) -> None:
    """Add every relative-by-initials of ``pages`` to ``decider.names``, document by document.

    Reads ``people``, ``names`` and the subject's names of the decider; adds a third-party
    person per letters with the relationship as evidence, and a name span for each occurrence in the
    document (never over a kept person's name).
    """
    pages = list(pages)
    subject_initials = {i for name in decider.context.subject.names for i in name_initials(name_tokens(name))}
    by_doc: dict[int, list] = {}
    for page in pages:
        by_doc.setdefault(page.doc, []).append(page)
    for doc_pages in by_doc.values():
        found: dict[str, str] = {}
        for page in doc_pages:
            for letters, rel in relation_initials(page.text, ordinary_capitals, subject_initials):
                found.setdefault(letters, rel)
        for letters, rel in found.items():
            person = decider.people._person((letters,))
            if person.kind != THIRD_PARTY:
                continue
            reason = f"family role before initials: {rel}"
            if reason not in person.evidence:
                person.evidence.append(reason)
            if rel not in person.family:
                person.family.append(rel)
            _add_in_document(decider, doc_pages, letters, person)


def _add_in_document(decider, pages: Iterable, letters: str, person) -> None:
    rx = re.compile(r"(?<![\w@\-/.])" + re.escape(letters) + r"(?![\w@\-/]|\.\w)")  # capitals only
    add_matches(decider, pages, rx, letters, person, RULE_ID)


__all__ = ["RULE_ID", "add_relation_initials", "relation_initials"]
