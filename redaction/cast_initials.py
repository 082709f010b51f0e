"""Initials standing for a person the document names (rule initials-of-named-person).

Assessments and chronologies often write people as initials without defining them ("NK was warm
with MK but relied on DM to settle her"), relying on the reader knowing the family. A redactor who
knows the cast reads "NK" as the person whose initials they are, when that person is named in the
same document, and redacts it exactly as the name. Defined short forms ("<Name> (AB)", "hereafter
AB") are rule alias-initials in :mod:`redaction.aliases`; this rule covers letters the document
uses without a definition.

A run of two or three capitals standing alone is read as initials only when:

* it is not a word that is never a name (role abbreviations such as "SW", document words);
* it is not ordinary vocabulary ("IT", "US", "TV") and is not joined to digits, slashes or dots (codes,
  postcodes, references). The engine judges the letters with :func:`redaction.english.ordinary_capitals`
  (stop words, ``lexicon/capital_words.txt``, record and role abbreviations), not with the model's
  lemma table, which knows nearly every pair of letters ("lb", "kd") as some abbreviation;
* written together ("NK") or each with a full stop ("N.K.", "N. K.");
* it equals the initials (first letters of every name word, or of the first and last) of a person
  with at least two name words who is mentioned in the same document.

When the letters fit a third party and a kept person alike, they are redacted (fail closed) and the
person they are given to is the third party; when they fit only kept people (the subject's own
initials, a professional's), nothing is added and they stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from redaction.aliases import initials_of

_LETTERS = re.compile(r"(?<![\w/.\-@])[A-Z]{2,3}(?![\w/\-@]|\.\w|[ \t]*\d)")
# The same letters each followed by a full stop ("N.K.", "N. K."), as typed chronologies also write them.
_DOTTED = re.compile(r"(?<![\w/.\-@])(?:[A-Z]\.[ ]?){1,2}[A-Z]\.(?![\w/\-@]|[ \t]*\d)")


def name_initials(tokens: Sequence[str]) -> set[str]:
    """The initials a name of two words or more can be written as: every word's, and first and last."""
    if len(tokens) < 2:
        return set()
    return {initials_of(tokens), (tokens[0][0] + tokens[-1][0]).upper()}


def initials_spans(
    text: str,
    people: Iterable[object],
    taken: Sequence[tuple[int, int]],
    is_third_party: Callable[[object], bool],
    is_word: Callable[[str], bool],
    non_name: frozenset[str],
) -> list[tuple[int, int, object]]:
    """``(start, end, person)`` for undefined initials of third parties named in this document.

    :param people: persons mentioned anywhere in the document (objects with ``tokens``).
    :param taken: spans already given to names or blocked (skipped).
    """
    return initials_spans_indexed(text, initials_index(people), taken, is_third_party, is_word, non_name)


def initials_index(people: Iterable[object]) -> dict[str, list[object]]:
    """The people by the initials they can be written as, in the order given (for ``initials_spans_indexed``)."""
    by_letters: dict[str, list[object]] = {}
    for person in people:
        for letters in name_initials(tuple(getattr(person, "tokens", ()))):
            by_letters.setdefault(letters, []).append(person)
    return by_letters


def initials_spans_indexed(
    text: str,
    by_letters: Mapping[str, Sequence[object]],
    taken: Sequence[tuple[int, int]],
    is_third_party: Callable[[object], bool],
    is_word: Callable[[str], bool],
    non_name: frozenset[str],
) -> list[tuple[int, int, object]]:
    """``initials_spans`` with the document's people indexed once (``initials_index``), not per page.

    Indexing every person of a document for each of its pages cost pages x people: quadratic in a
    bundle's size (issue 11).
    """
    out = []
    for m in [*_LETTERS.finditer(text), *_DOTTED.finditer(text)]:
        letters = re.sub(r"[. ]", "", m.group())
        owners = by_letters.get(letters)
        if not owners or letters.lower() in non_name or is_word(letters.lower()):
            continue
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        third = [p for p in owners if is_third_party(p)]
        if third:
            out.append((m.start(), m.end(), third[0]))
    return out
