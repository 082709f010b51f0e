"""A message from the council's lawyers inside an e-mail or an e-mail chain (SCH2-P19-LPP).

Legal professional privilege covers the communication between the council and its lawyers, not only
the sentences that say "advise" (rulebook LPP: DPA 2018 Sch 2 Part 4 para 19). A redactor reading an
e-mail chain withholds the body of each message the council's lawyer wrote to the council, wherever
it stands in the chain (the latest message, or one quoted in a reply or a forward), and leaves the
other messages, the header lines and the signatures alone.

Rule ``lpp-lawyer-message``: the text is split into messages at e-mail header blocks (``From:``,
``Sent:``, ``To:``, ``Subject:`` lines). A message is the council's lawyer's when its ``From:`` line
or its signature (the short lines after its sign-off, or its last lines) names the council's legal
department ("Legal Services", "Legal Team"), or names a solicitor, lawyer, legal adviser or counsel
together with the council (a council or local authority word, or a ``gov.uk`` address). A solicitor
with no such tie may be a parent's own and gives the council no advice. A message addressed to a firm
of solicitors or chambers (its ``To:`` line) is correspondence with the other side, not advice. In
the council's lawyer's message every prose line of the body (a line of six words or more, or one that
ends a sentence) is withheld, up to the sign-off, a disclaimer or the next header block. The rule
reads a document's pages joined, so a body may run over a page break and the signature that names
the lawyer may stand on the next page.

Word lists are general English e-mail and legal-department usage (no corpus phrases).
"""

from __future__ import annotations

import re

from redaction.text import trim_span

_HEADER = re.compile(r"^[ \t>]*(?:from|sent|to|cc|bcc|subject|date|importance|attachments?)[ \t]*:", re.IGNORECASE)
_FROM = re.compile(r"^[ \t>]*from[ \t]*:", re.IGNORECASE)
_TO = re.compile(r"^[ \t>]*(?:to|cc)[ \t]*:(.*)$", re.IGNORECASE)
# A chain's separators: the next message starts here even before its header block.
_SEPARATOR = re.compile(r"^[ \t>]*(?:-{2,}.*(?:original|forwarded)\s+message|On\b.{4,120}\bwrote:\s*$)",
                        re.IGNORECASE)
_SIGN_OFF = re.compile(r"^[ \t>]*(?:(?:kind|best|warm|many)\s+(?:regards|wishes|thanks)|regards|thanks|thank\s+you|"
                       r"many\s+thanks|best|cheers|yours\s+(?:sincerely|faithfully))[ \t,.!]*$", re.IGNORECASE)
_DISCLAIMER = re.compile(r"^[ \t>]*(?:this\s+e-?mail\b|the\s+information\s+(?:in|contained\s+in)\s+this|"
                         r"confidentiality\s+notice|disclaimer\b)", re.IGNORECASE)
# The council's legal department by its name, capitalised as a department is ("Legal Services").
_DEPARTMENT = re.compile(r"\b(?-i:Legal)\s+(?:Services|Team|Department|Dept|Practice|Unit)\b|\blegal@", re.IGNORECASE)
_LAWYER_ROLE = re.compile(r"\b(?:solicitor|lawyer|legal\s+advis[eo]r|counsel|barrister|paralegal|legal\s+officer)\b",
                          re.IGNORECASE)
_COUNCIL = re.compile(r"\b(?:council|borough|county|local\s+authority)\b|\.gov\.uk\b", re.IGNORECASE)
# A firm or chambers as the addressee: the message goes to the other side.
_EXTERNAL = re.compile(r"\bsolicitors\b|\bLLP\b|\bchambers\b|&\s*Co\b|\blaw\b", re.IGNORECASE)
_SIGNATURE_LINES = 6


def _is_prose(line: str) -> bool:
    """A line of the body's text: six words or more, or a sentence's end; not a signature line.

    A line that names the lawyer's role or department and ends without a sentence's punctuation is
    the signature ("<Name>, Senior Solicitor, Legal Services"), even with no sign-off before it.
    """
    words = line.split()
    ends = line.rstrip()[-1:] in ".!?;:"
    if not ends and (_DEPARTMENT.search(line) or _LAWYER_ROLE.search(line)):
        return False
    return len(words) >= 6 or (len(words) >= 3 and ends)


def _lawyer_sender(block: list[str]) -> bool:
    text = " ".join(block)
    return bool(_DEPARTMENT.search(text) or (_LAWYER_ROLE.search(text) and _COUNCIL.search(text)))


def _messages(lines: list[str]) -> list[tuple[int, int, int]]:
    """``(header start, body start, end)`` line indexes of each message that has a header block."""
    out = []
    i = 0
    while i < len(lines):
        if not _FROM.match(lines[i]):
            i += 1
            continue
        head = i
        i += 1
        while i < len(lines) and (_HEADER.match(lines[i]) or not lines[i].strip()):
            i += 1
        body = i
        while i < len(lines) and not _FROM.match(lines[i]) and not _SEPARATOR.match(lines[i]):
            i += 1
        out.append((head, body, i))
    return out


def lawyer_message_spans(text: str) -> list[tuple[int, int]]:
    """Prose lines of each message the council's lawyer wrote (rule ``lpp-lawyer-message``)."""
    lines = text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    out = []
    for head, body, end in _messages(lines):
        headers = lines[head:body]
        if any((m := _TO.match(h)) and _EXTERNAL.search(m.group(1)) for h in headers):
            continue
        prose_end = end
        for k in range(body, end):
            if _SIGN_OFF.match(lines[k]) or _DISCLAIMER.match(lines[k]):
                prose_end = k
                break
        signature = [ln for ln in lines[prose_end:end] if ln.strip() and not _DISCLAIMER.match(ln)][:_SIGNATURE_LINES]
        if prose_end == end:  # no sign-off: the last short lines are the signature
            tail = [ln for ln in lines[body:end] if ln.strip()]
            signature = [ln for ln in tail[-_SIGNATURE_LINES:] if not _is_prose(ln)]
        sender = [h for h in headers if _FROM.match(h)]
        if not _lawyer_sender(sender + signature):
            continue
        for k in range(body, prose_end):
            if _is_prose(lines[k]) and not _DISCLAIMER.match(lines[k]):
                s, e = trim_span(text, offsets[k], offsets[k] + len(lines[k]))
                if e > s:
                    out.append((s, e))
    return out
