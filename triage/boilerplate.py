"""Boilerplate that is not part of what a requester asks: site footers, greetings, sign-offs, hand-overs.

Request-site footers, e-mail salutations, sign-offs and signatures, quoted lines of an earlier message, and
a review request's hand-over line.

Provenance of the word lists: the footer lines are the standing text that public FOI request sites
(Alaveteli-based, such as the UK's WhatDoTheyKnow) append to every message they relay, as seen on any
published request thread; salutations and sign-offs are the common English letter conventions.

Contract: :func:`blank_boilerplate` returns a string of the SAME length as its input in which every
boilerplate span is replaced by spaces (newlines kept), so offsets into it are offsets into the original
text and excerpts stay exact. Nothing is removed when the whole text would be blank.
"""

from __future__ import annotations

import re

# Lines a request site adds to every relayed message (each matched as a whole line or paragraph).
_SITE_LINES = (
    r"please use this e-?mail address for all replies to this request:?",
    r"\S+@(?:whatdotheyknow\.com|[\w.-]*alaveteli[\w.-]*)\S*",
    r"is \S+ the wrong address for (?:freedom of information|foi|information) requests to [^?\n]+\?"
    r"(?:\s*if so,? please contact us using this form:?)?",
    r"if so,? please contact us using this form:?",
    r"disclaimer: this message and any reply that you make will be published on the internet\.?"
    r"(?:\s*our privacy and copyright policies:?)?",
    r"our privacy and copyright policies:?",
    r"for more detailed guidance on safely disclosing information,? read the latest advice from the ico:?",
    r"please note that in some cases publication of requests and responses will be delayed\.?",
    r"if you find (?:this|the) service useful as an foi officer,? please ask your web manager to link to us "
    r"from your organisation'?s foi page\.?",
    r"this request has been sent (?:to you )?by a member of the public[^\n]*",
    r"https?://\S+",
    r"-{5,}|_{5,}|={5,}",
)
_SITE_LINE = re.compile(r"^[ \t>]*(?:" + "|".join(_SITE_LINES) + r")[ \t]*$", re.I | re.M)

# The site's internal-review template opens with a hand-over line and closes with a pointer to the thread;
# both name "Freedom of Information" without saying anything about what is asked.
_HANDOVER = re.compile(
    r"please pass this on to the person who (?:conducts|deals with|handles) (?:freedom of information|foi)"
    r" reviews\.?|"
    r"a full history of my (?:foi |eir |information )?request and all correspondence is available on the "
    r"internet at this address:?(?:\s*https?://\S+)?",
    re.I,
)

# "Dear X," at the start of a line: up to its comma or colon, or the whole line when it has none.
_GREET = r"(?:dear|hi|hello|hiya|hey|good (?:morning|afternoon|evening)|to whom it may concern)\b"
_SALUTATION = re.compile(
    rf"^[ \t]*{_GREET}(?:[^,:\n]{{0,60}}[,:]|[^,:\n]{{0,60}}$)",
    re.I | re.M,
)
# A sign-off and everything after it on the next few short lines (name, title, phone, "sent from ...").
_SIGN_OFF = re.compile(
    r"(?:^|(?<=[.!?])[ \t]+|\n)[ \t]*(?:yours (?:faithfully|sincerely|truly)|kind(?:est)? regards|best "
    r"regards|warm regards|regards|best wishes|many thanks|thanks in advance|thank you in advance|thanks|"
    r"thank you|cheers|ta|sincerely|with thanks)[ \t]*[,.!]?(?:[ \t]*(?:\n[^\n]{0,60}){0,4}|[ \t]+[^\n.]{0,60})"
    r"\s*$",
    re.I,
)
# An e-mail reply quotes the earlier message: ">"-prefixed lines and the "On <date>, <name> wrote:" line
# that introduces them are the council's or the requester's earlier words, not this message's ask.
_QUOTED = re.compile(r"^[ \t]*>[^\n]*$|^[ \t]*on [^\n]{4,120} wrote:[ \t]*$", re.I | re.M)
_SENT_FROM = re.compile(r"\(?\bsent from my [\w ]{2,30}\)?", re.I)


def _blank(text: str, a: int, b: int) -> str:
    return text[:a] + "".join(c if c == "\n" else " " for c in text[a:b]) + text[b:]


def blank_boilerplate(text: str) -> str:
    """``text`` with site footers, hand-over lines, salutations and sign-offs blanked (same length)."""
    out = text
    for pattern in (_SITE_LINE, _HANDOVER, _QUOTED, _SENT_FROM, _SALUTATION):
        for m in pattern.finditer(out):
            out = _blank(out, m.start(), m.end())
    m = _SIGN_OFF.search(out)
    if m and out[:m.start()].strip():
        out = _blank(out, m.start(), m.end())
    return out if out.strip() else text
