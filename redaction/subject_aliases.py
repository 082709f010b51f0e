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

Rule ``subject-alias-inline``: right after the subject's given name and surname (either order, any
case), a bracket holding another name of the same person: "(also <Name>)", "(aka <Name>)", "(known as
<Name>)", or two or three name words alone that share a word with the subject's name ("<Given>
<Surname> (<Surname> <Birth given name>)"); no word of it ordinary vocabulary, a relationship or a
non-name word. A bare bracket naming someone else entirely fails closed. A former name ("formerly",
"nee") is left out on purpose: it is often the birth family's surname, and its lone tokens would then
keep relatives' names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

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


_INLINE_AFTER = re.compile(r"[ \t]*\((?:(?:also(?:[ \t]+known[ \t]+as)?|aka|a\.k\.a\.|known[ \t]+as)[ \t]+("
                           + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,2})|(" + _NAME_WORD + r"(?:[ \t]+"
                           + _NAME_WORD + r"){1,2}))\)")


def _inline_aliases(text: str, names: Sequence[tuple[str, ...]], bad: Callable[[str], bool]) -> list[str]:
    """Rule subject-alias-inline: bracketed other names right after the subject's full name in ``text``."""
    out = []
    for n in names:
        if len(n) < 2:
            continue
        given, surname = (re.escape(t) for t in (n[0], n[-1]))
        full = re.compile(r"(?<![\w'-])(?:" + given + r"[ \t]+(?:[\w'\-]+[ \t]+){0,2}?" + surname + r"|" + surname
                          + r",?[ \t]+" + given + r")(?![\w'-])", re.IGNORECASE)
        for m in full.finditer(text):
            if (a := _INLINE_AFTER.match(text, m.end())) is None:
                continue
            value = a.group(1) or a.group(2)
            words_ = re.split(r"[ \t]+", value)
            if a.group(2) and not {name_key(w) for w in words_} & {name_key(t) for t in n}:
                continue  # a bare bracket is another name of the subject only when it shares a word of hers
            if not any(bad(w) for w in words_):
                out.append(" ".join(value.split()))
    return out


def _holds_subject(line: str, names: Sequence[tuple[str, ...]]) -> bool:
    """The line writes one of the subject's names with given name and surname (either order)."""
    keys = {name_key(w) for w in re.findall(r"[^\W\d_][\w'\u2019\-]*", line)}
    return any(len(n) >= 2 and name_key(n[0]) in keys and name_key(n[-1]) in keys for n in names)


def declared_subject_aliases(texts: Iterable[str], subject_names: Sequence[str],
                             non_name: frozenset[str] = frozenset(),
                             is_word: Callable[[str], bool] = lambda _w: False) -> tuple[str, ...]:
    """The names the pages declare for the subject (rules subject-alias-label, subject-alias-inline).

    :param texts: the text of every page of the bundle.
    :param subject_names: the subject's full name and known aliases.
    :param non_name: lower-case words that are never a name (role words, document words).
    :param is_word: is a (lower-case) word ordinary vocabulary; such a word is no bracketed alias.
    :returns: new alias strings, in order of first declaration, none already a subject name.
    """
    names = [t for t in (name_tokens(n) for n in subject_names) if t]
    known = {" ".join(n).casefold() for n in names}
    out: dict[str, None] = {}
    def bad(w: str) -> bool:
        return w.lower() in non_name or bool(_RELATIVE.fullmatch(w)) or is_word(w.lower())

    for text in texts:
        for value in _inline_aliases(text, names, bad):
            if value.casefold() not in known:
                out.setdefault(value)
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
