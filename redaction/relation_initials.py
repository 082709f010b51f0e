"""Relatives written only as initials: "the stepmother (AB)", "maternal aunt, AB, said ...".

Chronologies and referrals often give a relative no name at all, only initials after the
relationship word, and then write the initials alone ("AB told the nurse ..."). A redactor reads the
letters as that relative, a third party (SCH2-P16-THIRD-PARTY), and blanks them wherever the same
document uses them. Initials that follow a full name are rule alias-initials (:mod:`redaction.aliases`)
and initials that match a named person are rule initials-of-named-person (:mod:`redaction.cast_initials`);
this rule covers the relative who is never named.

Rule (one positive and one negative row each in ``tests/redaction/test_relation_initials.py``):

* ``relation-initials``: a relationship word (``RELATIONSHIPS``: "mother", "step-dad", "uncle" ...)
  followed by two to four capitals in brackets, between commas, or straight after it ("aunt AB said"),
  run together or each with a full stop ("partner (A.B.)"); both spellings are then the relative.
  The letters must not be a word, a record or role abbreviation ("SW", "GP", "CP") or the subject's
  own initials. They stand for that relative in the same document only, because the same letters may
  be an abbreviation elsewhere in the bundle.

* ``titled-initial``: a courtesy title and a single capital ("Mr K", "Ms R.") is a person the record
  names only so; it is a third party unless the letter is the surname initial of the subject or of a
  member of staff (then the cast decides, so a kept person is never lost). "Dr" is not a courtesy
  title here (clinicians are written so). Every occurrence of the same form in the document goes.

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
TITLED_RULE_ID = "titled-initial"

_REL = r"(?:" + "|".join(sorted((re.escape(r) for r in RELATIONSHIPS), key=len, reverse=True)) + r")"
# The relationship word, then the letters in brackets, between commas, or as the next word.
# Letters run together ("AB") or each followed by a full stop ("A.B.", "A. B.").
_INITIALS = r"(?:[A-Z]{2,4}|(?:[A-Z]\.[ ]?){1,3}[A-Z]\.)"
_DEFINED = re.compile(
    r"(?<![\w\-])(?P<rel>" + _REL + r")(?:'s)?"
    r"(?:[ \t]*\([ \t]*(?P<a>" + _INITIALS + r")[ \t]*\)|,[ \t]*(?P<b>" + _INITIALS + r")[ \t]*,|"
    r"[ \t]+(?P<c>[A-Z]{2,4})(?![\w\-/.])|[ \t]+(?P<d>(?:[A-Z]\.[ ]?){1,3}[A-Z]\.)(?![\w\-/]))",
    re.IGNORECASE,
)


def _letters(m: re.Match) -> str:
    return re.sub(r"[. ]", "", m.group("a") or m.group("b") or m.group("c") or m.group("d"))


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


# A courtesy title and one capital ("Mr K", "Mrs B."): "Dr" is left out, it is mostly a clinician.
# Upper-case "MS" is left out too (the illness in a health note).
_TITLE = r"(?<![\w\-])(?:Mr|Mrs|Ms|Miss|Mx|MR|MRS|MISS)\.?[ \t]+"
_TITLED = re.compile(_TITLE + r"(?P<l>[A-Z])\.?(?![\w'\u2019\-&]|\.\w)")


def titled_initials(text: str, kept_letters: set[str]) -> list[str]:
    """The letters of people the text writes only as a title and an initial ("Mr K"); pure.

    :param kept_letters: surname initials of the subject and the staff; those are left to the cast
        (the form may be theirs, and a kept person's name must not be lost).
    """
    out: dict[str, None] = {}
    for m in _TITLED.finditer(text):
        if m.group("l") not in kept_letters:
            out.setdefault(m.group("l"))
    return list(out)


def add_titled_initials(decider, pages: Iterable) -> None:
    """Add every person written only as a title and an initial (rule titled-initial), document by document."""
    pages = list(pages)
    kept = {toks[-1][0].upper() for name in decider.context.subject.names if (toks := name_tokens(name))}
    kept |= {toks[-1][0].upper() for st in decider.context.staff if (toks := name_tokens(st.name))}
    by_doc: dict[int, list] = {}
    for page in pages:
        by_doc.setdefault(page.doc, []).append(page)
    for doc_pages in by_doc.values():
        letters = dict.fromkeys(lt for page in doc_pages for lt in titled_initials(page.text, kept))
        for letter in letters:
            person = decider.people._person((f"title+{letter}",))
            if person.kind != THIRD_PARTY:
                continue
            if "courtesy title before an initial" not in person.evidence:
                person.evidence.append("courtesy title before an initial")
            rx = re.compile(_TITLE + letter + r"\.?(?![\w'\u2019\-&]|\.\w)")
            add_matches(decider, doc_pages, rx, letter, person, TITLED_RULE_ID)


def _add_in_document(decider, pages: Iterable, letters: str, person) -> None:
    dotted = r"\.[ ]?".join(letters) + r"\."  # "A.B." and "A. B." are the same letters
    # capitals only
    rx = re.compile(r"(?<![\w@\-/.])(?:" + dotted + r"|" + re.escape(letters) + r"(?![\w@\-/]|\.\w))")
    add_matches(decider, pages, rx, letters, person, RULE_ID)


__all__ = ["RULE_ID", "TITLED_RULE_ID", "add_relation_initials", "add_titled_initials", "relation_initials",
           "titled_initials"]
