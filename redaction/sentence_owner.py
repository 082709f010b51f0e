"""Whom a sentence is about, from the resolved cast: third parties' sensitive sentences by ownership.

A human redactor does not look for cue words in isolation: they read each sentence, decide whom it is
about, and withhold it when it is another person's special-category or criminal-offence information
(UK GDPR Art 9 and 10; DPA 2018 Sch 2 para 16). This module does the same with heuristics on the
sentence's first noun phrase (the decision phase has no parse trees):

* **Owner.** The first person reference near the start of the sentence (within its first words or
  after an opening adverbial clause): a resolved name (its cast kind), a relation phrase ("Her
  mother", "Dad's", "The maternal aunt", "<Name>'s brother": the last relation in a possessive chain
  is the owner), a word the record uses for its subject ("the child") or for a professional in role
  ("the social worker", "I"), or a personal pronoun resolved to the most recent compatible person
  mentioned earlier in the sentence or in the three sentences before it. Gender comes from relation
  words, titles and the pronouns written after the person's name; with no gender known, any person
  is compatible.
* **Rule ``tp-owner-pronoun-topic``.** A pronoun opening a sentence continues the previous sentence's
  owner (its topic) when that owner's gender is known and agrees, before the last person named
  ("Her aunt came with the child. She ..." is the aunt's). A name's gender is inferred from the
  pronoun after it only when no other person is named between them.
* **Rule ``tp-owner-not-a-person``.** A capitalised word naming a condition after a person ("<Surname>'s
  disease", "<Surname> syndrome", "<Surname>'s was diagnosed") is nobody a sentence is about
  (``lexicon/condition_eponyms.txt``).
* **Rule ``tp-owner-same-name``.** A resolved name's word written again on the page where the cast
  left it unresolved (a name broken over a line) is the same person.
* **Reported speech.** When the owner is followed by a reporting verb ("Mum said (that) ..."), the
  complement's owner decides ("Mum said the child ..." is about the child).
* **Rule ``tp-owner-reported-speaker``.** A pronoun opening the reported complement is the speaker's
  when it agrees with them ("<Name> told the nurse she ...": not the nurse), and stays so for the
  sentences after it.
* **Rule ``tp-owner-speaker-label``.** "<Name> (<role>): <statement>" opening a line of minutes: the
  statement is read for its owner and the label is never withheld; a label followed by no person
  ("<Name>: three arrests") is a field label and the labelled person owns the line.
* **Rule ``tp-owner-prepositional-object``.** A person after a preposition is an object, not the
  clause's subject: after a sentence-opening phrase ("At her aunt's flat, ...") the owner follows
  its comma; after a word ("Arrested with <Name> ...") the subject is unsaid and nobody is the
  owner, unless the person is a possessor ("Bruise to <Name>'s arm": the arm is theirs).
* **Rule ``tp-owner-sensitive``.** A sentence owned by a third party that carries a word of a special
  category (``lexicon/sensitive_topics.txt``, stem matched) is withheld whole as third-party data;
  names of professionals and of the subject reporting it are cut out of the withheld piece.
* **Rule ``tp-owner-subject-kept``.** A sentence owned by the subject or a professional acting in role
  is not withheld by this rule, even when it names a relative (only the name goes, elsewhere).

Ownership cannot be settled for a sentence with no person reference near its start; then this rule
proposes nothing and the cue-word rule of :mod:`redaction.sensitive` still applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redaction.detectors.uk import RELATIONSHIPS
from redaction.lexicon import alternation, entries, words
from redaction.names import DISCLOSED, PROFESSIONAL, SUBJECT, THIRD_PARTY

_TOPICS = tuple(entries("sensitive_topics"))
_TOPIC = re.compile(
    "|".join(f"(?P<t{i}>(?<![\\w-]){alternation((w,))}(?![\\w-]))" for i, (w, _t) in enumerate(_TOPICS)),
)
_TOPIC_CI = re.compile(_TOPIC.pattern, re.IGNORECASE)
# Upper-case entries ("HIV", "CCJ", "STI") are abbreviations: matched in capitals only, so "sti" in
# ordinary words or lower-case "hmp" in an e-mail address do not count.
_UPPER = frozenset(i for i, (w, _t) in enumerate(_TOPICS) if w.isupper() and len(w) > 1)
# A custodial term by its length ("served 18 months", "serving a four-year sentence"): a number stands in
# the phrase, so it cannot be a lexicon entry.
_TERM_SERVED = re.compile(r"\bserv(?:ed|ing)\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|eighteen|twenty)(?:[\s-]+\w+)?[\s-]+(?:months?|years?|weeks?)\b",
                          re.IGNORECASE)

_REF_WORDS = entries("person_references")
_FEMALE = frozenset(w.lower() for w, t in _REF_WORDS if "female" in t)
_MALE = frozenset(w.lower() for w, t in _REF_WORDS if "male" in t)
_PLURAL = frozenset(w.lower() for w, t in _REF_WORDS if "plural" in t)
_RELATION_WORDS = tuple({
    *(w for w, t in _REF_WORDS if "relation" in t),
    *(r for r in RELATIONSHIPS if r not in {"child", "baby", "referrer"}),
})
_MODIFIERS = words("person_references", "modifier")
_SUBJECT_WORDS = words("person_references", "subject")
_PRO_WORDS = (*words("person_references", "professional"), *words("roles", "role"))

_APOS = r"(?:'s|\u2019s|'|\u2019)"
_DET = r"(?:(?:her|his|their|the|my|our|your|a|an)\s+)"
_REL_ONE = r"(?:" + alternation(_MODIFIERS) + r"\s+)*" + alternation(_RELATION_WORDS)
#: A relation phrase; a possessive chain ends at its head ("her mum's boyfriend": the boyfriend).
_RELATION = re.compile(
    r"(?<![\w-])" + _DET + r"?" + r"(?:" + _REL_ONE + _APOS + r"\s+)*(?P<head>" + _REL_ONE + r")(?![\w-])",
    re.IGNORECASE,
)
_SUBJECT_REF = re.compile(r"(?<![\w-])" + alternation(_SUBJECT_WORDS) + r"(?![\w-])", re.IGNORECASE)
_PRO_REF = re.compile(r"(?<![\w-])" + _DET + r"?" + alternation(_PRO_WORDS) + r"(?![\w-])", re.IGNORECASE)
_PRONOUN = re.compile(r"(?<![\w-])(?P<p>he|she|they|his|her|their|him|them)(?![\w-])", re.IGNORECASE)
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "they": "p", "their": "p", "them": "p"}
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_TITLE_BEFORE = re.compile(r"\b(mr|mrs|ms|miss|mx|dr|prof)\.?\s+$", re.IGNORECASE)
# "Concern: <owner> ...", "Update - <owner> ...": a field label before the owner is not theirs.
_FIELD_LABEL_END = re.compile(r"(?<=[A-Za-z)])[ \t]*(?::|\s[-\u2013\u2014])\s")

# Words before the owner: numbering, a date or time stamp, a cell rule, an opening adverbial.
_LEAD_WORDS = 8
# "<Owner> said (that) ...": the complement's owner decides (rule tp-owner-reported).
_REPORTING = re.compile(
    r"^\s*(?:has\s+|had\s+|also\s+)?(?:(?:told|tells)(?:\s+(?:me|us|him|her|them|staff|the\s+\w+|[A-Z]\w+))?|"
    r"said|says|reported|reports|disclosed|discloses|explained|stated|states|shared|mentioned|alleged|alleges|"
    r"claimed|claims|thinks|believes|confirmed|confirms|added)(?:\s+that)?\b[\s,:]*",
)
# "<Name> (<role>): ..." opening a line of minutes: the speaker's label, not the statement's owner.
_SPEAKER_LABEL = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:(?!\d)")
# A person after a preposition is an object, not the clause's subject ("Arrested with <Name> ...": the
# unexpressed subject of a record's note is the record's subject; rule tp-owner-prepositional-object).
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w-])(?:with|to|by|from|for|about|against|towards|without|alongside|beside|near|at|on|into)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"^" + _APOS + r"(?!\w)")
# Rule tp-owner-not-a-person: a capitalised word that names a condition after a person ("<Surname>'s
# disease", "<Surname> lymphoma"), or whose possessive stands for one ("<Surname>'s was diagnosed": a
# person's possessive has a noun after it, not a verb), is not somebody a sentence can be about.
_EPONYM_AFTER = re.compile(
    r"^(?:" + _APOS + r")?\s*(?:" + alternation(words("condition_eponyms")) + r")\b"
    r"|^" + _APOS + r"\s+(?:is|was|has|had|were|are|affects|affected|causes|caused|means|meant|can|may|"
    r"runs|ran)\b",
    re.IGNORECASE,
)


def not_a_person(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` names a condition, not a person (rule tp-owner-not-a-person)."""
    return bool(_EPONYM_AFTER.match(text[end : end + 40]))
