"""Legal advice relayed by someone else, sentence by sentence (SCH2-P19-LPP).

A social worker's e-mail or case note often passes on what the council's lawyers said: "Legal have
advised ...", "we have been told by our solicitor that ...", "I spoke to Legal this morning. Their
view is that ...". Legal professional privilege covers the advice however it is relayed (rulebook
LPP: DPA 2018 Sch 2 Part 4 para 19, "advice from the council's lawyers"); the fact that someone
consulted a lawyer, or that a meeting took place, is not advice and stays (as in rule
``lpp-title-only`` of :mod:`redaction.legal`).

Rules, as named data (:data:`RELAYED_RULES`; a positive and a negative row each in
``tests/redaction/test_relayed_advice.py``):

* ``lpp-relayed-attributed``: a sentence attributing advice or a view to the council's lawyers
  ("Legal have advised", "the council's solicitor says", "advice (received) from counsel", "Legal
  confirmed <a proposition>: the threshold is met", "we were told by
  Legal", "per the legal planning meeting", "according to Legal").
* ``lpp-relayed-follow-on``: after a sentence reporting that the writer consulted the lawyers ("I
  spoke to Legal", "discussed with our solicitor", "a telephone call with the local authority
  solicitor, <Name>", "I discussed the case with <Name>, solicitor in the council's legal team"),
  each following sentence of the same paragraph in which "they", "he" or "she" advise or give a view
  ("Their view is ...", "She advised that ...", "He was of the view that ..."). The consultation
  sentence itself stays, unless it goes on to the advice after a dash, colon, semicolon or "and"
  ("Spoke with <Name> in Legal - she thinks ..."): then that part goes. A bare "solicitor" counts only
  when the record ties them to the council (someone's own solicitor gives no advice to the council);
  "legal" in lower case counts as the department only where no noun follows it ("from legal, and").

"Seek legal advice", "their own solicitor" (advice to someone else to find a lawyer) is not the
council's advice. Word lists are general legal-English usage.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from redaction.text import trim_span

# A lawyer the record ties to the council: "the local authority solicitor", "solicitor in the council's
# legal team", "lawyer from Legal Services". A bare "solicitor" may be anyone's, so it needs the tie.
_COUNCIL_LAWYER = (r"(?:(?:the\s+|our\s+)?(?:local\s+authority|council|LA)\s+(?:solicitor|lawyer|legal\s+advis[eo]r)s?"
                   r"|(?:solicitor|lawyer|legal\s+advis[eo]r)s?\s+(?:in|from|at|with|for|of)\s+(?:the\s+)?"
                   r"(?:(?:council|local\s+authority)(?:'s|\u2019s)?\s+)?"
                   r"(?:legal\s+(?:team|services|department)|(?-i:Legal)|council|local\s+authority)\b)")
# "legal" in lower case as the name of the department, as e-mails write it ("from legal, and", "per legal,",
# "past legal -"): only where a noun could not follow it ("legal advice", "legal order" are not the team).
_LEGAL_LOWER = (r"(?-i:legal)(?=[ \t]*(?:[,.;:)\-\u2013\u2014]|$)|[ \t]+(?:and|was|were|is|are|have|has|had|said|"
                r"says|advised|this|today|yesterday|earlier|who|they|about|on|colleagues|before|again)\b)")
# The council's lawyers as a record names them; not someone's own solicitor or independent advice.
_LAWYERS = (r"(?:(?-i:Legal)(?:\s+(?-i:Services|Team|Department|Dept))?|legal\s+services|legal\s+team|"
            r"the\s+legal\s+department|(?:the|our)\s+(?:council's\s+|local\s+authority's\s+|LA's\s+)?"
            r"(?:solicitor|lawyer|legal\s+adviser|legal\s+advisor)s?|(?:the\s+)?council's\s+(?:solicitor|lawyer)s?|"
            r"counsel|(?:the|our)\s+barrister|" + _COUNCIL_LAWYER + r"|" + _LEGAL_LOWER + r")")
_ADVISE = (r"(?:advised|advises|advise\s+that|advising|says|said|say|told|tells|consider(?:s|ed)?|"
           r"recommend(?:s|ed)?|suggest(?:s|ed)?|confirm(?:s|ed)?\s+that|"
           # "Legal confirmed (the) threshold is met": a proposition confirmed, not a date or receipt
           r"confirm(?:s|ed)?(?=(?:\s+[\w'\u2019]+){1,5}\s+(?:is|are|was|were|has|have|should|must|cannot|can|"
           r"could|would|will|may)\b)|think|thinks|thought|feel|feels|felt|"
           r"are\s+of\s+the\s+view|is\s+of\s+the\s+view|position\s+is)")


class RelayedRule(NamedTuple):
    """One named rule: a pattern that marks a sentence as relayed advice."""

    name: str
    description: str
    pattern: re.Pattern[str]


_ATTRIBUTED = re.compile(
    # "Legal have advised", "the council's solicitor says", "counsel's view is"
    r"(?<!seek\s)(?<!own\s)(?<!independent\s)(?<!their\s)(?<!his\s)(?<!her\s)(?<!free\s)\b" + _LAWYERS
    + r"(?:(?:'s|\u2019s)\s+(?:advice|view|opinion|position|recommendation)\b|"
    # "our solicitor, Mr <Name>, has advised": the lawyer's name may stand between
    r"(?:,?\s+(?-i:(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,2}),?)?"
    r"\s+(?:(?:have|has|had|also|has\s+also|have\s+also|are|is|was|were|would|will|then|clearly|"
    r"now)\s+){0,2}" + _ADVISE + r"\b)"
    # "advice from counsel", "we have been told by Legal", "according to Legal", "per the legal planning meeting"
    r"|\badvice\s+(?:(?:received|given|obtained|taken)\s+)?(?:from|of)\s+" + _LAWYERS + r"\b"
    # "the advice we got (had, received) from Legal"
    r"|\badvice\s+(?:we|I)\s+(?:have\s+|had\s+)?(?:got|had|received|were\s+given|was\s+given)\s+(?:from|of)\s+"
    + _LAWYERS + r"\b"
    # "Per Legal, ...", "as per Legal": what follows is their instruction
    r"|(?:^|[.;\n]\s*|\bas\s+)per\s+" + _LAWYERS + r"\b"
    r"|\b(?:told|advised|informed|guided)\s+by\s+" + _LAWYERS + r"\b"
    r"|\baccording\s+to\s+" + _LAWYERS + r"\b"
    r"|\b(?:per|following|as\s+agreed\s+at|as\s+discussed\s+at)\s+(?:the\s+)?legal\s+(?:planning|gateway)"
    r"(?:\s+(?:meeting|panel|discussion))?\b(?=[^.\n]{0,80}\b(?:should|must|not|cannot|will|advised|view))",
    re.IGNORECASE,
)
# The writer consulted the lawyers: "I spoke to Legal", "we discussed this with our solicitor".
_CONSULTED = re.compile(
    # "I spoke to Legal", or an e-mail's "Spoke with Legal ..." with the "I" left out
    r"(?:\b(?:I|we)\s+(?:have\s+|had\s+|then\s+|also\s+)?|^\W*(?:have\s+|had\s+|just\s+)?)"
    r"(?:spoke|spoken|talked|talk|consulted|checked|discussed|"
    r"went\s+(?:through|over)|reviewed|raised|ran\s+(?:this|it)\s+(?:past|by)|run\s+(?:this|it)\s+(?:past|by)|"
    r"rang|phoned|called|emailed|e-mailed|met|sought\s+advice|took\s+advice|asked)\b[^.\n]{0,80}?\b"
    r"(?:to|with|from)?\s*" + _LAWYERS + r"\b"
    r"|\b(?:(?:tele)?phone\s+call|call|meeting|discussion|conversation|consultation|e-?mail)\s+(?:with|from|to)\b"
    r"[^.\n]{0,60}?\b" + _LAWYERS + r"\b",
    re.IGNORECASE,
)
# A following sentence in which the consulted lawyers advise: "Their view is", "They also advised".
_PRONOUN_ADVICE = re.compile(
    r"^\W*(?:(?:their|his|her)\s+(?:view|advice|opinion|position|recommendation)\b|"
    r"(?:they|he|she)\s+(?:have\s+|has\s+|had\s+|also\s+|further\s+|then\s+|would\s+){0,2}"
    r"(?:advise[ds]?|recommend(?:s|ed)?|suggest(?:s|ed)?|consider(?:s|ed)?|think|thinks|feel|feels|"
    r"said\s+that|say\s+that|says\s+that|confirmed\s+that|(?:are|is|was|were)\s+of\s+the\s+(?:view|opinion)|"
    r"took\s+the\s+view|believes?\s+that|believed\s+that|"
    r"(?:are|is|were|was)\s+(?:happy|content|satisfied)\s+(?:for\s+us\s+to|that))\b|"
    r"according\s+to\s+(?:them|him|her)\b)",
    re.IGNORECASE,
)

# Where a consultation sentence goes on to its advice: a dash, colon or semicolon, or ", and"/"and" before a pronoun.
_CLAUSE_BREAK = re.compile(r"\s+[-\u2013\u2014:;]\s+|,\s+(?:and\s+)?(?=(?:they|he|she)\b)"
                           r"|\s+and\s+(?=(?:they|he|she)\b)")

#: The sentence rules, in order (the follow-on rule needs the consultation sentence before it).
RELAYED_RULES: tuple[RelayedRule, ...] = (
    RelayedRule("lpp-relayed-attributed", "A sentence attributing advice or a view to the council's lawyers.",
                _ATTRIBUTED),
    RelayedRule("lpp-relayed-follow-on", "After a sentence saying the writer consulted the lawyers, a sentence "
                "of the same paragraph in which they advise or give a view.", _PRONOUN_ADVICE),
)


def relayed_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of ``text`` that relay the council's legal advice (rules :data:`RELAYED_RULES`)."""
    attributed, follow_on = (r.pattern for r in RELAYED_RULES)
    out = []
    consulted = False
    prev_end = 0
    for s, e in sentences:
        if re.search(r"\n[ \t]*\n", text[prev_end:s]) or "\n\n" in text[s:e].strip():
            consulted = False  # a new paragraph ends the relayed passage
        prev_end = e
        sentence = text[s:e]
        if attributed.search(sentence):
            out.append(trim_span(text, s, e))
            consulted = True
            continue
        if consulted and follow_on.search(sentence):
            out.append(trim_span(text, s, e))
            continue
        consult = _CONSULTED.search(sentence)
        if consult:
            consulted = True
            # "Spoke with <Name> in Legal - she thinks ...": the advice shares the consultation's sentence
            for sep in _CLAUSE_BREAK.finditer(sentence[consult.end():]):
                rest = consult.end() + sep.end()
                if follow_on.match(sentence[rest:]):
                    out.append(trim_span(text, s + rest, e))
                    break
    return [(a, b) for a, b in out if b > a]
