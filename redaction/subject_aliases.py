"""Names a front sheet declares for the subject: "Known as", "Preferred name", "AKA".

A redactor reading a front sheet ("Name: <Given> <Surname>" then "Preferred name: <Nick>") knows that
<Nick> is the subject, and keeps it wherever the bundle uses it: the record itself says so. Without
this, the nickname is an unknown person, redacted everywhere, and the subject's own details under it
on the sheet are read as that unknown person's (the front-sheet walks of :mod:`redaction.subject_own`
stop at a line naming someone who is not the subject).

Rule ``subject-alias-label`` (labels in lexicon/subject_fields.txt, tag ``alias``; tests in
tests/redaction/test_keep_wave7.py): an alias label ("Known as", "Preferred name", wrapped over two
lines or not) with its value, one or two name-shaped words, after a colon on the same line or alone on
the next line; within ``NEAR_LINES`` non-blank lines above the label a line holds the subject's given
name and surname (the person label's value), and no line between them is a relative's block label or
holds a relationship word (a relative's "known as" is the relative's: fail closed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redaction.detectors.uk import RELATIONSHIPS
from redaction.lexicon import alternation, words
from redaction.names import name_key, name_tokens

#: Non-blank lines above the alias label searched for the subject's name (a person label and its value,
#: a wrapped label): a front sheet puts the name a preferred name belongs to right above it.
NEAR_LINES = 4

_ALIAS = alternation(words("subject_fields", "alias"))
_NAME_WORD = r"[A-Z][\w'\u2019\-]*"
# "Known as: <Nick>", "Preferred name  <Nick>" on one line.
_INLINE = re.compile(r"^[ \t]*(?:" + _ALIAS + r")[ \t]*(?::|[ \t]{2,}|\t)[ \t]*(" + _NAME_WORD
                     + r"(?:[ \t]+" + _NAME_WORD + r")?)[ \t]*$", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^[ \t]*(?:" + _ALIAS + r")[ \t]*:?[ \t]*$", re.IGNORECASE)
_VALUE_ONLY = re.compile(r"^[ \t]*(" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r")?)[ \t]*$")
_KIN = alternation(tuple(r for r in RELATIONSHIPS if r not in {"child", "referrer"}))
_RELATIVE = re.compile(r"(?<![\w'-])(?:" + _KIN + r"|carers?)(?![\w-])", re.IGNORECASE)


def _holds_subject(line: str, names: Sequence[tuple[str, ...]]) -> bool:
    """The line writes one of the subject's names with given name and surname (either order)."""
    keys = {name_key(w) for w in re.findall(r"[^\W\d_][\w'\u2019\-]*", line)}
    return any(len(n) >= 2 and name_key(n[0]) in keys and name_key(n[-1]) in keys for n in names)


def declared_subject_aliases(texts: Iterable[str], subject_names: Sequence[str],
                             non_name: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The names the pages declare for the subject under an alias label (rule subject-alias-label).

    :param texts: the text of every page of the bundle.
    :param subject_names: the subject's full name and known aliases.
    :param non_name: lower-case words that are never a name (role words, document words).
    :returns: new alias strings, in order of first declaration, none already a subject name.
    """
    names = [t for t in (name_tokens(n) for n in subject_names) if t]
    known = {" ".join(n).casefold() for n in names}
    out: dict[str, None] = {}
    for text in texts:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        for i, line in enumerate(lines):
            value, label_at = None, i
            if m := _INLINE.match(line):
                value = m.group(1)
            elif (m := _VALUE_ONLY.match(line)) and i > 0:
                above = lines[i - 1].strip()
                if _LABEL_ONLY.match(above):
                    value, label_at = m.group(1), i - 1
                elif i > 1 and _LABEL_ONLY.match(lines[i - 2].strip() + " " + above):
                    value, label_at = m.group(1), i - 2  # a label wrapped over two cells' lines
            if value is None or value.casefold() in known:
                continue
            if any(w.lower() in non_name or _RELATIVE.fullmatch(w) for w in value.split()):
                continue
            for up in range(label_at - 1, max(-1, label_at - 1 - NEAR_LINES), -1):
                if _holds_subject(lines[up], names):
                    out.setdefault(" ".join(value.split()))
                    break
                if _RELATIVE.search(lines[up]):
                    break  # a relative's block: their "known as" is theirs
    return tuple(out)