_APOS_AT = re.compile(_APOS + r"(?!\w)")


@dataclass(frozen=True)
class Ref:
    """A reference to a person in the page text: its span, cast kind and grammatical gender.

    ``kind`` is ``subject``, ``professional`` or ``third_party`` (``None``: a pronoun still to resolve);
    ``gender`` is ``f``, ``m``, ``p`` (a group) or ``None`` (unknown).
    """

    start: int
    end: int
    kind: str | None
    gender: str | None = None


def topic_kind(sentence: str) -> str | None:
    """The special category of the first topic word in ``sentence`` (``health``, ``criminal`` ...), or None."""
    for m in _TOPIC_CI.finditer(sentence):
        index = int(m.lastgroup[1:])
        if index in _UPPER and m.group() != m.group().upper():
            continue
        return sorted(_TOPICS[index][1])[0] if _TOPICS[index][1] else "sensitive"
    return "criminal" if _TERM_SERVED.search(sentence) else None


def _gender_of(word: str) -> str | None:
    w = word.lower().split()[-1] if word else ""
    if w in _FEMALE:
        return "f"
    if w in _MALE:
        return "m"
    if w in _PLURAL:
        return "p"
    return None


def page_refs(
    text: str, names: Iterable[tuple[int, int, str, Sequence[str]]]
) -> list[Ref]:
    """Every person reference on a page, in text order (pronouns with ``kind=None``).

    :param names: ``(start, end, kind, family)`` of each resolved name; ``family`` are the family
        roles the cast wrote on the person (their gender, when known).
    """
    refs: list[Ref] = []
    taken: list[tuple[int, int]] = []
    named = sorted(names)
    for s, e, kind, family in named:
        if not_a_person(text, s, e):
            continue
        gender = next((g for g in (_gender_of(f) for f in family) if g), None)
        if gender is None and (t := _TITLE_BEFORE.search(text[max(0, s - 6) : s])):
            gender = _TITLE_GENDER.get(t.group(1).lower())
        if gender is None and (r := re.search(r"(?:" + alternation(_RELATION_WORDS) + r")\s*$",
                                              text[max(0, s - 25) : s], re.IGNORECASE)):
            gender = _gender_of(r.group())
        kind = SUBJECT if kind == SUBJECT else PROFESSIONAL if kind in (PROFESSIONAL, DISCLOSED) else THIRD_PARTY
        refs.append(Ref(s, e, kind, gender))
        taken.append((s, e))

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in taken)

    # Rule tp-owner-same-name: a resolved name's word written again on the page where the cast left it
    # unresolved (a name broken over a line, "<Given>\n<Family>") is the same person, as a reader takes
    # it; not when the word was resolved to people of different kinds on the page.
    kinds: dict[str, set[str | None]] = {}
    for r in refs:
        for w in re.findall(r"[A-Z][\w'\u2019-]{2,}", text[r.start : r.end]):
            kinds.setdefault(w, set()).add(r.kind)
    for w, ks in kinds.items():
        if len(ks) != 1:
            continue
        kind = next(iter(ks))
        for m in re.finditer(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text):
            if free(m.start(), m.end()) and not not_a_person(text, m.start(), m.end()):
                refs.append(Ref(m.start(), m.end(), kind))
                taken.append((m.start(), m.end()))

    for m in _RELATION.finditer(text):
        if free(m.start(), m.end()):
            refs.append(Ref(m.start(), m.end(), THIRD_PARTY, _gender_of(m.group("head"))))
            taken.append((m.start(), m.end()))
    for rx, kind in ((_SUBJECT_REF, SUBJECT), (_PRO_REF, PROFESSIONAL)):
        for m in rx.finditer(text):
            if rx is _SUBJECT_REF and m.group() in ("yp", "cyp"):
                continue
            if rx is _PRO_REF and m.group() == "i":
                continue  # lower-case "i" is a message's writer, not the record's author
            if free(m.start(), m.end()):
                refs.append(Ref(m.start(), m.end(), kind))
                taken.append((m.start(), m.end()))
    for m in _PRONOUN.finditer(text):
        if free(m.start(), m.end()):
            refs.append(Ref(m.start(), m.end(), None, _PRONOUN_GENDER[m.group("p").lower()]))
    refs.sort(key=lambda r: r.start)
    return _infer_genders(text, refs)


