"""Organisation names that the language model reads as people: "<Place> Medical Centre", "<County> Constabulary".

A redactor does not read the first word of "<Place> Medical Centre" as a person: the words after it
name a body. The model often tags such a word (or "<County> Constabulary" whole) as a person, and the
tracker then blanked it everywhere, together with the subject's school or an agency named in role.

Rule ``organisation-name-not-person`` (heads in lexicon/organisation_heads.txt; tests in
tests/redaction/test_keep_wave7.py): a single name-shaped word followed on the same line, after single
spaces, by capitalised words ending in an organisation head ("Medical Centre", "Constabulary") starts
the body's name, and a run that contains such a head is the body's name: neither is a person. A head
followed by a colon is a form label ("School:"), not part of a name.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from redaction.context import RedactionContext
from redaction.letters import name_key
from redaction.lexicon import alternation, words
from redaction.names import name_tokens

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


def without_kept_name_lines(text: str, start: int, end: int, kept: Collection[str]) -> int:
    """The start of a school or practice name at ``text[start:end]``, its leading kept-name lines dropped.

    Rule kept-name-line-not-organisation: a name wrapped over lines may start on a line of its own, but a
    line that holds only the subject's or a listed professional's name (``kept``: their name tokens,
    case-folded) is a table cell of its own, and the name starts after it (a flattened plan table with the
    subject's given name, a professional's name and "<Word> School" on four lines). Returns ``start`` when
    no such line leads the run.
    """
    while (nl := text.find("\n", start, end)) >= 0:
        words_ = re.findall(r"[^\W\d_][\w'\u2019\-]*", text[start:nl])
        if not words_ or not all(name_key(w) in kept for w in words_):
            break
        start = nl + 1
    return start


def kept_name_cells(text: str, start: int, end: int, kept: Collection[str]) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at each line break after a line holding only kept-name words.

    The same rule for a person span the model ran over table cells ("<Subject's given name>" on one line,
    a professional's name on the next): each cell is read as its own name. Returns ``[(start, end)]``.
    """
    out = []
    while (nl := text.find("\n", start, end)) >= 0:
        words_ = re.findall(r"[^\W\d_][\w'\u2019\-]*", text[start:nl])
        if not words_ or not all(name_key(w) in kept for w in words_):
            break
        out.append((start, nl))
        start = nl + 1
    out.append((start, end))
    return out


def kept_name_keys(context: RedactionContext) -> set[str]:
    """Case-folded name tokens of the subject (every alias) and of the staff directory."""
    return {name_key(t) for n in (*context.subject.names, *(m.name for m in context.staff)) for t in name_tokens(n)}
