"""Cues for reviews (FOIA s.45 Code, EIR reg 11) and for what makes a clause a request."""

from __future__ import annotations

import re

from triage.cues.lexicon import cue

# Internal review (FOIA s.50 precursor, s.45 Code) and EIR reg 11 reconsideration.
REVIEW = cue(
    "review", "FOIA s.45 Code / EIR reg 11", "asks for a review of a response",
    r"\binternal review\b|\breconsideration\b|\bmake representations\b|\brepresentations (?:under|about)\b",
    r"\breg(?:ulation)?\.? ?11\b",
    r"\bappeal (?:against |of )?(?:the |your |this |that )?(?:decision|refusal|response|outcome)\b",
    r"\b(?:not satisfied|dissatisfied|unhappy|not happy)\s+with\s+(?:how|the way)\s+(?:you|the council|your "
    r"team)\s+(?:dealt|handled|responded|answered|replied)\b",
    r"\b(?:decision|refusal|response|answer|outcome|reply|it|this|that)\s+(?:\w+\s+){0,2}?(?:reviewed|"
    r"reconsidered|"
    r"looked at again|revisited|checked again|re-?examined)\b",
    r"\b(?:like|want|ask|asking|request) (?:you|the council) to "
    r"(?:reconsider|review|look again|think again)\b",
    r"\b(?:please )?reconsider(?:\s*[.!]|\s*$)",
    r"\b(?:review|reconsider|re-consider|revisit|look again at"
    r"|challeng\w*)\s+(?:\w+\s+){0,4}?(?:decision|refusal|"
    r"response|reply|answer|handling|outcome|exemptions?|redactions?)\b",
    r"\b(?:complain\w*|unhappy|dissatisfied|not (?:happy|satisfied)|disagree|object)\s+(?:\w+\s+){0,4}?"
    r"(?:with|about|regarding|at|over|to)\s+(?:\w+\s+){0,4}?(?:response|reply|decision|refusal|answer|"
    r"handling|the way|redactions?|exemptions?)\b",
)
REQUEST_CONTEXT = re.compile(
    r"\b(?:foia|eir|request|requests|exemptions?|section \d+|s\.? ?\d+|reg\.? ?\d+|refus\w*|withh\w*|"
    r"redact\w*|reference|ref)\b", re.I,
)

ACCESS_VERB = re.compile(
    r"\b(?:see|view|read|copy|copies|access|look at|have a look|send me|send us|obtain|receive|get hold of|"
    r"know what|find out what|provide me)\b", re.I,
)

# What makes a clause a request rather than background ("I was in care in the 1990s.").
REQUEST_MARK = re.compile(
    r"\?|\b(?:wonder|wondering|curious|grateful|appreciate|hoping|hope you can|please|kindly|would like|"
    r"would love|"
    r"want|wants|wanted|wanting|wish|need|needs|require|request (?:a"
    r"|an|the|that|"
    r"copies|copy|access|information|details|all|any|to)|i request|we request|requesting|asking for|asks for|"
    r"is asking|looking for|seeking|seeks|can (?:i|you|we|the council)|could (?:i|you|we)|would you|may i|"
    r"send|provide|disclose|tell me|let me (?:know|have|see)|give me|forward|supply|release|copy of|"
    r"copies of|how many|how much|details of|list of|a list|breakdown|interested in|after a copy|"
    r"trying to (?:get|find|obtain)|find out|like to know|want to know|under (?:the )?(?:foia|eir|dpa|gdpr)|"
    r"make a|making a|submit|this is a|rang|phoned|called|emailed|request:|enquiry:|inquiry:|re:|subject:)\b",
    re.I,
)
# A weak FOI cue counts only in a question ("Who runs the fostering team?"), not in a remark.
QUESTION = re.compile(
    r"\?|^\s*(?:who|what|which|when|where|why|how|is|are|does|do|did|has|have|can you tell|could you tell|"
    r"please (?:tell|confirm|provide|send|let)|tell me|i would like to know|i want to know)\b|"
    r"\b(?:please )?(?:send|provide|supply|confirm|disclose)\b",
    re.I,
)
GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hiya|hey|good (?:morning|afternoon|evening)|to whom|yours|kind regards|regards|"
    r"best wishes|many thanks|thanks|thank you|sincerely|cheers|from:|to:|sent:|date:)\b", re.I,
)
DECLARATIVE = re.compile(
    r"^\s*(?:[\w',-]+\s+){0,12}?(?:is|was|were|are|am|has|have|had|did|do|does|didn't|doesn't|don't|hasn't|"
    r"haven't|wasn't|isn't|aren't|weren't|can't|won't|said|says|told|went|lived|live|"
    r"think|thought|believe|know|feel|felt|got|received|became|been|came|left|moved|asked|wrote|sent|made|"
    r"submitted|replied|responded|refused|applied|will|should|must|seems?)\b", re.I,
)
CONNECTOR = re.compile(
    r"^\s*(?:and|also|plus|additionally|in addition|separately|secondly|thirdly|finally|lastly"
    r"|further(?:more)?|"
    r"moreover|besides|as well as|along with|together with|[-*\u2022]|\(?\d+[.)]|\(?[a-h][.)])\b", re.I,
)
