"""Third parties' sensitive information, withheld as whole sentences.

A redactor who blanks only the name in "<Name> has convictions for assault" still discloses that
somebody in the child's life has convictions, and usually who. Another person's health, offending,
sexual life, debt or immigration status is special-category or criminal-offence data (UK GDPR Art 9
and 10) and is that person's information, not the requester's (DPA 2018 Sch 2 para 16): the
sentence that carries it is withheld whole.

Rule ``tp-sensitive-sentence``: a sentence is withheld when it has a cue from
``lexicon/sensitive_cues.txt``, it names a third party (a name the bundle-wide cast resolved to a
third party, or a relationship word at its start: "Her mother ...", "The stepfather ..."), and it
names neither the data subject nor uses the subject's given name. A sentence about the subject
themself is their own data and stays, unless the subject only reports it ("<Subject> said <a third
party> has been in prison": rule tp-sensitive-reported-by-subject; the subject's name stays). A
relative's possession anywhere in the sentence ("your husband's dementia") names a third party (rule
tp-sensitive-possessive), and so does a pronoun opening a sentence that follows one naming only a
third party (rule tp-sensitive-pronoun). A professional who reports the information ("<Officer> said
that ...") is acting in role: their name stays and the rest of the sentence is withheld.

Rule ``tp-sensitive-row-cell``: in a table extracted cell by cell (a nominal table, a genogram, a
household list), a row starts with a line that is only a person's name; the cells below it, up to
the next such name line or a line of prose, belong to that person. A cell (a run of lines between
blank lines) with a cue in a third party's row is withheld whole, although it names nobody and has
no sentence around it ("Possession with intent to supply ... (2023)" beside the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redaction.detectors.uk import RELATIONSHIPS
from redaction.lexicon import entries
from redaction.sensitivity import DISCLOSURE_HARM_CUES, LOCATING_RISK_CUES

_CUES = tuple((w, tags) for w, tags in entries("sensitive_cues"))


def _cue_rx(word: str) -> str:
    body = r"\s+".join(re.escape(p) for p in word.rstrip("*").split())
    return body + (r"\w*" if word.endswith("*") else "")


_CUE = re.compile(
    "|".join(f"(?P<c{i}>(?<!\\w){_cue_rx(w)}(?!\\w))" for i, (w, _tags) in enumerate(_CUES)), re.IGNORECASE
)
# A numbered paragraph or list item ("4.2 He has ...", "(b) Her partner ...") starts like any other.
_NUMBERING = r"(?:(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]\)|\(?[ivx]{1,4}\))\s+)?"
_NUMBER_AT = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?[ \t]+|\d{1,3}\.[ \t]+")
_RELATION_START = re.compile(
    r"^\W*" + _NUMBERING + r"(?:(?:her|his|their|the|my|our|a|an)\s+)?(?:"
    + "|".join(re.escape(r) for r in sorted(RELATIONSHIPS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

_RELATIONS = "|".join(re.escape(r) for r in sorted(RELATIONSHIPS, key=len, reverse=True))
# "your husband's dementia", "her partner's convictions": what follows belongs to the relative,
# wherever in the sentence it stands (rule tp-sensitive-possessive).
_RELATION_POSSESSIVE = re.compile(r"\b(?:her|his|their|your|my|our|the)\s+(?:" + _RELATIONS + r")(?:'s|\u2019s)\b",
                                  re.IGNORECASE)
# A sentence that starts with a personal pronoun and names nobody continues the one before it
# ("<Name> is known. He was convicted ..."): rule tp-sensitive-pronoun.
_PRONOUN_START = re.compile(r"^\W*" + _NUMBERING + r"(?:he|she|they|his|her|their)\b", re.IGNORECASE)
# "<Subject> said (that) <a third party> has ...": the subject reports; the information is not theirs
# (rule tp-sensitive-reported-by-subject). The subject's name stays, the rest is withheld.
_REPORTING_AFTER = re.compile(
    r"^(?:'s)?\s+(?:said|says|told\s+\w+|reported|disclosed|explained|stated|alleged|claimed|thinks|believes)\b",
    re.IGNORECASE,
)

THIRD_PARTY_SENSITIVE = "THIRD_PARTY_SENSITIVE"

# Where the record itself says disclosure would harm someone ("must not be shared", "would cause
# serious distress"), or the sentence is about where a child is placed or a person shelters (a
# refuge, foster carers), the withheld sentence is also put to a manager under the serious-harm
# test (DPA 2018 Sch 3 para 11 / Sch 4 para 5; rule tp-sensitive-serious-harm). The cues are the
# sensitivity module's (seed policy wording), defined once there.
_HARM_CUES = (*DISCLOSURE_HARM_CUES.values(), LOCATING_RISK_CUES["placement"], LOCATING_RISK_CUES["violence"])


def serious_harm(sentence: str) -> bool:
    """True when a withheld third-party sentence should also go to a manager as serious harm."""
    return any(rx.search(sentence) for rx in _HARM_CUES)


def cue_kind(sentence: str) -> str | None:
    """The kind of sensitive information a sentence carries (``health``, ``offending`` ...), or None."""
    m = _CUE.search(sentence)
    if m is None:
        return None
    index = int(m.lastgroup[1:])
    return sorted(_CUES[index][1])[0] if _CUES[index][1] else "sensitive"


def sensitive_sentences(
    text: str,
    sentences: Sequence[tuple[int, int]],
    third_party_names: Iterable[tuple[int, int]],
    subject_names: Iterable[tuple[int, int]],
    subject_given: Iterable[str],
    professional_names: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """Sentences of ``text`` to withhold as a third party's sensitive information.

    :param sentences: ``(start, end)`` of each sentence (:func:`redaction.text.sentence_bounds`).
    :param third_party_names: spans of names resolved to third parties on this page.
    :param subject_names: spans of names resolved to the data subject on this page.
    :param subject_given: the subject's given names (any case counts as the subject).
    :param professional_names: spans of professionals' names; they are cut out of the sentence.
    :returns: ``(start, end, kind)`` pieces with white space trimmed off both ends.
    """
    pros = sorted(professional_names)
    tp = list(third_party_names)
    subj = list(subject_names)
    given = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(g) for g in subject_given if g) + r")(?!\w)", re.IGNORECASE
    ) if any(subject_given) else None
    out = []
    earlier: list[tuple[int, int]] = []
    for s, e in sentences:
        # The pronoun's antecedent: the nearest of the three sentences before that names anyone (a
        # wrapped line or a table cell may stand between them in the extracted text).
        prev = next((span for span in reversed(earlier[-3:]) if _names_anyone(span, tp, subj, given, text)), None)
        earlier.append((s, e))
        sentence = text[s:e]
        kind = cue_kind(sentence)
        if kind is None:
            continue
        subject_spans = [(a, b) for a, b in subj if s <= a and b <= e]
        if given:
            subject_spans += [(s + m.start(), s + m.end()) for m in given.finditer(sentence)]
        reporter = [(a, b) for a, b in subject_spans if _REPORTING_AFTER.match(text[b : b + 30])]
        names_tp = (
            any(s <= a and b <= e for a, b in tp)
            or _RELATION_START.match(sentence)
            or _RELATION_POSSESSIVE.search(sentence)
            or (prev is not None and _PRONOUN_START.match(sentence) and _only_third_party(prev, tp, subj, given, text))
        )
        names_subject = any(span not in reporter for span in subject_spans)
        if not names_tp or names_subject:
            continue
        cuts = sorted({(a, b) for a, b in pros if s <= a and b <= e} | set(reporter))
        for ps, pe in _pieces(s, e, cuts):
            while ps < pe and not text[ps].isalnum():
                ps += 1
            if ps < pe and (num := _NUMBER_AT.match(text, ps, pe)) and num.end() < pe:
                ps = num.end()  # the paragraph number stays: it is not the third party's information
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                out.append((ps, pe, kind))
    return out


def _names_anyone(span, tp, subj, given, text) -> bool:
    """The sentence at ``span`` names a third party, the subject, or opens with a relative."""
    s, e = span
    return (any(s <= a and b <= e for a, b in (*tp, *subj)) or bool(given and given.search(text[s:e]))
            or bool(_RELATION_START.match(text[s:e])))


def _only_third_party(span, tp, subj, given, text) -> bool:
    """The sentence at ``span`` names a third party (or a relative opens it) and not the subject."""
    s, e = span
    return (
        (any(s <= a and b <= e for a, b in tp) or bool(_RELATION_START.match(text[s:e])))
        and not any(s <= a and b <= e for a, b in subj)
        and not (given and given.search(text[s:e]))
    )


def _pieces(start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``start..end`` without the ``cuts`` (sorted, inside it)."""
    out, pos = [], start
    for a, b in cuts:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