def _infer_genders(text: str, refs: list[Ref]) -> list[Ref]:
    """Give a name with no known gender the one its following pronouns agree on, page-wide."""
    tally: dict[str, list[int]] = {}
    for i, r in enumerate(refs):
        if r.kind is None or r.gender is not None:
            continue
        # The next pronoun, with no other person named between them ("<A> came in with <B>. She ...":
        # the pronoun tells nothing about A).
        nxt = next((x for x in refs[i + 1 : i + 3] if x.kind is None), None)
        if nxt is not None and (nxt.start - r.end >= 60 or any(x.kind is not None for x in refs[i + 1 : i + 3]
                                                               if x.start < nxt.start)):
            nxt = None
        key = text[r.start : r.end].lower()
        if nxt is not None and nxt.gender in ("f", "m"):
            tally.setdefault(key, [0, 0])[0 if nxt.gender == "f" else 1] += 1
    out = []
    for r in refs:
        votes = tally.get(text[r.start : r.end].lower())
        if r.kind is not None and r.gender is None and votes and votes[0] != votes[1]:
            r = Ref(r.start, r.end, r.kind, "f" if votes[0] > votes[1] else "m")
        out.append(r)
    return out


def _compatible(pronoun: str | None, ref: Ref) -> bool:
    if pronoun == "p":
        return ref.gender in ("p", None)
    return ref.gender in (pronoun, None)


