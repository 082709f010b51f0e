"""Letters of every script in name patterns: a name is a name whatever its accents.

Families write their names with the letters of their language ("<Given>" with an acute, a grave, a
cedilla or a diaeresis), and a record may write the same name with and without them (a school MIS
that strips accents, a typed letter that keeps them). A redactor reads both as one name. The
engine's name patterns are written for Latin capitals and small letters; :func:`fold` maps each
accented Latin letter to its base letter *one character for one*, so offsets found on the folded
text are offsets in the original, and :data:`LETTER` is a regex class of any letter (no digit, no
underscore) for splitting text into words.

Rule ``unicode-name`` (tests/redaction/test_cast_rules.py): an accented given name or surname is
name-shaped, and a word containing such a letter is one word, never split at the accent.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: Any letter of any script (``\w`` without digits and the underscore).
LETTER = r"[^\W\d_]"


@lru_cache(maxsize=4096)
def _base(ch: str) -> str:
    """The unaccented Latin letter of ``ch`` ("è" -> "e"), or ``ch`` itself when it has none."""
    decomposed = unicodedata.normalize("NFKD", ch)
    base = decomposed[:1]
    return base if len(base) == 1 and base.isascii() and base.isalpha() else ch


def fold(text: str) -> str:
    """``text`` with accented Latin letters replaced by their base letters, same length."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() else _base(c) for c in text)


def name_key(token: str) -> str:
    """How a name token is compared across the bundle: accents folded, case-folded ("Zoë" = "ZOE")."""
    return fold(token).lower()
