"""Short forms a document defines for a person: "<Given> <Surname> (<Initials>)", "<Given> <Surname> (<Nick>)".

A redactor who reads "the mother, <Given> <Surname> (AB)" and then "AB disclosed ..." in the same
chronology blanks "AB" too: the author has told the reader that AB is that person. The same holds for
a nickname given in brackets after a full name ("<Given> <Surname> (<Nick>)") or introduced with
"known as" / "calls him" next to the full name.

Rules (rule IDs of ``../shared/rulebook.md``: SCH2-P16-THIRD-PARTY applies to the alias exactly as to
the name it stands for):

* ``alias-initials``: upper-case letters in brackets right after a full name, equal to the initials
  of its words (2 to 4 letters). They stand for that person in the same document only, because the
  same letters are a job-title abbreviation in other documents ("SW" for social worker).
* ``alias-nickname``: one capitalised word in brackets right after a full name, or after "known as" /
  "calls (him|her)" next to it, that is not a job-title abbreviation, a relationship word or ordinary
  vocabulary (the model's lemma tables decide). It stands for that person throughout the bundle, and in
  lower case too when it is not an ordinary word.
* ``alias-quoted``: a saved contact name or handle in quotes defined as the person
  ('"<word>" = <Given> <Surname>', '"<word>" is <Given> <Surname>'), in every case form, bundle-wide.
* ``alias-identified``: "<Word> is believed (thought, understood, known) to be <Given> <Surname>":
  the author identifies the word as that person; in every case form, bundle-wide.
* ``alias-called``: a word introduced as what the person is called ("calls him <Word>, whose real
  name is <Given> <Surname>"): the author says it is a name, so it counts even when it is an
  ordinary word, in every case form, throughout the bundle.

Bracketed letters that are *not* the name's initials ("(SW)" after a name whose initials differ) are
left alone here: there they are a role, and the people index reads them so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from redaction.detectors.uk import RELATIONSHIPS
from redaction.messages import FUNCTION_WORDS

# "(AB)", '("AB")', "(hereafter AB)", ', hereafter referred to as "AB"': the author defines the
# letters as this person's short form (rule alias-initials; the "hereafter" forms are rule alias-hereafter).
_DEFINES = (r"(?:(?:here(?:in)?after|henceforth)(?:[ \t]+(?:referred[ \t]+to[ \t]+as|called|known[ \t]+as))?"
            r"|referred[ \t]+to[ \t]+as)")
_OPEN_Q, _CLOSE_Q = "['\"\u2018\u201c]?", "['\"\u2019\u201d]?"
_INITIALS_AFTER = re.compile(
    r"^[ \t]*(?:\((?:" + _DEFINES + r"[ \t]+)?" + _OPEN_Q + r"([A-Z]{2,4})" + _CLOSE_Q + r"\)"
    r"|,?[ \t]+" + _DEFINES + r"[ \t]+" + _OPEN_Q + r"([A-Z]{2,4})" + _CLOSE_Q + r"(?!\w))"
)
# "known as", "known to friends as", "aka"; a nickname may be a letter and a hyphenated word ("T-<Word>").
_KNOWN_AS = r"known(?:\s+to\s+(?:\w+\s+){0,2}?\w+)?\s+as"
_NICK_WORD = r"[A-Z](?:[a-z]+(?:-[A-Z]?[a-z]+)?|-[A-Z]?[a-z]+)"
_NICK_AFTER = re.compile(
    rf"^[ \t]*(?:\((?:{_KNOWN_AS}\s+|aka\s+|called\s+)?|,?[ \t]*(?:{_KNOWN_AS}|aka)[ \t]+)"
    rf"['\"\u2018\u201c]?({_NICK_WORD})['\"\u2019\u201d]?(\))?",
)
# '"<word>" = <Given> <Surname>', '"<word>" is <Given> <Surname>': a contact list or transcript key
# saying which person a saved name or handle stands for (rule alias-quoted).
_QUOTED_BEFORE = re.compile(
    r"['\"\u2018\u201c]([\w][\w.\-]{1,24})['\"\u2019\u201d][ \t]*(?:=|is|was|means)[ \t]+$"
)
# "she calls <Nick>, whose real name ... is <Given> <Surname>": the nickname before the full name.
_NICK_BEFORE = re.compile(
    r"\b(?:calls?|called|known\s+as|nicknamed)[ \t]+(?:him|her|them)?[ \t]*['\"\u2018\u201c]?"
    r"([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)['\"\u2019\u201d]?,?[ \t\n]+(?:[\w' ]{0,40}?\b(?:is|as|name\s+is)[ \t\n]+)?$"
)
# "<Word> is believed to be <Given> <Surname>": the author identifies a short name (rule alias-identified).
_IDENTIFIED_BEFORE = re.compile(
    r"\b([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)[ \t]+(?:is|was)[ \t]+(?:believed|thought|understood|said|known)[ \t]+"
    r"to[ \t]+be[ \t\n]+$"
)
_RELATION_WORDS = frozenset(r.lower() for r in RELATIONSHIPS)


@dataclass(frozen=True)
class Alias:
    """A short form the text defines for the full name at ``name_start..name_end``."""

    text: str
    kind: str  # "initials" (this document only) or "nickname" (the whole bundle)
    rule: str


def initials_of(tokens: Sequence[str]) -> str:
    """Upper-case initials of a name's words, hyphenated parts included ("<First>-<Second>" -> two letters)."""
    out = []
    for tok in tokens:
        out.extend(part[0].upper() for part in re.split(r"[-\u2010]", tok) if part)
    return "".join(out)


