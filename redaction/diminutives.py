"""Short forms of given names: is a word a pet name or short form of a given name?

Rule ``short-form``: a word is a short form of a given name when it is listed for that name in
``lexicon/diminutives.txt`` ("<short> -> <formal names>", general knowledge), or when it is the
first three or more letters of the name, optionally with a pet ending (-ie, -ee, -y, -i). A short form
links a mention to a person the bundle already knows by the full given name; the engine uses it only
when exactly one person fits (redaction.people, redaction.names).
"""

from __future__ import annotations

from functools import cache

from redaction.lexicon import entries

_PET_ENDINGS = ("ie", "ee", "y", "i")


@cache
def listed() -> dict[str, frozenset[str]]:
    """Short form -> formal given names (lower case), from ``lexicon/diminutives.txt``."""
    return {word.lower(): frozenset(t.lower() for t in tags) for word, tags in entries("diminutives")}


def is_short_form(word: str, given: str) -> bool:
    """Is ``word`` a short form of the given name ``given`` (rule short-form; case-insensitive)."""
    low, first = word.lower(), given.lower()
    if low == first:
        return False
    if first in listed().get(low, ()):
        return True
    stems = [low] + [low[: -len(e)] for e in _PET_ENDINGS if low.endswith(e)]
    return any(len(t) >= 3 and first.startswith(t) for t in stems)
