"""A plain-language check for Welsh letters (issue 16): a proxy, since textstat's formulas are English-only.

Basis, stated honestly: there is no maintained Welsh readability formula in the libraries SAR Desk uses
(textstat's Flesch and Flesch-Kincaid are fitted to English). This check measures what plain-language advice
says in any language -- short sentences, few long words -- and nothing more:

* sentence length in words (average and longest), the same measure as the English check;
* syllables per word, counting groups of Welsh vowels (a e i o u w y, with their accented forms): a
  diphthong such as ``ae``, ``wy`` or ``oe`` is one group, so ``gwybodaeth`` counts 3. It miscounts some words
  (``diolch`` counts 1, not 2, and a consonantal ``w`` joins the next vowel), which is why it is a proxy;
* the share of long words, of :data:`LONG_WORD_SYLLABLES` or more syllables (the "complex word" of the
  Gunning fog index, applied to Welsh).

Only prose is measured: lines that end a sentence (``.``, ``!``, ``?``). Address blocks (the regulator's address
is English place names), phone numbers and numbered document lists are left out, and so are web and e-mail
addresses inside a sentence (they are not words; they still count in the sentence's length).

Thresholds are in ``templates/letters/plain_english.toml`` (``[welsh_standard]``, ``[welsh_easy_read]``). They
are not validated against Welsh readers; a Welsh speaker checking the letters should check them too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: Welsh vowels, with the circumflex, acute, grave and diaeresis forms Welsh spelling uses.
WELSH_VOWELS = "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ"
#: A word of this many syllables or more counts as long.
LONG_WORD_SYLLABLES = 3
_VOWEL_GROUP = re.compile(f"[{WELSH_VOWELS}]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Tokens that are not words of any language: web and e-mail addresses (left out of the word counts).
_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")


def syllables(word: str) -> int:
    """Syllables in a Welsh ``word``, counted as groups of vowels (at least 1)."""
    return max(1, len(_VOWEL_GROUP.findall(word.casefold())))


def prose(body: str) -> str:
    """The lines of ``body`` that are sentences (end in ``.``, ``!`` or ``?``).

    Address blocks, phone numbers, numbered document lists and headings are not prose and are left out.
    """
    return "\n".join(line for line in body.splitlines() if line.strip().endswith((".", "!", "?")))


def sentences(body: str) -> list[str]:
    """The sentences of ``body``'s prose (:func:`prose`): each line, split after ``.``, ``!`` or ``?``."""
    return [s for line in prose(body).splitlines() for s in _SENTENCE_END.split(line.strip()) if s.strip()]


def measure(body: str) -> dict[str, float]:
    """Sentence lengths, syllables per word and long-word share of ``body`` (the letter's text, no headings).

    :raises ValueError: no words.
    """
    lengths = [len(s.split()) for s in sentences(body)]
    words = _WORD.findall(_ADDRESS.sub(" ", prose(body)))
    if not words or not lengths:
        raise ValueError("there is no text to measure")
    counts = [syllables(w) for w in words]
    return {"average": sum(lengths) / len(lengths), "longest": max(lengths),
            "syllables_per_word": sum(counts) / len(counts),
            "long_word_share": sum(1 for c in counts if c >= LONG_WORD_SYLLABLES) / len(counts)}


def failures(numbers: Mapping[str, float], limits: Mapping[str, float]) -> list[str]:
    """Which ``limits`` (a ``[welsh_*]`` table) the ``numbers`` of :func:`measure` break, as short phrases."""
    out = []
    if numbers["average"] > limits["max_average_sentence_words"]:
        out.append(f"average sentence {numbers['average']:.1f} words")
    if numbers["longest"] > limits["max_sentence_words"]:
        out.append(f"longest sentence {numbers['longest']} words")
    if numbers["syllables_per_word"] > limits["max_syllables_per_word"]:
        out.append(f"{numbers['syllables_per_word']:.2f} syllables a word")
    if numbers["long_word_share"] > limits["max_long_word_share"]:
        out.append(f"long words {numbers['long_word_share']:.0%}")
    return out
