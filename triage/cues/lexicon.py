"""Shared word classes and the cue machinery: negation, matching, the ``Cue`` object."""

from __future__ import annotations

import re
from dataclasses import dataclass

NOUN = (
    r"(?:files?|records?|data|information|notes|case ?notes|documents?|documentation|paperwork|reports?|"
    r"assessments?|correspondence|e-?mails?|letters?|minutes|chronology|history|casefiles?|case files?|"
    r"case records?|logs?|photos?|photographs|recordings?|copies|details held|everything|anything|"
    r"material|entries|entry|papers|reviews?|plans?|stuff|footage|cctv|videos?|audio|referrals?|conferences?)"
)
MOD = r"(?:[\w'-]+\s+){0,4}?"
CHILD = (
    r"(?:son|sons|daughter|daughters|child|children|childrens|kids?|boy|boys|girl|girls|baby|babies|toddler|"
    r"step-?sons?|step-?daughters?|step-?child(?:ren)?|grandsons?|granddaughters?|grand-?child(?:ren)?|"
    r"grandkids?|twins|little one|youngest|eldest|oldest|foster (?:child|son|daughter)|lad|lass)"
)
REL = (
    r"(?:brother|brothers|sister|sisters|siblings?|half-?(?:brother|sister)|mother|father|mum|mom|mam|dad|"
    r"parents?|husband|wife|partner|ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|"
    r"boyfriend|girlfriend|neighbou?rs?|friends?|cousins?|aunt|auntie|aunty|uncle|nephew|niece|"
    r"grandmother|grandfather|grandma|grandad|granddad|grandpa|nan|nana|nanna|gran|granny|grandparents?|"
    r"step-?mother|step-?father|step-?mum|step-?dad|tenant|landlord|colleague|flatmate|lodger|relative)"
)
# Words between "my" and the records noun; never another person ("my late grandmother's records").
OWN_MOD = (
    r"(?:(?:children'?s services?|(?!(?:late|deceased|ex|former|client|requests?|foia|eir|complaints?|"
    r"enquiry|"
    r"appeal|application|question|letter|email)\b)(?![\w-]+(?:'s|s')(?:\s|$))"
    r"[\w'-]+)\s+){0,4}?"
)
HOLD = (
    r"(?:hold|holds|held|have|has|had|keep|keeps|kept|store|stored|recorded|record|wrote|written|know|got)"
)
ABOUT = (
    r"(?:about|on|of|concerning|regarding|re|relating to|related to|in relation to|in respect of|"
    r"mentioning|referring to|naming|that (?:mentions?|names?|refers? to|relates? to|concerns?)|"
    r"which (?:mentions?|names?|refers? to|relates? to|concerns?)|to do with|for)"
)

# Negation immediately governing a cue: "not my own data", "I am not asking for my file", "rather than".
NEG_TAIL = re.compile(
    r"(?:\bnot|n't|\bno|\bnever|\bneither|\bnor|\brather than|\binstead of|\bother than|\bexcluding|"
    r"\bexcept|\bnothing to do with|\bwithout)\s+(?:(?:asking|requesting|looking|seeking|after|interested|"
    r"wanting|want|need|needing|requiring|mean|meaning|including|include|making|submitting|a|an|the|for|in|"
    r"about|any|to|of|request|requests|this|is|it|at|me|my|own|personal|see|get|have|access|concerned|with|"
    r"related|relating|on|copies|copy|a copy|you|your|information|data|concerning|regarding)\s+){0,6}$"
)


def negated(s: str, start: int) -> bool:
    """Whether a negation in the words just before ``start`` governs the cue found there."""
    window = s[max(0, start - 60):start]
    # A new clause after the negation ("..., but I do want my file") ends its reach.
    window = re.split(r"\bbut\b|\bhowever\b|\bthough\b|[,;:.]", window)[-1]
    return bool(NEG_TAIL.search(window))


def find(patterns: Cue | tuple[re.Pattern, ...], s: str, *, negatable: bool = True) -> str | None:
    """The words of the first non-negated match of any pattern in ``s``, or ``None``.

    A :class:`Cue` that is not negatable (a fact about the requester, not an ask) ignores negation.
    """
    negatable = negatable and getattr(patterns, "negatable", True)
    for pattern in patterns:
        for m in pattern.finditer(s):
            if negatable and negated(s, m.start()):
                continue
            return m.group(0).strip(" ,.")
    return None


def rx(*patterns: str, flags: int = re.I) -> tuple[re.Pattern, ...]:
    """Compile ``patterns`` (case-insensitive unless ``flags`` says otherwise)."""
    return tuple(re.compile(p, flags) for p in patterns)


@dataclass(frozen=True)
class Cue:
    """A named cue: the rulebook rule it serves, its patterns, whether negation cancels it, and its reason.

    ``reason`` is the words a triager reads ("environmental information"); the rule that fires quotes the
    matched words beside it. A cue iterates as its patterns, so :func:`find` takes a cue or a pattern tuple.
    """

    name: str
    rule: str
    reason: str
    patterns: tuple[re.Pattern, ...]
    negatable: bool = True

    def __iter__(self):
        return iter(self.patterns)

    def find(self, s: str) -> str | None:
        """The words of the first match in ``s`` that is not negated (when negation applies), or ``None``."""
        return find(self, s)

    def cite(self, words: str) -> str:
        """``"<rule>: <reason> ('<words>')"``: the reason as a triager reads it."""
        return f"{self.rule}: {self.reason} ('{words}')"


def cue(name: str, rule: str, reason: str, *patterns: str, flags: int = re.I, negatable: bool = True) -> Cue:
    """Build a :class:`Cue` from pattern strings."""
    return Cue(name, rule, reason, rx(*patterns, flags=flags), negatable)
