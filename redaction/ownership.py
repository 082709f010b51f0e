"""Whose identifier: a detail given for a person whom the record introduces as a relative.

A redactor reads "the stepfather, <Name>, NI number ..." or "<Name> (maternal aunt), tel ..." and
knows the number is the relative's, whatever else the bundle says about the name: the record states
for whom the detail is given. The cast may have linked the name to the subject (a shared surname)
or to a professional (a role word elsewhere in the letter); the statement in
the sentence wins for the identifier (rule ``identifier-stated-for-relative`` in
:data:`redaction.identifier_rules.IDENTIFIER_RULES`, DPA 2018 Sch 2 para 16: a third party's data).

A detail handed to the subject is not the subject's either: in "her uncle texted <Subject> his new
number, 07..." the subject is the nearest name but the receiver, and the number is the giver's. Rule
``identifier-given-to-subject``: when the nearest name is the object of a verb of giving or sending,
nobody is shown to own the detail and it is redacted (fail closed; the giver may not be named).

The relationship words are the recognizers' list (:data:`redaction.detectors.uk.RELATIONSHIPS`); a
mention that carries the subject's own given name is never a relative ("her son, <Subject> (DOB
...)" in a letter about the mother).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.detectors.uk import RELATIONSHIPS

_REL = "|".join(re.escape(r) for r in sorted(RELATIONSHIPS, key=len, reverse=True))
_DET = r"(?:her|his|their|the|my|our|your|a|an)"
# "his stepfather, <Name>", "the maternal grandmother <Name>", "mother's partner: <Name>".
_BEFORE = re.compile(
    r"(?:^|[\s(,;])" + _DET + r"?\s*(?:" + _REL + r")(?:(?:'s|\u2019s)\s+(?:" + _REL + r"))?\s*[,:\-\u2013]?\s*$",
    re.IGNORECASE,
)
# "<Name>, the mother's partner, DOB", "<Name> (maternal aunt), tel ...": the relation stands right
# after the name and is not "<relation> of <someone>" (which describes the person relative to another).
_AFTER = re.compile(
    r"^\s*(?:,\s*|\(\s*|-\s*)" + _DET + r"?\s*(?:" + _REL + r")(?:(?:'s|\u2019s)\s+(?:" + _REL + r"))?\b(?!\s+of\b)",
    re.IGNORECASE,
)


def stated_for_relative(text: str, name_start: int, name_end: int, sentence_start: int,
                        subject_given: Iterable[str]) -> bool:
    """True when the name at ``name_start..name_end`` is introduced by a family relationship.

    :param sentence_start: the relationship must stand in the same sentence as the name.
    :param subject_given: the subject's given names; a mention carrying one is never a relative.
    """
    mention = {t.lower() for t in re.findall(r"[^\W\d_]+", text[name_start:name_end])}
    if mention & {g.lower() for g in subject_given if g}:
        return False
    return bool(_BEFORE.search(text[sentence_start:name_start]) or _AFTER.match(text[name_end : name_end + 60]))


# A verb of giving or sending straight before the name: the name is the receiver ("gave <Name> a
# number", "texted <Name> her address", "handed to <Name>").
_GIVEN_TO = re.compile(
    r"\b(?:gave|give|gives|giving|handed|hands|sent|sends|passed|passes|texted|texts|messaged|messages|"
    r"offered|offers|showed|shows|slipped|wrote|writes|left|leaves)(?:\s+(?:it|this|them|that))?"
    r"(?:\s+(?:to|for))?\s+$",
    re.IGNORECASE,
)


def given_to(text: str, name_start: int, sentence_start: int) -> bool:
    """True when the name at ``name_start`` receives something from someone else in its sentence."""
    return bool(_GIVEN_TO.search(text[max(sentence_start, name_start - 40):name_start]))


# The owner named after the detail: "07..., which is <Name>'s", "(it belongs to <Name>)", "registered to <Name>".
_OWNED_AFTER = re.compile(
    r"[\s,(\-\u2013]*(?:(?P<is>(?:which|that|it)\s+(?:is|was))|(?:(?:which|that|it)\s+)?"
    r"(?:belongs|belonged|belonging|is\s+registered|was\s+registered|registered|(?:is|was)\s+attributed|attributed)\s+to)\s+",
    re.IGNORECASE,
)
# The next sentence names the owner: "... 07... has been calling her phone. It is attributed to <Name>."
_OWNER_NEXT = re.compile(
    r"\s*(?:It|This(?:\s+number)?|That(?:\s+number)?|The\s+(?:number|phone|account|car|vehicle))\s+"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:attributed|registered|linked|traced)\s+to\s+"
)


def owner_named_next(text: str, sentence_end: int, name_start: int) -> bool:
    """True when the sentence after the detail's opens by saying whose it is and the name starts at ``name_start``.

    Rule ``identifier-owner-stated-after`` too: "It is attributed to <Name>", "The number is registered to <Name>".
    """
    m = _OWNER_NEXT.match(text, sentence_end)
    return m is not None and m.end() == name_start


def owner_stated_after(text: str, end: int, name_start: int, name_end: int) -> bool:
    """True when the name at ``name_start..name_end`` is stated as the owner of the detail ending at ``end``.

    "which is <Name>'s" needs the possessive ("which is <Name>" may say who rang); "belongs to" and
    "registered to" do not. Rule ``identifier-owner-stated-after``: the statement wins over the nearest
    name before the detail, which is often the person who used the number, not its owner.
    """
    m = _OWNED_AFTER.fullmatch(text, end, name_start)
    if m is None:
        return False
    return not m.group("is") or bool(re.match(r"['\u2019]s\b", text[name_end : name_end + 3]))
