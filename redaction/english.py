"""Which words are English: the base forms the spaCy model's lemmatizer knows, plus its stop words.

The name recognizers use this to tell a name in capitals ("PIOTR NOWAK") from a heading
("CASE NOTE"), and to trim English words off a name span ("SMITH ARRIVED" -> "SMITH"). Pure.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.lexicon import lower
from redaction.names import NON_NAME

#: Capital runs that are ordinary prose (lexicon/capital_words.txt), never initials.
_CAPITAL_WORDS = lower("capital_words")

_ENGLISH: dict[int, frozenset[str]] = {}


def english_words(nlp_engine) -> frozenset[str]:
    """Base forms the model's lemmatizer knows (WordNet nouns, verbs, adjectives, adverbs) + stop words.

    :param nlp_engine: a Presidio ``SpacyNlpEngine`` (cached per engine).
    """
    key = id(nlp_engine)
    if key not in _ENGLISH:
        nlp = nlp_engine.nlp["en"]
        words: set[str] = set(nlp.Defaults.stop_words)
        if "lemmatizer" in nlp.pipe_names:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
            for pos in table.keys():
                words.update(table[pos])
        _ENGLISH[key] = frozenset(words)
    return _ENGLISH[key]


# Inflections tried when a word is not a base form itself ("arrived" -> "arrive").
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
             ("ing", "e"), ("'s", ""), ("ly", ""), ("er", ""), ("ers", ""))


def is_english(word: str, english: frozenset[str]) -> bool:
    """``word`` (any case) is an English word or inflection, or a word that is never a name."""
    w = word.lower().strip("'-")
    if w in english or w in NON_NAME:
        return True
    return any(w.endswith(suffix) and (w[: -len(suffix)] + repl) in english for suffix, repl in _SUFFIXES)


def trim_english(text: str, start: int, end: int, english: frozenset[str]) -> tuple[int, int]:
    """Shrink a span in capitals to the words that are not English ("PIOTR NOWAK ARRIVED" -> name).

    Returns ``(start, start)`` when every word is English.
    """
    words = [m for m in re.finditer(r"\S+", text[start:end]) if not is_english(m.group().strip(".,;:'()"), english)]
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def ordinary_capitals(letters: str) -> bool:
    """A run of 2-4 capitals ("IT", "US", "PE") is ordinary English, a record word, or a role abbreviation.

    Used instead of :func:`is_english` for initials: the lemma table lists nearly every pair of letters
    (WordNet abbreviations), so it would call almost any initials a word. Pure.
    """
    w = letters.lower()
    return w in STOP_WORDS or w in _CAPITAL_WORDS or w in NON_NAME