def _resolve(pronoun: Ref, before: Sequence[Ref], topic: Ref | None = None) -> Ref | None:
    """The person ``pronoun`` refers to: the topic, else the most recent compatible person before it.

    Rule ``tp-owner-pronoun-topic``: a pronoun opening a sentence continues the previous sentence's
    owner (its grammatical subject, the topic a reader carries forward) when that owner's gender is
    known and agrees ("Her aunt visited with the child. She ..." is the aunt, not the child). With
    no such topic, the most recent compatible person mentioned before it (resolved pronouns included).
    """
    if topic is not None and topic.kind is not None and topic.gender is not None and topic.gender == pronoun.gender:
        return topic
    for r in reversed(before):
        if r.kind is not None and _compatible(pronoun.gender, r):
            return r
    return None


def sentence_owner(
    text: str, start: int, end: int, refs: Sequence[Ref], window: Sequence[Ref], chosen: dict[int, Ref] | None = None,
    topic: Ref | None = None,
) -> Ref | None:
    """Whom the sentence ``text[start:end]`` is about, or None when its opening names nobody.

    :param refs: the references inside the sentence, in order.
    :param window: resolved references of the sentences before it (the pronoun's antecedents).
    :param chosen: filled with ``{pronoun start: resolved reference}`` for the pronouns resolved here.
    :param topic: the owner of the previous sentence that named anyone (rule tp-owner-pronoun-topic).
    """
    history = list(window)
    pos = start
    owner = None
    for _ in range(3):  # an owner, then at most two reported complements
        first = next((r for r in refs if r.start >= pos), None)
        if first is None or not _near_start(text, pos, first.start):
            return owner
        prep = _PREPOSITION_BEFORE.search(text, max(pos, first.start - 14), first.start)
        if prep:
            # An opening phrase ("At her mother's house, ..."): the owner follows its comma. After a
            # word ("Arrested with <Name> ...") the clause's subject is unsaid, unless the person is a
            # possessor ("Bruise to <Name>'s arm": the arm is theirs).
            comma = text.find(",", first.end, end)
            if comma >= 0 and not re.search(r"[A-Za-z]", _lead(text, pos, prep.start())):
                pos = comma + 1
                continue
            if not _POSSESSIVE_AFTER.match(text[first.end : end]):
                return owner
        if first.kind is None:
            inside = [r for r in refs if r.end <= first.start and r.kind is not None]
            prior = [*history, *inside]
            # Rule tp-owner-reported-speaker: "<Speaker> told the nurse she ...": the pronoun opening a
            # reported complement is the speaker's when it agrees with them, not the addressee's.
            # A person named earlier in the sentence ("When her aunt ..., she") outranks the topic.
            target = (owner if owner is not None and _compatible(first.gender, owner)
                      else _resolve(first, prior, None if owner is not None or inside else topic))
            if target is None:
                return owner
            if chosen is not None:
                chosen[first.start] = target
            first = Ref(first.start, first.end, target.kind, target.gender if target.gender != "p" else first.gender)
        owner = first
        history.append(first)
        rest = text[first.end : end]
        if poss := _POSSESSIVE_AFTER.match(rest):
            # "<Name>'s brother ...": the relative owns it; "Dad's drinking": the possessor does.
            after = first.end + poss.end()
            head = next((r for r in refs if r.start >= after), None)
            if head is not None and head.kind is not None and not text[after : head.start].strip():
                owner = head
            return owner
        rep = _REPORTING.match(rest)
        if rep is None:
            return owner
        pos = first.end + rep.end()
        owner = Ref(owner.start, owner.end, owner.kind, owner.gender)
    return owner


