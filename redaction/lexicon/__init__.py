"""Word lists of the redaction engine, one data file per vocabulary (rules as data).

Each ``*.txt`` file here starts with ``#`` lines giving its provenance (general knowledge, public
standards) and why the list exists; every other non-blank line is one entry: a word or phrase,
optionally followed by a tab and space-separated tags (``Mr<TAB>courtesy adult``). A ``*`` at the
end of an entry matches any ending ("convict*"). No entry comes from a test or bench corpus; a test
(tests/redaction/test_lexicon.py) checks that.

This module is the single definition of titles, month names, street words and the cue phrases of
the sentence-level rules; other modules import from here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def entries(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """``(entry, tags)`` for every entry of ``<name>.txt``, in file order.

    :raises FileNotFoundError: if there is no such vocabulary.
    """
    out = []
    for raw in (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, tags = line.partition("\t")
        out.append((word.strip(), frozenset(tags.split())))
    return tuple(out)


def words(name: str, tag: str | None = None) -> tuple[str, ...]:
    """Entries of a vocabulary as written, optionally only those carrying ``tag``."""
    return tuple(w for w, tags in entries(name) if tag is None or tag in tags)


def lower(name: str, tag: str | None = None) -> frozenset[str]:
    """Case-folded entries, for membership tests."""
    return frozenset(w.lower() for w in words(name, tag))


def alternation(items: tuple[str, ...]) -> str:
    """A regex alternation of entries, longest first.

    ``*`` ends an entry with any word ending; spaces match any white space (a phrase may wrap).
    """
    parts = []
    for w in sorted(items, key=len, reverse=True):
        body = r"\s+".join(re.escape(p) for p in w.rstrip("*").split())
        parts.append(body + (r"\w*" if w.endswith("*") else ""))
    return "(?:" + "|".join(parts) + ")"


# -- the shared constants ------------------------------------------------------------------------

#: Courtesy and professional titles before a name, as written ("Mr", "Dr", "PC").
TITLES: tuple[str, ...] = words("titles")
#: Titles that make the name after them a professional acting in role.
PROFESSIONAL_TITLES: frozenset[str] = lower("titles", "professional")
#: All case-folded titles.
ALL_TITLES: frozenset[str] = lower("titles")
#: An adult's titles, and those only an adult carries ("Miss" is also used for girls).
ADULT_TITLES: frozenset[str] = lower("titles", "adult")
ADULT_ONLY_TITLES: frozenset[str] = lower("titles", "adult-only")
#: Month names in full, in calendar order; their first three letters are the usual abbreviations.
MONTHS: tuple[str, ...] = tuple(w for w, tags in entries("months") if "abbreviation" not in tags)
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(m[:3].lower() for m in MONTHS)
#: A month as written in a date: in full or abbreviated ("Sep", "Sept", "September").
MONTH_RX: str = "(?:" + "|".join(
    sorted({*MONTHS, *(m[:3] for m in MONTHS), *words("months", "abbreviation")}, key=len, reverse=True)
) + ")"
#: Words that end a street name ("Road", "Close").
STREET_WORDS: tuple[str, ...] = words("street_words")
#: Street words that are also common surnames or words, so never evidence on their own.
SURNAME_LIKE_STREET_WORDS: frozenset[str] = frozenset(words("street_words", "surname-like"))