def initials_alias(after: str, tokens: Sequence[str]) -> str | None:
    """The bracketed initials right after a name when they are that name's initials (rule alias-initials)."""
    m = _INITIALS_AFTER.match(after)
    if m is None or len(tokens) < 2:
        return None
    letters = m.group(1) or m.group(2)
    whole = initials_of(tokens)
    return letters if letters in (whole, tokens[0][0].upper() + tokens[-1][0].upper()) else None


def defined_aliases(
    text: str, start: int, end: int, tokens: Sequence[str], is_word: Callable[[str], bool], non_name: frozenset[str]
) -> list[Alias]:
    """Aliases the text defines for the full name ``tokens`` written at ``text[start:end]``.

    :param is_word: is a word ordinary vocabulary (then it is never taken for a nickname).
    :param non_name: words that are never a name (role abbreviations, document words).
    """
    if len(tokens) < 2:
        return []
    out: list[Alias] = []
    after = text[end : end + 60]
    letters = initials_alias(after, tokens)
    if letters:
        out.append(Alias(letters, "initials", "alias-initials"))
    name_words = {t.lower() for t in tokens}

    def nickname(word: str) -> bool:
        low = word.lower()
        return (
            low not in name_words
            and low not in non_name
            and low not in _RELATION_WORDS
            and not is_word(word)
            and len(word) >= 2
        )

    m = _NICK_AFTER.match(after)
    if m and not letters and nickname(m.group(1)) and (m.group(2) or not after.lstrip().startswith("(")):
        out.append(Alias(m.group(1), "nickname", "alias-nickname"))
    m = _QUOTED_BEFORE.search(text[max(0, start - 40) : start])
    if m and m.group(1).lower() not in name_words | non_name | _RELATION_WORDS:
        out.append(Alias(m.group(1), "called", "alias-quoted"))
    m = _IDENTIFIED_BEFORE.search(text[max(0, start - 60) : start])
    if m and m.group(1).lower() not in name_words | non_name | _RELATION_WORDS | FUNCTION_WORDS:
        # The author identifies the word as this person, so an ordinary word counts too.
        out.append(Alias(m.group(1), "called", "alias-identified"))
    m = _NICK_BEFORE.search(text[max(0, start - 80) : start])
    if m and m.group(1).lower() not in name_words | non_name | _RELATION_WORDS:
        # The author says in so many words that this is what the person is called, so an ordinary
        # word counts too ("she calls him <Word>, whose real name is ...").
        out.append(Alias(m.group(1), "called", "alias-called"))
    return out


def alias_spans(text: str, alias: Alias, is_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``alias`` in ``text``, sorted.

    Exact case always; for a nickname that is no ordinary word, and for a word the text says the
    person is called, also all lower case (transcribed messages) and all capitals.
    """
    forms = {alias.text}
    if alias.kind == "called" or (alias.kind == "nickname" and not is_word(alias.text)):
        forms |= {alias.text.lower(), alias.text.upper()}
    out = []
    for form in forms:
        if form not in text:
            # No occurrence at all: skip the pattern (compiling one per alias and page of a large
            # bundle overflowed the re module's cache, issue 11). The result is the same.
            continue
        for m in re.finditer(r"(?<![\w@.\-'])" + re.escape(form) + r"(?![\w@\-]|\.\w)", text):
            out.append((m.start(), m.end()))
    return sorted(out)


def alias_names(
    pages: Sequence[tuple[tuple[int, int], str]],
    names: dict[tuple[int, int], list[tuple[int, int, object]]],
    is_third_party: Callable[[object], bool],
    is_word: Callable[[str], bool],
    non_name: frozenset[str],
) -> dict[tuple[int, int], list[tuple[int, int, object]]]:
    """New ``(start, end, person)`` name spans per page for the aliases defined for third parties.

    :param pages: ``(key, text)`` per page, ``key`` being ``(doc, page)``.
    :param names: the name spans already found per page (left untouched; overlaps are skipped).
    :param is_third_party: does a person of ``names`` get redacted.
    """
    per_doc: dict[int, list[tuple[Alias, object]]] = {}
    bundle: list[tuple[Alias, object]] = []
    for key, text in pages:
        for start, end, person in names.get(key, ()):
            if not is_third_party(person):
                continue
            tokens = text[start:end].split()
            full = tuple(getattr(person, "tokens", ()))
            if len(tokens) < 2 or tuple(t.strip(".,'") for t in tokens[-len(full):]) != full:
                # A short or titled mention ("Ms <Surname> (AB)") stands for a person whose full name
                # the bundle knows: bracketed initials of that full name define them (alias-initials).
                letters = initials_alias(text[end : end + 60], full) if len(full) >= 2 else None
                if letters:
                    per_doc.setdefault(key[0], []).append((Alias(letters, "initials", "alias-initials"), person))
            if len(tokens) < 2:
                continue
            for alias in defined_aliases(text, start, end, [t.strip(".,'") for t in tokens], is_word, non_name):
                if alias.kind == "initials":
                    per_doc.setdefault(key[0], []).append((alias, person))
                else:
                    bundle.append((alias, person))
    out: dict[tuple[int, int], list[tuple[int, int, object]]] = {}
    for key, text in pages:
        taken = [(s, e) for s, e, _p in names.get(key, ())]
        for alias, person in per_doc.get(key[0], []) + bundle:
            for s, e in alias_spans(text, alias, is_word):
                if any(a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                out.setdefault(key, []).append((s, e, person))
    return out