def _lead(text: str, pos: int, at: int) -> str:
    """The words before ``at`` in its clause: after ``pos``, the last comma and the last cell rule."""
    lead = text[pos:at]
    if "," in lead:
        lead = lead.rsplit(",", 1)[1]
    if "|" in lead:
        lead = lead.rsplit("|", 1)[1]
    return lead


def _near_start(text: str, pos: int, at: int) -> bool:
    """``at`` is within the opening words after ``pos`` (numbering, a stamp, an adverbial clause)."""
    lead = _lead(text, pos, at)
    return len(re.findall(r"[A-Za-z]+", lead)) <= _LEAD_WORDS // 2 or len(lead.split()) <= 2


def _title_start(text: str, start: int) -> int:
    """Where a name's title starts ("Ms <Name>"): a reporter's title is cut out with their name."""
    t = _TITLE_BEFORE.search(text[max(0, start - 7) : start])
    return start - len(t.group()) if t else start


def _speaker_label_end(text: str, start: int, end: int, refs: Sequence[Ref]) -> int | None:
    """End of a speaker label opening the sentence ("<Name> (<role>):"), or None.

    The label is a resolved name or a role in the sentence's opening words, followed by an optional
    bracketed role and a colon.
    """
    named = [r for r in refs if r.kind is not None]
    if not named or not _near_start(text, start, named[0].start) or "." in text[start : named[0].start]:
        return None
    last = named[0]
    for r in named[1:]:  # "DC <Name>", "<Role> <Name>": the label runs to its last word
        if text[last.end : r.start].strip():
            break
        last = r
    m = _SPEAKER_LABEL.match(text, last.end, end)
    return m.end() if m else None