_PROSE_LINE = re.compile(r"^[^\n]*[a-z][^\n]*[.!?][ \t]*$")


def row_cells(
    text: str, owners: Sequence[tuple[int, int, bool]]
) -> list[tuple[int, int, str]]:
    """Cells of third parties' table rows that carry a sensitive cue (rule tp-sensitive-row-cell).

    :param owners: ``(start, end, third_party)`` of every resolved name on the page.
    :returns: ``(start, end, kind)`` of each cell to withhold.
    """
    lines = []
    pos = 0
    for ln in text.split("\n"):
        lines.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    owner_at: dict[int, bool] = {}
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        on_line = [(s, e, tp) for s, e, tp in owners if a <= s < e <= b]
        if not on_line or len(line.split()) > 5:
            continue
        rest = list(line)
        for s, e, _tp in on_line:
            rest[s - a : e - a] = " " * (e - s)
        # Names fill the line ("SURNAME, Given" is two name spans and a comma).
        if not "".join(rest).strip(" \t,;()"):
            owner_at[i] = any(tp for _s, _e, tp in on_line)
    out = []
    owner: bool | None = None
    cell: list[int] = []

    def flush() -> None:
        if owner and cell:
            start, end = lines[cell[0]][0], lines[cell[-1]][1]
            kind = cue_kind(" ".join(text[start:end].split()))
            if kind:
                out.append((start, end, kind))
        cell.clear()

    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if i in owner_at:
            flush()
            owner = owner_at[i]
            continue
        if not line.strip():
            flush()
            continue
        if len(line.split()) >= 10 and _PROSE_LINE.match(line):
            flush()
            owner = None  # running text after the table
            continue
        if owner is not None:
            cell.append(i)
    flush()
    return out

