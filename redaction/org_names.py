"""Organisation names that the language model reads as people: "<Place> Learning Centre", "<County> Constabulary".

A redactor does not read the first word of "<Place> Learning Centre" as a person: the words after it
name a body. The model often tags such a word (or "<County> Constabulary" whole) as a person, and the
tracker then blanked it everywhere, together with the subject's school or an agency named in role.

Rule ``organisation-name-not-person`` (heads in lexicon/organisation_heads.txt; tests in
tests/redaction/test_keep_wave7.py): a single name-shaped word followed on the same line, after single
spaces, by capitalised words ending in an organisation head ("Learning Centre", "Constabulary") starts
the body's name, and a run that contains such a head is the body's name: neither is a person. A head
followed by a colon is a form label ("School:"), not part of a name.
"""

from __future__ import annotations

import re

from redaction.lexicon import alternation, words

_ORG_HEAD = alternation(words("organisation_heads"))
#: Capitalised words (and connectives) then an organisation head, right after a name-shaped run.
ORG_NAME_AFTER = re.compile(r"(?:[ ](?:[A-Z][\w'\-]*|of|for|and|&))*?[ ]" + _ORG_HEAD + r"(?![\w:-])")
_ORG_HEAD_WORD = re.compile(r"(?<![\w'-])" + _ORG_HEAD + r"(?![\w-])")


def organisation_name(text: str, start: int, end: int) -> bool:
    """The name-shaped run at ``text[start:end]`` is, or (one word) starts, an organisation's name.

    Only a single word is taken for the start of a name: "<Given> <Surname> Hospital appointment" is a
    person before a noun phrase, and fails closed.
    """
    if _ORG_HEAD_WORD.search(text, start, end):
        return True
    return not re.search(r"\s", text[start:end]) and ORG_NAME_AFTER.match(text, end) is not None


def starts_organisation_name(text: str, start: int, end: int) -> bool:
    """One written word at ``text[start:end]`` followed by the rest of an organisation's name."""
    return not re.search(r"\s", text[start:end].strip()) and ORG_NAME_AFTER.match(text, end) is not None