def _join_fragments(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with the pieces a narrow table cell broke off joined back.

    A piece that does not end a clause (no closing punctuation) followed by one that starts in lower
    case is one sentence wrapped in a cell ("He" / "was banned ..."): its owner is at the first piece.
    """
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        if out and text[s:e].lstrip()[:1].islower() and text[out[-1][0] : out[-1][1]].rstrip()[-1:] not in ".!?:;":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def owned_sentences(
    text: str,
    sentences: Sequence[tuple[int, int]],
    names: Iterable[tuple[int, int, str, Sequence[str]]],
) -> list[tuple[int, int, str]]:
    """Sentences of ``text`` owned by a third party and carrying a special category (rule tp-owner-sensitive).

    :param sentences: ``(start, end)`` of each sentence (:func:`redaction.text.sentence_bounds`).
    :param names: ``(start, end, kind, family)`` of each resolved name on the page.
    :returns: ``(start, end, category)`` pieces to withhold, white space trimmed, with professionals'
        names and the subject's name cut out (their names are disclosed; the information is not theirs).
    """
    refs = page_refs(text, names)
    sentences = _join_fragments(text, sentences)
    out: list[tuple[int, int, str]] = []
    resolved: list[list[Ref]] = []
    owners: list[Ref | None] = []  # per sentence, None where it named nobody near its start
    for s, e in sentences:
        inside = [r for r in refs if s <= r.start and r.end <= e]
        window = [r for block in resolved[-3:] for r in block]
        # The topic: the owner of the nearest of the three sentences before that named anyone.
        topic = next((o for o, b in zip(reversed(owners[-3:]), reversed(resolved[-3:]), strict=True) if b), None)
        chosen: dict[int, Ref] = {}
        # Rule tp-owner-speaker-label: "<Name> (<role>): <statement>": the statement after the colon is
        # read for its owner; the label (speaker's name, title, role) is not part of any withheld piece.
        label = _speaker_label_end(text, s, e, inside)
        start = label or s
        before = [r for r in inside if r.start < start and r.kind is not None]
        owner = sentence_owner(text, start, e, [r for r in inside if r.start >= start], [*window, *before], chosen,
                               None if before else topic)
        if owner is None and label:
            # "<Name>: <no person named>": a field label, the line is about the labelled person.
            owner = sentence_owner(text, s, e, inside, window, chosen, topic)
        else:
            s = start
        # The sentence's references, pronouns resolved, become the next sentences' antecedents.
        block = []
        for r in inside:
            if r.kind is None:
                target = chosen.get(r.start) or _resolve(r, [*window, *block])
                if target is None:
                    continue
                r = Ref(r.start, r.end, target.kind, target.gender)
            block.append(r)
        resolved.append(block)
        owners.append(owner)
        if owner is None or owner.kind != THIRD_PARTY:
            continue  # rule tp-owner-subject-kept: the subject's or a professional's sentence stays
        kind = topic_kind(text[s:e])
        if kind is None:
            continue
        # A table row's stamp and category cells before the owner's cell are not the third party's.
        s = max(s, text.rfind("|", s, owner.start) + 1)
        s = max([s, *(m.end() for m in _FIELD_LABEL_END.finditer(text, s, owner.start))])
        cuts = sorted(
            (_title_start(text, r.start), r.end)
            for r in inside
            if r.kind in (SUBJECT, PROFESSIONAL) and s <= r.start
        )
        pos = s
        for a, b in [*cuts, (e, e)]:
            piece_s, piece_e = pos, a
            if (poss := _APOS_AT.match(text, piece_s, piece_e)) and pos > s:
                piece_s = poss.end()  # the possessive ending stays with the name cut out before it
            while piece_s < piece_e and not text[piece_s].isalnum():
                piece_s += 1
            while piece_e > piece_s and text[piece_e - 1].isspace():
                piece_e -= 1
            if piece_e > piece_s:
                out.append((piece_s, piece_e, kind))
            pos = max(pos, b)
    return out
